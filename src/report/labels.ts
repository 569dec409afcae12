/**
 * Every text the report writes, in French (the product language) and English (UI in English):
 * sheet names, column headers, section titles, notes, list items. Indicator labels come from the
 * indicator registry (src/core/indicators/registry.ts); what core emits (N/A reasons, references,
 * coverage, row messages) is rendered by the message catalogue (src/core/messages).
 */
import { definitionOf } from "../core/indicators/registry";
import type { SavingsScenario } from "../core/indicators/mutualisation";
import type {
  Coverage,
  IndicatorGroup,
  IndicatorResult,
  Reference,
  Unit,
} from "../core/indicators/types";
import type { Channel, Nature } from "../core/model";
import type { Lang } from "../core/messages/format";
import { ymdFromDay } from "../core/dates";
import type { Period } from "../core/period";
import { msg, render, type Message } from "../core/messages/render";
import { PEER_SHEET_NAMES } from "./sheets/comparaison-labels";

export type { Lang };

/** A text in French and in English, in that order (read with pick). */
export type Pair = readonly [fr: string, en: string];

export const SHEET_NAMES = {
  sommaire: ["Sommaire", "Contents"],
  synthese: ["Synthèse", "Summary"],
  dashboard: ["Tableau de bord", "Dashboard"],
  cartographie: ["Cartographie", "Spend map"],
  fournisseurs: ["Analyse fournisseurs", "Supplier analysis"],
  conformite: ["Conformité", "Compliance"],
  mutualisation: ["Mutualisation", "Pooling"],
  responsable: ["Achats responsables", "Responsible purchasing"],
  territoires: ["Territoires", "Territories"],
  concessions: ["Calendrier des concessions", "Concessions calendar"],
  anomalies: ["Anomalies", "Anomalies"],
  historique: ["Historique", "History"],
  indicateurs: ["Indicateurs", "Indicators"],
  plan: ["Plan stratégique", "Strategic plan"],
  diagnostic: ["Diagnostic 360", "360 assessment"],
  attentes: ["Attentes des territoires", "Territories' expectations"],
  parametres: ["Paramètres", "Settings"],
  charte: ["Charte de déontologie", "Ethics charter"],
  codeFournisseurs: ["Code des fournisseurs", "Supplier code"],
  ...PEER_SHEET_NAMES,
} as const satisfies Record<string, Pair>;

