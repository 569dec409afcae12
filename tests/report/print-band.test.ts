/**
 * The sheets printed over a band of columns (like the Conformité and the Plan stratégique,
 * issue #12): Achats responsables, Mutualisation, Analyse fournisseurs, Cartographie,
 * Indicateurs, Historique, Comparaison and Diagnostic 360 (B–H). An A4 landscape page holds about 145 characters of
 * Calibri 11 at 100 % (29.7 cm − 2 × 0.4 in of margins ≈ 10.9 in, against 7.5 in for
 * PORTRAIT_CHARS = 100): printed columns summing to at most 200 characters keep the scale ≥
 * 145 / 200 ≈ 72 % (body text ≈ 8 pt). Before, each of these sheets printed every written column
 * (demo: Achats responsables 476 characters, Mutualisation 436, Comparaison 432, Historique 764,
 * Indicateurs 303, Cartographie 278, Analyse fournisseurs 240, Diagnostic 360 210) and a long note
 * ran on one line.
 */
import { buildComparison } from "../../src/core/peers/comparison";
import { decodeDgcl } from "../../src/core/peers/dgcl";
import { parseReferentiel } from "../../src/core/peers/referentiel";
import { DGCL_2023_DATA, DGCL_2023_SOURCE } from "../../src/core/reference/data/dgcl-epcicom-2023";
import defaultRef from "../../src/core/reference/data/referentiel-default.json";

import { DEFAULT_COLUMN_WIDTH, LONG_TABLE_ROWS } from "../../src/report/print";
import type { SheetKey, SheetSpec, WorkbookSpec } from "../../src/report/spec";
import { plainValue, STYLES } from "../../src/report/spec";
import { validateWorkbookSpec } from "../../src/report/validate";
import { buildWorkbookSpec } from "../../src/report/workbook";
import { analyse } from "../../src/core/analyse";
import { parsePeriod } from "../../src/core/period";
import { demoAnalysis, RUN } from "../file/xlsx-writer-helpers";
import { contract, intakeOf } from "../helpers/fixtures";
import { richAnalysis } from "./fixture";

const OPTIONS = { runDate: "2026-01-15", sources: ["Mandats", "Marches"] };
const BANDED: SheetKey[] = [
  "responsable",
  "mutualisation",
  "fournisseurs",
  "cartographie",
  "indicateurs",
  "historique",
  "comparaison",
  "diagnostic",
];

/** The Comparaison sheet needs contracts of a known buyer: Croix's four (tests/report/comparaison.test.ts). */
function croixWithComparison(lang: "fr" | "en"): WorkbookSpec {
  const contracts = [1, 2, 3, 4].map((i) =>
    contract({
      contractRef: `M${i}`,
      entity: "Ville de Croix",
      entityId: "21590163800019",
      notificationDate: 18_400 + i,
      procedure: i === 4 ? "Appel d'offres ouvert" : "Procédure adaptée",
      amountCents: 5_000_000 * i,
    })
  );
  const analysis = analyse(intakeOf({ contracts }), { period: parsePeriod("2020") });
  const view = buildComparison({
    contracts,
    period: analysis.period,
    indicators: analysis.indicators,
    referentiel: parseReferentiel(defaultRef),
    referentielName: "défaut",
    dgcl: decodeDgcl(DGCL_2023_DATA, DGCL_2023_SOURCE),
    peers: [],
    runDate: "2026-12-01",
    producer: "test",
  });
  return buildWorkbookSpec(analysis, {
    runDate: "2026-12-01",
    sources: ["t"],
    lang,
    comparison: view,
  });
}

const demo = demoAnalysis();
const specs: [string, WorkbookSpec][] = [
  ["demo", buildWorkbookSpec(demo, RUN)],
  ["demo, English", buildWorkbookSpec(demo, { ...RUN, lang: "en" })],
  ["fixture", buildWorkbookSpec(richAnalysis(), OPTIONS)],
  ["contracts with a comparison", croixWithComparison("fr")],
  ["contracts with a comparison, English", croixWithComparison("en")],
];

const width = (s: SheetSpec, c: number) => {
  const w = s.columnWidths.find((x) => x.col === c);
  return w?.hidden ? 0 : (w?.width ?? DEFAULT_COLUMN_WIDTH);
};

/** Width in characters of the columns that print: inside the print area and not hidden. */
function printedWidth(s: SheetSpec): number {
  let total = 0;
  for (let c = s.print!.area.c1; c <= s.print!.area.c2; c++) total += width(s, c);
  return total;
}

