/**
 * The user-facing texts of the compliance rules (CO1–CO5, PF4, PF6, PF8): alert reasons, legal
 * bases, why an alert is only a signal to check, and what would clear it. One table of message
 * codes with their French text and named parameters ({name}), kept out of the compute logic so
 * that it can move into the message catalogue as it is. Detail rows carry the code, the
 * parameters (JSON) and the French text.
 */

export interface MessageDef {
  /** French text; {name} is replaced by the parameter of that name. */
  fr: string;
}

export const COMPLIANCE_MESSAGES = {
  // --- Legal bases (cited next to each alert)
  "law.splitting": { fr: "Art. R2121-1, R2121-6 et R2122-8 CCP" },
  "law.splittingWorks": { fr: "Art. R2121-1, R2121-5 et R2122-8 CCP" },
  "law.dispense": { fr: "Art. R2122-8 CCP" },
  "law.books": { fr: "Art. R2122-9 CCP" },
  "law.innovation": { fr: "Art. R2122-9-1 CCP" },
  "law.food2020": { fr: "Décret n° 2020-893, art. 1er" },
  "law.bunching": { fr: "Art. R2121-1 et R2121-4 CCP (valeur estimée du besoin)" },
  "law.euProcedure": { fr: "Art. L2124-1, R2124-1 et R2123-1 CCP" },
  "law.repeat": {
    fr: "Art. R2122-8 CCP (ne pas contracter systématiquement avec un même opérateur) et R2121-6",
  },
  "law.loiClimatCriterion": { fr: "Art. L2152-7 CCP (loi n° 2021-1104, art. 35)" },
  "law.loiClimatClause": { fr: "Art. L2112-2 CCP (loi n° 2021-1104, art. 35)" },
  "law.loiClimatSocial": { fr: "Art. L2112-2-1 CCP (loi n° 2021-1104, art. 35)" },
  "law.amendment": { fr: "Art. R2194-8 et R2194-9 CCP" },
  "law.payment": { fr: "Art. R2192-10 à R2192-36 CCP ; décret n° 2013-269, art. 12" },

  // --- Why every alert is a signal to check (never an accusation)
  "why.splitting": {
    fr: "Signal à vérifier : l'homogénéité du besoin (caractéristiques propres ou unité fonctionnelle) s'apprécie par l'acheteur ; les données ne voient ni les procédures menées hors du logiciel, ni les exceptions du code (R2122-1 à R2122-11).",
  },
  "why.splittingCatchAll": {
    fr: "Signal faible : le regroupement ne repose que sur un article budgétaire « fourre-tout » ({article}), qui n'est pas à lui seul une famille homogène.",
  },
  "why.single": {
    fr: "Signal à vérifier : l'achat a pu faire l'objet d'une procédure non rattachée à la ligne, ou relever d'une exception du code (R2122-1 à R2122-11).",
  },
  "why.bunching": {
    fr: "Signal statistique à vérifier : des montants groupés sous un seuil peuvent venir de prix de marché ou de budgets arrondis.",
  },
  "why.procedure": {
    fr: "Signal à vérifier : le montant peut inclure toutes les reconductions, ou la procédure relever d'une exception (services sociaux et spécifiques, petits lots, R2122-1 à R2122-11) que les données ne montrent pas.",
  },
  "why.repeat": {
    fr: "Signal à vérifier : la récurrence est licite quand chaque besoin est distinct et sous le seuil ; elle invite à examiner l'opportunité d'un marché.",
  },
  "why.loiClimat": {
    fr: "Signal à vérifier : le registre peut ne pas reprendre toutes les considérations prévues dans les pièces du marché.",
  },
  "why.amendment": {
    fr: "Signal à vérifier : une modification au-delà du seuil de faible montant reste licite sur un autre fondement (R2194-1 à R2194-7) ; ce n'est pas en soi un manquement.",
  },

  // --- What would clear an alert
  "clear.attachToContract": {
    fr: "Rattachez ces lignes au marché sous lequel elles ont été achetées (colonne N° de marché), ou excluez la famille ou le fournisseur avec son motif (Paramètres, Nomenclature).",
  },
  "clear.indicateOperation": {
    fr: "Indiquez l'opération de travaux de chaque ligne (colonne Opération) : le seuil travaux s'apprécie par opération (R2121-5).",
  },
  "clear.refineFamily": {
    fr: "Précisez la famille d'achat (nomenclature de l'acheteur ou code CPV) : l'article budgétaire seul ne suffit pas à établir un besoin homogène.",
  },
  "clear.singleProcedure": {
    fr: "Rattachez l'achat au marché ou à la procédure suivie (colonne N° de marché), ou documentez l'exception applicable.",
  },
  "clear.procedureBasis": {
    fr: "Documentez le fondement de la procédure (code CPV de service social ou spécifique, petit lot, exception), ou corrigez le montant ou la procédure dans le registre.",
  },
  "clear.bunching": {
    fr: "Vérifiez, pour les montants de la bande haute, l'estimation du besoin faite avant l'achat (R2121-1) et l'absence de besoin scindé (R2121-4).",
  },
  "clear.repeat": {
    fr: "Regroupez le besoin dans un marché mis en concurrence, ou documentez que les besoins sont distincts.",
  },
  "clear.loiClimat": {
    fr: "Renseignez dans le registre le critère d'attribution et la condition d'exécution environnementaux (et sociale au-dessus du seuil européen) prévus au marché.",
  },
  "clear.launchDate": {
    fr: "Renseignez la date de lancement de la consultation : l'obligation ne vaut que pour les consultations lancées à partir du {start}.",
  },
  "clear.amendment": {
    fr: "Documentez le fondement de la modification (R2194-1 à R2194-7), ou corrigez le montant après modification dans le registre.",
  },

  // --- CO1 splitting
  "CO1.splitting": {
    fr: "Achats hors marché cumulés de {total} en {year} ({entity}) pour {subject} ({thresholdName} de {threshold} en vigueur au premier achat, le {thresholdDate}{aboveNote}) : vérifier s'il s'agit {need} à mettre en concurrence.",
  },
  "CO1.splittingPublicity": { fr: " Le cumul atteint aussi le seuil de publicité ({publicity})." },
  "CO1.splittingEu": { fr: " Le cumul atteint aussi le seuil européen ({eu})." },
  "CO1.splittingCatchAll": {
    fr: " Le regroupement ne repose que sur l'article budgétaire « fourre-tout » {article} : sévérité la plus basse.",
  },
  "CO1.aboveNote": { fr: " ; dont {count} achat(s) atteignant à eux seuls ce seuil" },
  "CO1.directAwardNote": {
    fr: " Le cumul compte {count} ligne(s) achetée(s) sous un marché passé sans publicité ni mise en concurrence (R2121-6).",
  },
  "CO1.single": {
    fr: "Achat unique au-dessus du seuil sans procédure rattachée : {amount} hors marché ({entity}) pour {subject}, au-delà du {thresholdName} ({threshold}) : vérifier la procédure suivie.",
  },
  "CO1.worksWithoutOperation": {
    fr: "Opération non renseignée — à vérifier : {lines} ligne(s) de travaux hors marché de {total} en {year} ({entity}, famille {family}) sans opération. Le seuil travaux ({threshold}) s'apprécie par opération (R2121-5) : aucun cumul par famille n'est calculé.",
  },
  "CO1.familyExcluded": { fr: "Famille exclue du contrôle par la nomenclature : {reason}" },
  "CO1.familyExcludedNoReason": {
    fr: "Famille exclue du contrôle par la nomenclature (motif non renseigné)",
  },
  "CO1.outOfScope": {
    fr: "Article {article} ({label}) hors du code de la commande publique : {legalBasis}",
  },
  "CO1.natureToSpecify": {
    fr: "Nature à préciser : {lines} ligne(s) hors marché de {total} sur l'article {article} ({label}), qui mêle travaux et services ; elles sont laissées hors des seuils par nature.",
  },
  "clear.natureToSpecify": {
    fr: "Classez ces lignes par code CPV ou par la nomenclature de l'acheteur (nature Travaux, Fournitures ou Services).",
  },
  "CO1.supplierExcluded": { fr: "Fournisseur exclu du contrôle ({legalBasis}) : {reason}" },

  // --- CO3 procedure vs amount
  "CO3.aboveEu": {
    fr: "Marché {ref} ({entity}) de {amount} passé en « {procedure} » alors que le seuil européen{utilitiesNote} ({eu}{euNote}, en vigueur le {date}, date de {basis}) est atteint : vérifier le fondement de la procédure (exception prévue par le code, erreur de saisie…).",
  },
  "CO3.lotAboveEu": {
    fr: "Lot {ref} ({entity}) passé en « {procedure} » alors que la consultation totalise {amount}, au-delà du seuil européen{utilitiesNote} ({eu}{euNote}, en vigueur le {date}) : hors petits lots (R2123-1 2°), vérifier le fondement de la procédure.",
  },
  "CO3.socialServices": {
    fr: "MAPA licite quel que soit le montant : services sociaux et autres services spécifiques (R2123-1 3°, CPV {cpv}) — marché {ref}.",
  },
  "CO3.smallLot": {
    fr: "MAPA licite pour un petit lot (R2123-1 2°) : lot {ref} inférieur à {limit}, petits lots ne dépassant pas {share} % de la consultation.",
  },
  "CO3.uncertain": {
    fr: "Seuil européen incertain pour le marché {ref} ({amount}) : notifié le {notified} sans date de lancement, en début de période biennale ; le seuil en vigueur au lancement est {low} ou {high}. Renseignez la date de lancement.",
  },

  // --- PF6 modifications
  "PF6.beyondSafeHarbour": {
    fr: "Marché {ref} : {count} modification(s) cumulant {change} ({percent} %), {reason} — au-delà du seuil de modification de faible montant (R2194-8 : moins de {limit} % et sous le seuil européen de {eu} ; modifications successives cumulées, R2194-9). Vérifier le fondement de la modification.",
  },

  // --- CO5 Loi Climat
  "CO5.gap": {
    fr: "Marché {ref} ({entity}) lancé le {launched} sans {what} : vérifier les critères et conditions d'exécution (loi Climat et Résilience, art. 35).",
  },
  "CO5.notFilled": {
    fr: "Marché {ref} ({entity}) lancé le {launched} : {what} non renseignée dans le registre, à compléter.",
  },
  "CO5.launchUnknown": {
    fr: "Marché {ref} ({entity}) notifié le {notified}, date de lancement inconnue : à vérifier — l'obligation ne vaut que pour les consultations lancées à partir du {start} ; le marché n'est pas compté comme manquement.",
  },

  // --- TE4 wording (equal treatment: geographic lots are never a local preference)

  // --- Supplier-level exclusions (Paramètres)
  "exclusion.intermediary": {
    fr: "Syndicat d'énergie ou centrale d'achat intermédiaire : l'acheteur n'a pas à mettre en concurrence ce qu'il confie à la centrale (L2113-4)",
  },
  "exclusion.exclusiveRights": {
    fr: "Droits d'exclusivité : un seul opérateur peut exécuter le marché (R2122-3)",
  },
  "exclusion.inHouse": { fr: "Quasi-régie (in house) : contrat exclu du code (L2511-1)" },
  "exclusion.cooperation": {
    fr: "Coopération entre pouvoirs adjudicateurs : contrat exclu du code (L2511-6)",
  },
} as const satisfies Record<string, MessageDef>;

export type MessageCode = keyof typeof COMPLIANCE_MESSAGES;
export type MessageParams = Record<string, string | number>;

/** A message with its code and parameters, and its French text. */
export interface CodedText {
  code: MessageCode;
  params: MessageParams;
  fr: string;
}

/** The French text of a message with its parameters filled in. */
export function formatMessage(code: MessageCode, params: MessageParams = {}): string {
  return COMPLIANCE_MESSAGES[code].fr.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    return v === undefined ? whole : String(v);
  });
}

export function coded(code: MessageCode, params: MessageParams = {}): CodedText {
  return { code, params, fr: formatMessage(code, params) };
}

/** The JSON of a message's parameters, for a detail row ("" when none). */
export function paramsJson(params: MessageParams): string {
  return Object.keys(params).length === 0 ? "" : JSON.stringify(params);
}
