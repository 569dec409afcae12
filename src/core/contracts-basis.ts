/**
 * Contracts-only analysis (issue #11 §1): when the input holds contracts and no spend line, the
 * indicators that contracts can feed are computed on the amounts awarded (montants attribués)
 * instead of the amounts paid (dépenses mandatées), and each result says so (`basis`).
 *
 * Rules (stated in the indicators' documentation and in the dashboard stamp):
 * - The basis of the analysis is "awarded" when the intake holds no spend line at all and at
 *   least one contract; otherwise "spend". When both spend lines and contracts exist, the spend
 *   indicators stay on spend lines and the contract indicators on contracts: never mixed.
 * - On the awarded basis, each contract notified in the period with an amount becomes one
 *   awarded record: its amount is the contract's amount as read (the initial amount, or the
 *   maximum of an accord-cadre when the register gives only that: `amountBasis`), dated by its
 *   notification, for its buyer, its family, and its titulaire. A contract with several
 *   titulaires (co-traitants) is counted once, under its first titulaire (the mandataire when the
 *   register gives roles). A contract without an amount is left out and counted in the coverage.
 */
import type { AnalysisContext, Basis } from "./indicators/types";
import { msg, type Message } from "./messages/render";
import type { ContractLine, IntakeResult, SpendLine } from "./model";
import { refKey } from "./decp-publication";
import { contains } from "./period";
import { normalizeKey } from "./text";

export type { Basis };

/** The basis of an analysis: "awarded" when there are contracts and no spend line at all. */
export function analysisBasis(intake: Pick<IntakeResult, "spend" | "contracts">): Basis {
  return intake.spend.length === 0 && intake.contracts.length > 0 ? "awarded" : "spend";
}

/** Supplier key of a titulaire, as spend lines key suppliers: SIREN when known, else the name. */
function holderKey(c: ContractLine): string {
  if (c.supplierId) return c.supplierId.slice(0, 9);
  return `nom:${normalizeKey(c.supplierName ?? "")}`;
}

/**
 * The awarded record of a contract, shaped as a spend line so that the spend aggregations read it
 * unchanged; null when the contract has no amount or no notification date.
 */
export function awardedLine(c: ContractLine): SpendLine | null {
  if (c.amountCents === null || c.notificationDate === null) return null;
  const holder = c.holders[0];
  return {
    source: c.source,
    date: c.notificationDate,
    amountHTCents: c.amountCents,
    amountTTCCents: null,
    htEstimated: false,
    isCredit: c.amountCents < 0,
    supplierName: c.supplierName,
    supplierId: c.supplierId,
    supplierKey: holderKey(c),
    entity: c.entity,
    service: null,
    territory: null,
    familyCode: null,
    familyLabel: null,
    cpv: c.cpv,
    budgetArticle: null,
    contractRef: c.contractRef,
    description: c.description,
    operation: null,
    channel: c.channel,
    invoiceReceived: null,
    paid: null,
    item: null,
    quantity: null,
    unitPriceCents: null,
    unit: null,
    supplierPostcode: holder?.postcode ?? null,
    family: c.family,
    nature: c.nature,
  };
}

function awardedLines(contracts: readonly ContractLine[]): SpendLine[] {
  const out: SpendLine[] = [];
  for (const c of contracts) {
    const l = awardedLine(c);
    if (l !== null) out.push(l);
  }
  return out;
}

const derived = new WeakMap<AnalysisContext, AnalysisContext>();

/**
 * The context the spend-fed indicators read: the context itself on the spend basis; on the
 * awarded basis, the same context whose lines are the awarded records of the contracts (period,
 * previous period, all), built once per analysis.
 */
export function basisContext(ctx: AnalysisContext): AnalysisContext {
  if (analysisBasis(ctx.intake) === "spend") return ctx;
  let d = derived.get(ctx);
  if (d === undefined) {
    const all = awardedLines(ctx.contracts);
    d = {
      ...ctx,
      lines: all.filter((l) => contains(ctx.period, l.date)),
      previousLines: all.filter((l) => contains(ctx.previousPeriod, l.date)),
      allLines: all,
    };
    derived.set(ctx, d);
  }
  return d;
}

/** The basis of an analysis context (see analysisBasis). */
export function basisOf(ctx: AnalysisContext): Basis {
  return analysisBasis(ctx.intake);
}

/** Why a spend-fed indicator has nothing to read in the period, on the context's basis. */
export function noRecordsReason(ctx: AnalysisContext): Message {
  return basisOf(ctx) === "awarded"
    ? msg("na.noAwardedInPeriod", { period: ctx.period.label })
    : msg("na.noLinesInPeriod", { period: ctx.period.label });
}

/** What the records of a spend-fed indicator are in its coverage: lines, or contracts. */
export function recordUnit(ctx: AnalysisContext): "lines" | "contracts" {
  return basisOf(ctx) === "awarded" ? "contracts" : "lines";
}

/**
 * The contracts of an analysis: the register's, plus the records of the published DECP that are
 * not the register's own contracts (issue #11 §1). A register contract and its DECP publication are
 * one contract: the DECP record with the same number (refKey) and, when both give it, the same
 * buyer SIRET is left out, so that no amount is counted twice. Without a register, the DECP records
 * are the contracts. The publication check (CO6) reads the DECP records from the intake itself.
 */
export function distinctContracts(contracts: ContractLine[]): ContractLine[] {
  const register = contracts.filter((c) => c.fromPublishedDecp !== true);
  if (register.length === 0 || register.length === contracts.length) return contracts;
  const byRef = new Map<string, ContractLine[]>();
  for (const c of register) {
    const k = refKey(c.contractRef);
    const list = byRef.get(k);
    if (list) list.push(c);
    else byRef.set(k, [c]);
  }
  return contracts.filter(
    (c) =>
      c.fromPublishedDecp !== true ||
      !(byRef.get(refKey(c.contractRef)) ?? []).some(
        (r) => r.entityId === null || c.entityId === null || r.entityId === c.entityId
      )
  );
}
