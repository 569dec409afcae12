/**
 * The territorial demo (examples/achats-demo-territoires.xlsx, scripts/demo/territoires.ts): the
 * committed workbook goes through the real file intake and the analysis; each planted case is
 * found and each negative control is not. Every expected figure is derived by hand below from the
 * planted data (yearly totals per family × pôle, populations, quality measures, answers), not read
 * from the engine.
 *
 * Planted data (2025, € HT):
 *   Pôle (population)    Nord (12 000)  Sud (8 000)  Est (6 000)  Ouest (4 000)   Σ
 *   Fournitures bureau        14 000       9 000       6 000        4 000      33 000  suppliers 75011 / 45000: local nowhere
 *   Matériel informatique     18 000           –           –            –      18 000  Nord only
 *   Espaces verts             24 000      16 000      12 000        8 000      60 000  one supplier in each pôle's postcodes
 *   Nettoyage                 10 000       6 000       5 000        3 000      24 000  local in Nord only (41210)
 *   Voirie                    40 000      30 000      20 000       10 000     100 000  supplier 45000: local nowhere
 *   Σ                        106 000      61 000      43 000       25 000     235 000
 */
import { frText } from "../helpers/messages";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { analyse, indicator } from "../../src/core/analyse";
import { render, type Message } from "../../src/core/messages/render";
import { isReconciled } from "../../src/core/intake";
import type { Cell } from "../../src/core/model";
import { territorialScenarios } from "../../src/core/territories";
import { scoreExpectations, type ExpectationAnswers } from "../../src/core/territories/expectations";
import { runAnalyseCommand } from "../../src/cli/analyse-command";
import { loadInputs } from "../../src/file/load-inputs";
import { writeWorkbook } from "../../src/file/write-workbook";
import { readOwnedInputs } from "../../src/file/write-workbook";
import { openXlsx } from "../../src/file/xlsx-reader";
import { columnLetter } from "../../src/report/a1";
import { fieldCol, PLAN_LAYOUT } from "../../src/report/input-layout";
import { readUserInputs } from "../../src/report/inputs";
import { plainValue } from "../../src/report/spec";
import { buildWorkbookSpec } from "../../src/report/workbook";
import { cellElement, rowOfKey, sheetsOf } from "../file/xlsx-writer-helpers";

const FILE = path.join(__dirname, "..", "..", "examples", "achats-demo-territoires.xlsx");
const PLANTED = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "examples", "achats-demo-territoires.planted.json"), "utf8"));

let intake: Awaited<ReturnType<typeof loadInputs>>;
let analysis: ReturnType<typeof analyse>;
beforeAll(async () => {
  intake = await loadInputs([FILE]);
  analysis = analyse(intake);
});

const te4Row = (code: string) => indicator(analysis, "TE4").tables.recommendations.find((r) => r.familyKey === `F:${code}`)!;
const reasonsOf = (code: string) => ((te4Row(code).reasons ?? []) as readonly Message[]).map((m) => render("fr", m));

describe("intake of the territorial demo", () => {
  it("reads every table of the workbook (the Attentes sheet is the report's, not data) and reconciles to the cent", () => {
    expect(isReconciled(intake.reconciliation)).toBe(true);
    expect(intake.reconciliation.rowsRejected).toBe(0);
    expect(intake.spend.reduce((s, l) => s + l.amountHTCents, 0)).toBe(235000_00); // Σ of the table above
    expect(intake.territories?.map((t) => [t.territory, t.population, t.postcodes])).toEqual([
      ["Pôle Nord", 12000, ["41200", "41210"]],
      ["Pôle Sud", 8000, ["41300", "41320"]],
      ["Pôle Est", 6000, ["41220"]],
      ["Pôle Ouest", 4000, ["41230", "41240"]],
    ]);
    expect(intake.quality).toHaveLength(17); // 4 indicators × 4 pôles + the 2024 measure of Pôle Est
    // The Attentes sheet is the report's own (its stamp, or the ownership record): never read as data.
    expect(intake.tables.map((t) => t.sheet)).not.toContain("Attentes des territoires");
    expect(PLANTED.planted.map((p: { kind: string }) => p.kind)).toEqual(["under-served-territory", "pool-family", "territorialise-family", "mixed-family"]);
  });

  it("gives the spend per inhabitant of the body and of each pôle from the Territoires populations (TE1)", () => {
    const te1 = indicator(analysis, "TE1");
    // 235 000 € / 30 000 hab. = 7.833 → 7.83.
    expect(te1.value).toBe(7.83);
    expect(te1.details.populationSource).toBe("territoires");
    // Nord 106 000 / 12 000 = 8.833 ; Sud 61 000 / 8 000 = 7.625 ; Est 43 000 / 6 000 = 7.167 ; Ouest 25 000 / 4 000 = 6.25.
    expect(te1.tables.byTerritory.map((r) => [r.territory, r.amount, r.population, r.perInhabitant])).toEqual([
      ["Pôle Nord", 106000, 12000, 8.83],
      ["Pôle Sud", 61000, 8000, 7.63],
      ["Pôle Est", 43000, 6000, 7.17],
      ["Pôle Ouest", 25000, 4000, 6.25],
    ]);
  });
});

