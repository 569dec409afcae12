/**
 * CO3 procedure inconsistent with amount (SPEC §4).
 *
 * Contracts notified in the period whose value reaches the EU threshold while their procedure is a
 * MAPA or a direct award (sans publicité ni mise en concurrence). Direct awards from the dispense
 * threshold are PF4's job. Unknown nature is compared with the supplies/services threshold (the
 * lower one) and shown as such.
 * - Threshold: the one in force at the launch (else notification) date; for entités adjudicatrices
 *   (Entités type), the utilities threshold. When only the notification date is known and falls in
 *   the first months of a new biennium, the threshold is uncertain: a value between the two
 *   thresholds is listed "seuil incertain", not counted.
 * - Value: the contract amount, or, when the register gives the consultation of a lot, the total of
 *   the consultation's lots (R2121-1).
 * - Lawful MAPA, listed apart with their article: social and other specific services (R2123-1 3°,
 *   CPV of the official list, e.g. school catering), and small lots (R2123-1 2°: a lot below
 *   80 000 € supplies/services or 1 000 000 € works, small lots totalling ≤ 20 % of the consultation).
 */
import { frenchDate, isoDate } from "../../dates";
import { msg } from "../../messages/render";
import type { ContractLine, Procedure } from "../../model";
import { toEuros } from "../../money";
import {
  euThresholdOfContract,
  isUtilitiesType,
  type ContractEuThreshold,
} from "../../reference/eu-thresholds";
import { coded, paramsJson } from "../compliance-messages";
import {
  rowText,
  rowTextOf,
  type ExplainedSignalCodes,
  type ProcedureIssue,
  type RowText,
} from "../compliance-row-texts";
import { defineIndicator } from "../definition";
import { DIRECT_AWARD } from "../performance";
import { byKey, notAvailable, resultWithoutReference, type AnalysisContext } from "../types";
import {
  procedureDoubt,
  procedureToCorrectRow,
  type ProcedureToCorrectRow,
} from "../recorded-procedure";
import { RowsPerAward } from "../same-award";
import { natureLabel } from "./row-labels";

const MAPA = "Procédure adaptée";

/** What every CO3 row says of the contract and of the EU threshold it is compared with. */
export type ContractThresholdFields = {
  contractRef: string;
  entity: string;
  description: string | null;
  procedure: Procedure;
  nature: string;
  cpv: string | null;
  consultationRef: string | null;
  amount: number;
  /** Total of the consultation's lots (R2121-1), when the register gives the consultation. */
  consultationAmount: number | null;
  euThreshold: number;
  thresholdSource: string;
  date: string;
  thresholdDateBasis: ContractEuThreshold["basis"];
  utilities: boolean;
};

/** A MAPA or a direct award at or above the EU threshold: a signal to check. */
export type ProcedureAmountRow = ContractThresholdFields & {
  issue: ProcedureIssue;
  message: RowText;
  /** Other records of the same award (same buyer, holder, object, date and amount), counted once. */
  samePublications: string | null;
} & ExplainedSignalCodes;

/** A MAPA above the EU threshold that the code allows (R2123-1 3° or 2°). */
export type LawfulExceptionRow = ContractThresholdFields & {
  exception: "R2123-1 3°" | "R2123-1 2°";
  /** Citation of the reference list or rule (a source, not a catalogue text). */
  legalBasis: string;
  message: RowText;
  messageCode: string;
};

/** A contract between the two possible EU thresholds (launch date unknown): listed, not counted. */
export type UncertainThresholdRow = ContractThresholdFields & {
  otherEuThreshold: number;
  status: string;
  message: RowText;
  messageCode: string;
  clear: RowText;
};

export type CO3Tables = {
  contracts: ProcedureAmountRow[];
  lawfulExceptions: LawfulExceptionRow[];
  uncertainThreshold: UncertainThresholdRow[];
  /** Marchés subséquents and self-contradicting records: listed apart, not counted. */
  procedureToCorrect: ProcedureToCorrectRow[];
};

const EMPTY: CO3Tables = {
  contracts: [],
  lawfulExceptions: [],
  uncertainThreshold: [],
  procedureToCorrect: [],
};

const base = { id: "CO3", group: "CO", unit: "count" } as const;

