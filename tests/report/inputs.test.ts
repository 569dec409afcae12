import { analyse } from "../../src/core/analyse";
import { dayFromIso, excelSerialFromDay } from "../../src/core/dates";
import { dispenseRowAt, defaultReferenceValues, withOverrides } from "../../src/core/reference/values";
import type { Cell } from "../../src/core/model";
import { sheetValues } from "../../src/report/grid";
import { emptyInputs, parametersToOverrides, readUserInputs } from "../../src/report/inputs";
import { datedRows } from "../../src/report/parameters";
import { plainValue } from "../../src/report/spec";
import { buildWorkbookSpec } from "../../src/report/workbook";
import { richAnalysis } from "./fixture";
import { intakeOf, spend } from "../helpers/fixtures";

const serial = (iso: string) => excelSerialFromDay(dayFromIso(iso));

describe("readUserInputs on hand-made sheets", () => {
  // Plan layout (header row incomplete: read by position): actions = key, familyLabel, levers, amount(3),
  // quadrant(4), lever(5), owner(6), deadline(7), expectedSavings(8), status(9), priority(10), comment(11),
  // share(12), strategy, leverReasons, te4, mutualisationPotential(16).
  const actions = (key: Cell, label: Cell, owner: Cell, status: Cell = null): Cell[] => [key, label, null, 100, "Levier", null, owner, null, null, status, null, null, 0.1, null, null, null, null];

  test("plan rows are matched by key whatever their order; extra rows need a typed cell", () => {
    const grid: Cell[][] = [
      [null, "Plan stratégique d'achat — 2025"],
      [null, "Sources : x · Période : 2025 (01/01/2025 – 31/12/2025)"],
      ["#actions", "4 · Plan d'action par famille"],
      ["Clé", "Famille", "Montant HT"],
      actions("actions/F:NET", "Nettoyage", "  "), // blank owner → nothing kept
      actions("actions/F:INFO", "Informatique", "Mme Martin", "En cours"),
      actions(null, "Ma ligne", "Moi"),
      actions(null, null, null), // empty user row → ignored
      ["#total", "Total", { formula: "=SUM(C5:C7)" } as unknown as Cell],
      [null, null, null, null, null, null, null, null, null, null, null, "hors section"],
      ["#orientations", "2 · Orientations"],
      ["Clé", "Orientation", "Vos orientations"],
      ["orientations/ecologie", "Transition ?", "Zéro plastique"],
      ["orientations/unknown-section/x", "?", "ignored"],
      ["nosection/x", "?", "ignored"],
    ];
    const read = readUserInputs({ "Plan stratégique": grid });
    expect(read.plan).toEqual({
      "actions/F:INFO": { owner: "Mme Martin", status: "En cours" },
      "orientations/ecologie": { text: "Zéro plastique" },
      "orientations/unknown-section/x": { text: "ignored" },
    });
    expect(read.planExtraRows).toEqual([{ familyLabel: "Ma ligne", amount: 100, share: 0.1, quadrant: "Levier", owner: "Moi" }]);
  });

  test("sheets are found by French name, English name or key; dates become serials", () => {
    // objectives = key, objective, indicator, baseline, proposedTarget, target(5), deadline(6), owner(7), source.
    const grid: Cell[][] = [["Clé"], ["objectives/PF1", null, null, null, null, 0.8, new Date(Date.UTC(2026, 11, 31)), "DAF"]];
    for (const name of ["Plan stratégique", "Strategic plan", "plan", " plan stratégique "]) {
      expect(readUserInputs({ [name]: grid }).plan).toEqual({ "objectives/PF1": { target: 0.8, deadline: serial("2026-12-31"), owner: "DAF" } });
    }
    expect(readUserInputs({ Autre: grid }).plan).toEqual({});
  });

  test("a plan written with the earlier column order is read by its header row (columns moved for print, issue #12)", () => {
    // Order of the plan's action and objective tables before the print layout (layout 1), headers as
    // that version wrote them, in French and in English.
    const oldActions = {
      fr: ["Clé", "Famille", "Montant HT", "Part", "Quadrant", "Stratégie type", "Leviers proposés (indicateur)", "Justification", "Recommandation territoriale", "Potentiel mutualisation (central)", "Levier retenu", "Responsable", "Échéance", "Économies attendues", "Statut", "Priorité", "Commentaire"],
      en: ["Key", "Family", "Amount excl. VAT", "Share", "Quadrant", "Standard approach", "Proposed levers (indicator)", "Rationale", "Territorial recommendation", "Pooling potential (central)", "Chosen lever", "Owner", "Deadline", "Expected savings", "Status", "Priority", "Comment"],
    };
    const oldObjectives = {
      fr: ["Clé", "Objectif", "Indicateur", "Situation de départ", "Cible proposée", "Source", "Cible retenue", "Échéance", "Responsable"],
      en: ["Key", "Objective", "Indicator", "Baseline", "Proposed target", "Source", "Target", "Deadline", "Owner"],
    };
    for (const lang of ["fr", "en"] as const) {
      const grid: Cell[][] = [
        ["#actions", "4"],
        oldActions[lang],
        // lever(10) owner(11) deadline(12) expectedSavings(13) status(14) priority(15) comment(16)
        ["actions/F:INFO", "Informatique", 100, 0.1, "Levier", "x", "y", "z", "mutualiser", 50, "Groupement de commandes", "Mme Martin", 46203, 4000, "En cours", "1 - Haute", "à voir"],
        [null, "Ma ligne", null, null, null, null, null, null, null, null, null, "Moi"],
        ["#objectives", "3"],
        oldObjectives[lang],
        // target(6) deadline(7) owner(8)
        ["objectives/PF1", "o", "i", 0.5, 0.6, "s", 0.8, 46387, "DAF"],
      ];
      const read = readUserInputs({ "Plan stratégique": grid });
      expect(read.plan).toEqual({
        "actions/F:INFO": { lever: "Groupement de commandes", owner: "Mme Martin", deadline: 46203, expectedSavings: 4000, status: "En cours", priority: "1 - Haute", comment: "à voir" },
        "objectives/PF1": { target: 0.8, deadline: 46387, owner: "DAF" },
      });
      expect(read.planExtraRows).toEqual([{ familyLabel: "Ma ligne", owner: "Moi" }]);
    }
  });

  test("diagnostic answers: leading digit 0–3, anything else reported and ignored", () => {
    const grid: Cell[][] = [
      ["#questions"],
      ["Clé", "Axe", "N°", "Question", "Réponse", "Score", "Commentaire"],
      ["STR-01", "Stratégie", 1, "?", "2 · Oui, formalisé", null, "ok"],
      ["STR-02", "Stratégie", 2, "?", 3],
      ["STR-03", "Stratégie", 3, "?", "Oui"],
      ["STR-04", "Stratégie", 4, "?", null, null, "à faire"],
      ["XXX-01", "?", 1, "?", 1],
    ];
    const read = readUserInputs({ "Diagnostic 360": grid });
    expect(read.diagnostic).toEqual({ "STR-01": 2, "STR-02": 3 });
    expect(read.diagnosticComments).toEqual({ "STR-01": "ok", "STR-04": "à faire" });
    expect(read.issues).toEqual(["Diagnostic 360, question STR-03 : réponse « Oui » non reconnue (attendu 0 à 3), ignorée."]);
  });

  test("parameters: valid values kept (French text numbers accepted), invalid ones reported", () => {
    const grid: Cell[][] = [
      ["#params"],
      ["Clé", "Paramètre", "Valeur"],
      ["param/pnad.socialPercent", "PNAD social", "35 %"],
      ["param/tailSpendThresholdCents.value", "Longue traîne", "1 500,50"],
      ["param/pnad.environmentalPercent", "PNAD env.", "beaucoup"],
      ["param/unknown.value", "?", 3],
      ["#dispense"],
      ["Clé", "Du", "Au", "F&S", "Travaux", "Source"],
      ["dispense/1", serial("2020-01-01"), serial("2025-12-31"), 40000, 100000, "décret"],
      [null, serial("2028-01-01"), null, 70000, 120000, "nouveau décret"],
      [null, null, null, 5, 5, null],
    ];
    const read = readUserInputs({ Paramètres: grid });
    expect(read.parameters).toEqual({ "pnad.socialPercent": 0.35, "tailSpendThresholdCents.value": 1500.5 });
    expect(read.parameterTables.dispenseThresholds).toEqual([
      { from: serial("2020-01-01"), to: serial("2025-12-31"), suppliesServices: 40000, works: 100000, source: "décret" },
      { from: serial("2028-01-01"), to: null, suppliesServices: 70000, works: 120000, source: "nouveau décret" },
    ]);
    expect(read.issues).toEqual([
      "Paramètres, pnad.environmentalPercent : valeur « beaucoup » non valide, valeur par défaut conservée.",
      "Paramètres, ligne 11 : date de début manquante ou invalide, ligne ignorée.",
    ]);
  });

  test("history rows are read through the key row, until the first blank period", () => {
    const grid: Cell[][] = [
      ["Historique"],
      ["period", "periodKind", "start", "SP1"],
      ["Période", "Type", "Début", "SP1 · EUR"],
      ["2024", "année", 45292, 1000],
      [2025, "année", 45658, 2000],
      [null],
      ["2026", "année", 46023, 3000],
    ];
    expect(readUserInputs({ Historique: grid }).history).toEqual([
      { period: "2024", periodKind: "année", start: 45292, SP1: 1000 },
      { period: "2025", periodKind: "année", start: 45658, SP1: 2000 },
    ]);
  });

  test("history rows are read by their headers, in French or in English, whatever the column order", () => {
    const fr: Cell[][] = [
      ["Historique : un instantané par période analysée"],
      [],
      ["Période", "Type de période", "SP1 · € HT", "Début", "Colonne ajoutée"],
      ["2024", "année", 1000, 45292, "x"],
      [null],
    ];
    const en: Cell[][] = [["Period", "Period type", "Start", "SP1 · € excl. VAT"], ["2024", "year", 45292, 1000]];
    const expected = [{ period: "2024", periodKind: "année", start: 45292, SP1: 1000 }];
    expect(readUserInputs({ Historique: fr }).history).toEqual(expected);
    expect(readUserInputs({ History: en }).history).toEqual([{ ...expected[0], periodKind: "year" }]);
  });

  test("no sheet, nothing read", () => {
    expect(readUserInputs({})).toEqual(emptyInputs());
  });
});

