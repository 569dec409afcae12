/**
 * PF6 amendment inflation over the limit (SPEC §4).
 *
 * PF6 (R2194-8, R2194-9): contracts whose modifications go beyond the de-minimis safe harbour.
 * - Population: every contract of the register with a modification dated in the period (whenever
 *   it was notified); contracts whose modifications carry no date are read when notified in the
 *   period (as before).
 * - Successive modifications add up (R2194-9): the change is the last new total (modifications
 *   up to the period end) minus the initial amount.
 * - Safe harbour (R2194-8): the cumulated change stays below 10 % (supplies/services) or 15 %
 *   (works) of the initial amount **and** below the EU threshold in force at the last modification.
 *   Beyond it the result reads "au-delà du seuil de modification de faible montant": another basis
 *   (R2194-1 to R2194-7) may apply; it is not a breach in itself.
 */
import { isoDate } from "../../dates";
import { msg } from "../../messages/render";
import type { ContractLine, Nature } from "../../model";
import { toEuros as eur } from "../../money";
import { euThresholdAt } from "../../reference/values";
import { coded, paramsJson } from "../compliance-messages";
import {
  rowText,
  rowTextOf,
  type ExplainedSignalCodes,
  type RowText,
} from "../compliance-row-texts";
import { defineIndicator } from "../definition";
import { contractSupplier, noContractsInPeriod } from "../performance";
import { notAvailable, pct, round2 } from "../types";

/** A contract whose cumulated modifications go beyond the low-value safe harbour (R2194-8). */
export type OverLimitRow = {
  contractRef: string;
  entity: string;
  description: string | null;
  supplier: string | null;
  nature: Nature | null;
  initial: number;
  amended: number;
  modifications: number;
  lastModificationDate: string | null;
  changeAmount: number;
  inflationPercent: number;
  limitPercent: number;
  euThreshold: number | null;
  overPercentLimit: boolean;
  overEuThreshold: boolean;
  status: string;
  message: RowText;
} & ExplainedSignalCodes;

export type PF6Tables = { overLimit: OverLimitRow[] };

const EMPTY: PF6Tables = { overLimit: [] };

const base = { id: "PF6", group: "PF", unit: "%" } as const;