export const CO3 = defineIndicator<CO3Tables>({
  ...base,
  label: { fr: "Procédure incohérente avec le montant", en: "Procedure inconsistent with amount" },
  headline: {
    fr: "incohérences procédure / montant (nombre)",
    en: "procedure/amount inconsistencies (count)",
  },
  doc: {
    definition: {
      fr: "Marchés notifiés en procédure adaptée ou sans publicité alors que leur montant atteint le seuil européen des procédures formalisées. Signal à vérifier.",
      en: "Contracts notified under an adapted procedure or without publicity although their amount reaches the EU threshold of formal procedures. A signal to check.",
    },
    formula: {
      fr: "Marchés de la période dont la procédure est « Procédure adaptée » ou « sans publicité ni mise en concurrence » et le montant ≥ seuil européen à la date de lancement.",
      en: 'Contracts of the period whose procedure is "Procédure adaptée" or "without publicity or competition" and amount ≥ EU threshold at the launch date.',
    },
    source: {
      fr: "Art. L2124-1 et R2124-1 du code de la commande publique ; avis relatif aux seuils de procédure.",
      en: "Art. L2124-1 and R2124-1 of the public procurement code; notice on procedure thresholds.",
    },
    howToImprove: {
      fr: "Vérifiez le fondement de la procédure (exception, petits lots, erreur de saisie) et corrigez le registre.",
      en: "Check the legal ground of the procedure (exception, small lots, data-entry error) and correct the register.",
    },
  },
  compute(ctx) {
    const contracts = ctx.contractsInPeriod;
    const lots = consultationsOf(ctx);
    const small = ctx.ref.smallLots;
    let known = 0;
    const rows: ProcedureAmountRow[] = [];
    const exceptions: LawfulExceptionRow[] = [];
    const uncertain: UncertainThresholdRow[] = [];
    // Identical records of one award (a DECP republication) are one signal, not one per copy.
    const awards = new RowsPerAward<ProcedureAmountRow>();
    const toCorrect: ProcedureToCorrectRow[] = [];
    for (const c of contracts) {
      if (c.amountCents === null || c.procedure === null) continue;
      const utilities = isUtilitiesType(ctx.entities.get(c.entity)?.type);
      const eu = euThresholdOfContract(ctx.ref, c, utilities);
      if (eu === null) continue;
      known++;
      if (c.procedure !== MAPA && c.procedure !== DIRECT_AWARD) continue;
      const group = c.consultationRef
        ? lots.get(`${c.entity}\u0001${c.consultationRef}`)
        : undefined;
      const value = group ? group.totalCents : c.amountCents;
      const low = Math.min(eu.cents, eu.uncertainOtherCents ?? eu.cents);
      const high = Math.max(eu.cents, eu.uncertainOtherCents ?? eu.cents);
      if (value < low) continue;
      const contract: ContractThresholdFields = {
        contractRef: c.contractRef,
        entity: c.entity,
        description: c.description,
        procedure: c.procedure,
        nature: natureLabel(c.nature),
        cpv: c.cpv,
        consultationRef: c.consultationRef ?? null,
        amount: toEuros(c.amountCents),
        consultationAmount: group ? toEuros(group.totalCents) : null,
        euThreshold: toEuros(eu.cents),
        thresholdSource: eu.source,
        date: isoDate(eu.day),
        thresholdDateBasis: eu.basis,
        utilities: eu.utilities,
      };
      if (c.procedure === MAPA && isSocialService(ctx, c.cpv)) {
        const t = coded("CO3.socialServices", { ref: c.contractRef, cpv: c.cpv as string });
        exceptions.push({
          ...contract,
          exception: "R2123-1 3°",
          legalBasis: ctx.ref.socialServicesCpv.source,
          message: rowTextOf(t),
          messageCode: t.code,
        });
        continue;
      }
      if (c.procedure === MAPA && group) {
        const limit = c.nature === "Travaux" ? small.worksCents : small.suppliesServicesCents;
        if (
          c.amountCents < limit &&
          group.smallLotsCents(limit) * 100 <= small.maxSharePercent * group.totalCents
        ) {
          const t = coded("CO3.smallLot", {
            ref: c.contractRef,
            limit: toEuros(limit),
            share: small.maxSharePercent,
          });
          exceptions.push({
            ...contract,
            exception: "R2123-1 2°",
            legalBasis: small.source,
            message: rowTextOf(t),
            messageCode: t.code,
          });
          continue;
        }
      }
      if (value < high) {
        const t = coded("CO3.uncertain", {
          ref: c.contractRef,
          amount: toEuros(value),
          low: toEuros(low),
          high: toEuros(high),
          notified: frenchDate(eu.day),
        });
        uncertain.push({
          ...contract,
          otherEuThreshold: toEuros(eu.uncertainOtherCents as number),
          status: "seuil incertain",
          message: rowTextOf(t),
          messageCode: t.code,
          clear: rowText("clear.launchDate", { start: "" }),
        });
        continue;
      }
      const doubt = procedureDoubt(c);
      if (doubt !== null) {
        toCorrect.push(procedureToCorrectRow(c, doubt));
        continue;
      }
      if (awards.repeats(c)) continue;
      const issue: ProcedureIssue =
        c.procedure === MAPA
          ? group && value !== c.amountCents
            ? "MAPA pour un lot d'une consultation au-dessus du seuil européen"
            : "MAPA au-dessus du seuil européen"
          : "Sans publicité au-dessus du seuil européen";
      const t = coded(group && value !== c.amountCents ? "CO3.lotAboveEu" : "CO3.aboveEu", {
        ref: c.contractRef,
        entity: c.entity,
        amount: toEuros(value),
        procedure: c.procedure,
        eu: toEuros(eu.cents),
        euNote: c.nature === null ? { code: "CO3.euNoteNoNature" } : "",
        utilitiesNote: eu.utilities ? { code: "CO3.utilitiesNote" } : "",
        date: frenchDate(eu.day),
        basis: { code: eu.basis === "lancement" ? "CO3.basis.launch" : "CO3.basis.notification" },
      });
      const row: ProcedureAmountRow = {
        ...contract,
        issue,
        message: rowTextOf(t),
        messageCode: t.code,
        messageParams: paramsJson(t.params),
        samePublications: null,
        legalBasis: rowText("law.euProcedure"),
        why: rowText("why.procedure"),
        clear: rowText("clear.procedureBasis"),
        clearCode: "clear.procedureBasis",
      };
      rows.push(row);
      awards.signalled(c, row);
    }
    const coverage = { n: known, N: contracts.length, of: "contracts" as const };
    if (contracts.length === 0)
      return notAvailable(base, msg("na.noContractsNotified"), coverage, EMPTY);
    if (known === 0)
      return notAvailable(base, msg("na.noContractWithAmountProcedureDate"), coverage, EMPTY);
    const byAmount = (a: ContractThresholdFields, b: ContractThresholdFields) =>
      b.amount - a.amount || byKey(a.contractRef, b.contractRef);
    rows.sort(byAmount);
    exceptions.sort(byAmount);
    uncertain.sort(byAmount);
    return resultWithoutReference(
      base,
      rows.length,
      coverage,
      {
        mapaAboveEu: rows.filter((r) => r.procedure === MAPA).length,
        directAwardAboveEu: rows.filter((r) => r.procedure === DIRECT_AWARD).length,
        lawfulSocialServices: exceptions.filter((r) => r.exception === "R2123-1 3°").length,
        lawfulSmallLots: exceptions.filter((r) => r.exception === "R2123-1 2°").length,
        uncertainThreshold: uncertain.length,
        identicalRecords: awards.identical,
        procedureToCorrect: toCorrect.length,
      },
      {
        contracts: rows,
        lawfulExceptions: exceptions,
        uncertainThreshold: uncertain,
        procedureToCorrect: toCorrect,
      }
    );
  },
});