describe("planted: the under-served territory and its service; control: a gap within the tolerance", () => {
  const quality = () => analysis.territorial!.quality!;

  it("finds Pôle Ouest under-served on Voirie only (délai 9 days, target 5: 5 / 9 = 55.56 % < 90 %)", () => {
    const under = quality().measures.filter((m) => m.underServed);
    expect(under.map((m) => [m.territory, m.service, m.indicator, m.direction, m.gap, m.attainmentPercent])).toEqual([
      ["Pôle Ouest", "Voirie", "Délai moyen d'intervention", "lower", 4, 55.56],
    ]);
    expect(quality().territories[0]).toMatchObject({ territory: "Pôle Ouest", population: 4000, underServedMeasures: 1, underServedServices: ["Voirie"], perInhabitant: 6.25 });
  });

  it("control: Pôle Est at 5.5 days (5 / 5.5 = 90.91 % ≥ 90) is not under-served, and its 2024 measure (7 days) is superseded", () => {
    const est = quality().measures.find((m) => m.territory === "Pôle Est" && m.service === "Voirie")!;
    expect([est.value, est.attainmentPercent, est.underServed]).toEqual([5.5, 90.91, false]);
    expect(quality().supersededRows).toBe(1);
    // Accueil, Pôle Ouest: 28 h for 30 → 93.33 %, within the tolerance too.
    const accueil = quality().measures.find((m) => m.territory === "Pôle Ouest" && m.service === "Accueil du public")!;
    expect([accueil.attainmentPercent, accueil.underServed]).toEqual([93.33, false]);
  });

  it("weights the equity of Voirie by population", () => {
    const voirie = quality().services.find((s) => s.service === "Voirie")!;
    // Under-served 4 000 / 30 000 = 13.33 %. Attainment per pôle: Nord 5/4 = 125, Sud 100, Est 90.91, Ouest 55.56;
    // weighted (125×12 000 + 100×8 000 + 90.91×6 000 + 55.56×4 000) / 30 000 = 3 067 700 / 30 000 = 102.26.
    expect([voirie.populationMeasured, voirie.populationUnderServed, voirie.populationUnderServedPercent, voirie.weightedAttainmentPercent]).toEqual([
      30000, 4000, 13.33, 102.26,
    ]);
    // Every other service: nobody under-served; overall 4 000 / 30 000.
    for (const s of quality().services.filter((x) => x.service !== "Voirie")) expect(s.populationUnderServed).toBe(0);
    expect(quality().populationUnderServedPercent).toBe(13.33);
    const spread = quality().spreads.find((s) => s.service === "Voirie")!;
    // 4, 5, 5.5, 9: mean 23.5 / 4 = 5.875 → 5.88; weighted (48 000 + 40 000 + 33 000 + 36 000) / 30 000 = 5.23.
    expect([spread.min, spread.max, spread.mean, spread.weightedMean, spread.best, spread.worst]).toEqual([4, 9, 5.88, 5.23, "Pôle Nord", "Pôle Ouest"]);
  });
});

