/**
 * Small builders for hand-computed indicator fixtures. Every field not given takes a neutral
 * default, so a test states only what its rule depends on.
 */
import { buildContext, type AnalysisOptions } from "../../src/core/context";
import { dayFromIso } from "../../src/core/dates";
import type { AnalysisContext } from "../../src/core/indicators/types";
import type {
  ContractLine,
  EntityRow,
  IntakeResult,
  NomenclatureRow,
  SpendLine,
  SupplierRow,
} from "../../src/core/model";

let row = 1;

/** A spend line; `amount` is in euros for readability, `date` is ISO. */
export function spend(p: Partial<SpendLine> & { amount?: number; ttc?: number; on?: string } = {}): SpendLine {
  const { amount, ttc, on, ...rest } = p;
  const amountHTCents = rest.amountHTCents ?? Math.round((amount ?? 100) * 100);
  return {
    source: { table: "Mandats", row: ++row },
    date: dayFromIso(on ?? "2025-06-15"),
    amountHTCents,
    amountTTCCents: ttc === undefined ? null : Math.round(ttc * 100),
    htEstimated: false,
    isCredit: amountHTCents < 0,
    supplierName: "Fournisseur A",
    supplierId: null,
    supplierKey: rest.supplierKey ?? (rest.supplierName ?? "Fournisseur A").toLowerCase(),
    entity: "Commune A",
    service: null,
    territory: null,
    familyCode: null,
    familyLabel: null,
    cpv: null,
    budgetArticle: null,
    contractRef: null,
    description: null,
    operation: null,
    channel: null,
    invoiceReceived: null,
    paid: null,
    item: null,
    quantity: null,
    unitPriceCents: null,
    unit: null,
    supplierPostcode: null,
    family: { key: "F:FAM", label: "Famille", rule: "familyCode" },
    nature: "Fournitures",
    ...rest,
  };
}

/** A contract; amounts in euros, dates ISO. */
export function contract(
  p: Partial<ContractLine> & { amount?: number; estimated?: number; amended?: number; notified?: string; launched?: string } = {},
): ContractLine {
  const { amount, estimated, amended, notified, launched, ...rest } = p;
  return {
    source: { table: "Marches", row: ++row },
    contractRef: `M-${row}`,
    entity: "Commune A",
    entityId: null,
    description: null,
    cpv: null,
    nature: "Fournitures",
    procedure: "Procédure adaptée",
    procedureRaw: "Procédure adaptée",
    techniques: null,
    launchDate: launched ? dayFromIso(launched) : null,
    notificationDate: dayFromIso(notified ?? "2025-03-01"),
    durationMonths: null,
    endDate: null,
    amountCents: amount === undefined ? null : Math.round(amount * 100),
    estimatedAmountCents: estimated === undefined ? null : Math.round(estimated * 100),
    bidsReceived: null,
    supplierName: null,
    supplierId: null,
    holders: [],
    sme: null,
    socialConsideration: null,
    environmentalConsideration: null,
    lots: null,
    channel: null,
    members: [],
    amendedAmountCents: amended === undefined ? null : Math.round(amended * 100),
    family: { key: "F:FAM", label: "Famille", rule: "familyCode" },
    ...rest,
  };
}

export function entity(p: Partial<EntityRow> & { entity: string }): EntityRow {
  return { source: { table: "Entites", row: ++row }, type: null, territory: null, population: null, departement: null, siret: null, ...p };
}

export function nomenclature(p: Partial<NomenclatureRow> & { familyCode: string }): NomenclatureRow {
  return {
    source: { table: "Nomenclature", row: ++row },
    label: null,
    nature: null,
    proximity: null,
    excludedFromSplitting: null,
    exclusionReason: null,
    ...p,
  };
}

export function supplier(p: Partial<SupplierRow>): SupplierRow {
  return { source: { table: "Fournisseurs", row: ++row }, supplierId: null, name: null, sme: null, departement: null, insertion: null, ...p };
}

/** An intake result holding the given records, with a trivially consistent reconciliation. */
export function intakeOf(parts: Partial<Pick<IntakeResult, "spend" | "contracts" | "entities" | "nomenclature" | "suppliers">>): IntakeResult {
  const spendLines = parts.spend ?? [];
  const total = spendLines.reduce((s, l) => s + l.amountHTCents, 0);
  return {
    spend: spendLines,
    contracts: parts.contracts ?? [],
    entities: parts.entities ?? [],
    nomenclature: parts.nomenclature ?? [],
    suppliers: parts.suppliers ?? [],
    anomalies: [],
    reconciliation: {
      rowsRead: spendLines.length,
      rowsAnalysed: spendLines.length,
      rowsWithWarning: 0,
      rowsRejected: 0,
      amountReadCents: total,
      amountAnalysedCents: total,
      amountRejectedCents: 0,
      amountSetAsideCents: 0,
      tables: [],
    },
  };
}

/** An analysis context over the given records (period defaults to the latest line's year). */
export function contextOf(
  parts: Parameters<typeof intakeOf>[0],
  options: AnalysisOptions = {},
): AnalysisContext {
  return buildContext(intakeOf(parts), options);
}
