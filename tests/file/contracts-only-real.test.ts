/**
 * Contracts-only analysis on real registers (issue #11 §1): the SP indicators are computed on the
 * awarded amounts of the contracts. Figures derived by hand from the raw files with a separate
 * script (csv module, not this code); the derivation is written next to each assertion.
 */
import * as path from "node:path";
import { analyse, indicator } from "../../src/core/analyse";
import { loadInputs } from "../../src/file/load-inputs";

const REAL = path.join(__dirname, "../fixtures/real");

async function analysed(file: string) {
  const loaded = await loadInputs([path.join(REAL, file)]);
  return analyse(loaded);
}

describe("Villemomble 2010 register, analysed on awarded amounts", () => {
  let a: Awaited<ReturnType<typeof analysed>>;
  beforeAll(async () => {
    a = await analysed("villemomble93-marches-conclus-2010-art133_cp1252.csv");
  });

  test("the analysis is one of awarded contracts; SP1 = Σ of the 63 amounts = 4 578 547,51 €", () => {
    expect(a.basis).toBe("awarded");
    const sp1 = indicator(a, "SP1");
    expect(sp1.basis).toBe("awarded");
    expect(sp1.value).toBe(4_578_547.51);
    expect(sp1.coverage).toEqual({ n: 63, N: 63, of: "contracts" });
  });

  test("awarded value by nature from the section rows: services 1 846 359,18, fournitures 215 102,33, travaux 2 517 086,00 €", () => {
    // Σ of the amounts under each SERVICES / FOURNITURE(S) / TRAVAUX section row (23, 9 and 31 contracts).
    const rows = indicator(a, "SP2").tables.byNature;
    expect(rows.map((r) => [r.nature, r.amount, r.lines])).toEqual([
      ["Travaux", 2_517_086.0, 31],
      ["Services", 1_846_359.18, 23],
      ["Fournitures", 215_102.33, 9],
    ]);
  });

  test("awarded value by month: June 1 393 106,74 € and December 1 235 288,45 € are the largest", () => {
    // Σ of the amounts by the month of the DATE column (dd/mm/2010).
    const byMonth = Object.fromEntries(indicator(a, "SP2").tables.byMonth.map((r) => [r.month, r.amount]));
    expect(byMonth["2010-06"]).toBe(1_393_106.74);
    expect(byMonth["2010-12"]).toBe(1_235_288.45);
    expect(Object.keys(byMonth)).toHaveLength(12);
  });

  test("concentration on awarded value: 51 titulaires, top-5 = 58,28 %, top-1 SEPUR = 20,87 %, HHI = 1 009", () => {
    // Titulaires by name (accents and case ignored): 51; the five largest SEPUR 955 451,98,
    // COLAS 900 000, SOJEC 400 000, LAMOS 230 000, OSCAR ALET 182 913,87 = 2 668 365,85 €
    // / 4 578 547,51 = 58,28 %; SEPUR / total = 20,87 %; Σ share² × 10 000 = 1 008,58.
    const sp4 = indicator(a, "SP4");
    expect(sp4.value).toBe(58.28);
    expect(sp4.details).toMatchObject({ top1Share: 20.87, hhi: 1009 });
    expect(sp4.coverage).toEqual({ n: 51, N: 51, of: "suppliers" });
  });

  test("Pareto on awarded value: 15 of the 51 titulaires make 80 % (29,41 %)", () => {
    // Ranked by amount, the titulaire crossing 80 % is the 15th.
    const sp3 = indicator(a, "SP3");
    expect(sp3.value).toBe(29.41);
    expect(sp3.details).toMatchObject({ suppliersA: 15 });
  });
});

describe("Région Bretagne 2021 register, analysed on awarded amounts", () => {
  let a: Awaited<ReturnType<typeof analysed>>;
  beforeAll(async () => {
    a = await analysed("region-bretagne-marches-conclus-2021_pipe.csv");
  });

  test("SP1 = 17 765 139,86 € over the 191 contracts (each counted once, not per titulaire row)", () => {
    // 195 rows, 191 distinct (acheteur_id, id, dateNotification, montant); Σ montant once each.
    const sp1 = indicator(a, "SP1");
    expect(sp1.value).toBe(17_765_139.86);
    expect(sp1.coverage).toEqual({ n: 191, N: 191, of: "contracts" });
  });

  test("concentration by titulaire SIREN: 130 titulaires, top-5 = 38,42 %, top-1 = 18,51 %, HHI = 544", () => {
    // First titulaire of each contract, by SIREN (9 first digits of titulaires_id): 130; five
    // largest 3 288 948,49 + 1 600 000 + 712 471,18 + 623 787,65 + 600 000 = 6 825 207,32 €
    // / 17 765 139,86 = 38,42 %; 419515291 alone = 18,51 %; Σ share² × 10 000 = 544,19.
    const sp4 = indicator(a, "SP4");
    expect(sp4.value).toBe(38.42);
    expect(sp4.details).toMatchObject({ top1Share: 18.51, hhi: 544 });
    expect(sp4.coverage.n).toBe(130);
  });

  test("awarded value by month of notification: May 2021 = 8 034 802,16 €", () => {
    const byMonth = Object.fromEntries(indicator(a, "SP2").tables.byMonth.map((r) => [r.month, r.amount]));
    expect(byMonth["2021-05"]).toBe(8_034_802.16);
    expect(byMonth["2021-01"]).toBe(781_821.9);
  });

  test("Pareto: 35 of 130 titulaires make 80 % of the awarded value (26,92 %)", () => {
    expect(indicator(a, "SP3").value).toBe(26.92);
  });
});

describe("Mégalis DECP 2024 alone: the publication check of its own records (CO6, R2196-1)", () => {
  test("one record of 40 000 € HT or more, published within two months: value 0", async () => {
    // The 5 marchés: 32 122,00 / 146 780,00 / 33 136,63 / 19 283,59 / 15 800,00 €, all notified
    // 2024-05-30 and published 2024-07-09. Only H9O2024T0000356 (146 780 €) is ≥ 40 000 €; its
    // limit is 2024-07-30 (notification + 2 months): on time.
    const a = await analysed("megalis-decp-v2-2024-59920013600241.json");
    const co6 = indicator(a, "CO6");
    expect(co6.value).toBe(0);
    expect(co6.details).toMatchObject({ due: 1, onTime: 1, late: 0, notFound: 0, checkedAgainst: "decp", publishedRecords: 5 });
  });
});