describe("TE4 on the pôles: planted families and their controls, with the reasons", () => {
  it("pools Fournitures de bureau: standard, 4 pôles, 0 % local everywhere", () => {
    expect([te4Row("FOUR-BUR").territoryCount, te4Row("FOUR-BUR").recommendation]).toEqual([4, "mutualiser"]);
    // The 4 pôles are named once, by the local supply per territory (every pôle's share is known).
    expect(reasonsOf("FOUR-BUR").filter((r) => r.startsWith("Territoires :"))).toEqual([]);
    expect(reasonsOf("FOUR-BUR")).toContain(
      "Offre locale forte (≥ 50 %) dans 0 territoire sur 4 : Pôle Nord 0,0 %, Pôle Sud 0,0 %, Pôle Est 0,0 %, Pôle Ouest 0,0 %",
    );
  });

  it("control: Matériel informatique, bought by Pôle Nord only, gets no recommendation", () => {
    expect([te4Row("INFO-MAT").territoryCount, te4Row("INFO-MAT").recommendation]).toEqual([1, null]);
  });

  it("territorialises Entretien des espaces verts: proximity (nomenclature), 100 % local in 4 of 4 pôles", () => {
    const r = te4Row("ESP-VERTS");
    expect([r.territoryCount, r.proximity, r.proximitySource ? render("fr", r.proximitySource as Message) : null, r.recommendation]).toEqual([4, true, "la nomenclature (service de proximité : oui)", "territorialiser"]);
    expect(reasonsOf("ESP-VERTS")).toContain(
      "Offre locale forte (≥ 50 %) dans 4 territoires sur 4 : Pôle Nord 100,0 %, Pôle Sud 100,0 %, Pôle Est 100,0 %, Pôle Ouest 100,0 %",
    );
  });

  it("TE3 on one body: the pôles' département (41, Territoires table) stands for the missing entity département", () => {
    // Local = supplier postcode in 41: Espaces verts (41200, 41300, 41220, 41230) 60 000 € and Nettoyage Nord (41210) 10 000 €;
    // Paris, Orléans (45000) and 45100 are not. 70 000 / 235 000 = 29.79 %.
    const te3 = indicator(analysis, "TE3");
    expect(te3.value).toBe(29.79);
    // Nord (24 000 + 10 000) / 106 000 = 32.08 ; Sud 16 000 / 61 000 = 26.23 ; Est 12 000 / 43 000 = 27.91 ; Ouest 8 000 / 25 000 = 32.
    expect(te3.tables.byTerritory.map((r) => [r.territory, r.localAmount, r.localSharePercent])).toEqual([
      ["Pôle Nord", 34000, 32.08],
      ["Pôle Sud", 16000, 26.23],
      ["Pôle Est", 12000, 27.91],
      ["Pôle Ouest", 8000, 32],
    ]);
  });

  it("writes the local shares of the pôles in the reader's language (English: 100.0%, not 100,0 %)", () => {
    const en = ((te4Row("NETT").reasons ?? []) as readonly Message[]).map((m) => render("en", m));
    expect(en).toContain("Strong local supply (≥ 50%) in 1 of 4 territories: Pôle Nord 100.0%, Pôle Sud 0.0%, Pôle Est 0.0%, Pôle Ouest 0.0%");
  });

  it("control: Nettoyage des locaux, proximity but local in 1 of 4 pôles (< half), is mixte, not territorialiser", () => {
    expect(te4Row("NETT").recommendation).toBe("mixte");
    expect(reasonsOf("NETT")).toContain(
      "Offre locale forte (≥ 50 %) dans 1 territoire sur 4 : Pôle Nord 100,0 %, Pôle Sud 0,0 %, Pôle Est 0,0 %, Pôle Ouest 0,0 %",
    );
    // Voirie: proximity, 0 local → mixte. TE4 counts mutualiser + mixte = 1 + 2.
    expect(te4Row("VOIRIE").recommendation).toBe("mixte");
    expect(indicator(analysis, "TE4").value).toBe(3);
  });
});

