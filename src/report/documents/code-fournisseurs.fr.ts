/**
 * Code de conduite des fournisseurs (issue #14): the text, in plain French, written from the code
 * du travail, the code de la commande publique, the loi n° 75-1334 on subcontracting, the RGPD,
 * the loi Sapin II, and the public guides (DAJ, AFA, PNAD 2022-2025). Each article gives its legal
 * basis. Fields the buyer must complete are "[à compléter : …]".
 *
 * Legal point kept in the text: the code states what the collectivité expects and what it commits
 * to; an obligation binds a holder only when the contract's clauses provide for it (conditions
 * d'exécution linked to the object of the contract, CCP L2112-2 and L2112-3).
 */
import { field, pctText, type DocumentFacts, type PolicyDocument } from "./facts";

export function codeFournisseurs(f: DocumentFacts): PolicyDocument {
  const buyer = f.buyer ?? field("nom de la collectivité");
  const delayObserved =
    f.averagePaymentDays !== null
      ? ` Sur la période ${f.periodLabel}, le délai moyen de paiement constaté est de ${String(Math.round(f.averagePaymentDays * 10) / 10).replace(".", ",")} jours${f.averagePaymentDays > f.legalPaymentDays ? ` : la collectivité s'engage à le ramener sous ${f.legalPaymentDays} jours, par ${field("mesures : circuit de validation, service fait sous 10 jours, suivi mensuel")}` : ", dans le délai légal"}.`
      : ` Délai moyen constaté : ${field("délai moyen de paiement de l'année précédente, en jours")}.`;
  const rates: string[] = [];
  if (f.environmentalShare !== null)
    rates.push(
      `${pctText(f.environmentalShare)} des marchés notifiés comportent une considération environnementale`
    );
  if (f.socialShare !== null) rates.push(`${pctText(f.socialShare)} une considération sociale`);
  if (f.egalimShare !== null)
    rates.push(
      `${pctText(f.egalimShare)} des achats alimentaires sont des produits durables et de qualité au sens de la loi EGalim`
    );
  return {
    title: `Code de conduite des fournisseurs — ${buyer}`,
    intro: [
      `Projet à adapter, à adopter par ${field("organe")} le ${field("date")}, puis à joindre aux documents de chaque consultation (${field("à partir de quel montant : par exemple tous les marchés de plus de 40 000 € HT")}).`,
      "Ce code dit ce que la collectivité attend des entreprises qui travaillent pour elle, et ce à quoi elle s'engage en retour. Il s'applique aux candidats, aux titulaires et à leurs sous-traitants. Il rappelle la loi ; une exigence qui va au-delà n'engage le titulaire que si le contrat la prévoit dans ses clauses, en lien avec son objet.",
      rates.length > 0
        ? `Sur la période ${f.periodLabel}, ${rates.join(", ")} : la collectivité entend progresser et compte sur ses fournisseurs pour y contribuer.`
        : "La collectivité s'est fixé des objectifs d'achats responsables (clauses environnementales et sociales) et compte sur ses fournisseurs pour y contribuer.",
    ],
    articles: [
      {
        title: "Article 1 — Loyauté et égalité entre les entreprises",
        paragraphs: [
          "L'entreprise présente une offre sincère et établie de façon indépendante. Toute entente avec d'autres entreprises sur les prix, la répartition des marchés ou le dépôt d'offres de couverture est interdite.",
          "Elle ne cherche pas à obtenir d'informations sur une procédure en dehors des canaux prévus (profil d'acheteur, questions écrites) et ne prend pas contact avec les personnes chargées de l'analyse pendant la consultation.",
        ],
        basis:
          "CCP, art. L3 (égalité de traitement, transparence) ; code de commerce, art. L420-1 (ententes) ; CCP, art. L2141-1 à L2141-11 (exclusions de la procédure).",
      },
      {
        title: "Article 2 — Droit du travail et lutte contre le travail dissimulé",
        paragraphs: [
          "L'entreprise respecte le droit du travail et la protection sociale de ses salariés, y compris des salariés détachés : déclarations sociales, durée du travail, salaire minimum, santé et sécurité, égalité entre les femmes et les hommes, non-discrimination.",
          "Pour tout contrat d'au moins 5 000 € HT, elle remet à la signature puis tous les six mois jusqu'à la fin de l'exécution l'attestation de vigilance de l'URSSAF (déclarations et paiement des cotisations, datée de moins de six mois) et un extrait d'immatriculation (Kbis ou équivalent). La collectivité les vérifie : à défaut, elle peut être tenue solidairement des sommes dues par l'entreprise.",
          "Lorsqu'elle emploie des salariés détachés ou des salariés étrangers, elle s'assure des déclarations et autorisations requises et les tient à disposition.",
        ],
        basis:
          "Code du travail, art. L8222-1, L8222-2, D8222-1 et D8222-5 (obligation de vigilance, seuil de 5 000 € HT, solidarité financière) ; art. L1262-4-1 (détachement) et L8254-1 (salariés étrangers).",
      },
      {
        title: "Article 3 — Environnement et économie circulaire",
        paragraphs: [
          "L'entreprise respecte le droit de l'environnement et les clauses environnementales du contrat. Elle propose, quand c'est possible, des produits issus du réemploi ou de la réutilisation, ou intégrant des matières recyclées, ainsi que des emballages réduits et réemployables.",
          "Pour les fournitures concernées par l'obligation d'achat de biens issus du réemploi ou intégrant des matières recyclées, elle indique sur ses devis et factures la part de chaque produit qui en relève : la collectivité en a besoin pour sa déclaration annuelle. Les fournisseurs de denrées alimentaires indiquent de même, produit par produit, les labels et signes de qualité (agriculture biologique, label rouge, AOP, IGP, HVE…) utiles au suivi des objectifs de la loi EGalim.",
          "À partir du 21 août 2026, chaque marché comporte au moins un critère d'attribution et une condition d'exécution prenant en compte l'environnement : l'entreprise est invitée à s'y préparer.",
        ],
        basis:
          "Loi n° 2020-105 du 10 février 2020 (AGEC), art. 58, et décret n° 2024-134 du 21 février 2024 ; code rural et de la pêche maritime, art. L230-5-1 (EGalim) ; CCP, art. L2112-2 et L2152-7 dans leur rédaction issue de la loi n° 2021-1104 du 22 août 2021 (Climat et résilience), art. 35 ; PNAD 2022-2025.",
      },
      {
        title: "Article 4 — Sous-traitance et paiement des sous-traitants",
        paragraphs: [
          "L'entreprise déclare chacun de ses sous-traitants avant qu'il intervienne ; la collectivité accepte le sous-traitant et agrée ses conditions de paiement. Un sous-traitant non déclaré est un manquement au contrat.",
          "Le sous-traitant direct dont la part dépasse 600 € TTC est payé directement par la collectivité ; le titulaire transmet sans retard ses demandes de paiement. Les sous-traitants de second rang sont payés par leur donneur d'ordre dans les délais légaux, avec une caution ou une délégation de paiement.",
          "L'entreprise applique à ses sous-traitants les exigences de ce code.",
        ],
        basis:
          "Loi n° 75-1334 du 31 décembre 1975 relative à la sous-traitance ; CCP, art. L2193-1 et suivants, R2193-1 et suivants (déclaration, acceptation, paiement direct ; seuil de 600 € TTC à l'art. R2193-10).",
      },
      {
        title: "Article 5 — Prévention de la corruption et des conflits d'intérêts",
        paragraphs: [
          "L'entreprise n'offre aux élus et agents de la collectivité ni cadeau, ni invitation, ni avantage, directement ou par un intermédiaire, en particulier pendant une consultation. Elle signale à la collectivité toute sollicitation de cette nature.",
          "Elle déclare tout lien personnel ou professionnel avec une personne qui participe à la procédure (parent, ancien salarié, associé). Une candidature qui crée un conflit d'intérêts auquel il ne peut être remédié autrement peut être écartée.",
          "Les entreprises soumises à l'article 17 de la loi Sapin II (au moins 500 salariés et un chiffre d'affaires de plus de 100 millions d'euros) tiennent à disposition leur programme de conformité anticorruption.",
        ],
        basis:
          "Code pénal, art. 433-1 (corruption active) et 432-14 (favoritisme) ; CCP, art. L2141-1 (exclusion après condamnation) et L2141-10 (conflit d'intérêts) ; loi n° 2016-1691 du 9 décembre 2016 (Sapin II), art. 17 ; AFA, recommandations du 12 janvier 2021.",
      },
      {
        title: "Article 6 — Protection des données personnelles",
        paragraphs: [
          "Lorsque l'entreprise traite des données personnelles pour le compte de la collectivité (usagers, agents, élèves…), elle agit comme sous-traitant au sens du RGPD : uniquement sur instruction écrite de la collectivité, avec des mesures de sécurité adaptées, sans recourir à un autre sous-traitant sans accord écrit, en aidant la collectivité à répondre aux demandes des personnes, en signalant sans délai toute violation de données, puis en restituant ou en détruisant les données à la fin du contrat.",
          `Toute question sur les données est adressée au délégué à la protection des données de la collectivité : ${field("coordonnées du DPO")}.`,
        ],
        basis:
          "Règlement (UE) 2016/679 du 27 avril 2016 (RGPD), art. 28 (sous-traitant), 32 (sécurité) et 33 (notification des violations) ; loi n° 78-17 du 6 janvier 1978 (informatique et libertés).",
      },
      {
        title: "Article 7 — Les engagements de la collectivité : délais de paiement et relations",
        paragraphs: [
          `La collectivité paie ses fournisseurs dans un délai global de ${f.legalPaymentDays} jours à compter de la réception de la facture.${delayObserved}`,
          "En cas de retard, les intérêts moratoires (taux de la Banque centrale européenne majoré de huit points) et l'indemnité forfaitaire de 40 € pour frais de recouvrement sont dus de plein droit, sans que l'entreprise ait à les demander.",
          "Les factures sont déposées sur Chorus Pro. La collectivité s'engage aussi à publier ses consultations sur son profil d'acheteur, à répondre à toute question de façon égale pour tous, à motiver ses décisions de rejet et à verser des avances lorsque le contrat le prévoit.",
          `Contact pour un retard de paiement ou une difficulté d'exécution : ${field("service et adresse")}.`,
        ],
        basis:
          "CCP, art. L2192-10 et R2192-10 (délai global de paiement de 30 jours), R2192-31 (intérêts moratoires), D2192-35 (indemnité forfaitaire de 40 €), L2192-1 et suivants (facturation électronique) ; art. R2181-1 et suivants (information des candidats évincés).",
      },
      {
        title: "Article 8 — Manquements : comment ils sont traités",
        paragraphs: [
          "Un manquement constaté à ce code ou au contrat est signalé par écrit à l'entreprise, qui peut présenter ses observations dans un délai fixé (en principe quinze jours). La collectivité et l'entreprise recherchent d'abord une mesure corrective.",
          "Si le manquement persiste ou est grave, la collectivité applique les stipulations du contrat : mise en demeure, pénalités, exécution aux frais et risques du titulaire, résiliation pour faute selon le cahier des clauses administratives générales applicable.",
          "Un manquement grave ou persistant ayant conduit à une résiliation, à des dommages et intérêts ou à une sanction comparable au cours des trois dernières années peut justifier l'exclusion d'une procédure ultérieure, après que l'entreprise a pu démontrer les mesures prises pour y remédier. Les faits susceptibles d'une qualification pénale sont signalés au procureur de la République.",
        ],
        basis:
          "CCP, art. L2141-7 et L2141-11 (exclusion pour manquement antérieur, mesures correctrices) ; CCAG (arrêtés du 30 mars 2021), stipulations sur les pénalités, la mise en demeure et la résiliation ; code de procédure pénale, art. 40 (signalement au procureur).",
      },
    ],
    closing: [
      `L'entreprise ${field("raison sociale")} déclare avoir pris connaissance du présent code et s'engage à le respecter.`,
      `Fait à ${field("lieu")}, le ${field("date")}. Nom, qualité et signature : ${field("signataire")}.`,
    ],
  };
}
