/** PF5 savings vs estimate: Σ(estimated − awarded) / Σ estimated (SPEC §4). */
import { msg } from "../../messages/render";
import { toEuros as eur } from "../../money";
import { AWARDED, defineIndicator } from "../definition";
import { noContractsInPeriod } from "../performance";
import { notAvailable, pct } from "../types";

export type SavingsContractRow = {
  contractRef: string;
  entity: string;
  description: string | null;
  estimated: number;
  awarded: number;
  savings: number;
  savingsPercent: number | null;
};

export type PF5Tables = { contracts: SavingsContractRow[] };

const EMPTY: PF5Tables = { contracts: [] };

const base = { id: "PF5", group: "PF", unit: "%" } as const;

export const PF5 = defineIndicator<PF5Tables>({
  ...base,
  label: { fr: "Économies par rapport à l'estimation", en: "Savings vs estimate" },
  headline: { fr: "économies par rapport à l'estimation (%)", en: "savings vs estimate (%)" },
  doc: {
    definition: {
      fr: "Écart entre le montant estimé des marchés notifiés sur la période et le montant attribué.",
      en: "Gap between the estimated amount of the contracts notified in the period and the amount awarded.",
    },
    formula: {
      fr: "Σ (estimé − attribué) / Σ estimé × 100, sur les marchés ayant les deux montants (estimé > 0).",
      en: "Σ (estimated − awarded) / Σ estimated × 100, over the contracts with both amounts (estimated > 0).",
    },
    source: {
      fr: "Estimation de la valeur du besoin (art. R2121-1 du code de la commande publique) et montant attribué du registre.",
      en: "Estimated value of the need (art. R2121-1 of the public procurement code) and amount awarded from the register.",
    },
    howToImprove: {
      fr: "Renseignez l'estimation de chaque marché ; fiabilisez-la par le sourcing et l'historique des prix.",
      en: "Record the estimate of every contract; make it reliable through sourcing and price history.",
    },
  },
  basis: AWARDED,
  compute(ctx) {
    const contracts = ctx.contractsInPeriod;
    if (contracts.length === 0) return noContractsInPeriod(ctx, base, EMPTY);
    let estimated = 0;
    let awarded = 0;
    const rows: SavingsContractRow[] = [];
    for (const c of contracts) {
      if (c.estimatedAmountCents === null || c.amountCents === null || c.estimatedAmountCents <= 0)
        continue;
      estimated += c.estimatedAmountCents;
      awarded += c.amountCents;
      rows.push({
        contractRef: c.contractRef,
        entity: c.entity,
        description: c.description,
        estimated: eur(c.estimatedAmountCents),
        awarded: eur(c.amountCents),
        savings: eur(c.estimatedAmountCents - c.amountCents),
        savingsPercent: pct(c.estimatedAmountCents - c.amountCents, c.estimatedAmountCents),
      });
    }
    const coverage = { n: rows.length, N: contracts.length, of: "contracts" as const };
    if (rows.length === 0)
      return notAvailable(base, msg("na.noContractWithEstimate"), coverage, EMPTY);
    rows.sort((a, b) => b.savings - a.savings || a.contractRef.localeCompare(b.contractRef));
    return {
      ...base,
      value: pct(estimated - awarded, estimated),
      na: null,
      coverage,
      reference: null,
      status: null,
      details: {
        estimatedTotal: eur(estimated),
        awardedTotal: eur(awarded),
        savingsAmount: eur(estimated - awarded),
        contractsOverEstimate: rows.filter((r) => r.savings < 0).length,
      },
      tables: { contracts: rows },
    };
  },
});