/** Column headers, keyed by the column key (core row keys where they exist). */
export const HEADERS = {
  key: ["Clé", "Key"],
  id: ["Id", "Id"],
  group: ["Groupe", "Group"],
  indicator: ["Indicateur", "Indicator"],
  value: ["Valeur", "Value"],
  unit: ["Unité", "Unit"],
  status: ["Statut", "Status"],
  reference: ["Référence", "Reference"],
  referenceValue: ["Valeur de référence", "Reference value"],
  source: ["Source", "Source"],
  coverage: ["Couverture", "Coverage"],
  naReason: ["Motif N/D", "N/A reason"],
  rank: ["Rang", "Rank"],
  familyKey: ["Clé famille", "Family key"],
  familyLabel: ["Famille", "Family"],
  familyCode: ["Code famille", "Family code"],
  rule: ["Règle de classement", "Classification rule"],
  amount: ["Montant HT", "Amount excl. VAT"],
  lines: ["Lignes", "Lines"],
  suppliers: ["Fournisseurs", "Suppliers"],
  share: ["Part", "Share"],
  cumulativeShare: ["Part cumulée", "Cumulative share"],
  abc: ["Classe ABC", "ABC class"],
  hhi: ["HHI", "HHI"],
  top1Supplier: ["1er fournisseur", "Top supplier"],
  top1Share: ["Part du 1er", "Top-1 share"],
  top5Share: ["Part des 5 premiers", "Top-5 share"],
  quadrant: ["Quadrant", "Quadrant"],
  strategy: ["Stratégie type", "Standard approach"],
  levers: ["Leviers proposés (indicateur)", "Proposed levers (indicator)"],
  leverReasons: ["Justification", "Rationale"],
  te4: ["Recommandation territoriale", "Territorial recommendation"],
  supplierKey: ["Clé fournisseur", "Supplier key"],
  supplierName: ["Fournisseur", "Supplier"],
  supplier: ["Fournisseur", "Supplier"],
  supplierId: ["SIRET / SIREN", "SIRET / SIREN"],
  entities: ["Entités", "Entities"],
  entityCount: ["Nombre d'entités", "Entities (count)"],
  entity: ["Entité", "Entity"],
  tail: ["Longue traîne", "Tail spend"],
  sharedEntities: ["Entités servies", "Entities served"],
  alertId: ["Signal", "Signal"],
  groupedBy: ["Regroupement", "Grouped by"],
  operation: ["Opération", "Operation"],
  year: ["Année", "Year"],
  nature: ["Nature", "Nature"],
  threshold: ["Seuil", "Threshold"],
  thresholdSource: ["Source du seuil", "Threshold source"],
  total: ["Total", "Total"],
  lineCount: ["Achats", "Purchases"],
  creditCount: ["Avoirs", "Credit notes"],
  supplierCount: ["Fournisseurs (nombre)", "Suppliers (count)"],
  firstDate: ["Premier achat", "First purchase"],
  lastDate: ["Dernier achat", "Last purchase"],
  severity: ["Niveau", "Level"],
  message: ["Signal à vérifier", "Signal to check"],
  table: ["Table source", "Source table"],
  row: ["Ligne", "Row"],
  date: ["Date", "Date"],
  isCredit: ["Avoir", "Credit note"],
  description: ["Objet / libellé", "Description"],
  signal: ["Signal", "Signal"],
  reason: ["Motif", "Reason"],
  lowerBand: ["Bande inférieure", "Lower band"],
  lowerCount: ["Montants bande inférieure", "Amounts, lower band"],
  upperBand: ["Bande sous le seuil", "Band below threshold"],
  upperCount: ["Montants sous le seuil", "Amounts below threshold"],
  ratio: ["Rapport", "Ratio"],
  contractRef: ["Marché", "Contract"],
  samePublications: ["Mêmes données publiées sous", "Same data also published as"],
  procedure: ["Procédure", "Procedure"],
  euThreshold: ["Seuil européen", "EU threshold"],
  issue: ["Incohérence", "Inconsistency"],
  pattern: ["Schéma", "Pattern"],
  years: ["Années", "Years"],
  count: ["Nombre", "Count"],
  contracts: ["Marchés", "Contracts"],
  consideration: ["Considération", "Consideration"],
  channel: ["Mode d'achat", "Channel"],
  sharePercent: ["Part", "Share"],
  candidates: ["Familles candidates", "Candidate families"],
  pooledAmount: ["Déjà mutualisé", "Already pooled"],
  partlyPooled: ["En partie mutualisée", "Partly pooled"],
  scenario: ["Scénario", "Scenario"],
  ratePercent: ["Taux", "Rate"],
  addressableAmount: ["Dépense adressable", "Addressable spend"],
  savings: ["Économies", "Savings"],
  centralSavings: ["Économies (scénario central)", "Savings (central scenario)"],
  familyCount: ["Familles (nombre)", "Families (count)"],
  families: ["Familles", "Families"],
  item: ["Article", "Item"],
  itemUnit: ["Unité", "Unit"],
  quantity: ["Quantité", "Quantity"],
  p10: ["Prix p10", "Price p10"],
  p25: ["Prix p25", "Price p25"],
  median: ["Prix médian", "Median price"],
  p90: ["Prix p90", "Price p90"],
  p90OverP10: ["p90 / p10", "p90 / p10"],
  potential: ["Potentiel", "Potential"],
  largestEntity: ["Entité principale", "Largest entity"],
  largestEntityAmount: ["Montant de l'entité principale", "Largest entity amount"],
  entityBand: ["Procédure par entité", "Procedure per entity"],
  pooledBand: ["Procédure si mutualisé", "Procedure if pooled"],
  thresholdAmount: ["Seuil franchi", "Threshold crossed"],
  crossesHigherThreshold: ["Franchit un seuil supérieur", "Crosses a higher threshold"],
  consequence: ["Conséquence", "Consequence"],
  territory: ["Territoire", "Territory"],
  territories: ["Territoires", "Territories"],
  needs: ["Écarts ou attentes prioritaires", "Gaps or priority expectations"],
  cursor: ["Curseur recommandé", "Recommended cursor"],
  choice: ["Scénario retenu", "Chosen scenario"],
  population: ["Population", "Population"],
  perInhabitant: ["Dépense par habitant", "Spend per inhabitant"],
  gapToMeanPercent: ["Écart à la moyenne", "Gap to mean"],
  localAmount: ["Dépense locale", "Local spend"],
  amountWithKnownDepartements: ["Dépense (départements connus)", "Spend (départements known)"],
  localSharePercent: ["Part locale", "Local share"],
  localSupplierCount: ["Fournisseurs locaux", "Local suppliers"],
  proximity: ["Famille de proximité", "Proximity family"],
  recommendation: ["Recommandation", "Recommendation"],
  reasons: ["Raisons", "Reasons"],
  withProperty: ["Avec la caractéristique", "With the property"],
  countShare: ["Part (nombre)", "Share (count)"],
  valueShare: ["Part (valeur)", "Share (value)"],
  amountWithProperty: ["Montant avec la caractéristique", "Amount with the property"],
  departement: ["Département", "Département"],
  spend: ["Dépense HT", "Spend excl. VAT"],
  localSpend: ["Dépense locale", "Local spend"],
  yearComplete: ["Année complète", "Full year"],
  obligation: ["Obligation SPASER", "SPASER obligation"],
  benchmark: ["Repère national", "National benchmark"],
  gap: ["Écart à la référence", "Gap to reference"],
  field: ["Champ", "Field"],
  rawValue: ["Valeur lue", "Value read"],
  rowsRead: ["Lignes lues", "Rows read"],
  rowsAnalysed: ["Lignes analysées", "Rows analysed"],
  rowsWithWarning: ["dont avec avertissement", "of which with warning"],
  rowsRejected: ["Lignes rejetées", "Rows rejected"],
  amountSetAside: ["Montants mis de côté (remplissage, concessions, co-titulaires, sous-totaux)", "Amounts set aside (placeholders, concessions, co-holders, sub-totals)"],
  amountRead: ["Montant lu", "Amount read"],
  amountAnalysed: ["Montant analysé", "Amount analysed"],
  amountRejected: ["Montant rejeté", "Amount rejected"],
  kind: ["Nature de la table", "Table kind"],
  month: ["Mois", "Month"],
  previousYearAmount: ["Même mois N-1", "Same month last year"],
  period: ["Période", "Period"],
  periodKind: ["Type de période", "Period type"],
  start: ["Début", "Start"],
  end: ["Fin", "End"],
  runDate: ["Date d'exécution", "Run date"],
  version: ["Version", "Version"],
  alertCount: ["Signaux de conformité", "Compliance signals"],
  label: ["Libellé", "Label"],
  defaultValue: ["Valeur par défaut", "Default value"],
  usedValue: ["Valeur utilisée par l'analyse", "Value used by the analysis"],
  parameter: ["Paramètre", "Parameter"],
  from: ["Du", "From"],
  to: ["Au", "To"],
  suppliesServices: ["Fournitures et services", "Supplies and services"],
  works: ["Travaux", "Works"],
  ecbRate: ["Taux BCE", "ECB rate"],
  legalRule: ["Article", "Article"],
  thresholdDate: ["Seuil en vigueur au", "Threshold as of"],
  thresholdDateBasis: ["Date retenue", "Date basis"],
  exclusionScope: ["Exclusion par", "Excluded by"],
  exception: ["Exception", "Exception"],
  consultationAmount: ["Montant de la consultation", "Consultation amount"],
  otherEuThreshold: ["Autre seuil possible", "Other possible threshold"],
  article: ["Article budgétaire", "Budget account"],
  notificationDate: ["Date de notification", "Notification date"],
  innovative: ["Achats innovants seulement", "Innovative purchases only"],
  cpvPrefixes: ["Préfixes CPV", "CPV prefixes"],
  excludedCpvPrefixes: ["Préfixes CPV exclus", "Excluded CPV prefixes"],
  budgetArticles: ["Articles budgétaires", "Budget accounts"],
  exclusionNote: ["Justification", "Justification"],
  legalBasis: ["Fondement juridique", "Legal basis"],
  why: ["Pourquoi un signal à vérifier", "Why a signal to check"],
  clear: ["Ce qui lèverait le signal", "What would clear it"],
  axis: ["Axe", "Axis"],
  number: ["N°", "No."],
  question: ["Question", "Question"],
  answer: ["Réponse", "Answer"],
  score: ["Score (0-3)", "Score (0-3)"],
  comment: ["Commentaire", "Comment"],
  planLever: ["Levier du plan si faible", "Plan lever if weak"],
  answered: ["Réponses", "Answers"],
  scorePercent: ["Score", "Score"],
  level: ["Niveau", "Level"],
  objective: ["Objectif", "Objective"],
  baseline: ["Situation de départ", "Baseline"],
  proposedTarget: ["Cible proposée", "Proposed target"],
  target: ["Cible retenue", "Target"],
  deadline: ["Échéance", "Deadline"],
  owner: ["Responsable", "Owner"],
  lever: ["Levier retenu", "Chosen lever"],
  expectedSavings: ["Économies attendues", "Expected savings"],
  priority: ["Priorité", "Priority"],
  mutualisationPotential: ["Potentiel mutualisation (central)", "Pooling potential (central)"],
  prompt: ["Orientation", "Orientation"],
  text: ["Vos orientations", "Your orientations"],
  endDate: ["Fin du marché", "Contract end"],
  monthsLeft: ["Mois restants", "Months left"],
  renewalAction: ["Action de renouvellement", "Renewal action"],
  launch: ["Lancement prévu", "Planned launch"],
  element: ["Élément", "Item"],
  current: ["Situation actuelle", "Current situation"],
  commitment: ["Engagement / cible", "Commitment / target"],
  structure: ["Structure envisagée", "Planned structure"],
  coordinator: ["Coordonnateur", "Coordinator"],
  frequency: ["Fréquence", "Frequency"],
  currentValue: ["Valeur actuelle", "Current value"],
  followTarget: ["Cible", "Target"],
  sheet: ["Feuille", "Sheet"],
  quadrantCount: ["Familles", "Families"],
  weakItem: ["Point faible", "Weak item"],
  percent: ["Pourcentage", "Percentage"],
  remaining: ["Reste", "Remaining"],
  dgpDays: ["DGP (jours)", "Payment time (days)"],
  daysLate: ["Jours de retard", "Days late"],
  interest: ["Intérêts moratoires", "Late interest"],
  indemnity: ["Indemnité forfaitaire", "Flat indemnity"],
  amountTTC: ["Montant TTC", "Amount incl. VAT"],
  paid: ["Payé le", "Paid on"],
  headline: ["Valeur affichée", "Headline value"],
  definition: ["Définition", "Definition"],
  computation: ["Calcul", "Computation"],
  legalSource: ["Source (texte, statistique)", "Source (law, statistics)"],
  howToImprove: ["Comment l'améliorer", "How to improve it"],
  // law: PF4, PF6 and PF8 signals on the Conformité sheet
  alsoInSplitting: ["Compris dans le signal (non recompté)", "Part of signal (not counted again)"],
  sourceLines: ["Lignes (table!ligne)", "Lines (table!row)"],
  thresholdRule: ["Article du seuil", "Threshold article"],
  changeAmount: ["Montant des modifications", "Amount of the modifications"],
  initial: ["Montant initial", "Initial amount"],
  amended: ["Montant après modifications", "Amount after modifications"],
  modifications: ["Modifications", "Modifications"],
  inflationPercent: ["Hausse", "Increase"],
  limitPercent: ["Limite", "Limit"],
  lastModificationDate: ["Dernière modification", "Last modification"],
  invoiceRef: ["N° de facture", "Invoice no."],
  invoiceReceived: ["Facture reçue le", "Invoice received on"],
  dueDate: ["Échéance", "Due date"],
  limitDays: ["Délai maximal (jours)", "Maximum time (days)"],
  ordonnateurDays: ["Délai ordonnateur (jours)", "Ordonnateur's time (days)"],
  ordonnateurLimitDays: ["Limite ordonnateur (jours)", "Ordonnateur's limit (days)"],
  comptableDays: ["Délai comptable (jours)", "Comptable's time (days)"],
  comptableLimitDays: ["Limite comptable (jours)", "Comptable's limit (days)"],
  invoices: ["Factures payées", "Paid invoices"],
  lateInvoices: ["Factures en retard", "Late invoices"],
  lateShare: ["Part en retard", "Late share"],
  averageDgpDays: ["DGP moyen (jours)", "Average payment time (days)"],
  invoicesWithMandate: ["Factures avec date de mandat", "Invoices with a mandat date"],
  averageOrdonnateurDays: ["Délai ordonnateur moyen (jours)", "Ordonnateur's average time (days)"],
  ordonnateurLate: ["Au-delà du délai ordonnateur", "Beyond the ordonnateur's time"],
  averageComptableDays: ["Délai comptable moyen (jours)", "Comptable's average time (days)"],
  comptableLate: ["Au-delà du délai comptable", "Beyond the comptable's time"],
  service: ["Service", "Department"],
} as const satisfies Record<string, Pair>;

