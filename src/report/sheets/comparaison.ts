/**
 * Comparaison (issue #15 §3): each contract KPI of the buyer beside the quartiles of its category
 * in the referentiel (and of its peers when fiches were imported), its position (quartile,
 * percentile), a colour and the best practice behind the best quartile; one chart per group of
 * KPIs; the buyer's fiche de comparaison as a key/value table (tblFiche) that the observatory reads.
 * Plain WorkbookSpec data, built from a precomputed ComparisonView (src/core/peers/comparison.ts).
 */
import { ficheRows } from "../../core/peers/fiche";
import { KPI_GROUP_LABELS, type KpiGroup } from "../../core/peers/kpis";
import type { ComparisonRow, ComparisonView, Colour } from "../../core/peers/comparison";
import type { Position } from "../../core/peers/quantiles";
import { fraction, scalarCell, textCell, type Formats } from "../cells";
import { pick, type Lang } from "../labels";
import { SheetBuilder, type BuildContext } from "../layout";
import type { CellValue, SheetSpec, StyleName, TableColumn } from "../spec";
import { printBand } from "./print-band";

const COLOUR_WORDS: Record<Colour, [string, string]> = {
  good: ["Meilleur quartile", "Best quartile"],
  watch: ["Quartiles médians", "Middle quartiles"],
  alert: ["À améliorer", "To improve"],
  neutral: ["Profil", "Profile"],
};

const COLOUR_STYLES: Record<Colour, StyleName> = {
  good: "kpiGood",
  watch: "kpiWatch",
  alert: "kpiAlert",
  neutral: "kpiNeutral",
};

const T = {
  title: [
    "Comparaison avec des collectivités comparables",
    "Benchmark against comparable local authorities",
  ],
  buyer: ["Acheteur comparé", "Buyer compared"],
  name: ["Acheteur", "Buyer"],
  siren: ["SIREN", "SIREN"],
  category: ["Catégorie", "Category"],
  basis: ["Classement", "Classified by"],
  band: ["Strate de population", "Population band"],
  population: ["Population (DGCL)", "Population (DGCL)"],
  contracts: ["Marchés de la période", "Contracts in the period"],
  referentiel: ["Référentiel", "Reference set"],
  method: ["Méthode", "Method"],
  peers: ["Pairs", "Peers"],
  none: ["aucun", "none"],
  noRef: [
    "Aucun référentiel : seuls les pairs (fiches importées) sont comparés.",
    "No reference set: only peers (imported cards) are compared.",
  ],
  indicative: ["indicatif", "indicative"],
  analysis: [
    "Indicateurs de l'analyse (comparés aux pairs)",
    "Analysis indicators (compared with peers)",
  ],
  fiche: [
    "Fiche de comparaison (à partager avec vos pairs)",
    "Benchmark card (to share with peers)",
  ],
  ficheNote: [
    "Cette fiche ne contient aucun nom de fournisseur ni montant de marché ; « optima-achats fiche » l'écrit en .json ou .xlsx et « optima-achats observatoire » la relit dans ce classeur.",
    "This card holds no supplier name and no contract amount; « optima-achats fiche » writes it as .json or .xlsx and « optima-achats observatoire » reads it back from this workbook.",
  ],
  chart: ["Position de l'acheteur", "Buyer's position"],
  key: ["Clé", "Key"],
  value: ["Valeur", "Value"],
} satisfies Record<string, [string, string]>;

const H = {
  indicator: ["Indicateur", "Indicator"],
  value: ["Valeur de l'acheteur", "Buyer value"],
  n: ["Marchés", "Contracts"],
  refGroup: ["Groupe de référence", "Reference group"],
  refBuyers: ["Acheteurs", "Buyers"],
  d1: ["D1", "D1"],
  q1: ["Q1", "Q1"],
  median: ["Médiane", "Median"],
  q3: ["Q3", "Q3"],
  d9: ["D9", "D9"],
  quartile: ["Quartile", "Quartile"],
  percentile: ["Centile", "Percentile"],
  appraisal: ["Appréciation", "Appraisal"],
  peerN: ["Pairs (fiches)", "Peers (cards)"],
  peerQ1: ["Q1 pairs", "Peers Q1"],
  peerMedian: ["Médiane pairs", "Peers median"],
  peerQ3: ["Q3 pairs", "Peers Q3"],
  peerAppraisal: ["Appréciation / pairs", "Appraisal / peers"],
  best: ["Meilleur quartile", "Best quartile"],
  practice: ["Bonne pratique", "Good practice"],
  na: ["Motif N/D", "N/A reason"],
} satisfies Record<string, [string, string]>;

