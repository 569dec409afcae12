/**
 * Diagnostic 360° (SPEC §7): 24 questions, 8 per axis (stratégie · outils · organisation), each
 * answered 0 Non · 1 Partiellement · 2 Oui, formalisé · 3 Oui, suivi et évalué. Data, plus the
 * scoring used both in TypeScript (diagnosticScores) and, identically, as live Excel formulas in
 * the Diagnostic 360 sheet:
 *
 * - an answer is the leading digit 0–3 of the cell ("2 · Oui, formalisé", 2, "2") — the Excel
 *   formula is IFERROR(MATCH(LEFT(cell,1),{"0","1","2","3"},0)-1,""); anything else is unanswered;
 * - axis score = Σ answers / (3 × answered questions of the axis), null when none is answered
 *   (unanswered questions do not count as 0); TypeScript gives it in % (0–100), the sheet as a
 *   fraction with a % format;
 * - weak items: answered 0 or 1, weakest first (then question order), at most 8; each feeds the
 *   plan with its lever.
 */
import type { Lang, PlanListKey } from "./labels";
import { PLAN_LISTS, pick } from "./labels";

export type Axis = "strategie" | "outils" | "organisation";

export const AXES: readonly Axis[] = ["strategie", "outils", "organisation"];

export const AXIS_LABELS: Record<Axis, readonly [string, string]> = {
  strategie: ["Stratégie", "Strategy"],
  outils: ["Outils", "Tools"],
  organisation: ["Organisation", "Organisation"],
};

/** A lever of the plan's lever list (PLAN_LISTS.lever index). */
type LeverIndex = number;

export interface DiagnosticQuestion {
  /** Stable id: STR-01…STR-08, OUT-01…, ORG-01…. */
  id: string;
  axis: Axis;
  /** Topic (short), French and English. */
  topic: readonly [string, string];
  text: readonly [string, string];
  /** Lever of the plan it feeds when weak (an item of the plan's lever list). */
  lever: LeverIndex;
  /** The action proposed in the plan when weak. */
  action: readonly [string, string];
}

const L = {
  marche: 0,
  groupement: 1,
  environnement: 3,
  sourcing: 5,
  accordCadre: 6,
  organisation: 9,
  outil: 10,
  autre: 11,
} as const;

