/**
 * Cartographie (SPEC §5): one row per family — spend, share, lines, suppliers, HHI, top supplier,
 * ABC class, classification rule, portfolio quadrant with its standard approach, proposed levers
 * and the TE4 recommendation — then a portfolio summary in live formulas (COUNTIF/SUMIF over the
 * table) and a chart of spend per quadrant.
 */
import type { FamilyRule } from "../../core/model";
import type { Quadrant } from "../../core/plan";
import { PF1, SP2, SP3, SP4 } from "../../core/indicators/registry";
import { rangeA1 } from "../a1";
import { formula, unitText } from "../cells";
import { naText, periodTitle, pick, text } from "../labels";
import { SheetBuilder, type BuildContext, type ColumnDef } from "../layout";
import type { CellValue, SheetSpec } from "../spec";
import { leverText, quadrantText, recommendationText, strategyText } from "./plan-texts";
import { result } from "./common";
import { defsFirst, printBand } from "./print-band";

const QUADRANTS: Quadrant[] = ["Stratégique", "Levier", "Critique", "Simple"];

const RULE_LABELS: Record<FamilyRule, readonly [string, string]> = {
  familyCode: ["Code famille de l'acheteur", "Buyer's family code"],
  cpv: ["Groupe CPV", "CPV group"],
  budgetArticle: ["Article budgétaire (M57)", "Budget account (M57)"],
  unclassified: ["Non classé", "Unclassified"],
};

/** A row of the family table: SP2 joined with SP4, SP3 and the plan inputs, in the language. */
type FamilyMapRow = {
  familyKey: string;
  familyLabel: string;
  rule: string;
  amount: number;
  share: number | null;
  lines: number;
  suppliers: number;
  hhi: number | null;
  top1Supplier: string | null;
  top1Share: number | null;
  abc: string | null;
  quadrant: string | null;
  strategy: string | null;
  levers: string | null;
  te4: string | null;
};

/**
 * Printed columns A–J (184 characters, ≥ 78 % on A4 landscape; a strategy or levers text fits
 * on one or two lines, so that about 30 families print on the first page): the family, its spend and share,
 * ABC class, quadrant, strategy and levers (wrapped), concentration (HHI) and the first
 * supplier's share; the rule, counts, first supplier's name and the territorial recommendation
 * after J are on screen only. The quadrant summary (A–C) and its chart (E–J) print below, on a
 * page of their own when the table is long (the table's header is not repeated above them).
 */
const CARTO_PRINTED = [
  "familyKey",
  "familyLabel",
  "amount",
  "share",
  "abc",
  "quadrant",
  "strategy",
  "levers",
  "hhi",
  "top1Share",
];
/** More families than this: the quadrant summary and its chart start a printed page. */
export const CARTO_SUMMARY_BREAK_ROWS = 15;
export const CARTO_PRINT_WIDTHS = [12, 28, 16, 10, 7, 13, 34, 44, 10, 10] as const;