type ColKey = keyof typeof H;

/**
 * Columns of the KPI tables; the first thirteen print (A–M, COMP_PRINT_WIDTHS: 197 characters,
 * ≥ 72 % on A4 landscape): the indicator, the buyer's value, its reference group's quartiles,
 * its percentile and appraisal, the peers' median and appraisal, the good practice and the N/A
 * reason. The deciles, counts and the peers' quartiles after M are on screen only.
 */
const COLUMNS: { key: ColKey; width: number; wrap?: boolean }[] = [
  { key: "indicator", width: 34, wrap: true },
  { key: "value", width: 12 },
  { key: "n", width: 9 },
  { key: "refGroup", width: 28, wrap: true },
  { key: "q1", width: 10 },
  { key: "median", width: 10 },
  { key: "q3", width: 10 },
  { key: "percentile", width: 9 },
  { key: "appraisal", width: 17 },
  { key: "peerMedian", width: 10 },
  { key: "peerAppraisal", width: 17 },
  { key: "practice", width: 60, wrap: true },
  { key: "na", width: 36, wrap: true },
  { key: "refBuyers", width: 10 },
  { key: "d1", width: 10 },
  { key: "d9", width: 10 },
  { key: "quartile", width: 9 },
  { key: "peerN", width: 9 },
  { key: "peerQ1", width: 10 },
  { key: "peerQ3", width: 10 },
  { key: "best", width: 14 },
];
export const COMP_PRINT_WIDTHS = [28, 12, 8, 20, 10, 10, 10, 9, 16, 10, 16, 26, 22] as const;

const VALUE_KEYS: ColKey[] = [
  "value",
  "d1",
  "q1",
  "median",
  "q3",
  "d9",
  "peerQ1",
  "peerMedian",
  "peerQ3",
];

function unitFormat(f: Formats, unit: ComparisonRow["unit"]): string {
  if (unit === "%") return f.pct;
  if (unit === "EUR") return f.eur0;
  if (unit === "EUR/hab") return f.eurHab;
  return f.dec2;
}

function unitCell(unit: ComparisonRow["unit"], v: number | null | undefined): CellValue {
  if (v === null || v === undefined) return null;
  return unit === "%" ? fraction(v) : v;
}

function percentileText(lang: Lang, p: Position | null): CellValue {
  if (p === null) return null;
  if (p.beyond === "below") return lang === "fr" ? "≤ 10" : "≤ 10";
  if (p.beyond === "above") return "≥ 90";
  return p.percentile;
}

function rowCells(lang: Lang, r: ComparisonRow): CellValue[] {
  const d = r.national?.distribution ?? null;
  const p = r.peers?.distribution ?? null;
  const values: Record<ColKey, CellValue> = {
    indicator: textCell(r.label),
    value: unitCell(r.unit, r.value),
    n: r.n,
    refGroup: r.national ? textCell(r.national.label) : null,
    refBuyers: d ? d.n : null,
    d1: unitCell(r.unit, d?.deciles[0]),
    q1: unitCell(r.unit, d?.q1),
    median: unitCell(r.unit, d?.median),
    q3: unitCell(r.unit, d?.q3),
    d9: unitCell(r.unit, d?.deciles[8]),
    quartile: r.position ? r.position.quartile : null,
    percentile: percentileText(lang, r.position),
    appraisal: r.colour ? pick(lang, COLOUR_WORDS[r.colour]) : null,
    peerN: p ? p.n : null,
    peerQ1: unitCell(r.unit, p?.q1),
    peerMedian: unitCell(r.unit, p?.median),
    peerQ3: unitCell(r.unit, p?.q3),
    peerAppraisal: r.peerColour ? pick(lang, COLOUR_WORDS[r.peerColour]) : null,
    best: textCell(r.bestQuartile),
    practice: textCell(r.bestPractice),
    na: textCell(r.na),
  };
  return COLUMNS.map((c) => values[c.key]);
}

