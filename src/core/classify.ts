/**
 * Homogeneous families (SPEC §2.6): the first rule that applies classifies a line —
 * the buyer's family code → the CPV group (3 digits) → the budget article through a default M57
 * mapping → "Non classé". The Family records which rule did it, so the choice is explainable.
 *
 * Families are memoised: every line of a family shares one Family object (memory on 1 M lines).
 */
import type { Family, Nature, SpendLine } from "./model";
import { CPV_DIVISION_LABELS, cpvGroup, natureFromCpv } from "./parse/cpv";

export interface BudgetArticleFamily {
  label: string;
  nature: Nature | null;
  /**
   * A catch-all article ("autres…", "contrats de prestations de services"): not a homogeneous
   * family by itself (R2121-6), so an alert that rests only on it gets the lowest severity.
   */
  catchAll?: boolean;
  /**
   * The article mixes natures (e.g. 615221 bâtiments: repairs that are works, maintenance that is
   * services): the nature is "à préciser". A line is then classified by its CPV code or the
   * buyer's nomenclature when given, otherwise left out of the per-nature thresholds.
   */
  natureToSpecify?: boolean;
  /** The article's purchases are outside the Code de la commande publique (legal basis). */
  outOfScope?: string;
}

/**
 * Default M57/M14 nature → family (longest prefix wins). Editable through the Paramètres sheet later.
 * Natures follow the code's definitions (L1111-2 to L1111-4 CCP): a rental of movables is a
 * supply (L1111-3), the maintenance and repair of roads is works (L1111-2), the maintenance of
 * buildings mixes works and services ("à préciser"); real-estate rentals are outside the code
 * (L2512-5 3°).
 */
export const DEFAULT_M57_FAMILIES: Record<string, BudgetArticleFamily> = {
  "60611": { label: "Eau et assainissement", nature: "Fournitures" },
  "60612": { label: "Énergie - électricité", nature: "Fournitures" },
  "60613": { label: "Chauffage urbain", nature: "Fournitures" },
  "60621": { label: "Combustibles", nature: "Fournitures" },
  "60622": { label: "Carburants", nature: "Fournitures" },
  "60623": { label: "Alimentation", nature: "Fournitures" },
  "60628": { label: "Autres fournitures non stockées", nature: "Fournitures", catchAll: true },
  "60631": { label: "Fournitures d'entretien", nature: "Fournitures" },
  "60632": { label: "Fournitures de petit équipement", nature: "Fournitures" },
  "60633": { label: "Fournitures de voirie", nature: "Fournitures" },
  "60636": { label: "Vêtements de travail", nature: "Fournitures" },
  "6064": { label: "Fournitures administratives", nature: "Fournitures" },
  "6065": { label: "Livres, disques, cassettes", nature: "Fournitures" },
  "6067": { label: "Fournitures scolaires", nature: "Fournitures" },
  "6068": { label: "Autres matières et fournitures", nature: "Fournitures", catchAll: true },
  "611": { label: "Contrats de prestations de services", nature: "Services", catchAll: true },
  "6042": { label: "Achats de prestations de services", nature: "Services" },
  "6132": {
    label: "Locations immobilières",
    nature: "Services",
    outOfScope: "Art. L2512-5 3° CCP (location de biens immobiliers)",
  },
  "6135": { label: "Locations mobilières", nature: "Fournitures" },
  "615221": {
    label: "Entretien et réparations de bâtiments publics",
    nature: null,
    natureToSpecify: true,
  },
  "615231": { label: "Entretien et réparations de voiries", nature: "Travaux" },
  "615232": { label: "Entretien et réparations de réseaux", nature: null, natureToSpecify: true },
  "61551": { label: "Entretien du matériel roulant", nature: "Services" },
  "6156": { label: "Maintenance", nature: "Services" },
  "616": { label: "Primes d'assurance", nature: "Services" },
  "6184": { label: "Formation", nature: "Services" },
  "6226": { label: "Honoraires", nature: "Services" },
  "6231": { label: "Annonces et insertions", nature: "Services" },
  "6236": { label: "Catalogues et imprimés", nature: "Services" },
  "6247": { label: "Transports collectifs", nature: "Services" },
  "6257": { label: "Réceptions", nature: "Services" },
  "6261": { label: "Frais d'affranchissement", nature: "Services" },
  "6262": { label: "Frais de télécommunications", nature: "Services" },
  "6283": { label: "Nettoyage des locaux", nature: "Services" },
  "2182": { label: "Matériel de transport", nature: "Fournitures" },
  "2183": { label: "Matériel de bureau et informatique", nature: "Fournitures" },
  "2184": { label: "Mobilier", nature: "Fournitures" },
  "6188": { label: "Autres frais divers", nature: "Services", catchAll: true },
  "6288": { label: "Autres services extérieurs", nature: "Services", catchAll: true },
  "2188": { label: "Autres immobilisations corporelles", nature: "Fournitures", catchAll: true },
  "2031": { label: "Frais d'études", nature: "Services" },
  "2135": { label: "Installations générales, agencements (travaux)", nature: "Travaux" },
  "2151": { label: "Réseaux de voirie (travaux)", nature: "Travaux" },
  "2152": { label: "Installations de voirie (travaux)", nature: "Travaux" },
  "2312": { label: "Agencements et aménagements de terrains (travaux)", nature: "Travaux" },
  "2313": { label: "Constructions (travaux)", nature: "Travaux" },
  "2315": { label: "Installations et réseaux (travaux)", nature: "Travaux" },
};

