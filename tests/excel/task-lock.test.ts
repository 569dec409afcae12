/**
 * The task lock through Office.js (src/excel/excel-gateway.ts beginTask / endTask): the pane and
 * the ribbon command are two runtimes, i.e. two gateways on one workbook. While the pane writes,
 * « Actualiser l'analyse » is refused with its reason and writes nothing; the holder's every call
 * refreshes the lock; a lock left by a closed runtime stops blocking after 5 minutes.
 */
import { ExcelWorkbookGateway } from "../../src/excel/excel-gateway";
import { GatewayError } from "../../src/workbook/errors";
import { TASK_LOCK_SETTING, TASK_LOCK_STALE_MS, parseTaskLock } from "../../src/workbook/task-lock";
import { runSavedAnalysis } from "../../src/taskpane/pipeline";
import { createInlineRunner } from "../../src/taskpane/inline-runner";
import { toUserMessage } from "../../src/taskpane/errors";
import { FakeExcel } from "./fake-excel";
import { analysisRun, chooseSources, sourceWorkbook } from "./scenario";

jest.setTimeout(60_000);

function twoRuntimes(fake: FakeExcel, clock: { now: number }) {
  const now = () => clock.now;
  return {
    pane: new ExcelWorkbookGateway({ host: fake.host(), now }),
    ribbon: new ExcelWorkbookGateway({ host: fake.host(), now }),
  };
}

async function refusal(p: Promise<unknown>): Promise<GatewayError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof GatewayError) return e;
    throw e;
  }
  throw new Error("not refused");
}

test("a second runtime is refused while the first holds the lock, then may start once it is released", async () => {
  const fake = new FakeExcel();
  fake.addSheet("Mandats", [["Date", "Montant HT"], [45_700, 100]]);
  const clock = { now: Date.UTC(2026, 11, 2, 9, 0, 0) };
  const { pane, ribbon } = twoRuntimes(fake, clock);
  await pane.beginTask("analysis");
  expect(parseTaskLock(fake.settings.get(TASK_LOCK_SETTING))).toMatchObject({ task: "analysis", at: clock.now });
  const refused = await refusal(ribbon.beginTask("analysis"));
  expect(refused.code).toBe("taskLocked");
  expect(refused.subject).toBe("analysis");
  expect(toUserMessage(refused, "fr").message).toMatch(/^Une autre analyse ou écriture est en cours dans ce classeur \(lancée par le bouton « Actualiser l'analyse » du ruban/);
  // The holder's calls refresh the lock: 4 minutes later it still blocks, 4 more minutes later too.
  clock.now += 4 * 60_000;
  await pane.listTables();
  expect(parseTaskLock(fake.settings.get(TASK_LOCK_SETTING))!.at).toBe(clock.now);
  clock.now += 4 * 60_000;
  expect((await refusal(ribbon.beginTask("analysis"))).code).toBe("taskLocked");
  await pane.endTask();
  expect(fake.settings.has(TASK_LOCK_SETTING)).toBe(false);
  await ribbon.beginTask("analysis");
  expect(parseTaskLock(fake.settings.get(TASK_LOCK_SETTING))).toMatchObject({ task: "analysis" });
  // A runtime does not release a lock it does not hold.
  await pane.endTask();
  expect(fake.settings.has(TASK_LOCK_SETTING)).toBe(true);
  await ribbon.endTask();
  expect(fake.settings.has(TASK_LOCK_SETTING)).toBe(false);
});

test("a lock left by a runtime closed in the middle of a task stops blocking after 5 minutes", async () => {
  const fake = new FakeExcel();
  fake.addSheet("Mandats", [["Date", "Montant HT"], [45_700, 100]]);
  const clock = { now: Date.UTC(2026, 11, 2, 9, 0, 0) };
  const { pane, ribbon } = twoRuntimes(fake, clock);
  await pane.beginTask("analysis"); // and the pane is closed: endTask never comes
  clock.now += TASK_LOCK_STALE_MS - 1_000;
  expect((await refusal(ribbon.beginTask("analysis"))).code).toBe("taskLocked");
  clock.now += 1_000;
  await expect(ribbon.beginTask("analysis")).resolves.toBeUndefined();
});

test("« Actualiser l'analyse » while the pane writes: refused before reading or writing anything", async () => {
  const wb = sourceWorkbook(2_000);
  const clock = { now: Date.UTC(2026, 11, 2, 9, 0, 0) };
  const { pane, ribbon } = twoRuntimes(wb.fake, clock);
  await chooseSources(pane);
  await analysisRun(pane, wb.fake); // a first analysis, so that the ribbon has one to refresh
  const sheetsBefore = wb.fake.sheetNames();
  await pane.beginTask("plan");
  const writesBefore = wb.fake.calls.filter((c) => /^(Range\.|Worksheet\.|WorksheetCollection\.add)/.test(c.api)).length;
  const refused = await refusal(runSavedAnalysis(ribbon, () => createInlineRunner(), { runDate: "2026-12-02" }));
  expect(refused.code).toBe("taskLocked");
  expect(refused.subject).toBe("plan");
  expect(wb.fake.sheetNames()).toEqual(sheetsBefore);
  expect(wb.fake.calls.filter((c) => /^(Range\.|Worksheet\.|WorksheetCollection\.add)/.test(c.api)).length).toBe(writesBefore);
  await pane.endTask();
  const outcome = await runSavedAnalysis(ribbon, () => createInlineRunner(), { runDate: "2026-12-02" });
  expect(outcome.report.sheets.length).toBeGreaterThan(10);
  expect(wb.fake.settings.has(TASK_LOCK_SETTING)).toBe(false); // released after the refresh
});
