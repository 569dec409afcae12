/**
 * Old registers are judged by the rule of their time (issue #10 point 8, extended before 2011):
 * the dispense threshold of art. 28 of the Code des marchés publics was 4 000 € HT (CMP 2006),
 * 20 000 € HT from the décret n° 2008-1356 of 19 December 2008, back to 4 000 € HT from
 * 1 May 2010 (CE, 10 février 2010, Perez, n° 329100, annulment with deferred effect), 15 000 € HT
 * from 12 December 2011 (décret n° 2011-1853). EU thresholds of the biennia 2008–2015 come from
 * the Commission regulations named in the rows.
 */
import { dayFromIso } from "../../../src/core/dates";
import { detectSplitting } from "../../../src/core/indicators/splitting";
import { PF4 } from "../../../src/core/indicators/registry";
import { defaultReferenceValues, dispenseRowAt, euRowAt } from "../../../src/core/reference/values";
import { yearPeriod } from "../../../src/core/period";
import { contextOf, contract, spend } from "../../helpers/fixtures";

const DIRECT = "Marché passé sans publicité ni mise en concurrence préalable" as const;
const ref = defaultReferenceValues();
const euros = (cents: number) => cents / 100;

describe("art. 28 CMP: the dispense threshold in force between 2006 and 2011", () => {
  it.each([
    ["2007-06-15", 4_000, "2006-975"],
    ["2008-12-18", 4_000, "2006-975"],
    ["2008-12-21", 20_000, "2008-1356"],
    ["2010-04-30", 20_000, "2008-1356"],
    ["2010-05-01", 4_000, "Perez"],
    ["2011-12-11", 4_000, "Perez"],
    ["2011-12-12", 15_000, "2011-1853"],
  ])("on %s the threshold is %d € HT (%s)", (iso, eur, source) => {
    const row = dispenseRowAt(ref, dayFromIso(iso));
    expect(euros(row.suppliesServicesCents)).toBe(eur);
    expect(euros(row.worksCents)).toBe(eur);
    expect(row.source).toContain(source);
  });

  it("CE Perez: two purchases of 3 000 € in June 2010 (6 000 €) reach the 4 000 € threshold restored on 1 May 2010", () => {
    const found = detectSplitting(
      contextOf(
        {
          spend: [
            spend({ amount: 3_000, on: "2010-06-01" }),
            spend({ amount: 3_000, on: "2010-06-20" }),
          ],
        },
        { period: yearPeriod(2010) }
      )
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ thresholdCents: 400_000 });
    expect(found[0].thresholdSource).toContain("Perez");
  });

  it("décret 2008-1356: the same 6 000 € bought in February 2010 stays under the 20 000 € threshold of the time", () => {
    const found = detectSplitting(
      contextOf(
        {
          spend: [
            spend({ amount: 3_000, on: "2010-02-01" }),
            spend({ amount: 3_000, on: "2010-02-20" }),
          ],
        },
        { period: yearPeriod(2010) }
      )
    );
    expect(found).toEqual([]);
  });

  it("PF4: a direct award of 10 000 € notified in March 2010 is lawful (20 000 €), one notified in September 2010 is above 4 000 €", () => {
    const r = PF4.compute(
      contextOf(
        {
          contracts: [
            contract({
              contractRef: "M-2010-03",
              procedure: DIRECT,
              amount: 10_000,
              notified: "2010-03-10",
            }),
            contract({
              contractRef: "M-2010-09",
              procedure: DIRECT,
              amount: 10_000,
              notified: "2010-09-10",
            }),
          ],
        },
        { period: yearPeriod(2010) }
      )
    );
    expect(r.value).toBe(1);
    expect(r.tables.directAwardsAboveThreshold).toHaveLength(1);
    expect(r.tables.directAwardsAboveThreshold[0]).toMatchObject({ threshold: 4_000 });
  });
});

describe("EU thresholds of the biennia 2008–2015 (local authorities and entités adjudicatrices)", () => {
  it.each([
    ["2009-03-01", 206_000, 5_150_000, 412_000],
    ["2010-03-01", 193_000, 4_845_000, 387_000],
    ["2013-03-01", 200_000, 5_000_000, 400_000],
    ["2015-03-01", 207_000, 5_186_000, 414_000],
    ["2016-03-01", 209_000, 5_225_000, 418_000],
  ])(
    "on %s: %d € supplies/services, %d € works, %d € for utilities",
    (iso, ss, works, utilities) => {
      const day = dayFromIso(iso);
      const row = euRowAt(ref, day);
      expect(euros(row.suppliesServicesCents)).toBe(ss);
      expect(euros(row.worksCents)).toBe(works);
      const u = ref.euThresholdsUtilities.find(
        (x) => day >= x.from && (x.to === null || day <= x.to)
      );
      expect(u && euros(u.suppliesServicesCents)).toBe(utilities);
      expect(u && euros(u.worksCents)).toBe(works);
    }
  );
});
