import { enText, frText } from "../../helpers/messages";
import { natureOf } from "../../../src/core/classify";
import { environmentalKinds } from "../../../src/core/legal/considerations";
import { considerationPresent } from "../../../src/core/parse/vocabulary";
import { dayFromIso } from "../../../src/core/dates";
import { detectSplitting, type SplittingAlert } from "../../../src/core/indicators/splitting";
import { computeGroup, PF4 } from "../../../src/core/indicators/registry";
import type { IndicatorResult } from "../../../src/core/indicators/types";
import type { SpendLine } from "../../../src/core/model";
import { monthPeriod, rangePeriod, yearPeriod } from "../../../src/core/period";
import { contextOf, contract, entity, nomenclature, spend } from "../../helpers/fixtures";
import { fr } from "../../helpers/messages";

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
  return byId(computeGroup(contextOf(parts, { period }), "CO"), id);
}

function alerts(parts: Parameters<typeof contextOf>[0], period = yearPeriod(2025)): SplittingAlert[] {
  return detectSplitting(contextOf(parts, { period }));
}

describe("CO indicators (registry group)", () => {
  it("returns CO1 to CO6 (CO6: publication of the DECP, R2196-1) in order", () => {
    const results = computeGroup(contextOf({ spend: [spend()] }), "CO");
    expect(results.map((r) => r.id)).toEqual(["CO1", "CO2", "CO3", "CO4", "CO5", "CO6"]);
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
    // without operations the same lines are not summed per family (R2121-5: per operation): no alert
    expect(alerts({ spend: [works(null, 30_000), works(null, 30_000), works(null, 30_000), works(null, 30_000)] })).toEqual([]);
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
      {
        scope: { code: "CO1.scopeFamily" },
        familyCode: "ENER",
        familyKey: "F:ENER",
        familyLabel: "Famille ENER",
        supplier: null,
        reason: "Monopole de distribution",
        reasonCode: "CO1.familyExcluded",
        legalBasis: null,
        lines: 2,
        amount: 60_000,
      },
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

  it("lists a lone purchase at or above the threshold as a purchase without procedure, not as splitting", () => {
    // one purchase of 45 000 ≥ 40 000 and nothing else in the family: no group of purchases to sum
    const r = co("CO1", { spend: [spend({ amount: 45_000 })] });
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
    expect(r.coverage).toEqual({ n: 3, N: 3, of: "lines" });
    expect(r.details.years).toBe("2025");
  });

  it("does not group lines of the Non classé family", () => {
    const nc = { family: { key: "NC", label: "Non classé", rule: "unclassified" as const } };
    const r = co("CO1", { spend: [spend({ ...nc, amount: 30_000 }), spend({ ...nc, amount: 30_000 }), spend({ amount: 100 })] });
    expect(r.value).toBe(0);
    expect(r.coverage).toEqual({ n: 1, N: 3, of: "lines" });
    expect(r.details.unclassifiedLinesOutsideContract).toBe(2);
  });

  it("is N/A, not 0, when no line has a family or when there is no line", () => {
    const nc = { family: { key: "NC", label: "Non classé", rule: "unclassified" as const } };
    const r = co("CO1", { spend: [spend({ ...nc, amount: 30_000 })] });
    expect(r.value).toBeNull();
    expect(fr(r.na)).toMatch(/famille/);
    const empty = co("CO1", { spend: [spend({ on: "2024-03-01" })] });
    expect(empty.value).toBeNull();
    expect(fr(empty.na)).toMatch(/Aucune ligne/);
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
        "(seuil de dispense de 40\u202f000 € en vigueur au premier achat, le 15/06/2025) : vérifier s'il s'agit d'un besoin homogène à mettre en concurrence.",
    );
  });

  it("the alert row's text is a message: the same French sentence, and English pieces in English", () => {
    const parts = { spend: [spend({ ...fam("BUR", "Fournitures de bureau"), amount: 22_600 }), spend({ ...fam("BUR", "Fournitures de bureau"), amount: 22_600 })] };
    const row = co("CO1", parts).tables.alerts[0];
    expect(frText(row.message)).toBe(
      "Achats hors marché cumulés de 45\u202f200 € en 2025 (Commune A) pour la famille Fournitures de bureau " +
        "(seuil de dispense de 40\u202f000 € en vigueur au premier achat, le 15/06/2025) : vérifier s'il s'agit d'un besoin homogène à mettre en concurrence.",
    );
    // the family name is the user's; the subject, threshold name and need are the catalogue's
    expect(enText(row.message)).toContain("for the family Fournitures de bureau (exemption threshold of ");
    expect(enText(row.message)).toContain("check whether this is a homogeneous need to put out to competition.");
  });
});

describe("CO1 law-true rules (missed splitting that must be raised)", () => {
  it("R2121-6: a purchase at or above the threshold does not cancel its group — the group is summed and alerted, the big line listed too", () => {
    // 45 000 + 5 000 = 50 000 ≥ 40 000 (dispense 2025): alert; the 45 000 line ≥ 40 000 is also a single purchase above the threshold
    const r = co("CO1", { spend: [spend({ amount: 45_000 }), spend({ amount: 5_000 })] });
    expect(r.value).toBe(1);
    expect(r.tables.alerts[0]).toMatchObject({ total: 50_000, lineCount: 2, aboveThresholdCount: 1, threshold: 40_000 });
    expect(frText(r.tables.alerts[0].message)).toContain("dont 1 achat(s) atteignant à eux seuls ce seuil");
    expect(enText(r.tables.alerts[0].message)).toContain("1 purchase reaches this threshold on its own");
    expect(r.tables.singleAboveThreshold).toHaveLength(1);
    expect(r.tables.singleAboveThreshold[0]).toMatchObject({ amount: 45_000, signal: "achat unique au-dessus du seuil" });
    // what the alert shows: its article, the threshold's date, why it is a signal, what would clear it
    expect(r.tables.alerts[0]).toMatchObject({ thresholdDate: "2025-06-15", clearCode: "clear.attachToContract" });
    expect(frText(r.tables.alerts[0].legalBasis)).toBe("Art. R2121-1, R2121-6 et R2122-8 CCP");
    expect(frText(r.tables.alerts[0].why)).toMatch(/^Signal à vérifier/);
    expect(enText(r.tables.alerts[0].why)).toMatch(/^Signal to check/);
    expect(r.tables.singleAboveThreshold[0]).toMatchObject({ clearCode: "clear.singleProcedure" });
    expect(frText(r.tables.singleAboveThreshold[0].legalBasis)).toBe("Art. R2122-8 CCP");
  });

  it("R2121-6: purchases under a marché passé sans publicité still count toward the homogeneous need", () => {
    const direct = contract({ contractRef: "SP-1", procedure: DIRECT, amount: 20_000 });
    const mapa = contract({ contractRef: "MAPA-1", procedure: "Procédure adaptée", amount: 20_000 });
    // 20 000 under SP-1 (sans publicité) + 25 000 hors marché = 45 000 ≥ 40 000 → alert
    const r = co("CO1", { spend: [spend({ amount: 20_000, contractRef: "SP-1" }), spend({ amount: 25_000 })], contracts: [direct] });
    expect(r.value).toBe(1);
    expect(r.tables.alerts[0]).toMatchObject({ total: 45_000, lineCount: 2, underDirectAwardCount: 1 });
    expect(r.tables.lines.filter((l) => l.underDirectAward === true).map((l) => l.contractRef)).toEqual(["SP-1"]);
    // under a MAPA (a competitive procedure) the 20 000 are not counted: 25 000 < 40 000 → no alert
    expect(co("CO1", { spend: [spend({ amount: 20_000, contractRef: "MAPA-1" }), spend({ amount: 25_000 })], contracts: [mapa] }).value).toBe(0);
  });

  it("R2121-1 and R2121-6: a marché sans publicité counts in the year it was concluded, not again in the years it is paid", () => {
    // SP-2025 launched 2025-03-03, notified 2025-03-20, invoiced 2026-02-10 (18 000 €) and 2026-05-10 (18 000 €);
    // hors marché 2026: 6 000 + 5 000 = 11 000 €. 2026 need: 11 000 < 40 000 → no alert (the 36 000 € are the
    // execution of a 2025 purchase). Counting them again in 2026 gave 47 000 ≥ 40 000 → a false alert.
    const earlier = contract({ contractRef: "SP-2025", procedure: DIRECT, amount: 36_000, launched: "2025-03-03", notified: "2025-03-20" });
    const lines = [
      spend({ amount: 18_000, contractRef: "SP-2025", on: "2026-02-10" }),
      spend({ amount: 18_000, contractRef: "SP-2025", on: "2026-05-10" }),
      spend({ amount: 6_000, on: "2026-03-10" }),
      spend({ amount: 5_000, on: "2026-06-10" }),
    ];
    const r = co("CO1", { spend: lines, contracts: [earlier] }, yearPeriod(2026));
    expect(r.value).toBe(0);
    expect(r.details).toMatchObject({ linesUnderDirectAward: 0, linesUnderDirectAwardOtherYear: 2 });
    // The same marché concluded in 2026 (launched 2026-01-12): 36 000 + 11 000 = 47 000 ≥ 40 000 (threshold in force on
    // the first purchase, 2026-02-10) → one alert resting on the 2 lines under the marché (R2121-6).
    const same = contract({ contractRef: "SP-2025", procedure: DIRECT, amount: 36_000, launched: "2026-01-12", notified: "2026-01-26" });
    const r2 = co("CO1", { spend: lines, contracts: [same] }, yearPeriod(2026));
    expect(r2.value).toBe(1);
    expect(r2.tables.alerts[0]).toMatchObject({ total: 47_000, lineCount: 4, underDirectAwardCount: 2, threshold: 40_000 });
    // Its wording does not call the 36 000 € under the marché "hors marché", and what clears it fits a marché sans publicité.
    expect(frText(r2.tables.alerts[0].message)).toMatch(/^Achats cumulés de 47\s000\s€ en 2026 \(Commune A\) pour la famille Famille, hors marché et sous un marché passé sans publicité/);
    expect(enText(r2.tables.alerts[0].message)).toMatch(/^Purchases totalling €47,000 in 2026 \(Commune A\)/);
    expect(r2.tables.alerts[0]).toMatchObject({ clearCode: "clear.directAwardNeed" });
  });

  it("R2121-2: the budgets of one SIREN (budget principal and budget annexe) are one legal buyer", () => {
    const lines = [spend({ entity: "Commune A", amount: 25_000 }), spend({ entity: "Commune A — Eau", amount: 25_000 })];
    // SIRET 213300635 00017 and 213300635 00025: same SIREN → one buyer, 25 000 + 25 000 = 50 000 ≥ 40 000
    const same = [entity({ entity: "Commune A", siret: "21330063500017" }), entity({ entity: "Commune A — Eau", siret: "21330063500025" })];
    const found = alerts({ spend: lines, entities: same });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ entity: "Commune A + Commune A — Eau", buyerKey: "SIREN:213300635", totalCents: 5_000_000 });
    expect(found[0].budgets).toEqual(["Commune A", "Commune A — Eau"]);
    // two SIRENs (the CCAS is its own legal person): 25 000 each < 40 000 → no alert
    const apart = [entity({ entity: "Commune A", siret: "21330063500017" }), entity({ entity: "Commune A — Eau", siret: "26330017200015" })];
    expect(alerts({ spend: lines, entities: apart })).toEqual([]);
  });
});

