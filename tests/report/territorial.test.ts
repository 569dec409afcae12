/**
 * Attentes des territoires, scenarios on the Territoires sheet and the plan's Organisation
 * territoriale section (issue #16 §3–§4): answers and the user's choice per family survive a re-run.
 */
import { analyse } from "../../src/core/analyse";
import type { Cell, Family, QualityRow, TerritoryRow } from "../../src/core/model";
import { sheetValues } from "../../src/report/grid";
import { readUserInputs } from "../../src/report/inputs";
import { plainValue, type SheetSpec } from "../../src/report/spec";
import { printedWidth } from "../../src/report/print";
import { buildWorkbookSpec } from "../../src/report/workbook";
import { entity, intakeOf, spend } from "../helpers/fixtures";
import { PRINTED_SCENARIO_FAMILIES } from "../../src/report/sheets/territorial";
import { demoAnalysis, RUN } from "../file/xlsx-writer-helpers";

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
    // Tonte 2 / 4 = 50 % of target: a quality gap; importance 3, satisfaction 0: a priority.
    expect(scen.reasons).toContain("Écarts de qualité (sous la cible) : Pôle Sud");
    expect(scen.reasons).toContain("Attentes prioritaires (importance forte, satisfaction faible) : Pôle Sud");
    // The answer at the top of the sheet names the territory the orientation serves, and its 4 000 inhabitants.
    const answer = tableRows(sheet(second, "territoires"), "tblTerrReponse").find((r) => r.family === "Entretien des espaces verts")!;
    expect([answer.served, answer.population]).toEqual(["Pôle Sud", 4000]);
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

describe("print: the territorial sheets read on A4 landscape", () => {
  const spec = buildWorkbookSpec(analysis, OPTIONS);

  it("lays every table of the Territoires sheet on its 10-column grid, so the sheet prints 210 characters wide", () => {
    const s = sheet(spec, "territoires");
    // No table column beyond the grid's last column (J): a 14-column table printed the sheet 604 characters wide.
    for (const t of s.tables) expect([t.name, t.col + t.columns.length - 1 <= 9]).toEqual([t.name, true]);
    expect(s.print?.area.c2).toBeLessThanOrEqual(9);
    // 26 + 26 + 16 + 16 + 20 + 16 + 20 + 44 + 14 + 12 = 210 characters, landscape (> 100).
    expect(printedWidth(s, 9)).toBe(210);
    expect(s.print?.orientation).toBe("landscape");
  });

  it("wraps every text column of the Territoires tables narrower than its longest text, so nothing is cut", () => {
    const s = sheet(spec, "territoires");
    const width = new Map(s.columnWidths.map((w) => [w.col, w.width]));
    for (const t of s.tables)
      t.columns.forEach((c, i) => {
        const longest = Math.max(0, ...t.rows.map((r) => String(plainValue(r[i]) ?? "").length));
        if (longest > (width.get(t.col + i) ?? 8.43)) expect([t.name, c.key, c.wrap === true]).toEqual([t.name, c.key, true]);
      });
  });

  it("Attentes: prints without the row keys of column A, the priorities on a page of their own, each score under its territory", () => {
    const att = sheet(spec, "attentes");
    expect(att.print?.area.c1).toBe(1);
    const marker = att.blocks.find((b) => b.values[0][0] === "#priorites")!;
    expect(att.print?.rowBreaks).toEqual([marker.row]);
    const questionnaire = att.tables.find((x) => x.name === "tblAttentesTerritoires")!;
    const head = att.blocks.find((b) => b.row === marker.row + 1)!;
    // Territory columns D and E (3, 4) in both the questionnaire and the priorities' header.
    expect(questionnaire.columns.slice(3, 5).map((c) => c.header)).toEqual(["Pôle Nord", "Pôle Sud"]);
    expect(head.values[0].slice(3 - head.col, 5 - head.col)).toEqual(["Pôle Nord", "Pôle Sud"]);
  });
});

