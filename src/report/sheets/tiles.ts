/**
 * The KPI tiles of the dashboard and of the Synthèse (issue #12), as data: one line per tile
 * (indicator id, short title in French and English, the sheet holding its detail lines). A new
 * indicator tile (RE7, RE8…) is one more line in DASHBOARD_TILES.
 *
 * Also here: what unlocks an indicator that cannot be computed (N/D), keyed by the N/A reason
 * code the indicators give (`na.*`), for the « Pour aller plus loin » box.
 */
import type { IndicatorResult } from "../../core/indicators/types";
import type { MessageCode } from "../../core/messages/render";
import { pick, type Lang, type Pair } from "../labels";
import type { SheetKey } from "../spec";

export interface TileDef {
  /** Indicator id of the registry, or "CO*" for the total of compliance signals. */
  id: string;
  /** Short title (the indicator's id is shown beside it in small type). */
  title: Pair;
  /** Sheet of the tile's detail lines (default: the dashboard's own "all indicators" table). */
  detail?: SheetKey;
  /** Column of the detail sheet's first cell (1 on the Plan, whose column A holds hidden keys). */
  detailCol?: number;
  /** A change (SP6): "+" for a rise, "−" for a fall. */
  signed?: boolean;
}

export const ALERTS_TILE = "CO*";

/** The dashboard's tiles, in reading order (four per row). */
export const DASHBOARD_TILES: readonly TileDef[] = [
  { id: "SP1", title: ["Dépense analysée HT", "Spend analysed"], detail: "cartographie" },
  { id: "SP6", title: ["Évolution sur un an", "Change over a year"], signed: true },
  {
    id: "SP4",
    title: ["Poids des 5 premiers fournisseurs", "Top 5 suppliers' share"],
    detail: "fournisseurs",
  },
  { id: "SP5", title: ["Longue traîne", "Long tail"], detail: "fournisseurs" },
  { id: "PF1", title: ["Dépense sous contrat", "Spend under contract"], detail: "cartographie" },
  { id: "PF2", title: ["Mise en concurrence", "Competitive procedures"] },
  { id: "PF3", title: ["Offre unique", "Single bid"] },
  { id: "PF8", title: ["Paiements en retard", "Late payments"], detail: "conformite" },
  {
    id: "PF7",
    title: ["Marchés à renouveler (12 mois)", "Contracts ending (12 months)"],
    detail: "plan",
    detailCol: 1,
  },
  { id: ALERTS_TILE, title: ["Signaux de conformité", "Compliance signals"], detail: "conformite" },
  { id: "RE1", title: ["Clause environnementale", "Environmental clause"], detail: "responsable" },
  { id: "RE2", title: ["Clause sociale", "Social clause"], detail: "responsable" },
  { id: "RE3", title: ["Marchés aux PME", "Contracts to SMEs"], detail: "responsable" },
  { id: "MU1", title: ["Achats mutualisés", "Pooled purchasing"], detail: "mutualisation" },
  { id: "MU3", title: ["Dépense mutualisable", "Poolable spend"], detail: "mutualisation" },
  { id: "TE1", title: ["Dépense par habitant", "Spend per inhabitant"], detail: "territoires" },
  {
    id: "RE7",
    title: ["Réemploi et recyclé (AGEC)", "Reuse and recycled (AGEC)"],
    detail: "responsable",
  },
  { id: "RE8", title: ["Produits durables (EGalim)", "Sustainable food (EGalim)"], detail: "responsable" },
];

/** The Synthèse's key figures (a subset of the dashboard's, for élus). */
export const SYNTHESE_TILES: readonly string[] = [
  "SP1",
  "SP6",
  "PF1",
  "PF3",
  ALERTS_TILE,
  "RE1",
  "MU1",
  "PF8",
];

export function tileDef(id: string): TileDef | undefined {
  return DASHBOARD_TILES.find((t) => t.id === id);
}

