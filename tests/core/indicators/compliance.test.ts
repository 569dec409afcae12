import { dayFromIso } from "../../../src/core/dates";
import {
  computeComplianceIndicators,
  detectSplitting,
  type SplittingAlert,
} from "../../../src/core/indicators/compliance";
import type { IndicatorResult } from "../../../src/core/indicators/legacy";
import type { SpendLine } from "../../../src/core/model";
import { monthPeriod, rangePeriod, yearPeriod } from "../../../src/core/period";
import { contextOf, contract, nomenclature, spend } from "../../helpers/fixtures";

const DIRECT = "Marché passé sans publicité ni mise en concurrence préalable" as const;

/** Family fields of a line: buyer's code `code`, label `label`. */
function fam(code: string, label = `Famille ${code}`): Partial<SpendLine> {
  return { familyCode: code, family: { key: `F:${code}`, label, rule: "familyCode" } };
}

function byId(results: IndicatorResult[], id: string): IndicatorResult {
  const r = results.find((x) => x.id === id);
  if (!r) throw new Error(`missing ${id}`);
  return r;
}

function co(id: string, parts: Parameters<typeof contextOf>[0], period = yearPeriod(2025)): IndicatorResult {
  return byId(computeComplianceIndicators(contextOf(parts, { period })), id);
}

function alerts(parts: Parameters<typeof contextOf>[0], period = yearPeriod(2025)): SplittingAlert[] {
  return detectSplitting(contextOf(parts, { period }));
}

describe("computeComplianceIndicators", () => {
  it("returns CO1 to CO5 in order", () => {
    const results = computeComplianceIndicators(contextOf({ spend: [spend()] }));
    expect(results.map((r) => r.id)).toEqual(["CO1", "CO2", "CO3", "CO4", "CO5"]);
    expect(results.every((r) => r.group === "CO")).toBe(true);
  });
});