describe("plan's Organisation territoriale: what the user's choice costs", () => {
  it("adds the chosen scenario's cost to the reasons when the choice differs from the recommended cursor", () => {
    const first = buildWorkbookSpec(analysis, OPTIONS);
    const plan = sheetValues(sheet(first, "plan"));
    type(plan, "territorial/F:EV", "Scénario retenu", "C · Mixte");
    const second = buildWorkbookSpec(analysis, { ...OPTIONS, previousInputs: readUserInputs({ "Plan stratégique": plan }) });
    const row = tableRows(sheet(second, "plan"), "tblPlanOrganisationTerritoriale").find((r) => r.key === "territorial/F:EV")!;
    // Espaces verts: 2 × 5 000 = 10 000 €; C = 10 000 × 2 / 5 / 10 % × 50 % = 100 / 250 / 500 €.
    expect(row.reasons).toContain("Choix retenu : C · Mixte — Économies 100 € à 500 € (central 250 €, 50 % du scénario A)");
    // No choice typed for Fournitures de bureau: its reasons end with the cursor's cost, nothing added.
    const bur = tableRows(sheet(second, "plan"), "tblPlanOrganisationTerritoriale").find((r) => r.key === "territorial/F:BUR")!;
    expect(bur.reasons).not.toContain("Choix retenu");
  });
});

describe("balance of the orientations: says only what applies", () => {
  /** The balance line of the Territoires answer and of the plan, once the plan's choices are typed. */
  function balances(choices: Record<string, string>, lang: "fr" | "en" = "fr"): string[] {
    const first = buildWorkbookSpec(analysis, OPTIONS);
    const plan = sheetValues(sheet(first, "plan"));
    for (const [key, choice] of Object.entries(choices)) type(plan, key, "Scénario retenu", choice);
    const previousInputs = readUserInputs({ "Plan stratégique": plan });
    const spec = buildWorkbookSpec(analysis, { ...OPTIONS, lang, previousInputs });
    const out: string[] = [];
    for (const key of ["territoires", "plan"])
      for (const b of sheet(spec, key).blocks)
        for (const row of b.values)
          for (const v of row) {
            const p = plainValue(v);
            if (typeof p === "string" && /^(Bilan des orientations|Balance of the orientations)/.test(p)) out.push(p);
          }
    return out;
  }

  it("no family brought closer: savings only, no « surcoût 0 € »", () => {
    // Espaces verts 2 × 5 000 = 10 000 €, chosen A: 2 / 5 / 10 % = 200 / 500 / 1 000 €;
    // Fournitures de bureau 2 × 2 000 = 4 000 €, cursor A: 80 / 200 / 400 €.
    // Net = savings: 700 € central, 280 € to 1 400 €; A serves no territory → no inhabitants part.
    const fr = balances({ "territorial/F:EV": "A · Mutualiser" });
    expect(fr).toEqual([
      "Bilan des orientations : solde +700 € sur la période au scénario central (fourchette +280 € à +1 400 €) — économies 700 €.",
      "Bilan des orientations : solde +700 € sur la période au scénario central (fourchette +280 € à +1 400 €) — économies 700 €.",
    ]);
    const en = balances({ "territorial/F:EV": "A · Mutualiser" }, "en");
    expect(en[0]).toBe("Balance of the orientations: net +€700 over the period in the central scenario (range +€280 to +€1,400) — savings €700.");
  });

  it("every family brought closer: extra cost only, no « économies 0 € », no range of one figure", () => {
    // B = 2 % extra cost: 10 000 × 2 % = 200 € (Espaces verts) + 4 000 × 2 % = 80 € (bureau) = 280 €,
    // the same at low, central and high. Espaces verts' lots address Pôle Sud (2 against a target
    // of 4, under-served): 4 000 inhabitants; Fournitures de bureau has no service, none.
    const fr = balances({ "territorial/F:EV": "B · Territorialiser", "territorial/F:BUR": "B · Territorialiser" });
    expect(fr[0]).toBe(
      "Bilan des orientations : solde −280 € sur la période au scénario central — surcoût 280 € ; 4 000 habitants des territoires en écart ou en attente ciblés."
    );
    const en = balances({ "territorial/F:EV": "B · Territorialiser", "territorial/F:BUR": "B · Territorialiser" }, "en");
    expect(en[0]).toBe(
      "Balance of the orientations: net −€280 over the period in the central scenario — extra cost €280; 4,000 inhabitants of the territories with gaps or expectations targeted."
    );
  });
});