describe("dated thresholds before 2015-10-01 (décret 2011-1853)", () => {
  it("judges a 2013 register by the 15 000 € HT threshold of its time, not 25 000 €", () => {
    // 2 × 9 000 = 18 000 in 2013: ≥ 15 000 (décret 2011-1853) → alert; < 25 000 (2015 threshold)
    const found = alerts({ spend: [spend({ amount: 9_000, on: "2013-03-01" }), spend({ amount: 9_000, on: "2013-06-01" })] }, yearPeriod(2013));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ thresholdCents: 1_500_000 });
    expect(found[0].thresholdSource).toContain("2011-1853");
  });

  it("PF4: a direct award of 20 000 € notified in 2014 is above the 15 000 € threshold", () => {
    const r = PF4.compute(contextOf({ contracts: [contract({ procedure: DIRECT, amount: 20_000, notified: "2014-05-01" })] }, { period: yearPeriod(2014) }));
    expect(r.value).toBe(1);
    expect(r.tables.directAwardsAboveThreshold[0]).toMatchObject({ threshold: 15_000 });
  });
});

describe("dated thresholds before 2011-12-12 (code des marchés publics 2006, art. 28; CE 10 février 2010 Perez)", () => {
  it("CMP art. 28: a group whose first purchase is from 1 May 2010 is judged at 4 000 € HT, not at 15 000 € (décret 2011-1853, later)", () => {
    // 2 × 3 000 = 6 000 in June–September 2010: ≥ 4 000 (threshold restored by CE Perez from 2010-05-01) → alert;
    // with the 2011 row applied to 2010 it was < 15 000 → no alert
    const found = alerts({ spend: [spend({ amount: 3_000, on: "2010-06-01" }), spend({ amount: 3_000, on: "2010-09-01" })] }, yearPeriod(2010));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ thresholdCents: 400_000, totalCents: 600_000 });
    expect(found[0].thresholdSource).toContain("Perez");
  });

  it("décret 2008-1356: a group whose first purchase is before 1 May 2010 is judged at 20 000 € HT", () => {
    // 2 × 9 000 = 18 000 from 2010-02-01: < 20 000 → no alert; 3 × 9 000 = 27 000 ≥ 20 000 → alert at 20 000
    const two = [spend({ amount: 9_000, on: "2010-02-01" }), spend({ amount: 9_000, on: "2010-03-01" })];
    expect(alerts({ spend: two }, yearPeriod(2010))).toEqual([]);
    const found = alerts({ spend: [...two, spend({ amount: 9_000, on: "2010-04-01" })] }, yearPeriod(2010));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ thresholdCents: 2_000_000 });
    expect(found[0].thresholdSource).toContain("2008-1356");
  });

  it("EU thresholds of 2010-2011 (règlement (CE) n° 1177/2009): a 200 000 € MAPA of supplies notified in 2010 is above 193 000 € (CO3)", () => {
    // 200 000 ≥ 193 000 (2010-2011) → CO3 signal; with the 2016 row (209 000 €) applied to 2010 it was missed
    const mapa = contract({ contractRef: "MAPA-2010", procedure: "Procédure adaptée", nature: "Fournitures", amount: 200_000, launched: "2010-03-01", notified: "2010-06-01" });
    const r = co("CO3", { contracts: [mapa], spend: [spend({ on: "2010-06-15" })] }, yearPeriod(2010));
    expect(r.value).toBe(1);
    expect(r.tables.contracts[0]).toMatchObject({ contractRef: "MAPA-2010", euThreshold: 193_000 });
    expect(r.tables.contracts[0].thresholdSource).toContain("1177/2009");
  });
});