describe("CO1 possible splitting", () => {
  it("uses the 40 000 € threshold for a 2026 group whose first purchase is before 1 April", () => {
    // 15 000 × 3 = 45 000 ≥ 40 000 (in force on 2026-02-10), each line < 40 000
    const found = alerts(
      { spend: [spend({ amount: 15_000, on: "2026-02-10" }), spend({ amount: 15_000, on: "2026-05-10" }), spend({ amount: 15_000, on: "2026-06-10" })] },
      yearPeriod(2026),
    );
    expect(found).toHaveLength(1);
    expect(found[0].thresholdCents).toBe(4_000_000);
    expect(found[0].thresholdSource).toContain("2025-1386");
    expect(found[0].totalCents).toBe(4_500_000);
    expect(found[0].firstDate).toBe(dayFromIso("2026-02-10"));
  });

  it("uses the 60 000 € threshold for a group whose first purchase is from 1 April 2026", () => {
    // same 45 000 €, first purchase 2026-04-10: 45 000 < 60 000 → no alert
    const found = alerts(
      { spend: [spend({ amount: 15_000, on: "2026-04-10" }), spend({ amount: 15_000, on: "2026-05-10" }), spend({ amount: 15_000, on: "2026-06-10" })] },
      yearPeriod(2026),
    );
    expect(found).toEqual([]);
  });

  it("groups works per operation when the operation is given", () => {
    const works = (operation: string | null, amount: number) => spend({ ...fam("TRAV", "Travaux de voirie"), nature: "Travaux", operation, amount });
    // two operations of 30 000 + 30 000 = 60 000 each: each < 100 000 → no alert
    expect(alerts({ spend: [works("OP-1", 30_000), works("OP-1", 30_000), works("OP-2", 30_000), works("OP-2", 30_000)] })).toEqual([]);
    // without operations the same lines form one family group: 120 000 ≥ 100 000 → alert
    expect(alerts({ spend: [works(null, 30_000), works(null, 30_000), works(null, 30_000), works(null, 30_000)] })).toHaveLength(1);
    // one operation, 3 lines of 40 000 = 120 000 ≥ 100 000 (works threshold) → alert
    const found = alerts({ spend: [works("OP-3", 40_000), works("OP-3", 40_000), works("OP-3", 40_000)] });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ groupedBy: "opération", operation: "OP-3", nature: "Travaux", thresholdCents: 10_000_000, totalCents: 12_000_000, lineCount: 3 });
    expect(found[0].message).toContain("opération de travaux « OP-3 »");
  });

  it("does not apply the works threshold to supplies: 45 000 € of supplies alert at 40 000 €", () => {
    const found = alerts({ spend: [spend({ amount: 22_500 }), spend({ amount: 22_500 })] });
    expect(found).toHaveLength(1);
    expect(found[0].nature).toBe("Fournitures");
  });

  it("skips families excluded from splitting checks and lists them with their reason", () => {
    const parts = {
      spend: [spend({ ...fam("ENER"), amount: 30_000 }), spend({ ...fam("ENER"), amount: 30_000 })],
      nomenclature: [nomenclature({ familyCode: "ENER", excludedFromSplitting: true, exclusionReason: "Monopole de distribution" })],
    };
    expect(alerts(parts)).toEqual([]);
    const r = co("CO1", parts);
    expect(r.value).toBe(0);
    expect(r.tables.excluded).toEqual([
      { familyCode: "ENER", familyKey: "F:ENER", familyLabel: "Famille ENER", reason: "Monopole de distribution", lines: 2, amount: 60_000 },
    ]);
    // the same lines without the exclusion: 60 000 ≥ 40 000 → alert (the test can fail)
    expect(alerts({ spend: parts.spend })).toHaveLength(1);
  });

  it("ignores lines bought under a contract or through a channel other than hors marché", () => {
    const m = contract({ contractRef: "M-2025-01" });
    const parts = {
      spend: [
        spend({ amount: 15_000, contractRef: "M-2025-01" }),
        spend({ amount: 15_000, channel: "Groupement de commandes" }),
        spend({ amount: 15_000, supplierName: "UGAP", supplierKey: "ugap" }),
        spend({ amount: 15_000 }),
      ],
      contracts: [m],
    };
    // only the last line is hors marché: 15 000 < 40 000
    expect(alerts(parts)).toEqual([]);
    // the same four lines all hors marché: 60 000 → alert
    expect(alerts({ spend: [spend({ amount: 15_000 }), spend({ amount: 15_000 }), spend({ amount: 15_000 }), spend({ amount: 15_000 })] })).toHaveLength(1);
  });

  it("raises severity at the publicity and EU thresholds", () => {
    const lines = (code: string, n: number, each: number) => Array.from({ length: n }, () => spend({ ...fam(code), amount: each }));
    const found = alerts({
      spend: [
        ...lines("A", 3, 15_000), // 45 000: ≥ 40 000 dispense → à vérifier
        ...lines("B", 5, 19_000), // 95 000: ≥ 90 000 publicity → élevée
        ...lines("C", 10, 23_000), // 230 000: ≥ 221 000 EU 2024-2025 → très élevée
      ],
    });
    const severity = Object.fromEntries(found.map((a) => [a.familyKey, a.severity]));
    expect(severity).toEqual({ "F:A": "à vérifier", "F:B": "élevée", "F:C": "très élevée" });
    // most severe first, ids in that order
    expect(found.map((a) => a.id)).toEqual(["CO1-001", "CO1-002", "CO1-003"]);
    expect(found.map((a) => a.familyKey)).toEqual(["F:C", "F:B", "F:A"]);
    const r = co("CO1", { spend: [...lines("A", 3, 15_000), ...lines("B", 5, 19_000), ...lines("C", 10, 23_000)] });
    expect(r.details).toMatchObject({ alertsToCheck: 1, alertsHigh: 1, alertsVeryHigh: 1, amountInAlerts: 370_000 });
  });

  it("nets credit notes in the sum without counting them as purchases", () => {
    // 20 000 + 25 000 − 6 000 = 39 000 < 40 000 → no alert
    expect(alerts({ spend: [spend({ amount: 20_000 }), spend({ amount: 25_000 }), spend({ amount: -6_000 })] })).toEqual([]);
    // 20 000 + 25 000 − 3 000 = 42 000 ≥ 40 000 → alert of 2 purchases and 1 credit note
    const found = alerts({ spend: [spend({ amount: 20_000 }), spend({ amount: 25_000 }), spend({ amount: -3_000, on: "2025-01-02" })] });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ totalCents: 4_200_000, lineCount: 2, creditCount: 1, firstDate: dayFromIso("2025-06-15") });
    expect(found[0].lines).toHaveLength(3);
  });

  it("reports a single purchase at or above the threshold apart, not as splitting", () => {
    const r = co("CO1", { spend: [spend({ amount: 45_000 }), spend({ amount: 5_000 })] });
    expect(r.value).toBe(0);
    expect(r.tables.singleAboveThreshold).toHaveLength(1);
    expect(r.tables.singleAboveThreshold[0]).toMatchObject({ amount: 45_000, threshold: 40_000, signal: "achat unique au-dessus du seuil" });
    expect(r.details.singlePurchasesAboveThreshold).toBe(1);
  });

  it("keeps legal buyers apart", () => {
    // 25 000 per entity: each < 40 000 although 50 000 together
    expect(alerts({ spend: [spend({ entity: "Commune A", amount: 25_000 }), spend({ entity: "Commune B", amount: 25_000 })] })).toEqual([]);
  });

  it("keeps civil years apart", () => {
    expect(
      alerts({ spend: [spend({ amount: 25_000, on: "2024-12-20" }), spend({ amount: 25_000, on: "2025-01-05" })] }, rangePeriod(2024, 1, 2025, 12)),
    ).toEqual([]);
  });

  it("cumulates the whole civil year in a monthly analysis", () => {
    // period March 2025; January 20 000 + March 10 000 + November 15 000 = 45 000 ≥ 40 000
    const parts = { spend: [spend({ amount: 20_000, on: "2025-01-10" }), spend({ amount: 10_000, on: "2025-03-10" }), spend({ amount: 15_000, on: "2025-11-10" })] };
    const r = co("CO1", parts, monthPeriod(2025, 3));
    expect(r.value).toBe(1);
    expect(r.coverage).toEqual({ n: 3, N: 3, of: "lignes" });
    expect(r.details.years).toBe("2025");
  });

  it("does not group lines of the Non classé family", () => {
    const nc = { family: { key: "NC", label: "Non classé", rule: "unclassified" as const } };
    const r = co("CO1", { spend: [spend({ ...nc, amount: 30_000 }), spend({ ...nc, amount: 30_000 }), spend({ amount: 100 })] });
    expect(r.value).toBe(0);
    expect(r.coverage).toEqual({ n: 1, N: 3, of: "lignes" });
    expect(r.details.unclassifiedLinesOutsideContract).toBe(2);
  });

  it("is N/A, not 0, when no line has a family or when there is no line", () => {
    const nc = { family: { key: "NC", label: "Non classé", rule: "unclassified" as const } };
    const r = co("CO1", { spend: [spend({ ...nc, amount: 30_000 })] });
    expect(r.value).toBeNull();
    expect(r.na).toMatch(/famille/);
    const empty = co("CO1", { spend: [spend({ on: "2024-03-01" })] });
    expect(empty.value).toBeNull();
    expect(empty.na).toMatch(/Aucune ligne/);
  });

  it("lists the lines behind each alert with the alert id, summing to the alert total", () => {
    const parts = {
      spend: [
        spend({ ...fam("A"), amount: 20_000, on: "2025-02-01", supplierName: "Alpha" }),
        spend({ ...fam("A"), amount: 21_000, on: "2025-01-01", supplierName: "Beta" }),
        spend({ ...fam("B"), amount: 30_000 }),
        spend({ ...fam("B"), amount: 30_000 }),
        spend({ ...fam("Z"), amount: 1_000 }),
      ],
    };
    const r = co("CO1", parts);
    expect(r.value).toBe(2);
    const rows = r.tables.lines;
    expect(rows).toHaveLength(4);
    for (const alert of r.tables.alerts) {
      const sum = rows.filter((l) => l.alertId === alert.id).reduce((s, l) => s + (l.amount as number), 0);
      expect(sum).toBe(alert.total);
    }
    const a = r.tables.alerts.find((x) => x.familyKey === "F:A");
    expect(a).toMatchObject({ total: 41_000, lineCount: 2, supplierCount: 2, firstDate: "2025-01-01", threshold: 40_000, severity: "à vérifier" });
    const aLines = rows.filter((l) => l.alertId === a?.id);
    expect(aLines.map((l) => l.date)).toEqual(["2025-01-01", "2025-02-01"]);
    expect(aLines[0]).toMatchObject({ table: "Mandats", supplier: "Beta", amount: 21_000, isCredit: false });
  });

  it("words each alert as a signal to check", () => {
    const [a] = alerts({ spend: [spend({ ...fam("BUR", "Fournitures de bureau"), amount: 22_600 }), spend({ ...fam("BUR", "Fournitures de bureau"), amount: 22_600 })] });
    expect(a.message).toBe(
      "Achats hors marché cumulés de 45\u202f200 € en 2025 (Commune A) pour la famille Fournitures de bureau " +
        "(seuil de dispense 40\u202f000 €, chaque achat restant sous ce seuil) : vérifier s'il s'agit d'un besoin homogène à mettre en concurrence.",
    );
  });
});

