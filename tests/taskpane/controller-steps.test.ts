/** The pane controller's steps that are plain functions: progress throttling, plan sheets in the last run. */
import { busyNotice, throttledProgress, withPlanSheets, WorkbookTaskGuard } from "../../src/taskpane/controller";
import type { StageProgress } from "../../src/taskpane/jobs";
import type { RunSummary } from "../../src/workbook/run-summary";
import type { LastRun } from "../../src/workbook/settings";

describe("throttledProgress", () => {
  test("renders a stage change and the end at once, at most one render per 150 ms otherwise", () => {
    let clock = 0;
    const seen: StageProgress[] = [];
    const sink = throttledProgress((p) => seen.push(p), () => clock);
    sink({ stage: "check", done: 0, total: 10 }); // t=0 first: rendered
    clock = 100;
    sink({ stage: "check", done: 3, total: 10 }); // 100 ms later: dropped
    clock = 160;
    sink({ stage: "check", done: 5, total: 10 }); // 160 ms after the last render: rendered
    clock = 170;
    sink({ stage: "check", done: 10, total: 10 }); // the end of the stage: rendered
    sink({ stage: "indicators", done: 0, total: 8 }); // stage change: rendered
    expect(seen.map((p) => `${p.stage}:${p.done}`)).toEqual(["check:0", "check:5", "check:10", "indicators:0"]);
  });
});

describe("withPlanSheets", () => {
  const lastRun: LastRun = { runDate: "2026-12-01", periodLabel: "2026", sources: ["Mandats"], lang: "fr", planSheets: false };
  const summary = { sheets: [{ key: "dashboard", name: "Tableau de bord" }, { key: "plan", name: "Plan (ancien)" }] } as unknown as RunSummary;

  test("marks the plan as written and replaces the plan sheets in the summary, keeping the others", () => {
    const out = withPlanSheets(lastRun, summary, [{ key: "plan", name: "Plan stratégique" }, { key: "diagnostic", name: "Diagnostic 360" }]);
    expect(out?.planSheets).toBe(true);
    expect(out?.summary?.sheets).toEqual([
      { key: "dashboard", name: "Tableau de bord" },
      { key: "plan", name: "Plan stratégique" },
      { key: "diagnostic", name: "Diagnostic 360" },
    ]);
  });

  test("no last run stays no last run", () => {
    expect(withPlanSheets(null, summary, [])).toBeNull();
  });
});

describe("one workbook task at a time in the pane (issue #13, concurrent runs)", () => {
  test("a second analysis (or plan, documents, DECP import) started while one runs is refused until the first ends", () => {
    const guard = new WorkbookTaskGuard();
    expect(guard.begin("run")).toBe(true);
    expect(guard.begin("run")).toBe(false); // a double click
    expect(guard.begin("plan")).toBe(false);
    expect(guard.busy).toBe(true);
    guard.end("plan"); // ending a task that never started frees nothing
    expect(guard.begin("documents")).toBe(false);
    guard.end("run");
    expect(guard.busy).toBe(false);
    expect(guard.begin("plan")).toBe(true);
  });

  test("the refusal says so in French, with what to do", () => {
    expect(busyNotice("fr")).toEqual({
      id: "workbook-busy",
      intent: "warning",
      text: expect.stringMatching(/^Une analyse ou une écriture est déjà en cours dans ce classeur : attendez qu'elle se termine \(ou annulez-la\), puis relancez\.$/),
    });
    expect(busyNotice("en").text).toMatch(/already under way/);
  });
});
