import * as fs from "fs";
import * as path from "path";
import { addMonths, dayFromIso, dayFromYMD } from "../../src/core/dates";
import { importDecp, isDecpJson, type DecpImport } from "../../src/core/decp";
import type { Anomaly, ContractLine } from "../../src/core/model";
import { fr } from "../helpers/messages";

const FIXTURES = path.resolve(__dirname, "../fixtures");
const REAL_FILE = path.join(FIXTURES, "real/decp-2019-pes.json");
const V2_EXAMPLE = path.join(FIXTURES, "decp/example-marches_avec_modifications.json");
const CONCESSION_EXAMPLE = path.join(FIXTURES, "decp/example-marches_concessions.json");

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

// ---------------------------------------------------------------------------------------------
// Independent helpers (deliberately not shared with the implementation).

type Raw = Record<string, any>;

/** Luhn check of a SIRET/SIREN; La Poste (SIREN 356000000) uses the digit-sum-mod-5 rule. */
function luhnValid(id: string): boolean {
  if (id.length === 14 && id.startsWith("356000000")) {
    return id.split("").reduce((s, d) => s + Number(d), 0) % 5 === 0;
  }
  let sum = 0;
  for (let i = 0; i < id.length; i++) {
    let d = Number(id[id.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Placeholder montant per the documented rule: 0, ≥ 999 999 999, or seven or more 9s. */
function isPlaceholder(montant: number): boolean {
  return montant < 1 || montant >= 999_999_999 || /^9{7,}$/.test(String(montant));
}

function checkReconciliation(result: DecpImport): void {
  const r = result.reconciliation;
  expect(r.kind).toBe("contracts");
  expect(r.rowsAnalysed).toBe(result.contracts.length + result.concessions.length);
  expect(r.rowsAnalysed + r.rowsRejected).toBe(r.rowsRead);
  expect(r.amountAnalysedCents + r.amountRejectedCents + r.amountSetAsideCents).toBe(r.amountReadCents);
  const setAsideLines = (r.setAside ?? []).reduce((s, l) => s + l.amountCents, 0);
  expect(setAsideLines).toBe(r.amountSetAsideCents);
  const analysedSum = result.contracts.reduce((s, c) => s + (c.amountCents ?? 0), 0);
  expect(r.amountAnalysedCents).toBe(analysedSum);
  // Every row ends in exactly one state: analysed rows and rejected rows are disjoint and complete.
  const analysedRows = [...result.contracts, ...result.concessions].map((c) => c.source.row);
  const rejectedRows = result.anomalies.filter((a) => a.severity === "rejected").map((a) => a.row);
  const all = [...analysedRows, ...rejectedRows].sort((a, b) => a - b);
  expect(all).toEqual(Array.from({ length: r.rowsRead }, (_, i) => i + 1));
  // Warnings only on analysed rows; rowsWithWarning = distinct rows with a warning.
  const warningRows = new Set(result.anomalies.filter((a) => a.severity === "warning").map((a) => a.row));
  for (const row of warningRows) expect(analysedRows).toContain(row);
  expect(r.rowsWithWarning).toBe(warningRows.size);
}

function warningsOf(result: DecpImport, field: string): Anomaly[] {
  return result.anomalies.filter((a) => a.severity === "warning" && a.field === field);
}

function byRef(result: DecpImport, ref: string): ContractLine {
  const found = result.contracts.find((c) => c.contractRef === ref);
  if (!found) throw new Error(`contract ${ref} not imported`);
  return found;
}

// ---------------------------------------------------------------------------------------------
// Real file: 1 148 contracts of the 2019 PES/Hélios consolidated file (DECP v1.x).

describe("real DECP 2019 PES file", () => {
  const json = readJson(REAL_FILE) as { marches: Raw[] };
  const raw = json.marches;
  const result = importDecp(json, "decp-2019-pes.json");

  test("the file is detected as DECP v1 and accepted by the shape check", () => {
    expect(isDecpJson(json)).toBe(true);
    expect(result.format).toBe("decp-v1");
  });

  test("nothing is lost: 1 148 contracts read = analysed + rejected, amounts reconcile to the cent", () => {
    expect(raw.length).toBe(1148);
    expect(result.reconciliation.rowsRead).toBe(1148);
    expect(result.reconciliation.rowsAnalysed + result.reconciliation.rowsRejected).toBe(1148);
    checkReconciliation(result);
  });

  test("every contract has an id, so none is rejected", () => {
    const withoutId = raw.filter((m) => !m.id && !m.uid).length;
    expect(result.reconciliation.rowsRejected).toBe(withoutId);
    expect(result.reconciliation.rowsRejected).toBe(0);
  });

  test("amountRead counts every montant; placeholders are set aside on their own line", () => {
    const cents = (m: Raw) => Math.round(m.montant * 100);
    const all = raw.filter((m) => typeof m.montant === "number").reduce((s, m) => s + cents(m), 0);
    const placeholders = raw
      .filter((m) => typeof m.montant === "number" && isPlaceholder(m.montant))
      .reduce((s, m) => s + cents(m), 0);
    expect(result.reconciliation.amountReadCents).toBe(all);
    expect(result.reconciliation.amountSetAsideCents).toBe(placeholders);
    // 2 × 0 + 3 × 99 999 999 + 1 × 999 999 999 €
    expect(placeholders).toBe((3 * 99_999_999 + 999_999_999) * 100);
    expect(result.reconciliation.setAside?.map((l) => ({ ...l, reason: fr(l.reason) }))).toEqual([
      { reason: expect.stringMatching(/remplissage/), rows: 4, amountCents: placeholders },
    ]);
  });

  test("placeholder montants are analysed without amount, each with a warning keeping the value", () => {
    const placeholderRows = raw.map((m, i) => (isPlaceholder(m.montant) ? i + 1 : 0)).filter((r) => r > 0);
    expect(placeholderRows.length).toBe(6); // 2 × 0, 3 × 99 999 999, 1 × 999 999 999
    const warnings = warningsOf(result, "montant");
    expect(warnings.map((w) => w.row)).toEqual(placeholderRows);
    for (const w of warnings) expect(String(raw[w.row - 1].montant)).toBe(w.value);
    const nullAmounts = result.contracts.filter((c) => c.amountCents === null).map((c) => c.source.row);
    expect(nullAmounts).toEqual(placeholderRows);
  });

  test("procedure labels are normalised to the DECP v2 vocabulary, counts match the raw labels", () => {
    const mapping: Record<string, string> = {
      "Procédure adaptée": "Procédure adaptée",
      "Appel d'offres ouvert": "Appel d'offres ouvert",
      "Marché négocié sans publicité ni mise en concurrence préalable":
        "Marché passé sans publicité ni mise en concurrence préalable",
      "Procédure concurrentielle avec négociation": "Procédure avec négociation",
      "Procédure négociée avec mise en concurrence préalable": "Procédure avec négociation",
    };
    const rawCounts = raw.reduce<Record<string, number>>((acc, m) => {
      acc[m.procedure] = (acc[m.procedure] ?? 0) + 1;
      return acc;
    }, {});
    expect(Object.keys(rawCounts).sort()).toEqual(Object.keys(mapping).sort());
    const expected: Record<string, number> = {};
    for (const [label, n] of Object.entries(rawCounts)) expected[mapping[label]] = (expected[mapping[label]] ?? 0) + n;
    const imported: Record<string, number> = {};
    for (const c of result.contracts) imported[String(c.procedure)] = (imported[String(c.procedure)] ?? 0) + 1;
    expect(imported).toEqual(expected);
    expect(imported).toEqual({
      "Procédure adaptée": 592,
      "Appel d'offres ouvert": 488,
      "Marché passé sans publicité ni mise en concurrence préalable": 57,
      "Procédure avec négociation": 11,
    });
    expect(warningsOf(result, "procedure")).toHaveLength(0);
    // The raw label is kept for every contract.
    result.contracts.forEach((c) => expect(c.procedureRaw).toBe(raw[c.source.row - 1].procedure));
  });

  test("DECP nature Accord-cadre / Marché subséquent becomes the technique", () => {
    const count = (nature: string) => raw.filter((m) => m.nature === nature).length;
    expect(result.contracts.filter((c) => c.techniques === "Accord-cadre")).toHaveLength(count("Accord-cadre"));
    expect(result.contracts.filter((c) => c.techniques === "Marché subséquent")).toHaveLength(count("Marché subséquent"));
    expect(result.contracts.filter((c) => c.techniques === null)).toHaveLength(count("Marché"));
  });

  test("nature Fournitures/Services/Travaux is derived from the CPV division", () => {
    const travaux = raw.filter((m) => String(m.codeCPV).startsWith("45")).length;
    expect(result.contracts.filter((c) => c.nature === "Travaux")).toHaveLength(travaux);
    expect(result.contracts.every((c) => c.cpv !== null && /^\d{8}$/.test(c.cpv))).toBe(true);
    expect(result.contracts.every((c) => c.family.rule === "cpv" && c.family.key === `CPV:${c.cpv!.slice(0, 3)}`)).toBe(
      true,
    );
    expect(warningsOf(result, "codeCPV")).toHaveLength(0);
  });

  test("holders keep every titulaire; the first one is the supplier", () => {
    result.contracts.forEach((c) => {
      const m = raw[c.source.row - 1];
      expect(c.holders).toHaveLength(m.titulaires.length);
      expect(c.supplierName).toBe(m.titulaires[0].denominationSociale.trim());
    });
    expect(Math.max(...result.contracts.map((c) => c.holders.length))).toBe(14);
  });

  test("SIRET with a bad Luhn key are warnings, foreign identifiers are kept unchecked", () => {
    const badRows = new Set<number>();
    raw.forEach((m, i) => {
      if (!luhnValid(m.acheteur.id)) badRows.add(i + 1);
      for (const t of m.titulaires) if (t.typeIdentifiant === "SIRET" && !luhnValid(t.id)) badRows.add(i + 1);
    });
    const luhnRows = new Set(result.anomalies.filter((a) => /Luhn/.test(fr(a.reason) ?? "")).map((a) => a.row));
    expect(luhnRows).toEqual(badRows);
    const foreign = raw.flatMap((m) => m.titulaires.filter((t: Raw) => t.typeIdentifiant !== "SIRET"));
    expect(foreign.length).toBeGreaterThan(0);
    const ids = new Set(result.contracts.flatMap((c) => c.holders.map((h) => h.id)));
    for (const t of foreign) expect(ids).toContain(t.id);
  });

  test("notification dates with a time-zone suffix are read; end date = notification + dureeMois", () => {
    expect(result.contracts.every((c) => c.notificationDate !== null)).toBe(true);
    const first = result.contracts[0];
    expect(raw[0].dateNotification).toBe("2018-12-17+01:00");
    expect(first.notificationDate).toBe(dayFromYMD(2018, 12, 17));
    expect(first.durationMonths).toBe(38);
    expect(first.endDate).toBe(addMonths(dayFromYMD(2018, 12, 17), 38));
    expect(first.entity).toBe("INOVALYS");
    expect(first.entityId).toBe("13001898900017");
  });

  test("amended amount = montant of the last modification", () => {
    const withMods = raw.map((m, i) => ({ m, row: i + 1 })).filter(({ m }) => m.modifications.length > 0);
    expect(withMods).toHaveLength(8);
    const amended = result.contracts.filter((c) => c.amendedAmountCents !== null);
    expect(amended.map((c) => c.source.row)).toEqual(withMods.map((x) => x.row));
    for (const { m, row } of withMods) {
      const c = result.contracts.find((x) => x.source.row === row)!;
      expect(c.amendedAmountCents).toBe(Math.round(m.modifications[m.modifications.length - 1].montant * 100));
    }
  });

  test("same buyer and same id published twice is a duplicate warning pointing to the first row", () => {
    const firstRow = new Map<string, number>();
    const dupRows: number[] = [];
    raw.forEach((m, i) => {
      const key = `${m.acheteur.id}|${m.id}`;
      if (firstRow.has(key)) dupRows.push(i + 1);
      else firstRow.set(key, i + 1);
    });
    const warnings = warningsOf(result, "id");
    expect(warnings.map((w) => w.row)).toEqual(dupRows);
    for (const w of warnings) {
      const m = raw[w.row - 1];
      expect(fr(w.reason)).toContain(`ligne ${firstRow.get(`${m.acheteur.id}|${m.id}`)}`);
    }
  });

  test("contracts held by UGAP go through a centrale d'achat", () => {
    const ugapRows = raw
      .map((m, i) => (m.titulaires.some((t: Raw) => String(t.id).startsWith("776056467")) ? i + 1 : 0))
      .filter((r) => r > 0);
    expect(ugapRows.length).toBeGreaterThan(0);
    const centrale = result.contracts.filter((c) => c.channel === "Centrale d'achat").map((c) => c.source.row);
    expect(centrale).toEqual(ugapRows);
  });

  test("rows with a warning are exactly the placeholder, bad-SIRET and duplicate rows", () => {
    const expected = new Set<number>();
    const seen = new Set<string>();
    raw.forEach((m, i) => {
      const key = `${m.acheteur.id}|${m.id}`;
      if (isPlaceholder(m.montant) || seen.has(key) || !luhnValid(m.acheteur.id)) expected.add(i + 1);
      for (const t of m.titulaires) if (t.typeIdentifiant === "SIRET" && !luhnValid(t.id)) expected.add(i + 1);
      seen.add(key);
    });
    expect(result.reconciliation.rowsWithWarning).toBe(expected.size);
  });
});

// ---------------------------------------------------------------------------------------------
// Official v2.0.x examples.

describe("DECP v2 examples", () => {
  test("v2 object shape: wrapped holders, considerations, techniques, modifications, offresRecues", () => {
    const result = importDecp(readJson(V2_EXAMPLE), "v2");
    expect(result.format).toBe("decp-v2");
    expect(result.contracts).toHaveLength(2);
    const c = byRef(result, "TEST2022");
    expect(c.entity).toBe("21750001630066"); // v2 has no buyer name
    expect(c.entityId).toBe("21750001630066");
    expect(c.holders).toEqual([{ name: null, id: "55204599900869" }]);
    expect(c.supplierId).toBe("55204599900869");
    expect(c.supplierName).toBeNull();
    expect(c.socialConsideration).toBe(true);
    expect(c.environmentalConsideration).toBe(true);
    expect(c.techniques).toBe("Concours, Accord-cadre");
    expect(c.amendedAmountCents).toBe(12_345_787);
    expect(c.amountCents).toBe(57_500_000);
    expect(c.bidsReceived).toBe(4);
    expect(c.cpv).toBe("45000000");
    expect(c.nature).toBe("Travaux");
    expect(c.procedure).toBe("Appel d'offres ouvert");
    expect(c.notificationDate).toBe(dayFromYMD(2024, 5, 15));
    expect(c.endDate).toBe(dayFromYMD(2028, 5, 15));
    expect(c.sme).toBeNull();
    expect(c.launchDate).toBeNull();
    expect(c.source).toEqual({ table: "v2", row: 1 });
    checkReconciliation(result);
  });

  test("contrats de concession are read into their own table, numbered in file order, their value set aside", () => {
    const json = readJson(CONCESSION_EXAMPLE);
    expect(isDecpJson(json)).toBe(true);
    const result = importDecp(json, "conc");
    expect(result.format).toBe("decp-v2");
    expect(result.reconciliation.rowsRead).toBe(4);
    expect(result.reconciliation.rowsRejected).toBe(0);
    // "contrat-concession" comes first in the file, then "marche".
    expect(result.concessions.map((c) => [c.source.row, c.ref])).toEqual([
      [1, "0612202306122024"],
      [2, "0612202306122023"],
    ]);
    const c = result.concessions[1];
    // valeurGlobale 10.3 €, dateDebutExecution 2024-04-01 + dureeMois 12 → 2025-04-01.
    expect(c.valueCents).toBe(1030);
    expect(c.authorityId).toBe("12345678901250"); // the second item's autoriteConcedante.id
    expect(c.concessionaires.map((h) => h.id)).toEqual(["38103128500491", "38103128500574"]);
    expect(c.nature).toBe("Concession de travaux");
    expect(c.endDate).toBe(dayFromIso("2025-04-01"));
    expect(result.contracts.map((c) => c.source.row)).toEqual([3, 4]);
    expect(result.reconciliation.amountSetAsideCents).toBe(2 * 1030);
    expect(result.reconciliation.amountReadCents).toBe(2 * 1030 + 2 * 57_500_000);
    checkReconciliation(result);
  });
});

// ---------------------------------------------------------------------------------------------
// Hand-written fixtures.

const HOLDER_OK = { typeIdentifiant: "SIRET", id: "85480074501125", denominationSociale: "AXIMA CONCEPT" };

function v1(overrides: Raw): Raw {
  return {
    id: "2019X001",
    uid: "130018989000172019X001",
    _type: "Marché",
    acheteur: { id: "13001898900017", nom: "INOVALYS" },
    nature: "Marché",
    objet: "Maintenance",
    codeCPV: "50700000-2",
    procedure: "Procédure adaptée",
    dureeMois: 12,
    dateNotification: "2019-01-31+01:00",
    montant: 1000,
    titulaires: [HOLDER_OK],
    modifications: [],
    ...overrides,
  };
}

describe("DECP v1 fixtures", () => {
  test("missing id uses uid with a warning; missing id and uid is rejected with a reason", () => {
    const noId = v1({ id: undefined, montant: 500 });
    delete noId.id;
    const none = v1({ id: "", uid: null, montant: 250.5, objet: "Nettoyage" });
    const result = importDecp({ marches: [noId, none] }, "t");
    expect(result.contracts.map((c) => c.contractRef)).toEqual(["130018989000172019X001"]);
    expect(warningsOf(result, "id")).toHaveLength(1);
    const rejected = result.anomalies.filter((a) => a.severity === "rejected");
    expect(rejected).toHaveLength(1);
    expect(rejected[0].row).toBe(2);
    expect(rejected[0].field).toBe("id");
    expect(fr(rejected[0].reason)).toMatch(/Nettoyage/);
    expect(fr(rejected[0].reason)).toMatch(/Renseignez/);
    expect(result.reconciliation.amountRejectedCents).toBe(25_050);
    expect(result.reconciliation.amountReadCents).toBe(75_050);
    checkReconciliation(result);
  });

  test("placeholder amounts (0, 999 999 999, 99 999 999, 9 999 999, negative) are warnings and set aside", () => {
    const values = [0, 999_999_999, 99_999_999, 9_999_999, -5, 1_500_000_000, 999_999, 12_345.67];
    const result = importDecp({ marches: values.map((montant, i) => v1({ id: `M${i}`, montant })) }, "t");
    const amounts = result.contracts.map((c) => c.amountCents);
    expect(amounts).toEqual([null, null, null, null, null, null, 99_999_900, 1_234_567]);
    const warnings = warningsOf(result, "montant");
    expect(warnings.map((w) => w.row)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(warnings.map((w) => w.value)).toEqual(["0", "999999999", "99999999", "9999999", "-5", "1500000000"]);
    expect(fr(warnings[1].reason)).toMatch(/valeur de remplissage/);
    // Read: every value; set aside: the six placeholders (0 + 999 999 999 + 99 999 999 + 9 999 999 − 5 + 1 500 000 000 €).
    expect(result.reconciliation.amountReadCents).toBe(values.reduce((s, v) => s + Math.round(v * 100), 0));
    expect(result.reconciliation.amountSetAsideCents).toBe((999_999_999 + 99_999_999 + 9_999_999 - 5 + 1_500_000_000) * 100);
    expect(result.reconciliation.amountAnalysedCents).toBe(99_999_900 + 1_234_567);
    expect(result.reconciliation.rowsWithWarning).toBe(6);
    checkReconciliation(result);
  });

  test("missing or unreadable notification dates are warnings; the contract stays analysed", () => {
    const missing = v1({ id: "A" });
    delete missing.dateNotification;
    const result = importDecp({ marches: [missing, v1({ id: "B", dateNotification: "inconnue" }), v1({ id: "C" })] }, "t");
    expect(result.contracts).toHaveLength(3);
    expect(result.contracts.map((c) => c.notificationDate)).toEqual([null, null, dayFromYMD(2019, 1, 31)]);
    expect(result.contracts.map((c) => c.endDate)).toEqual([null, null, dayFromYMD(2020, 1, 31)]);
    const warnings = warningsOf(result, "dateNotification");
    expect(warnings.map((w) => [w.row, w.value])).toEqual([
      [1, null],
      [2, "inconnue"],
    ]);
    checkReconciliation(result);
  });

  test("invalid CPV is a warning: no CPV, no nature, unclassified family", () => {
    const result = importDecp({ marches: [v1({ codeCPV: "5070" }), v1({ id: "B", codeCPV: "45210000" })] }, "t");
    const [bad, good] = result.contracts;
    expect(bad.cpv).toBeNull();
    expect(bad.nature).toBeNull();
    expect(bad.family.rule).toBe("unclassified");
    expect(good.cpv).toBe("45210000");
    expect(good.nature).toBe("Travaux");
    expect(warningsOf(result, "codeCPV").map((w) => [w.row, w.value])).toEqual([[1, "5070"]]);
  });

  test("invalid SIRET (Luhn) of a holder is a warning, not a rejection", () => {
    const bad = "85480074501126";
    expect(luhnValid(bad)).toBe(false);
    const result = importDecp({ marches: [v1({ titulaires: [{ typeIdentifiant: "SIRET", id: bad, denominationSociale: "X" }] })] }, "t");
    expect(result.reconciliation.rowsRejected).toBe(0);
    expect(result.contracts[0].supplierId).toBe(bad);
    const w = warningsOf(result, "titulaires");
    expect(w).toHaveLength(1);
    expect(w[0].value).toBe(bad);
    expect(fr(w[0].reason)).toMatch(/Luhn/);
  });

  test("unknown procedure keeps the raw label, procedure null, with a warning listing the valid labels", () => {
    const result = importDecp({ marches: [v1({ procedure: "Procédure bizarre" })] }, "t");
    const c = result.contracts[0];
    expect(c.procedure).toBeNull();
    expect(c.procedureRaw).toBe("Procédure bizarre");
    const w = warningsOf(result, "procedure");
    expect(w).toHaveLength(1);
    expect(fr(w[0].reason)).toMatch(/Dialogue compétitif/);
  });

  test("modifications: the last one with a montant gives the amended amount", () => {
    const result = importDecp(
      {
        marches: [
          v1({
            modifications: [
              { objetModification: "a", montant: 1200 },
              { objetModification: "b", montant: 1300.5 },
              { objetModification: "c", dureeMois: 18 },
            ],
          }),
          v1({ id: "B", modifications: [{ objetModification: "a", montant: 0 }] }),
        ],
      },
      "t",
    );
    expect(result.contracts.map((c) => c.amendedAmountCents)).toEqual([130_050, null]);
    expect(warningsOf(result, "modifications").map((w) => w.row)).toEqual([2]);
  });

  test("v1 has no considerations, bids or SME flag: they stay unknown (null)", () => {
    const c = importDecp({ marches: [v1({})] }, "t").contracts[0];
    expect(c.socialConsideration).toBeNull();
    expect(c.environmentalConsideration).toBeNull();
    expect(c.bidsReceived).toBeNull();
    expect(c.sme).toBeNull();
    expect(c.channel).toBeNull();
  });

  test("a concession with _type 'Contrat de concession' in a v1 list goes to the concessions table", () => {
    const concession = {
      id: "C1",
      _type: "Contrat de concession",
      autoriteConcedante: { id: "13001898900017", nom: "X" },
      objet: "DSP eau",
      valeurGlobale: 2_000_000,
    };
    const result = importDecp({ marches: [v1({}), concession] }, "t");
    expect(result.contracts).toHaveLength(1);
    expect(result.concessions.map((c) => [c.source.row, c.ref, c.authority, c.valueCents])).toEqual([[2, "C1", "X", 200_000_000]]);
    expect(result.reconciliation.amountSetAsideCents).toBe(200_000_000);
    checkReconciliation(result);
  });

  test("an item that is not a contract is rejected, not dropped", () => {
    const result = importDecp({ marches: [v1({}), "texte", { foo: 1 }] }, "t");
    expect(result.reconciliation.rowsRead).toBe(3);
    expect(result.anomalies.filter((a) => a.severity === "rejected").map((a) => a.row)).toEqual([2, 3]);
    checkReconciliation(result);
  });
});

describe("DECP shapes", () => {
  test("v1.5 XML-to-JSON: marches.marche list, titulaire wrappers, text numbers with a dot decimal", () => {
    const item = v1({
      montant: "1234.5",
      dureeMois: "24",
      titulaires: { titulaire: [HOLDER_OK, { typeIdentifiant: "TVA", id: "DE 185100646", denominationSociale: "SCHMID" }] },
    });
    const result = importDecp({ marches: { marche: [item] } }, "t");
    expect(result.format).toBe("decp-v1");
    const c = result.contracts[0];
    expect(c.amountCents).toBe(123_450);
    expect(c.durationMonths).toBe(24);
    expect(c.holders).toEqual([
      { name: "AXIMA CONCEPT", id: "85480074501125" },
      { name: "SCHMID", id: "DE185100646" },
    ]);
  });

  test("a single marche object (not a list) is one contract", () => {
    const result = importDecp({ marches: { marche: v1({}) } }, "t");
    expect(result.contracts).toHaveLength(1);
    expect(result.reconciliation.rowsRead).toBe(1);
  });

  test("bare array with wrapped items: {marche} and {contrat-concession} imported each in its table", () => {
    const json = [{ marche: v1({}) }, { "contrat-concession": { id: "C", objet: "DSP", valeurGlobale: 10 } }];
    expect(isDecpJson(json)).toBe(true);
    const result = importDecp(json, "t");
    expect(result.contracts.map((c) => c.source.row)).toEqual([1]);
    expect(result.concessions.map((c) => c.source.row)).toEqual([2]);
    checkReconciliation(result);
  });

  test("v2 fields in a flat list: wrapped holders, modifications and considerations", () => {
    const item = {
      id: "24001",
      acheteur: { id: "21750001630066" },
      nature: "Marché",
      objet: "Repas",
      codeCPV: "15894210",
      techniques: { technique: ["Sans objet"] },
      procedure: "Procédure adaptée",
      dureeMois: 12,
      dateNotification: "2024-03-01",
      montant: 80000,
      offresRecues: 3,
      titulaires: [{ titulaire: { typeIdentifiant: "SIRET", id: "85480074501125" } }],
      considerationsSociales: { considerationSociale: ["Pas de considération sociale"] },
      considerationsEnvironnementales: { considerationEnvironnementale: ["Critère environnemental"] },
      modifications: [{ modification: { id: 1, montant: 90000 } }, { modification: { id: 2, dureeMois: 18 } }],
    };
    const result = importDecp({ marches: [item] }, "t");
    expect(result.format).toBe("decp-v2");
    const c = result.contracts[0];
    expect(c.techniques).toBeNull();
    expect(c.nature).toBe("Fournitures");
    expect(c.holders).toEqual([{ name: null, id: "85480074501125" }]);
    expect(c.socialConsideration).toBe(false);
    expect(c.environmentalConsideration).toBe(true);
    expect(c.amendedAmountCents).toBe(9_000_000);
    expect(c.bidsReceived).toBe(3);
  });

  test("isDecpJson accepts DECP shapes only", () => {
    expect(isDecpJson({ marches: [] })).toBe(true);
    expect(isDecpJson({ marches: { marche: [] } })).toBe(true);
    expect(isDecpJson({ marches: { "contrat-concession": [] } })).toBe(true);
    expect(isDecpJson([v1({})])).toBe(true);
    expect(isDecpJson({})).toBe(false);
    expect(isDecpJson([])).toBe(false);
    expect(isDecpJson([{ a: 1, b: 2 }])).toBe(false);
    expect(isDecpJson({ marches: "x" })).toBe(false);
    expect(isDecpJson(null)).toBe(false);
    expect(isDecpJson("marches")).toBe(false);
  });

  test("a JSON that is not DECP imports nothing, with format unknown", () => {
    const result = importDecp({ foo: [1, 2] }, "t");
    expect(result.format).toBe("unknown");
    expect(result.reconciliation.rowsRead).toBe(0);
    expect(result.contracts).toHaveLength(0);
  });

  test("every anomaly reason is a French sentence naming the problem and ending with a period", () => {
    const result = importDecp(readJson(REAL_FILE), "r");
    expect(result.anomalies.length).toBeGreaterThan(0);
    for (const a of result.anomalies) {
      expect(a.table).toBe("r");
      expect(fr(a.reason)).toMatch(/^[A-ZÉ].*\.$/s);
    }
  });
});
