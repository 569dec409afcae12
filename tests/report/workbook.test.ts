import { indicator } from "../../src/core/analyse";
import { TABLE_KIND_LABELS } from "../../src/core/fields";
import { formulaReferences, rangeA1 } from "../../src/report/a1";
import { cellKey, writtenCells } from "../../src/report/grid";
import { SHEET_NAMES } from "../../src/report/labels";
import {
  isFormula,
  isText,
  isValidTableName,
  plainValue,
  type CellRange,
  type CellValue,
  type Scalar,
  type SheetSpec,
  type WorkbookSpec,
} from "../../src/report/spec";
import { validateWorkbookSpec } from "../../src/report/validate";
import { buildWorkbookSpec } from "../../src/report/workbook";
import { fr } from "../helpers/messages";
import { emptyInputs } from "../../src/report/inputs";
import { emptyAnalysis, HYPERLINK_SUPPLIER, richAnalysis, spendOnlyAnalysis } from "./fixture";

const OPTIONS = { runDate: "2026-01-15", sources: ["Mandats", "Marches", "Entites"] };
const FRENCH_NAMES = [
  "Sommaire",
  "Synthèse",
  "Tableau de bord",
  "Cartographie",
  "Analyse fournisseurs",
  "Conformité",
  "Mutualisation",
  "Achats responsables",
  "Territoires",
  "Anomalies",
  "Historique",
  "Indicateurs",
  "Plan stratégique",
  "Diagnostic 360",
  "Attentes des territoires",
  "Paramètres",
];

const rich = richAnalysis();
const spec = buildWorkbookSpec(rich, OPTIONS);
const specs: [string, WorkbookSpec][] = [
  ["rich (fr)", spec],
  ["rich (en)", buildWorkbookSpec(rich, { ...OPTIONS, lang: "en" })],
  ["spend only", buildWorkbookSpec(spendOnlyAnalysis(), OPTIONS)],
  ["empty", buildWorkbookSpec(emptyAnalysis(), { ...OPTIONS, sources: [] })],
];

function sheet(s: WorkbookSpec, key: string): SheetSpec {
  const found = s.sheets.find((x) => x.key === key);
  if (!found) throw new Error(`feuille ${key} absente`);
  return found;
}

function allCells(s: SheetSpec): { value: CellValue; at: string }[] {
  const out: { value: CellValue; at: string }[] = [];
  for (const b of s.blocks) b.values.forEach((row, r) => row.forEach((value, c) => out.push({ value, at: rangeA1(b.row + r, b.col + c, b.row + r, b.col + c) })));
  for (const t of s.tables) t.rows.forEach((row, r) => row.forEach((value, c) => out.push({ value, at: `${t.name}[${r}][${t.columns[c].key}]` })));
  return out;
}

function inside(cells: Map<string, CellValue>, r: CellRange): boolean {
  for (let row = r.r1; row <= r.r2; row++) for (let col = r.c1; col <= r.c2; col++) if (!cells.has(cellKey(row, col))) return false;
  return true;
}