describe("CO2 bunching below thresholds", () => {
  it("signals a threshold when the [90 %, 100 %) band holds ≥ 3 amounts and more than 1.5 × the band below", () => {
    // dispense 40 000: upper band [36 000, 40 000) ← 36 000, 38 000, 39 999; lower [32 000, 36 000) ← 33 000
    // 3 ≥ 3 and 3 > 1.5 × 1 → signal
    const parts = { spend: [36_000, 38_000, 39_999, 33_000].map((amount) => spend({ amount })) };
    const r = co("CO2", parts);
    expect(r.value).toBe(1);
    const row = r.tables.byThreshold.find((t) => t.kind === "dispense" && t.nature === "Fournitures et services");
    expect(row).toMatchObject({ thresholdAmount: 40_000, upperCount: 3, lowerCount: 1, ratio: 3, signal: true, upperFrom: 36_000, lowerFrom: 32_000 });
  });

  it("does not signal when the upper band is not more than 1.5 × the lower band", () => {
    // upper 3, lower 2: 3 > 3 is false
    const r = co("CO2", { spend: [36_000, 38_000, 39_000, 33_000, 34_000].map((amount) => spend({ amount })) });
    expect(r.value).toBe(0);
    const row = r.tables.byThreshold.find((t) => t.kind === "dispense" && t.nature === "Fournitures et services");
    expect(row).toMatchObject({ upperCount: 3, lowerCount: 2, ratio: 1.5, signal: false });
  });

  it("counts contract amounts against the publicity threshold, and ignores spend under contract", () => {
    // publicity 90 000: upper [81 000, 90 000) ← 82 000, 85 000, 89 000 (contracts); lower [72 000, 81 000) ← none
    const contracts = [82_000, 85_000, 89_000].map((amount, i) => contract({ contractRef: `M${i}`, amount, notified: "2025-04-01" }));
    const underContract = [36_000, 37_000, 38_000].map((amount) => spend({ amount, contractRef: "M0" }));
    const r = co("CO2", { spend: underContract, contracts });
    const pub = r.tables.byThreshold.find((t) => t.kind === "publicité");
    expect(pub).toMatchObject({ upperCount: 3, upperContracts: 3, upperLines: 0, lowerCount: 0, ratio: null, signal: true });
    const dispense = r.tables.byThreshold.find((t) => t.kind === "dispense" && t.nature === "Fournitures et services");
    expect(dispense).toMatchObject({ upperCount: 0 });
    expect(r.value).toBe(1);
  });

  it("is N/A when there is no amount to compare", () => {
    const r = co("CO2", { spend: [spend({ amount: 1_000, contractRef: "M1" })], contracts: [contract({ contractRef: "M1", notified: "2024-01-01" })] });
    expect(r.value).toBeNull();
    expect(r.na).toBeTruthy();
  });
});