export interface FamilyInput {
  familyCode: string | null;
  familyLabel: string | null;
  cpv: string | null;
  budgetArticle: string | null;
}

export const UNCLASSIFIED: Family = Object.freeze({
  key: "NC",
  label: "Non classé",
  rule: "unclassified" as const,
});

/** Memoised families (one object per family, no per-line key strings): by code then label, by CPV group, by article text. */
const byCode = new Map<string, Map<string, Family>>();
const byCpvGroup = new Map<string, Family>();
const byArticle = new Map<string, Family | null>();
const byArticlePrefix = new Map<string, Family>();

/** The default M57 entry of a budget article (longest matching prefix), or null. */
export function budgetArticleFamily(
  article: string
): { prefix: string; entry: BudgetArticleFamily } | null {
  const digits = article.replace(/\D/g, "");
  for (let len = digits.length; len >= 3; len--) {
    const prefix = digits.slice(0, len);
    const entry = DEFAULT_M57_FAMILIES[prefix];
    if (entry) return { prefix, entry };
  }
  return null;
}

function familyOfCode(code: string, label: string | null): Family {
  let labels = byCode.get(code);
  if (!labels) byCode.set(code, (labels = new Map()));
  const labelKey = label ?? "";
  let f = labels.get(labelKey);
  if (!f)
    labels.set(
      labelKey,
      (f = Object.freeze({ key: `F:${code}`, label: label ?? code, rule: "familyCode" as const }))
    );
  return f;
}

function familyOfCpv(cpv: string): Family {
  const group = cpvGroup(cpv);
  let f = byCpvGroup.get(group);
  if (!f) {
    const division = CPV_DIVISION_LABELS[group.slice(0, 2)] ?? `Division CPV ${group.slice(0, 2)}`;
    f = Object.freeze({
      key: `CPV:${group}`,
      label: `${division} (groupe ${group})`,
      rule: "cpv" as const,
    });
    byCpvGroup.set(group, f);
  }
  return f;
}

function familyOfArticle(article: string): Family | null {
  let f = byArticle.get(article);
  if (f === undefined) {
    const found = budgetArticleFamily(article);
    f = null;
    if (found) {
      f = byArticlePrefix.get(found.prefix) ?? null;
      if (!f) {
        f = Object.freeze({
          key: `ART:${found.prefix}`,
          label: found.entry.label,
          rule: "budgetArticle" as const,
        });
        byArticlePrefix.set(found.prefix, f);
      }
    }
    byArticle.set(article, f);
  }
  return f;
}

export function classifyFamily(input: FamilyInput): Family {
  if (input.familyCode) return familyOfCode(input.familyCode, input.familyLabel);
  if (input.cpv) return familyOfCpv(input.cpv);
  if (input.budgetArticle) return familyOfArticle(input.budgetArticle) ?? UNCLASSIFIED;
  return UNCLASSIFIED;
}

/** The catch-all budget article behind a family (e.g. "611"), or null when it is not one. */
export function catchAllArticle(family: Family): string | null {
  if (family.rule !== "budgetArticle" || !family.key.startsWith("ART:")) return null;
  const prefix = family.key.slice(4);
  return DEFAULT_M57_FAMILIES[prefix]?.catchAll === true ? prefix : null;
}

/**
 * Why a line's nature cannot be set from its budget article: the article mixes natures
 * ("à préciser") and neither the nomenclature nor a CPV code gives it. null otherwise.
 */
export function natureToSpecifyArticle(
  line: Pick<SpendLine, "nature" | "budgetArticle">
): string | null {
  if (line.nature !== null || line.budgetArticle === null) return null;
  const found = budgetArticleFamily(line.budgetArticle);
  return found?.entry.natureToSpecify === true ? found.prefix : null;
}

/** The legal basis that puts a budget article's purchases outside the code, or null. */
export function outOfScopeArticle(
  budgetArticle: string | null
): { prefix: string; legalBasis: string } | null {
  if (budgetArticle === null) return null;
  let hit = outOfScopeCache.get(budgetArticle);
  if (hit === undefined) {
    const found = budgetArticleFamily(budgetArticle);
    hit =
      found?.entry.outOfScope !== undefined
        ? { prefix: found.prefix, legalBasis: found.entry.outOfScope }
        : null;
    outOfScopeCache.set(budgetArticle, hit);
  }
  return hit;
}

const outOfScopeCache = new Map<string, { prefix: string; legalBasis: string } | null>();

/** Nature of a line: explicit (nomenclature) → CPV → budget article → null. */
export function natureOf(
  explicit: Nature | null,
  cpv: string | null,
  budgetArticle: string | null
): Nature | null {
  if (explicit) return explicit;
  if (cpv) return natureFromCpv(cpv);
  if (budgetArticle) {
    let nature = natureByArticle.get(budgetArticle);
    if (nature === undefined) {
      nature = budgetArticleFamily(budgetArticle)?.entry.nature ?? null;
      natureByArticle.set(budgetArticle, nature);
    }
    return nature;
  }
  return null;
}

const natureByArticle = new Map<string, Nature | null>();

/** French explanation of the rule that classified a family (for the Cartographie sheet). */
export function explainFamilyRule(family: Family): string {
  switch (family.rule) {
    case "familyCode":
      return "Code famille de la nomenclature de l'acheteur";
    case "cpv":
      return "Groupe CPV (3 premiers chiffres du code CPV)";
    case "budgetArticle":
      return "Article budgétaire (correspondance M57 par défaut)";
    case "unclassified":
      return "Aucune information de classement (code famille, CPV ou article)";
  }
}