export type HeaderKey = keyof typeof HEADERS;

/** Other texts (titles, notes, list items, phrases). */
export const TEXTS = {
  na: ["N/D", "N/A"],
  yes: ["Oui", "Yes"],
  no: ["Non", "No"],
  total: ["Total", "Total"],
  none: ["Aucun", "None"],
  check: ["Contrôle", "Check"],
  ok: ["OK", "OK"],
  gapToExamine: ["Écart à examiner", "Gap to examine"],
  stampSources: ["Sources", "Sources"],
  stampPeriod: ["Période", "Period"],
  stampData: ["données du", "data from"],
  stampDataTo: ["au", "to"],
  stampParameters: ["Paramètres", "Settings"],
  stampRun: ["Exécution", "Run"],
  stampVersion: ["Optima Achats", "Optima Achats"],
  noSource: ["aucune table source", "no source table"],
  defaultParameters: [
    "valeurs de référence par défaut (feuille Paramètres)",
    "default reference values (Settings sheet)",
  ],
  changedParameters: ["paramètres modifiés", "changed settings"],
  changedParameter: ["paramètre modifié", "changed setting"],
  reference: ["Réf.", "Ref."],
  coverage: ["Couverture", "Coverage"],
  statusGood: ["Bon", "Good"],
  statusWatch: ["À surveiller", "Watch"],
  statusAlert: ["Alerte", "Alert"],
  notAvailableFor: ["Non disponible", "Not available"],
  signalsNote: [
    "Les alertes sont des signaux à vérifier, pas des constats d'irrégularité.",
    "Alerts are signals to check, not findings of irregularity.",
  ],
  emptyTable: ["Aucune ligne.", "No rows."],
  dashboardTitle: ["Tableau de bord des achats", "Purchasing dashboard"],
  kpiSection: ["Indicateurs clés", "Key indicators"],
  reconciliationSection: [
    "Rapprochement des données (rien n'est perdu)",
    "Data reconciliation (nothing is lost)",
  ],
  reconciliationByTable: ["Rapprochement par table", "Reconciliation by table"],
  allIndicatorsSection: ["Tous les indicateurs", "All indicators"],
  chartDataSection: ["Données des graphiques", "Chart data"],
  chartPareto: [
    "Pareto des familles (dépense HT et part cumulée)",
    "Family Pareto (spend and cumulative share)",
  ],
  chartTrend: ["Dépense mensuelle HT (période et N-1)", "Monthly spend (period and previous year)"],
  chartProcedures: ["Procédures (valeur attribuée)", "Procedures (value awarded)"],
  chartChannels: ["Modes d'achat (dépense HT)", "Purchasing channels (spend)"],
  gaugesTitle: [
    "Jauges PNAD (part des marchés de la période)",
    "PNAD gauges (share of the period's contracts)",
  ],
  chartGaugeEnv: ["PNAD : considération environnementale", "PNAD: environmental consideration"],
  chartGaugeSocial: ["PNAD : considération sociale", "PNAD: social consideration"],
  chartQuadrants: ["Dépense par quadrant du portefeuille", "Spend by portfolio quadrant"],
  chartResponsible: [
    "Achats responsables : valeur et référence",
    "Responsible purchasing: value and reference",
  ],
  chartPerInhabitant: [
    "Dépense par habitant et par territoire",
    "Spend per inhabitant by territory",
  ],
  chartHistory: ["Évolution de la dépense HT par période", "Spend by period"],
  chartRadar: ["Diagnostic 360° : scores par axe", "360 assessment: scores by axis"],
  alertsTile: ["Signaux de conformité à vérifier", "Compliance signals to check"],
  previousYear: ["N-1", "Previous year"],
  currentPeriod: ["Période", "Period"],
  cumulativeShare: ["Part cumulée", "Cumulative share"],
  cartoTitle: ["Cartographie des achats par famille", "Spend map by family"],
  cartoNote: [
    "Familles homogènes (code famille de l'acheteur, sinon groupe CPV, sinon article budgétaire) : la colonne « Règle de classement » indique la règle appliquée. Couverture contractuelle globale (PF1) :",
    'Homogeneous families (buyer\'s family code, else CPV group, else budget account): the "Classification rule" column shows the rule applied. Overall contract coverage (PF1):',
  ],
  quadrantSummary: ["Synthèse du portefeuille (formules)", "Portfolio summary (formulas)"],
  suppliersTitle: ["Fournisseurs", "Suppliers"],
  abcSummary: ["Classes ABC (formules)", "ABC classes (formulas)"],
  complianceTitle: ["Conformité : signaux à vérifier", "Compliance: signals to check"],
  summary: ["Synthèse", "Summary"],
  co1Lines: [
    "Lignes derrière chaque signal de fractionnement",
    "Lines behind each splitting signal",
  ],
  pf4NatureToSpecify: [
    "Nature à préciser : marchés sans publicité entre le seuil des fournitures et services et celui des travaux — non comptés",
    "Nature to specify: direct awards between the supplies and services threshold and the works one — not counted",
  ],
  procedureToCorrect: [
    "Procédure à corriger dans les données (marchés subséquents, objet qui nomme une autre procédure) — non comptés",
    "Procedure to correct in the data (call-off contracts, descriptions naming another procedure) — not counted",
  ],
  pf8Late: [
    "Factures payées au-delà du délai global de paiement (une ligne par facture)",
    "Invoices paid after the maximum payment time (one row per invoice)",
  ],
  pf8ByEntity: ["Délais de paiement par entité", "Payment times by entity"],
  pf8ByService: ["Délais de paiement par service", "Payment times by department"],
  co2Amounts: [
    "Montants de la bande haute derrière chaque signal (lignes hors marché et marchés de la période)",
    "Amounts of the upper band behind each signal (off-contract lines and contracts of the period)",
  ],
  co1Singles: [
    "Achats uniques au-dessus du seuil, hors marché",
    "Single purchases above the threshold, outside any contract",
  ],
  co1Excluded: [
    "Lignes exclues du contrôle de fractionnement (famille, fournisseur ou article), avec leur motif",
    "Lines excluded from the splitting check (family, supplier or account), with their reason",
  ],
  co1Works: [
    "Travaux hors marché sans opération — à vérifier (le seuil travaux s'apprécie par opération, R2121-5)",
    "Works outside any contract without an operation — to check (the works threshold applies per operation, R2121-5)",
  ],
  co1NatureToSpecify: [
    "Lignes de nature à préciser (article mêlant travaux et services), laissées hors des seuils par nature",
    "Lines of unspecified nature (account mixing works and services), left out of the per-nature thresholds",
  ],
  co3Exceptions: [
    "MAPA licites au-delà du seuil européen (services sociaux et spécifiques R2123-1 3°, petits lots R2123-1 2°)",
    "Lawful adapted procedures above the EU threshold (social and specific services R2123-1 3°, small lots R2123-1 2°)",
  ],
  co3Uncertain: [
    "Seuil européen incertain (notification en début de période biennale, date de lancement inconnue)",
    "Uncertain EU threshold (notified early in a new biennium, launch date unknown)",
  ],
  co5LaunchUnknown: [
    "Marchés à vérifier : date de lancement inconnue (non comptés comme manquements)",
    "Contracts to check: launch date unknown (not counted as gaps)",
  ],
  mutualisationTitle: ["Mutualisation", "Pooling"],
  responsibleTitle: [
    "Achats responsables : indicateurs et objectifs",
    "Responsible purchasing: indicators and targets",
  ],
  territoriesTitle: ["Territoires", "Territories"],
  anomaliesTitle: [
    "Anomalies : lignes rejetées ou analysées avec avertissement",
    "Anomalies: rejected rows and rows analysed with a warning",
  ],
  noAnomaly: [
    "Aucune anomalie : toutes les lignes ont été analysées sans avertissement.",
    "No anomaly: every row was analysed without warning.",
  ],
  rejected: ["Rejetée", "Rejected"],
  warning: ["Avertissement", "Warning"],
  historyTitle: [
    "Historique : un instantané par période analysée",
    "History: one snapshot per analysed period",
  ],
  historyNote: [
    "Une ligne par période : une nouvelle exécution sur la même période remplace sa ligne. Gardez les en-têtes des colonnes : ils servent à relire l'historique.",
    "One row per period: a new run on the same period replaces its row. Keep the column headers: they are used to read the history back.",
  ],
  parametersTitle: [
    "Paramètres : valeurs de référence (modifiables)",
    "Settings: reference values (editable)",
  ],
  parametersNote: [
    "Modifiez les cellules jaunes : elles sont relues à la prochaine exécution. La colonne A porte les clés (ne pas modifier). Pourcentages en %, montants en euros HT.",
    "Edit the yellow cells: they are read back on the next run. Column A holds the keys (do not edit). Percentages in %, amounts in euros excl. VAT.",
  ],
  parametersScalars: ["Seuils, taux et objectifs", "Thresholds, rates and targets"],
  parametersDispense: [
    "Seuils de dispense de procédure (R2122-8), par date de lancement",
    "Procedure exemption thresholds (R2122-8), by launch date",
  ],
  parametersEu: [
    "Seuils européens (procédures formalisées), collectivités",
    "EU thresholds (formal procedures), local authorities",
  ],
  parametersEcb: [
    "Taux BCE (intérêts moratoires), au 1er jour du semestre",
    "ECB rate (late interest), on the first day of the half-year",
  ],
  parametersSpecial: [
    "Seuils de dispense particuliers (R2122-9 livres, R2122-9-1 achats innovants, temporaires), par date de lancement",
    "Special exemption thresholds (R2122-9 books, R2122-9-1 innovative purchases, temporary), by launch date",
  ],
  parametersExclusions: [
    "Fournisseurs exclus des contrôles de seuil (motif : centrale intermédiaire, droits exclusifs R2122-3, quasi-régie L2511-1, coopération L2511-6)",
    "Suppliers excluded from the threshold checks (reason: intermediary purchasing body, exclusive rights R2122-3, in-house L2511-1, public-public cooperation L2511-6)",
  ],
  parametersAddRows: [
    "Pour ajouter une ligne, tapez-la sous le tableau (clé vide) : elle sera prise en compte.",
    "To add a row, type it below the table (empty key): it will be taken into account.",
  ],
  notApplied: [
    "Valeur saisie différente de la valeur utilisée : elle s'appliquera à la prochaine exécution.",
    "Typed value differs from the value used: it applies on the next run.",
  ],
  planTitle: ["Plan stratégique d'achat", "Strategic purchasing plan"],
  planNote: [
    "Cellules jaunes : à compléter par vous, conservées à chaque exécution. Les autres chiffres sont actualisés à partir de l'analyse. Colonne A (masquée) : clés de lignes, à ne pas modifier ; une ligne ajoutée sans clé dans le plan d'action est conservée.",
    "Yellow cells: yours to fill in, kept on every run. Other figures are refreshed from the analysis. Column A (hidden): row keys, do not edit; a row added without a key in the action plan is kept.",
  ],
  inputCell: ["Cellule à saisir", "Cell to fill in"],
  planS1: ["1 · Diagnostic", "1 · Diagnosis"],
  planS2: [
    "2 · Orientations alignées sur les politiques publiques de la collectivité",
    "2 · Orientations aligned with public policies",
  ],
  planS3: ["3 · Objectifs", "3 · Objectives"],
  planS4: ["4 · Plan d'action par famille", "4 · Action plan by family"],
  planS5: ["5 · Calendrier des renouvellements (PF7)", "5 · Renewal calendar (PF7)"],
  planS6: ["6 · Politique d'achat responsable", "6 · Responsible purchasing policy"],
  planS7: [
    "7 · Mutualisation et structures de coopération",
    "7 · Pooling and cooperation structures",
  ],
  planS8: [
    "8 · Évaluation : indicateurs à suivre chaque mois",
    "8 · Evaluation: KPIs to follow each month",
  ],
  keyFigures: ["Chiffres clés de l'analyse", "Key figures from the analysis"],
  diagScores: [
    "Scores du diagnostic 360° (liés à la feuille Diagnostic 360)",
    "360 assessment scores (linked to the assessment sheet)",
  ],
  weakItems: [
    "Points faibles du diagnostic 360° et leviers associés",
    "Weak items of the 360 assessment and their levers",
  ],
  noDiagnostic: [
    "Diagnostic 360° non renseigné : répondez au questionnaire, les points faibles alimenteront ce plan à la prochaine exécution.",
    "360 assessment not answered yet: answer the questionnaire; weak items will feed this plan on the next run.",
  ],
  noWeakItem: [
    "Aucun point faible (réponse 0 ou 1) dans le diagnostic 360°.",
    "No weak item (answer 0 or 1) in the 360 assessment.",
  ],
  transverse: ["Transverse", "Cross-cutting"],
  familyAbsent: [
    "Famille sans dépense sur la période (ligne conservée pour vos saisies)",
    "Family without spend in the period (row kept for your input)",
  ],
  contractAbsent: [
    "Marché hors calendrier de la période (ligne conservée pour vos saisies)",
    "Contract no longer in the calendar (row kept for your input)",
  ],
  userRow: ["Ligne ajoutée", "Added row"],
  scenarios: [
    "Scénarios d'économies sur la dépense adressable (MU3, formules)",
    "Savings scenarios on addressable spend (MU3, formulas)",
  ],
  monthly: ["Mensuelle", "Monthly"],
  lists: ["Listes (ne pas modifier)", "Lists (do not edit)"],
  diagTitle: [
    "Diagnostic 360° : stratégie · outils · organisation",
    "360 assessment: strategy · tools · organisation",
  ],
  diagNote: [
    "Répondez dans la colonne jaune : 0 Non · 1 Partiellement · 2 Oui, formalisé · 3 Oui, suivi et évalué. Les scores par axe se calculent en direct ; les réponses 0 et 1 alimentent le plan stratégique.",
    "Answer in the yellow column: 0 No · 1 Partly · 2 Yes, formalised · 3 Yes, monitored and evaluated. Axis scores are live formulas; answers 0 and 1 feed the strategic plan.",
  ],
  axisScores: ["Scores par axe", "Scores by axis"],
  overall: ["Ensemble", "Overall"],
  orientationsEmpty: ["", ""],
  noTerritory: ["Territoire non renseigné", "No territory given"],
  indicatorsTitle: [
    "Indicateurs : définitions, calculs et sources",
    "Indicators: definitions, computations and sources",
  ],
  indicatorsNote: [
    "Chaque indicateur affiche sa valeur, sa couverture (n / N enregistrements avec la donnée) et, faute de donnée, N/D avec le motif — jamais un 0 silencieux.",
    "Each indicator shows its value, its coverage (n / N records with the data) and, when data is missing, N/A with the reason — never a silent 0.",
  ],
  procedureNotGiven: ["Non renseignée", "Not given"],
} as const satisfies Record<string, Pair>;

