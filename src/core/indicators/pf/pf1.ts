/** PF1 contract coverage: share of spend under a contract (SPEC §4). */
import { basisOf } from "../../contracts-basis";
import { effectiveChannel } from "../../channel";
import { contractsByRef } from "../../context";
import { msg } from "../../messages/render";
import type { Channel } from "../../model";
import { toEuros as eur } from "../../money";
import { sortedByCentsDesc, type Bucket } from "../aggregate";
import { defineIndicator } from "../definition";
import { notAvailable, pct } from "../types";

export type ChannelSpendRow = {
  channel: Channel;
  amount: number;
  lines: number;
  share: number | null;
};

export type PF1Tables = { byChannel: ChannelSpendRow[] };

const EMPTY: PF1Tables = { byChannel: [] };

const base = { id: "PF1", group: "PF", unit: "%" } as const;

export const PF1 = defineIndicator<PF1Tables>({
  ...base,
  label: { fr: "Dépense sous contrat", en: "Spend under contract" },
  headline: {
    fr: "dépense sous contrat (% de la dépense)",
    en: "spend under contract (% of spend)",
  },
  doc: {
    definition: {
      fr: "Part de la dépense HT passée dans le cadre d'un marché : référence de marché trouvée dans le registre, ou mode d'achat autre que « Hors marché ».",
      en: "Share of spend excl. VAT made under a contract: contract reference found in the register, or a purchasing channel other than buying without a contract.",
    },
    formula: {
      fr: "Σ montant HT des lignes sous contrat / Σ montant HT des lignes × 100.",
      en: "Σ amount excl. VAT of the lines under contract / Σ amount excl. VAT of all lines × 100.",
    },
    source: {
      fr: "Registre des marchés (données essentielles, art. R2196-1 du code de la commande publique) rapproché des lignes de dépense.",
      en: "Contracts register (essential data, art. R2196-1 of the public procurement code) matched with the spend lines.",
    },
    howToImprove: {
      fr: "Passez des marchés pour les familles récurrentes hors marché ; saisissez la référence du marché sur chaque mandat.",
      en: "Award contracts for recurring families bought outside any contract; record the contract reference on every payment.",
    },
  },
  compute(ctx) {
    const lines = ctx.lines;
    if (lines.length === 0)
      return notAvailable(
        base,
        // Contracts-only input: say which data would unlock it (issue #11 §1).
        basisOf(ctx) === "awarded"
          ? msg("na.coverageNeedsSpendLines")
          : msg("na.noLinesInPeriod", { period: ctx.period.label }),
        { n: 0, N: 0, of: "lines" },
        EMPTY
      );
    const register = contractsByRef(ctx.contracts);
    const ugap = ctx.ref.ugapSiren.value;
    const byChannel = new Map<Channel, Bucket>();
    let total = 0;
    let under = 0;
    let underLines = 0;
    let matchedLines = 0;
    let unmatchedRefLines = 0;
    let unmatchedRefCents = 0;
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i];
      const c = l.amountHTCents;
      total += c;
      const channel = effectiveChannel(l, register, ugap);
      const matched = l.contractRef !== null && register.has(l.contractRef);
      if (matched) matchedLines++;
      else if (l.contractRef !== null) {
        unmatchedRefLines++;
        unmatchedRefCents += c;
      }
      if (matched || channel !== "Hors marché") {
        under += c;
        underLines++;
      }
      const b = byChannel.get(channel);
      if (b) {
        b.cents += c;
        b.lines++;
      } else byChannel.set(channel, { cents: c, lines: 1 });
    }
    const coverage = { n: lines.length, N: lines.length, of: "lines" as const };
    if (total <= 0) return notAvailable(base, msg("na.nonPositiveSpend"), coverage, EMPTY);
    return {
      ...base,
      value: pct(under, total),
      na: null,
      coverage,
      reference: null,
      status: null,
      details: {
        underContractAmount: eur(under),
        underContractLines: underLines,
        outOfContractAmount: eur(total - under),
        outOfContractLines: lines.length - underLines,
        matchedContractLines: matchedLines,
        unmatchedContractRefLines: unmatchedRefLines,
        unmatchedContractRefAmount: eur(unmatchedRefCents),
      },
      tables: {
        byChannel: sortedByCentsDesc(byChannel).map(([channel, b]) => ({
          channel,
          amount: eur(b.cents),
          lines: b.lines,
          share: pct(b.cents, total),
        })),
      },
    };
  },
});