describe("the answered questionnaire and the scenarios", () => {
  let answers: ExpectationAnswers = {};
  beforeAll(async () => {
    const owned = await readOwnedInputs(FILE);
    expect(Object.keys(owned)).toEqual(["attentes"]); // recognised as the report's sheet (name + stamp)
    answers = readUserInputs(owned).expectations ?? {};
  });
  const scen = (code: string) => territorialScenarios(analysis.territorial!, answers, analysis.reference).find((s) => s.familyKey === `F:${code}`)!;

  it("reads the answers back in the report's layout: Pôle Ouest important (3) and unsatisfied (0) on Voirie", () => {
    expect(answers.VOIRIE).toEqual({
      "Pôle Nord": { importance: 2, satisfaction: 2 },
      "Pôle Sud": { importance: 2, satisfaction: 2 },
      "Pôle Est": { importance: 2, satisfaction: 2 },
      "Pôle Ouest": { importance: 3, satisfaction: 0 },
    });
    const scored = scoreExpectations(answers);
    // Importance (2 + 2 + 2 + 3) / 4 = 2.25 ; satisfaction (2 + 2 + 2 + 0) / 4 = 1.5 ; Ouest 3 × (3 − 0) = 9.
    expect(scored.get("VOIRIE")).toEqual({ serviceId: "VOIRIE", answered: 4, meanImportance: 2.25, meanSatisfaction: 1.5, priorityTerritories: ["Pôle Ouest"], maxPriorityScore: 9 });
    // Propreté: Sud 1 / 1 is not a priority (importance < 2).
    expect(scored.get("PROPRETE")?.priorityTerritories).toEqual([]);
  });

  it("gives the pooled family's scenario figures from the scenario rates (2 / 5 / 10 %, lots 50 %, extra cost 2 %)", () => {
    const bur = scen("FOUR-BUR"); // S = 33 000 €
    expect([bur.scenarios.A.savingsLowCents, bur.scenarios.A.savingsCentralCents, bur.scenarios.A.savingsHighCents]).toEqual([660_00, 1650_00, 3300_00]);
    expect([bur.scenarios.C.savingsLowCents, bur.scenarios.C.savingsCentralCents, bur.scenarios.C.savingsHighCents]).toEqual([330_00, 825_00, 1650_00]);
    expect(bur.scenarios.B.savingsCentralCents).toBe(-660_00);
    expect(bur.scenarios.A.localSpendExposedCents).toBe(0); // no local supplier
    expect([bur.scenarios.A.lots, bur.scenarios.B.lots, bur.scenarios.C.lots]).toEqual([1, 4, 4]);
    expect(frText(bur.scenarios.A.legal)).toContain("Valeur annuelle 33 000 € : procédure adaptée");
    expect([bur.serviceLabel, bur.cursor]).toEqual([null, "A"]);
    expect(bur.reasons.map((m) => render("fr", m))).toContain("Recommandation TE4 : mutualiser");
  });

  it("recommends B for Espaces verts, C for Nettoyage and Voirie, none for Matériel informatique", () => {
    const ev = scen("ESP-VERTS"); // S = 60 000 €, all of it to local suppliers
    expect([ev.cursor, ev.scenarios.A.localSpendExposedCents, ev.scenarios.B.savingsCentralCents]).toEqual(["B", 60000_00, -1200_00]);
    expect([scen("NETT").cursor, scen("NETT").gapTerritories, scen("NETT").priorityTerritories]).toEqual(["C", [], []]);
    expect(scen("INFO-MAT").cursor).toBeNull();
    // Voirie: the gap and the priority of Pôle Ouest (1 of 4 pôles < half) keep C; B and C target its 4 000 inhabitants.
    const voirie = scen("VOIRIE");
    expect([voirie.cursor, voirie.gapTerritories, voirie.priorityTerritories]).toEqual(["C", ["Pôle Ouest"], ["Pôle Ouest"]]);
    expect([voirie.scenarios.A.populationTargeted, voirie.scenarios.B.populationTargeted, voirie.scenarios.C.populationTargeted]).toEqual([0, 4000, 4000]);
  });
});