export type TextKey = keyof typeof TEXTS;

const LANG_INDEX: Record<Lang, 0 | 1> = { fr: 0, en: 1 };

export function header(lang: Lang, key: HeaderKey): string {
  return HEADERS[key][LANG_INDEX[lang]];
}

export function text(lang: Lang, key: TextKey): string {
  return TEXTS[key][LANG_INDEX[lang]];
}

export function sheetName(lang: Lang, key: keyof typeof SHEET_NAMES): string {
  return SHEET_NAMES[key][LANG_INDEX[lang]];
}

/** Picks the French or English member of a pair. */
export function pick(lang: Lang, pair: Pair): string {
  return pair[LANG_INDEX[lang]];
}

/** Names of the purchasing channels (SPEC §2.4 values) in the language. */
export const CHANNEL_LABELS: Record<Channel, Pair> = {
  "Marché propre": ["Marché propre", "Own contract"],
  "Groupement de commandes": ["Groupement de commandes", "Joint purchasing group"],
  "Centrale d'achat": ["Centrale d'achat", "Central purchasing body"],
  "Hors marché": ["Hors marché", "No contract"],
};

/** Natures of purchase in the language; null: supplies and services thresholds apply. */
export function natureText(lang: Lang, nature: Nature | null): string {
  if (nature === null) return header(lang, "suppliesServices");
  return pick(lang, NATURE_LABELS[nature]);
}

