/** SP1 total spend HT (and TTC), lines, suppliers, entities (SPEC §4). */
import { basisOf } from "../../contracts-basis";
import { toEuros as eur } from "../../money";
import { defineIndicator } from "../definition";
import { linesCoverage, noSpendLines, spendAggregates } from "../spend";
import { pct } from "../types";

const base = { id: "SP1", group: "SP", unit: "EUR" } as const;

export const SP1 = defineIndicator({
  ...base,
  label: { fr: "Dépense totale HT", en: "Total spend excl. VAT" },
  headline: { fr: "dépense totale HT (€)", en: "total spend excl. VAT (€)" },
  doc: {
    definition: {
      fr: "Somme des lignes de dépense de la période, hors taxes et nette des avoirs ; le TTC est donné sur les lignes qui le portent. Sans ligne de dépense (registre des marchés ou DECP seuls), calculé sur les montants attribués des marchés notifiés sur la période (un marché compte une fois, sous son premier titulaire).",
      en: "Sum of the period's spend lines, excluding VAT and net of credit notes; the amount including VAT is given over the lines that carry it. Without spend lines (contracts register or DECP only), computed on the awarded amounts of the contracts notified in the period (a contract counts once, under its first holder).",
    },
    formula: {
      fr: "Σ montant HT des lignes de la période (avoirs négatifs inclus).",
      en: "Σ amount excl. VAT of the period's lines (negative credit notes included).",
    },
    source: {
      fr: "Comptabilité de l'acheteur (mandats, factures, bons de commande).",
      en: "The buyer's accounts (payment orders, invoices, purchase orders).",
    },
    howToImprove: {
      fr: "Rapprochez le total du compte administratif ; renseignez le montant TTC et le fournisseur sur chaque ligne.",
      en: "Reconcile the total with the annual accounts; fill in the amount including VAT and the supplier on every line.",
    },
  },
  basis: basisOf,
  compute(ctx) {
    const agg = spendAggregates(ctx);
    if (agg.lines === 0) return noSpendLines(ctx, base, {});
    return {
      ...base,
      value: eur(agg.totalCents),
      na: null,
      coverage: linesCoverage(agg, ctx),
      reference: null,
      status: null,
      details: {
        totalTTC: agg.ttcLines > 0 ? eur(agg.ttcCents) : null,
        ttcLines: agg.ttcLines,
        ttcCoverage: pct(agg.ttcLines, agg.lines),
        lines: agg.lines,
        suppliers: agg.bySupplier.size,
        entities: agg.byEntity.size,
        creditNotes: agg.creditNotes,
        creditNotesAmount: eur(agg.creditNotesCents),
      },
      tables: {},
    };
  },
});
