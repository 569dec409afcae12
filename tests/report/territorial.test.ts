/**
 * Attentes des territoires, scenarios on the Territoires sheet and the plan's Organisation
 * territoriale section (issue #16 §3–§4): answers and the user's choice per family survive a re-run.
 */
import { analyse } from "../../src/core/analyse";
import type { Cell, Family, QualityRow, TerritoryRow } from "../../src/core/model";
import { sheetValues } from "../../src/report/grid";
import { readUserInputs } from "../../src/report/inputs";
import type { SheetSpec } from "../../src/report/spec";
import { buildWorkbookSpec } from "../../src/report/workbook";
import { entity, intakeOf, spend } from "../helpers/fixtures";

const fam = (key: string, label: string): Family => ({ key, label, rule: "familyCode" });
const EV = fam("F:EV", "Entretien des espaces verts");
const BUR = fam("F:BUR", "Fournitures de bureau");
const t = (territory: string, population: number): TerritoryRow => ({
  source: { table: "Pôles", row: 2 },
  territory,
  code: null,
  type: null,
  population,
  departement: "45",
  postcodes: [],
});
const q = (territory: string, value: number): QualityRow => ({
  source: { table: "Qualité", row: 2 },
  territory,
  service: "Espaces verts",
  indicator: "Fréquence de tonte",
  value,
  target: 4,
  unit: "par mois",
  date: null,
  direction: null,
});
const lines = ["Pôle Nord", "Pôle Sud"].flatMap((territory) => [
  spend({ entity: "CA", territory, family: EV, nature: "Services", amount: 5000, supplierPostcode: "45000" }),
  spend({ entity: "CA", territory, family: BUR, nature: "Fournitures", amount: 2000, supplierPostcode: "75008" }),
]);
const intake = {
  ...intakeOf({ spend: lines, entities: [entity({ entity: "CA", departement: "45" })] }),
  territories: [t("Pôle Nord", 6000), t("Pôle Sud", 4000)],
  quality: [q("Pôle Nord", 4), q("Pôle Sud", 2)],
};
const analysis = analyse(intake);
const OPTIONS = { runDate: "2026-01-15", sources: ["Mandats"] };
const sheet = (spec: ReturnType<typeof buildWorkbookSpec>, key: string) => spec.sheets.find((s) => s.key === key) as SheetSpec;
const tableRows = (s: SheetSpec, name: string) => {
  const table = s.tables.find((x) => x.name === name)!;
  const keys = table.columns.map((c) => c.key);
  return table.rows.map((r) => Object.fromEntries(r.map((v, i) => [keys[i], v && typeof v === "object" && "value" in v ? v.value : v])));
};

/** Types a value in the grid at the row whose column A is `key` and the column whose header is `header`. */
function type(grid: Cell[][], key: string, header: string, value: Cell): void {
  const r = grid.findIndex((row) => row[0] === key);
  const headerRow = grid.slice(0, r).reverse().find((row) => row[0] === "Clé")!;
  grid[r][headerRow.indexOf(header)] = value;
}

describe("Attentes des territoires questionnaire", () => {
  const first = buildWorkbookSpec(analysis, OPTIONS);
  const att = sheet(first, "attentes");

  it("has one column per territory and a pair of rows (importance, satisfaction) per service, with live formulas", () => {
    const table = att.tables.find((x) => x.name === "tblAttentesTerritoires")!;
    expect(table.columns.map((c) => c.header).slice(3)).toEqual(["Pôle Nord", "Pôle Sud", "Moyenne"]);
    const keys = table.rows.map((r) => r[0]);
    expect(keys.slice(0, 2)).toEqual(["VOIRIE/importance", "VOIRIE/satisfaction"]);
    // Title rows 1–2, note row 4, section row 6, header row 7: the first answers are on row 8.
    expect(table.rows[0][5]).toEqual({ formula: '=IFERROR(AVERAGE(D8:E8),"")' });
    expect(att.inputs.length).toBe(2); // the two territory columns
  });

  it("keeps the answers across runs and feeds them to the scenarios (Sud important and unsatisfied → priority)", () => {
    const grid = sheetValues(att);
    type(grid, "ESPACES_VERTS/importance", "Pôle Sud", 3);
    type(grid, "ESPACES_VERTS/satisfaction", "Pôle Sud", "0");
    type(grid, "ESPACES_VERTS/importance", "Pôle Nord", "1 · moyenne");
    const inputs = readUserInputs({ "Attentes des territoires": grid });
    expect(inputs.expectations).toEqual({
      ESPACES_VERTS: { "Pôle Sud": { importance: 3, satisfaction: 0 }, "Pôle Nord": { importance: 1, satisfaction: null } },
    });
    const second = buildWorkbookSpec(analysis, { ...OPTIONS, previousInputs: inputs });
    expect(sheetValues(sheet(second, "attentes"))).toEqual(grid.map((row) => row.map((c) => (c === "0" ? 0 : c === "1 · moyenne" ? 1 : c))));
    const scen = tableRows(sheet(second, "territoires"), "tblTerrScenarios").find((r) => r.family === "Entretien des espaces verts")!;
    expect(scen.priorities).toBe("Pôle Sud");
    expect(scen.gaps).toBe("Pôle Sud"); // tonte 2 / 4 = 50 % of target
  });

  it("reports an answer outside 0–3 instead of keeping it", () => {
    const grid = sheetValues(att);
    type(grid, "VOIRIE/importance", "Pôle Nord", 7);
    const inputs = readUserInputs({ "Attentes des territoires": grid });
    expect(inputs.expectations).toEqual({});
    expect(inputs.issues[0]).toMatch(/VOIRIE \(importance\), Pôle Nord : réponse « 7 » non reconnue/);
  });
});

describe("user's scenario choice per family", () => {
  it("is kept across runs, shown beside the recommended cursor, and feeds section 7 when it pools", () => {
    const first = buildWorkbookSpec(analysis, OPTIONS);
    const plan = sheetValues(sheet(first, "plan"));
    type(plan, "territorial/F:EV", "Scénario retenu", "C · Mixte");
    const inputs = readUserInputs({ "Plan stratégique": plan });
    expect(inputs.plan["territorial/F:EV"]).toEqual({ choice: "C · Mixte" });
    const second = buildWorkbookSpec(analysis, { ...OPTIONS, previousInputs: inputs });
    const organisation = tableRows(sheet(second, "plan"), "tblPlanOrganisationTerritoriale");
    expect(organisation.find((r) => r.key === "territorial/F:EV")?.choice).toBe("C · Mixte");
    const scen = tableRows(sheet(second, "territoires"), "tblTerrScenarios").find((r) => r.family === "Entretien des espaces verts")!;
    expect([scen.cursor, scen.choice]).toEqual(["B · Territorialiser", "C · Mixte"]);
    const s7 = tableRows(sheet(second, "plan"), "tblPlanMutualisation");
    expect(s7.find((r) => r.key === "mutualisation/F:EV")?.te4).toBe("C · Mixte (choix)");
    // Fournitures de bureau: pooled on the recommendation (A), no choice typed.
    expect(s7.find((r) => r.key === "mutualisation/F:BUR")?.te4).toBe("A · Mutualiser (recommandé)");
  });
});