const NATURE_LABELS: Record<Nature, Pair> = {
  Fournitures: ["Fournitures", "Supplies"],
  Services: ["Services", "Services"],
  Travaux: ["Travaux", "Works"],
};

/** Names of the pooling savings scenarios (MU3). */
export const SCENARIO_LABELS: Record<SavingsScenario, Pair> = {
  low: ["Bas", "Low"],
  central: ["Central", "Central"],
  high: ["Haut", "High"],
};

/** Names of the indicator groups (SPEC §4). */
export const GROUP_LABELS: Record<IndicatorGroup, Pair> = {
  SP: ["Dépense", "Spend"],
  PF: ["Performance", "Performance"],
  CO: ["Conformité", "Compliance"],
  RE: ["Achats responsables", "Responsible purchasing"],
  MU: ["Mutualisation", "Pooling"],
  TE: ["Territoires", "Territories"],
};

export const UNIT_LABELS: Record<Unit, Pair> = {
  EUR: ["€ HT", "€ excl. VAT"],
  "%": ["%", "%"],
  count: ["nombre", "number"],
  days: ["jours", "days"],
  "EUR/hab": ["€/hab.", "€/inhab."],
};

/** Status words for tiles and tables. */
export function statusText(lang: Lang, status: "good" | "watch" | "alert" | null): string {
  if (status === "good") return text(lang, "statusGood");
  if (status === "watch") return text(lang, "statusWatch");
  if (status === "alert") return text(lang, "statusAlert");
  return "";
}