const textOf = (v: unknown) => {
  const p = plainValue(v as never);
  return typeof p === "string" ? p : null;
};

test("the cases hold every banded sheet and are valid specs", () => {
  const keys = new Set(specs.flatMap(([, spec]) => spec.sheets.map((s) => s.key)));
  for (const k of BANDED) expect(keys).toContain(k);
  for (const [, spec] of specs) expect(validateWorkbookSpec(spec)).toEqual([]);
});

describe.each(specs)("print band (%s)", (_name, spec) => {
  const sheets = spec.sheets.filter((s) => BANDED.includes(s.key));

  test.each(sheets.map((s) => [s.key, s] as const))(
    "%s: A4 landscape, one page wide, printed columns ≤ 200 characters",
    (_k, s) => {
      expect(s.print).toMatchObject({ orientation: "landscape", fitToWidth: 1 });
      expect(printedWidth(s)).toBeLessThanOrEqual(200);
      // Not a degenerate band either: a summary table needs its label and a few figures.
      expect(printedWidth(s)).toBeGreaterThanOrEqual(100);
    }
  );

  test.each(sheets.map((s) => [s.key, s] as const))(
    "%s: a long note is merged and wrapped across the printed columns, never past them",
    (_k, s) => {
      const area = s.print!.area;
      let checked = 0;
      for (const b of s.blocks) {
        if (b.row > area.r2 || b.col > area.c2 || b.values.length !== 1) continue;
        const t = textOf(b.values[0][0]);
        if (t === null || (b.style !== "note" && b.style !== "noteWrap")) continue;
        if (t.length <= width(s, b.col)) continue;
        checked++;
        const merge = s.merges.find((m) => m.r1 === b.row && m.c1 === b.col);
        expect({
          note: t.slice(0, 40),
          style: b.style,
          wrap: STYLES[b.style!].wrap,
          lastCol: merge?.c2,
        }).toEqual({
          note: t.slice(0, 40),
          style: "noteWrap",
          wrap: true,
          lastCol: area.c2,
        });
      }
      // Every one of these sheets has at least its stamp; the notes below are counted when long.
      const stamp = s.blocks.find((b) => b.row === 1 && b.style === "stampWrap")!;
      expect(s.merges.find((m) => m.r1 === 1 && m.c1 === stamp.col)?.c2).toBe(area.c2);
      // The demo's sheets have long notes (MU5's formula, AGEC's rules, the Historique's…).
      if (_name.startsWith("demo") && s.key !== "comparaison" && s.key !== "fournisseurs")
        expect(checked).toBeGreaterThan(0);
    }
  );

  test.each(sheets.map((s) => [s.key, s] as const))(
    "%s: no merged bar and no chart of the printed rows runs past the printed columns",
    (_k, s) => {
      const area = s.print!.area;
      for (const m of s.merges)
        if (m.r1 <= area.r2)
          expect({ row: m.r1, c2: m.c2 <= area.c2 }).toEqual({ row: m.r1, c2: true });
      for (const c of s.charts)
        if (c.anchor.row <= area.r2)
          expect({ chart: c.id, inside: c.anchor.col + c.anchor.widthCols - 1 <= area.c2 }).toEqual(
            { chart: c.id, inside: true }
          );
    }
  );

  test.each(sheets.map((s) => [s.key, s] as const))(
    "%s: text columns wrap inside the band, detail columns after it do not",
    (_k, s) => {
      const area = s.print!.area;
      for (const t of s.tables) {
        if (t.row > area.r2) continue;
        // The first column names the row: always printed.
        expect({ table: t.name, first: t.col <= area.c2 }).toEqual({ table: t.name, first: true });
        t.columns.forEach((c, i) => {
          if (t.col + i > area.c2)
            expect({ table: t.name, key: c.key, wrap: c.wrap ?? false }).toEqual({
              table: t.name,
              key: c.key,
              wrap: false,
            });
        });
      }
    }
  );
});