export const PF6 = defineIndicator<PF6Tables>({
  ...base,
  label: {
    fr: "Marchés modifiés au-delà du seuil de modification de faible montant",
    en: "Contracts modified beyond the low-value modification threshold",
  },
  headline: {
    fr: "marchés modifiés au-delà du seuil de faible montant (%)",
    en: "contracts modified beyond the low-value threshold (%)",
  },
  doc: {
    definition: {
      fr: "Part des marchés ayant une modification datée dans la période (ou, sans date de modification, notifiés dans la période) dont les modifications cumulées dépassent le seuil de modification de faible montant : 10 % du montant initial (fournitures et services) ou 15 % (travaux), ou le seuil européen. Ce n'est pas en soi un manquement : une autre base de modification (R2194-1 à R2194-7) peut s'appliquer.",
      en: "Share of the contracts with a modification dated in the period (or, without a modification date, notified in the period) whose cumulated modifications go beyond the low-value modification threshold: 10 % of the initial amount (supplies and services) or 15 % (works), or the EU threshold. Not a breach in itself: another ground for modification (R2194-1 to R2194-7) may apply.",
    },
    formula: {
      fr: "Hausse = (montant après modifications − montant initial) / montant initial × 100, modifications successives cumulées (R2194-9) ; au-delà si hausse > limite ou montant des modifications ≥ seuil européen ; part parmi les marchés qui ont les deux montants.",
      en: "Increase = (amount after modifications − initial amount) / initial amount × 100, successive modifications added up (R2194-9); beyond when increase > limit or the modifications reach the EU threshold; share among the contracts with both amounts.",
    },
    source: {
      fr: "Art. R2194-8 et R2194-9 du code de la commande publique (modifications de faible montant, modifications successives).",
      en: "Art. R2194-8 and R2194-9 of the public procurement code (low-value modifications, successive modifications).",
    },
    howToImprove: {
      fr: "Définissez mieux le besoin avant de lancer, prévoyez des clauses de réexamen et des tranches optionnelles.",
      en: "Define the need better before tendering; provide review clauses and optional tranches.",
    },
  },
  compute(ctx) {
    const { start, end } = ctx.period;
    const inPeriod = new Set(ctx.contractsInPeriod);
    const population: ContractLine[] = [];
    for (const c of ctx.contracts) {
      const mods = c.modifications ?? [];
      const dated = mods.filter((m) => m.date !== null);
      if (dated.length > 0) {
        if (dated.some((m) => (m.date as number) >= start && (m.date as number) <= end))
          population.push(c);
      } else if (inPeriod.has(c)) population.push(c);
    }
    if (population.length === 0) return noContractsInPeriod(ctx, base, EMPTY);
    const limits = ctx.ref.amendmentLimits;
    let n = 0;
    let initialTotal = 0;
    let amendedTotal = 0;
    let amendedContracts = 0;
    const flagged: OverLimitRow[] = [];
    for (const c of population) {
      if (c.amountCents === null || c.amountCents <= 0) continue;
      const mods = (c.modifications ?? []).filter(
        (m) => m.amountCents !== null && (m.date === null || m.date <= end)
      );
      const lastMod = mods.length > 0 ? mods[mods.length - 1] : null;
      const amended = lastMod?.amountCents ?? c.amendedAmountCents;
      if (amended === null || amended === undefined) continue;
      n++;
      initialTotal += c.amountCents;
      amendedTotal += amended;
      if (amended !== c.amountCents) amendedContracts++;
      const changeCents = amended - c.amountCents;
      const inflation = (changeCents / c.amountCents) * 100;
      const limit = c.nature === "Travaux" ? limits.worksPercent : limits.suppliesServicesPercent;
      const euDay = lastMod?.date ?? c.launchDate ?? c.notificationDate;
      const eu = euDay === null ? null : euThresholdAt(ctx.ref, euDay, c.nature);
      // R2194-8: the safe harbour needs a change *below* (« inférieur à ») the limit: exactly
      // 10 % (15 % works) is beyond it. Compared in integers (no rounding of the percentage).
      const overPercent = Math.abs(changeCents) * 100 >= limit * c.amountCents;
      const overEu = eu !== null && Math.abs(changeCents) >= eu;
      if (!overPercent && !overEu) continue;
      const text = coded("PF6.beyondSafeHarbour", {
        ref: c.contractRef,
        count: Math.max(mods.length, 1),
        change: eur(changeCents),
        percent: round2(inflation),
        limit,
        eu: eu === null ? "—" : eur(eu),
        reason: overPercent
          ? { code: "PF6.reasonPercent", params: { limit } }
          : { code: "PF6.reasonEu" },
      });
      flagged.push({
        contractRef: c.contractRef,
        entity: c.entity,
        description: c.description,
        supplier: contractSupplier(c),
        nature: c.nature,
        initial: eur(c.amountCents),
        amended: eur(amended),
        modifications: Math.max(mods.length, 1),
        lastModificationDate: lastMod?.date ? isoDate(lastMod.date) : null,
        changeAmount: eur(changeCents),
        inflationPercent: round2(inflation),
        limitPercent: limit,
        euThreshold: eu === null ? null : eur(eu),
        overPercentLimit: overPercent,
        overEuThreshold: overEu,
        status: "au-delà du seuil de modification de faible montant",
        message: rowTextOf(text),
        messageCode: text.code,
        messageParams: paramsJson(text.params),
        legalBasis: rowText("law.amendment"),
        why: rowText("why.amendment"),
        clear: rowText("clear.amendment"),
        clearCode: "clear.amendment",
      });
    }
    const coverage = { n, N: population.length, of: "contracts" as const };
    if (n === 0) return notAvailable(base, msg("na.noContractWithAmendment"), coverage, EMPTY);
    flagged.sort(
      (a, b) =>
        b.inflationPercent - a.inflationPercent || a.contractRef.localeCompare(b.contractRef)
    );
    return {
      ...base,
      value: pct(flagged.length, n),
      na: null,
      coverage,
      reference: {
        value: limits.suppliesServicesPercent,
        unit: "%",
        label: msg("ref.amendmentSafeHarbour", {
          suppliesServices: limits.suppliesServicesPercent,
          works: limits.worksPercent,
        }),
        source: `${limits.source} ; art. R2194-9 CCP (modifications successives)`,
      },
      status: null,
      details: {
        contractsWithData: n,
        contractsAmended: amendedContracts,
        overLimit: flagged.length,
        overEuThreshold: flagged.filter((r) => r.overEuThreshold).length,
        initialTotal: eur(initialTotal),
        amendedTotal: eur(amendedTotal),
        overallInflationPercent: pct(amendedTotal - initialTotal, initialTotal),
        contractsModifiedInPeriodNotifiedBefore: population.filter((c) => !inPeriod.has(c)).length,
      },
      tables: { overLimit: flagged },
    };
  },
});
