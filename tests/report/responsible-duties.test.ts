/**
 * AGEC and EGalim tables of the Achats responsables sheet (issue #14), from a small analysis whose
 * figures are computed by hand below.
 */
import { analyse } from "../../src/core/analyse";
import { buildWorkbookSpec } from "../../src/report/workbook";
import { intakeOf, spend } from "../helpers/fixtures";

const src = (row: number) => ({ table: "Mandats", row });

/**
 * 2025: IT (CPV 30213100) 1 000 € of which 250 € reconditionné → 25 % re-employment;
 * canteen food 4 000 € of which bio 1 000 € and label rouge 1 000 € → EGalim 50 %, bio 25 %;
 * one line without any code 80 € → listed as unclassifiable.
 */
const analysis = analyse(
  intakeOf({
    spend: [
      spend({ source: src(2), amount: 750, cpv: "30213100", qualityLabel: "Neuf", on: "2025-02-01" }),
      spend({ source: src(3), amount: 250, cpv: "30213100", qualityLabel: "Reconditionné", on: "2025-03-01" }),
      spend({ source: src(4), amount: 1000, cpv: "15300000", qualityLabel: "Bio", on: "2025-04-01" }),
      spend({ source: src(5), amount: 1000, cpv: "15110000", qualityLabel: "Label rouge", on: "2025-05-01" }),
      spend({ source: src(6), amount: 2000, cpv: "15800000", qualityLabel: "Conventionnel", on: "2025-06-01" }),
      spend({ source: src(7), amount: 80, on: "2025-07-01", description: "Achat divers" }),
    ],
  })
);
const spec = buildWorkbookSpec(analysis, { runDate: "2026-11-22", sources: ["Mandats"] });
const sheet = spec.sheets.find((s) => s.key === "responsable")!;
const table = (name: string) => sheet.tables.find((t) => t.name === name)!;
const col = (name: string, key: string, row = 0) => {
  const t = table(name);
  return t.rows[row][t.columns.findIndex((c) => c.key === key)];
};

describe("Achats responsables: AGEC art. 58 table", () => {
  it("gives the spend, the re-employment share and the status of the category", () => {
    expect(table("tblRespAGEC").rows).toHaveLength(1);
    expect(col("tblRespAGEC", "year")).toBe(2025);
    expect(col("tblRespAGEC", "spend")).toBe(1000);
    expect(col("tblRespAGEC", "reuse")).toBe(250);
    expect(col("tblRespAGEC", "reuseShare")).toBe(0.25);
    // The décret 2024-134 minimum is not verified: empty, and the status says to enter it.
    expect(col("tblRespAGEC", "minReuse")).toBeNull();
    expect(col("tblRespAGEC", "status")).toBe("Minimum à saisir (Paramètres)");
  });

  it("lists the line that cannot be classified", () => {
    const t = table("tblRespAGECNonClassees");
    expect(t.rows).toHaveLength(1);
    expect(col("tblRespAGECNonClassees", "row")).toBe(7);
    expect(col("tblRespAGECNonClassees", "amount")).toBe(80);
  });
});

describe("Achats responsables: the AGEC table speaks the reader's language", () => {
  const en = buildWorkbookSpec(analysis, { runDate: "2026-11-22", sources: ["Mandats"], lang: "en" });
  const enTable = en.sheets.find((s) => s.key === "responsable")!.tables.find((t) => t.name === "tblRespAGEC")!;
  const enCol = (key: string) => enTable.rows[0][enTable.columns.findIndex((c) => c.key === key)];
  const text = (v: unknown) => (typeof v === "object" && v !== null && "value" in v ? (v as { value: unknown }).value : v);

  it("names the category, the status and the source of the minimum in French or in English", () => {
    // The automatic period is 2025 to date (data up to July): the year is flagged incomplete.
    expect(text(col("tblRespAGEC", "category"))).toBe("Matériel informatique et téléphonie (année incomplète)");
    expect(text(enCol("category"))).toBe("IT and telephony equipment (partial year)");
    expect(text(enCol("status"))).toBe("Minimum to enter (Settings)");
    // Décret 2024-134, step 2024-2026 for 2025
    expect(text(col("tblRespAGEC", "source"))).toBe(
      "Décret n° 2024-134 du 21 février 2024, annexe ; arrêté du 29 février 2024 (liste des produits) (palier 2024)"
    );
    expect(text(enCol("source"))).toBe(
      "Decree no. 2024-134 of 21 February 2024, annex; ministerial order of 29 February 2024 (product list) (step 2024)"
    );
  });
});

describe("Achats responsables: EGalim table (L230-5-1)", () => {
  it("gives the shares and the gaps to 50 % / 20 % / 60 %", () => {
    expect(col("tblRespEGalim", "food")).toBe(4000);
    expect(col("tblRespEGalim", "egalimShare")).toBe(0.5);
    expect(col("tblRespEGalim", "qualityGap")).toBe(0);
    expect(col("tblRespEGalim", "bioShare")).toBe(0.25);
    expect(col("tblRespEGalim", "bioGap")).toBe(0.05);
    // Meat: label rouge beef 1 000 € of 1 000 € → 100 %, target 60 %, gap +40 points.
    expect(col("tblRespEGalim", "meatFishShare")).toBe(1);
    expect(col("tblRespEGalim", "meatFishGap")).toBe(0.4);
  });
});

describe("Plan section 6 pre-filled from the gaps", () => {
  const plan = spec.sheets.find((s) => s.key === "plan")!;
  const t = plan.tables.find((x) => x.name === "tblPlanAchatsResponsables")!;
  const keyCol = t.columns.findIndex((c) => c.key === "key");
  const currentCol = t.columns.findIndex((c) => c.key === "current");
  const current = (id: string) => {
    const r = t.rows.find((row) => JSON.stringify(row[keyCol]).includes(id));
    return r ? JSON.stringify(r[currentCol]) : null;
  };

  it("adds the AGEC row with the category whose minimum is still to enter", () => {
    expect(current("AGEC")).toContain("minimum à saisir : Matériel informatique et téléphonie");
  });

  it("adds the EGalim rows: 50 % (gap 0), bio 25 % (gap +5 points)", () => {
    expect(current("EGALIM")).toContain("50 % (écart 0 points)");
    expect(current("EGALIM-BIO")).toContain("25 % (écart 5 points)");
  });

  it("points the charter and supplier-code rows to the pre-filled drafts", () => {
    expect(current("charteDeontologie")).toContain("Rédiger les documents");
  });
});
