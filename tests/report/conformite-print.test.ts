/**
 * The Conformité printed readable (like the Plan stratégique, issue #12): its tables share the
 * sheet's columns, and what is fitted onto one A4 landscape page width is the sum of the printed
 * columns' widths. An A4 landscape page holds about 145 characters of Calibri 11 at 100 %
 * (29.7 cm − 2 × 0.4 in of margins ≈ 10.9 in, against 7.5 in for PORTRAIT_CHARS = 100): at most
 * 200 characters keeps the scale ≥ 145 / 200 ≈ 72 %, body text ≈ 8 pt. Before, every column of
 * the sheet printed (the CO1 alerts alone have 21 columns). What a reader needs to read a signal
 * (its id or reference, its message, its legal basis, the severity) is inside the print area; the
 * detail columns after it do not wrap, so that they do not make the printed rows taller.
 */
import { DEFAULT_COLUMN_WIDTH, LONG_TABLE_ROWS } from "../../src/report/print";
import { plainValue, type SheetSpec, type TableSpec } from "../../src/report/spec";
import { buildWorkbookSpec } from "../../src/report/workbook";
import { demoAnalysis, RUN } from "../file/xlsx-writer-helpers";
import { analyse } from "../../src/core/analyse";
import { intakeOf, spend } from "../helpers/fixtures";
import { dayFromIso } from "../../src/core/dates";
import { richAnalysis } from "./fixture";

const OPTIONS = { runDate: "2026-01-15", sources: ["Mandats", "Marches"] };

/** Width in characters of the columns that print: inside the print area and not hidden. */
function printedColumnsWidth(sheet: SheetSpec): number {
  const area = sheet.print!.area;
  let total = 0;
  for (let c = area.c1; c <= area.c2; c++) {
    const w = sheet.columnWidths.find((x) => x.col === c);
    if (w?.hidden) continue;
    total += w?.width ?? DEFAULT_COLUMN_WIDTH;
  }
  return total;
}

const conformite = (s: { sheets: SheetSpec[] }) => s.sheets.find((x) => x.key === "conformite")!;

// Works 4 × 30 000 = 120 000 € without operation: one row of « travaux sans opération ».
const works = (row: number) =>
  spend({
    source: { table: "Mandats", row },
    family: { key: "F:TRAV", label: "Travaux de voirie", rule: "familyCode" },
    nature: "Travaux",
    amount: 30_000,
  });
const worksAnalysis = analyse(intakeOf({ spend: [works(2), works(3), works(4), works(5)] }));

const cases: [string, SheetSpec][] = [
  ["fixture, French", conformite(buildWorkbookSpec(richAnalysis(), OPTIONS))],
  ["works without operation", conformite(buildWorkbookSpec(worksAnalysis, OPTIONS))],
  ["fixture, English", conformite(buildWorkbookSpec(richAnalysis(), { ...OPTIONS, lang: "en" }))],
  ["demo", conformite(buildWorkbookSpec(demoAnalysis(), RUN))],
];

/** Tables the cases below must cover between them (the other CO tables appear with rows only). */
const COVERED = [
  "tblConfSynthese",
  "tblConfCO1Signaux",
  "tblConfCO1Lignes",
  "tblConfCO1Exclusions",
  "tblConfCO1TravauxSansOperation",
  "tblConfCO2Seuils",
  "tblConfCO3Marches",
  "tblConfCO4Repetitions",
  "tblConfCO5LoiClimat",
];

test("the cases cover the synthesis, CO1 (alerts, lines, exclusions, works), CO2, CO3, CO4 and CO5 tables", () => {
  const names = new Set(cases.flatMap(([, s]) => s.tables.map((t) => t.name)));
  for (const name of COVERED) expect(names).toContain(name);
});

/** Columns that must print when a table has them: how a signal is named, said and based. */
const ESSENTIAL = ["id", "alertId", "contractRef", "message", "legalBasis", "severity", "status"];

function colOf(t: TableSpec, key: string): number | null {
  const i = t.columns.findIndex((c) => c.key === key);
  return i < 0 ? null : t.col + i;
}

