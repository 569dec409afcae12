/**
 * Calendrier des concessions (issue #11 §3): each concession with its end date (start + duration),
 * months remaining at the end of the period and its status (échue / à relancer dans les 24 mois /
 * en cours), sorted by end date; the sheet only when concessions exist. Hand-computed fixtures.
 */
import fs from "node:fs";
import path from "node:path";
import { analyse } from "../../src/core/analyse";
import { concessionCalendar, concessionStatus, wholeMonthsBetween } from "../../src/core/contracts-concessions";
import { dayFromIso } from "../../src/core/dates";
import { importDecp } from "../../src/core/decp";
import { runIntake } from "../../src/core/intake";
import type { ConcessionLine } from "../../src/core/model";
import { yearPeriod } from "../../src/core/period";
import { writtenCells } from "../../src/report/grid";
import { plainValue, type SheetSpec } from "../../src/report/spec";
import { validateWorkbookSpec } from "../../src/report/validate";
import { buildWorkbookSpec } from "../../src/report/workbook";
import { contract, intakeOf } from "../helpers/fixtures";

const day = dayFromIso;
let row = 1;
function concession(p: Partial<ConcessionLine> & { ref: string }): ConcessionLine {
  return {
    source: { table: "decp.json", row: ++row },
    authority: "Commune A",
    authorityId: null,
    description: null,
    nature: "Délégation de service public",
    procedure: null,
    concessionaires: [{ name: "Délégataire", id: null }],
    valueCents: null,
    signatureDate: null,
    startDate: null,
    durationMonths: null,
    endDate: null,
    publicationDate: null,
    ...p,
  };
}

// As of 2025-12-31 (end of the period 2025); the relaunch horizon is 2027-12-31.
//   K3 signed 2024-03-15 (no start), 120 months → ends 2034-03-15: en cours, 98 whole months
//      (2025-12-31 + 98 months = 2034-02-28 ≤ 2034-03-15 < 2034-03-31 = + 99 months)
//   K2 starts 2020-07-01, 84 months → ends 2027-07-01: à relancer, 18 months
//      (+ 18 months = 2027-06-30 ≤ 2027-07-01 < 2027-07-31 = + 19 months)
//   K1 starts 2010-01-01, 180 months → ended 2025-01-01: échue, 0 months
//   K4 no duration → end unknown, listed last
const ASOF = day("2025-12-31");
const K = [
  concession({ ref: "K3", signatureDate: day("2024-03-15"), durationMonths: 120, endDate: day("2034-03-15"), valueCents: 500_000_000 }),
  concession({ ref: "K4", startDate: day("2022-01-01") }),
  concession({ ref: "K2", startDate: day("2020-07-01"), durationMonths: 84, endDate: day("2027-07-01") }),
  concession({ ref: "K1", startDate: day("2010-01-01"), durationMonths: 180, endDate: day("2025-01-01") }),
];

describe("concession renewal calendar", () => {
  test("sorted by end date (unknown last), with months remaining and status", () => {
    expect(concessionCalendar(K, ASOF).map((r) => [r.ref, r.monthsRemaining, r.status])).toEqual([
      ["K1", 0, "expired"],
      ["K2", 18, "renewSoon"],
      ["K3", 98, "running"],
      ["K4", null, "unknown"],
    ]);
  });

  test("the start is the start of execution, else the signature (K3 signed 2024-03-15)", () => {
    expect(concessionCalendar(K, ASOF).find((r) => r.ref === "K3")?.startDate).toBe(day("2024-03-15"));
  });

  test("status bounds: ending on the day is not yet échue; at + 24 months exactly it is to relaunch, one day later en cours", () => {
    expect(concessionStatus(ASOF, ASOF)).toBe("renewSoon");
    expect(concessionStatus(ASOF - 1, ASOF)).toBe("expired");
    expect(concessionStatus(day("2027-12-31"), ASOF)).toBe("renewSoon");
    expect(concessionStatus(day("2028-01-01"), ASOF)).toBe("running");
    expect(wholeMonthsBetween(day("2025-01-31"), day("2025-02-28"))).toBe(1); // + 1 month = 2025-02-28
    expect(wholeMonthsBetween(day("2025-01-31"), day("2025-02-27"))).toBe(0);
  });
});

function sheetOf(intake: ReturnType<typeof intakeOf>, period = yearPeriod(2025)): SheetSpec | undefined {
  const spec = buildWorkbookSpec(analyse(intake, { period }), { runDate: "2026-01-15", sources: ["decp.json"] });
  expect(validateWorkbookSpec(spec)).toEqual([]);
  const keys = spec.sheets.map((s) => s.key);
  // After Territoires when present.
  if (keys.includes("concessions")) expect(keys.indexOf("concessions")).toBe(keys.indexOf("territoires") + 1);
  return spec.sheets.find((s) => s.key === "concessions");
}

describe("the « Calendrier des concessions » sheet", () => {
  test("is written when concessions exist, one table row per concession, statuses in French", () => {
    const intake = { ...intakeOf({ contracts: [contract({ amount: 10_000, notified: "2025-03-01" })] }), concessions: K };
    const sheet = sheetOf(intake);
    expect(sheet?.name).toBe("Calendrier des concessions");
    const table = sheet?.tables.find((t) => t.name === "tblConcessions");
    const statusCol = table?.columns.findIndex((c) => c.key === "status") ?? -1;
    expect(table?.rows.map((r) => [plainValue(r[0]), plainValue(r[statusCol])])).toEqual([
      ["K1", "échue"],
      ["K2", "à relancer dans les 24 mois"],
      ["K3", "en cours"],
      ["K4", "date de fin inconnue"],
    ]);
    const texts = [...writtenCells(sheet as SheetSpec).values()].map((v) => String(plainValue(v)));
    expect(texts.some((t) => t.includes("mois restants au 31/12/2025"))).toBe(true);
  });

  test("is not written without concessions", () => {
    expect(sheetOf(intakeOf({ contracts: [contract({ amount: 10_000, notified: "2025-03-01" })] }))).toBeUndefined();
  });

  test("the official DECP example: two concessions from 2024-04-01 for 12 months end 2025-04-01, 3 months left at 2024-12-31", () => {
    // example-marches_concessions.json: dateDebutExecution 2024-04-01, dureeMois 12 for both;
    // 2024-12-31 + 3 months = 2025-03-31 ≤ 2025-04-01 < 2025-04-30 = + 4 months.
    const file = path.join(__dirname, "../fixtures/decp/example-marches_concessions.json");
    const intake = runIntake([], [importDecp(JSON.parse(fs.readFileSync(file, "utf8")), "example-marches_concessions.json")]);
    const a = analyse(intake, { period: yearPeriod(2024) });
    expect(a.concessions?.map((r) => [r.ref, r.endDate, r.monthsRemaining, r.status])).toEqual([
      ["0612202306122023", day("2025-04-01"), 3, "renewSoon"],
      ["0612202306122024", day("2025-04-01"), 3, "renewSoon"],
    ]);
  });
});
