/**
 * Canonical domain model of Optima Achats (SPEC §2).
 *
 * Conventions shared by every core module:
 * - Money is held in integer euro cents (`...Cents`), so sums never drift.
 * - Dates are day numbers: whole days since 1970-01-01 (UTC). See `dates.ts` for conversions.
 * - Source positions are 1-based sheet row numbers, as a user sees them in Excel.
 */

import type { Message } from "./messages/render";

/** A raw cell as it comes from Excel (Office.js values), a CSV or an .xlsx reader. */
export type Cell = string | number | boolean | null | undefined | Date;

/** A rectangular block of cells read from the workbook, header row(s) included. */
export interface RawTable {
  /** Excel table name, or sheet name for a plain range, or file name for a CSV. */
  name: string;
  /** Sheet that holds the table, when known. */
  sheet?: string;
  /** Rows of cells, header rows included. */
  rows: Cell[][];
  /** Sheet row number of rows[0] (1-based). Default 1. */
  firstRow?: number;
  /** The workbook uses the 1904 date system. */
  date1904?: boolean;
}

export type TableKind =
  | "spend"
  | "contracts"
  | "entities"
  | "nomenclature"
  | "suppliers"
  | "territories"
  | "quality";

export type Nature = "Fournitures" | "Services" | "Travaux";

/** DECP v2 procedure vocabulary (SPEC §2.4). */
export type Procedure =
  | "Procédure adaptée"
  | "Appel d'offres ouvert"
  | "Appel d'offres restreint"
  | "Procédure avec négociation"
  | "Marché passé sans publicité ni mise en concurrence préalable"
  | "Dialogue compétitif";

export type Channel =
  "Marché propre" | "Groupement de commandes" | "Centrale d'achat" | "Hors marché";

/** Which rule of SPEC §2.6 put a line in its family. */
export type FamilyRule = "familyCode" | "cpv" | "budgetArticle" | "unclassified";

export interface Family {
  /** Stable key, e.g. "F:INFO", "CPV:301", "ART:60612", "NC". */
  key: string;
  label: string;
  rule: FamilyRule;
}

export interface SourceRef {
  table: string;
  /** 1-based sheet row number. */
  row: number;
}

/** One analysed spend line (mandat, facture, bon de commande). SPEC §2.1. */
export interface SpendLine {
  source: SourceRef;
  date: number;
  amountHTCents: number;
  amountTTCCents: number | null;
  /** HT was derived from TTC and a VAT rate. */
  htEstimated: boolean;
  /** Negative amount: credit note (avoir). */
  isCredit: boolean;
  supplierName: string | null;
  /** Normalised SIRET (14) or SIREN (9) digits. */
  supplierId: string | null;
  /** Stable supplier key: SIREN when known, else normalised name. */
  supplierKey: string;
  entity: string;
  service: string | null;
  territory: string | null;
  familyCode: string | null;
  familyLabel: string | null;
  /** Normalised CPV "12345678" (check digit dropped). */
  cpv: string | null;
  budgetArticle: string | null;
  contractRef: string | null;
  /**
   * Engagement juridique / bon de commande number: not a marché (most finance software puts one on
   * every order), kept apart from contractRef.
   */
  commitmentRef?: string | null;
  description: string | null;
  operation: string | null;
  /** Normalised channel; null when the source gives none (see `effectiveChannel`). */
  channel: Channel | null;
  invoiceReceived: number | null;
  paid: number | null;
  /** Invoice number: the 40 € indemnity is due per late invoice, not per line (D2192-35). */
  invoiceRef?: string | null;
  /** Date the mandat was issued (ordonnateur → comptable), décret 2013-269 art. 12. */
  mandateDate?: number | null;
  item: string | null;
  quantity: number | null;
  unitPriceCents: number | null;
  unit: string | null;
  supplierPostcode: string | null;
  /** Quality / circularity text of the line ("Bio", "Label rouge", "Réemploi"…); absent when the
   * source has no such column (issue #14, read by core/responsible/quality.ts). */
  qualityLabel?: string | null;
  family: Family;
  nature: Nature | null;
}

