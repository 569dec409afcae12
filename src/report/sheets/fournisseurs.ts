/**
 * Fournisseurs (SPEC §5): one row per supplier in Pareto order — identifier, spend, lines, share,
 * cumulative share, ABC class, tail-spend flag (SP5), entities served (SP2, MU4) — and an ABC
 * summary in live formulas.
 */
import type { Row } from "../../core/indicators/types";
import { a1, rangeA1 } from "../a1";
import { formula } from "../cells";
import { naText, text } from "../labels";
import { SheetBuilder, type BuildContext, type ColumnDef } from "../layout";
import type { CellValue, SheetSpec } from "../spec";
import { maybeIndicator } from "./common";

export function buildFournisseurs(ctx: BuildContext): SheetSpec {
  const sb = new SheetBuilder(ctx, "fournisseurs", "replace");
  // Print: A4, one page wide, a long table's header repeated on each page.
  sb.print({ orientation: "auto" });
  const { analysis, lang } = ctx;
  sb.tabColor = "#4472C4";
  sb.header(`${text(lang, "suppliersTitle")} — ${analysis.period.label}`);

  const sp3 = maybeIndicator(sb, "SP3");
  const sp2 = maybeIndicator(sb, "SP2");
  const sp5 = maybeIndicator(sb, "SP5");
  const mu4 = maybeIndicator(sb, "MU4");
  const bySupplier = new Map<string, Row>(
    (sp2?.tables.bySupplier ?? []).map((r) => [String(r.supplierKey), r])
  );
  const tail = new Set((sp5?.tables.tailSuppliers ?? []).map((r) => String(r.supplierKey)));
  const shared = new Map<string, Row>(
    (mu4?.tables.sharedSuppliers ?? []).map((r) => [String(r.supplierKey), r])
  );

  const pareto = sp3?.tables.suppliers ?? [];
  let source: Row[] = pareto;
  if (source.length === 0) {
    // Without a Pareto (SP3 N/A: no positive spend), list SP2's suppliers as they are.
    if (sp3) sb.note(naText(lang, sp3));
    source = sp2?.tables.bySupplier ?? [];
  }
  if (source.length === 0) {
    if (sp2?.na) sb.note(naText(lang, sp2));
    else sb.note(text(lang, "emptyTable"));
    return sb.build();
  }
  if (sp5?.value === null && sp5.na) sb.note(naText(lang, sp5));
  const rows: Row[] = source.map((r) => {
    const key = String(r.supplierKey);
    const s2 = bySupplier.get(key);
    return {
      rank: r.rank ?? null,
      supplierName: r.supplierName ?? s2?.supplierName ?? key,
      supplierId: s2?.supplierId ?? null,
      amount: r.amount ?? null,
      lines: r.lines ?? null,
      share: r.share ?? s2?.share ?? null,
      cumulativeShare: r.cumulativeShare ?? null,
      abc: r.abc ?? null,
      tail: sp5 && sp5.value !== null ? tail.has(key) : null,
      entityCount: s2?.entities ?? null,
      sharedEntities: shared.get(key)?.entities ?? null,
      supplierKey: key,
    };
  });
  const defs: ColumnDef[] = [
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
