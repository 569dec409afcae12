/**
 * Fournisseurs (SPEC §5): one row per supplier in Pareto order — identifier, spend, lines, share,
 * cumulative share, ABC class, tail-spend flag (SP5), entities served (SP2, MU4) — and an ABC
 * summary in live formulas.
 */
import { MU4, SP2, SP3, SP5 } from "../../core/indicators/registry";
import { a1, rangeA1 } from "../a1";
import { formula } from "../cells";
import { message, naText, periodTitle, text } from "../labels";
import { SheetBuilder, type BuildContext, type ColumnDef } from "../layout";
import type { CellValue, SheetSpec } from "../spec";
import { msg } from "../../core/messages/render";
import { result } from "./common";
import { printBand } from "./print-band";

/**
 * Widths of the printed columns A–I (126 characters, 100 % on A4 landscape): rank, supplier
 * (wrapped), amount, share (16: the ABC summary's amounts above the table fit), cumulative
 * share, ABC class, tail, lines, entities. The entities' names, the SIRET and the supplier key
 * after I are on screen only.
 */
export const SUPPLIERS_PRINT_WIDTHS = [7, 34, 16, 16, 12, 9, 10, 11, 11] as const;
/** A list longer than this prints only its head (class A, at least PRINTED_SUPPLIERS_MIN rows). */
export const PRINTED_SUPPLIERS_MAX = 60;
export const PRINTED_SUPPLIERS_MIN = 25;

/** A row of the supplier table: SP3's Pareto (else SP2) joined with SP2, SP5 and MU4. */
type SupplierSheetRow = {
  rank: number | null;
  supplierName: string;
  supplierId: string | null;
  amount: number;
  lines: number;
  share: number | null;
  cumulativeShare: number | null;
  abc: string | null;
  tail: boolean | null;
  entityCount: number | null;
  sharedEntities: string | null;
  supplierKey: string;
};

