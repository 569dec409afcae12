/**
 * The dashboard laid out as a dashboard (issue #12, item 2): a tile grid in its own columns of
 * equal width, tables in their own columns, N/D indicators grouped in one « Pour aller plus
 * loin » box saying what unlocks each, the signed SP6 format, and links from every tile.
 */
import { indicator, analyse } from "../../src/core/analyse";
import { yearPeriod } from "../../src/core/period";
import { writtenCells, cellKey } from "../../src/report/grid";
import { DATA_COL, GRID_COLS, GRID_WIDTH, signedPctFormat } from "../../src/report/sheets/dashboard";
import { DASHBOARD_TILES } from "../../src/report/sheets/tiles";
import { plainValue, type SheetSpec, type WorkbookSpec } from "../../src/report/spec";
import { buildWorkbookSpec } from "../../src/report/workbook";
import { formatValue } from "../../src/taskpane/preview/format";
import { fr } from "../helpers/messages";
import { contract, intakeOf } from "../helpers/fixtures";
import { fam, richAnalysis, spendOnlyAnalysis } from "./fixture";

const OPTIONS = { runDate: "2026-01-15", sources: ["Mandats", "Marches"] };

function dashboardOf(spec: WorkbookSpec): SheetSpec {
  return spec.sheets.find((s) => s.key === "dashboard")!;
}

/** Text of the block whose top-left cell is (row, col), or undefined. */
function textAt(s: SheetSpec, row: number, col: number): string | undefined {
  const b = s.blocks.find((x) => x.row === row && x.col === col);
  const v = b ? plainValue(b.values[0][0]) : undefined;
  return typeof v === "string" ? v : undefined;
}

/** The « Pour aller plus loin » lines: id → text of the unlock cell beside it. */
function furtherLines(s: SheetSpec): Map<string, string> {
  const out = new Map<string, string>();
  for (const b of s.blocks) {
    const id = /^([A-Z]{2}\d) · /.exec(String(plainValue(b.values[0][0])));
    if (b.style !== "boxTitle" || !id) continue;
    const right = s.blocks.find((x) => x.row === b.row && x.col > b.col && x.style === "box");
    out.set(id[1], String(right ? plainValue(right.values[0][0]) : ""));
  }
  return out;
}

/** Tiles: a kpi* title with its kpi*Big value right below; id from the link line 3 rows down. */
function tiles(s: SheetSpec): { row: number; col: number; id: string; width: number }[] {
  return s.blocks
    .filter((b) => b.style?.startsWith("kpi") && !b.style.endsWith("Big") && s.blocks.some((v) => v.row === b.row + 1 && v.col === b.col && v.style === `${b.style}Big`))
    .map((b) => ({ row: b.row, col: b.col, width: b.values[0].length, id: (textAt(s, b.row + 3, b.col) ?? "").split(" ")[0] }));
}

const rich = buildWorkbookSpec(richAnalysis(), OPTIONS);
const spendOnly = buildWorkbookSpec(spendOnlyAnalysis(), OPTIONS);

/**
 * Contracts only (no spend line): two contracts of 2025, both competitive with their bids and
 * considerations given. Every spend-based tile (SP1, SP4, SP5, PF1, PF8, MU1, MU3, TE1) is N/D.
 */
function contractsOnlyAnalysis() {
  const info = fam("F:INFO", "Informatique");
  return analyse(
    intakeOf({
      contracts: [
        contract({ source: { table: "Marches", row: 2 }, contractRef: "M-1", amount: 100000, bidsReceived: 3, procedure: "Appel d'offres ouvert", environmentalConsideration: true, socialConsideration: false, sme: true, durationMonths: 12, notified: "2025-03-01", family: info, supplierName: "Alpha" }),
        contract({ source: { table: "Marches", row: 3 }, contractRef: "M-2", amount: 50000, bidsReceived: 1, procedure: "Procédure adaptée", environmentalConsideration: false, socialConsideration: true, sme: false, durationMonths: 24, notified: "2025-05-01", family: info, supplierName: "Beta" }),
      ],
    }),
    { period: yearPeriod(2025) }
  );
}

