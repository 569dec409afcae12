/**
 * The settings kept in the workbook are read through a schema: one unreadable value costs only
 * that value (its default is used), never the rest of the user's choices; a wrong version or a
 * non-object is not trusted at all.
 */
import { defaultPeriod, defaultSettings, parseSettings, SETTINGS_VERSION } from "../../src/workbook/settings";

const good = {
  version: SETTINGS_VERSION,
  tables: [
    { name: "Mandats", selected: true, kind: "spend", headerRowIndex: 2, mapping: { amountHT: 4 }, headers: ["Date", "Montant"], edited: true },
  ],
  period: { mode: "year", year: 2025, month: 3, fromYear: 2025, fromMonth: 1, toYear: 2025, toMonth: 6 },
  parameters: { "defaultVatPercent.value": 20 },
  lastRun: null,
  lastRefresh: { date: "2026-11-30T10:00:00Z", ok: false, message: "Classeur protégé" },
};

describe("workbook settings schema", () => {
  test("a valid object and its JSON text read back the same", () => {
    const fromObject = parseSettings(good);
    expect(fromObject).toEqual({ ...good });
    expect(parseSettings(JSON.stringify(good))).toEqual(fromObject);
  });

  test("unusable settings are not trusted: bad JSON, another version, an array", () => {
    expect(parseSettings("{not json")).toBeNull();
    expect(parseSettings({ ...good, version: 2 })).toBeNull();
    expect(parseSettings([good])).toBeNull();
    expect(parseSettings(null)).toBeNull();
  });

  test("a table without a name is dropped, the others are kept", () => {
    const s = parseSettings({ ...good, tables: [{ name: "" }, 42, good.tables[0]] });
    expect(s?.tables.map((t) => t.name)).toEqual(["Mandats"]);
  });

  test("bad fields of a table fall back to their defaults one by one", () => {
    const s = parseSettings({
      ...good,
      tables: [{ name: "T", selected: "yes", kind: "invoices", headerRowIndex: -1, mapping: { a: 3, b: 99_999, c: "x" }, headers: ["A", 7] }],
    });
    expect(s?.tables[0]).toEqual({ name: "T", selected: false, kind: null, headerRowIndex: 0, mapping: { a: 3 }, headers: ["A", ""], edited: false });
  });

  test("an out-of-range month or an unknown mode gives the default for that field only", () => {
    const d = defaultPeriod();
    const s = parseSettings({ ...good, period: { ...good.period, mode: "week", month: 13 } });
    expect(s?.period).toEqual({ ...good.period, mode: "auto", month: d.month });
    expect(parseSettings({ ...good, period: "2025" })?.period).toEqual(d);
  });

  test("unknown parameters and non-finite values are dropped", () => {
    const s = parseSettings({ ...good, parameters: { "defaultVatPercent.value": 5.5, "nope.value": 1, "tailSpendThresholdCents.value": Number.NaN } });
    expect(s?.parameters).toEqual({ "defaultVatPercent.value": 5.5 });
  });

  test("a last run with a broken summary keeps its other fields", () => {
    const s = parseSettings({ ...good, lastRun: { runDate: "2026-11-30", periodLabel: 3, sources: ["A", 1], lang: "de", planSheets: true, summary: { kpis: "x" } } });
    expect(s?.lastRun).toEqual({ runDate: "2026-11-30", periodLabel: "", sources: ["A"], lang: "fr", planSheets: true, summary: null });
  });

  test("the defaults read back as themselves", () => {
    const d = defaultSettings(new Date(2026, 10, 15));
    expect(parseSettings(JSON.stringify(d))).toEqual({ ...d, lastRefresh: null });
  });
});