describe("plan's Organisation territoriale: the territories a row concerns", () => {
  it("« tous (n) » when the scenario covers the whole perimeter, else the territories with a gap or a priority", () => {
    // Espaces verts (cursor B): Pôle Sud under target (2 against 4), Pôle Nord at target → its lots
    // address Pôle Sud only. Fournitures de bureau (cursor A, one contract for both pôles): tous (2).
    const rows = tableRows(sheet(buildWorkbookSpec(analysis, OPTIONS), "plan"), "tblPlanOrganisationTerritoriale");
    expect(rows.find((r) => r.key === "territorial/F:EV")?.territories).toBe("Pôle Sud");
    expect(rows.find((r) => r.key === "territorial/F:BUR")?.territories).toBe("tous (2)");
    // Espaces verts chosen A: one contract for both pôles, whatever the gaps.
    const plan = sheetValues(sheet(buildWorkbookSpec(analysis, OPTIONS), "plan"));
    type(plan, "territorial/F:EV", "Scénario retenu", "A · Mutualiser");
    const previousInputs = readUserInputs({ "Plan stratégique": plan });
    const en = tableRows(sheet(buildWorkbookSpec(analysis, { ...OPTIONS, lang: "en", previousInputs }), "plan"), "tblPlanOrganisationTerritoriale");
    expect(en.find((r) => r.key === "territorial/F:EV")?.territories).toBe("all (2)");
  });
});

describe("printing the scenarios of a large perimeter", () => {
  it("keeps the impacts table below the printed rows beyond PRINTED_SCENARIO_FAMILIES families (3 long rows each), and says where it is", () => {
    // The demo: 13 entities buying more than 8 families each → more than 8 families with scenarios.
    const spec = buildWorkbookSpec(demoAnalysis(), RUN).sheets.find((s) => s.key === "territoires")!;
    const impacts = spec.tables.find((x) => x.name === "tblTerrScenariosImpacts")!;
    const families = new Set(impacts.rows.map((r) => JSON.stringify(r[0])));
    expect(families.size).toBeGreaterThan(PRINTED_SCENARIO_FAMILIES);
    expect(impacts.rows).toHaveLength(3 * families.size);
    expect(impacts.row).toBeGreaterThan(spec.print!.area.r2);
    // The scenarios table itself (one row a family, with the recommended cursor) still prints.
    const scenarios = spec.tables.find((x) => x.name === "tblTerrScenarios")!;
    expect(scenarios.row + scenarios.rows.length).toBeLessThanOrEqual(spec.print!.area.r2);
    const notes = spec.blocks.map((b) => plainValue(b.values[0][0])).filter((v): v is string => typeof v === "string");
    expect(notes.some((n) => n.startsWith(`Le détail (${3 * families.size} lignes) est en bas de la feuille`))).toBe(true);
  });

  it("prints the impacts table in its section for a few families (the two families of the pôles fixture)", () => {
    const spec = sheet(buildWorkbookSpec(analysis, OPTIONS), "territoires");
    const impacts = spec.tables.find((x) => x.name === "tblTerrScenariosImpacts")!;
    expect(impacts.rows.length).toBeGreaterThan(0);
    expect(impacts.rows.length).toBeLessThanOrEqual(3 * PRINTED_SCENARIO_FAMILIES);
    expect(impacts.row + impacts.rows.length).toBeLessThanOrEqual(spec.print!.area.r2);
  });
});