function placeTable(
  sb: SheetBuilder,
  name: string,
  rows: ComparisonRow[]
): ReturnType<SheetBuilder["rawTable"]> {
  const lang = sb.lang;
  const columns: TableColumn[] = COLUMNS.map((c) => {
    const col: TableColumn = { key: c.key, header: pick(lang, H[c.key]), width: c.width };
    if (c.wrap) col.wrap = true;
    if (c.key === "n" || c.key === "refBuyers" || c.key === "peerN" || c.key === "quartile")
      col.numberFormat = sb.f.int;
    return col;
  });
  const cellFormats = rows.flatMap((r, i) =>
    VALUE_KEYS.map((key) => ({ row: i, key, numberFormat: unitFormat(sb.f, r.unit) }))
  );
  const placed = sb.rawTable(
    name,
    sb.cursor,
    0,
    columns,
    rows.map((r) => rowCells(lang, r)),
    "TableStyleMedium2",
    cellFormats
  );
  for (const colKey of ["appraisal", "peerAppraisal"] as const) {
    const range = placed.columnRange(colKey);
    for (const colour of Object.keys(COLOUR_WORDS) as Colour[]) {
      sb.highlightText(range, pick(lang, COLOUR_WORDS[colour]), COLOUR_STYLES[colour]);
    }
  }
  sb.cursor = placed.lastDataRow + 2;
  return placed;
}

const GROUP_TABLES: Record<KpiGroup, string> = {
  concurrence: "tblCompConcurrence",
  procedures: "tblCompProcedures",
  responsables: "tblCompResponsables",
  marches: "tblCompMarches",
};