describe("sheets of SPEC §5", () => {
  test("every sheet is present, in order, with its French name", () => {
    expect(spec.sheets.map((s) => s.name)).toEqual(FRENCH_NAMES);
    expect(spec.lang).toBe("fr");
  });

  test("English names when lang is en", () => {
    const en = specs[1][1];
    expect(en.sheets.map((s) => s.name)).toEqual(en.sheets.map((s) => SHEET_NAMES[s.key][1]));
    expect(sheet(en, "plan").name).toBe("Strategic plan");
    expect(sheet(en, "dashboard").tables[0].columns.map((c) => c.header)).toContain("Value");
  });

  test("modes: outputs replaced, Historique appended, plan/diagnostic/settings merge inputs", () => {
    const modes = Object.fromEntries(spec.sheets.map((s) => [s.key, s.mode]));
    expect(modes).toEqual({
      sommaire: "replace",
      // Rewritten whole; the director's comment is read back first and put back (issue #12).
      synthese: "replace",
      dashboard: "replace",
      cartographie: "replace",
      fournisseurs: "replace",
      conformite: "replace",
      mutualisation: "replace",
      responsable: "replace",
      territoires: "replace",
      anomalies: "replace",
      historique: "append",
      indicateurs: "replace",
      plan: "merge-inputs",
      diagnostic: "merge-inputs",
      attentes: "merge-inputs",
      parametres: "merge-inputs",
    });
  });

  test("every sheet carries the stamp (sources, period, parameters, run date, version), in its data and on row 2", () => {
    for (const s of spec.sheets) {
      expect(s.stamp).toEqual({
        sources: ["Mandats", "Marches", "Entites"],
        period: { label: "2025", start: "2025-01-01", end: "2025-12-31" },
        // The fixture's spend lines run from 10/05/2024 to 10/07/2025 (issue #12: the stamp says so)
        data: { start: "2024-05-10", end: "2025-07-10" },
        parameters: "valeurs de référence par défaut (feuille Paramètres)",
        runDate: "2026-01-15",
        version: rich.version,
      });
      const line = s.blocks.find((b) => b.row === 1 && (b.style === "stamp" || b.style === "stampWrap"));
      expect(plainValue(line!.values[0][0])).toContain("Exécution : 15/01/2026");
      expect(plainValue(line!.values[0][0])).toContain("Période : 2025 (01/01/2025 – 31/12/2025, données du 10/05/2024 au 10/07/2025)");
    }
  });

  test("every sheet has a print setup: one page wide, its written area, header and footer with the period and page numbers (issue #12)", () => {
    for (const s of spec.sheets) {
      const p = s.print!;
      expect(p.fitToWidth).toBe(1);
      expect(["portrait", "landscape"]).toContain(p.orientation);
      // What is written below the printed rows is a detail kept there on purpose: a section
      // right after the area says so (« … (détail, hors impression) », the Comparaison's fiche),
      // or the supplier list prints its head only (a note above it says how many rows print).
      const detail = s.blocks.find((b) => b.row === p.area.r2 + 1 && b.style === "section");
      const detailText = detail ? String(plainValue(detail.values[0][0])) : "";
      const below = /hors impression|Fiche de comparaison/.test(detailText) ? detail!.row : Number.POSITIVE_INFINITY;
      for (const b of s.blocks) if (b.row < below) expect(p.area.r2).toBeGreaterThanOrEqual(b.row + b.values.length - 1);
      for (const t of s.tables)
        if (t.row < below && t.name !== "tblFournisseurs") expect(p.area.r2).toBeGreaterThanOrEqual(t.row + Math.max(1, t.rows.length));
      expect(p.header).toEqual([expect.any(String), "{sheet}", "Période 2025"]);
      expect(p.footer).toEqual(["Analyse du 15/01/2026 · Optima Achats " + rich.version, "Page {page} / {pages}", "Imprimé le {date}"]);
    }
  });

  test("no output sheet takes the name of an input table (issue #12: « Fournisseurs » is the demo's supplier table)", () => {
    const inputNames = [...Object.values(TABLE_KIND_LABELS), "Mandats", "Marches", "Entites", "Suppliers", "Contracts", "Entities", "Spend"].map((n) => n.toLowerCase());
    for (const lang of ["fr", "en"] as const)
      for (const s of buildWorkbookSpec(rich, { ...OPTIONS, lang }).sheets) expect(inputNames).not.toContain(s.name.toLowerCase());
  });

  test("the run date comes from the caller, never the clock", () => {
    const other = buildWorkbookSpec(rich, { ...OPTIONS, runDate: "2030-06-30T08:00:00Z" });
    expect(other.stamp.runDate).toBe("2030-06-30");
    expect(() => buildWorkbookSpec(rich, { ...OPTIONS, runDate: "15/01/2026" })).toThrow(/ISO/);
    expect(() => buildWorkbookSpec(rich, { ...OPTIONS, runDate: "2026-13-01" })).toThrow(/ISO/);
  });

  test("changed parameters are summarised in the stamp", () => {
    const a = richAnalysis({ overrides: { pnad: { socialPercent: 40 } } });
    expect(buildWorkbookSpec(a, OPTIONS).stamp.parameters).toBe("1 paramètre modifié : Objectif PNAD : marchés avec considération sociale");
  });
});

