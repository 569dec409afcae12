import { accumulate, kpisOf, newAccumulator, type PeerContract } from "../../../src/core/peers/kpis";
import { lookupDistribution, parseReferentiel, ReferentielBuilder } from "../../../src/core/peers/referentiel";
import { dayFromYMD } from "../../../src/core/dates";

const D2024 = dayFromYMD(2024, 3, 1);

function pc(p: Partial<PeerContract>): PeerContract {
  return {
    buyerId: "210000001",
    buyerName: "Commune A",
    notificationDate: D2024,
    procedure: "Procédure adaptée",
    bidsReceived: null,
    amountCents: null,
    holderKey: null,
    sme: null,
    environmental: null,
    social: null,
    amended: null,
    framework: false,
    ...p,
  };
}

describe("per-buyer contract KPIs", () => {
  // Five contracts of one buyer:
  //  c1 MAPA, 1 bid, 10 000 €, holder A, env yes, social no, not amended
  //  c2 MAPA, 3 bids, 20 000 €, holder B, env no, amended
  //  c3 AOO, 2 bids, 30 000 €, holder A, env yes, social yes, not amended, framework
  //  c4 sans publicité (not competitive), 1 bid, 40 000 €, holder C
  //  c5 procedure unknown, nothing known
  const contracts = [
    pc({ bidsReceived: 1, amountCents: 1_000_000, holderKey: "A", environmental: true, social: false, amended: false }),
    pc({ bidsReceived: 3, amountCents: 2_000_000, holderKey: "B", environmental: false, amended: true }),
    pc({ procedure: "Appel d'offres ouvert", bidsReceived: 2, amountCents: 3_000_000, holderKey: "A", environmental: true, social: true, amended: false, framework: true }),
    pc({ procedure: "Marché passé sans publicité ni mise en concurrence préalable", bidsReceived: 1, amountCents: 4_000_000, holderKey: "C" }),
    pc({ procedure: null, holderKey: "D" }),
  ];
  const acc = newAccumulator();
  for (const c of contracts) accumulate(acc, c);
  const k = kpisOf(acc);

  test("single-bid rate over known competitive procedures with bids: c1, c2, c3 → 1/3; average bids 6/3 = 2", () => {
    expect(k.singleBidRate).toEqual({ value: 33.3333, n: 3 });
    expect(k.averageBids).toEqual({ value: 2, n: 3 });
  });
  test("procedure shares over the 4 contracts with a known procedure: MAPA 2/4, tenders 1/4, direct 1/4, negotiated 0", () => {
    expect(k.mapaShare).toEqual({ value: 50, n: 4 });
    expect(k.tenderShare).toEqual({ value: 25, n: 4 });
    expect(k.directAwardShare).toEqual({ value: 25, n: 4 });
    expect(k.negotiatedShare).toEqual({ value: 0, n: 4 });
    expect(k.frameworkShare).toEqual({ value: 20, n: 5 });
  });
  test("environmental rate 2/3 over the contracts that say; social (2 known) and SME (none) are below the 3-contract minimum", () => {
    expect(k.environmentalRate).toEqual({ value: 66.6667, n: 3 });
    expect(k.socialRate).toBeUndefined();
    expect(k.smeShare).toBeUndefined();
  });
  test("amendment rate 1/3 over the contracts whose source records modifications; average amount 100 000 € / 4 = 25 000 €", () => {
    expect(k.amendmentRate).toEqual({ value: 33.3333, n: 3 });
    expect(k.averageAmount).toEqual({ value: 25_000, n: 4 });
    expect(k.contracts).toEqual({ value: 5, n: 5 });
  });
  test("top-5 titulaires' share needs 10 contracts with amount and titulaire (4 here): not computed", () => {
    expect(k.top5HolderShare).toBeUndefined();
  });
});