export function buildFournisseurs(ctx: BuildContext): SheetSpec {
  const sb = new SheetBuilder(ctx, "fournisseurs", "replace");
  const { analysis, lang } = ctx;
  sb.tabColor = "#4472C4";
  sb.header(`${text(lang, "suppliersTitle")} — ${periodTitle(lang, analysis.period)}`);

  const sp3 = result(sb, SP3);
  const sp2 = result(sb, SP2);
  const sp5 = result(sb, SP5);
  const mu4 = result(sb, MU4);
  const bySupplier = new Map(sp2.tables.bySupplier.map((r) => [r.supplierKey, r]));
  const tail = new Set(sp5.tables.tailSuppliers.map((r) => r.supplierKey));
  const shared = new Map(mu4.tables.sharedSuppliers.map((r) => [r.supplierKey, r]));
  const tailKnown = sp5.value !== null;

  const pareto = sp3.tables.suppliers;
  // Without a Pareto (SP3 N/A: no positive spend), SP2's suppliers as they are.
  if (pareto.length === 0) sb.note(naText(lang, sp3));
  const rows: SupplierSheetRow[] =
    pareto.length > 0
      ? pareto.map((r) => {
          const s2 = bySupplier.get(r.supplierKey);
          return {
            rank: r.rank,
            supplierName: r.supplierName ?? s2?.supplierName ?? r.supplierKey,
            supplierId: s2?.supplierId ?? null,
            amount: r.amount,
            lines: r.lines,
            share: r.share,
            cumulativeShare: r.cumulativeShare,
            abc: r.abc,
            tail: tailKnown ? tail.has(r.supplierKey) : null,
            entityCount: s2?.entities ?? null,
            sharedEntities: shared.get(r.supplierKey)?.entities ?? null,
            supplierKey: r.supplierKey,
          };
        })
      : [...bySupplier.values()].map((r) => ({
          rank: null,
          supplierName: r.supplierName ?? r.supplierKey,
          supplierId: r.supplierId,
          amount: r.amount,
          lines: r.lines,
          share: r.share,
          cumulativeShare: null,
          abc: null,
          tail: tailKnown ? tail.has(r.supplierKey) : null,
          entityCount: r.entities,
          sharedEntities: shared.get(r.supplierKey)?.entities ?? null,
          supplierKey: r.supplierKey,
        }));
  if (rows.length === 0) {
    if (sp2.na) sb.note(naText(lang, sp2));
    else sb.note(text(lang, "emptyTable"));
    return sb.build();
  }
  if (sp5.value === null && sp5.na) sb.note(naText(lang, sp5));
  const defs: ColumnDef<SupplierSheetRow>[] = [
    { key: "rank", header: "rank", kind: "int", width: 7 },
    { key: "supplierName", header: "supplierName", kind: "text", width: 34 },
    { key: "amount", header: "amount", kind: "eur" },
    { key: "share", header: "share", kind: "pct" },
    { key: "cumulativeShare", header: "cumulativeShare", kind: "pct" },
    { key: "abc", header: "abc", kind: "text", width: 9 },
    { key: "tail", header: "tail", kind: "bool" },
    { key: "lines", header: "lines", kind: "int" },
    { key: "entityCount", header: "entityCount", kind: "int" },
    // After the printed band: the list of entities (wrapped, it made rows many lines tall).
    { key: "sharedEntities", header: "sharedEntities", kind: "text", width: 34 },
    { key: "supplierId", header: "supplierId", kind: "text", width: 17 },
    { key: "supplierKey", header: "supplierKey", kind: "text", width: 20 },
  ];
  // ABC summary (formulas) above the table, in its columns B–D: it prints with it (at the
  // right of the table it widened the printed page).
  const summaryRow = sb.cursor + 1;
  const placed = sb.table("tblFournisseurs", summaryRow + 7, 0, defs, rows);
  // Title and stamp frozen (the summary above the table would take a screen's third); Excel
  // shows a table's headers in place of the column letters when it scrolls.
  sb.frozen = { rows: 2, cols: 2 };
  sb.conditional({ range: placed.columnRange("share"), type: "dataBar", color: "#5B9BD5" });

  const col = 1;
  const head = summaryRow + 1;
  sb.block(head, col, [[sb.h("abc"), sb.h("suppliers"), sb.h("amount")]], { style: "header" });
  const abc = placed.columnRange("abc");
  const amount = placed.columnRange("amount");
  const abcRange = rangeA1(abc.r1, abc.c1, abc.r2, abc.c2, true);
  const amountRange = rangeA1(amount.r1, amount.c1, amount.r2, amount.c2, true);
  const lines: CellValue[][] = ["A", "B", "C"].map((cls, i) => {
    const label = a1(head + 1 + i, col);
    return [
      cls,
      formula(`=COUNTIF(${abcRange},${label})`),
      formula(`=SUMIF(${abcRange},${label},${amountRange})`),
    ];
  });
  sb.block(head + 1, col, lines, { columnFormats: [null, sb.f.int, sb.f.eur2] });
  sb.block(
    head + 4,
    col,
    [
      [
        text(lang, "total"),
        formula(`=SUM(${rangeA1(head + 1, col + 1, head + 3, col + 1)})`),
        formula(`=SUM(${rangeA1(head + 1, col + 2, head + 3, col + 2)})`),
      ],
    ],
    {
      style: "total",
      columnFormats: [null, sb.f.int, sb.f.eur2],
    }
  );
  sb.cell(head - 1, col, text(lang, "abcSummary"), "subtitle");
  // A long list prints its head: the class A suppliers (80 % of the spend), at least
  // PRINTED_SUPPLIERS_MIN; the whole list stays in the table, and a note above it says so.
  let lastRow: number | undefined;
  if (rows.length > PRINTED_SUPPLIERS_MAX) {
    const classA = rows.filter((r) => r.abc === "A").length;
    const n = Math.min(rows.length, Math.max(classA, PRINTED_SUPPLIERS_MIN));
    lastRow = placed.firstDataRow + n - 1;
    const share = rows.slice(0, n).reduce((t, r) => t + (r.share ?? 0), 0);
    sb.note(
      message(
        lang,
        msg("print.suppliersPrinted", { n, N: rows.length, share: Math.round(share * 10) / 10 })
      ),
      0,
      placed.headerRow - 1
    );
  }
  printBand(sb, SUPPLIERS_PRINT_WIDTHS, lastRow === undefined ? {} : { lastRow });
  return sb.build();
}