export const DIAGNOSTIC_QUESTIONS: readonly DiagnosticQuestion[] = [
  // Stratégie
  {
    id: "STR-01",
    axis: "strategie",
    topic: ["Politique d'achat formalisée", "Formal purchasing policy"],
    text: [
      "La collectivité dispose-t-elle d'une politique d'achat formalisée et validée par l'exécutif ?",
      "Does the authority have a formal purchasing policy approved by its executive?",
    ],
    lever: L.organisation,
    action: [
      "Rédiger et faire valider une politique d'achat",
      "Draft and approve a purchasing policy",
    ],
  },
  {
    id: "STR-02",
    axis: "strategie",
    topic: ["Alignement sur les politiques publiques", "Alignment with public policies"],
    text: [
      "Les achats sont-ils explicitement reliés aux politiques publiques (transition écologique, emploi, développement local) ?",
      "Are purchases explicitly linked to public policies (ecological transition, employment, local development)?",
    ],
    lever: L.organisation,
    action: [
      "Relier chaque famille d'achat à une politique publique",
      "Link each purchase family to a public policy",
    ],
  },
  {
    id: "STR-03",
    axis: "strategie",
    topic: ["Plan pluriannuel", "Multi-year plan"],
    text: [
      "Existe-t-il un plan d'achat pluriannuel (programmation des consultations sur plusieurs années) ?",
      "Is there a multi-year purchasing plan (tenders scheduled over several years)?",
    ],
    lever: L.accordCadre,
    action: [
      "Établir une programmation pluriannuelle des consultations",
      "Build a multi-year tender schedule",
    ],
  },
  {
    id: "STR-04",
    axis: "strategie",
    topic: ["Objectifs d'économies", "Savings targets"],
    text: [
      "Des objectifs d'économies chiffrés sont-ils fixés et suivis ?",
      "Are quantified savings targets set and monitored?",
    ],
    lever: L.organisation,
    action: [
      "Fixer des objectifs d'économies par famille et les suivre",
      "Set savings targets by family and monitor them",
    ],
  },
  {
    id: "STR-05",
    axis: "strategie",
    topic: ["Achats responsables / SPASER", "Responsible purchasing / SPASER"],
    text: [
      "Une démarche d'achats responsables (SPASER ou équivalent) est-elle adoptée et mise en œuvre ?",
      "Is a responsible purchasing scheme (SPASER or equivalent) adopted and implemented?",
    ],
    lever: L.environnement,
    action: [
      "Adopter un schéma d'achats responsables (SPASER)",
      "Adopt a responsible purchasing scheme (SPASER)",
    ],
  },
  {
    id: "STR-06",
    axis: "strategie",
    topic: ["Charte de déontologie", "Ethics charter"],
    text: [
      "Une charte de déontologie de l'achat (conflits d'intérêts, cadeaux) est-elle diffusée et signée ?",
      "Is a purchasing ethics charter (conflicts of interest, gifts) circulated and signed?",
    ],
    lever: L.organisation,
    action: [
      "Diffuser une charte de déontologie de l'achat",
      "Circulate a purchasing ethics charter",
    ],
  },
  {
    id: "STR-07",
    axis: "strategie",
    topic: ["Relations fournisseurs", "Supplier relations"],
    text: [
      "La collectivité a-t-elle une politique de relations fournisseurs (rencontres, délais de paiement, médiation) ?",
      "Does the authority have a supplier relations policy (meetings, payment times, mediation)?",
    ],
    lever: L.sourcing,
    action: [
      "Définir une politique de relations fournisseurs",
      "Define a supplier relations policy",
    ],
  },
  {
    id: "STR-08",
    axis: "strategie",
    topic: ["Accès des PME", "SME access"],
    text: [
      "L'accès des PME à la commande publique est-il favorisé (allotissement, avances, simplification) ?",
      "Is SME access to public contracts encouraged (lots, advances, simplification)?",
    ],
    lever: L.sourcing,
    action: [
      "Allotir et simplifier les dossiers pour les PME",
      "Use lots and simpler files for SMEs",
    ],
  },
  // Outils
  {
    id: "OUT-01",
    axis: "outils",
    topic: ["Cartographie des achats", "Purchase mapping"],
    text: [
      "Une cartographie des achats (dépense par famille, fournisseur, entité) est-elle tenue à jour ?",
      "Is a purchase map (spend by family, supplier, entity) kept up to date?",
    ],
    lever: L.outil,
    action: [
      "Actualiser la cartographie des achats chaque année",
      "Refresh the purchase map every year",
    ],
  },
  {
    id: "OUT-02",
    axis: "outils",
    topic: ["Nomenclature", "Nomenclature"],
    text: [
      "Une nomenclature des achats (familles homogènes) est-elle définie et utilisée à l'engagement ?",
      "Is a purchase nomenclature (homogeneous families) defined and used when committing spend?",
    ],
    lever: L.outil,
    action: [
      "Définir et imposer une nomenclature des familles d'achat",
      "Define and enforce a purchase family nomenclature",
    ],
  },
  {
    id: "OUT-03",
    axis: "outils",
    topic: ["Tableau de bord et indicateurs", "Dashboard and KPIs"],
    text: [
      "Un tableau de bord des achats avec des indicateurs est-il produit et partagé régulièrement ?",
      "Is a purchasing dashboard with KPIs produced and shared regularly?",
    ],
    lever: L.outil,
    action: ["Produire le tableau de bord chaque mois", "Produce the dashboard every month"],
  },
  {
    id: "OUT-04",
    axis: "outils",
    topic: ["Registre des marchés et calendrier", "Contract register and calendar"],
    text: [
      "Un registre des marchés avec un calendrier des renouvellements est-il tenu ?",
      "Is a contract register with a renewal calendar maintained?",
    ],
    lever: L.marche,
    action: [
      "Tenir un registre des marchés et un calendrier de renouvellement",
      "Keep a contract register and renewal calendar",
    ],
  },
  {
    id: "OUT-05",
    axis: "outils",
    topic: ["Dématérialisation / profil acheteur", "E-procurement / buyer profile"],
    text: [
      "Les consultations sont-elles entièrement dématérialisées sur un profil d'acheteur ?",
      "Are tenders fully run electronically on a buyer profile?",
    ],
    lever: L.outil,
    action: ["Dématérialiser toutes les consultations", "Run every tender electronically"],
  },
  {
    id: "OUT-06",
    axis: "outils",
    topic: ["Évaluation des fournisseurs", "Supplier evaluation"],
    text: [
      "Les fournisseurs sont-ils évalués en cours et en fin d'exécution ?",
      "Are suppliers evaluated during and at the end of contracts?",
    ],
    lever: L.sourcing,
    action: ["Mettre en place une évaluation des fournisseurs", "Set up supplier evaluation"],
  },
  {
    id: "OUT-07",
    axis: "outils",
    topic: ["Publication des DECP", "DECP publication"],
    text: [
      "Les données essentielles des marchés (DECP) sont-elles publiées pour tous les marchés concernés ?",
      "Are the essential contract data (DECP) published for every contract concerned?",
    ],
    lever: L.outil,
    action: ["Publier systématiquement les DECP", "Publish DECP for every contract"],
  },
  {
    id: "OUT-08",
    axis: "outils",
    topic: ["Qualité des données de dépense", "Spend data quality"],
    text: [
      "Les données de dépense sont-elles fiables (SIRET, famille, référence de marché renseignés) ?",
      "Is spend data reliable (SIRET, family, contract reference filled in)?",
    ],
    lever: L.outil,
    action: [
      "Fiabiliser la saisie (SIRET, famille, n° de marché)",
      "Improve data entry (SIRET, family, contract no.)",
    ],
  },
  // Organisation
  {
    id: "ORG-01",
    axis: "organisation",
    topic: ["Fonction achat identifiée", "Identified purchasing function"],
    text: [
      "Une fonction achat est-elle identifiée, distincte de la seule sécurisation juridique des marchés ?",
      "Is there an identified purchasing function, beyond legal procurement?",
    ],
    lever: L.organisation,
    action: [
      "Identifier une fonction achat et ses missions",
      "Set up an identified purchasing function",
    ],
  },
  {
    id: "ORG-02",
    axis: "organisation",
    topic: ["Planification des besoins", "Needs planning"],
    text: [
      "Les besoins sont-ils recensés et planifiés chaque année avec les services ?",
      "Are needs collected and planned every year with the departments?",
    ],
    lever: L.marche,
    action: [
      "Recenser les besoins chaque année avec les services",
      "Collect needs every year with departments",
    ],
  },
  {
    id: "ORG-03",
    axis: "organisation",
    topic: ["Mutualisation / groupements", "Pooling / joint purchasing"],
    text: [
      "La mutualisation (groupements de commandes, centrales d'achat) est-elle organisée avec les autres entités ?",
      "Is pooling (joint purchasing groups, central bodies) organised with the other entities?",
    ],
    lever: L.groupement,
    action: ["Organiser des groupements de commandes", "Organise joint purchasing groups"],
  },
  {
    id: "ORG-04",
    axis: "organisation",
    topic: ["Formation des acheteurs", "Buyer training"],
    text: [
      "Les acheteurs et prescripteurs sont-ils formés (achat, droit, achats responsables) ?",
      "Are buyers and requisitioners trained (purchasing, law, responsible purchasing)?",
    ],
    lever: L.organisation,
    action: ["Former les acheteurs et les prescripteurs", "Train buyers and requisitioners"],
  },
  {
    id: "ORG-05",
    axis: "organisation",
    topic: ["Sourcing et connaissance des marchés", "Sourcing and market knowledge"],
    text: [
      "Un sourcing (connaissance de l'offre, rencontres fournisseurs) précède-t-il les consultations importantes ?",
      "Does sourcing (market knowledge, supplier meetings) precede major tenders?",
    ],
    lever: L.sourcing,
    action: [
      "Systématiser le sourcing avant les consultations",
      "Make sourcing systematic before tenders",
    ],
  },
  {
    id: "ORG-06",
    axis: "organisation",
    topic: ["Contrôle interne", "Internal control"],
    text: [
      "Le contrôle interne et la séparation des tâches (engagement, service fait, paiement) sont-ils assurés ?",
      "Are internal control and segregation of duties (commitment, delivery, payment) ensured?",
    ],
    lever: L.organisation,
    action: [
      "Formaliser le contrôle interne de la chaîne achat",
      "Formalise internal control of the purchasing chain",
    ],
  },
  {
    id: "ORG-07",
    axis: "organisation",
    topic: ["Chaîne de paiement (DGP)", "Payment chain (payment time)"],
    text: [
      "Le délai global de paiement est-il suivi et respecté (30 jours) ?",
      "Is the overall payment time monitored and met (30 days)?",
    ],
    lever: L.organisation,
    action: ["Suivre et réduire le délai global de paiement", "Monitor and reduce payment times"],
  },
  {
    id: "ORG-08",
    axis: "organisation",
    topic: ["Coordination centre / territoires", "Central / territorial coordination"],
    text: [
      "La coordination entre les services centraux et les territoires est-elle organisée pour les achats ?",
      "Is purchasing coordinated between central services and territories?",
    ],
    lever: L.groupement,
    action: [
      "Organiser la coordination achats entre centre et territoires",
      "Organise purchasing coordination between centre and territories",
    ],
  },
];