export function buildComparaison(ctx: BuildContext, view: ComparisonView): SheetSpec {
  const sb = new SheetBuilder(ctx, "comparaison", "replace");
  const lang = ctx.lang;
  const t = (k: keyof typeof T) => pick(lang, T[k]);
  sb.tabColor = "#7030A0";
  sb.header(`${t("title")} — ${view.period.label}`, 0, 12);

  sb.section(t("buyer"), 0, 12);
  const b = view.buyer;
  const ref = view.referentiel;
  const info: [string, CellValue][] = [
    [t("name"), textCell(b.name)],
    [t("siren"), textCell(b.siren ?? "—")],
    [t("category"), textCell(b.categoryLabel)],
    [t("basis"), textCell(b.basis === null ? "—" : b.basis === "dgcl" ? "table DGCL" : b.basis)],
    [t("band"), textCell(b.bandLabel)],
    [t("population"), b.population],
    [t("contracts"), b.contracts],
    [
      t("referentiel"),
      textCell(
        ref
          ? `${ref.name} — ${ref.label}${ref.indicative ? ` (${t("indicative")})` : ""}, construit le ${ref.builtOn}`
          : t("noRef")
      ),
    ],
    [t("method"), textCell(ref ? ref.method : "")],
    [
      t("peers"),
      textCell(
        view.peers
          ? `${view.peers.count} fiche(s)${view.peers.excludedOwn > 0 ? ` (${view.peers.excludedOwn} fiche de l'acheteur écartée)` : ""} — ${view.peers.categories || "—"}`
          : t("none")
      ),
    ],
  ];
  const top = sb.cursor;
  sb.block(
    top,
    0,
    info.map(([k]) => [textCell(k)]),
    { style: "header" }
  );
  // Wrapped in their merged cells B–L (the referentiel's and the method's texts ran past them).
  sb.block(
    top,
    1,
    info.map(([, v]) => [v]),
    {
      style: "body",
      cellFormats: [
        { r: 5, c: 0, numberFormat: sb.f.int },
        { r: 6, c: 0, numberFormat: sb.f.int },
      ],
    }
  );
  for (let i = 0; i < info.length; i++) sb.merges.push({ r1: top + i, c1: 1, r2: top + i, c2: 11 });
  sb.cursor = top + info.length;
  if (ref) sb.note(`Sources : ${ref.sources}`);
  for (const n of view.notes) sb.note(n);
  sb.cursor++;

  const groups = Object.keys(GROUP_TABLES) as KpiGroup[];
  // Charts are placed below the tables, two a row inside the printed columns (beside the
  // tables, after their 21 columns, they widened the printed page).
  const charts: Omit<Parameters<SheetBuilder["chart"]>[0], "anchor">[] = [];
  for (const g of groups) {
    // Percent KPIs first, so that the chart's ranges are contiguous.
    const rows = view.rows
      .filter((r) => r.group === g)
      .sort((a, c) => Number(a.unit !== "%") - Number(c.unit !== "%"));
    if (rows.length === 0) continue;
    sb.section(pick(lang, KPI_GROUP_LABELS[g]), 0, 12);
    const placed = placeTable(sb, GROUP_TABLES[g], rows);
    const pctRows = rows.filter((r) => r.unit === "%").length;
    if (pctRows > 0) {
      const r1 = placed.firstDataRow;
      const r2 = r1 + pctRows - 1;
      const label = placed.colOf("indicator");
      const series = (["value", "q1", "median", "q3"] as const).map((k) => ({
        name: sb.ref(placed.headerRow, placed.colOf(k)),
        values: sb.ref(r1, placed.colOf(k), r2, placed.colOf(k)),
      }));
      charts.push({
        id: `comp-${g}`,
        type: "bar",
        title: `${t("chart")} — ${pick(lang, KPI_GROUP_LABELS[g])}`,
        categories: sb.ref(r1, label, r2, label),
        series,
        valueFormat: sb.f.pct,
        legend: "bottom",
      });
    }
  }
  const analysisRows = view.rows.filter((r) => r.group === "analyse");
  if (analysisRows.length > 0) {
    sb.section(t("analysis"), 0, 12);
    placeTable(sb, "tblCompAnalyse", analysisRows);
  }
  // Two charts a row: A–D (68 characters) and F–K (71 characters).
  charts.forEach((c, i) => {
    const row = sb.cursor + Math.floor(i / 2) * 15;
    const anchor =
      i % 2 === 0
        ? { row, col: 0, widthCols: 4, heightRows: 14 }
        : { row, col: 5, widthCols: 6, heightRows: 14 };
    sb.chart({ ...c, anchor });
  });
  sb.cursor += Math.ceil(charts.length / 2) * 15;

  // The fiche (key/value rows for the observatory) is kept below the printed rows.
  const ficheRow = sb.cursor;
  sb.section(t("fiche"), 0, 12);
  sb.note(t("ficheNote"));
  placeFicheTable(sb, view);
  sb.frozen = { rows: 2, cols: 1 };
  printBand(sb, COMP_PRINT_WIDTHS, { lastRow: ficheRow - 1 });
  return sb.build();
}

/** The key/value fiche table ("tblFiche"), read back by the observatory. */
export function placeFicheTable(sb: SheetBuilder, view: Pick<ComparisonView, "fiche">): void {
  const lang = sb.lang;
  const rows = ficheRows(view.fiche).map(([k, v]) => [
    textCell(k),
    typeof v === "string" ? textCell(v) : scalarCell(v),
  ]);
  const placed = sb.rawTable(
    "tblFiche",
    sb.cursor,
    0,
    [
      { key: "key", header: pick(lang, T.key), width: 34 },
      { key: "value", header: pick(lang, T.value), width: 24 },
    ],
    rows,
    "TableStyleLight9"
  );
  sb.cursor = placed.lastDataRow + 2;
}

/**
 * The Paramètres sheet says which referentiel the Comparaison sheet uses: a note block below
 * everything the Paramètres builder wrote (no input cell, so nothing is read back).
 */
export function withReferentielNote(sheet: SheetSpec, view: ComparisonView, lang: Lang): SheetSpec {
  let last = 0;
  for (const b of sheet.blocks) last = Math.max(last, b.row + b.values.length);
  for (const tb of sheet.tables) last = Math.max(last, tb.row + 1 + Math.max(1, tb.rows.length));
  const ref = view.referentiel;
  const line =
    lang === "fr"
      ? ref
        ? `Référentiel de comparaison (feuille Comparaison) : ${ref.name} — ${ref.label}${ref.indicative ? " (indicatif)" : ""}, construit le ${ref.builtOn}. Sources : ${ref.sources}.`
        : "Référentiel de comparaison (feuille Comparaison) : aucun ; seules les fiches de pairs importées sont comparées."
      : ref
        ? `Benchmark reference set (Benchmark sheet): ${ref.name} — ${ref.label}${ref.indicative ? " (indicative)" : ""}, built on ${ref.builtOn}. Sources: ${ref.sources}.`
        : "Benchmark reference set (Benchmark sheet): none; only imported peer cards are compared.";
  return {
    ...sheet,
    blocks: [...sheet.blocks, { row: last + 1, col: 0, values: [[textCell(line)]], style: "note" }],
  };
}
