/**
 * The contract indicators on the real DECP file (1 148 contracts of 2018-2019): procedure mix,
 * direct awards and contract counts must match what an independent reading of the raw JSON gives.
 */
import fs from "node:fs";
import path from "node:path";
import { analyse, indicator } from "../../src/core/analyse";
import { importDecp } from "../../src/core/decp";
import { runIntake } from "../../src/core/intake";
import { rangePeriod } from "../../src/core/period";

const FILE = path.resolve(__dirname, "..", "fixtures", "real", "decp-2019-pes.json");
const raw = JSON.parse(fs.readFileSync(FILE, "utf8")) as { marches: { procedure?: string; montant?: number; dateNotification?: string }[] };

// Independent reading: contracts notified in 2018-2019, by procedure label family.
const inPeriod = raw.marches.filter((m) => m.dateNotification !== undefined && m.dateNotification.slice(0, 4) >= "2018" && m.dateNotification.slice(0, 4) <= "2019");
function family(label = ""): string {
  if (/sans publicit/i.test(label)) return "direct";
  if (/adapt/i.test(label)) return "mapa";
  if (/appel d.offres ouvert/i.test(label)) return "aoo";
  return "negotiated";
}
const expected = { mapa: 0, aoo: 0, direct: 0, negotiated: 0 } as Record<string, number>;
for (const m of inPeriod) expected[family(m.procedure)]++;
// Placeholder amounts (0 or runs of 9s) are not amounts; the 2018-2019 dispense threshold is 25 000 € HT.
const plausible = (x: number | undefined) => typeof x === "number" && x >= 1 && !/^9{7,}$/.test(String(Math.trunc(x)));
// A « Marché subséquent » recorded « sans publicité » is awarded under its accord-cadre (R2162-7): listed apart, not counted
// (2 in 2018-2019: 2018J1308U, 96 500 €, and 2018J1371U00, 126 656,09 €).
const directRecordsAtOrAbove25k = inPeriod.filter(
  (m) => family(m.procedure) === "direct" && plausible(m.montant) && (m.montant as number) >= 25_000 && (m as { nature?: string }).nature !== "Marché subséquent"
);
// Records identical in buyer, holder, object, procedure, notification date and amount are one award published several
// times (e.g. "2019M1902700" and its rectificatif "2019M19027R00"): counted once (55 records, 51 awards).
type Raw = { acheteur?: { id?: string }; titulaires?: { id?: string; denominationSociale?: string }[]; objet?: string; procedure?: string; dateNotification?: string; montant?: number };
const awardKey = (m: Raw) =>
  [m.acheteur?.id, m.titulaires?.[0]?.id ?? m.titulaires?.[0]?.denominationSociale, (m.objet ?? "").toLowerCase().replace(/[^a-z0-9]+/g, " ").trim(), m.procedure, m.dateNotification?.slice(0, 10), m.montant].join("|");
const directAtOrAbove25k = new Set((directRecordsAtOrAbove25k as Raw[]).map(awardKey)).size;

const analysis = analyse(runIntake([], [importDecp(raw, "decp-2019-pes.json")]), { period: rangePeriod(2018, 1, 2019, 12) });

describe("contract indicators on the real DECP file", () => {
  it("counts the contracts notified in the period (PF2 coverage)", () => {
    expect(indicator(analysis, "PF2").coverage.N).toBe(inPeriod.length);
  });

  it("gives the procedure mix of the file (PF2 byProcedure)", () => {
    const rows = indicator(analysis, "PF2").tables.byProcedure;
    const count = (p: string) => Number(rows.find((r) => r.procedure === p)?.contracts ?? 0);
    expect({
      mapa: count("Procédure adaptée"),
      aoo: count("Appel d'offres ouvert"),
      direct: count("Marché passé sans publicité ni mise en concurrence préalable"),
      negotiated: count("Procédure avec négociation") + count("Appel d'offres restreint") + count("Dialogue compétitif"),
    }).toEqual(expected);
  });

  it("counts the direct awards at or above the 25 000 € dispense threshold of 2018-2019 (PF4), identical records once", () => {
    expect(indicator(analysis, "PF4").value).toBe(directAtOrAbove25k);
    expect(indicator(analysis, "PF4").details.identicalRecords).toBe(directRecordsAtOrAbove25k.length - directAtOrAbove25k);
    expect(indicator(analysis, "PF4").details.directAwards).toBe(expected.direct);
  });

  it("without spend lines, SP1 is the awarded total (Σ plausible montant of the period's contracts), basis awarded (issue #11 §1)", () => {
    const sp1 = indicator(analysis, "SP1");
    const awardedCents = inPeriod.reduce((s, m) => s + (plausible(m.montant) ? Math.round((m.montant as number) * 100) : 0), 0);
    expect(sp1.value).toBe(awardedCents / 100);
    expect(sp1.basis).toBe("awarded");
    expect(analysis.basis).toBe("awarded");
  });

  it("says the indicators that need spend lines are not available, with the data that would unlock them", () => {
    const pf1 = indicator(analysis, "PF1");
    expect(pf1.value).toBeNull();
    expect(pf1.na?.code).toBe("na.coverageNeedsSpendLines");
  });

  it("compares MAPA amounts with the EU threshold in force in 2018-2019 (221 000 € supplies/services)", () => {
    const rows = indicator(analysis, "CO3").tables.contracts ?? [];
    const mapa = rows.filter((r) => r.procedure === "Procédure adaptée" && r.nature !== "Travaux");
    expect(mapa.length).toBeGreaterThan(0);
    for (const r of mapa) expect(r.euThreshold).toBe(221_000);
  });
});
