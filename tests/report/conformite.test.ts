/**
 * The Conformité sheet shows, next to each alert, its legal basis, the date of its threshold, why
 * it is a signal to check and what would clear it (issue #10), and lists the lines left to check
 * (works without operation) apart from the alerts.
 */
import { analyse } from "../../src/core/analyse";
import { detectTable } from "../../src/core/detect";
import { runIntake } from "../../src/core/intake";
import { buildWorkbookSpec } from "../../src/report/workbook";
import { contract, intakeOf, spend } from "../helpers/fixtures";
import { yearPeriod } from "../../src/core/period";
import { dayFromIso } from "../../src/core/dates";

const works = (row: number, amount: number) =>
  spend({ source: { table: "Mandats", row }, family: { key: "F:TRAV", label: "Travaux de voirie", rule: "familyCode" }, nature: "Travaux", amount });
const supplies = (row: number, amount: number) => spend({ source: { table: "Mandats", row }, amount });

// supplies 2 × 25 000 = 50 000 ≥ 40 000 → one CO1 alert; works 4 × 30 000 = 120 000 without operation → one row to check
const analysis = analyse(intakeOf({ spend: [supplies(2, 25_000), supplies(3, 25_000), works(4, 30_000), works(5, 30_000), works(6, 30_000), works(7, 30_000)] }));
const sheet = buildWorkbookSpec(analysis, { runDate: "2026-01-15", sources: [] }).sheets.find((s) => s.key === "conformite")!;
const table = (name: string) => sheet.tables.find((t) => t.name === name);

describe("Conformité sheet: what every alert shows", () => {
  it("CO1 alerts carry their legal basis, threshold date, why and what would clear them", () => {
    const t = table("tblConfCO1Signaux")!;
    const headers = t.columns.map((c) => c.header);
    expect(headers).toEqual(expect.arrayContaining(["Fondement juridique", "Seuil en vigueur au", "Pourquoi un signal à vérifier", "Ce qui lèverait le signal"]));
    expect(t.rows).toHaveLength(1);
  });

  it("a CO1 alert's id opens its first purchase line in the lines table (issue #12: alert → detail lines)", () => {
    const alerts = table("tblConfCO1Signaux")!;
    const lines = table("tblConfCO1Lignes")!;
    // One alert (the two supplies of 25 000 €): its id cell, first data row under the header row.
    const id = alerts.rows[0][0];
    const link = (sheet.links ?? []).find((l) => l.row === alerts.row + 1 && l.col === alerts.col)!;
    expect(link.target.sheet).toBe("conformite");
    // The target is the lines table's alertId cell of a line of that alert (its first, rows 2 and 3).
    const i = link.target.range.r1 - (lines.row + 1);
    expect(i).toBe(lines.rows.findIndex((r) => r[0] === id));
    expect(lines.rows[i][0]).toBe(id);
    expect(link.target.range.c1).toBe(lines.col);
  });

  it("works without operation are listed in their own table, not as alerts (R2121-5)", () => {
    const t = table("tblConfCO1TravauxSansOperation");
    expect(t).toBeDefined();
    expect(t!.rows).toHaveLength(1);
  });
});

