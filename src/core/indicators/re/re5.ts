/** RE5 insertion / ESS suppliers' share of spend (SPEC §4). */
import { basisContext, basisOf, noRecordsReason, recordUnit } from "../../contracts-basis";
import { msg } from "../../messages/render";
import { toEuros } from "../../money";
import { defineIndicator } from "../definition";
import { share } from "../responsible";
import { supplierRowFor } from "../supplier-reference";
import { notAvailable, resultWithoutReference } from "../types";

export type InsertionSupplierRow = {
  supplier: string;
  lines: number;
  spend: number;
  share: number | null;
};

export type RE5Tables = { suppliers: InsertionSupplierRow[] };

const EMPTY: RE5Tables = { suppliers: [] };

const base = { id: "RE5", group: "RE", unit: "%" } as const;

export const RE5 = defineIndicator<RE5Tables>({
  ...base,
  label: {
    fr: "Fournisseurs de l'insertion et de l'ESS",
    en: "Insertion and social economy suppliers",
  },
  headline: {
    fr: "fournisseurs de l'insertion et de l'ESS (% de la dépense)",
    en: "insertion/social economy suppliers (% of spend)",
  },
  doc: {
    definition: {
      fr: "Part de la dépense HT de la période faite auprès de fournisseurs signalés insertion ou économie sociale et solidaire dans la table Fournisseurs. Sans ligne de dépense (registre des marchés ou DECP seuls), calculé sur les montants attribués des marchés notifiés sur la période.",
      en: "Share of the period's spend excl. VAT made with suppliers flagged as work-integration or social and solidarity economy in the Suppliers table. Without spend lines (contracts register or DECP only), computed on the awarded amounts of the contracts notified in the period.",
    },
    formula: {
      fr: "Σ dépense auprès des fournisseurs insertion/ESS / dépense totale de la période × 100 (un fournisseur absent de la table n'est pas compté).",
      en: "Σ spend with insertion/social economy suppliers / total spend of the period × 100 (a supplier missing from the table is not counted).",
    },
    source: {
      fr: "Loi n° 2014-856 du 31 juillet 2014 relative à l'ESS ; art. L2113-12 à L2113-15 du code de la commande publique (marchés réservés).",
      en: "Law no. 2014-856 of 31 July 2014 on the social and solidarity economy; art. L2113-12 to L2113-15 of the public procurement code (reserved contracts).",
    },
    howToImprove: {
      fr: "Réservez des marchés ou des lots aux structures d'insertion et entreprises adaptées ; complétez la table Fournisseurs.",
      en: "Reserve contracts or lots for integration enterprises and sheltered workshops; complete the Suppliers table.",
    },
  },
  basis: basisOf,
  compute(given) {
    // On a contracts-only input, the contracts' awarded amounts (issue #11 §1).
    const ctx = basisContext(given);
    const flags = new Map<string, boolean | null>();
    let known = 0;
    let totalCents = 0;
    let insertionCents = 0;
    const bySupplier = new Map<string, { name: string; lines: number; cents: number }>();
    for (const line of ctx.lines) {
      totalCents += line.amountHTCents;
      let flag = flags.get(line.supplierKey);
      if (flag === undefined) {
        flag = supplierRowFor(ctx.suppliers, line.supplierId, line.supplierName)?.insertion ?? null;
        flags.set(line.supplierKey, flag);
      }
      if (flag === null) continue;
      known++;
      if (!flag) continue;
      insertionCents += line.amountHTCents;
      let s = bySupplier.get(line.supplierKey);
      if (!s)
        bySupplier.set(
          line.supplierKey,
          (s = {
            name: line.supplierName ?? line.supplierId ?? line.supplierKey,
            lines: 0,
            cents: 0,
          })
        );
      s.lines++;
      s.cents += line.amountHTCents;
    }
    const coverage = { n: known, N: ctx.lines.length, of: recordUnit(ctx) };
    const na =
      ctx.lines.length === 0
        ? noRecordsReason(ctx)
        : ctx.suppliers.size === 0
          ? msg("na.noSupplierTable")
          : known === 0
            ? msg("na.insertionNotGiven")
            : null;
    if (na !== null) return notAvailable(base, na, coverage, EMPTY);
    const value = share(insertionCents, totalCents);
    if (value === null || totalCents < 0)
      return notAvailable(base, msg("na.nonPositiveSpend"), coverage, EMPTY);
    return resultWithoutReference(
      base,
      value,
      coverage,
      {
        spendInsertion: toEuros(insertionCents),
        spendTotal: toEuros(totalCents),
        insertionSuppliers: bySupplier.size,
      },
      {
        suppliers: [...bySupplier.values()]
          .sort((a, b) => b.cents - a.cents || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
          .map((s) => ({
            supplier: s.name,
            lines: s.lines,
            spend: toEuros(s.cents),
            share: share(s.cents, totalCents),
          })),
      }
    );
  },
});