/** Validation list items of the plan (status, priority, levers, renewal actions, structures). */
export const PLAN_LISTS = {
  status: [
    ["À lancer", "To start"],
    ["En cours", "In progress"],
    ["Réalisé", "Done"],
    ["Reporté", "Postponed"],
    ["Abandonné", "Dropped"],
  ],
  priority: [
    ["1 - Haute", "1 - High"],
    ["2 - Moyenne", "2 - Medium"],
    ["3 - Basse", "3 - Low"],
  ],
  lever: [
    ["Passer un marché", "Award a contract"],
    ["Groupement de commandes", "Joint purchasing group"],
    ["Centrale d'achat", "Central purchasing body"],
    ["Clause environnementale", "Environmental clause"],
    ["Clause sociale", "Social clause"],
    ["Sourcing / allotissement", "Sourcing / lots"],
    ["Accord-cadre pluriannuel", "Multi-year framework agreement"],
    ["Mise en concurrence", "Competitive tendering"],
    ["Catalogue / carte achat", "Catalogue / purchasing card"],
    ["Organisation / formation", "Organisation / training"],
    ["Outil / données", "Tools / data"],
    ["Autre", "Other"],
  ],
  renewal: [
    ["Relancer une consultation", "Re-tender"],
    ["Reconduire", "Renew"],
    ["Mutualiser", "Pool"],
    ["Ne pas renouveler", "Do not renew"],
  ],
  structure: [
    ["Groupement de commandes", "Joint purchasing group"],
    ["Centrale d'achat", "Central purchasing body"],
    ["Accord-cadre mutualisé", "Pooled framework agreement"],
    ["Service commun", "Shared service"],
    ["Aucune", "None"],
  ],
} as const satisfies Record<string, readonly Pair[]>;