/** What to add to the data to compute an indicator, per N/A reason (null: nothing to add). */
const UNLOCK: Partial<Record<MessageCode, Pair | null>> = {
  "na.noLinesInPeriod": [
    "Choisir une période couverte par les dépenses, ou ajouter les mandats de la période.",
    "Choose a period covered by the spend, or add the period's payments.",
  ],
  "na.noPositiveSupplier": null,
  "na.previousPeriodNotCovered": [
    "Ajouter les mandats de la même période de l'année précédente.",
    "Add the payments of the same period of the previous year.",
  ],
  "na.noLinesPreviousPeriod": [
    "Ajouter les mandats de la même période de l'année précédente.",
    "Add the payments of the same period of the previous year.",
  ],
  "na.nonPositivePreviousSpend": null,
  "na.nonPositiveSpend": null,
  "na.noContractsInPeriod": [
    "Ajouter le registre des marchés (ou les DECP) avec la date de notification.",
    "Add the contract register (or the DECP) with the notification date.",
  ],
  "na.noContractsNotified": [
    "Ajouter le registre des marchés (ou les DECP) avec la date de notification.",
    "Add the contract register (or the DECP) with the notification date.",
  ],
  "na.noContractWithProcedureAndAmount": [
    "Registre des marchés : renseigner les colonnes « procédure » et « montant ».",
    "Contract register: fill in the « procedure » and « amount » columns.",
  ],
  "na.noCompetitiveWithBids": [
    "Registre des marchés : renseigner la colonne « nombre d'offres reçues ».",
    "Contract register: fill in the « bids received » column.",
  ],
  "na.noContractWithProcedure": [
    "Registre des marchés : renseigner la colonne « procédure ».",
    "Contract register: fill in the « procedure » column.",
  ],
  "na.noContractWithEstimate": [
    "Registre des marchés : renseigner « montant estimé » et « montant attribué ».",
    "Contract register: fill in « estimated amount » and « awarded amount ».",
  ],
  "na.noContractWithAmendment": [
    "Registre des marchés : renseigner le montant après avenants.",
    "Contract register: fill in the amount after amendments.",
  ],
  "na.noRegister": [
    "Ajouter le registre des marchés (ou les DECP de la collectivité).",
    "Add the contract register (or the buyer's DECP).",
  ],
  "na.noContractEnd": [
    "Registre des marchés : renseigner « date de fin » ou « durée (mois) ».",
    "Contract register: fill in « end date » or « duration (months) ».",
  ],
  "na.noPaymentDates": [
    "Mandats : ajouter les colonnes « date de réception de la facture » et « date de paiement ».",
    "Payments: add the « invoice received » and « payment date » columns.",
  ],
  "na.noLinesInCivilYear": [
    "Ajouter les mandats de l'année civile.",
    "Add the payments of the civil year.",
  ],
  "na.noLinesInCivilYearOfPeriod": [
    "Ajouter les mandats de l'année civile.",
    "Add the payments of the civil year.",
  ],
  "na.noLineWithFamily": [
    "Mandats : ajouter la colonne « famille » (ou la nomenclature, ou les comptes).",
    "Payments: add the « family » column (or the nomenclature, or the accounts).",
  ],
  "na.noAmounts": [
    "Ajouter les mandats ou le registre des marchés de la période.",
    "Add the period's payments or contract register.",
  ],
  "na.noContractWithAmountProcedureDate": [
    "Registre des marchés : renseigner montant, procédure et date de notification.",
    "Contract register: fill in amount, procedure and notification date.",
  ],
  "na.noDirectAwards": null,
  "na.noSupplierOrFamily": [
    "Mandats : renseigner les colonnes « fournisseur » et « famille ».",
    "Payments: fill in the « supplier » and « family » columns.",
  ],
  "na.noContractSinceLoiClimat": null,
  "na.considerationsNotGiven": [
    "Registre des marchés : renseigner les considérations environnementale et sociale.",
    "Contract register: fill in the environmental and social considerations.",
  ],
  "na.environmentalNotGiven": [
    "Registre des marchés : renseigner la colonne « considération environnementale ».",
    "Contract register: fill in the « environmental consideration » column.",
  ],
  "na.socialNotGiven": [
    "Registre des marchés : renseigner la colonne « considération sociale ».",
    "Contract register: fill in the « social consideration » column.",
  ],
  "na.smeNotGiven": [
    "Registre des marchés ou table Fournisseurs : renseigner la colonne « PME ».",
    "Contract register or Suppliers table: fill in the « SME » column.",
  ],
  "na.entityDepartementNotGiven": [
    "Table Entités : renseigner la colonne « département ».",
    "Entities table: fill in the « département » column.",
  ],
  "na.supplierDepartementNotGiven": [
    "Mandats : code postal du fournisseur, ou table Fournisseurs avec le département.",
    "Payments: supplier postcode, or a Suppliers table with the département.",
  ],
  "na.nonPositiveCoveredSpend": null,
  "na.noSupplierTable": [
    "Ajouter une table Fournisseurs avec la colonne « insertion / ESS ».",
    "Add a Suppliers table with the « insertion / social economy » column.",
  ],
  "na.insertionNotGiven": [
    "Table Fournisseurs : renseigner la colonne « insertion / ESS ».",
    "Suppliers table: fill in the « insertion / social economy » column.",
  ],
  "na.singleEntity": [
    "Mandats : renseigner la colonne « entité » (commune, syndicat, CCAS…).",
    "Payments: fill in the « entity » column (municipality, syndicate…).",
  ],
  "na.noItemPrices": [
    "Mandats : ajouter « article », « quantité » et « prix unitaire ».",
    "Payments: add « item », « quantity » and « unit price ».",
  ],
  "na.populationNotGiven": [
    "Table Entités : renseigner la colonne « population ».",
    "Entities table: fill in the « population » column.",
  ],
  "na.fewerThanTwoTerritories": [
    "Table Entités : renseigner « territoire » et « population ».",
    "Entities table: fill in « territory » and « population ».",
  ],
  "na.zeroMeanPerInhabitant": null,
  "na.departementsUnknown": [
    "Table Entités (département) et code postal des fournisseurs.",
    "Entities table (département) and the suppliers' postcodes.",
  ],
  "na.zeroKnownLocalSpend": null,
  "na.re7.notMeasurable": [
    "Ajouter à l'export une colonne « Label qualité » (réemploi, reconditionné, recyclé).",
    "Add a quality label column to the export (re-use, refurbished, recycled).",
  ],
  "na.re7.noPurchases": null,
  "na.re7.noDuty": null,
  "na.re8.notMeasurable": [
    "Ajouter à l'export une colonne « Label qualité » sur les achats alimentaires (bio, label rouge, AOP…).",
    "Add a quality label column on food purchases (organic, Label Rouge, PDO…).",
  ],
  "na.re8.noCatering": null,
  "na.re8.onlyServices": null,
};