describe("parametersToOverrides", () => {
  const base = defaultReferenceValues();

  test("only values that differ from the defaults become overrides, in ReferenceValues units", () => {
    const o = parametersToOverrides({
      parameters: {
        "pnad.socialPercent": 0.35,
        "pnad.environmentalPercent": 1, // = default 100 %
        "tailSpendThresholdCents.value": 1500,
        "loiClimatStart.value": serial("2026-09-01"),
        "ugapSiren.value": "776056467",
        "paymentDelayDays.localAuthority": 45,
      },
      parameterTables: {},
    });
    expect(o).toEqual({
      pnad: { socialPercent: 35 },
      tailSpendThresholdCents: { value: 150000 },
      loiClimatStart: { value: dayFromIso("2026-09-01") },
      paymentDelayDays: { localAuthority: 45 },
    });
    const ref = withOverrides(base, o);
    expect(ref.pnad).toEqual({ environmentalPercent: 100, socialPercent: 35, source: base.pnad.source });
  });

  test("nested values keep their siblings (withOverrides merges one level only)", () => {
    const o = parametersToOverrides({ parameters: { "sms.singleBidder.green": 0.05 }, parameterTables: {} });
    const ref = withOverrides(base, o);
    expect(ref.sms.singleBidder).toEqual({ ...base.sms.singleBidder, green: 5 });
    expect(ref.sms.noCallsForBids).toEqual(base.sms.noCallsForBids);
  });

  test("an unchanged sheet gives no override at all", () => {
    const spec = buildWorkbookSpec(richAnalysis(), { runDate: "2026-01-15", sources: [] });
    const params = spec.sheets.find((s) => s.key === "parametres")!;
    const read = readUserInputs({ Paramètres: sheetValues(params) });
    expect(read.issues).toEqual([]);
    expect(Object.keys(read.parameters).length).toBeGreaterThan(30);
    expect(read.parameterTables.ecbRates).toEqual(datedRows(base, "ecbRates"));
    expect(parametersToOverrides(read)).toEqual({});
  });

  test("the Paramètres sheet lists the special dispense thresholds (R2122-9, R2122-9-1, décret 2020-893) with their sources", () => {
    const spec = buildWorkbookSpec(richAnalysis(), { runDate: "2026-01-15", sources: [] });
    const grid = sheetValues(spec.sheets.find((s) => s.key === "parametres")!);
    const special = grid.filter((r) => typeof r[0] === "string" && r[0].startsWith("special/"));
    // rows by date of entry into force
    expect(special.map((r) => r[1])).toEqual(["R2122-9-1", "R2122-9", "Décret n° 2020-893"]);
    expect(special[0]).toEqual(expect.arrayContaining([serial("2018-12-26"), 100000]));
    // books: 90 000 € HT from 2019-04-01, source citing the article and its decree
    expect(special[1]).toEqual(expect.arrayContaining([serial("2019-04-01"), 90000]));
    expect(String(special[1][special[1].length - 1])).toContain("décret n° 2019-259");
    expect(special[2]).toEqual(expect.arrayContaining([serial("2020-07-24"), serial("2020-12-10"), 100000]));
  });

  test("a supplier exclusion typed in Paramètres reaches CO1 with its reason (L2511-1)", () => {
    const grid: Cell[][] = [
      ["Paramètres"],
      ["#exclusions"],
      ["Clé", "Fournisseur", "Motif", "Justification"],
      [null, "SPL Eau du Val", "Quasi-régie (L2511-1)", "Contrôle analogue"],
      [null, "Alpha", "préférence", null],
    ];
    const read = readUserInputs({ Paramètres: grid });
    expect(read.issues).toEqual([
      "Paramètres, ligne 5 : motif non reconnu (attendu : centrale intermédiaire, droits d'exclusivité R2122-3, quasi-régie L2511-1 ou coopération L2511-6), ligne ignorée.",
    ]);
    const o = parametersToOverrides(read);
    expect(o.supplierExclusions).toEqual([{ supplier: "SPL Eau du Val", reason: "inHouse", note: "Contrôle analogue" }]);
    // 2 × 30 000 = 60 000 ≥ 40 000 from the excluded supplier: no CO1 alert, the exclusion listed
    const lines = [30_000, 30_000].map((amount, i) => spend({ source: { table: "Mandats", row: i + 2 }, amount, supplierName: "SPL Eau du Val" }));
    const a = analyse(intakeOf({ spend: lines }), { overrides: o });
    const co1 = a.indicators.find((x) => x.id === "CO1")!;
    expect(co1.value).toBe(0);
    expect(co1.tables.excluded[0]).toMatchObject({ scope: { code: "CO1.scopeSupplier" }, legalBasis: "Art. L2511-1 CCP" });
  });

  test("an added dispense row reaches the analysis of the next run", () => {
    const rows = [...datedRows(base, "dispenseThresholds"), { from: serial("2028-01-01"), to: null, suppliesServices: 70000, works: 120000, source: "Décret 2027-x" }];
    const last = rows.length - 2; // the default rows' last one, closed by the added row
    rows[last] = { ...rows[last], to: serial("2027-12-31") };
    const o = parametersToOverrides({ parameters: {}, parameterTables: { dispenseThresholds: rows } });
    expect(o.dispenseThresholds).toHaveLength(base.dispenseThresholds.length + 1);
    const a = analyse(intakeOf({ spend: [spend({ source: { table: "Mandats", row: 2 }, amount: 65000, on: "2028-03-01" })] }), { overrides: o });
    expect(dispenseRowAt(a.reference, dayFromIso("2028-03-01")).suppliesServicesCents).toBe(7_000_000);
  });

  test("edit → read back → overrides → next analysis → the sheet shows the value as used", () => {
    const first = buildWorkbookSpec(richAnalysis(), { runDate: "2026-01-15", sources: [] });
    const params = first.sheets.find((s) => s.key === "parametres")!;
    const grid = sheetValues(params);
    const row = grid.findIndex((r) => r[0] === "param/pnad.socialPercent");
    grid[row][2] = 0.4; // the user types 40 %
    const read = readUserInputs({ Paramètres: grid });
    const overrides = parametersToOverrides(read);
    expect(overrides).toEqual({ pnad: { socialPercent: 40 } });
    const next = buildWorkbookSpec(richAnalysis({ overrides }), { runDate: "2026-02-15", sources: [], previousInputs: read });
    const t = next.sheets.find((s) => s.key === "parametres")!.tables[0];
    const r = t.rows.find((x) => plainValue(x[0]) === "param/pnad.socialPercent")!;
    expect([r[2], r[3], r[4]]).toEqual([0.4, 0.4, 0.3]); // typed, used, default
    expect(next.stamp.parameters).toContain("Objectif PNAD : marchés avec considération sociale");
  });
});
