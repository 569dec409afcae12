/** PF2 procedure mix, count and value (SPEC §4). */
import { msg } from "../../messages/render";
import { toEuros as eur } from "../../money";
import { AWARDED, defineIndicator } from "../definition";
import { isCompetitive, noContractsInPeriod } from "../performance";
import { notAvailable, pct } from "../types";

export type ProcedureMixRow = {
  /** The procedure (canonical when recognised, as written otherwise); null when not given. */
  procedure: string | null;
  recognised: boolean;
  competitive: boolean | null;
  contracts: number;
  countShare: number | null;
  contractsWithAmount: number;
  amount: number;
  valueShare: number | null;
};

export type PF2Tables = { byProcedure: ProcedureMixRow[] };

const EMPTY: PF2Tables = { byProcedure: [] };

const base = { id: "PF2", group: "PF", unit: "%" } as const;

export const PF2 = defineIndicator<PF2Tables>({
  ...base,
  label: {
    fr: "Valeur attribuée par procédure concurrentielle",
    en: "Value awarded by competitive procedure",
  },
  headline: {
    fr: "valeur attribuée par procédure concurrentielle (%)",
    en: "value awarded by competitive procedure (%)",
  },
  doc: {
    definition: {
      fr: "Répartition des marchés notifiés sur la période par procédure (nombre et valeur) et part de la valeur attribuée après une mise en concurrence.",
      en: "Breakdown of the contracts notified in the period by procedure (count and value) and share of the value awarded after competition.",
    },
    formula: {
      fr: "Σ montant des marchés à procédure concurrentielle / Σ montant des marchés à procédure reconnue × 100 (concurrentielle = toute procédure autre que « sans publicité ni mise en concurrence »).",
      en: 'Σ amount of contracts with a competitive procedure / Σ amount of contracts with a recognised procedure × 100 (competitive = any procedure other than "without publicity or competition").',
    },
    source: {
      fr: "Procédures des données essentielles de la commande publique (arrêté du 22 décembre 2022).",
      en: "Procedures of the public procurement essential data (order of 22 December 2022).",
    },
    howToImprove: {
      fr: "Mettez en concurrence dès que le besoin le permet, y compris sous les seuils (procédure adaptée avec publicité).",
      en: "Open contracts to competition whenever the need allows, below thresholds too (adapted procedure with publicity).",
    },
  },
  basis: AWARDED,
  compute(ctx) {
    const contracts = ctx.contractsInPeriod;
    if (contracts.length === 0) return noContractsInPeriod(ctx, base, EMPTY);
    const mix = new Map<
      string | null,
      {
        contracts: number;
        withAmount: number;
        cents: number;
        known: boolean;
        competitive: boolean | null;
      }
    >();
    let knownCents = 0;
    let competitiveCents = 0;
    let knownWithAmount = 0;
    let totalCents = 0;
    for (const c of contracts) {
      const label = c.procedure ?? c.procedureRaw ?? null;
      let m = mix.get(label);
      if (!m) {
        m = {
          contracts: 0,
          withAmount: 0,
          cents: 0,
          known: c.procedure !== null,
          competitive: c.procedure === null ? null : isCompetitive(c.procedure),
        };
        mix.set(label, m);
      }
      m.contracts++;
      if (c.amountCents !== null) {
        m.withAmount++;
        m.cents += c.amountCents;
        totalCents += c.amountCents;
        if (c.procedure !== null) {
          knownWithAmount++;
          knownCents += c.amountCents;
          if (isCompetitive(c.procedure)) competitiveCents += c.amountCents;
        }
      }
    }
    const rows: ProcedureMixRow[] = [...mix.entries()]
      .sort(
        (a, b) =>
          b[1].cents - a[1].cents ||
          b[1].contracts - a[1].contracts ||
          ((a[0] ?? "") < (b[0] ?? "") ? -1 : 1)
      )
      .map(([procedure, m]) => ({
        procedure,
        recognised: m.known,
        competitive: m.competitive,
        contracts: m.contracts,
        countShare: pct(m.contracts, contracts.length),
        contractsWithAmount: m.withAmount,
        amount: eur(m.cents),
        valueShare: pct(m.cents, totalCents),
      }));
    const coverage = { n: knownWithAmount, N: contracts.length, of: "contracts" as const };
    const unrecognised = rows
      .filter((r) => !r.recognised && r.procedure !== null)
      .map((r) => String(r.procedure));
    const details = {
      contracts: contracts.length,
      contractsWithProcedureAndAmount: knownWithAmount,
      competitiveAmount: eur(competitiveCents),
      knownProcedureAmount: eur(knownCents),
      unrecognisedProcedures: unrecognised.length > 0 ? unrecognised.join(" ; ") : null,
    };
    const tables = { byProcedure: rows };
    if (knownWithAmount === 0 || knownCents <= 0)
      return notAvailable(
        base,
        msg("na.noContractWithProcedureAndAmount"),
        coverage,
        tables,
        null,
        details
      );
    return {
      ...base,
      value: pct(competitiveCents, knownCents),
      na: null,
      coverage,
      reference: null,
      status: null,
      details,
      tables,
    };
  },
});