describe("Conformité sheet: every signal table shows its legal basis, why it is a signal and what would clear it (issue #10)", () => {
  // 45 000 € hors marché (≥ 40 000 €: a single purchase above the threshold) + 5 000 € under SP-1, a marché sans
  // publicité (R2121-6): 50 000 € ≥ 40 000 € → one CO1 alert, one single purchase.
  const a = analyse(
    intakeOf({
      spend: [supplies(2, 45_000), spend({ source: { table: "Mandats", row: 3 }, amount: 5_000, contractRef: "SP-1" })],
      contracts: [contract({ contractRef: "SP-1", procedure: "Marché passé sans publicité ni mise en concurrence préalable", amount: 5_000 })],
    })
  );
  const s = buildWorkbookSpec(a, { runDate: "2026-01-15", sources: [] }).sheets.find((x) => x.key === "conformite")!;
  const headersOf = (name: string) => s.tables.find((t) => t.name === name)?.columns.map((c) => c.header);

  // (CO5 is N/A here — no consultation launched from 2026-08-21 — and has no table; its columns are checked below.)
  it.each(["tblConfCO1Signaux", "tblConfCO1AchatsUniques", "tblConfCO3Marches", "tblConfCO4Repetitions"])(
    "%s: Fondement juridique, Pourquoi un signal à vérifier, Ce qui lèverait le signal",
    (name) => {
      expect(headersOf(name)).toEqual(expect.arrayContaining(["Fondement juridique", "Pourquoi un signal à vérifier", "Ce qui lèverait le signal"]));
    }
  );

  it("tblConfCO2Seuils: each threshold's Source names its article (R2122-8, R2131-12…), with why and what would clear a signal", () => {
    expect(headersOf("tblConfCO2Seuils")).toEqual(expect.arrayContaining(["Source", "Pourquoi un signal à vérifier", "Ce qui lèverait le signal"]));
    const t = s.tables.find((x) => x.name === "tblConfCO2Seuils")!;
    const col = t.columns.findIndex((c) => c.header === "Source");
    expect(t.rows.every((r) => /Art\. R2122-8 CCP|Art\. R2131-12 CCP|Seuils européens/.test(String(r[col])))).toBe(true);
  });

  it("tblConfCO5LoiClimat (L2152-7, L2112-2): the same three columns on a consultation launched after 2026-08-21", () => {
    // launched 2026-09-07, no environmental consideration: a CO5 gap in 2026
    const c5 = analyse(
      intakeOf({
        spend: [spend({ on: "2026-03-01" })],
        contracts: [contract({ contractRef: "L-1", launched: "2026-09-07", notified: "2026-10-19", amount: 76_500, environmentalConsideration: false })],
      }),
      { period: yearPeriod(2026) }
    );
    const s5 = buildWorkbookSpec(c5, { runDate: "2027-01-15", sources: [] }).sheets.find((x) => x.key === "conformite")!;
    const t = s5.tables.find((x) => x.name === "tblConfCO5LoiClimat")!;
    expect(t.rows.length).toBeGreaterThan(0);
    expect(t.columns.map((c) => c.header)).toEqual(expect.arrayContaining(["Fondement juridique", "Pourquoi un signal à vérifier", "Ce qui lèverait le signal"]));
  });

  it("tblConfCO2Montants: the amounts behind a CO2 signal, with their source row", () => {
    // 36 000, 38 000, 39 999 in [36 000, 40 000) against 33 000 in [32 000, 36 000): signal on the 40 000 € threshold
    const c2 = analyse(intakeOf({ spend: [36_000, 38_000, 39_999, 33_000].map((amount, i) => spend({ source: { table: "Mandats", row: 20 + i }, amount })) }));
    const s2 = buildWorkbookSpec(c2, { runDate: "2026-01-15", sources: [] }).sheets.find((x) => x.key === "conformite")!;
    const t = s2.tables.find((x) => x.name === "tblConfCO2Montants")!;
    const rowCol = t.columns.findIndex((c) => c.key === "row");
    expect(t.rows.map((r) => r[rowCol])).toEqual([22, 21, 20]);
  });

  it("the lines behind a CO1 alert show the marché each was bought under (R2121-6)", () => {
    const t = s.tables.find((x) => x.name === "tblConfCO1Lignes")!;
    const col = t.columns.findIndex((c) => c.header === "Marché");
    expect(col).toBeGreaterThan(0);
    // the 45 000 € line is hors marché (empty cell), the 5 000 € line under SP-1
    expect(t.rows.map((r) => r[col] ?? "")).toEqual(["", "SP-1"]);
  });
});

describe("Conformité sheet: the rules of CO1, CO2 and CO4 are written in the reader's language", () => {
  // CO2 counts amounts in [90 %, 100 %) of a threshold (ref.bunchingLowPercent 90; band below: 2 × 90 − 100 = 80 %),
  // signal from 3 amounts and more than 1,5 × the band below; CO4: 2 direct awards, or 3 purchases reaching 50 % of the dispense threshold.
  const notes = (lang: "fr" | "en") => {
    const s = buildWorkbookSpec(analysis, { runDate: "2026-01-15", sources: [], lang }).sheets.find((x) => x.key === "conformite")!;
    return s.blocks.flatMap((b) => b.values.flat()).filter((v): v is string => typeof v === "string");
  };

  it("French: the civil year of CO1, the bands and ratio of CO2, the counts of CO4", () => {
    const fr = notes("fr");
    expect(fr.some((t) => t.startsWith("Cumul sur l'année civile entière (2025)"))).toBe(true);
    expect(fr.some((t) => t.includes("au moins 3 montants") && t.includes("[90 %, 100 %)") && t.includes("1,5 fois") && t.includes("[80 %, 90 %)"))).toBe(true);
    expect(fr.some((t) => t.includes("au moins 2 par entité") && t.includes("au moins 3 achats") && t.includes("50 % du seuil de dispense"))).toBe(true);
  });

  it("English: the same rules with English numbers, and none of the French sentences", () => {
    const en = notes("en");
    expect(en.some((t) => t.includes("(2025)") && t.includes("R2121-6"))).toBe(true);
    expect(en.some((t) => t.includes("[90 %, 100 %)") && t.includes("1.5 times") && t.includes("[80 %, 90 %)"))).toBe(true);
    expect(en.some((t) => t.includes("at least 3 purchases") && t.includes("50 %"))).toBe(true);
    expect(en.filter((t) => /^(Cumul sur|Signal quand|Marchés sans publicité :)/.test(t))).toEqual([]);
  });
});