/** One contract (marché) of the register or of DECP. SPEC §2.2. */
export interface ContractLine {
  source: SourceRef;
  contractRef: string;
  entity: string;
  entityId: string | null;
  description: string | null;
  cpv: string | null;
  nature: Nature | null;
  /** Normalised procedure; null when unknown (raw kept in procedureRaw). */
  procedure: Procedure | null;
  procedureRaw: string | null;
  techniques: string | null;
  launchDate: number | null;
  notificationDate: number | null;
  durationMonths: number | null;
  endDate: number | null;
  amountCents: number | null;
  estimatedAmountCents: number | null;
  bidsReceived: number | null;
  supplierName: string | null;
  supplierId: string | null;
  /** All holders (DECP contracts may have several). */
  holders: Holder[];
  sme: boolean | null;
  socialConsideration: boolean | null;
  environmentalConsideration: boolean | null;
  /** Environmental award criterion (L2152-7), when the data says which consideration; else null/absent. */
  environmentalCriterion?: boolean | null;
  /** Environmental execution clause (L2112-2), when the data says which consideration; else null/absent. */
  environmentalClause?: boolean | null;
  lots: number | null;
  channel: Channel | null;
  members: string[];
  amendedAmountCents: number | null;
  /**
   * Which amount amountCents is: the initial amount (montant initial, DECP `montant`), or — when the
   * register gives no initial amount — the maximum (accord-cadre) or the estimated amount. Absent:
   * initial.
   */
  amountBasis?: AmountBasis;
  /** The maximum amount of an accord-cadre (montant maximum / prévu), when the register gives it. */
  maxAmountCents?: number | null;
  /** Publication date of the essential data (DECP datePublicationDonnees), when given. */
  publicationDate?: number | null;
  /**
   * Read from a published DECP file (DECP JSON or XML, 2019 or 2024 format), not from the buyer's
   * register: the publication check (CO6, R2196-1) looks the register's contracts up in these.
   */
  fromPublishedDecp?: boolean;
  /**
   * The modifications (avenants) with their date and the new total HT they set (DECP
   * modifications[].montant is a new total, not a delta); empty or absent when unknown.
   */
  modifications?: { date: number | null; amountCents: number | null }[];
  /** The consultation (procedure) a lot belongs to: its lots are one need (R2121-1, R2123-1 2°). */
  consultationRef?: string | null;
  /** Innovative works, supplies or services (DECP marcheInnovant; R2122-9-1). */
  innovative?: boolean | null;
  family: Family;
}

/** A contract holder; role as the register gives it (mandataire, co-traitant…), absent when not. */
export interface Holder {
  name: string | null;
  id: string | null;
  role?: string | null;
  /** The holder's postcode as the register gives it, spaces removed ("92 686" → "92686"). */
  postcode?: string | null;
}

/** Which amount of a contract `amountCents` is (SPEC §2.2): stated wherever an indicator uses it. */
export type AmountBasis = "initial" | "maximum" | "estimated";

/** A contrat de concession (DSP, concession de travaux ou de services), from DECP data. */
export interface ConcessionLine {
  source: SourceRef;
  ref: string;
  /** The autorité concédante (name or SIRET) and its SIRET. */
  authority: string;
  authorityId: string | null;
  description: string | null;
  /** DECP nature: Concession de travaux, Concession de service, Délégation de service public… */
  nature: string | null;
  procedure: string | null;
  concessionaires: { name: string | null; id: string | null }[];
  /** Valeur globale HT, cents (null when absent or a placeholder). */
  valueCents: number | null;
  signatureDate: number | null;
  startDate: number | null;
  durationMonths: number | null;
  /** Start (or signature) + duration. */
  endDate: number | null;
  publicationDate: number | null;
}

export interface EntityRow {
  source: SourceRef;
  entity: string;
  type: string | null;
  territory: string | null;
  population: number | null;
  departement: string | null;
  siret: string | null;
}

export interface NomenclatureRow {
  source: SourceRef;
  familyCode: string;
  label: string | null;
  nature: Nature | null;
  proximity: boolean | null;
  excludedFromSplitting: boolean | null;
  exclusionReason: string | null;
}

export interface SupplierRow {
  source: SourceRef;
  supplierId: string | null;
  name: string | null;
  sme: boolean | null;
  departement: string | null;
  insertion: boolean | null;
}

/** A row of the Territoires table (territories of one body: pôles, secteurs, antennes, quartiers). */
export interface TerritoryRow {
  source: SourceRef;
  territory: string;
  /** INSEE commune code or SIREN of the territory's body, when given (shipped populations). */
  code: string | null;
  type: string | null;
  population: number | null;
  departement: string | null;
  /** Postcodes of the territory (suppliers located there are local to it). */
  postcodes: string[];
}

/** Whether a higher or a lower value of a quality-of-service indicator is better. */
export type QualityDirection = "higher" | "lower";