export type DiagnosticAnswer = 0 | 1 | 2 | 3;

/**
 * The answer held by a cell: its leading character when it is 0–3 (numbers in their plain
 * form), else null. Mirrors the sheet's IFERROR(MATCH(LEFT(x,1),{"0","1","2","3"},0)-1,"").
 */
export function parseAnswer(value: unknown): DiagnosticAnswer | null {
  if (value === null || value === undefined || typeof value === "boolean") return null;
  const s =
    typeof value === "number" ? (Number.isFinite(value) ? String(value) : "") : String(value);
  const c = s.charAt(0);
  return c === "0" || c === "1" || c === "2" || c === "3" ? (Number(c) as DiagnosticAnswer) : null;
}

export interface AxisScore {
  axis: Axis;
  /** Σ answers / (3 × answered), in % (0–100); null when nothing is answered. */
  score: number | null;
  answered: number;
  questions: number;
}

export interface WeakItem {
  question: DiagnosticQuestion;
  answer: DiagnosticAnswer;
}

export interface DiagnosticScores {
  byAxis: Record<Axis, AxisScore>;
  /** Over every answered question, %; null when none. */
  overall: number | null;
  answered: number;
  /** Answered 0 or 1, weakest first, at most 8. */
  weakest: WeakItem[];
}

