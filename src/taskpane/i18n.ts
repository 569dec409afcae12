/**
 * Task pane texts, French (the product language) and English (when Office's display language is
 * English, or `?lang=en` in the browser preview). What core emits (anomaly and N/A reasons) is
 * rendered by the same message catalogue as the workbook (`coreText`).
 *
 * `t(lang, key, vars)` replaces `{name}` placeholders; numbers are formatted with `formatNumber`.
 */
import { FIELDS } from "../core/fields";
import type { TableKind } from "../core/model";
import type { Lang } from "../report/labels";
import { columnLetter } from "../ooxml/a1";
import { fieldName, kindLabel } from "../report/names";
import { render, type Message } from "../core/messages/render";

export type { Lang };

const fr = {
  appTitle: "Optima Achats",
  appTagline: "Pilotage des achats publics",
  outsideOfficeTitle: "Hors d'Excel",
  outsideOffice:
    "Le volet s'exécute dans un navigateur, hors d'Excel : il travaille sur un classeur de démonstration en mémoire. Rien n'est envoyé sur Internet.",
  excelGatewayMissing:
    "Le complément n'a pas pu se connecter au classeur Excel. Fermez et rouvrez le volet ; si le problème persiste, mettez Excel à jour (ExcelApi 1.7 au minimum).",
  loading: "Chargement du classeur…",
  stepsLabel: "Étapes de l'analyse",
  stepOf: "Étape {n} sur {total}",
  step_sources: "Sources",
  step_mapping: "Colonnes",
  step_period: "Période et paramètres",
  step_run: "Analyser",
  step_results: "Résultats",
  next: "Suivant",
  previous: "Précédent",
  retry: "Réessayer",
  close: "Fermer",
  // Sources
  sourcesIntro:
    "Cochez les tableaux à analyser. Le type est deviné d'après les en-têtes de colonnes.",
  noTables:
    "Aucun tableau ni plage de données trouvé dans le classeur. Ajoutez une feuille avec une ligne d'en-têtes (Date, Montant HT, Fournisseur…), puis actualisez.",
  refreshList: "Actualiser la liste",
  rows: "{n} lignes",
  columns: "{n} colonnes",
  excelTable: "Tableau Excel",
  plainRange: "Plage",
  kindUnknown: "Type non reconnu",
  mappingOk: "Colonnes reconnues",
  mappingMissing: "Colonnes à compléter",
  mappingUnknown: "À configurer",
  analyseTable: "Analyser {name}",
  importDecp: "Importer un fichier DECP (JSON)",
  importDecpHint:
    "Données essentielles de la commande publique : les marchés sont copiés dans une nouvelle feuille.",
  importingDecp: "Import du fichier DECP…",
  decpImported: "{n} marchés importés dans la feuille « {sheet} ».",
  decpRejected: "{n} éléments écartés (contrats de concession ou données illisibles) : {reasons}",
  noSpendSelected: "Sélectionnez au moins une table de dépenses ou de marchés.",
  tablesChanged:
    "Les colonnes de « {name} » ont changé depuis la dernière fois : la correspondance a été recalculée.",
  tablesGone: "Tables enregistrées introuvables dans le classeur : {names}.",
  // Mapping
  mappingIntro:
    "Vérifiez à quelle colonne correspond chaque champ. Les champs obligatoires sont signalés.",
  tableToMap: "Table",
  kindLabel: "Type de table",
  chooseKind: "Choisir un type…",
  headerRow: "Ligne d'en-têtes",
  headerRowHint: "Ligne {row} de la feuille",
  notUsed: "— Non utilisée —",
  required: "obligatoire",
  oneOf: "au moins un",
  fieldsMain: "Champs",
  fieldsMore: "Autres champs ({n})",
  resetMapping: "Rétablir la détection automatique",
  missingOne:
    "Colonne obligatoire introuvable : {fields}. Ajoutez-la au tableau ou associez-la ci-dessous à une colonne existante.",
  missingMany:
    "Colonnes obligatoires introuvables : {fields}. Ajoutez-les au tableau ou associez-les ci-dessous à des colonnes existantes.",
  or: "ou",
  duplicateColumn: "La colonne « {column} » est associée à plusieurs champs : {fields}.",
  kindNeeded:
    "Choisissez le type de cette table pour l'analyser, ou décochez-la à l'étape Sources.",
  previewTitle: "Aperçu des premières lignes",
  previewRows: "{ok} lignes lues sur {n} : {warnings} avec avertissement, {rejected} rejetées.",
  previewNone: "Aucune ligne de données sous la ligne d'en-têtes.",
  previewLoading: "Lecture des premières lignes…",
  warningsTitle: "Avertissements",
  rowN: "Ligne {row}",
  noTableSelected: "Aucune table sélectionnée : revenez à l'étape Sources.",
  // Period
  periodTitle: "Période analysée",
  period_auto: "Automatique (année de la dernière dépense, jusqu'au dernier mois renseigné)",
  period_year: "Une année",
  period_month: "Un mois",
  period_range: "Plusieurs mois",
  year: "Année",
  month: "Mois",
  from: "Du mois",
  to: "au mois",
  entityTitle: "Type d'entité",
  entityHint:
    "Délai global de paiement appliqué aux entités dont la table Entités ne donne pas le type.",
  entity_collectivite: "Collectivité territoriale (30 jours)",
  entity_sante: "Établissement public de santé (50 jours)",
  entity_custom: "Personnalisé ({n} jours, feuille Paramètres)",
  parametersTitle: "Seuils et scénarios",
  parametersHint:
    "Valeurs de la feuille Paramètres (ou valeurs de référence). Vos modifications y seront écrites à la prochaine analyse.",
  allParameters: "Tous les paramètres ({n})",
  modified: "modifié",
  reset: "Rétablir",
  resetAll: "Rétablir les valeurs de référence",
  defaultValue: "Référence : {value}",
  invalidNumber: "Saisissez un nombre positif.",
  dispenseNote:
    "Seuil de dispense de procédure en vigueur : {ss} (fournitures et services), {works} (travaux). Les seuils datés se modifient dans la feuille Paramètres.",
  // Run
  runTitle: "Lancer l'analyse",
  runSummaryTables: "Tables : {names}",
  runSummaryPeriod: "Période : {period}",
  runSummaryParams: "Paramètres modifiés : {n}",
  runSummaryParamsNone: "Paramètres : valeurs de la feuille Paramètres ou de référence",
  runButton: "Lancer l'analyse",
  cancel: "Annuler",
  cancelling: "Annulation…",
  progressLabel: "Avancement de l'analyse",
  stage_read: "Lecture",
  stage_check: "Contrôle",
  stage_indicators: "Indicateurs",
  stage_write: "Écriture",
  stageWaiting: "en attente",
  stageDone: "terminé",
  stageCount_read: "{done} / {total} lignes",
  stageCount_check: "{done} / {total} lignes",
  stageCount_indicators: "{done} / {total} étapes",
  stageCount_write: "{done} / {total} feuilles",
  cancelled: "Analyse annulée : aucune feuille n'a été modifiée.",
  runAgainHint:
    "Le bouton « Actualiser l'analyse » du ruban relance cette analyse sans ouvrir le volet.",
  refreshFailed: "L'actualisation lancée depuis le ruban le {date} a échoué : {message}",
  // Results
  resultsTitle: "Résultats",
  resultsPeriod: "Période {period} · analyse du {date}",
  resultsData: "Données du {from} au {to} · comparaison avec {previous}",
  noResults: "Aucune analyse pour l'instant. Lancez-la à l'étape Analyser.",
  kpisTitle: "Indicateurs clés",
  status_good: "Bon",
  status_watch: "À surveiller",
  status_alert: "Alerte",
  na: "N/D",
  reconciliationTitle: "Rapprochement",
  reconRows: "Lignes",
  reconAmounts: "Montants HT",
  reconRead: "Lues",
  reconAnalysed: "Analysées",
  reconRejected: "Rejetées",
  reconWarnings: "dont {n} avec avertissement",
  reconciled: "Rapprochement exact : rien n'est perdu.",
  notReconciled: "Écart de rapprochement : vérifiez la feuille Anomalies.",
  anomalies: "Anomalies",
  alerts: "Alertes de conformité",
  sheetsTitle: "Feuilles générées",
  openSheet: "Ouvrir {name}",
  openKpi: "Ouvrir le détail dans {name}",
  planTitle: "Plan stratégique et diagnostic",
  planCreate: "Créer le plan stratégique et le diagnostic 360",
  planUpdate: "Mettre à jour le plan stratégique et le diagnostic 360",
  planHint:
    "Vos saisies dans ces feuilles sont conservées : seuls les chiffres pré-remplis sont actualisés.",
  planWriting: "Écriture du plan et du diagnostic…",
  planDone: "Plan stratégique et diagnostic 360 écrits.",
  documentsTitle: "Charte de déontologie et code des fournisseurs",
  documentsHint:
    "Deux documents pré-remplis à adapter puis à faire adopter. Une fois écrits, ils sont à vous : une nouvelle analyse ne les touche pas ; ce bouton en écrit une nouvelle version à côté.",
  documentsCreate: "Rédiger la charte et le code des fournisseurs",
  documentsWriting: "Écriture des documents…",
  documentsDone: "Documents écrits : {names}. Complétez les champs en jaune.",
  // Peer exchange (issue #15 §4) and the buyer's DECP (issue #11 §4)
  exchangeTitle: "Comparaison avec vos pairs",
  exchangeHint:
    "Votre fiche de comparaison tient en une ligne d'indicateurs (catégorie, strate, période, ratios ; aucun nom de fournisseur, aucun montant de marché). Envoyez-la à d'autres collectivités et importez les leurs : la feuille Comparaison montre alors les quartiles de vos pairs. Rien ne sort du classeur sans vous.",
  ficheAnonymise:
    "Anonymiser la fiche (ni nom, ni SIREN, ni population exacte ; effectifs arrondis à 5)",
  ficheExport: "Exporter ma fiche",
  ficheWriting: "Préparation de la fiche…",
  ficheReady:
    "Fiche prête : {label}, {category}, {band}, période {period}, {n} indicateurs de marchés. Enregistrez-la avec le lien ci-dessous.",
  ficheDownload: "Télécharger « {file} »",
  copyFile: "Copier le contenu (si le téléchargement ne démarre pas)",
  copyDone:
    "Contenu copié : collez-le dans un fichier texte nommé « {file} » (Bloc-notes, TextEdit…).",
  copyFailed:
    "La copie n'est pas permise ici : utilisez le lien de téléchargement, ou ouvrez le classeur dans Excel sur le web.",
  peersImport: "Importer des fiches de pairs",
  peersImportHint:
    "Une ou plusieurs fiches .json reçues d'autres collectivités. La feuille Comparaison est réécrite avec elles ; elles restent utilisées par les analyses suivantes tant que le volet est ouvert.",
  peersReading: "Lecture des fiches et écriture de la feuille Comparaison…",
  peersDone: "Feuille « {sheet} » réécrite avec {n} fiche(s) de pairs.",
  peersOwn: "{n} fiche(s) de votre propre collectivité pour la même période mise(s) de côté.",
  peersFew:
    "Les quartiles des pairs s'affichent à partir de {min} fiches : importez-en davantage pour les voir.",
  peersInUse: "Fiches de pairs utilisées : {files}",
  peersRefused: "Aucune fiche n'a été importée : corrigez ou retirez ces fichiers, puis réessayez.",
  peersClear: "Retirer les fiches de pairs",
  peersCleared: "Feuille « {sheet} » réécrite sans fiches de pairs.",
  decpExportTitle: "Données essentielles (DECP)",
  decpExportHint:
    "Les marchés de 40 000 € HT ou plus au format DECP 2024 (JSON), à publier sur votre profil d'acheteur. Les champs que le registre ne donne pas (CCAG, forme et type de prix, lieu d'exécution…) se complètent par un fichier de compléments.",
  decpComplementsPick: "Choisir un fichier de compléments (JSON, facultatif)",
  decpComplementsChosen: "Compléments : {file}",
  decpComplementsRemove: "Retirer les compléments",
  decpExport: "Exporter mes données essentielles (DECP)",
  decpExportWriting: "Préparation des données essentielles…",
  decpExportDone:
    "{written} marché(s) de 40 000 € HT ou plus écrit(s) au format DECP 2024 ; {notWritten} non écrit(s) faute de champs obligatoires ; {below} sous le seuil de 40 000 € HT.",
  decpExportNone:
    "Aucun marché dans les tables analysées : cochez le registre des marchés (ou importez un fichier DECP) à l'étape Sources, puis relancez l'analyse.",
  decpExportDownload: "Télécharger « {file} »",
  decpNotWrittenTitle: "Marchés non écrits ({n}) et comment les compléter",
  decpTemplateDownload: "Télécharger le modèle de compléments « {file} »",
  decpTemplateHint:
    "Remplissez les valeurs null du modèle, puis choisissez-le comme fichier de compléments et exportez à nouveau.",
  newAnalysis: "Modifier et relancer",
  renamedSheet:
    "La feuille « {wanted} » existait déjà et n'appartient pas à Optima Achats : les résultats sont dans « {name} ».",
  // Errors
  errorTitle: "Une erreur est survenue",
  err_tableNotFound:
    "La table « {subject} » est introuvable : elle a peut-être été supprimée ou renommée. Actualisez la liste à l'étape Sources.",
  err_sheetNotFound:
    "La feuille « {subject} » est introuvable : relancez l'analyse pour la recréer.",
  err_tooLarge:
    "Le classeur est trop volumineux pour être lu en une fois. Réduisez la plage de données ou fermez d'autres classeurs, puis réessayez.",
  err_busy: "Excel est occupé. Attendez la fin de l'opération en cours, puis réessayez.",
  err_timeout:
    "Excel ne répond pas. Enregistrez votre classeur, puis réessayez ; si le problème persiste, fermez et rouvrez le volet.",
  err_cellEditMode:
    "Une cellule est en cours de modification. Validez-la (Entrée) ou quittez-la (Échap), puis réessayez.",
  err_protected: "Le classeur ou une feuille est protégé. Ôtez la protection, puis réessayez.",
  err_unsupported:
    "Cette version d'Excel ne permet pas cette opération. Mettez Excel à jour ou utilisez Excel sur le web.",
  err_unknown:
    "Une erreur inattendue est survenue. Réessayez ; si elle se reproduit, fermez et rouvrez le volet.",
  err_worker:
    "Le calcul de l'analyse s'est arrêté de façon inattendue (mémoire insuffisante ?). Fermez d'autres onglets ou classeurs, puis réessayez.",
  err_noTables:
    "Aucune table à analyser : cochez au moins une table de dépenses ou de marchés à l'étape Sources.",
  err_missingColumns:
    "La table « {subject} » n'a pas toutes ses colonnes obligatoires : complétez-les à l'étape Colonnes.",
  err_noKind:
    "Le type de la table « {subject} » n'est pas choisi : choisissez-le à l'étape Colonnes.",
  err_period: "{detail}",
  err_noData:
    "Aucune ligne analysable dans les tables choisies : vérifiez la ligne d'en-têtes et les colonnes à l'étape Colonnes.",
  err_decpInvalid:
    "Le fichier « {subject} » n'est pas un fichier DECP lisible (JSON avec une liste « marches »). Téléchargez-le à nouveau depuis data.gouv.fr ou votre profil d'acheteur.",
  err_decpEmpty: "Le fichier « {subject} » ne contient aucun marché.",
  err_noSavedAnalysis:
    "Aucune analyse enregistrée dans ce classeur : ouvrez le volet Optima Achats et lancez une première analyse.",
  err_saveSettings:
    "Les choix n'ont pas pu être enregistrés dans le classeur ; l'analyse reste possible. Enregistrez le classeur, puis réessayez.",
  err_taskRunning:
    "Une analyse ou une écriture est déjà en cours dans ce classeur : attendez qu'elle se termine (ou annulez-la), puis relancez.",
  err_taskLocked:
    "Une autre analyse ou écriture est en cours dans ce classeur (lancée par le bouton « Actualiser l'analyse » du ruban, ou depuis un autre volet) : attendez qu'elle se termine, puis relancez. Si aucune n'est en cours, réessayez dans 5 minutes.",
  technicalDetail: "Détail technique",
  // Preview
  previewWorkbook: "Classeur de démonstration",
  previewOpenFile: "Ouvrir un autre classeur (.xlsx)",
  previewLoadingFile: "Lecture du classeur « {name} »…",
  previewLoadError:
    "Le fichier « {name} » n'a pas pu être lu comme un classeur .xlsx. Choisissez un autre fichier.",
  previewNoDemo: "Le classeur de démonstration n'est pas disponible : choisissez un fichier .xlsx.",
  previewUnreadable: "« {name} » ne peut pas être ouvert. {reason} Choisissez un autre fichier.",
  previewSheets: "Feuilles du classeur",
  previewEmptySheet: "Feuille vide.",
  previewMoreRows: "… {n} lignes de plus (non affichées dans l'aperçu)",
  previewCharts: "Graphiques",
};