const NO_DATA_TO_ADD: Pair = [
  "Rien à ajouter : l'indicateur n'a pas de sens sur ces données.",
  "Nothing to add: the indicator is meaningless on these data.",
];

/** What would unlock an N/D indicator, in the language (from its N/A reason code). */
export function unlockText(lang: Lang, ind: Pick<IndicatorResult, "na">): string {
  const code = ind.na?.code;
  const pair = code ? UNLOCK[code] : undefined;
  return pick(lang, pair ?? NO_DATA_TO_ADD);
}

/** Texts of the dashboard and Synthèse layout. */
export const TILE_TEXTS = {
  furtherTitle: [
    "Pour aller plus loin : indicateurs non calculés sur ces données",
    "To go further: indicators not computed on these data",
  ],
  furtherIntro: [
    "Ces indicateurs ne peuvent pas être calculés avec les tableaux fournis. Ce qu'il faut ajouter pour les obtenir :",
    "These indicators cannot be computed from the tables given. What to add to get them:",
  ],
  furtherNone: [
    "Tous les indicateurs du tableau de bord sont calculés.",
    "Every dashboard indicator is computed.",
  ],
  unlockBy: ["Pour l'obtenir", "To get it"],
  card: ["fiche", "card"],
  detail: ["Détail ›", "Detail ›"],
  tablesLink: ["Tableaux détaillés du tableau de bord ›", "Dashboard detail tables ›"],
  tablesSection: [
    "Tableaux détaillés (données des indicateurs et des graphiques)",
    "Detail tables (data of the tiles and charts)",
  ],
  chartsSection: ["Graphiques", "Charts"],
} as const satisfies Record<string, Pair>;

export function tileText(lang: Lang, key: keyof typeof TILE_TEXTS): string {
  return pick(lang, TILE_TEXTS[key]);
}