describe("tile grid", () => {
  test("the grid's columns A–L all have the same width; the tiles are 3 grid columns wide and stay in the grid", () => {
    const d = dashboardOf(rich);
    const widths = new Map(d.columnWidths.map((w) => [w.col, w.width]));
    for (let c = 0; c < GRID_COLS; c++) expect(widths.get(c)).toBe(GRID_WIDTH);
    const t = tiles(d);
    expect(t.length).toBeGreaterThan(8);
    for (const x of t) {
      expect(x.width).toBe(3);
      expect(x.col % 3).toBe(0);
      expect(x.col + x.width).toBeLessThanOrEqual(GRID_COLS);
    }
    // Four tiles a row.
    expect(new Set(t.map((x) => x.col))).toEqual(new Set([0, 3, 6, 9]));
  });

  test("tiles no longer share columns with the tables: every dashboard table starts right of the grid", () => {
    const d = dashboardOf(rich);
    expect(d.tables.length).toBeGreaterThan(4);
    for (const t of d.tables) expect(t.col).toBeGreaterThanOrEqual(DATA_COL);
    // Charts are in view: in the grid, not at column J off screen with the tables.
    for (const ch of d.charts) expect(ch.anchor.col + ch.anchor.widthCols).toBeLessThanOrEqual(GRID_COLS);
    // And the print area is the grid only, landscape.
    expect(d.print!.area.c2).toBe(GRID_COLS - 1);
    expect(d.print!.orientation).toBe("landscape");
  });

  test("a tile: short French title, the big value in the status colour, the reference, then the id in small type", () => {
    const d = dashboardOf(rich);
    const pf3 = tiles(d).find((x) => x.id === "PF3")!;
    expect(textAt(d, pf3.row, pf3.col)).toBe("Offre unique");
    const value = d.blocks.find((b) => b.row === pf3.row + 1 && b.col === pf3.col)!;
    // The rich fixture: competitive contracts with bids M-X (1 bid) and M-Y (3 bids): 1 / 2 = 50 %.
    expect(value.values[0][0]).toBe(0.5);
    expect(value.style).toMatch(/^kpi(Good|Watch|Alert)Big$/);
    expect(textAt(d, pf3.row + 2, pf3.col)).toContain("Réf.");
    expect(textAt(d, pf3.row + 3, pf3.col)).toMatch(/^PF3 · fiche/);
    expect(d.blocks.find((b) => b.row === pf3.row + 3 && b.col === pf3.col)!.style).toBe("link");
  });

  test("the tile list is data: one line per tile, ids unique", () => {
    const ids = DASHBOARD_TILES.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(18);
  });
});

describe("« Pour aller plus loin »", () => {
  test("spend only: the contract-based indicators are not tiles but lines of the box, each saying which table or column unlocks it", () => {
    const d = dashboardOf(spendOnly);
    const a = spendOnlyAnalysis();
    const lines = furtherLines(d);
    const shown = new Set(tiles(d).map((x) => x.id));
    // No contract register: PF2, PF3, PF7, RE1, RE2, RE3 cannot be computed; no payment dates: PF8;
    // no population: TE1; no 2024 line: SP6.
    for (const id of ["PF2", "PF3", "PF7", "RE1", "RE2", "RE3", "PF8", "TE1", "SP6"]) {
      expect(indicator(a, id).value).toBeNull();
      expect(shown.has(id)).toBe(false);
      expect(lines.get(id)).toContain(fr(indicator(a, id).na));
    }
    expect(lines.get("PF3")).toMatch(/registre des marchés/i);
    expect(lines.get("RE1")).toMatch(/registre des marchés/i);
    expect(lines.get("PF8")).toContain("date de paiement");
    expect(lines.get("TE1")).toContain("population");
    expect(lines.get("SP6")).toContain("année précédente");
    // The spend total is computed: a tile, not a box line.
    expect(shown.has("SP1")).toBe(true);
    expect(lines.has("SP1")).toBe(false);
    // Every tile of the list is either shown or in the box (the CO* tile stands for CO1–CO6).
    const covered = DASHBOARD_TILES.filter((t) => t.id !== "CO*").every((t) => shown.has(t.id) !== lines.has(t.id));
    expect(covered).toBe(true);
  });

  test("contracts only: the spend-based indicators are in the box, asking for the payments; the contract tiles are shown", () => {
    const a = contractsOnlyAnalysis();
    const d = dashboardOf(buildWorkbookSpec(a, OPTIONS));
    const lines = furtherLines(d);
    const shown = new Set(tiles(d).map((x) => x.id));
    // Contracts only (issue #11 §1): the spend total is the awarded value, 100 000 + 50 000 €,
    // a tile; spend under contract (PF1) needs payments: a box line asking for them.
    expect(indicator(a, "SP1").value).toBe(150000);
    expect(indicator(a, "SP1").basis).toBe("awarded");
    expect(shown.has("SP1")).toBe(true);
    expect(indicator(a, "PF1").value).toBeNull();
    expect(lines.get("PF1")).toMatch(/mandats/i);
    // PF3: one single-bid contract (M-2) of two competitive ones with bids: 50 %.
    expect(indicator(a, "PF3").value).toBe(50);
    expect(shown.has("PF3")).toBe(true);
    expect(lines.has("PF3")).toBe(false);
  });

  test("no box when every tile is computed", () => {
    const d = dashboardOf(rich);
    const rows = d.blocks.filter((b) => b.style === "boxTitle");
    const a = richAnalysis();
    const na = DASHBOARD_TILES.filter((t) => t.id !== "CO*" && indicator(a, t.id).value === null);
    // Title line + one line per N/D tile, or nothing at all.
    expect(rows.length).toBe(na.length === 0 ? 0 : na.length + 1);
  });
});

