/**
 * A period holding no data in the pane (issue #12): the engine stops with the French PeriodError
 * (kind "empty") naming the data's range, and the worker's "period" error code comes back as that
 * same error, so the pane shows its message rather than « erreur inattendue ».
 */
import { PeriodError, yearPeriod } from "../../src/core/period";
import { runEngine, type JobHeader } from "../../src/taskpane/engine";
import { toUserMessage } from "../../src/taskpane/errors";
import { engineError } from "../../src/taskpane/runner";

// 45 659 = 02/01/2025, 45 960 = 30/10/2025 (1900 system)
const rows = [
  ["Date", "Fournisseur", "Montant HT"],
  [45659, "Papeterie Martin", 100],
  [45960, "Garage Dupuis", 50],
];

function header(period: JobHeader["period"]): JobHeader {
  return {
    tables: [{ name: "Mandats", sheet: "Mandats", kind: "spend", headerRowIndex: 0, mapping: { date: 0, supplierName: 1, amountHT: 2 }, firstRow: 1, date1904: false, rowCount: rows.length }],
    period,
    parameters: {},
    previousSheets: {},
    runDate: "2026-11-05",
    lang: "fr",
  };
}

test("a period after the data stops the engine with the French PeriodError of kind 'empty'", async () => {
  let error: unknown = null;
  try {
    await runEngine(header(yearPeriod(2027)), [rows]);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(PeriodError);
  expect((error as PeriodError).kind).toBe("empty");
  expect(toUserMessage(error, "fr").message).toMatch(/^Aucune donnée sur la période 2027 .* les dépenses lues vont du 02\/01\/2025 au 30\/10\/2025/);
});

test("the automatic period of the same data is their year to date: 2025-01..2025-10", async () => {
  expect((await runEngine(header(null), [rows])).summary.period.label).toBe("2025-01..2025-10");
});

test("the worker's 'period' error code becomes the same PeriodError, its message kept", () => {
  const e = engineError("period", "Aucune donnée sur la période 2027");
  expect(e).toBeInstanceOf(PeriodError);
  expect(toUserMessage(e, "fr")).toEqual({ code: "period", message: "Aucune donnée sur la période 2027", detail: "" });
});