describe.each(specs)("structure — %s", (_label, s) => {
  test("the validator finds nothing", () => {
    expect(validateWorkbookSpec(s)).toEqual([]);
  });

  test("table names are valid and unique in the workbook", () => {
    const names = s.sheets.flatMap((x) => x.tables.map((t) => t.name));
    for (const n of names) expect(isValidTableName(n)).toBe(true);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  });

  test("every chart's ranges lie inside its sheet's written cells", () => {
    for (const x of s.sheets) {
      const cells = writtenCells(x);
      for (const ch of x.charts) {
        const refs = [...(ch.categories ? [ch.categories] : []), ...ch.series.flatMap((se) => [se.values, ...(typeof se.name === "string" ? [] : [se.name])])];
        for (const ref of refs) {
          expect(ref.sheet).toBe(x.key);
          expect({ chart: ch.id, inside: inside(cells, ref.range) }).toEqual({ chart: ch.id, inside: true });
        }
      }
    }
  });

  test("every formula references existing (written) cells", () => {
    const byName = new Map(s.sheets.map((x) => [x.name, writtenCells(x)]));
    let formulas = 0;
    for (const x of s.sheets) {
      for (const { value, at } of allCells(x)) {
        if (!isFormula(value)) continue;
        formulas++;
        expect(value.formula.startsWith("=")).toBe(true);
        for (const ref of formulaReferences(value.formula)) {
          const cells = ref.sheet === null ? byName.get(x.name) : byName.get(ref.sheet);
          expect({ at: `${x.name}!${at}`, ref: ref.text, ok: cells !== undefined && inside(cells, ref) }).toEqual({ at: `${x.name}!${at}`, ref: ref.text, ok: true });
        }
      }
    }
    expect(formulas).toBeGreaterThan(20);
  });

  test("validation lists point at written cells", () => {
    for (const x of s.sheets) {
      const cells = writtenCells(x);
      for (const v of x.validations) {
        expect(inside(cells, v.range)).toBe(true);
        if (!Array.isArray(v.list)) expect(inside(writtenCells(sheet(s, v.list.sheet)), v.list.range)).toBe(true);
      }
    }
  });
});