describe("the user's scenario choice survives a re-run of the command line on the report", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "optima-demo-terr-"));
  const out = path.join(dir, "rapport-territoires.xlsx");
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const run = () =>
    runAnalyseCommand(
      { command: "analyse", inputs: [FILE], output: out, period: null, parametersFile: null, mappingFile: null, json: true, lang: "fr" },
      { stdout: () => undefined, stderr: { write: () => undefined, isTTY: false }, runDate: "2026-01-16" },
    );

  async function sheetGrid(file: string, name: string): Promise<Cell[][]> {
    const grid: Cell[][] = [];
    await (await openXlsx(file)).readRows(name, (row, n) => {
      grid[n - 1] = row;
    });
    return grid;
  }

  it("keeps the questionnaire's answers and the choice typed in the plan's Scénario retenu column", async () => {
    // As `npm run demo` does: the report starts from a copy of the demo workbook (answered questionnaire included).
    fs.copyFileSync(FILE, out);
    expect(await run()).toBe(0);
    const first = readUserInputs(await readOwnedInputs(out));
    expect(first.expectations?.VOIRIE?.["Pôle Ouest"]).toEqual({ importance: 3, satisfaction: 0 });

    // The user chooses C · Mixte for Fournitures de bureau (recommended: A).
    const parts = unzipSync(new Uint8Array(fs.readFileSync(out)));
    const text: Record<string, string> = Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strFromU8(v)]));
    const plan = sheetsOf(text).find((s) => s.name === "Plan stratégique")!.part;
    const ref = `${columnLetter(fieldCol(PLAN_LAYOUT.territorial, "choice"))}${rowOfKey(text[plan], "territorial/F:FOUR-BUR")}`;
    expect(cellElement(text[plan], ref)).not.toBeNull();
    const old = cellElement(text[plan], ref)!;
    const style = /\ss="(\d+)"/.exec(old)?.[1];
    parts[plan] = strToU8(text[plan].replace(old, `<c r="${ref}"${style ? ` s="${style}"` : ""} t="inlineStr"><is><t>C · Mixte</t></is></c>`));
    fs.writeFileSync(out, zipSync(parts));

    expect(await run()).toBe(0);
    const second = readUserInputs(await readOwnedInputs(out));
    expect(second.plan["territorial/F:FOUR-BUR"]).toMatchObject({ choice: "C · Mixte" });
    expect(second.expectations?.VOIRIE?.["Pôle Ouest"]).toEqual({ importance: 3, satisfaction: 0 });
    // The Territoires sheet shows the recommended cursor (A) beside the choice (C).
    const terr = await sheetGrid(out, "Territoires");
    const row = terr.find((r) => r?.includes("Fournitures de bureau") && r.includes("C · Mixte"));
    expect(row).toBeDefined();
    expect(row).toContain("A · Mutualiser");
  });
});

/**
 * The answer in one place (issue #16, "done when"), at the top of the Territoires sheet, from the
 * scenarios above with the recommended cursors (no choice typed):
 *   A Fournitures de bureau  33 000 € × 2 / 5 / 10 %              = +660 / +1 650 / +3 300 €
 *   C Entretien de la voirie 100 000 € × 2 / 5 / 10 % × 50 %      = +1 000 / +2 500 / +5 000 €, serves Pôle Ouest (4 000 hab.)
 *   C Nettoyage des locaux   24 000 € × 2 / 5 / 10 % × 50 %       = +240 / +600 / +1 200 €
 *   B Entretien espaces verts 60 000 € × 2 % extra cost           = −1 200 €
 *   no orientation: Matériel informatique (one pôle)
 *   savings 1 650 + 2 500 + 600 = 4 750 € (low 660 + 1 000 + 240 = 1 900, high 3 300 + 5 000 + 1 200 = 9 500)
 *   net 4 750 − 1 200 = +3 550 € (low 1 900 − 1 200 = +700, high 9 500 − 1 200 = +8 300)
 *   under-served: Pôle Ouest on Voirie, 25 000 / 4 000 = 6,25 €/hab. against 235 000 / 30 000 = 7,83 €/hab.
 */