export type PlanListKey = keyof typeof PLAN_LISTS;

export function planList(lang: Lang, key: PlanListKey): string[] {
  return PLAN_LISTS[key].map((p) => pick(lang, p));
}

/** Diagnostic answer scale (the leading digit is the score). */
export const ANSWER_SCALE: readonly Pair[] = [
  ["0 · Non", "0 · No"],
  ["1 · Partiellement", "1 · Partly"],
  ["2 · Oui, formalisé", "2 · Yes, formalised"],
  ["3 · Oui, suivi et évalué", "3 · Yes, monitored and evaluated"],
];

/** Indicator label in the language, from the registry (the id for an unknown indicator). */
export function indicatorLabel(lang: Lang, ind: Pick<IndicatorResult, "id">): string {
  return definitionOf(ind.id)?.label[lang] ?? ind.id;
}

/** A core message in the language. */
export function message(lang: Lang, m: Message): string {
  return render(lang, m);
}

/** The separator of a list of sentences in one cell: " ; " in French, "; " in English. */
export function listSeparator(lang: Lang): string {
  return render(lang, msg("list.separator"));
}

/** "12 / 15 lignes" (the coverage of an indicator). */
export function coverageWords(lang: Lang, c: Coverage): string {
  return render(lang, msg(`coverage.${c.of}`, { n: c.n, N: c.N }));
}

