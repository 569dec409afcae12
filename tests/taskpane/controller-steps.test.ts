/** The pane controller's steps that are plain functions: progress throttling, plan sheets in the last run. */
import { throttledProgress, withPlanSheets } from "../../src/taskpane/controller";
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