describe("CO1 and CO4 special dispense thresholds (R2122-9 books other than school books)", () => {
  const book = (amount: number, cpv = "22113000") => spend({ ...fam("LIVRES", "Livres"), cpv, amount });

  it("R2122-9: a family of books is compared with 90 000 €, not 40 000 €", () => {
    // 3 × 20 000 = 60 000: ≥ 40 000 but < 90 000 → no alert
    expect(alerts({ spend: [book(20_000), book(20_000), book(20_000)] })).toEqual([]);
    // 5 × 20 000 = 100 000 ≥ 90 000 → alert at the R2122-9 threshold
    const found = alerts({ spend: [book(20_000), book(20_000), book(20_000), book(20_000), book(20_000)] });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ thresholdCents: 9_000_000, thresholdRule: "R2122-9" });
    expect(found[0].message).toContain("livres non scolaires (R2122-9)");
  });

  it("R2122-9: budget article 6065 without a CPV code counts as books", () => {
    const byArticle = (amount: number) => spend({ ...fam("BIB", "Bibliothèque"), budgetArticle: "6065", amount });
    expect(alerts({ spend: [byArticle(20_000), byArticle(20_000), byArticle(20_000)] })).toEqual([]);
  });

  it("R2122-9: school books (22112) keep the general threshold, and so does a group mixing them with other books", () => {
    // 20 000 library books + 2 × 20 000 school books = 60 000 ≥ 40 000 → alert at 40 000
    const found = alerts({ spend: [book(20_000), book(20_000, "22112000"), book(20_000, "22112000")] });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ thresholdCents: 4_000_000, thresholdRule: "R2122-8" });
  });

  it("R2122-9: CO4 compares repeat book purchases with 50 % of 90 000 €", () => {
    // 3 × 12 000 = 36 000: ≥ 50 % of 40 000 (20 000) but < 50 % of 90 000 (45 000) → no pattern
    expect(co("CO4", { spend: [book(12_000), book(12_000), book(12_000)] }).value).toBe(0);
    // the same amounts on office supplies → pattern (36 000 < 40 000: no CO1 alert holds it)
    expect(co("CO4", { spend: [book(12_000, "30192000"), book(12_000, "30192000"), book(12_000, "30192000")] }).value).toBe(1);
  });
});