export const WEAK_MAX_ANSWER = 1;
export const WEAK_MAX_ITEMS = 8;

/** Scores per axis from answers keyed by question id (unknown ids ignored). */
export function diagnosticScores(
  answers: Record<string, DiagnosticAnswer | null | undefined>
): DiagnosticScores {
  const byAxis = {} as Record<Axis, AxisScore>;
  let sumAll = 0;
  let answeredAll = 0;
  const weak: WeakItem[] = [];
  for (const axis of AXES) {
    const qs = DIAGNOSTIC_QUESTIONS.filter((q) => q.axis === axis);
    let sum = 0;
    let answered = 0;
    for (const q of qs) {
      const a = answers[q.id];
      if (a === null || a === undefined) continue;
      sum += a;
      answered++;
      if (a <= WEAK_MAX_ANSWER) weak.push({ question: q, answer: a });
    }
    sumAll += sum;
    answeredAll += answered;
    byAxis[axis] = {
      axis,
      score: answered === 0 ? null : (sum / (3 * answered)) * 100,
      answered,
      questions: qs.length,
    };
  }
  const order = (q: DiagnosticQuestion) => DIAGNOSTIC_QUESTIONS.indexOf(q);
  weak.sort((a, b) => a.answer - b.answer || order(a.question) - order(b.question));
  return {
    byAxis,
    overall: answeredAll === 0 ? null : (sumAll / (3 * answeredAll)) * 100,
    answered: answeredAll,
    weakest: weak.slice(0, WEAK_MAX_ITEMS),
  };
}

/** The plan lever (list item) a question feeds. */
export function questionLever(lang: Lang, q: DiagnosticQuestion): string {
  return pick(lang, PLAN_LISTS.lever[q.lever]);
}

export type { PlanListKey };