describe("the answer in short: what to pool, what to bring closer, what each orientation costs and gives", () => {
  const OPTIONS = { runDate: "2026-01-16", sources: ["Mandats"] };
  let fr: ReturnType<typeof buildWorkbookSpec>;
  let en: ReturnType<typeof buildWorkbookSpec>;
  beforeAll(async () => {
    const previousInputs = readUserInputs(await readOwnedInputs(FILE));
    fr = buildWorkbookSpec(analysis, { ...OPTIONS, previousInputs });
    en = buildWorkbookSpec(analysis, { ...OPTIONS, previousInputs, lang: "en" });
  });
  const sheetOf = (spec: ReturnType<typeof buildWorkbookSpec>, key: string) => spec.sheets.find((s) => s.key === key)!;
  const lines = (spec: ReturnType<typeof buildWorkbookSpec>) =>
    sheetOf(spec, "territoires")
      .blocks.filter((b) => b.style === "box")
      .map((b) => String(plainValue(b.values[0][0])));
  const rows = (spec: ReturnType<typeof buildWorkbookSpec>) => {
    const t = sheetOf(spec, "territoires").tables.find((x) => x.name === "tblTerrReponse")!;
    return t.rows.map((r) => r.slice(0, 7).map((v) => plainValue(v)));
  };

  it("opens the Territoires sheet, before the indicators' summary", () => {
    const s = sheetOf(fr, "territoires");
    const answerRow = s.tables.find((x) => x.name === "tblTerrReponse")!.row;
    expect(answerRow).toBeLessThan(s.tables.find((x) => x.name === "tblTerrSynthese")!.row);
  });

  it("gives one row per oriented family: pooled first, then mixed, then brought closer, with the signed effect and its range", () => {
    expect(rows(fr)).toEqual([
      ["Fournitures de bureau", "A · Mutualiser (recommandé)", 33000, 1650, "+660 € à +3 300 €", 0, null],
      ["Entretien de la voirie", "C · Mixte (recommandé)", 100000, 2500, "+1 000 € à +5 000 €", 4000, "Pôle Ouest"],
      ["Nettoyage des locaux", "C · Mixte (recommandé)", 24000, 600, "+240 € à +1 200 €", 0, null],
      ["Entretien des espaces verts", "B · Territorialiser (recommandé)", 60000, -1200, "−1 200 €", 0, null],
    ]);
  });

  it("says it in sentences: pool, mixed, closer, no orientation, the under-served pôle beside the spend per inhabitant, the balance", () => {
    expect(lines(fr)).toEqual([
      "À mutualiser (un marché ou un groupement pour tout le périmètre) : Fournitures de bureau — économies 660 € à 3 300 € (central 1 650 €).",
      "À mutualiser avec un lot par territoire (accord-cadre mixte) : Entretien de la voirie, Nettoyage des locaux — économies 1 240 € à 6 200 € (central 3 100 €) ; les lots traitent les écarts ou attentes de Pôle Ouest (4 000 habitants).",
      "À rapprocher des territoires (lots géographiques ou achats par territoire) : Entretien des espaces verts — surcoût estimé 1 200 € (perte d'effet volume), pour un service de proximité piloté par territoire.",
      "Sans orientation : Matériel informatique (raisons dans le tableau des scénarios).",
      "Territoires sous-desservis (qualité de service sous la cible) : Pôle Ouest (Voirie ; 6,25 €/hab.) ; dépense par habitant de tout le périmètre : 7,83 €/hab.",
      "Bilan des orientations : solde +3 550 € sur la période au scénario central (fourchette +700 € à +8 300 €) — économies 4 750 €, surcoût 1 200 € ; 4 000 habitants des territoires en écart ou en attente ciblés.",
    ]);
  });

  it("speaks English in an English workbook (no French left in the answer)", () => {
    const all = [...lines(en), ...rows(en).flat().filter((v): v is string => typeof v === "string")];
    expect(all.join(" ")).toContain("net +€3,550 over the period in the central scenario (range +€700 to +€8,300)");
    const french = all.filter((t) => /économies|surcoût|(^|\s)habitants|mutualiser|recommandé| à |sous-desservis/i.test(t.replace(/Fournitures de bureau|Entretien de la voirie|Nettoyage des locaux|Entretien des espaces verts|Matériel informatique|Pôle \w+|Voirie/g, "")));
    expect(french).toEqual([]);
  });

  it("repeats the balance in the plan's Organisation territoriale section, which starts a printed page", () => {
    const plan = sheetOf(fr, "plan");
    const marker = plan.blocks.find((b) => b.values[0][0] === "#territorial")!;
    const notes = plan.blocks.filter((b) => b.row > marker.row && b.row <= marker.row + 3).map((b) => String(plainValue(b.values[0][0])));
    expect(notes.some((n) => n.startsWith("Bilan des orientations : solde +3 550 €"))).toBe(true);
    expect(plan.print?.rowBreaks).toContain(marker.row);
  });

  it("section 7: says the families listed are pooled between the pôles (MU2, between entities, is N/A for one body)", () => {
    const plan = sheetOf(fr, "plan");
    const marker = plan.blocks.find((b) => b.values[0][0] === "#mutualisation")!;
    const notes = plan.blocks.filter((b) => b.row > marker.row && b.row <= marker.row + 3).map((b) => String(plainValue(b.values[0][0])));
    // Pooled: Fournitures de bureau (A), Entretien de la voirie and Nettoyage des locaux (C): 3, of which 2 mixed.
    expect(notes).toContain(
      "Mutualisation entre les territoires d'une même collectivité (pôles, secteurs) : 3 familles à mutualiser, dont 2 avec un lot par territoire, d'après le scénario retenu ou, à défaut, recommandé (section Organisation territoriale).",
    );
  });
});

