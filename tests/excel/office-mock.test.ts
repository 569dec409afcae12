/**
 * A few adapter tests on office-addin-mock (reference doc §4): the mock tracks load/sync state but
 * knows nothing of Excel, so these tests cover the adapter's contact points — the watchdog on
 * `context.sync`, `Excel.run` with delayForCellEdit, a settings read, a chunked read — not Excel's
 * behaviour (that is the recording fake's job, tests/excel/fake-excel.ts).
 */
import { OfficeMockObject } from "office-addin-mock";

// office-addin-mock needs only the OfficeApp enum of office-addin-manifest, whose dependency chain
// ends in an ESM-only package Jest (CommonJS, Node 20) cannot load: give it the enum alone.
jest.mock("office-addin-manifest", () => ({
  OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" },
}));
import { ExcelTimeoutError } from "../../src/excel/errors";
import { emptyStats, ExcelSession, runExcel, syncWithWatchdog, type ExcelHost } from "../../src/excel/excel-run";
import { readRows } from "../../src/excel/reader";
import { loadPaneSettings } from "../../src/excel/settings";
import { defaultSettings, parseSettings } from "../../src/workbook/settings";

function host(run: ExcelHost["run"], version = "1.9"): ExcelHost {
  return { run, isSetSupported: (name, v) => name === "ExcelApi" && Number(v) <= Number(version) };
}

function session(context: OfficeMockObject, timeoutMs = 1_000): ExcelSession {
  return new ExcelSession(context as unknown as Excel.RequestContext, host(() => Promise.reject(new Error("unused"))), emptyStats(), timeoutMs);
}

describe("watchdog on context.sync", () => {
  test("a sync that settles passes through", async () => {
    const context = new OfficeMockObject({ workbook: { name: "Classeur1" } });
    context.workbook.load("name");
    await syncWithWatchdog(context as unknown as Excel.RequestContext, 1_000);
    expect(context.workbook.name).toBe("Classeur1");
  });

  test("a sync that never settles ends with a French, retryable ExcelTimeoutError", async () => {
    const context = new OfficeMockObject({ sync: () => new Promise<void>(() => undefined) });
    const started = Date.now();
    const error = await syncWithWatchdog(context as unknown as Excel.RequestContext, 30).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(error).toBeInstanceOf(ExcelTimeoutError);
    expect(error).toMatchObject({ code: "timeout", retryable: true, timeoutMs: 30 });
    expect((error as Error).message).toContain("Réessayer");
  });
});

describe("runExcel on a mocked Excel.run", () => {
  test("one Excel.run with delayForCellEdit, syncs counted", async () => {
    const context = new OfficeMockObject({ workbook: { name: "Budget.xlsx" } });
    const seen: unknown[] = [];
    const mock = new OfficeMockObject({
      run: async (options: unknown, batch: (ctx: unknown) => Promise<unknown>) => {
        seen.push(options);
        return batch(context);
      },
    });
    const stats = emptyStats();
    const name = await runExcel({ host: host((o, b) => mock.run(o, b)), stats }, async (s) => {
      s.workbook.load("name");
      await s.sync();
      return s.workbook.name;
    });
    expect(name).toBe("Budget.xlsx");
    expect(seen).toEqual([{ delayForCellEdit: true }]);
    expect(stats).toMatchObject({ runs: 1, syncs: 1 });
  });

  test("a hung sync inside Excel.run rejects the run instead of spinning", async () => {
    const context = new OfficeMockObject({ workbook: { name: "x" }, sync: () => new Promise<void>(() => undefined) });
    const error = await runExcel({ host: host((_, batch) => batch(context as unknown as Excel.RequestContext)), stats: emptyStats(), timeoutMs: 30 }, (s) => s.sync()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExcelTimeoutError);
  });

  test("write batches suspend calculation, and screen updating only with ExcelApi 1.9", async () => {
    const calls: string[] = [];
    const seed = () => ({
      workbook: {
        application: {
          suspendApiCalculationUntilNextSync: () => void calls.push("calc"),
          suspendScreenUpdatingUntilNextSync: () => void calls.push("screen"),
        },
      },
    });
    for (const version of ["1.9", "1.8"]) {
      const context = new OfficeMockObject(seed());
      await runExcel({ host: host((_, batch) => batch(context as unknown as Excel.RequestContext), version), stats: emptyStats() }, (s) => {
        s.suspendForWrite();
        return s.sync();
      });
    }
    expect(calls).toEqual(["calc", "screen", "calc"]);
  });
});

describe("adapter functions on a mocked context", () => {
  test("loadPaneSettings reads and checks the JSON stored in workbook.settings", async () => {
    const stored = { ...defaultSettings(new Date(Date.UTC(2026, 0, 15))), parameters: { "poolingScenarios.centralPercent": 0.06 } };
    const context = new OfficeMockObject({
      workbook: {
        settings: {
          item: {
            value: JSON.stringify(stored),
            isNullObject: false,
            // Office fills isNullObject with any load; the mock needs it loaded explicitly.
            load(this: OfficeMockObject, props: string) {
              return OfficeMockObject.prototype.load.call(this, `${props},isNullObject`);
            },
          },
          getItemOrNullObject(this: OfficeMockObject, key: string) {
            expect(key).toBe("optimaAchats.settings");
            return this.item;
          },
        },
      },
    });
    const loaded = await loadPaneSettings(session(context));
    expect(loaded).toEqual(parseSettings(JSON.stringify(stored)));
    expect(loaded?.parameters).toEqual({ "poolingScenarios.centralPercent": 0.06 });
  });

  test("readRows: one getRangeByIndexes + load(values) per chunk, empty cells as null", async () => {
    const requested: number[][] = [];
    const context = new OfficeMockObject({
      workbook: {
        worksheets: {
          sheet: {
            range: { values: [["Date", "Montant"], [45_658, 12.5], ["", "x"]] },
            getRangeByIndexes(this: OfficeMockObject, ...args: number[]) {
              requested.push(args);
              return this.range;
            },
          },
          getItem(this: OfficeMockObject) {
            return this.sheet;
          },
        },
      },
    });
    const rows: unknown[][] = [];
    await readRows(session(context), { sheet: "Mandats", r0: 3, c0: 1, rows: 3, cols: 2 }, { onChunk: (chunk) => void rows.push(...chunk) });
    expect(requested).toEqual([[3, 1, 3, 2]]);
    expect(rows).toEqual([["Date", "Montant"], [45_658, 12.5], [null, "x"]]);
  });
});