describe("CO3 procedure inconsistent with amount", () => {
  it("flags MAPA and direct awards at or above the EU threshold in force at launch, by nature", () => {
    const contracts = [
      contract({ contractRef: "MAPA-250", amount: 250_000, notified: "2025-03-01" }), // ≥ 221 000 → flagged
      contract({ contractRef: "MAPA-200", amount: 200_000, notified: "2025-03-01" }), // < 221 000
      contract({ contractRef: "AOO-300", amount: 300_000, procedure: "Appel d'offres ouvert", notified: "2025-03-01" }),
      contract({ contractRef: "TRAV-1M", amount: 1_000_000, nature: "Travaux", notified: "2025-03-01" }), // < 5 538 000
      contract({ contractRef: "SP-230", amount: 230_000, procedure: DIRECT, notified: "2025-03-01" }), // ≥ 221 000 → flagged
      // launched 2023-11-15 (EU 215 000) and notified 2025-02-01 (EU 221 000): 218 000 ≥ 215 000 → flagged
      contract({ contractRef: "MAPA-218", amount: 218_000, launched: "2023-11-15", notified: "2025-02-01" }),
    ];
    const r = co("CO3", { contracts, spend: [spend()] });
    expect(r.value).toBe(3);
    expect(r.tables.contracts.map((x) => x.contractRef)).toEqual(["MAPA-250", "SP-230", "MAPA-218"]);
    expect(r.tables.contracts[2]).toMatchObject({ euThreshold: 215_000, date: "2023-11-15", issue: "MAPA au-dessus du seuil européen" });
    expect(r.details).toEqual({ mapaAboveEu: 2, directAwardAboveEu: 1 });
    expect(r.coverage).toEqual({ n: 6, N: 6, of: "marchés" });
  });

  it("is N/A without contracts notified in the period", () => {
    const r = co("CO3", { spend: [spend()], contracts: [contract({ amount: 300_000, notified: "2024-05-01" })] });
    expect(r.value).toBeNull();
    expect(r.na).toMatch(/Aucun marché/);
  });
});