/**
 * TE4's reasons on the Territoires sheet (tblTerrTE4): joined with the language's list separator
 * (English "; ", French " ; "), and short — what the columns already say (the number of entities,
 * the local share, the recommendation) is not said again, the territories are named once.
 * Fournitures de bureau (planted): one buyer, the Communauté de communes; 0 % local (suppliers
 * 75011 and 45000 against the pôles' département 41), weak against the 50 % threshold; standard
 * according to the nomenclature; 4 pôles, local in none; no groupement → pool.
 */
describe("TE4's reasons on the Territoires sheet: the language's separator, nothing the columns already say", () => {
  const OPTIONS = { runDate: "2026-01-16", sources: ["Mandats"] };
  const reasonsCell = (lang: "fr" | "en", family: string) => {
    const spec = buildWorkbookSpec(analysis, { ...OPTIONS, lang });
    const t = spec.sheets.find((s) => s.key === "territoires")!.tables.find((x) => x.name === "tblTerrTE4")!;
    const at = t.columns.findIndex((c) => c.key === "reasons");
    const row = t.rows.find((r) => plainValue(r[0]) === family)!;
    return String(plainValue(row[at]));
  };

  it("English: reasons joined by \"; \", every reason kept in short", () => {
    expect(reasonsCell("en", "Fournitures de bureau")).toBe(
      "Single buyer: Communauté de communes des Coteaux de la Sauldre; Weak local supply (threshold 50%): suppliers in the entity's département, else the territory's; Standard according to the nomenclature (proximity service: no); Strong local supply (≥ 50%) in 0 of 4 territories: Pôle Nord 0.0%, Pôle Sud 0.0%, Pôle Est 0.0%, Pôle Ouest 0.0%; Through a joint purchasing group or a central purchasing body"
    );
  });

  it("French: the same reasons, joined by « ; »", () => {
    expect(reasonsCell("fr", "Fournitures de bureau")).toBe(
      "Acheteur unique : Communauté de communes des Coteaux de la Sauldre ; Offre locale faible (seuil 50 %) : fournisseurs du département de l'entité, à défaut du territoire ; Standard d'après la nomenclature (service de proximité : non) ; Offre locale forte (≥ 50 %) dans 0 territoire sur 4 : Pôle Nord 0,0 %, Pôle Sud 0,0 %, Pôle Est 0,0 %, Pôle Ouest 0,0 % ; Par un groupement de commandes ou une centrale d'achat"
    );
  });
});

