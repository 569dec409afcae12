/**
 * Layout of the Attentes des territoires sheet (issue #16 §3), shared by its builder and by
 * readUserInputs: one row per service and measure, keyed "<serviceId>/importance" and
 * "<serviceId>/satisfaction" in column A; column B the service, C the measure, then one column per
 * territory (its name in the header row, the row whose column A is "Clé"/"Key"), then the mean.
 * Answers are 0–3 (a number, or a text starting with the digit).
 */
import type { Cell } from "../core/model";
import type { ExpectationAnswers, Score } from "../core/territories/expectations";
import { KEY_HEADERS } from "./input-layout";

export const EXPECTATIONS_FIRST_TERRITORY_COL = 3;
export const MEASURES = ["importance", "satisfaction"] as const;
export type Measure = (typeof MEASURES)[number];

export function expectationKey(serviceId: string, measure: Measure): string {
  return `${serviceId}/${measure}`;
}

/** 0–3 from a cell (2, "2", "2 · Importante"), null when blank, undefined when unreadable. */
export function parseScore(c: Cell): Score | null | undefined {
  if (c === null || c === undefined) return null;
  if (typeof c === "number") return Number.isInteger(c) && c >= 0 && c <= 3 ? (c as Score) : undefined;
  if (typeof c !== "string") return undefined;
  const t = c.trim();
  if (t === "") return null;
  const m = /^([0-3])(?!\d)/.exec(t);
  return m ? (Number(m[1]) as Score) : undefined;
}

/** Reads the answers of the sheet's raw values (French messages for unreadable cells in `issues`). */
export function readExpectationGrid(
  grid: Cell[][],
  issues: string[]
): { answers: ExpectationAnswers; territories: string[] } {
  const answers: ExpectationAnswers = {};
  let columns: { col: number; territory: string }[] = [];
  const order: string[] = [];
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r] ?? [];
    const key = typeof row[0] === "string" ? row[0].trim() : null;
    if (key === null || key.startsWith("#")) continue;
    if (KEY_HEADERS.includes(key)) {
      columns = [];
      for (let c = EXPECTATIONS_FIRST_TERRITORY_COL; c < row.length; c++) {
        const h = row[c];
        if (typeof h !== "string" || h.trim() === "") break;
        columns.push({ col: c, territory: h.trim() });
      }
      // The last column is the mean (not a territory).
      columns.pop();
      for (const x of columns) if (!order.includes(x.territory)) order.push(x.territory);
      continue;
    }
    const at = key.lastIndexOf("/");
    if (at <= 0) continue;
    const serviceId = key.slice(0, at);
    const measure = key.slice(at + 1) as Measure;
    if (!MEASURES.includes(measure)) continue;
    for (const { col, territory } of columns) {
      const v = parseScore(row[col] as Cell);
      if (v === undefined) {
        issues.push(
          `Attentes des territoires, ${serviceId} (${measure}), ${territory} : réponse « ${String(row[col])} » non reconnue (attendu 0 à 3), ignorée.`
        );
        continue;
      }
      if (v === null) continue;
      const byT = (answers[serviceId] ??= {});
      const a = (byT[territory] ??= { importance: null, satisfaction: null });
      a[measure] = v;
    }
  }
  return { answers, territories: order };
}
