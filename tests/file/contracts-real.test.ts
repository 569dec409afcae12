/**
 * Real contract registers and DECP formats (issue #11 §2, §3): each file read as it is, figures
 * derived by hand from the file (derivation written next to each assertion; computed with a
 * separate script reading the raw CSV, not with this code).
 */
import * as path from "node:path";
import { isReconciled } from "../../src/core/intake";
import { loadInputs } from "../../src/file/load-inputs";
import type { ContractLine } from "../../src/core/model";
import { render } from "../../src/core/messages/render";

const REAL = path.join(__dirname, "../fixtures/real");
const DECP = path.join(__dirname, "../fixtures/decp");

function count<T>(items: T[], key: (t: T) => string | null): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of items) {
    const k = key(t) ?? "(aucune)";
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}
const sum = (cs: ContractLine[]) => cs.reduce((s, c) => s + (c.amountCents ?? 0), 0);
const year = (c: ContractLine) => (c.notificationDate === null ? null : String(new Date(c.notificationDate * 86_400_000).getUTCFullYear()));

describe("a hand-made register: Villemomble's liste des marchés conclus en 2010 (art. 133 CMP)", () => {
  // The file: 4 title/blank rows, header on line 4 (";OBJET;DATE;TITULAIRE;CODE POSTAL;MONTANT € HT"),
  // then up to line 122 (118 rows): 63 rows with a date dd/mm/2010 in column C (the contracts),
  // 20 nature section rows (6 SERVICES + 4 FOURNITURES + 1 FOURNITURE + 9 TRAVAUX... see below),
  // 8 "Tranche" rows, 4 sub-total rows ("Total : 73 243,56", "TOTAL : 117 372,56",
  // "TOTAL : 176 585,29", "TOTAL: 669 562,66") and blank rows.
  let loaded: Awaited<ReturnType<typeof loadInputs>>;
  beforeAll(async () => {
    loaded = await loadInputs([path.join(REAL, "villemomble93-marches-conclus-2010-art133_cp1252.csv")]);
  });

  test("is read as a contracts register (its title says so), header row 4, no number column", () => {
    expect(loaded.tables.map((t) => [t.kind, t.headerRow])).toEqual([["contracts", 4]]);
    expect(loaded.tables[0].columns).toMatchObject({ description: "OBJET", notificationDate: "DATE", amount: "MONTANT € HT", supplierName: "TITULAIRE" });
  });

  test("63 contracts, each referenced by its row; 4 578 547,51 € HT", () => {
    expect(loaded.contracts).toHaveLength(63);
    expect(loaded.contracts[0].contractRef).toBe("L7"); // "Audit DSP Marchés Forains", line 7
    // Σ of the 63 amounts "14 237.50"… read with spaces removed; the NACEL row (lots 2 and 4)
    // lists "Lot 2: 10869,56 / Lot 4: 13377,13" = 24 246,69 €.
    expect(sum(loaded.contracts)).toBe(457_854_751);
    const nacel = loaded.contracts.find((c) => c.supplierName === "NACEL");
    expect(nacel?.amountCents).toBe(1_086_956 + 1_337_713);
  });

  test("section rows give the nature: 23 services, 9 fournitures, 31 travaux", () => {
    // Counted on the file: contracts under each SERVICES / FOURNITURE(S) / TRAVAUX section row.
    expect(count(loaded.contracts, (c) => c.nature)).toEqual({ Services: 23, Fournitures: 9, Travaux: 31 });
  });

  test("postcodes written « 92 686 » are read without the space; the period is 2010", () => {
    const otis = loaded.contracts.find((c) => c.supplierName === "OTIS");
    expect(otis?.holders[0].postcode).toBe("92686");
    expect(count(loaded.contracts, year)).toEqual({ "2010": 63 });
  });

  test("every row is explained: 118 read = 63 analysed + 55 listed; sub-totals set aside to the cent", () => {
    const r = loaded.reconciliation.tables[0];
    expect(r.rowsRead).toBe(118);
    expect(r.rowsAnalysed).toBe(63);
    expect(r.rowsRejected).toBe(55);
    // The 4 sub-totals: 73 243,56 + 117 372,56 + 176 585,29 + 669 562,66 = 1 036 764,07 €.
    expect(r.amountSetAsideCents).toBe(7_324_356 + 11_737_256 + 17_658_529 + 66_956_266);
    expect(r.amountReadCents).toBe(457_854_751 + 103_676_407);
    expect(isReconciled(r)).toBe(true);
    const reasons = loaded.anomalies.filter((a) => a.severity === "rejected").map((a) => render("fr", a.reason));
    expect(reasons.filter((x) => /Ligne de section « Tranche/.test(x))).toHaveLength(8);
    expect(reasons.filter((x) => /sous-total/.test(x))).toHaveLength(4);
  });
});

