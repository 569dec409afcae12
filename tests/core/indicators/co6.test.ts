/**
 * CO6 publication of the essential data (art. R2196-1 CCP): contracts ≥ 40 000 € HT notified in
 * the period, not found in the published DECP given as input, or published more than two months
 * after notification. Hand-computed fixture.
 */
import { CO6 } from "../../../src/core/indicators/registry";
import { dayFromIso } from "../../../src/core/dates";
import type { ContractLine } from "../../../src/core/model";
import { yearPeriod } from "../../../src/core/period";
import { contextOf, contract } from "../../helpers/fixtures";
import { fr } from "../../helpers/messages";

// The register, period 2024:
//   R1  60 000 € notified 2024-01-15: DECP published 2024-03-10, limit 2024-03-15 → on time
//   R2  45 000 € notified 2024-02-01: DECP published 2024-04-11, limit 2024-04-01 → 10 days late
//   R3 100 000 € notified 2024-03-01: not in the DECP → not found
//   R4  39 999 € notified 2024-03-01: under 40 000 € → not due
//   R5  50 000 € notified 2023-06-01: outside the period → not checked
const register = (): ContractLine[] => [
  contract({ contractRef: "R1", amount: 60_000, notified: "2024-01-15" }),
  contract({ contractRef: "R2", amount: 45_000, notified: "2024-02-01" }),
  contract({ contractRef: "R3", amount: 100_000, notified: "2024-03-01" }),
  contract({ contractRef: "R4", amount: 39_999, notified: "2024-03-01" }),
  contract({ contractRef: "R5", amount: 50_000, notified: "2023-06-01" }),
];
const published = (ref: string, amount: number, notified: string, on: string) =>
  contract({ contractRef: ref, amount, notified, publicationDate: dayFromIso(on), fromPublishedDecp: true });
const decp = (): ContractLine[] => [
  published("R1", 60_000, "2024-01-15", "2024-03-10"),
  published("R2", 45_000, "2024-02-01", "2024-04-11"),
];

const run = (contracts: ContractLine[]) => CO6.compute(contextOf({ contracts }, { period: yearPeriod(2024) }));

describe("CO6 publication of the essential data (R2196-1)", () => {
  const r = run([...register(), ...decp()]);

  test("value = not found (R3) + published late (R2) = 2, of the 3 register contracts due (R1, R2, R3)", () => {
    expect(r.value).toBe(2);
    expect(r.details).toMatchObject({ due: 3, onTime: 1, notFound: 1, late: 1, undated: 0, checkedAgainst: "register" });
    expect(r.coverage).toEqual({ n: 3, N: 3, of: "contracts" });
    expect(r.status).toBe("watch");
  });

  test("each finding is listed with its dates: R3 not found, R2 published 10 days after the 2024-04-01 limit", () => {
    expect(r.tables.findings.map((f) => [f.contractRef, f.limitDate, f.publicationDate, f.daysLate])).toEqual([
      ["R3", "2024-05-01", null, null],
      ["R2", "2024-04-01", "2024-04-11", 10],
    ]);
    expect(fr(r.tables.findings[0].finding)).toMatch(/introuvable dans les DECP publiées/);
    expect(fr(r.tables.findings[1].finding)).toMatch(/10 jours après la limite du 01\/04\/2024/);
    expect(fr({ code: "co6.late", params: { published: "x", days: 1, limit: "y" } })).toMatch(/1 jour après/);
    // Every alert row cites its article and says what would clear it (issue #10 convention).
    for (const f of r.tables.findings) {
      expect(f.legalBasis).toMatch(/R2196-1/);
      expect(fr(f.clear)).not.toBe("");
    }
  });

  test("N/A with the reason when no published DECP is given", () => {
    const na = run(register());
    expect(na.value).toBeNull();
    expect(fr(na.na)).toMatch(/Aucune DECP publiée donnée en entrée/);
    expect(na.coverage.N).toBe(3);
  });

  test("with the DECP alone, its own records are checked for their delay: R2 late = 1", () => {
    const only = run(decp());
    expect(only.value).toBe(1);
    expect(only.details).toMatchObject({ due: 2, onTime: 1, late: 1, checkedAgainst: "decp" });
  });

  test("with the DECP alone, each record is judged on its own publication date, even when two share a number", () => {
    // D1 notified 2024-06-03 (limit 2024-08-03) published 2024-07-01: on time; the second D1,
    // notified 2024-06-03 too, published 2024-09-02: 30 days late.
    const only = run([published("D1", 80_000, "2024-06-03", "2024-07-01"), published("D1", 90_000, "2024-06-03", "2024-09-02")]);
    expect(only.value).toBe(1);
    expect(only.tables.findings.map((f) => [f.amount, f.daysLate])).toEqual([[90_000, 30]]);
  });

  test("N/A when no contract of 40 000 € HT or more was notified in the period", () => {
    const none = run([contract({ contractRef: "S1", amount: 39_999.99, notified: "2024-05-01" }), published("X", 50_000, "2023-01-10", "2023-02-01")]);
    expect(none.value).toBeNull();
    expect(fr(none.na)).toMatch(/Aucun marché de 40\s000\s€ HT ou plus notifié sur la période 2024/);
  });

  test("the documentation cites R2196-1", () => {
    expect(CO6.doc.source.fr).toMatch(/R2196-1/);
  });
});

describe("CO6 judges old data by the publication duty of its time (art. 107 décret 2016-360, R2196-1, décret 2019-1344)", () => {
  const run2 = (contracts: ContractLine[], year: number) => CO6.compute(contextOf({ contracts }, { period: yearPeriod(year) }));

  test("2019: a contract of 30 000 € HT is due (25 000 € threshold until 31/12/2019) — published 39 days late", () => {
    // notified 2019-02-01, limit 2019-04-01, published 2019-05-10 → 39 days late; before: < 40 000 €, not due (N/A)
    const r = run2([published("P-30", 30_000, "2019-02-01", "2019-05-10")], 2019);
    expect(r.value).toBe(1);
    expect(r.tables.findings[0]).toMatchObject({ contractRef: "P-30", daysLate: 39 });
    expect(r.tables.findings[0].legalBasis).toContain("25 000 € HT");
    expect(r.tables.findings[0].legalBasis).not.toContain("2022");
  });

  test("2020: the same 30 000 € contract is not due (40 000 € from 1 January 2020)", () => {
    const r = run2([published("P-30", 30_000, "2020-02-03", "2020-05-10"), published("P-50", 50_000, "2020-02-03", "2020-03-01")], 2020);
    expect(r.details).toMatchObject({ due: 1, onTime: 1 });
    expect(r.value).toBe(0);
  });

  test("before 1 October 2018 no publication was due: a 2018-06 contract is not judged", () => {
    const r = run2([published("P-18", 80_000, "2018-06-01", "2018-12-01"), published("P-18b", 80_000, "2018-11-05", "2018-12-01")], 2018);
    // P-18b: notified 2018-11-05, limit 2019-01-05, published 2018-12-01 → on time; P-18: no duty then
    expect(r.details).toMatchObject({ due: 1, onTime: 1, late: 0 });
    expect(r.tables.findings[0]?.legalBasis ?? "").toBe("");
  });
});