export type TextKey = keyof typeof fr;

const en: Record<TextKey, string> = {
  appTitle: "Optima Achats",
  appTagline: "Public purchasing dashboard",
  outsideOfficeTitle: "Outside Excel",
  outsideOffice:
    "The pane runs in a browser, outside Excel: it works on an in-memory demo workbook. Nothing is sent over the Internet.",
  excelGatewayMissing:
    "The add-in could not connect to the Excel workbook. Close and reopen the pane; if it persists, update Excel (ExcelApi 1.7 or later).",
  loading: "Loading the workbook…",
  stepsLabel: "Analysis steps",
  stepOf: "Step {n} of {total}",
  step_sources: "Sources",
  step_mapping: "Columns",
  step_period: "Period and settings",
  step_run: "Analyse",
  step_results: "Results",
  next: "Next",
  previous: "Back",
  retry: "Try again",
  close: "Close",
  sourcesIntro: "Tick the tables to analyse. The kind is guessed from the column headers.",
  noTables:
    "No table or data range found in the workbook. Add a sheet with a header row (Date, Amount excl. VAT, Supplier…), then refresh.",
  refreshList: "Refresh the list",
  rows: "{n} rows",
  columns: "{n} columns",
  excelTable: "Excel table",
  plainRange: "Range",
  kindUnknown: "Unknown kind",
  mappingOk: "Columns recognised",
  mappingMissing: "Columns to complete",
  mappingUnknown: "To configure",
  analyseTable: "Analyse {name}",
  importDecp: "Import a DECP file (JSON)",
  importDecpHint: "French open contracting data: the contracts are copied into a new sheet.",
  importingDecp: "Importing the DECP file…",
  decpImported: "{n} contracts imported into the sheet “{sheet}”.",
  decpRejected: "{n} items left out (concession contracts or unreadable data): {reasons}",
  noSpendSelected: "Select at least one spend or contracts table.",
  tablesChanged: "The columns of “{name}” changed since last time: the mapping was detected again.",
  tablesGone: "Saved tables not found in the workbook: {names}.",
  mappingIntro: "Check which column holds each field. Required fields are flagged.",
  tableToMap: "Table",
  kindLabel: "Table kind",
  chooseKind: "Choose a kind…",
  headerRow: "Header row",
  headerRowHint: "Sheet row {row}",
  notUsed: "— Not used —",
  required: "required",
  oneOf: "at least one",
  fieldsMain: "Fields",
  fieldsMore: "Other fields ({n})",
  resetMapping: "Restore the automatic detection",
  missingOne:
    "Required column not found: {fields}. Add it to the table or map it below to an existing column.",
  missingMany:
    "Required columns not found: {fields}. Add them to the table or map them below to existing columns.",
  or: "or",
  duplicateColumn: "The column “{column}” is mapped to several fields: {fields}.",
  kindNeeded: "Choose this table's kind to analyse it, or untick it in the Sources step.",
  previewTitle: "First rows",
  previewRows: "{ok} of {n} rows read: {warnings} with a warning, {rejected} rejected.",
  previewNone: "No data row below the header row.",
  previewLoading: "Reading the first rows…",
  warningsTitle: "Warnings",
  rowN: "Row {row}",
  noTableSelected: "No table selected: go back to the Sources step.",
  periodTitle: "Period",
  period_auto: "Automatic (year of the latest spend, up to the last month with data)",
  period_year: "One year",
  period_month: "One month",
  period_range: "Several months",
  year: "Year",
  month: "Month",
  from: "From",
  to: "to",
  entityTitle: "Entity type",
  entityHint: "Payment time limit applied to entities whose type the Entities table does not give.",
  entity_collectivite: "Local authority (30 days)",
  entity_sante: "Public hospital (50 days)",
  entity_custom: "Custom ({n} days, Settings sheet)",
  parametersTitle: "Thresholds and scenarios",
  parametersHint:
    "Values of the Settings sheet (or reference values). Your changes are written there by the next analysis.",
  allParameters: "All settings ({n})",
  modified: "changed",
  reset: "Reset",
  resetAll: "Restore the reference values",
  defaultValue: "Reference: {value}",
  invalidNumber: "Enter a positive number.",
  dispenseNote:
    "Exemption threshold in force: {ss} (supplies and services), {works} (works). Dated thresholds are edited in the Settings sheet.",
  runTitle: "Run the analysis",
  runSummaryTables: "Tables: {names}",
  runSummaryPeriod: "Period: {period}",
  runSummaryParams: "Changed settings: {n}",
  runSummaryParamsNone: "Settings: values of the Settings sheet or reference values",
  runButton: "Run the analysis",
  cancel: "Cancel",
  cancelling: "Cancelling…",
  progressLabel: "Analysis progress",
  stage_read: "Reading",
  stage_check: "Checks",
  stage_indicators: "Indicators",
  stage_write: "Writing",
  stageWaiting: "waiting",
  stageDone: "done",
  stageCount_read: "{done} / {total} rows",
  stageCount_check: "{done} / {total} rows",
  stageCount_indicators: "{done} / {total} steps",
  stageCount_write: "{done} / {total} sheets",
  cancelled: "Analysis cancelled: no sheet was changed.",
  runAgainHint:
    "The ribbon's “Refresh analysis” button runs this analysis again without opening the pane.",
  refreshFailed: "The refresh started from the ribbon on {date} failed: {message}",
  resultsTitle: "Results",
  resultsPeriod: "Period {period} · run on {date}",
  resultsData: "Data from {from} to {to} · compared with {previous}",
  noResults: "No analysis yet. Run one in the Analyse step.",
  kpisTitle: "Key indicators",
  status_good: "Good",
  status_watch: "Watch",
  status_alert: "Alert",
  na: "N/A",
  reconciliationTitle: "Reconciliation",
  reconRows: "Rows",
  reconAmounts: "Amounts excl. VAT",
  reconRead: "Read",
  reconAnalysed: "Analysed",
  reconRejected: "Rejected",
  reconWarnings: "incl. {n} with a warning",
  reconciled: "Exact reconciliation: nothing is lost.",
  notReconciled: "Reconciliation gap: check the Anomalies sheet.",
  anomalies: "Anomalies",
  alerts: "Compliance alerts",
  sheetsTitle: "Generated sheets",
  openSheet: "Open {name}",
  openKpi: "Open the detail in {name}",
  planTitle: "Strategic plan and assessment",
  planCreate: "Create the strategic plan and the 360 assessment",
  planUpdate: "Update the strategic plan and the 360 assessment",
  planHint: "What you typed in these sheets is kept: only the pre-filled figures are refreshed.",
  planWriting: "Writing the plan and the assessment…",
  planDone: "Strategic plan and 360 assessment written.",
  documentsTitle: "Ethics charter and supplier code",
  documentsHint:
    "Two pre-filled documents to adapt and adopt. Once written they are yours: a new analysis never touches them; this button writes a new version beside them.",
  documentsCreate: "Draft the charter and the supplier code",
  documentsWriting: "Writing the documents…",
  documentsDone: "Documents written: {names}. Complete the fields in yellow.",
  exchangeTitle: "Comparison with your peers",
  exchangeHint:
    "Your benchmark card is one row of indicators (category, population band, period, ratios; no supplier name, no contract amount). Send it to other local authorities and import theirs: the Comparaison sheet then shows your peers' quartiles. Nothing leaves the workbook without you.",
  ficheAnonymise:
    "Anonymise the card (no name, no SIREN, no exact population; counts rounded to 5)",
  ficheExport: "Export my card",
  ficheWriting: "Preparing the card…",
  ficheReady:
    "Card ready: {label}, {category}, {band}, period {period}, {n} contract indicators. Save it with the link below.",
  ficheDownload: "Download “{file}”",
  copyFile: "Copy the content (if the download does not start)",
  copyDone: "Content copied: paste it into a text file named “{file}” (Notepad, TextEdit…).",
  copyFailed:
    "Copying is not allowed here: use the download link, or open the workbook in Excel on the web.",
  peersImport: "Import peers' cards",
  peersImportHint:
    "One or several .json cards received from other local authorities. The Comparaison sheet is written again with them; later analyses use them too while the pane stays open.",
  peersReading: "Reading the cards and writing the Comparaison sheet…",
  peersDone: "Sheet “{sheet}” written again with {n} peer card(s).",
  peersOwn: "{n} card(s) of your own authority for the same period set aside.",
  peersFew: "Peers' quartiles are shown from {min} cards on: import more to see them.",
  peersInUse: "Peers' cards in use: {files}",
  peersRefused: "No card was imported: fix or remove these files, then try again.",
  peersClear: "Remove the peers' cards",
  peersCleared: "Sheet “{sheet}” written again without peers' cards.",
  decpExportTitle: "Essential data (DECP)",
  decpExportHint:
    "Contracts of €40,000 excl. VAT or more in the DECP 2024 format (JSON), to publish on your buyer profile. Fields the register does not give (CCAG, price form and type, place of performance…) come from a complements file.",
  decpComplementsPick: "Choose a complements file (JSON, optional)",
  decpComplementsChosen: "Complements: {file}",
  decpComplementsRemove: "Remove the complements",
  decpExport: "Export my essential data (DECP)",
  decpExportWriting: "Preparing the essential data…",
  decpExportDone:
    "{written} contract(s) of €40,000 or more written as DECP 2024; {notWritten} not written for want of mandatory fields; {below} under the €40,000 threshold.",
  decpExportNone:
    "No contract in the analysed tables: tick the contracts register (or import a DECP file) in the Sources step, then analyse again.",
  decpExportDownload: "Download “{file}”",
  decpNotWrittenTitle: "Contracts not written ({n}) and how to complete them",
  decpTemplateDownload: "Download the complements template “{file}”",
  decpTemplateHint:
    "Fill in the null values of the template, then choose it as the complements file and export again.",
  newAnalysis: "Change and run again",
  renamedSheet:
    "The sheet “{wanted}” already existed and does not belong to Optima Achats: the results are in “{name}”.",
  errorTitle: "Something went wrong",
  err_tableNotFound:
    "The table “{subject}” was not found: it may have been deleted or renamed. Refresh the list in the Sources step.",
  err_sheetNotFound: "The sheet “{subject}” was not found: run the analysis again to recreate it.",
  err_tooLarge:
    "The workbook is too large to be read at once. Reduce the data range or close other workbooks, then try again.",
  err_busy: "Excel is busy. Wait for the current operation to finish, then try again.",
  err_timeout:
    "Excel is not responding. Save your workbook and try again; if it persists, close and reopen the pane.",
  err_cellEditMode: "A cell is being edited. Confirm it (Enter) or leave it (Esc), then try again.",
  err_protected: "The workbook or a sheet is protected. Remove the protection, then try again.",
  err_unsupported: "This version of Excel cannot do this. Update Excel or use Excel on the web.",
  err_unknown:
    "An unexpected error occurred. Try again; if it happens again, close and reopen the pane.",
  err_worker:
    "The analysis stopped unexpectedly (out of memory?). Close other tabs or workbooks, then try again.",
  err_noTables:
    "No table to analyse: tick at least one spend or contracts table in the Sources step.",
  err_missingColumns:
    "The table “{subject}” lacks required columns: complete them in the Columns step.",
  err_noKind: "The kind of the table “{subject}” is not chosen: choose it in the Columns step.",
  err_period: "{detail}",
  err_noData:
    "No row could be analysed in the chosen tables: check the header row and the columns in the Columns step.",
  err_decpInvalid:
    "The file “{subject}” is not a readable DECP file (JSON with a “marches” list). Download it again from data.gouv.fr or your buyer profile.",
  err_decpEmpty: "The file “{subject}” holds no contract.",
  err_noSavedAnalysis:
    "No analysis saved in this workbook: open the Optima Achats pane and run a first analysis.",
  err_saveSettings:
    "Your choices could not be saved in the workbook; the analysis still works. Save the workbook, then try again.",
  err_taskRunning:
    "An analysis or a write is already under way in this workbook: wait for it to end (or cancel it), then start again.",
  err_taskLocked:
    "Another analysis or write is under way in this workbook (started by the ribbon's “Refresh analysis” button, or from another pane): wait for it to end, then start again. If none is under way, try again in 5 minutes.",
  technicalDetail: "Technical detail",
  previewWorkbook: "Demo workbook",
  previewOpenFile: "Open another workbook (.xlsx)",
  previewLoadingFile: "Reading the workbook “{name}”…",
  previewLoadError:
    "The file “{name}” could not be read as an .xlsx workbook. Choose another file.",
  previewNoDemo: "The demo workbook is not available: choose an .xlsx file.",
  previewUnreadable: "“{name}” cannot be opened. {reason} Choose another file.",
  previewSheets: "Workbook sheets",
  previewEmptySheet: "Empty sheet.",
  previewMoreRows: "… {n} more rows (not shown in the preview)",
  previewCharts: "Charts",
};

