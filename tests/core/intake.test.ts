import { render } from "../../src/core/messages/render";
import fc from "fast-check";
import { dayFromIso } from "../../src/core/dates";
import { isReconciled, runIntake, type MappedTable } from "../../src/core/intake";
import type { Cell, RawTable } from "../../src/core/model";
import { fr } from "../helpers/messages";

// Luhn-valid SIRET (7+3+2+8+2+9+3+2+0+0+0+0+7+4 doubled on even positions from the right → sum % 10 = 0).
const VALID_SIRET = "73282932000074";
const INVALID_SIRET = "73282932000075";

const HEADER = ["Date mandat", "Collectivité", "Fournisseur", "SIRET", "Montant HT", "Montant TTC", "N° marché", "Code famille"];
const MAPPING = { date: 0, entity: 1, supplierName: 2, supplierId: 3, amountHT: 4, amountTTC: 5, contractRef: 6, familyCode: 7 };

function mandats(rows: Cell[][]): MappedTable {
  const table: RawTable = {
    name: "Mandats",
    firstRow: 1,
    rows: [["Export des mandats 2025"], [], HEADER, ...rows],
  };
  return { table, kind: "spend", headerRowIndex: 2, mapping: MAPPING };
}

describe("spend intake", () => {
  const rows: Cell[][] = [
    /* row 4 */ ["15/03/2025", "Commune A", "Papeterie X", VALID_SIRET, "1 234,56 €", null, "M-1", "FOU"],
    /* row 5 */ [45735, "Commune A", "Papeterie X", VALID_SIRET, 100, 120, null, "FOU"],
    /* row 6 */ ["31/02/2025", "Commune B", "Garage Y", null, 50, null, null, "VEH"],
    /* row 7 */ [null, null, null, null, null, null, null, null],
    /* row 8 */ ["01/04/2025", "Commune B", "Garage Y", INVALID_SIRET, "(250,00)", null, null, "VEH"],
    /* row 9 */ ["02/04/2025", "Commune B", null, null, 10, null, null, "VEH"],
    /* row 10 */ ["03/04/2025", "Commune B", "Garage Y", null, null, "600,00", null, "VEH"],
    /* row 11 */ ["04/04/2025", "Commune B", "Garage Y", null, null, null, null, "VEH"],
    /* row 12 */ [null, null, "Total", null, "1 644,56", null, null, null],
    /* row 13 */ [],
    /* row 14 */ [null, null],
  ];
  const result = runIntake([mandats(rows)]);
  const byRow = new Map(result.spend.map((l) => [l.source.row, l]));
  const anomaliesAt = (row: number) => result.anomalies.filter((a) => a.row === row);

  it("reads a French text amount '1 234,56 €' to the cent", () => {
    expect(byRow.get(4)?.amountHTCents).toBe(123456);
    expect(byRow.get(4)?.date).toBe(dayFromIso("2025-03-15"));
  });

  it("reads an Excel serial date (45735 = 2025-03-19: 2025-01-01 is 45658, +77 days)", () => {
    expect(byRow.get(5)?.date).toBe(dayFromIso("2025-03-19"));
  });

  it("rejects an impossible date with its reason and keeps its amount in the rejected total", () => {
    expect(byRow.has(6)).toBe(false);
    const [a] = anomaliesAt(6);
    expect(a.severity).toBe("rejected");
    expect(a.field).toBe("date");
    expect(a.value).toBe("31/02/2025");
    expect(fr(a.reason)).toMatch(/Date/);
  });

  it("reports an interior blank row and ignores trailing blank rows", () => {
    expect(anomaliesAt(7).map((a) => fr(a.reason))).toEqual(["Ligne vide : ignorée."]);
    expect(anomaliesAt(13)).toEqual([]);
    expect(anomaliesAt(14)).toEqual([]);
  });

  it("reads '(250,00)' as a credit note and warns on an invalid SIRET without rejecting", () => {
    const line = byRow.get(8);
    expect(line?.amountHTCents).toBe(-25000);
    expect(line?.isCredit).toBe(true);
    expect(anomaliesAt(8).map((a) => a.severity)).toEqual(["warning"]);
  });

  it("rejects a line without supplier name or identifier", () => {
    expect(byRow.has(9)).toBe(false);
    expect(fr(anomaliesAt(9)[0].reason)).toMatch(/Fournisseur absent/);
  });

  it("derives HT from TTC at the default 20 % VAT and marks it estimated (600,00 TTC → 500,00 HT)", () => {
    expect(byRow.get(10)?.amountHTCents).toBe(50000);
    expect(byRow.get(10)?.htEstimated).toBe(true);
    expect(byRow.get(10)?.amountTTCCents).toBe(60000);
  });

  it("rejects a line without amount", () => {
    expect(fr(anomaliesAt(11)[0].reason)).toMatch(/Montant absent/);
  });

  it("rejects the Total row without counting its amount (a total is not a source amount)", () => {
    expect(fr(anomaliesAt(12)[0].reason)).toMatch(/^Ligne de total ignorée \(1\u202f644,56 € HT/);
  });

  it("recognises a Total row whose label sits in the date column", () => {
    const res = runIntake([mandats([rows[0], ["Total", null, null, null, 1234.56, null, null, null]])]);
    expect(res.spend).toHaveLength(1);
    expect(res.anomalies.map((a) => [a.row, (fr(a.reason) ?? "").slice(0, 24)])).toEqual([[5, "Ligne de total ignorée ("]]);
    expect(res.reconciliation.amountRejectedCents).toBe(0);
  });

  it("reconciles rows and amounts to the cent", () => {
    const r = result.reconciliation;
    // Rows 4..12: 9 rows read; analysed 4, 5, 8, 10 → 4; rejected 6, 7, 9, 11, 12 → 5.
    expect(r.rowsRead).toBe(9);
    expect(r.rowsAnalysed).toBe(4);
    expect(r.rowsRejected).toBe(5);
    expect(r.rowsWithWarning).toBe(1);
    // Analysed: 1 234,56 + 100 − 250 + 500 = 1 584,56. Rejected: 50 (bad date) + 10 (no supplier) = 60;
    // the Total row's 1 644,56 is not a source amount and is not counted.
    expect(r.amountAnalysedCents).toBe(158456);
    expect(r.amountRejectedCents).toBe(6000);
    expect(r.amountReadCents).toBe(158456 + 6000);
    expect(isReconciled(r)).toBe(true);
  });

  it("records the sheet row number of every line, shifted by the table's first row", () => {
    const shifted = mandats([rows[0]]);
    shifted.table.firstRow = 10;
    const res = runIntake([shifted]);
    expect(res.spend[0].source).toEqual({ table: "Mandats", row: 13 });
  });

  it("never modifies the source table", () => {
    const t = mandats(rows.map((r) => [...r]));
    const before = JSON.stringify(t.table.rows);
    runIntake([t]);
    expect(JSON.stringify(t.table.rows)).toBe(before);
  });

  it("attaches lines to the default entity when the table has no entity column", () => {
    const t = mandats([rows[0]]);
    const { entity: _ignored, ...noEntity } = MAPPING;
    const res = runIntake([{ ...t, mapping: noEntity }], [], { defaultEntity: "Ville de Test" });
    expect(res.spend[0].entity).toBe("Ville de Test");
  });
});

describe("HT from TTC", () => {
  const withVat = (rate: Cell): MappedTable => ({
    table: { name: "Factures", rows: [["Date", "Fournisseur", "Montant TTC", "Taux TVA"], ["15/03/2025", "Cantine SA", "105,50", rate]] },
    kind: "spend",
    headerRowIndex: 0,
    mapping: { date: 0, supplierName: 1, amountTTC: 2, vatRate: 3 },
  });

  it("uses the row's VAT rate (105,50 TTC at 5,5 % → 100,00 HT)", () => {
    const res = runIntake([withVat("5,5")]);
    expect(res.spend[0].amountHTCents).toBe(10000);
    expect(res.anomalies).toEqual([]);
  });

  it("falls back on the default rate with a warning when the row's rate is unreadable (105,50 TTC at 20 % → 87,92 HT)", () => {
    const res = runIntake([withVat("abc")]);
    expect(res.spend[0].amountHTCents).toBe(8792);
    expect(res.anomalies).toMatchObject([{ row: 2, field: "vatRate", value: "abc", severity: "warning" }]);
    expect(res.reconciliation.rowsWithWarning).toBe(1);
  });
});

describe("reference tables feed the spend lines", () => {
  it("takes the family label and nature from the nomenclature", () => {
    const nomen: MappedTable = {
      table: { name: "Nomenclature", rows: [["Code famille", "Libellé", "Nature"], ["VOI", "Travaux de voirie", "Travaux"]] },
      kind: "nomenclature",
      headerRowIndex: 0,
      mapping: { familyCode: 0, label: 1, nature: 2 },
    };
    const res = runIntake([mandats([["15/03/2025", "Commune A", "Routes SA", null, 1000, null, null, "VOI"]]), nomen]);
    expect(res.spend[0].family).toEqual({ key: "F:VOI", label: "Travaux de voirie", rule: "familyCode" });
    expect(res.spend[0].nature).toBe("Travaux");
  });
});

describe("reconciliation property: nothing is lost on messy tables", () => {
  const messyCell: fc.Arbitrary<Cell> = fc.oneof(
    fc.constant(null),
    fc.constant(""),
    fc.string(),
    fc.double({ noNaN: false }),
    fc.integer({ min: -1_000_000, max: 1_000_000 }),
    fc.boolean(),
    fc.constantFrom("1 234,56 €", "(12,50)", "31/02/2025", "15/03/2025", "Total", "2025-01-01", "abc", "1.234,56", "-0,01"),
    fc.date({ noInvalidDate: false }),
  );
  it("rows read = analysed + rejected and Σ read = Σ analysed + Σ rejected, for any rows", () => {
    fc.assert(
      fc.property(fc.array(fc.array(messyCell, { minLength: 0, maxLength: 10 }), { maxLength: 40 }), (rows) => {
        const res = runIntake([mandats(rows)]);
        const r = res.reconciliation;
        expect(isReconciled(r)).toBe(true);
        // Every analysed or rejected row is accounted for exactly once.
        // A run of blank rows is one anomaly standing for rowCount rows.
        const rejectedRows = new Set(
          res.anomalies
            .filter((a) => a.severity === "rejected")
            .flatMap((a) => Array.from({ length: a.rowCount ?? 1 }, (_, k) => a.row + k))
        );
        expect(rejectedRows.size).toBe(r.rowsRejected);
        for (const l of res.spend) expect(rejectedRows.has(l.source.row)).toBe(false);
        expect(res.spend.length).toBe(r.rowsAnalysed);
      }),
      { numRuns: 300 },
    );
  });
});

describe("blank rows are counted, not listed one by one (issue #13)", () => {
  it("a value in Excel's last row: the 1 048 573 blank rows between are one anomaly, and every row reconciles", async () => {
    const { intakeFromSources } = await import("../../src/core/intake");
    // Header in row 1, data in row 2 and in row 1 048 576 (Excel's last), blanks in rows 3 to 1 048 575:
    // 1 048 575 − 3 + 1 = 1 048 573 blank rows; rows read = 2 data + 1 048 573 blank = 1 048 575.
    const LAST = 1_048_576;
    const rows = (function* () {
      yield { rows: [[45678, "Alpha", 100]], firstRow: 2 };
      for (let first = 3; first < LAST; first += 50_000) {
        const n = Math.min(50_000, LAST - first);
        yield { rows: Array.from({ length: n }, () => []), firstRow: first };
      }
      yield { rows: [[45679, "Beta", 200]], firstRow: LAST };
    })();
    const gen = intakeFromSources([{ name: "Mandats", kind: "spend", mapping: { date: 0, supplierName: 1, amountHT: 2 }, rows }]);
    let step = await gen.next();
    while (!step.done) step = await gen.next();
    const res = step.value;
    expect(res.reconciliation.rowsRead).toBe(1_048_575);
    expect(res.reconciliation.rowsRejected).toBe(1_048_573);
    expect(res.reconciliation.rowsAnalysed).toBe(2);
    expect(res.anomalies.map((a) => ({ ...a, reason: render("fr", a.reason) }))).toEqual([
      {
        table: "Mandats",
        row: 3,
        rowCount: 1_048_573,
        field: null,
        value: null,
        reason: "1\u202f048\u202f573 lignes vides (lignes 3 à 1\u202f048\u202f575) : ignorées.",
        severity: "rejected",
      },
    ]);
  });
});

describe("spend lines: a filler amount is set aside with its reason (issue #11 §2)", () => {
  // Row 4: 1 000 €; row 5: 999 999 999 € (filler); row 6: 9 999 999 € (a run of seven 9s);
  // row 7: 0 € and row 8: a credit note of −50 € stay genuine.
  const res = runIntake([
    mandats([
      ["15/03/2025", "Commune A", "Papeterie X", null, 1000, null, null, "FOU"],
      ["16/03/2025", "Commune A", "Papeterie X", null, 999_999_999, null, null, "FOU"],
      ["17/03/2025", "Commune A", "Garage Y", null, "9 999 999,00", null, null, "VEH"],
      ["18/03/2025", "Commune A", "Garage Y", null, 0, null, null, "VEH"],
      ["19/03/2025", "Commune A", "Garage Y", null, -50, null, null, "VEH"],
    ]),
  ]);
  const t = res.reconciliation.tables[0];

  test("read 1 000 + 999 999 999 + 9 999 999 + 0 − 50 = 1 010 000 948 € = analysed 950 + set aside 1 009 999 998", () => {
    expect(t.amountReadCents).toBe(101_000_094_800);
    expect(t.amountAnalysedCents).toBe(95_000);
    expect(t.amountSetAsideCents).toBe(99_999_999_900 + 999_999_900);
    expect(t.amountRejectedCents).toBe(0);
    expect(isReconciled(t)).toBe(true);
  });

  test("the filler lines are analysed at 0 € with a warning; the set-aside line gives its reason and rows", () => {
    expect(res.spend.map((l) => l.amountHTCents)).toEqual([100_000, 0, 0, 0, -5_000]);
    expect(t.setAside?.map((l) => [fr(l.reason), l.rows, l.amountCents])).toEqual([
      [expect.stringMatching(/Montants de remplissage sur des lignes de dépense/), 2, 99_999_999_900 + 999_999_900],
    ]);
    const warned = res.anomalies.filter((a) => a.reason.code === "anomaly.spendAmountPlaceholder").map((a) => a.row);
    expect(warned).toEqual([5, 6]);
    expect(fr(res.anomalies.find((a) => a.row === 5)?.reason)).toMatch(/999\s999\s999,00\s€ est un montant de remplissage/);
  });
});