/** A row of the Qualité de service table: one measure of one service on one territory. */
export interface QualityRow {
  source: SourceRef;
  territory: string;
  service: string;
  indicator: string;
  value: number;
  target: number | null;
  unit: string | null;
  /** Day number of the measure, when given. */
  date: number | null;
  /** Given by the table, else null (inferred from the indicator's wording). */
  direction: QualityDirection | null;
}

export type Severity = "rejected" | "warning";

/** A row that was rejected, or analysed with a warning. Reasons are French sentences. */
export interface Anomaly {
  table: string;
  /** Sheet row (the first of the run when `rowCount` is set). */
  row: number;
  /** Consecutive rows this anomaly stands for, from `row` on (a run of blank rows); absent: 1. */
  rowCount?: number;
  field: string | null;
  value: string | null;
  /** Why, and how to fix it (a catalogue message, rendered in the reader's language). */
  reason: Message;
  severity: Severity;
}

/** Per-table reconciliation (SPEC §2.5: nothing is lost). */
export interface TableReconciliation {
  table: string;
  kind: TableKind;
  rowsRead: number;
  rowsAnalysed: number;
  /** Of rowsAnalysed, those with at least one warning. */
  rowsWithWarning: number;
  rowsRejected: number;
  /** Σ of amounts readable in the source rows (HT, or TTC converted), cents. */
  amountReadCents: number;
  amountAnalysedCents: number;
  amountRejectedCents: number;
  /**
   * Amounts read but kept out of the analysed total, each for a stated reason (a placeholder such
   * as 0 or 999 999 999 €, a concession's valeur globale, a sub-total of lots): amountRead =
   * amountAnalysed + amountRejected + amountSetAside, to the cent.
   */
  amountSetAsideCents: number;
  /** The set-aside amounts by reason (one line each), when there are any. */
  setAside?: SetAsideLine[];
  /**
   * The four amounts exactly, when one of them is beyond Number.MAX_SAFE_INTEGER cents (the number
   * fields then hold the nearest double): see ExactCents.
   */
  exactCents?: ExactCents;
  /** Contracts tables: distinct contracts after grouping rows of the same contract (co-titulaires). */
  contracts?: number;
  /** Contracts tables: rows merged into the contract of an earlier row (one per extra titulaire). */
  rowsGrouped?: number;
}

/**
 * A reconciliation's amounts in cents, exact whatever their size, as decimal integer strings
 * ("12345678901234569224"): present only when an amount or a total is beyond
 * Number.MAX_SAFE_INTEGER cents (about 90 000 milliards €), where a number would lose cents.
 * Plain strings, so that the reconciliation stays plain data (JSON, worker messages).
 */
export interface ExactCents {
  read: string;
  analysed: string;
  rejected: string;
  setAside: string;
}

/** Amounts set aside for one reason in one table. */
export interface SetAsideLine {
  /** Why (a catalogue message, rendered in the reader's language). */
  reason: Message;
  rows: number;
  amountCents: number;
  /** The amount exactly (decimal integer string) when it is beyond Number.MAX_SAFE_INTEGER cents. */
  exactAmountCents?: string;
}

export interface Reconciliation {
  rowsRead: number;
  rowsAnalysed: number;
  rowsWithWarning: number;
  rowsRejected: number;
  amountReadCents: number;
  amountAnalysedCents: number;
  amountRejectedCents: number;
  amountSetAsideCents: number;
  /** The exact totals when one is beyond the safe range (see ExactCents). */
  exactCents?: ExactCents;
  tables: TableReconciliation[];
}

export interface IntakeResult {
  spend: SpendLine[];
  contracts: ContractLine[];
  /** Contrats de concession (DECP), in their own table: they are not marchés. */
  concessions?: ConcessionLine[];
  entities: EntityRow[];
  nomenclature: NomenclatureRow[];
  suppliers: SupplierRow[];
  /** Territoires table rows (optional table). */
  territories?: TerritoryRow[];
  /** Qualité de service table rows (optional table). */
  quality?: QualityRow[];
  anomalies: Anomaly[];
  reconciliation: Reconciliation;
  /**
   * Spend tables whose line date column is the mandat's date (its header « Date mandat »…) and
   * that map no « Date de transmission au comptable » column: their lines take the line date as
   * mandat date (PF8, décret 2013-269 art. 12). Absent when none.
   */
  mandateDateFromLineDate?: { table: string; header: string }[];
}