describe("cell content", () => {
  test('a supplier named =HYPERLINK("x") is marked text, wherever it appears', () => {
    const fournisseurs = sheet(spec, "fournisseurs");
    const hits = allCells(fournisseurs).filter(({ value }) => plainValue(value) === HYPERLINK_SUPPLIER);
    expect(hits.length).toBeGreaterThan(0);
    for (const { value } of hits) expect(isText(value)).toBe(true);
    // Nowhere in the workbook is a plain string starting with = + - @.
    for (const x of spec.sheets) for (const { value, at } of allCells(x)) if (typeof value === "string") expect({ at, bad: /^[=+\-@]/.test(value) }).toEqual({ at, bad: false });
  });

  test("a SIRET with a leading zero stays text", () => {
    const t = sheet(spec, "fournisseurs").tables[0];
    const col = t.columns.findIndex((c) => c.key === "supplierId");
    expect(t.rows.map((r) => r[col]).filter((v) => v !== null)).toEqual([{ text: true, value: "01234567800011" }]);
  });

  test("percentages are stored as fractions with a % format", () => {
    const dash = sheet(spec, "dashboard");
    const pf1 = indicator(rich, "PF1");
    const tileValue = dash.blocks.find((b) => b.numberFormat === "0.0 %" && b.values[0][0] === (pf1.value as number) / 100);
    expect(tileValue).toBeDefined();
    const carto = sheet(spec, "cartographie").tables[0];
    const share = carto.columns.find((c) => c.key === "share")!;
    expect(share.numberFormat).toBe("0.0 %");
    for (const r of carto.rows) expect(r[carto.columns.indexOf(share)] as number).toBeLessThanOrEqual(1);
  });

  test("euros: 0 decimals on tiles, 2 decimals in detail tables; dates as serials with dd/mm/yyyy", () => {
    const dash = sheet(spec, "dashboard");
    const sp1 = dash.blocks.find((b) => b.values[0][0] === indicator(rich, "SP1").value);
    expect(sp1?.numberFormat).toBe('#,##0 "€"');
    const alerts = sheet(spec, "conformite").tables.find((t) => t.name === "tblConfCO1Signaux")!;
    expect(alerts.columns.find((c) => c.key === "total")!.numberFormat).toBe('#,##0.00 "€"');
    const first = alerts.columns.findIndex((c) => c.key === "firstDate");
    expect(alerts.columns[first].numberFormat).toBe("dd/mm/yyyy");
    expect(alerts.rows[0][first]).toBe(45667); // 2025-01-10
  });

  test("an N/A indicator gets no tile (never a 0): it is listed in « Pour aller plus loin » with its French reason", () => {
    const s = specs[2][1];
    const dash = sheet(s, "dashboard");
    const a = spendOnlyAnalysis();
    const texts = dash.blocks.map((b) => plainValue(b.values[0][0])).filter((v): v is string => typeof v === "string");
    for (const id of ["PF2", "PF3", "RE1", "RE2"]) {
      const ind = indicator(a, id);
      expect(ind.value).toBeNull();
      const line = dash.blocks.find((b) => b.style === "boxTitle" && String(plainValue(b.values[0][0])).startsWith(`${id} · `));
      expect(line).toBeDefined();
      const reason = dash.blocks.find((b) => b.row === line!.row && b.style === "box")!;
      expect(plainValue(reason.values[0][0])).toContain(fr(ind.na));
    }
    expect(texts).not.toContain("N/D");
  });

  test("N/A indicators show their reason instead of a detail table", () => {
    const s = specs[2][1];
    const conf = sheet(s, "conformite");
    const a = spendOnlyAnalysis();
    const co5 = indicator(a, "CO5");
    expect(co5.value).toBeNull();
    expect(conf.tables.map((t) => t.name)).not.toContain("tblConfCO5LoiClimat");
    expect(allCells(conf).some(({ value }) => typeof plainValue(value) === "string" && (plainValue(value) as string).includes(fr(co5.na) ?? "∅"))).toBe(true);
  });

  test("the reconciliation block checks rows and amounts with a live formula", () => {
    const dash = sheet(spec, "dashboard");
    const check = dash.blocks.flatMap((b) => b.values.flat()).find((v) => isFormula(v) && v.formula.includes("ROUND("));
    expect(check).toBeDefined();
    // Lines in column F, amounts in column H (the dashboard grid's merged cells).
    expect((check as { formula: string }).formula).toMatch(/^=IF\(AND\(F\d+=F\d+\+F\d+,ROUND\(H\d+-H\d+-H\d+-H\d+,2\)=0\),"OK","Écart à examiner"\)$/); // read − analysed − rejected − set aside
  });

  test("dashboard charts: Pareto, monthly trend, procedure and channel mix, PNAD gauges", () => {
    const charts = sheet(spec, "dashboard").charts;
    expect(charts.map((c) => [c.id, c.type])).toEqual([
      ["pareto", "combo-pareto"],
      ["trend", "line"],
      ["procedures", "pie"],
      ["channels", "doughnut"],
      ["gauge-RE1", "doughnut"],
      ["gauge-RE2", "doughnut"],
    ]);
    const pareto = charts[0];
    expect(pareto.series.map((s) => [s.as, s.axis])).toEqual([
      ["column", "primary"],
      ["line", "secondary"],
    ]);
  });

  test("chart anchors on a sheet do not overlap", () => {
    for (const x of spec.sheets) {
      const boxes = x.charts.map((c) => c.anchor);
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i];
          const b = boxes[j];
          const overlap = a.row < b.row + b.heightRows && b.row < a.row + a.heightRows && a.col < b.col + b.widthCols && b.col < a.col + a.widthCols;
          expect({ sheet: x.key, i, j, overlap }).toEqual({ sheet: x.key, i, j, overlap: false });
        }
    }
  });
});

/** A compact, readable summary of the spec for the snapshot (not the megabytes). */
function summary(s: WorkbookSpec) {
  return s.sheets.map((x) => ({
    key: x.key,
    name: x.name,
    mode: x.mode,
    blocks: x.blocks.length,
    formulas: allCells(x).filter(({ value }) => isFormula(value)).length,
    tables: x.tables.map((t) => `${t.name} ${rangeA1(t.row, t.col, t.row + Math.max(1, t.rows.length), t.col + t.columns.length - 1)} [${t.columns.map((c) => c.key).join(",")}]`),
    charts: x.charts.map((c) => `${c.id}:${c.type} ${c.series.map((se) => rangeA1(se.values.range.r1, se.values.range.c1, se.values.range.r2, se.values.range.c2)).join(" ")}`),
    validations: x.validations.map((v) => rangeA1(v.range.r1, v.range.c1, v.range.r2, v.range.c2)),
    inputs: x.inputs.map((i) => `${i.section}.${i.field}`),
    frozen: x.frozen,
  }));
}

describe("determinism", () => {
  test("same analysis → deep-equal spec", () => {
    expect(buildWorkbookSpec(rich, OPTIONS)).toEqual(spec);
    expect(buildWorkbookSpec(richAnalysis(), OPTIONS)).toEqual(spec);
  });

  test("the spec is plain data (JSON round trip is lossless)", () => {
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
  });

  test("snapshot of the spec's shape", () => {
    expect(summary(spec)).toMatchSnapshot();
  });
});