describe("SP6 sign", () => {
  test("the SP6 tile shows « + » for a rise and « − » for a fall, French format", () => {
    const d = dashboardOf(rich);
    const sp6 = tiles(d).find((x) => x.id === "SP6");
    const format = signedPctFormat("fr");
    if (sp6) expect(d.blocks.find((b) => b.row === sp6.row + 1 && b.col === sp6.col)!.numberFormat).toBe(format);
    expect(formatValue("fr", 0.082, format)).toBe("+8,2 %");
    expect(formatValue("fr", -0.023, format)).toBe("−2,3 %");
    expect(formatValue("fr", 0, format)).toBe("0,0 %");
  });
});

describe("links", () => {
  test("every tile links to its card on the Indicateurs sheet (the row holding its id) and to its detail lines", () => {
    for (const spec of [rich, spendOnly]) {
      const d = dashboardOf(spec);
      const links = d.links ?? [];
      const ind = spec.sheets.find((s) => s.key === "indicateurs")!;
      const cells = writtenCells(ind);
      for (const t of tiles(d).filter((x) => !x.id.startsWith("CO1–"))) {
        const card = links.find((l) => l.row === t.row + 3 && l.col === t.col)!;
        expect(card.target.sheet).toBe("indicateurs");
        const id = cells.get(cellKey(card.target.range.r1, card.target.range.c1));
        expect(plainValue(id ?? null)).toBe(t.id);
        const detail = links.find((l) => l.row === t.row + 3 && l.col === t.col + 2)!;
        expect(spec.sheets.some((s) => s.key === detail.target.sheet)).toBe(true);
      }
    }
  });

  test("the late-payments tile (PF8) opens the Conformité sheet, where its late invoices are listed", () => {
    const d = dashboardOf(rich);
    const t = tiles(d).find((x) => x.id === "PF8")!;
    const detail = (d.links ?? []).find((l) => l.row === t.row + 3 && l.col === t.col + 2)!;
    expect(detail.target.sheet).toBe("conformite");
  });

  test("every indicator id of a summary table and every CO section title opens that indicator's card", () => {
    const ind = rich.sheets.find((s) => s.key === "indicateurs")!;
    const cards = writtenCells(ind);
    let checked = 0;
    // The Sommaire links to the sheet itself, not to a card.
    for (const s of rich.sheets.filter((x) => x.key !== "sommaire")) {
      const cells = writtenCells(s);
      for (const l of (s.links ?? []).filter((x) => x.target.sheet === "indicateurs")) {
        // The link's own text starts with the id (« PF3 », « CO1 · Fractionnement… », « PF3 · fiche › »).
        const id = /^[A-Z]{2}\d/.exec(String(plainValue(cells.get(cellKey(l.row, l.col)) ?? null)))?.[0];
        expect(id).toBeDefined();
        expect(plainValue(cards.get(cellKey(l.target.range.r1, 0)) ?? null)).toBe(id);
        checked++;
      }
    }
    // Conformité: its synthesis table (CO1–CO6), the five CO sections and the PF4, PF6 and PF8
    // sections (issue #10: their signals are listed there) link to their cards.
    const conf = rich.sheets.find((s) => s.key === "conformite")!;
    const confLinks = (conf.links ?? []).filter((x) => x.target.sheet === "indicateurs");
    expect(confLinks.length).toBe(6 + 5 + 3);
    expect(checked).toBeGreaterThan(confLinks.length);
  });

  test("every link of every sheet targets a sheet of the workbook and a cell it writes", () => {
    for (const spec of [rich, spendOnly]) {
      for (const s of spec.sheets) {
        for (const l of s.links ?? []) {
          const target = spec.sheets.find((x) => x.key === l.target.sheet);
          expect(target).toBeDefined();
          const cells = writtenCells(target!);
          const r = l.target.range;
          expect({ sheet: s.key, to: target!.key, r: r.r1, c: r.c1, written: cells.has(cellKey(r.r1, r.c1)) }).toEqual({ sheet: s.key, to: target!.key, r: r.r1, c: r.c1, written: true });
          // The link's own cell holds its text.
          expect(writtenCells(s).has(cellKey(l.row, l.col))).toBe(true);
        }
      }
    }
  });
});
