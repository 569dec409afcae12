/**
 * Preview only: a generated sheet (SheetSpec) drawn as an HTML table with the spec's styles,
 * number formats and merges, and its charts as simple SVG; a source sheet drawn as its raw cells.
 * Long sheets are cut after MAX_ROWS rows (said so under the table).
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { memo, useMemo } from "react";
import type { Cell } from "../../core/model";
import { STYLES, plainValue, type CellValue, type ChartSpec, type RangeRef, type SheetKey, type SheetSpec, type StyleName } from "../../report/spec";
import type { FValue } from "./formula";
import { createValueEvaluator } from "./workbook-values";
import { columnLetters, t, type Lang } from "../i18n";
import { formatValue } from "./format";

export const MAX_ROWS = 300;

const useStyles = makeStyles({
  wrap: { overflow: "auto", flexGrow: 1, minHeight: 0, backgroundColor: "#fff", contain: "strict" },
  grid: {
    borderCollapse: "collapse",
    tableLayout: "fixed",
    fontFamily: "Calibri, 'Segoe UI', Arial, sans-serif",
    fontSize: "12px",
    "& td, & th": {
      border: "1px solid #e1e1e1",
      padding: "1px 4px",
      overflow: "hidden",
      textOverflow: "ellipsis",
      whiteSpace: "nowrap",
      verticalAlign: "bottom",
      height: "18px",
    },
    "& thead th": {
      backgroundColor: "#f3f3f3",
      color: "#605e5c",
      fontWeight: "normal",
      textAlign: "center",
      position: "sticky",
      top: 0,
      zIndex: 1,
    },
    // Row numbers are not sticky: hundreds of sticky cells would each become a compositing layer
    // and cost the UI thread a "layerize" step on every frame.
    "& tbody th": {
      backgroundColor: "#f3f3f3",
      color: "#605e5c",
      fontWeight: "normal",
      textAlign: "center",
    },
  },
  formula: { color: "#7a7574", fontStyle: "italic" },
  more: { padding: tokens.spacingVerticalS, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  charts: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, padding: tokens.spacingHorizontalM, backgroundColor: "#fafafa", borderBottom: "1px solid #e1e1e1" },
  chart: { backgroundColor: "#fff", border: "1px solid #e1e1e1", borderRadius: tokens.borderRadiusMedium },
});

interface GridCell {
  value: CellValue;
  style?: StyleName;
  format?: string;
  colSpan?: number;
  rowSpan?: number;
  covered?: boolean;
}

function buildGrid(sheet: SheetSpec): { cells: Map<string, GridCell>; rows: number; cols: number } {
  const cells = new Map<string, GridCell>();
  const key = (r: number, c: number) => `${r}:${c}`;
  const put = (r: number, c: number, patch: Partial<GridCell>) => cells.set(key(r, c), { ...(cells.get(key(r, c)) ?? { value: null }), ...patch });
  for (const b of sheet.blocks) {
    b.values.forEach((row, r) =>
      row.forEach((v, c) => put(b.row + r, b.col + c, { value: v, style: b.style, format: b.columnFormats?.[c] ?? b.numberFormat ?? undefined })),
    );
    for (const f of b.cellFormats ?? []) put(b.row + f.r, b.col + f.c, { format: f.numberFormat });
  }
  for (const tb of sheet.tables) {
    tb.columns.forEach((col, i) => put(tb.row, tb.col + i, { value: col.header, style: "header" }));
    tb.rows.forEach((row, r) => row.forEach((v, c) => put(tb.row + 1 + r, tb.col + c, { value: v, style: tb.columns[c]?.input ? "input" : undefined, format: tb.columns[c]?.numberFormat })));
    for (const f of tb.cellFormats ?? []) {
      const c = tb.columns.findIndex((x) => x.key === f.key);
      if (c >= 0) put(tb.row + 1 + f.row, tb.col + c, { format: f.numberFormat });
    }
  }
  for (const m of sheet.merges) {
    put(m.r1, m.c1, { colSpan: m.c2 - m.c1 + 1, rowSpan: m.r2 - m.r1 + 1 });
    for (let r = m.r1; r <= m.r2; r++) for (let c = m.c1; c <= m.c2; c++) if (r !== m.r1 || c !== m.c1) put(r, c, { covered: true });
  }
  let rows = 0;
  let cols = 0;
  for (const k of cells.keys()) {
    const [r, c] = k.split(":").map(Number);
    rows = Math.max(rows, r + 1);
    cols = Math.max(cols, c + 1);
  }
  return { cells, rows, cols };
}

function styleOf(name: StyleName | undefined): React.CSSProperties {
  if (!name) return {};
  const s = STYLES[name];
  return {
    fontWeight: s.bold ? 600 : undefined,
    fontStyle: s.italic ? "italic" : undefined,
    fontSize: s.fontSize ? `${Math.round(s.fontSize * 1.2)}px` : undefined,
    color: s.fontColor,
    backgroundColor: s.fill,
    border: s.border ? `1px solid ${s.border}` : undefined,
    whiteSpace: s.wrap ? "normal" : undefined,
    textAlign: s.hAlign,
  };
}

function display(lang: Lang, cell: GridCell, value: FValue | undefined): { text: string; formula: boolean; numeric: boolean } {
  const v = cell.value;
  if (value === undefined && v !== null && typeof v === "object" && "formula" in v) return { text: v.formula, formula: true, numeric: false };
  const plain = value === undefined ? plainValue(v) : value;
  return { text: formatValue(lang, plain, cell.format), formula: false, numeric: typeof plain === "number" };
}

// ---------------------------------------------------------------------------------------------
// Charts

const PALETTE = ["#2F5597", "#ED7D31", "#A5A5A5", "#FFC000", "#5B9BD5", "#70AD47", "#264478", "#9E480E"];

/** The cells (value and number format) of a range of any generated sheet. */
export type Resolver = (ref: RangeRef) => GridCell[];