export function buildCartographie(ctx: BuildContext): SheetSpec {
  const sb = new SheetBuilder(ctx, "cartographie", "replace");
  const { analysis, lang } = ctx;
  sb.tabColor = "#4472C4";
  sb.header(`${text(lang, "cartoTitle")} — ${periodTitle(lang, analysis.period)}`);

  const sp2 = result(sb, SP2);
  const sp4 = result(sb, SP4);
  const sp3 = result(sb, SP3);
  const pf1 = result(sb, PF1);
  const pf1Text = pf1.value === null ? naText(lang, pf1) : unitText(lang, "%", pf1.value);
  sb.note(`${text(lang, "cartoNote")} ${pf1Text}`);
  sb.cursor++;

  if (sp2.value === null && sp2.tables.byFamily.length === 0) {
    sb.note(naText(lang, sp2));
    return sb.build();
  }
  const hhiBy = new Map(sp4.tables.byFamily.map((r) => [r.familyKey, r]));
  const abcBy = new Map(sp3.tables.families.map((r) => [r.familyKey, r]));
  const planBy = new Map(analysis.plan.map((p) => [p.familyKey, p]));
  const rows: FamilyMapRow[] = sp2.tables.byFamily.map((r) => {
    const h = hhiBy.get(r.familyKey);
    const p = planBy.get(r.familyKey);
    return {
      familyKey: r.familyKey,
      familyLabel: r.familyLabel,
      rule: pick(lang, RULE_LABELS[r.rule]),
      amount: r.amount,
      share: r.share,
      lines: r.lines,
      suppliers: r.suppliers,
      hhi: h?.hhi ?? null,
      top1Supplier: h?.top1Supplier ?? null,
      top1Share: h?.top1Share ?? null,
      abc: abcBy.get(r.familyKey)?.abc ?? null,
      quadrant: p ? quadrantText(lang, p.quadrant) : null,
      strategy: p ? strategyText(lang, p.quadrant) : null,
      levers: p
        ? p.levers.map((l) => `${leverText(lang, l.lever)} (${l.indicator})`).join(" ; ") || null
        : null,
      te4: p?.te4.recommendation ? recommendationText(lang, p.te4.recommendation) : null,
    };
  });
  const defs: ColumnDef<FamilyMapRow>[] = defsFirst(
    [
      { key: "familyKey", header: "familyKey", kind: "text", width: 14 },
      { key: "familyLabel", header: "familyLabel", kind: "text", width: 32 },
      { key: "rule", header: "rule", kind: "text", width: 22 },
      { key: "amount", header: "amount", kind: "eur" },
      { key: "share", header: "share", kind: "pct" },
      { key: "lines", header: "lines", kind: "int" },
      { key: "suppliers", header: "suppliers", kind: "int" },
      { key: "hhi", header: "hhi", kind: "int" },
      { key: "top1Supplier", header: "top1Supplier", kind: "text" },
      { key: "top1Share", header: "top1Share", kind: "pct" },
      { key: "abc", header: "abc", kind: "text", width: 9 },
      { key: "quadrant", header: "quadrant", kind: "text", width: 13 },
      { key: "strategy", header: "strategy", kind: "text", width: 34 },
      { key: "levers", header: "levers", kind: "text", width: 44, wrap: true },
      { key: "te4", header: "te4", kind: "text", width: 16 },
    ],
    CARTO_PRINTED
  );
  const placed = sb.table("tblCartoFamilles", sb.cursor, 0, defs, rows);
  sb.conditional({ range: placed.columnRange("hhi"), type: "dataBar", color: "#F4B084" });
  sb.conditional({ range: placed.columnRange("share"), type: "dataBar", color: "#5B9BD5" });
  sb.cursor = placed.lastDataRow + 2;
  sb.frozen = { rows: placed.headerRow + 1, cols: 2 };

  // Portfolio summary in formulas over the table's columns.
  const summaryRow = sb.cursor;
  sb.cell(sb.cursor++, 0, text(lang, "quadrantSummary"), "subtitle");
  const head = sb.cursor;
  sb.block(head, 0, [[sb.h("quadrant"), sb.h("quadrantCount"), sb.h("amount")]], {
    style: "header",
  });
  const q = placed.columnRange("quadrant");
  const a = placed.columnRange("amount");
  const qRange = rangeA1(q.r1, q.c1, q.r2, q.c2, true);
  const aRange = rangeA1(a.r1, a.c1, a.r2, a.c2, true);
  const lines: CellValue[][] = QUADRANTS.map((quad, i) => {
    const r = head + 1 + i;
    return [
      quadrantText(lang, quad),
      formula(`=COUNTIF(${qRange},A${r + 1})`),
      formula(`=SUMIF(${qRange},A${r + 1},${aRange})`),
    ];
  });
  sb.block(head + 1, 0, lines, { columnFormats: [null, sb.f.int, sb.f.eur2] });
  const last = head + QUADRANTS.length;
  sb.block(
    last + 1,
    0,
    [
      [
        text(lang, "total"),
        formula(`=SUM(B${head + 2}:B${last + 1})`),
        formula(`=SUM(C${head + 2}:C${last + 1})`),
      ],
    ],
    {
      style: "total",
      columnFormats: [null, sb.f.int, sb.f.eur2],
    }
  );
  sb.cursor = last + 3;
  sb.chart({
    id: "quadrants",
    type: "pie",
    title: text(lang, "chartQuadrants"),
    categories: sb.ref(head + 1, 0, last, 0),
    series: [{ name: sb.ref(head, 2), values: sb.ref(head + 1, 2, last, 2) }],
    anchor: { row: head, col: 4, widthCols: 6, heightRows: 14 },
    legend: "right",
  });
  printBand(sb, CARTO_PRINT_WIDTHS, {
    titleRow: null,
    ...(rows.length > CARTO_SUMMARY_BREAK_ROWS ? { rowBreaks: [summaryRow] } : {}),
  });
  return sb.build();
}