describe("long detail tables print neither shrunk nor on pages of lines", () => {
  const sheet = (key: SheetKey) => specs[0][1].sheets.find((s) => s.key === key)!;

  test("Achats responsables: the AGEC unclassified lines are kept below the printed rows, under their own section", () => {
    const s = sheet("responsable");
    const t = s.tables.find((x) => x.name === "tblRespAGECNonClassees")!;
    // The demo has unclassified AGEC lines (the note gives their count).
    expect(t.rows.length).toBeGreaterThan(LONG_TABLE_ROWS);
    expect(t.row).toBeGreaterThan(s.print!.area.r2);
    const section = s.blocks.find((b) => b.row === s.print!.area.r2 + 1)!;
    expect(section.style).toBe("section");
    expect(textOf(section.values[0][0])).toContain("hors impression");
    // Every other table prints in full.
    for (const o of s.tables)
      if (o !== t) expect(o.row + o.rows.length).toBeLessThanOrEqual(s.print!.area.r2);
    // The printed AGEC note says where the detail is.
    expect(
      s.blocks.some(
        (b) =>
          b.row <= s.print!.area.r2 &&
          /^Le détail \(\d+ lignes\) est en bas de la feuille/.test(textOf(b.values[0][0]) ?? "")
      )
    ).toBe(true);
  });

  test("Mutualisation: a shared-suppliers list longer than 25 rows is kept below the printed rows", () => {
    const s = sheet("mutualisation");
    const t = s.tables.find((x) => x.name === "tblMutuFournisseursCommuns")!;
    expect(t.rows.length).toBeGreaterThan(LONG_TABLE_ROWS);
    expect(t.row).toBeGreaterThan(s.print!.area.r2);
    // The fixture's short list prints where it is.
    const f = specs[2][1].sheets.find((x) => x.key === "mutualisation")!;
    const short = f.tables.find((x) => x.name === "tblMutuFournisseursCommuns")!;
    expect(short.rows.length).toBeLessThanOrEqual(LONG_TABLE_ROWS);
    expect(short.row + short.rows.length).toBeLessThanOrEqual(f.print!.area.r2);
  });

  test("Analyse fournisseurs: a list of more than 60 suppliers prints its class A head (at least 25), the ABC summary above it", () => {
    const s = sheet("fournisseurs");
    const t = s.tables.find((x) => x.name === "tblFournisseurs")!;
    const abc = t.columns.findIndex((c) => c.key === "abc");
    const classA = t.rows.filter((r) => textOf(r[abc]) === "A").length;
    expect(t.rows.length).toBeGreaterThan(60);
    expect(s.print!.area.r2).toBe(t.row + Math.max(classA, 25));
    // The ABC summary (formulas) is above the table, inside the printed columns.
    const summary = s.blocks.filter((b) =>
      b.values.some((r) => r.some((v) => typeof v === "object" && v !== null && "formula" in v))
    );
    expect(summary.length).toBeGreaterThan(0);
    for (const b of summary) {
      expect(b.row).toBeLessThan(t.row);
      expect(b.col + b.values[0].length - 1).toBeLessThanOrEqual(s.print!.area.c2);
    }
    // The note above the table: how many print, of how many, and their share of the spend
    // (the sum of the printed rows' shares, fractions in the table: × 100, one decimal).
    const n = Math.max(classA, 25);
    const share = t.columns.findIndex((c) => c.key === "share");
    const sum = t.rows.slice(0, n).reduce((a, r) => a + (r[share] as number), 0);
    const note = textOf(s.blocks.find((b) => b.row === t.row - 1)!.values[0][0])!;
    expect(
      note.startsWith(`Impression : les ${n} premiers fournisseurs sur ${t.rows.length} (`)
    ).toBe(true);
    expect(note).toContain(`${String(Math.round(sum * 1000) / 10).replace(".", ",")}`);
  });

  test("Historique: the indicators by period print as a table of one row an indicator, in the printed columns", () => {
    const s = sheet("historique");
    const wide = s.tables.find((x) => x.name === "tblHistorique")!;
    // The history table itself has a column per indicator: far wider than a page.
    expect(wide.columns.length).toBeGreaterThan(40);
    const view = s.tables.find((x) => x.name === "tblHistoriqueVue")!;
    expect(view.rows).toHaveLength(demo.indicators.length);
    expect(view.col + view.columns.length - 1).toBeLessThanOrEqual(s.print!.area.c2);
    expect(view.row + view.rows.length).toBeLessThanOrEqual(s.print!.area.r2);
    // The demo's one period: SP1 in the view is the history row's SP1.
    const sp1 = wide.columns.findIndex((c) => c.key === "SP1");
    expect(view.rows[0][1]).toBe(wide.rows[0][sp1]);
    expect(textOf(view.rows[0][0])).toMatch(/^SP1 · /);
  });
});