interface Consultation {
  totalCents: number;
  lots: ContractLine[];
  smallLotsCents: (limit: number) => number;
}

const consultationCache = new WeakMap<AnalysisContext, Map<string, Consultation>>();

/** The lots of each consultation (entity × consultationRef) of the register. */
function consultationsOf(ctx: AnalysisContext): Map<string, Consultation> {
  const cached = consultationCache.get(ctx);
  if (cached) return cached;
  const map = new Map<string, Consultation>();
  for (const c of ctx.contracts) {
    if (!c.consultationRef || c.amountCents === null) continue;
    const key = `${c.entity}\u0001${c.consultationRef}`;
    let g = map.get(key);
    if (!g) {
      const lots: ContractLine[] = [];
      g = {
        totalCents: 0,
        lots,
        smallLotsCents: (limit) =>
          lots
            .filter((l) => l.procedure === MAPA && (l.amountCents as number) < limit)
            .reduce((s, l) => s + (l.amountCents as number), 0),
      };
      map.set(key, g);
    }
    g.lots.push(c);
    g.totalCents += c.amountCents;
  }
  consultationCache.set(ctx, map);
  return map;
}

function isSocialService(ctx: AnalysisContext, cpv: string | null): boolean {
  if (cpv === null) return false;
  const digits = cpv.replace(/\D/g, "");
  return ctx.ref.socialServicesCpv.prefixes.some((p) => digits.startsWith(p));
}