/** The reference's label in the language. */
export function referenceLabel(lang: Lang, r: Reference): string {
  return render(lang, r.label);
}

/** "CO5 — N/D : <reason>" for an N/A indicator. */
export function naText(lang: Lang, ind: Pick<IndicatorResult, "id" | "na">): string {
  const reason = ind.na === null ? "" : render(lang, ind.na);
  return `${ind.id} — ${text(lang, "na")}${lang === "fr" ? " : " : ": "}${reason}`;
}

const MONTHS: Record<Lang, readonly string[]> = {
  fr: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
};

/**
 * A period as a reader says it, for sheet titles: "2025", "mars 2025", "janvier à octobre 2026",
 * "octobre 2025 à mars 2026" (the canonical label, "2026-01..2026-10", stays in the stamp and the
 * history, which match on it).
 */
export function periodTitle(lang: Lang, period: Pick<Period, "kind" | "start" | "end" | "label">): string {
  if (period.kind === "year") return period.label;
  const from = ymdFromDay(period.start);
  const to = ymdFromDay(period.end);
  const month = (d: { year: number; month: number }) => `${MONTHS[lang][d.month - 1]} ${d.year}`;
  if (period.kind === "month" || (from.year === to.year && from.month === to.month)) return month(from);
  const sep = lang === "fr" ? " à " : " to ";
  if (from.year === to.year) return `${MONTHS[lang][from.month - 1]}${sep}${month(to)}`;
  return `${month(from)}${sep}${month(to)}`;
}