describe("CO4 repeat direct awards", () => {
  it("counts 2 or more direct-award contracts to one supplier in one family and entity", () => {
    const direct = (supplierName: string, notified: string) => contract({ procedure: DIRECT, supplierName, notified, amount: 30_000 });
    const r = co("CO4", {
      spend: [spend({ amount: 10 })],
      contracts: [direct("Alpha", "2025-02-01"), direct("Alpha", "2025-09-01"), direct("Beta", "2025-02-01"), direct("Gamma", "2024-06-01"), direct("Gamma", "2025-06-01")],
    });
    // Alpha: 2 in 2025 → pattern; Beta: 1; Gamma: 1 in 2025 (the 2024 one is outside the civil year)
    expect(r.value).toBe(1);
    expect(r.tables.patterns[0]).toMatchObject({ pattern: "marchés sans publicité répétés", supplier: "Alpha", count: 2, total: 60_000 });
  });

  it("counts 3 or more hors-marché purchases from one supplier reaching 50 % of the dispense threshold", () => {
    const buy = (supplierName: string, amount: number, code = "A") => spend({ ...fam(code), supplierName, supplierKey: supplierName.toLowerCase(), amount });
    const r = co("CO4", {
      spend: [
        ...[7_000, 7_000, 7_000].map((a) => buy("Alpha", a)), // 3 × 7 000 = 21 000 ≥ 20 000 → pattern
        ...[6_000, 6_000, 6_000].map((a) => buy("Beta", a)), // 18 000 < 20 000
        ...[15_000, 15_000].map((a) => buy("Gamma", a)), // only 2 purchases
        buy("Delta", 7_000, "A"),
        buy("Delta", 7_000, "A"),
        buy("Delta", 7_000, "B"), // 3 purchases but in two families
      ],
    });
    expect(r.value).toBe(1);
    expect(r.tables.patterns[0]).toMatchObject({ pattern: "achats hors marché répétés", supplier: "Alpha", count: 3, total: 21_000, threshold: 40_000 });
    expect(r.details).toMatchObject({ contractPatterns: 0, spendPatterns: 1 });
  });

  it("is N/A when there are neither direct awards nor hors-marché lines", () => {
    const r = co("CO4", { spend: [spend({ channel: "Marché propre" })] });
    expect(r.value).toBeNull();
    expect(r.na).toBeTruthy();
  });
});