describe("referentiel: distributions per category × band × year, from at least 5 buyers", () => {
  // Buyer i (communes 21…, no DGCL table → category from the SIREN) notifies 3 contracts in 2024
  // of which m_i are MAPA: m = 0, 1, 2, 3, 3 → shares 0, 33.3333, 66.6667, 100, 100.
  // Type 7 with n = 5 (h = 4p): Q1 = x1 = 33.3333, median = x2 = 66.6667, Q3 = x3 = 100.
  function builderWith(mapaCounts: number[]): ReferentielBuilder {
    const b = new ReferentielBuilder();
    b.startSource("test.json", "test");
    mapaCounts.forEach((m, i) => {
      for (let j = 0; j < 3; j++) {
        const c = pc({
          buyerId: `2100000${i}0`,
          procedure: j < m ? "Procédure adaptée" : "Appel d'offres ouvert",
        });
        b.add(c, `c${j}`);
      }
    });
    return b;
  }

  test("quartiles of the MAPA share of 5 communes computed by hand, in the commune and all-buyer groups", () => {
    const ref = builderWith([0, 1, 2, 3, 3]).build({ label: "t", indicative: true, builtOn: "2026-12-01", dgcl: null });
    const commune = ref.groups.find((g) => g.category === "commune" && g.band === "all" && g.year === 2024)!;
    expect(commune.buyers).toBe(5);
    expect(commune.kpis.mapaShare).toMatchObject({ n: 5, q1: 33.3333, median: 66.6667, q3: 100 });
    expect(ref.groups.find((g) => g.category === "all" && g.year === 2024)!.kpis.mapaShare!.median).toBe(66.6667);
    expect(ref.coverage).toMatchObject({ contracts: 15, buyers: 5, buyerYears: 5, years: [2024] });
    expect(ref.coverage.buyersByCategory).toEqual({ commune: 5 });
    expect(() => parseReferentiel(JSON.parse(JSON.stringify(ref)))).not.toThrow();
  });

  test("4 buyers: no group is published (every figure would come from fewer than 5 buyers)", () => {
    const ref = builderWith([0, 1, 2, 3]).build({ label: "t", indicative: true, builtOn: "2026-12-01", dgcl: null });
    expect(ref.groups).toEqual([]);
    expect(ref.coverage.groupsWithheld).toBe(2); // (commune, all, 2024) and (all, all, 2024)
  });

  test("the same contract published twice (same buyer and key) counts once", () => {
    const b = builderWith([0, 1, 2, 3, 3]);
    b.add(pc({ buyerId: "210000000" }), "c0");
    const ref = b.build({ label: "t", indicative: true, builtOn: "2026-12-01", dgcl: null });
    expect(ref.sources[0]).toMatchObject({ contracts: 15, duplicates: 1 });
  });

  test("lookup: the buyer's year when published, else the nearest year; its category before all buyers", () => {
    const ref = builderWith([0, 1, 2, 3, 3]).build({ label: "t", indicative: true, builtOn: "2026-12-01", dgcl: null });
    const found = lookupDistribution(ref, "commune", "c-10000", 2026, "mapaShare");
    expect(found?.group).toMatchObject({ category: "commune", band: "all", year: 2024 });
    const other = lookupDistribution(ref, "sdis", "all", 2024, "mapaShare");
    expect(other?.group).toMatchObject({ category: "all", band: "all", year: 2024 });
    expect(lookupDistribution(ref, "commune", "all", 2024, "singleBidRate")).toBeNull();
  });

  test("a referentiel file with a distribution from 4 buyers is refused, with a French message", () => {
    const ref = builderWith([0, 1, 2, 3, 3]).build({ label: "t", indicative: true, builtOn: "2026-12-01", dgcl: null });
    const bad = JSON.parse(JSON.stringify(ref));
    bad.groups[0].kpis.mapaShare.n = 4;
    expect(() => parseReferentiel(bad)).toThrow(/moins de 5 acheteurs/);
    expect(() => parseReferentiel({ format: "autre" })).toThrow(/n'est pas un référentiel Optima Achats valide/);
  });
});