const DICTS: Record<Lang, Record<TextKey, string>> = { fr, en };

export type Vars = Record<string, string | number>;

/** A message core emits (anomaly reason, N/A reason) in the pane's language. */
export function coreText(lang: Lang, m: Message): string {
  return render(lang, m);
}

export function formatNumber(lang: Lang, n: number, decimals = 0): string {
  return n.toLocaleString(lang === "fr" ? "fr-FR" : "en-GB", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
}

export function formatEuros(lang: Lang, euros: number, decimals = 0): string {
  return lang === "fr"
    ? `${formatNumber(lang, euros, decimals)} €`
    : `€${formatNumber(lang, euros, decimals)}`;
}

/** The text of a key, with `{name}` placeholders replaced (numbers formatted for the language). */
export function t(lang: Lang, key: TextKey, vars: Vars = {}): string {
  const template = DICTS[lang][key] ?? DICTS.fr[key];
  return template.replace(/\{(\w+)\}/g, (m, name: string) => {
    const v = vars[name];
    if (v === undefined) return m;
    return typeof v === "number" ? formatNumber(lang, v) : v;
  });
}

/** "en" for an English Office display language ("en-US", "en-GB"…), else "fr". */
export function langFromLocale(locale: string | null | undefined): Lang {
  return typeof locale === "string" && /^en\b/i.test(locale.trim()) ? "en" : "fr";
}

/** Language of the pane: `?lang=` in the URL wins (preview), then Office's display language. */
export function detectLang(search: string, officeDisplayLanguage: string | null | undefined): Lang {
  const fromUrl = new URLSearchParams(search).get("lang");
  if (fromUrl === "en" || fromUrl === "fr") return fromUrl;
  return langFromLocale(officeDisplayLanguage);
}

// ---------------------------------------------------------------------------------------------
// Table kinds and fields

export { fieldName, kindLabel };

/** Every field key of a kind, in SPEC order. */
export function fieldKeys(kind: TableKind): string[] {
  return FIELDS[kind].map((f) => f.key);
}

/** Sentence for unmet requirements (missingRequired groups), in the pane's language. */
export function describeMissingFields(lang: Lang, kind: TableKind, missing: string[][]): string {
  const groups = missing.filter((g) => g.length > 0);
  if (groups.length === 0) return "";
  const or = ` ${t(lang, "or")} `;
  const texts = groups.map((group) => {
    const labels = group.map((key) => fieldName(lang, kind, key));
    return labels.length === 1
      ? labels[0]
      : `${labels.slice(0, -1).join(", ")}${or}${labels[labels.length - 1]}`;
  });
  return t(lang, texts.length === 1 ? "missingOne" : "missingMany", {
    fields: texts.join(lang === "fr" ? " ; " : "; "),
  });
}

/** Excel column letters of a 0-based index (0 → A, 26 → AA). */
export function columnLetters(index: number): string {
  return columnLetter(index);
}

export const MONTHS: Record<Lang, string[]> = {
  fr: [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
  ],
  en: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
};
