/** @jest-environment jsdom */
/**
 * The browser preview shows a sheet as Excel would (issue #12): a hidden column (the Plan's row
 * keys in column A) is neither drawn nor given a column letter, and the spec's internal hyperlinks
 * are links that show their sheet.
 */
import { render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { SheetView } from "../../src/taskpane/preview/SheetView";
import { buildWorkbookSpec } from "../../src/report/workbook";
import { plainValue } from "../../src/report/spec";
import { richAnalysis } from "../report/fixture";

test("the Plan's hidden key column is not drawn in the preview; its visible columns are", () => {
  const spec = buildWorkbookSpec(richAnalysis(), { runDate: "2026-01-15", sources: ["Mandats"] });
  const plan = spec.sheets.find((s) => s.key === "plan")!;
  expect(plan.columnWidths.find((w) => w.col === 0)?.hidden).toBe(true);
  const byKey = new Map(spec.sheets.map((s) => [s.key, s] as const));
  render(
    <FluentProvider theme={webLightTheme}>
      <SheetView lang="fr" spec={plan} lookup={{ byKey: (k: string) => byKey.get(k as never) ?? null } as never} />
    </FluentProvider>
  );
  const table = screen.getByRole("table", { name: plan.name });
  const letters = [...table.querySelectorAll("thead th")].map((th) => th.textContent);
  expect(letters).not.toContain("A");
  expect(letters).toContain("B");
  // A row key of column A ("actions/F:INFO") is not shown; the family label beside it is.
  const keyCell = plan.tables.flatMap((t) => t.rows.map((r) => plainValue(r[0]))).find((v) => String(v).startsWith("actions/"));
  expect(keyCell).toBeDefined();
  expect(table.textContent).not.toContain(String(keyCell));
  expect(table.textContent).toContain("Informatique");
});

test("an internal hyperlink of the spec (a dashboard tile's card) is a link in the preview: clicking it asks for its sheet", () => {
  const spec = buildWorkbookSpec(richAnalysis(), { runDate: "2026-01-15", sources: ["Mandats"] });
  const dash = spec.sheets.find((s) => s.key === "dashboard")!;
  const byKey = new Map(spec.sheets.map((s) => [s.key, s] as const));
  const followed: string[] = [];
  render(
    <FluentProvider theme={webLightTheme}>
      <SheetView lang="fr" spec={dash} lookup={{ byKey: (k: string) => byKey.get(k as never) ?? null } as never} onFollowLink={(k) => followed.push(k)} />
    </FluentProvider>
  );
  const card = screen.getAllByRole("link").find((a) => a.textContent?.startsWith("SP1 · fiche"))!;
  expect(card.getAttribute("data-link-sheet")).toBe("indicateurs");
  card.click();
  expect(followed).toEqual(["indicateurs"]);
  // Every link of the spec within the preview's rows is drawn as a link.
  expect(screen.getAllByRole("link").length).toBe((dash.links ?? []).length);
});
