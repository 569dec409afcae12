/**
 * Fournisseurs (SPEC §5): one row per supplier in Pareto order — identifier, spend, lines, share,
 * cumulative share, ABC class, tail-spend flag (SP5), entities served (SP2, MU4) — and an ABC
 * summary in live formulas.
 */
import { MU4, SP2, SP3, SP5 } from "../../core/indicators/registry";
import { a1, rangeA1 } from "../a1";
import { formula } from "../cells";
import { naText, periodTitle, text } from "../labels";
import { SheetBuilder, type BuildContext, type ColumnDef } from "../layout";
import type { CellValue, SheetSpec } from "../spec";
import { result } from "./common";

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
  // Print: A4, one page wide, a long table's header repeated on each page.
  sb.print({ orientation: "auto" });
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
    { key: "supplierId", header: "supplierId", kind: "text", width: 17 },
    { key: "amount", header: "amount", kind: "eur" },
    { key: "lines", header: "lines", kind: "int" },
    { key: "share", header: "share", kind: "pct" },
    { key: "cumulativeShare", header: "cumulativeShare", kind: "pct" },
    { key: "abc", header: "abc", kind: "text", width: 9 },
    { key: "tail", header: "tail", kind: "bool" },
    { key: "entityCount", header: "entityCount", kind: "int" },
    { key: "sharedEntities", header: "sharedEntities", kind: "text", width: 34 },
    { key: "supplierKey", header: "supplierKey", kind: "text", width: 20 },
  ];
  sb.cursor++;
  const placed = sb.table("tblFournisseurs", sb.cursor, 0, defs, rows);
  sb.frozen = { rows: placed.headerRow + 1, cols: 2 };
  sb.conditional({ range: placed.columnRange("share"), type: "dataBar", color: "#5B9BD5" });

  // ABC summary (formulas) to the right of the table.
  const col = defs.length + 1;
  const head = placed.headerRow;
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
  sb.width(col, 12);
  sb.width(col + 1, 14);
  sb.width(col + 2, 16);
  return sb.build();
}