describe("Conformité sheet: severities and statuses are shown in the reader's language", () => {
  // the supplies group (2 × 25 000 = 50 000 €, below the 90 000 € publicity threshold) is « à vérifier »
  for (const [lang, word] of [["fr", "à vérifier"], ["en", "to check"]] as const) {
    it(`${lang}: the severity cell says « ${word} » and the severity colours test the same word`, () => {
      const s = buildWorkbookSpec(analysis, { runDate: "2026-01-15", sources: [], lang }).sheets.find((x) => x.key === "conformite")!;
      const t = s.tables.find((x) => x.name === "tblConfCO1Signaux")!;
      const col = t.columns.findIndex((c) => c.key === "severity");
      expect(t.rows[0][col]).toBe(word);
      const formulas = s.conditionalFormats.flatMap((f) => (f.type === "cellValue" ? [f.formula1] : []));
      expect(formulas).toContain(`"${word}"`);
      const works = s.tables.find((x) => x.name === "tblConfCO1TravauxSansOperation")!;
      const status = works.rows[0][works.columns.findIndex((c) => c.key === "status")];
      expect(status).toBe(lang === "fr" ? "opération non renseignée — à vérifier" : "operation not given — to check");
    });
  }
});

describe("Conformité sheet: the natures the rules write are translated, the data's natures kept", () => {
  // one family, 25 000 € of supplies + 25 000 € of services = 50 000 € ≥ 40 000 €: one alert of mixed nature
  const mixed = analyse(intakeOf({ spend: [supplies(2, 25_000), spend({ source: { table: "Mandats", row: 3 }, amount: 25_000, nature: "Services" })] }));
  const natureOf = (lang: "fr" | "en") => {
    const s = buildWorkbookSpec(mixed, { runDate: "2026-01-15", sources: [], lang }).sheets.find((x) => x.key === "conformite")!;
    const t = s.tables.find((x) => x.name === "tblConfCO1Signaux")!;
    return t.rows.map((r) => r[t.columns.findIndex((c) => c.key === "nature")]);
  };
  it("a mixed supplies/services alert is « Fournitures / Services » in French, « Supplies / Services » in English", () => {
    expect(natureOf("fr")).toEqual(["Fournitures / Services"]);
    expect(natureOf("en")).toEqual(["Supplies / Services"]);
  });
});