/**
 * Print of the Territoires sheet: LibreOffice (and Excel) keep the row heights the file gives (the
 * writer estimates them from the text and the column width), so a row lower than its wrapped text
 * clips the last line. On the demo, French and English: every table header row of the sheet, and
 * every row of the « En bref » table and of the scenario table, is at least as high as its wrapped
 * cells need, the lines counted word by word (a word never split) at LibreOffice's width of the
 * text. It failed on the English TE3 header « Spend (départements known) » in a 16-wide column:
 * 26 characters said 2 lines (32 pt), but « Spend » / « (départements » / « known) » are 3 (45 pt),
 * and the render cut « known) ». Width measured on the render of
 * the demo (soffice --convert-to pdf): the widest line of the Raisons column (44 wide, 43 usable)
 * holds 58 characters, 0,74 column unit per character; 0,85 is taken, for capitals and figures.
 * Line: 15 pt at 11 pt (the writer's), so a row of n lines needs n × 15 pt.
 */
describe("Territoires print: rows high enough for their wrapped text (headers, En bref, scenarios)", () => {
  const OPTIONS = { runDate: "2026-01-16", sources: ["Mandats"] };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "optima-demo-terr-rows-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Lines of a text wrapped word by word in `capacity` characters. */
  function wordLines(text: string, capacity: number): number {
    let lines = 0;
    for (const para of text.split("\n")) {
      let used = -1;
      lines++;
      for (const w of para.split(" ")) {
        if (used >= 0 && used + 1 + w.length > capacity) {
          lines++;
          used = -1;
        }
        used = used < 0 ? w.length : used + 1 + w.length;
        // A word longer than the line: LibreOffice breaks it.
        while (used > capacity) {
          lines++;
          used -= capacity;
        }
      }
    }
    return lines;
  }

  for (const lang of ["fr", "en"] as const)
    it(`${lang}: no header row, no row of tblTerrReponse or tblTerrScenarios lower than the lines of its wrapped cells`, async () => {
      // As rendered: the answered questionnaire of the demo read back (priorities in the reasons).
      const previousInputs = readUserInputs(await readOwnedInputs(FILE));
      const spec = buildWorkbookSpec(analysis, { ...OPTIONS, lang, previousInputs });
      const file = path.join(dir, `terr-${lang}.xlsx`);
      await writeWorkbook(spec, file);
      const parts = unzipSync(new Uint8Array(fs.readFileSync(file)));
      const text: Record<string, string> = Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strFromU8(v)]));
      const sheetSpec = spec.sheets.find((s) => s.key === "territoires")!;
      const part = text[sheetsOf(text).find((s) => s.name === sheetSpec.name)!.part];
      const heights = new Map<number, number>();
      for (const m of part.matchAll(/<row r="(\d+)"(?: ht="([\d.]+)")?/g)) heights.set(Number(m[1]), m[2] ? Number(m[2]) : 15);
      const width = new Map(sheetSpec.columnWidths.map((w) => [w.col, w.width]));
      const short: string[] = [];
      let checked = 0;
      const check = (where: string, rowNum: number, value: string, capacity: number) => {
        const needed = wordLines(value, capacity) * 15;
        checked++;
        if ((heights.get(rowNum) ?? 15) < needed) short.push(`${where} row ${rowNum} (${heights.get(rowNum)} < ${needed} pt): ${value}`);
      };
      for (const t of sheetSpec.tables) {
        const usable = (c: number) => (width.get(t.col + c) ?? 8.43) - 1;
        // Headers are bold: 0,95 unit per character (on the render, « Fournisseurs locaux », 19
        // characters, holds in 19 units; « Territoires ciblés (écarts, », 27, does not).
        t.columns.forEach((col, c) => check(`${t.name} header`, t.row + 1, col.header, usable(c) / 0.95));
        if (t.name !== "tblTerrReponse" && t.name !== "tblTerrScenarios") continue;
        t.rows.forEach((row, r) => {
          const rowNum = t.row + 2 + r; // header on t.row (0-based), data below, 1-based in the file
          row.forEach((v, c) => {
            const value = plainValue(v);
            if (t.columns[c].wrap && typeof value === "string") check(t.name, rowNum, value, usable(c) / 0.85);
          });
        });
      }
      expect(checked).toBeGreaterThan(20);
      expect(short).toEqual([]);
    });
});