describe("Région Bretagne 2021: one row per titulaire, grouped into contracts", () => {
  // 195 rows; (acheteur_id, id, dateNotification, montant) takes 191 distinct values: 189 once,
  // and 202190204 / 202190205 (lots 1 and 2 of the objets promotionnels accord-cadre) 3 times each.
  let loaded: Awaited<ReturnType<typeof loadInputs>>;
  beforeAll(async () => {
    loaded = await loadInputs([path.join(REAL, "region-bretagne-marches-conclus-2021_pipe.csv")]);
  });

  test("195 rows → 191 contracts, 4 rows grouped; the lots have their 3 titulaires", () => {
    const r = loaded.reconciliation.tables[0];
    expect([r.rowsRead, r.contracts, r.rowsGrouped]).toEqual([195, 191, 4]);
    const lot1 = loaded.contracts.find((c) => c.contractRef === "202190204");
    expect(lot1?.holders.map((h) => h.name)).toEqual(["CECOP", "DREAM ACT SAS", "GENICADO OUEST"]);
  });

  test("amounts counted once: 17 765 139,86 € analysed, the repeated 2 440 000 € set aside", () => {
    // Σ montant over the 195 rows = 20 205 139,86 €; the two lots repeat 600 000 and 620 000 € twice each.
    const r = loaded.reconciliation.tables[0];
    expect(r.amountReadCents).toBe(2_020_513_986);
    expect(r.amountAnalysedCents).toBe(1_776_513_986);
    expect(r.amountSetAsideCents).toBe(2 * 60_000_000 + 2 * 62_000_000);
    expect(isReconciled(r)).toBe(true);
  });

  test("procedure mix, nature column read as technique, HTML entities decoded, period 2021", () => {
    expect(count(loaded.contracts, (c) => c.procedureRaw)).toEqual({
      "Procédure adaptée": 151,
      "Appel d'offres ouvert": 21,
      "Appel d'offres restreint": 13,
      "Procédure négociée avec mise en concurrence préalable": 4,
      "Marché négocié sans publicité ni mise en concurrence préalable": 2,
    });
    // nature column: 93 Marché, 77 Marché Subséquent, 21 Accord-cadre (distinct contracts).
    expect(loaded.contracts.filter((c) => c.techniques === "Accord-cadre")).toHaveLength(21);
    expect(loaded.contracts.filter((c) => c.techniques === "Marché subséquent")).toHaveLength(77);
    const moe = loaded.contracts.find((c) => c.contractRef === "202112");
    expect(moe?.description).toBe("MOE OP19P9C3 - QUIMPER EREA Louise Michel – Rénovation pôle laverie");
    expect(count(loaded.contracts, year)).toEqual({ "2021": 191 });
  });
});