describe("Conformité sheet: PF4, PF6 and PF8 signals with the contracts and invoices behind them (issue #10)", () => {
  // PF4: a direct award of 50 000 € notified 2025-03-01 ≥ 40 000 € (R2122-8); PF6: 100 000 → 120 000 € services (+20 % ≥ 10 %,
  // R2194-8); PF8: an invoice received 2025-06-02, paid 2025-08-01 = 60 days > 30 (R2192-10), service not given.
  const a = analyse(
    intakeOf({
      spend: [spend({ on: "2025-07-15", amount: 1_000, invoiceReceived: dayFromIso("2025-06-02"), paid: dayFromIso("2025-08-01") })],
      contracts: [
        contract({ contractRef: "SP-50", procedure: "Marché passé sans publicité ni mise en concurrence préalable", amount: 50_000 }),
        contract({ contractRef: "AV-20", nature: "Services", amount: 100_000, amended: 120_000 }),
      ],
    })
  );
  const sheetIn = (lang: "fr" | "en") => buildWorkbookSpec(a, { runDate: "2026-01-15", sources: [], lang }).sheets.find((x) => x.key === "conformite")!;
  const s = sheetIn("fr");
  const t = (name: string) => s.tables.find((x) => x.name === name)!;
  const cell = (name: string, header: string, i = 0) => t(name).rows[i][t(name).columns.findIndex((c) => c.header === header)];

  it.each(["tblConfPF4AttributionsDirectes", "tblConfPF6Modifications", "tblConfPF8Retards"])("%s: one row with Fondement juridique, why and what would clear it", (name) => {
    expect(t(name).rows).toHaveLength(1);
    expect(t(name).columns.map((c) => c.header)).toEqual(expect.arrayContaining(["Fondement juridique", "Pourquoi un signal à vérifier", "Ce qui lèverait le signal"]));
  });

  it("PF4 shows the contract, its threshold and the day the threshold was read; PF6 the change; PF8 the days late", () => {
    expect(cell("tblConfPF4AttributionsDirectes", "Marché")).toBe("SP-50");
    expect(cell("tblConfPF4AttributionsDirectes", "Seuil")).toBe(40_000);
    expect(cell("tblConfPF6Modifications", "Montant des modifications")).toBe(20_000);
    expect(cell("tblConfPF6Modifications", "Statut")).toBe("au-delà du seuil de modification de faible montant");
    expect(cell("tblConfPF8Retards", "Jours de retard")).toBe(30);
    expect(cell("tblConfPF8Services", "Service")).toBe("Service non renseigné");
  });

  it("in English the PF6 status and the service not given are English", () => {
    const en = sheetIn("en");
    const te = (name: string) => en.tables.find((x) => x.name === name)!;
    const col = (name: string, key: string) => te(name).columns.findIndex((c) => c.key === key);
    expect(te("tblConfPF6Modifications").rows[0][col("tblConfPF6Modifications", "status")]).toBe("beyond the low-value modification threshold");
    expect(te("tblConfPF8Services").rows[0][col("tblConfPF8Services", "service")]).toBe("Department not given");
  });
});

describe("Conformité sheet: a procedure the record contradicts is listed apart, under PF4 and CO3", () => {
  it("« AOO ASSURANCES… » recorded « sans publicité » (829 684,85 €, 2024): one row in each « procédure à corriger » table, none in the signals", () => {
    const a = analyse(
      intakeOf({
        spend: [spend({ on: "2024-06-01" })],
        contracts: [contract({ contractRef: "202410977", procedure: "Marché passé sans publicité ni mise en concurrence préalable", description: "AOO ASSURANCES CUA LOT 1 2025- 2029", nature: "Services", amount: 829_684.85, notified: "2024-12-20" })],
      }),
      { period: yearPeriod(2024) }
    );
    const s = buildWorkbookSpec(a, { runDate: "2025-01-15", sources: [] }).sheets.find((x) => x.key === "conformite")!;
    const rows = (name: string) => s.tables.find((x) => x.name === name)?.rows.length;
    expect(rows("tblConfPF4ProcedureACorriger")).toBe(1);
    expect(rows("tblConfCO3ProcedureACorriger")).toBe(1);
    expect(rows("tblConfPF4AttributionsDirectes")).toBe(0);
  });
});

describe("Conformité sheet: PF8 says when the mandat date is the line date (décret 2013-269 art. 12)", () => {
  it("« Date mandat » as the line date column: the note names the table and the column", () => {
    // received 01/03/2025, mandat 25/03/2025, paid 10/04/2025: 40 days > 30 → one late invoice
    const table = {
      name: "Mandats",
      rows: [
        ["Date mandat", "Fournisseur", "Montant HT", "Date réception facture", "Date paiement"],
        ["25/03/2025", "Garage Dupuis", "1 000,00", "01/03/2025", "10/04/2025"],
      ],
    };
    const d = detectTable(table);
    const a = analyse(runIntake([{ table, kind: "spend", headerRowIndex: d.headerRowIndex, mapping: d.mapping }]), { period: yearPeriod(2025) });
    const s = buildWorkbookSpec(a, { runDate: "2026-01-15", sources: [] }).sheets.find((x) => x.key === "conformite")!;
    const notes = s.blocks.flatMap((b) => b.values.flat()).filter((v): v is string => typeof v === "string");
    expect(notes.some((t) => t.startsWith("Date du mandat : la date de ligne (Mandats › Date mandat) est lue comme la date d'émission du mandat"))).toBe(true);
  });
});