describe("CO5 Loi Climat", () => {
  const p2026 = yearPeriod(2026);

  it("counts contracts launched from 2026-08-21 without environmental, and above EU without social, consideration", () => {
    const contracts = [
      contract({ contractRef: "E-false", launched: "2026-09-01", notified: "2026-11-01", environmentalConsideration: false, amount: 50_000 }), // gap
      contract({ contractRef: "E-true", launched: "2026-09-01", environmentalConsideration: true, amount: 50_000 }),
      contract({ contractRef: "E-null", launched: "2026-10-01", environmentalConsideration: null, amount: 50_000 }), // non renseigné
      contract({ contractRef: "EARLY", launched: "2026-05-01", environmentalConsideration: false, amount: 50_000 }), // before the law
      // 300 000 ≥ 216 000 (EU 2026): social false → gap; env true
      contract({ contractRef: "S-false", launched: "2026-09-15", environmentalConsideration: true, socialConsideration: false, amount: 300_000 }),
      contract({ contractRef: "S-null", launched: "2026-09-15", environmentalConsideration: true, socialConsideration: null, amount: 300_000 }),
      // below EU: social not required
      contract({ contractRef: "S-small", launched: "2026-09-15", environmentalConsideration: true, socialConsideration: false, amount: 100_000 }),
    ];
    const r = co("CO5", { contracts, spend: [spend({ on: "2026-01-01" })] }, p2026);
    expect(r.value).toBe(2); // E-false (env) + S-false (social)
    expect(r.coverage).toEqual({ n: 5, N: 6, of: "marchés" });
    expect(r.details).toMatchObject({ environmentalGaps: 1, environmentalNotFilled: 1, socialGaps: 1, socialNotFilled: 1, contractsWithGap: 2 });
    const gaps = r.tables.gaps.filter((g) => g.status === "absente").map((g) => `${g.contractRef}:${g.consideration}`);
    expect(gaps.sort()).toEqual(["E-false:environnementale", "S-false:sociale"]);
  });

  it("is N/A with its reason when no contract was launched from 2026-08-21", () => {
    const r = co("CO5", { contracts: [contract({ launched: "2025-04-01", environmentalConsideration: false })], spend: [spend()] });
    expect(r.value).toBeNull();
    expect(r.na).toContain("21/08/2026");
  });

  it("is N/A when the considerations are not filled in", () => {
    const r = co("CO5", { contracts: [contract({ launched: "2026-09-01", amount: 10_000 })], spend: [spend({ on: "2026-01-01" })] }, p2026);
    expect(r.value).toBeNull();
    expect(r.na).toMatch(/non renseignées/);
  });
});
