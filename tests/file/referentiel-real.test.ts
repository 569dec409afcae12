import * as fs from "node:fs";
import * as path from "node:path";
import { buildReferentielFromFiles } from "../../src/file/referentiel-build";

const PES = path.join(__dirname, "../fixtures/real/decp-2019-pes.json");
const CSV = path.join(__dirname, "../fixtures/real/decp-consolide-2024S2-travaux-cpv4521_subset.csv");

/** Type-7 quantile, written out again here for the independent check. */
function q7(sorted: number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return sorted[lo] + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? 0) - sorted[lo]);
}

describe("referentiel of a real DECP file, checked against an independent count", () => {
  test("2019 PES file: contracts, duplicates, buyers and the per-buyer contract counts of 2019", async () => {
    const ref = await buildReferentielFromFiles([{ path: PES }], {
      label: "t",
      indicative: true,
      builtOn: "2026-12-01",
      dgcl: null,
    });
    // Independent count on the raw JSON: a contract is (buyer SIREN, id, date, montant, objet);
    // year = the 4 first characters of dateNotification; every item here is a marché with a
    // 14-digit acheteur.id and a date (checked below). Placeholder amounts (0, runs of 9, ≥ 999 999 999)
    // count as no amount, as SPEC §2.5 reads them.
    const raw = JSON.parse(fs.readFileSync(PES, "utf8")).marches as {
      id: string;
      acheteur: { id: string };
      dateNotification: string;
      montant: number;
      objet: string;
    }[];
    const keys = new Set<string>();
    const perBuyerYear = new Map<string, number>();
    let duplicates = 0;
    for (const m of raw) {
      expect(m.acheteur.id).toMatch(/^\d{14}$/);
      const amount =
        m.montant >= 1 && m.montant < 999_999_999 && !/^9{7,}$/.test(String(m.montant)) ? m.montant : "";
      const siren = m.acheteur.id.slice(0, 9);
      const key = [siren, m.id, m.dateNotification.slice(0, 10), amount, m.objet].join("|");
      if (keys.has(key)) {
        duplicates++;
        continue;
      }
      keys.add(key);
      const k = `${siren}|${m.dateNotification.slice(0, 4)}`;
      perBuyerYear.set(k, (perBuyerYear.get(k) ?? 0) + 1);
    }
    expect(ref.sources[0]).toMatchObject({ contracts: raw.length - duplicates, duplicates, skipped: 0 });
    expect(ref.coverage.buyers).toBe(new Set([...perBuyerYear.keys()].map((k) => k.split("|")[0])).size);
    expect(ref.coverage.years).toEqual([...new Set([...perBuyerYear.keys()].map((k) => Number(k.split("|")[1])))].sort());

    const counts2019 = [...perBuyerYear.entries()]
      .filter(([k]) => k.endsWith("|2019"))
      .map(([, n]) => n)
      .sort((a, b) => a - b);
    const all2019 = ref.groups.find((g) => g.category === "all" && g.year === 2019)!;
    expect(all2019.buyers).toBe(counts2019.length);
    const d = all2019.kpis.contracts!;
    expect(d.n).toBe(counts2019.length);
    expect(d.median).toBeCloseTo(q7(counts2019, 0.5), 4);
    expect(d.q1).toBeCloseTo(q7(counts2019, 0.25), 4);
    expect(d.q3).toBeCloseTo(q7(counts2019, 0.75), 4);
    // The 2019 v1 format has no offresRecues: no single-bid figure can be published.
    expect(all2019.kpis.singleBidRate).toBeUndefined();
  });

  test("consolidated CSV (one row per contract × titulaire): consecutive rows of one uid are one contract", async () => {
    const ref = await buildReferentielFromFiles([{ path: CSV }], {
      label: "t",
      indicative: true,
      builtOn: "2026-12-01",
      dgcl: null,
    });
    // Independent count: runs of the same uid (first column) in file order.
    const lines = fs.readFileSync(CSV, "utf8").split(/\r?\n/).slice(1).filter((l) => l !== "");
    let runs = 0;
    let previous: string | null = null;
    for (const l of lines) {
      const uid = l.split(",")[0];
      if (uid !== previous) runs++;
      previous = uid;
    }
    const s = ref.sources[0];
    expect(lines).toHaveLength(8_957);
    expect(s.contracts + s.duplicates + s.skipped).toBe(runs);
    expect(ref.groups.some((g) => g.kpis.singleBidRate !== undefined)).toBe(true);
  });
});