describe("coverage of the analysis", () => {
  test("the Indicateurs sheet documents every registry indicator (SPEC §4 and RE7–RE8), in order, in the workbook language", () => {
    const table = (lang: "fr" | "en") => sheet(buildWorkbookSpec(rich, { ...OPTIONS, lang }), "indicateurs").tables[0];
    const frTable = table("fr");
    const enTable = table("en");
    const col = (key: string) => frTable.columns.findIndex((c) => c.key === key);
    expect(frTable.rows.map((r) => r[col("id")])).toEqual(rich.indicators.map((i) => i.id));
    expect(frTable.columns.map((c) => c.header)).toContain("Comment l'améliorer");
    expect(enTable.columns.map((c) => c.header)).toContain("How to improve it");
    for (const key of ["definition", "computation", "source", "howToImprove"]) {
      frTable.rows.forEach((r, i) => {
        expect(String(plainValue(r[col(key)])).length).toBeGreaterThan(10);
        expect(plainValue(enTable.rows[i][col(key)])).not.toEqual(plainValue(r[col(key)]));
      });
    }
  });

  test("every indicator is summarised; 18 dashboard tiles (the rich fixture's N/D ones in the « Pour aller plus loin » box)", () => {
    const rows = (key: string, name: string) => sheet(spec, key).tables.find((t) => t.name === name)!.rows.length;
    expect(rows("dashboard", "tblTdbIndicateurs")).toBe(rich.indicators.length);
    expect(rich.indicators.length).toBe(38); // 35 of SPEC §4 + CO6 (R2196-1 publication, issue #11) + RE7, RE8 (AGEC, EGalim, issue #14)
    expect(rows("conformite", "tblConfSynthese")).toBe(6); // CO1–CO6
    expect(rows("mutualisation", "tblMutuSynthese")).toBe(6);
    expect(rows("responsable", "tblRespSynthese")).toBe(8);
    expect(rows("territoires", "tblTerrSynthese")).toBe(4);
    const dash = sheet(spec, "dashboard");
    // A tile: a kpi* title cell with its kpi*Big value right below.
    const titles = dash.blocks.filter((b) => b.style?.startsWith("kpi") && !b.style.endsWith("Big") && typeof plainValue(b.values[0][0]) === "string" && dash.blocks.some((v) => v.row === b.row + 1 && v.col === b.col && v.style === `${b.style}Big`));
    const boxed = dash.blocks.filter((b) => b.style === "boxTitle" && /^[A-Z]{2}\d · /.test(String(plainValue(b.values[0][0]))));
    // CO* counts for one tile; its five CO indicators are computed on the rich fixture.
    const na = ["SP1", "SP6", "SP4", "SP5", "PF1", "PF2", "PF3", "PF8", "PF7", "RE1", "RE2", "RE3", "MU1", "MU3", "TE1", "RE7", "RE8"].filter((id) => indicator(rich, id).value === null);
    expect(boxed.map((b) => String(plainValue(b.values[0][0])).slice(0, 3)).sort()).toEqual([...na].sort());
    expect(titles.length + boxed.length).toBe(18);
  });
});

describe("Historique (append)", () => {
  test("previous periods are kept, the same period is replaced, rows ordered by start", () => {
    const previous: Record<string, Scalar>[] = [
      { period: "2026-03", periodKind: "mois", start: 46082, SP1: 9 },
      { period: "2025", periodKind: "année", start: 45658, SP1: 1, PF1: 0.99 },
      { period: "2024", periodKind: "année", start: 45292, SP1: 5000 },
    ];
    const s = buildWorkbookSpec(rich, { ...OPTIONS, previousInputs: { ...emptyInputs(), history: previous } });
    const h = sheet(s, "historique");
    const t = h.tables[0];
    const col = (k: string) => t.columns.findIndex((c) => c.key === k);
    expect(t.rows.map((r) => [plainValue(r[0]), r[col("SP1")]])).toEqual([
      ["2024", 5000],
      ["2025", 106100],
      ["2026-03", 9],
    ]);
    expect(t.rows[1][col("PF1")]).toBe(0.2432);
    expect(h.append?.table).toBe(t.name);
    expect(h.append?.key).toBe("period");
    expect(h.append?.rows).toEqual([t.rows[1]]);
    // The period label is text (it looks like a number / a month to Excel).
    expect(t.rows[0][0]).toEqual({ text: true, value: "2024" });
  });
});
