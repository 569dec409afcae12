/** The CLI summaries of a contracts-only input say it is an analysis of awarded contracts (issue #11 §1). */
import { analyse } from "../../src/core/analyse";
import { yearPeriod } from "../../src/core/period";
import { jsonSummary, textSummary } from "../../src/cli/summary";
import { contract, intakeOf, spend } from "../helpers/fixtures";

const register = [contract({ amount: 50_000, notified: "2025-03-01" })];

test("contracts only: the text summary says « Analyse des marchés attribués », the JSON gives basis awarded", () => {
  const a = analyse(intakeOf({ contracts: register }), { period: yearPeriod(2025) });
  expect(textSummary(a, "rapport.xlsx")).toMatch(/Analyse des marchés attribués : Aucune ligne de dépense/);
  const j = jsonSummary(a, ["marches.csv"]);
  expect(j.basis).toBe("awarded");
  expect(j.indicators.SP1).toMatchObject({ value: 50_000, basis: "awarded" });
});

test("with spend lines: no such line, basis spend", () => {
  const a = analyse(intakeOf({ contracts: register, spend: [spend({ amount: 100, on: "2025-04-01" })] }), { period: yearPeriod(2025) });
  expect(textSummary(a, "rapport.xlsx")).not.toMatch(/marchés attribués/);
  expect(jsonSummary(a, []).basis).toBe("spend");
});