describe("CO1 law-true rules (false alerts that must be gone)", () => {
  const works = (operation: string | null, amount: number) =>
    spend({ ...fam("TRAV", "Travaux de voirie"), nature: "Travaux", operation, amount });

  it("R2121-5: works lines without an operation are not summed by family and year, but listed « opération non renseignée — à vérifier »", () => {
    // 4 × 30 000 = 120 000 ≥ 100 000 (works dispense) with no operation: no splitting alert, one row to check
    const r = co("CO1", { spend: [works(null, 30_000), works(null, 30_000), works(null, 30_000), works(null, 30_000)] });
    expect(r.value).toBe(0);
    expect(r.details).toMatchObject({ worksLinesWithoutOperation: 4, worksGroupsWithoutOperation: 1 });
    expect(r.tables.worksWithoutOperation).toHaveLength(1);
    expect(r.tables.worksWithoutOperation[0]).toMatchObject({
      familyLabel: "Travaux de voirie",
      lineCount: 4,
      total: 120_000,
      threshold: 100_000,
      status: "opération non renseignée — à vérifier",
      messageCode: "CO1.worksWithoutOperation",
      clearCode: "clear.indicateOperation",
    });
    // below the works threshold (3 × 30 000 = 90 000) nothing is listed
    expect(co("CO1", { spend: [works(null, 30_000), works(null, 30_000), works(null, 30_000)] }).tables.worksWithoutOperation).toEqual([]);
  });

  it("R2121-6: an alert resting only on a catch-all budget article (611) says so and gets the lowest severity", () => {
    const byArticle = (article: string, label: string) =>
      Array.from({ length: 5 }, () =>
        spend({ budgetArticle: article, family: { key: `ART:${article}`, label, rule: "budgetArticle" }, nature: "Services", amount: 19_000 }),
      );
    // 5 × 19 000 = 95 000 ≥ 90 000 (publicity): "élevée" on a specific article (6226 honoraires) …
    const specific = alerts({ spend: byArticle("6226", "Honoraires") });
    expect(specific[0]).toMatchObject({ severity: "élevée", catchAllArticle: null });
    // … but "à vérifier" on 611 (contrats de prestations de services), with the reason in the message
    const catchAll = alerts({ spend: byArticle("611", "Contrats de prestations de services") });
    expect(catchAll).toHaveLength(1);
    expect(catchAll[0]).toMatchObject({ severity: "à vérifier", catchAllArticle: "611" });
    expect(catchAll[0].message).toContain("« fourre-tout » 611");
    expect(catchAll[0].clear.code).toBe("clear.refineFamily");
  });

  it("L2511-1, L2511-6, R2122-3, L2113-4: a supplier excluded in Paramètres is left out of the check, with its reason", () => {
    const lines = [spend({ amount: 30_000, supplierName: "SEM Régie Eau" }), spend({ amount: 30_000, supplierName: "SEM Régie Eau" })];
    // without the exclusion: 60 000 ≥ 40 000 → alert (the test can fail)
    expect(alerts({ spend: lines })).toHaveLength(1);
    const ctx = contextOf(
      { spend: lines },
      { period: yearPeriod(2025), overrides: { supplierExclusions: [{ supplier: "SEM régie eau", reason: "inHouse", note: "Contrôle analogue, délibération du 3 mars 2022" }] } },
    );
    expect(detectSplitting(ctx)).toEqual([]);
    const r = byId(computeGroup(ctx, "CO"), "CO1");
    expect(r.details.excludedSuppliers).toBe(1);
    expect(r.tables.excluded[0]).toMatchObject({ scope: { code: "CO1.scopeSupplier" }, supplier: "SEM Régie Eau", legalBasis: "Art. L2511-1 CCP", lines: 2, amount: 60_000 });
    expect(frText(r.tables.excluded[0].reason)).toContain("Quasi-régie");
    expect(frText(r.tables.excluded[0].reason)).toContain("délibération du 3 mars 2022");
    // English: the reason is the catalogue's, the note stays as the user wrote it
    expect(enText(r.tables.excluded[0].reason)).toBe(
      "Supplier excluded from the check (Art. L2511-1 CCP): In-house contract: excluded from the code (L2511-1) — Contrôle analogue, délibération du 3 mars 2022",
    );
  });

  it("L1111-2: voirie repairs (615231) are works, so without an operation they are listed, not summed as services", () => {
    const voirie = (amount: number) =>
      spend({ budgetArticle: "615231", family: { key: "ART:615231", label: "Entretien et réparations de voiries", rule: "budgetArticle" }, nature: natureOf(null, null, "615231"), amount });
    // 3 × 30 000 = 90 000 ≥ 40 000: an alert as services before issue #10; works (100 000 per operation) now
    const r = co("CO1", { spend: [voirie(30_000), voirie(30_000), voirie(30_000)] });
    expect(r.value).toBe(0);
    expect(r.details.worksLinesWithoutOperation).toBe(3);
  });

  it("615221 (bâtiments, nature à préciser) is left out of the per-nature thresholds with a warning", () => {
    const batiment = (amount: number, cpv: string | null = null) =>
      spend({ budgetArticle: "615221", cpv, family: { key: "ART:615221", label: "Entretien et réparations de bâtiments publics", rule: "budgetArticle" }, nature: natureOf(null, cpv, "615221"), amount });
    // 2 × 25 000 = 50 000 ≥ 40 000, but the nature is unknown: no alert, one warning row
    const r = co("CO1", { spend: [batiment(25_000), batiment(25_000)] });
    expect(r.value).toBe(0);
    expect(r.tables.natureToSpecify).toHaveLength(1);
    expect(r.tables.natureToSpecify[0]).toMatchObject({ article: "615221", lines: 2, amount: 50_000, status: "nature à préciser", clearCode: "clear.natureToSpecify" });
    // classified by a services CPV code (50700000 réparation d'installations de bâtiments): summed as services → alert
    expect(co("CO1", { spend: [batiment(25_000, "50700000"), batiment(25_000, "50700000")] }).value).toBe(1);
  });

  it("L2512-5 3°: real-estate rentals (6132) are outside the code and excluded with their reason", () => {
    const loyer = () => spend({ budgetArticle: "6132", family: { key: "ART:6132", label: "Locations immobilières", rule: "budgetArticle" }, nature: "Services", amount: 30_000 });
    const r = co("CO1", { spend: [loyer(), loyer()] });
    expect(r.value).toBe(0);
    expect(r.tables.excluded[0]).toMatchObject({ scope: { code: "CO1.scopeArticle" }, familyCode: "6132", lines: 2, amount: 60_000 });
    expect(r.tables.excluded[0].legalBasis).toContain("L2512-5");
  });

  it("matches a supplier exclusion by SIREN when the line has a SIRET", () => {
    const lines = [spend({ amount: 30_000, supplierName: "Syndicat d'énergie", supplierId: "25330001100015" }), spend({ amount: 30_000, supplierName: "SDE", supplierId: "25330001100015" })];
    const ctx = contextOf({ spend: lines }, { period: yearPeriod(2025), overrides: { supplierExclusions: [{ supplier: "253 300 011", reason: "intermediary", note: null }] } });
    expect(detectSplitting(ctx)).toEqual([]);
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
    // the threshold, its source and the signal are messages: French as written, English pieces in English
    expect(frText(row?.threshold)).toBe("Seuil de dispense (Fournitures et services) 40\u202f000 €");
    expect(enText(row?.threshold)).toBe("Exemption threshold (Supplies and services) €40,000");
    expect(frText(row?.source)).toMatch(/^Art\. R2122-8 CCP — /);
    expect(frText(row?.message)).toBe(
      "3 montants entre 90 % et 100 % du seuil de dispense de 40\u202f000 € contre 1 juste en dessous : vérifier que les besoins n'ont pas été ajustés pour rester sous le seuil.",
    );
    expect(enText(row?.message)).toMatch(/^3 amounts between 90% and 100% of the exemption threshold of .* against 1 just below: /);
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

  it("R2121-4: lists the amounts of the upper band behind each signal (the lines and contracts to check), and none for a threshold without signal", () => {
    // same as above: 36 000, 38 000, 39 999 in [36 000, 40 000) → signal; 33 000 in the lower band is not listed
    const lines = [36_000, 38_000, 39_999, 33_000].map((amount, i) => spend({ amount, source: { table: "Mandats", row: 10 + i }, description: `Achat ${i}` }));
    const r = co("CO2", { spend: lines });
    expect(r.tables.upperBandAmounts.map((a) => [a.amount, a.row, a.contractRef])).toEqual([
      [39_999, 12, null],
      [38_000, 11, null],
      [36_000, 10, null],
    ]);
    expect(frText(r.tables.upperBandAmounts[0].threshold)).toBe("Seuil de dispense (Fournitures et services) 40\u202f000 €");
    // upper 3, lower 2 (no signal): nothing listed
    expect(co("CO2", { spend: [36_000, 38_000, 39_000, 33_000, 34_000].map((amount) => spend({ amount })) }).tables.upperBandAmounts).toEqual([]);
  });

  it("R2121-4: identical records of one award (a DECP republication) are one amount, not three", () => {
    // 85 000 € published three times (same buyer, holder, object, date, amount) + 82 000 €: 2 amounts in [81 000, 90 000) → no
    // signal (< 3); counting the copies gave 4 → a false signal on the 90 000 € publicity threshold
    const rec = (contractRef: string) => contract({ contractRef, amount: 85_000, description: "Maintenance phonie", supplierName: "PRESCOM", notified: "2025-04-01" });
    const contracts = [rec("201818N12000"), rec("201818N12001"), rec("201818N12002"), contract({ contractRef: "M-82", amount: 82_000, description: "Autre", notified: "2025-05-01" })];
    const r = co("CO2", { spend: [spend()], contracts });
    const pub = r.tables.byThreshold.find((t) => t.kind === "publicité");
    expect(pub).toMatchObject({ upperCount: 2, signal: false });
    expect(r.value).toBe(0);
  });

  it("R2122-9: book purchases just under 40 000 € are not bunching (books are exempt up to 90 000 €)", () => {
    // 36 000, 38 000, 39 000 € of books (CPV 22113000, not school books) in 2025: lawful without procedure below 90 000 €,
    // so not counted in the [36 000, 40 000) band of the general dispense threshold → no signal (before: 3 vs 0 → signal)
    const books = [36_000, 38_000, 39_000].map((amount) => spend({ ...fam("LIVRES", "Livres"), cpv: "22113000", amount }));
    const r = co("CO2", { spend: books });
    expect(r.value).toBe(0);
    expect(r.tables.byThreshold.find((t) => t.kind === "dispense" && t.nature === "Fournitures et services")).toMatchObject({ upperCount: 0 });
    // the same amounts of office supplies (CPV 30192000) are bunching below 40 000 €
    const office = [36_000, 38_000, 39_000].map((amount) => spend({ ...fam("BUR", "Bureau"), cpv: "30192000", amount }));
    expect(co("CO2", { spend: office }).value).toBe(1);
  });

  it("R2122-9: books just under 90 000 € are counted once, in the publicity row (same amount as the R2122-9 threshold)", () => {
    // 82 000, 85 000, 88 000 € of books: [81 000, 90 000) of the 90 000 € publicity threshold → one signal, no R2122-9 row
    const books = [82_000, 85_000, 88_000].map((amount) => spend({ ...fam("LIVRES", "Livres"), cpv: "22113000", amount }));
    const r = co("CO2", { spend: books });
    expect(r.value).toBe(1);
    expect(r.tables.byThreshold.find((t) => t.kind === "publicité")).toMatchObject({ upperCount: 3, signal: true });
    expect(r.tables.byThreshold.filter((t) => t.kind === "dispense" && t.thresholdAmount === 90_000)).toEqual([]);
  });

  it("R2122-9-1: innovative contracts just under 100 000 € are compared with the 100 000 € threshold of innovative purchases", () => {
    // 92 000, 95 000, 99 000 € innovative (DECP marcheInnovant) notified in 2025: [90 000, 100 000) → signal on its own row;
    // before, nothing compared them with 100 000 € (above 90 000 € publicity, below 221 000 € EU)
    const contracts = [92_000, 95_000, 99_000].map((amount, i) => contract({ contractRef: `INNO-${i}`, description: `Innovation ${i}`, amount, innovative: true, notified: "2025-04-01" }));
    const r = co("CO2", { spend: [spend()], contracts });
    expect(r.value).toBe(1);
    const row = r.tables.byThreshold.find((t) => t.nature === "achats innovants")!;
    expect(row).toMatchObject({ kind: "dispense", upperCount: 3, lowerCount: 0, signal: true });
    expect(frText(row.threshold)).toBe("Seuil de dispense (achats innovants) 100\u202f000 €");
    expect(frText(row.source)).toMatch(/^Art\. R2122-9-1 CCP — /);
    expect(r.tables.upperBandAmounts.map((a) => a.contractRef)).toEqual(["INNO-2", "INNO-1", "INNO-0"]);
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
    expect(r.tables.contracts[2]).toMatchObject({ euThreshold: 215_000, date: "2023-11-15", thresholdDateBasis: "lancement", issue: "MAPA au-dessus du seuil européen" });
    expect(r.tables.contracts[2]).toMatchObject({ clearCode: "clear.procedureBasis" });
    expect(frText(r.tables.contracts[2].legalBasis)).toBe("Art. L2124-1, R2124-1 et R2123-1 CCP");
    expect(r.details).toMatchObject({ mapaAboveEu: 2, directAwardAboveEu: 1 });
    expect(r.coverage).toEqual({ n: 6, N: 6, of: "contracts" });
  });

  it("R2123-1 3°: a MAPA for social and other specific services (school catering) is lawful at any amount", () => {
    const contracts = [
      contract({ contractRef: "CANTINE", cpv: "55524000", nature: "Services", amount: 900_000 }), // school catering: lawful
      contract({ contractRef: "NETTOYAGE", cpv: "90910000", nature: "Services", amount: 900_000 }), // cleaning: not on the list
    ];
    const r = co("CO3", { contracts, spend: [spend()] });
    expect(r.tables.contracts.map((x) => x.contractRef)).toEqual(["NETTOYAGE"]);
    expect(r.tables.lawfulExceptions).toEqual([expect.objectContaining({ contractRef: "CANTINE", exception: "R2123-1 3°" })]);
    expect(String(r.tables.lawfulExceptions[0].legalBasis)).toContain("R2123-1 3°");
  });

  it("R2121-1 and R2123-1 2°: lots of one consultation are summed; a small MAPA lot is lawful, a large one is not", () => {
    const lot = (ref: string, amount: number, procedure: "Procédure adaptée" | "Appel d'offres ouvert") =>
      contract({ contractRef: ref, consultationRef: "C-2025-01", amount, procedure });
    // consultation = 150 000 (AOO) + 60 000 (AOO) + 30 000 (MAPA) = 240 000 ≥ 221 000 (EU 2025)
    // MAPA lot 30 000 < 80 000, small lots 30 000 ≤ 20 % × 240 000 = 48 000 → lawful (R2123-1 2°)
    const ok = co("CO3", { contracts: [lot("L1", 150_000, "Appel d'offres ouvert"), lot("L2", 60_000, "Appel d'offres ouvert"), lot("L3", 30_000, "Procédure adaptée")], spend: [spend()] });
    expect(ok.value).toBe(0);
    expect(ok.tables.lawfulExceptions).toEqual([expect.objectContaining({ contractRef: "L3", exception: "R2123-1 2°", consultationAmount: 240_000 })]);
    // MAPA lot of 90 000 ≥ 80 000 in a 240 000 consultation (150 000 + 90 000): not a small lot → flagged
    const ko = co("CO3", { contracts: [lot("L1", 150_000, "Appel d'offres ouvert"), lot("L4", 90_000, "Procédure adaptée")], spend: [spend()] });
    expect(ko.value).toBe(1);
    expect(ko.tables.contracts[0]).toMatchObject({ contractRef: "L4", issue: "MAPA pour un lot d'une consultation au-dessus du seuil européen", consultationAmount: 240_000 });
    // small lots over 20 %: MAPA lots 70 000 + 70 000 = 140 000 > 20 % × 290 000 = 58 000 → both flagged
    const over = co("CO3", { contracts: [lot("L1", 150_000, "Appel d'offres ouvert"), lot("L5", 70_000, "Procédure adaptée"), lot("L6", 70_000, "Procédure adaptée")], spend: [spend()] });
    expect(over.value).toBe(2);
  });

  it("utilities: an entité adjudicatrice is compared with its own EU threshold (443 000 € in 2024-2025)", () => {
    const contracts = [contract({ entity: "Régie des eaux", amount: 300_000 })];
    // 300 000 ≥ 221 000 (pouvoir adjudicateur) but < 443 000 (entité adjudicatrice)
    expect(co("CO3", { contracts, spend: [spend()] }).value).toBe(1);
    const r = co("CO3", { contracts, spend: [spend()], entities: [entity({ entity: "Régie des eaux", type: "Entité adjudicatrice (eau)" })] });
    expect(r.value).toBe(0);
  });

  it("the EU threshold is the one in force at launch; notified early in a new biennium without launch date, it is uncertain", () => {
    // notified 2026-02-15, no launch date: the consultation may have been launched in 2025 (221 000) or 2026 (216 000)
    const between = contract({ contractRef: "ENTRE", amount: 218_000, notified: "2026-02-15" }); // 216 000 ≤ 218 000 < 221 000 → uncertain
    const above = contract({ contractRef: "AU-DESSUS", amount: 230_000, notified: "2026-02-15" }); // ≥ both → flagged
    const launched = contract({ contractRef: "LANCE", amount: 218_000, launched: "2026-01-10", notified: "2026-02-15" }); // launched 2026: 216 000 → flagged
    const late = contract({ contractRef: "TARD", amount: 218_000, notified: "2026-09-15" }); // 8 months into the biennium: 216 000 → flagged
    const r = co("CO3", { contracts: [between, above, launched, late], spend: [spend({ on: "2026-01-01" })] }, yearPeriod(2026));
    expect(r.tables.contracts.map((x) => x.contractRef).sort()).toEqual(["AU-DESSUS", "LANCE", "TARD"]);
    expect(r.tables.uncertainThreshold).toEqual([expect.objectContaining({ contractRef: "ENTRE", status: "seuil incertain", euThreshold: 216_000, otherEuThreshold: 221_000 })]);
  });

  it("is N/A without contracts notified in the period", () => {
    const r = co("CO3", { spend: [spend()], contracts: [contract({ amount: 300_000, notified: "2024-05-01" })] });
    expect(r.value).toBeNull();
    expect(fr(r.na)).toMatch(/Aucun marché/);
  });
});

describe("identical records of one award (a DECP republication) count once — PF4 (R2122-8), CO3 (L2124-1), CO4 (R2122-8)", () => {
  // As in the DECP 2019 file: "2019M1902700" and its rectificatif "2019M19027R00", same buyer, holder, object, procedure,
  // notification date (2019-01-28) and amount (400 000 € HT, a direct award of 2019: ≥ 25 000 € dispense and ≥ 221 000 € EU).
  const record = (contractRef: string) =>
    contract({ contractRef, procedure: DIRECT, supplierName: "PROSERVIA", description: "Maintenance du logiciel IVANTI", nature: "Services", amount: 400_000, notified: "2019-01-28" });
  const parts = { contracts: [record("2019M1902700"), record("2019M19027R00")], spend: [spend({ on: "2019-03-01" })] };
  const p2019 = yearPeriod(2019);

  it("PF4: one direct award above the dispense threshold, the other record named on its row (before: 2)", () => {
    const r = byId(computeGroup(contextOf(parts, { period: p2019 }), "PF"), "PF4");
    expect(r.value).toBe(1);
    expect(r.tables.directAwardsAboveThreshold[0]).toMatchObject({ contractRef: "2019M1902700", samePublications: "2019M19027R00", threshold: 25_000 });
    expect(r.details).toMatchObject({ identicalRecords: 1, aboveThresholdAmount: 400_000 });
  });

  it("CO3: one direct award above the EU threshold (before: 2)", () => {
    const r = co("CO3", parts, p2019);
    expect(r.value).toBe(1);
    expect(r.tables.contracts[0]).toMatchObject({ contractRef: "2019M1902700", samePublications: "2019M19027R00", euThreshold: 221_000 });
  });

  it("CO4: the two records are not « marchés sans publicité répétés » (before: 1 pattern); two different objects still are", () => {
    expect(co("CO4", parts, p2019).value).toBe(0);
    // two awards of the same day to one holder with different objects (28 200 + 26 800 = 55 000 €): a repetition to check
    const other = contract({ contractRef: "2019K148300", procedure: DIRECT, supplierName: "PROSERVIA", description: "Migration IVANTI", nature: "Services", amount: 26_800, notified: "2019-01-28" });
    const r = co("CO4", { ...parts, contracts: [...parts.contracts, other] }, p2019);
    expect(r.value).toBe(1);
    expect(r.tables.patterns[0]).toMatchObject({ count: 2, total: 426_800, contracts: "2019M1902700 (= 2019M19027R00), 2019K148300" });
  });

  it("records differing in amount or object are never merged", () => {
    const lot2 = contract({ contractRef: "2019M1902701", procedure: DIRECT, supplierName: "PROSERVIA", description: "Maintenance du logiciel IVANTI", nature: "Services", amount: 300_000, notified: "2019-01-28" });
    const r = byId(computeGroup(contextOf({ ...parts, contracts: [record("2019M1902700"), lot2] }, { period: p2019 }), "PF"), "PF4");
    expect(r.value).toBe(2);
  });
});

describe("a recorded procedure the record itself contradicts is data to correct, not a signal — PF4 (R2122-8), CO3 (L2124-1), CO4", () => {
  const pf4 = (parts: Parameters<typeof contextOf>[0], period = yearPeriod(2024)) => byId(computeGroup(contextOf(parts, { period }), "PF"), "PF4");

  it("an object « AOO … » recorded « sans publicité » (DECP consolidée 2024, marché 202410977): listed apart, not counted (before: PF4 1, CO3 1)", () => {
    // 829 684,85 € of insurance services notified 2024-12-20: ≥ 40 000 € dispense and ≥ 221 000 € EU — if it were a direct award
    const aoo = contract({ contractRef: "202410977", procedure: DIRECT, description: "AOO ASSURANCES CUA LOT 1 2025- 2029", nature: "Services", amount: 829_684.85, notified: "2024-12-20" });
    const parts = { contracts: [aoo], spend: [spend({ on: "2024-06-01" })] };
    const r = pf4(parts);
    expect(r.value).toBe(0);
    expect(r.tables.procedureToCorrect).toEqual([expect.objectContaining({ contractRef: "202410977", reason: "objet", clearCode: "clear.procedureData" })]);
    expect(frText(r.tables.procedureToCorrect[0].message)).toContain("l'objet mentionne « AOO » alors que la procédure enregistrée est « Marché passé sans publicité ni mise en concurrence préalable »");
    const c3 = co("CO3", parts, yearPeriod(2024));
    expect(c3.value).toBe(0);
    expect(c3.tables.procedureToCorrect.map((x) => x.contractRef)).toEqual(["202410977"]);
  });

  it("R2162-7: a marché subséquent recorded « sans publicité » is awarded under its accord-cadre: listed apart (before: PF4 1)", () => {
    // DECP 2019 « 2018J1371U00 », nature Marché subséquent, 126 656,09 € ≥ 25 000 € (2018-2019 dispense)
    const sub = contract({ contractRef: "2018J1371U00", procedure: DIRECT, techniques: "Marché subséquent", description: "Maintenance du progiciel Astre GF", amount: 126_656.09, notified: "2019-02-01" });
    const r = pf4({ contracts: [sub], spend: [spend({ on: "2019-03-01" })] }, yearPeriod(2019));
    expect(r.value).toBe(0);
    expect(r.tables.procedureToCorrect[0]).toMatchObject({ reason: "marché subséquent" });
    expect(frText(r.tables.procedureToCorrect[0].legalBasis)).toBe("Art. R2162-7 à R2162-12 CCP");
    // two such call-offs to one holder are not « marchés sans publicité répétés »
    const sub2 = contract({ ...sub, contractRef: "2018J1372U00", description: "Évolution du progiciel Astre GF", amount: 30_000 });
    expect(co("CO4", { contracts: [sub, sub2], spend: [spend({ on: "2019-03-01" })] }, yearPeriod(2019)).tables.patterns).toEqual([]);
  });

  it("an object about a tender without naming its procedure first (« Assistance pour l'appel d'offres… ») stays a direct award", () => {
    // 50 000 € ≥ 40 000 € (2024): a PF4 signal
    const amo = contract({ contractRef: "AMO-1", procedure: DIRECT, description: "Assistance pour l'appel d'offres assurances", nature: "Services", amount: 50_000, notified: "2024-05-01" });
    const r = pf4({ contracts: [amo], spend: [spend({ on: "2024-06-01" })] });
    expect(r.value).toBe(1);
    expect(r.tables.procedureToCorrect).toEqual([]);
    // why it is only a signal speaks of the contract's exceptions (R2122-1 to R2122-11), not of a spend line
    expect(frText(r.tables.directAwardsAboveThreshold[0].why)).toMatch(/^Signal à vérifier : le marché peut relever d'une exception/);
    expect(frText(r.tables.directAwardsAboveThreshold[0].why)).not.toContain("ligne");
  });
});

describe("CO4 (R2122-8) does not count again what a CO1 splitting alert (R2121-6) already holds", () => {
  const buy = (supplierName: string, amount: number, code = "FETES") => spend({ ...fam(code), supplierName, supplierKey: supplierName.toLowerCase(), amount });

  it("two suppliers of one family, 3 × 8 000 € each: one CO1 alert (48 000 € ≥ 40 000 €), the two CO4 patterns listed with it, not counted (before: 2)", () => {
    // Alpha 24 000 and Beta 24 000 ≥ 50 % of 40 000 € each → 2 patterns; both lie in the CO1 group of the family (48 000 €)
    const lines = [...[8_000, 8_000, 8_000].map((a) => buy("Alpha", a)), ...[8_000, 8_000, 8_000].map((a) => buy("Beta", a))];
    const c1 = co("CO1", { spend: lines });
    expect(c1.value).toBe(1);
    const r = co("CO4", { spend: lines });
    expect(r.value).toBe(0);
    expect(r.tables.patterns.map((p) => [p.supplier, p.alsoInSplitting])).toEqual([
      ["Alpha", "CO1-001"],
      ["Beta", "CO1-001"],
    ]);
    expect(r.details).toMatchObject({ alsoInSplitting: 2 });
  });

  it("a pattern in a family below the splitting threshold stays a CO4 signal", () => {
    // Alpha 3 × 7 000 = 21 000 ≥ 20 000; family total 21 000 + 5 000 (Beta) = 26 000 < 40 000 → no CO1 alert
    const r = co("CO4", { spend: [...[7_000, 7_000, 7_000].map((a) => buy("Alpha", a, "A")), buy("Beta", 5_000, "A")] });
    expect(r.value).toBe(1);
    expect(r.tables.patterns[0]).toMatchObject({ supplier: "Alpha", alsoInSplitting: null });
    // the threshold is given with the day it was read (first purchase, 15/06/2025)
    expect(frText(r.tables.patterns[0].message)).toContain("seuil de dispense (40\u202f000 € en vigueur au premier achat, le 15/06/2025)");
  });
});

describe("PF4 (R2122-8): a direct award without nature between the supplies/services and the works thresholds is not counted", () => {
  it("60 000 € without nature in 2025: ≥ 40 000 € (supplies/services) but < 100 000 € (works) → listed « nature à préciser » (before: counted)", () => {
    const c = contract({ contractRef: "SN-60", procedure: DIRECT, nature: null, description: "Réfection et fourniture", amount: 60_000, notified: "2025-05-01" });
    const r = byId(computeGroup(contextOf({ contracts: [c], spend: [spend()] }, { period: yearPeriod(2025) }), "PF"), "PF4");
    expect(r.value).toBe(0);
    expect(r.tables.natureToSpecify).toEqual([expect.objectContaining({ contractRef: "SN-60", suppliesServicesThreshold: 40_000, worksThreshold: 100_000, clearCode: "clear.contractNature" })]);
    // 120 000 € without nature is above both thresholds: counted
    const big = contract({ contractRef: "SN-120", procedure: DIRECT, nature: null, description: "Réfection et fourniture", amount: 120_000, notified: "2025-05-01" });
    expect(byId(computeGroup(contextOf({ contracts: [big], spend: [spend()] }, { period: yearPeriod(2025) }), "PF"), "PF4").value).toBe(1);
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
        ...[6_000, 6_000, 6_000].map((a) => buy("Beta", a, "B")), // 18 000 < 20 000
        ...[15_000, 15_000].map((a) => buy("Gamma", a, "C")), // only 2 purchases
        buy("Delta", 7_000, "D"),
        buy("Delta", 7_000, "D"),
        buy("Delta", 7_000, "E"), // 3 purchases but in two families
      ],
    });
    // (each family stays below 40 000 €: no CO1 alert holds the pattern, see the next describe)
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

  it("L2152-7: a marché sans publicité ni mise en concurrence has no award criteria — only the execution clause (L2112-2) is required of it", () => {
    // launched 2026-09-01 (after 2026-08-21): direct award with a clause but no criterion → no gap (before: 1 criterion gap);
    // the same as a MAPA → 1 criterion gap
    const direct = contract({ contractRef: "SP-1", procedure: DIRECT, launched: "2026-09-01", environmentalCriterion: false, environmentalClause: true, environmentalConsideration: true, amount: 50_000 });
    const mapa = contract({ ...direct, contractRef: "MAPA-1", procedure: "Procédure adaptée" });
    const r = co("CO5", { contracts: [direct, mapa], spend: [spend({ on: "2026-01-01" })] }, p2026);
    expect(r.value).toBe(1);
    expect(r.tables.gaps.map((g) => g.contractRef)).toEqual(["MAPA-1"]);
    expect(r.details).toMatchObject({ criterionNotApplicableDirectAwards: 1 });
    // a direct award with no environmental consideration at all: one gap, on the execution clause (L2112-2) only
    const none = contract({ contractRef: "SP-2", procedure: DIRECT, launched: "2026-09-01", environmentalConsideration: false, amount: 50_000 });
    const r2 = co("CO5", { contracts: [none], spend: [spend({ on: "2026-01-01" })] }, p2026);
    expect(r2.value).toBe(1);
    expect(frText(r2.tables.gaps[0].legalBasis)).toContain("L2112-2");
    expect(frText(r2.tables.gaps[0].legalBasis)).not.toContain("L2152-7");
    expect(frText(r2.tables.gaps[0].message)).toContain("sans condition d'exécution environnementale");
    // the date of the obligation is shown with the gap (loi n° 2021-1104, art. 35: consultations launched from 21/08/2026)
    expect(frText(r2.tables.gaps[0].message)).toContain("obligatoire pour les consultations lancées à partir du 21/08/2026");
    expect(enText(r2.tables.gaps[0].message)).toContain("compulsory for consultations launched from 21/08/2026");
  });

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
    expect(r.coverage).toEqual({ n: 5, N: 6, of: "contracts" });
    expect(r.details).toMatchObject({ environmentalGaps: 1, environmentalNotFilled: 1, socialGaps: 1, socialNotFilled: 1, contractsWithGap: 2 });
    const gaps = r.tables.gaps.filter((g) => g.status === "absente").map((g) => `${g.contractRef}:${frText(g.consideration)}`);
    expect(gaps.sort()).toEqual(["E-false:environnementale", "S-false:sociale"]);
  });

  it("is N/A with its reason when no contract was launched from 2026-08-21", () => {
    const r = co("CO5", { contracts: [contract({ launched: "2025-04-01", environmentalConsideration: false })], spend: [spend()] });
    expect(r.value).toBeNull();
    expect(fr(r.na)).toContain("21/08/2026");
  });

  it("art. 35: a contract without launch date is never a gap — listed « à vérifier (date de lancement inconnue) »", () => {
    const contracts = [
      // notified 2026-10-01 without launch date: may have been launched before 2026-08-21 → to check, not a gap
      contract({ contractRef: "SANS-LANCEMENT", notified: "2026-10-01", environmentalConsideration: false, amount: 50_000 }),
      // notified 2026-03-01 without launch date: launched before the day for sure → out of scope
      contract({ contractRef: "AVANT", notified: "2026-03-01", environmentalConsideration: false, amount: 50_000 }),
      contract({ contractRef: "LANCE", launched: "2026-09-01", notified: "2026-11-01", environmentalConsideration: false, amount: 50_000 }),
    ];
    const r = co("CO5", { contracts, spend: [spend({ on: "2026-01-01" })] }, p2026);
    expect(r.value).toBe(1); // LANCE only
    expect(r.tables.gaps.map((g) => g.contractRef)).toEqual(["LANCE"]);
    expect(r.tables.launchUnknown.map((g) => [g.contractRef, g.status])).toEqual([["SANS-LANCEMENT", "à vérifier (date de lancement inconnue)"]]);
    expect(r.details.launchDateUnknown).toBe(1);
  });

  it("L2152-7 and L2112-2: the environmental award criterion and execution clause are two obligations when the data says which", () => {
    const env = (ref: string, value: unknown) => {
      const k = environmentalKinds(value);
      return contract({ contractRef: ref, launched: "2026-09-01", notified: "2026-10-01", amount: 50_000, environmentalConsideration: considerationPresent(value), environmentalCriterion: k.criterion, environmentalClause: k.clause });
    };
    const contracts = [
      env("CRITERE-SEUL", { considerationEnvironnementale: ["Critère environnemental"] }), // clause missing → 1 gap (L2112-2)
      env("CLAUSE-SEULE", { considerationEnvironnementale: ["Clause environnementale"] }), // criterion missing → 1 gap (L2152-7)
      env("LES-DEUX", { considerationEnvironnementale: ["Critère environnemental", "Clause environnementale"] }), // none
      env("AUCUNE", { considerationEnvironnementale: ["Pas de considération environnementale"] }), // 2 gaps
    ];
    const r = co("CO5", { contracts, spend: [spend({ on: "2026-01-01" })] }, p2026);
    expect(r.value).toBe(4);
    expect(r.details).toMatchObject({ environmentalCriterionGaps: 2, environmentalClauseGaps: 2, environmentalGaps: 0 });
    const gaps = r.tables.gaps.map((g) => `${g.contractRef}:${frText(g.consideration)}:${frText(g.legalBasis)}`).sort();
    expect(gaps).toEqual([
      "AUCUNE:clause environnementale:Art. L2112-2 CCP (loi n° 2021-1104, art. 35)",
      "AUCUNE:critère environnemental:Art. L2152-7 CCP (loi n° 2021-1104, art. 35)",
      "CLAUSE-SEULE:critère environnemental:Art. L2152-7 CCP (loi n° 2021-1104, art. 35)",
      "CRITERE-SEUL:clause environnementale:Art. L2112-2 CCP (loi n° 2021-1104, art. 35)",
    ]);
  });

  it("reads which environmental consideration a DECP 2024 value states, and says nothing for a plain yes/no", () => {
    expect(environmentalKinds({ considerationEnvironnementale: ["Critère environnemental"] })).toEqual({ criterion: true, clause: false });
    expect(environmentalKinds('["Clause environnementale","Critère environnemental"]')).toEqual({ criterion: true, clause: true });
    expect(environmentalKinds("Pas de considération environnementale")).toEqual({ criterion: false, clause: false });
    expect(environmentalKinds("oui")).toEqual({ criterion: null, clause: null });
    expect(environmentalKinds(null)).toEqual({ criterion: null, clause: null });
  });

  it("is N/A when the considerations are not filled in", () => {
    const r = co("CO5", { contracts: [contract({ launched: "2026-09-01", amount: 10_000 })], spend: [spend({ on: "2026-01-01" })] }, p2026);
    expect(r.value).toBeNull();
    expect(fr(r.na)).toMatch(/non renseignées/);
  });
});