function numbers(cells: GridCell[]): number[] {
  return cells.map((cell) => {
    const p = plainValue(cell.value);
    return typeof p === "number" && Number.isFinite(p) ? p : 0;
  });
}

function labels(lang: Lang, cells: GridCell[]): string[] {
  return cells.map((cell) => {
    const p = plainValue(cell.value);
    return typeof p === "number" ? formatValue(lang, p, cell.format) : p === null ? "" : String(p);
  });
}

function short(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

export function ChartView({ lang, chart, resolve }: { lang: Lang; chart: ChartSpec; resolve: Resolver }) {
  const W = 380;
  const H = 230;
  const pad = { l: 36, r: 12, t: 28, b: 46 };
  const cats = chart.categories ? labels(lang, resolve(chart.categories)) : [];
  const series = chart.series.map((s) => ({ ...s, data: numbers(resolve(s.values)), label: typeof s.name === "string" ? s.name : String(plainValue(resolve(s.name)[0]?.value ?? null) ?? "") }));
  const n = Math.max(cats.length, ...series.map((s) => s.data.length), 0);
  const title = (
    <text x={W / 2} y={16} textAnchor="middle" fontSize="12" fontWeight="600" fill="#1F3864">
      {short(chart.title, 56)}
    </text>
  );
  if (n === 0) {
    return (
      <svg width={W} height={H} role="img" aria-label={chart.title}>
        {title}
      </svg>
    );
  }
  if (chart.type === "pie" || chart.type === "doughnut") {
    const data = series[0]?.data ?? [];
    const total = data.reduce((a, b) => a + Math.max(0, b), 0) || 1;
    let angle = -Math.PI / 2;
    const cx = 110;
    const cy = H / 2 + 10;
    const r = 78;
    return (
      <svg width={W} height={H} role="img" aria-label={chart.title}>
        {title}
        {data.map((v, i) => {
          const a = (Math.max(0, v) / total) * Math.PI * 2;
          const x1 = cx + r * Math.cos(angle);
          const y1 = cy + r * Math.sin(angle);
          angle += a;
          const x2 = cx + r * Math.cos(angle);
          const y2 = cy + r * Math.sin(angle);
          const d = a >= Math.PI * 2 - 1e-6 ? `M ${cx - r} ${cy} a ${r} ${r} 0 1 0 ${2 * r} 0 a ${r} ${r} 0 1 0 ${-2 * r} 0` : `M ${cx} ${cy} L ${x1} ${y1} A ${r} ${r} 0 ${a > Math.PI ? 1 : 0} 1 ${x2} ${y2} Z`;
          return <path key={i} d={d} fill={PALETTE[i % PALETTE.length]} stroke="#fff" />;
        })}
        {chart.type === "doughnut" && <circle cx={cx} cy={cy} r={r * 0.55} fill="#fff" />}
        {cats.slice(0, 8).map((c, i) => (
          <g key={i} transform={`translate(205, ${40 + i * 20})`}>
            <rect width="10" height="10" fill={PALETTE[i % PALETTE.length]} />
            <text x="14" y="9" fontSize="10" fill="#333">
              {short(c, 26)}
            </text>
          </g>
        ))}
      </svg>
    );
  }
  if (chart.type === "radar") {
    const data = series[0]?.data ?? [];
    const max = Math.max(1, ...data);
    const cx = W / 2;
    const cy = H / 2 + 10;
    const r = 80;
    const pt = (i: number, v: number) => {
      const a = -Math.PI / 2 + (i / n) * Math.PI * 2;
      return [cx + (r * v * Math.cos(a)) / max, cy + (r * v * Math.sin(a)) / max];
    };
    return (
      <svg width={W} height={H} role="img" aria-label={chart.title}>
        {title}
        <polygon points={Array.from({ length: n }, (_, i) => pt(i, max).join(",")).join(" ")} fill="none" stroke="#ccc" />
        <polygon points={data.map((v, i) => pt(i, v).join(",")).join(" ")} fill="rgba(47,85,151,0.3)" stroke="#2F5597" />
        {cats.map((c, i) => {
          const [x, y] = pt(i, max * 1.18);
          return (
            <text key={i} x={x} y={y} fontSize="9" textAnchor="middle" fill="#333">
              {short(c, 18)}
            </text>
          );
        })}
      </svg>
    );
  }
  const primary = series.filter((s) => s.axis !== "secondary");
  const secondary = series.filter((s) => s.axis === "secondary");
  const max = Math.max(1, ...primary.flatMap((s) => s.data));
  const min = Math.min(0, ...primary.flatMap((s) => s.data));
  const plotW = W - pad.l - pad.r;
  const plotH = H - pad.t - pad.b;
  const y = (v: number) => pad.t + plotH - ((v - min) / (max - min || 1)) * plotH;
  const step = plotW / n;
  const bars = primary.filter((s) => chart.type !== "line" && s.as !== "line");
  const lines = [...primary.filter((s) => chart.type === "line" || s.as === "line"), ...secondary];
  const secMax = Math.max(1, ...secondary.flatMap((s) => s.data));
  return (
    <svg width={W} height={H} role="img" aria-label={chart.title}>
      {title}
      <line x1={pad.l} x2={W - pad.r} y1={y(0)} y2={y(0)} stroke="#999" />
      <text x={pad.l - 4} y={pad.t + 8} fontSize="9" textAnchor="end" fill="#666">
        {formatValue(lang, max, chart.valueFormat?.includes("%") ? chart.valueFormat : "#,##0")}
      </text>
      {bars.map((s, si) =>
        s.data.map((v, i) => {
          const bw = (step * 0.8) / bars.length;
          const x = pad.l + i * step + step * 0.1 + si * bw;
          return <rect key={`${si}-${i}`} x={x} width={Math.max(1, bw - 1)} y={Math.min(y(v), y(0))} height={Math.abs(y(v) - y(0))} fill={PALETTE[si % PALETTE.length]} />;
        }),
      )}
      {lines.map((s, si) => {
        const isSec = s.axis === "secondary";
        const yy = (v: number) => (isSec ? pad.t + plotH - (v / secMax) * plotH : y(v));
        return (
          <polyline
            key={`l${si}`}
            fill="none"
            stroke={PALETTE[(bars.length + si) % PALETTE.length]}
            strokeWidth="2"
            points={s.data.map((v, i) => `${pad.l + i * step + step / 2},${yy(v)}`).join(" ")}
          />
        );
      })}
      {cats.map((c, i) =>
        n <= 14 || i % Math.ceil(n / 12) === 0 ? (
          <text key={i} x={pad.l + i * step + step / 2} y={H - pad.b + 12} fontSize="8" textAnchor="end" transform={`rotate(-35 ${pad.l + i * step + step / 2} ${H - pad.b + 12})`} fill="#444">
            {short(c, 14)}
          </text>
        ) : null,
      )}
    </svg>
  );
}

// ---------------------------------------------------------------------------------------------
// Sheets

export interface SheetViewProps {
  lang: Lang;
  /** A generated sheet, or null for a source sheet (then `raw` is drawn). */
  spec: SheetSpec | null;
  raw?: Cell[][] | null;
  /** Number formats of the raw sheet's columns (dates, amounts), below `rawHeaderRow`. */
  rawFormats?: (string | undefined)[];
  rawHeaderRow?: number;
  /** Other generated sheets (charts and formulas may read any sheet). Stable across renders. */
  lookup: SheetLookup;
  /** An internal hyperlink was clicked (issue #12): show that sheet. */
  onFollowLink?: (sheet: SheetKey) => void;
}

export interface SheetLookup {
  byKey(key: SheetKey): SheetSpec | null;
  byName(name: string): SheetSpec | null;
}

/** Cell values of generated sheets with their formulas computed (workbook-values.ts). */
function evaluator(current: SheetSpec, currentGrid: ReturnType<typeof buildGrid>, lookup: SheetLookup) {
  const grids = new Map<SheetSpec, ReturnType<typeof buildGrid>>([[current, currentGrid]]);
  const values = createValueEvaluator(lookup);
  const gridOf = (spec: SheetSpec) => {
    let g = grids.get(spec);
    if (!g) {
      g = buildGrid(spec);
      grids.set(spec, g);
    }
    return g;
  };
  return {
    /** Value of a grid cell of any sheet, formulas computed (undefined: cannot compute). */
    cellValue(spec: SheetSpec, cell: GridCell): FValue | undefined {
      const raw = cell.value;
      if (raw !== null && typeof raw === "object" && "formula" in raw) return values.formulaValue(spec, raw.formula);
      return plainValue(raw);
    },
    gridOf,
  };
}

export const SheetView = memo(function SheetView({ lang, spec, raw, rawFormats, rawHeaderRow, lookup, onFollowLink }: SheetViewProps) {
  const styles = useStyles();
  const grid = useMemo(() => (spec ? buildGrid(spec) : null), [spec]);
  const ev = useMemo(() => (spec && grid ? evaluator(spec, grid, lookup) : null), [spec, grid, lookup]);
  const resolve = useMemo<Resolver>(
    () => (ref) => {
      const s = ref.sheet === spec?.key ? spec : lookup.byKey(ref.sheet);
      const out: GridCell[] = [];
      if (!s || !ev) return out;
      const cells = ev.gridOf(s).cells;
      for (let r = ref.range.r1; r <= ref.range.r2; r++)
        for (let c = ref.range.c1; c <= ref.range.c2; c++) {
          const cell = cells.get(`${r}:${c}`) ?? { value: null };
          out.push({ ...cell, value: ev.cellValue(s, cell) ?? null });
        }
      return out;
    },
    [lookup, spec, ev],
  );

  if (!spec) {
    const rows = raw ?? [];
    const cols = rows.slice(0, MAX_ROWS).reduce((m, r) => Math.max(m, r.length), 0);
    if (rows.length === 0) return <div className={styles.more}>{t(lang, "previewEmptySheet")}</div>;
    const headerRow = rawHeaderRow ?? -1;
    return (
      <div className={styles.wrap} data-testid="sheet-view">
        <table className={styles.grid} style={{ width: 40 + cols * 120 }}>
          <colgroup>
            <col style={{ width: 40 }} />
            {Array.from({ length: cols }, (_, c) => (
              <col key={c} style={{ width: 120 }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th />
              {Array.from({ length: cols }, (_, c) => (
                <th key={c}>{columnLetters(c)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, MAX_ROWS).map((row, r) => (
              <tr key={r}>
                <th>{r + 1}</th>
                {Array.from({ length: cols }, (_, c) => {
                  const v = row[c];
                  const text = v === null || v === undefined ? "" : typeof v === "number" ? formatValue(lang, v, r > headerRow ? rawFormats?.[c] : undefined) : String(v);
                  return (
                    <td key={c} style={{ textAlign: typeof v === "number" ? "right" : undefined, fontWeight: r === headerRow ? 600 : undefined, backgroundColor: r === headerRow ? "#DDEBF7" : undefined }} title={text.length > 16 ? text : undefined}>
                      {text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length > MAX_ROWS && <div className={styles.more}>{t(lang, "previewMoreRows", { n: rows.length - MAX_ROWS })}</div>}
      </div>
    );
  }

  const g = grid!;
  const widths = new Map(spec.columnWidths.map((w) => [w.col, w.width] as const));
  // Hidden columns (the plan's row keys) are not shown, as in Excel.
  const hidden = new Set(spec.columnWidths.filter((w) => w.hidden).map((w) => w.col));
  const visibleCols = Array.from({ length: g.cols }, (_, c) => c).filter((c) => !hidden.has(c));
  const span = (c: number, n: number | undefined) => {
    if (n === undefined || n <= 1) return n;
    let k = 0;
    for (let x = c; x < c + n; x++) if (!hidden.has(x)) k++;
    return Math.max(1, k);
  };
  const links = new Map((spec.links ?? []).map((l) => [`${l.row}:${l.col}`, l] as const));
  const shownRows = Math.min(g.rows, MAX_ROWS);
  return (
    <div className={styles.wrap} data-testid="sheet-view" data-sheet-key={spec.key}>
      {spec.charts.length > 0 && (
        <div className={styles.charts} aria-label={t(lang, "previewCharts")}>
          {spec.charts.map((c) => (
            <div key={c.id} className={styles.chart}>
              <ChartView lang={lang} chart={c} resolve={resolve} />
            </div>
          ))}
        </div>
      )}
      <table className={styles.grid} aria-label={spec.name}>
        <colgroup>
          <col style={{ width: 40 }} />
          {visibleCols.map((c) => (
            <col key={c} style={{ width: Math.round((widths.get(c) ?? 10) * 7 + 10) }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th />
            {visibleCols.map((c) => (
              <th key={c}>{columnLetters(c)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: shownRows }, (_, r) => (
            <tr key={r}>
              <th>{r + 1}</th>
              {visibleCols.map((c) => {
                const cell = g.cells.get(`${r}:${c}`);
                if (cell?.covered) return null;
                if (!cell) return <td key={c} />;
                const d = display(lang, cell, ev?.cellValue(spec, cell));
                const link = links.get(`${r}:${c}`);
                return (
                  <td
                    key={c}
                    colSpan={span(c, cell.colSpan)}
                    rowSpan={cell.rowSpan}
                    className={d.formula ? styles.formula : undefined}
                    style={{ ...styleOf(cell.style), textAlign: styleOf(cell.style).textAlign ?? (d.numeric ? "right" : undefined) }}
                    title={link?.tip ?? (d.text.length > 20 ? d.text : undefined)}
                  >
                    {link && onFollowLink ? (
                      <a
                        href={`#${link.target.sheet}`}
                        data-link-sheet={link.target.sheet}
                        onClick={(e) => {
                          e.preventDefault();
                          onFollowLink(link.target.sheet);
                        }}
                      >
                        {d.text}
                      </a>
                    ) : (
                      d.text
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {g.rows > MAX_ROWS && <div className={styles.more}>{t(lang, "previewMoreRows", { n: g.rows - MAX_ROWS })}</div>}
    </div>
  );
});