describe.each(cases)("Conformité print layout (%s)", (_name, sheet) => {
  test("A4 landscape, one page wide, the printed columns sum to at most 200 characters", () => {
    expect(sheet.print).toMatchObject({ orientation: "landscape", fitToWidth: 1 });
    const width = printedColumnsWidth(sheet);
    expect(width).toBeLessThanOrEqual(200);
    // Not a degenerate area either: id, message, amounts, legal basis and entity need ~150.
    expect(width).toBeGreaterThan(150);
    // The sheet has columns beyond the print area (the detail columns), not printed.
    const lastWritten = Math.max(...sheet.tables.map((t) => t.col + t.columns.length - 1));
    expect(lastWritten).toBeGreaterThan(sheet.print!.area.c2);
  });

  test("each CO table's id, message, legal basis and severity or status columns are printed", () => {
    const area = sheet.print!.area;
    const names = sheet.tables.map((t) => t.name);
    expect(names).toContain("tblConfSynthese");
    let checked = 0;
    for (const t of sheet.tables) {
      // The first column names the row (id, reference, entity…): always printed.
      expect({ table: t.name, first: t.col >= area.c1 && t.col <= area.c2 }).toEqual({
        table: t.name,
        first: true,
      });
      for (const key of ESSENTIAL) {
        const c = colOf(t, key);
        if (c === null) continue;
        checked++;
        expect({ table: t.name, key, printed: c >= area.c1 && c <= area.c2 }).toEqual({
          table: t.name,
          key,
          printed: true,
        });
      }
    }
    // The synthesis (id, status) and another table with a message and a legal basis at least.
    expect(checked).toBeGreaterThanOrEqual(4);
    const alerts = sheet.tables.find((t) => t.name === "tblConfCO1Signaux");
    if (!alerts) return;
    for (const key of ["id", "message", "legalBasis", "severity", "total", "threshold", "year"])
      expect({ key, col: colOf(alerts, key)! <= area.c2 }).toEqual({ key, col: true });
  });

  test("the message prints in a wide wrapped column; detail columns after the area do not wrap", () => {
    const area = sheet.print!.area;
    const width = (c: number) => sheet.columnWidths.find((w) => w.col === c)?.width ?? DEFAULT_COLUMN_WIDTH;
    for (const t of sheet.tables) {
      const c = colOf(t, "message");
      if (c !== null) {
        expect({ table: t.name, wide: width(c) >= 40 }).toEqual({ table: t.name, wide: true });
        expect(t.columns[c - t.col].wrap).toBe(true);
      }
      t.columns.forEach((col, i) => {
        if (t.col + i > area.c2)
          expect({ table: t.name, key: col.key, wrap: col.wrap ?? false }).toEqual({
            table: t.name,
            key: col.key,
            wrap: false,
          });
      });
    }
  });
});

describe("PF8's long list of late invoices (more than LONG_TABLE_ROWS) is kept below the printed rows", () => {
  // 40 invoices received on 1 March 2025 and paid on 15 April (45 days > 30): 40 late invoices.
  const lateLine = (i: number) =>
    spend({
      source: { table: "Mandats", row: i + 2 },
      amount: 1000,
      ttc: 1200,
      invoiceRef: `F-${i}`,
      service: i % 2 === 0 ? "Voirie" : "Culture",
      invoiceReceived: dayFromIso("2025-03-01"),
      paid: dayFromIso("2025-04-15"),
      on: "2025-03-01",
    });
  const many = conformite(buildWorkbookSpec(analyse(intakeOf({ spend: Array.from({ length: 40 }, (_, i) => lateLine(i)) })), OPTIONS));
  const late = many.tables.find((t) => t.name === "tblConfPF8Retards")!;

  test("40 late invoices are listed after the print area's last row, the payment times by entity and service inside it", () => {
    expect(late.rows.length).toBe(40);
    expect(late.rows.length).toBeGreaterThan(LONG_TABLE_ROWS);
    const demo = many;
    const area = demo.print!.area;
    expect(late.row).toBeGreaterThan(area.r2);
    for (const name of ["tblConfPF8Entites", "tblConfPF8Services"]) {
      const t = demo.tables.find((x) => x.name === name)!;
      expect(t.row + t.rows.length).toBeLessThanOrEqual(area.r2);
    }
    // The printed section says where the list is.
    const notes = demo.blocks.map((b) => plainValue(b.values[0][0])).filter((v): v is string => typeof v === "string");
    expect(notes.some((n) => /^Le détail \(40 lignes\) est en bas de la feuille, section « .+ \(détail, hors impression\) », hors de la zone imprimée\.$/.test(n))).toBe(true);
  });

  test("a short list stays in its section, inside the print area", () => {
    const fixture = conformite(buildWorkbookSpec(richAnalysis(), OPTIONS));
    const t = fixture.tables.find((x) => x.name === "tblConfPF8Retards");
    if (t === undefined) throw new Error("the fixture has no late invoice table");
    expect(t.rows.length).toBeLessThanOrEqual(LONG_TABLE_ROWS);
    expect(t.row + t.rows.length).toBeLessThanOrEqual(fixture.print!.area.r2);
  });
});