describe("the Ministry's consolidated DECP, 55-column layout with CDL/MQ placeholders", () => {
  // 9 rows, 9 distinct contracts; Σ montant = 2 073 154,87 €; procedures 4 MAPA, 4 AOO, 1 sans publicité;
  // dateNotification: 8 in 2024, 1 in 2022; techniques ['Accord-cadre'] on 4 rows.
  let loaded: Awaited<ReturnType<typeof loadInputs>>;
  beforeAll(async () => {
    loaded = await loadInputs([path.join(REAL, "decp-bercy-consolide-format2022-echantillon.csv")]);
  });

  test("9 contracts, 2 073 154,87 €; CDL read as blank, list literals as their items", () => {
    expect(loaded.contracts).toHaveLength(9);
    expect(sum(loaded.contracts)).toBe(207_315_487);
    expect(loaded.contracts.filter((c) => c.techniques === "Accord-cadre")).toHaveLength(4);
    expect(loaded.contracts.every((c) => c.amendedAmountCents === null)).toBe(true); // montantModification = CDL
    // considerationsSociales: ['Clause sociale'] on row 4, ['Pas de considération sociale'] on rows 1-3 and 6-9
    // (row 5, a foreign titulaire, is shifted by one column in the file).
    expect(loaded.contracts.map((c) => c.socialConsideration).filter((_, i) => i !== 4)).toEqual([false, false, false, true, false, false, false, false]);
    expect(count(loaded.contracts, (c) => c.procedureRaw)).toEqual({
      "Procédure adaptée": 4,
      "Appel d'offres ouvert": 4,
      "Marché passé sans publicité ni mise en concurrence préalable": 1,
    });
    expect(count(loaded.contracts, year)).toEqual({ "2024": 8, "2022": 1 });
    expect(isReconciled(loaded.reconciliation)).toBe(true);
  });
});

describe("the national consolidated table (one row per contract × titulaire), 8 957 rows", () => {
  test("grouped by buyer, id, notification date and amount: 7 274 contracts, amounts counted once", async () => {
    // (acheteur_id, id, dateNotification, montant) has 7 274 distinct values over the 8 957 rows;
    // Σ montant of one row per contract = 4 157 788 845,69 €, over all rows 12 931 447 719,15 €.
    const loaded = await loadInputs([path.join(REAL, "decp-consolide-2024S2-travaux-cpv4521_subset.csv")]);
    const r = loaded.reconciliation.tables[0];
    expect([r.rowsRead, r.contracts, r.rowsGrouped]).toEqual([8_957, 7_274, 8_957 - 7_274]);
    expect(r.amountAnalysedCents).toBe(415_778_884_569);
    expect(r.amountReadCents).toBe(1_293_144_771_915);
    expect(isReconciled(r)).toBe(true);
    // Procedure of the 7 274 contracts: 5 527 MAPA, 1 376 AOO (counted on the file).
    const proc = count(loaded.contracts, (c) => c.procedureRaw);
    expect([proc["Procédure adaptée"], proc["Appel d'offres ouvert"]]).toEqual([5_527, 1_376]);
    expect(count(loaded.contracts, year)).toEqual({ "2024": 7_267, "2025": 7 });
  });
});

describe("DECP 2024 XML (official examples): marchés and contrats de concession", () => {
  test("Marche.xml: 2 marchés of 575 000 €, titulaire, techniques; Contrat-concession.xml: 2 concessions", async () => {
    const loaded = await loadInputs([
      path.join(REAL, "decp-v2-exemple-officiel-Marche.xml"),
      path.join(DECP, "Contrat-concession.xml"),
    ]);
    expect(loaded.contracts.map((c) => [c.contractRef, c.amountCents, c.supplierId])).toEqual([
      ["TEST2022", 57_500_000, "55204599900869"],
      ["TEST2022", 57_500_000, "55204599900869"],
    ]);
    expect(loaded.contracts[0].techniques).toBe("Concours, Accord-cadre");
    expect(loaded.contracts[0].bidsReceived).toBe(4);
    // Two <contrat-concession>: valeurGlobale 10.3 €, concessionnaires 38103128500491 and …574.
    expect(loaded.concessions?.map((c) => [c.ref, c.valueCents, c.concessionaires.length])).toEqual([
      ["0612202306122023", 1030, 2],
      ["0612202306122023", 1030, 2],
    ]);
    expect(isReconciled(loaded.reconciliation)).toBe(true);
  });

  test("a truncated XML file is a clear French error naming the line", async () => {
    const fs = await import("node:fs");
    const os = await import("node:os");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "optima-xml-"));
    const file = path.join(dir, "decp.xml");
    fs.writeFileSync(file, "<marches>\n<marche>\n<id>1</id>\n");
    await expect(loadInputs([file])).rejects.toThrow(/n'est pas un fichier XML lisible : le fichier s'arrête avant la fin de l'élément <marche>/);
    fs.writeFileSync(file, "<html><body>x</body></html>");
    await expect(loadInputs([file])).rejects.toThrow(/n'est pas un fichier DECP .* <html>/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
