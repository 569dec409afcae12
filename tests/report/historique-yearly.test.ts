/**
 * Historique: the yearly duties per civil year (issue #14), AGEC art. 58 (RE7) and EGalim (RE8),
 * below the history table — this run's civil years from RE7/RE8, earlier years from the history
 * rows of yearly periods; the history table still reads back whole.
 */
import { analyse } from "../../src/core/analyse";
import { yearPeriod } from "../../src/core/period";
import { defaultAgecReference } from "../../src/core/reference/agec-egalim";
import { sheetValues } from "../../src/report/grid";
import { emptyInputs, readUserInputs } from "../../src/report/inputs";
import { plainValue, type Scalar, type SheetSpec } from "../../src/report/spec";
import { buildWorkbookSpec } from "../../src/report/workbook";
import { intakeOf, spend } from "../helpers/fixtures";

const OPTIONS = { runDate: "2026-01-15", sources: ["Mandats"] };

/**
 * 2025: IT (CPV 302…) 600 € « Reconditionné » + 400 € « Neuf » → AGEC 60 %; typed minimums
 * reuse 20 % + recycled 0 % → weighted minimum 20 %; reuse 60 % ≥ 20, recycled 0 ≥ 0: reached.
 * Food (CPV 153…) 300 € « Bio » + 700 € « Conventionnel » → EGalim 30 % < 50 %, of which organic 30 %.
 */
const d = defaultAgecReference();
const analysis = analyse(
  intakeOf({
    spend: [
      spend({ amount: 600, cpv: "30213100", qualityLabel: "Reconditionné" }),
      spend({ amount: 400, cpv: "30213100", qualityLabel: "Neuf" }),
      spend({ amount: 300, cpv: "15300000", qualityLabel: "Bio" }),
      spend({ amount: 700, cpv: "15300000", qualityLabel: "Conventionnel" }),
    ],
  }),
  {
    period: yearPeriod(2025),
    overrides: { agec: { informatique: { ...d.informatique, reuse2024: 20, recycled2024: 0 } } },
  }
);
// A yearly run of 2024 recorded earlier (fractions, as the sheet stores % values); a monthly one.
const previous: Record<string, Scalar>[] = [
  { period: "2024", periodKind: "année", start: 45292, RE7: 0.3, RE8: 0.55 },
  { period: "2024-06", periodKind: "mois", start: 45444, RE7: 0.9, RE8: 0.9 },
];

function historique(lang: "fr" | "en"): SheetSpec {
  const s = buildWorkbookSpec(analysis, { ...OPTIONS, lang, previousInputs: { ...emptyInputs(), history: previous } });
  const h = s.sheets.find((x) => x.key === "historique");
  if (!h) throw new Error("no Historique");
  return h;
}

describe("Historique: AGEC and EGalim per civil year", () => {
  const h = historique("fr");
  const t = h.tables.find((x) => x.name === "tblHistoriqueAnnuel");
  const col = (k: string) => t!.columns.findIndex((c) => c.key === k);

  it("gives one row per civil year: this run's year from RE7/RE8, an earlier year from its yearly history row", () => {
    expect(t).toBeDefined();
    const rows = t!.rows.map((r) => [plainValue(r[col("year")]), r[col("agecShare")], r[col("agecMinimum")], r[col("egalimShare")], r[col("bioShare")]]);
    expect(rows).toEqual([
      [2024, 0.3, null, 0.55, null],
      [2025, 0.6, 0.2, 0.3, 0.3],
    ]);
    // The monthly row of 2024-06 is not a year's figure: not used.
    expect(t!.rows.some((r) => r[col("agecShare")] === 0.9)).toBe(false);
    expect(plainValue(t!.rows[1][col("agecStatus")])).toBe("Atteint");
    expect(plainValue(t!.rows[1][col("egalimStatus")])).toBe("Objectif non atteint");
  });

  it("keeps RE7 and RE8 as history columns, and the history reads back whole past the yearly table", () => {
    const hist = h.tables.find((x) => x.name === "tblHistorique")!;
    expect(hist.columns.map((c) => c.key)).toEqual(expect.arrayContaining(["RE7", "RE8"]));
    expect(t!.row).toBeGreaterThan(hist.row + hist.rows.length + 1);
    const back = readUserInputs({ historique: sheetValues(h) }).history;
    expect(back.map((r) => r.period)).toEqual(["2024", "2024-06", "2025"]);
    expect(back[2].RE7).toBe(0.6);
  });

  it("has English headers in an English workbook", () => {
    const en = historique("en").tables.find((x) => x.name === "tblHistoriqueAnnuel")!;
    expect(en.columns[0].header).toBe("Civil year");
  });
});
