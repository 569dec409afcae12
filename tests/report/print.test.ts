/**
 * printSetup's rules (issue #12): portrait when the printed width fits a portrait A4 page
 * (≤ 100 characters at 100 %), else landscape; the print area covers cells and charts; the header
 * row of a long last table repeats; header/footer placeholders become Excel codes.
 */
import { headerFooterCode, printCode, printSetup, type PrintContext } from "../../src/report/print";
import type { SheetSpec } from "../../src/report/spec";

const ctx: PrintContext = {
  lang: "fr",
  stamp: { sources: [], period: { label: "2026-01..2026-10", start: "2026-01-01", end: "2026-10-31" }, data: null, parameters: "", runDate: "2026-11-05", version: "9.9.9" },
  analysis: { organisation: "Commune d'Exemple & Co" },
};

function sheet(widths: number[], rows = 3, extra: Partial<SheetSpec> = {}): Pick<SheetSpec, "blocks" | "tables" | "charts" | "columnWidths"> {
  return {
    columnWidths: widths.map((width, col) => ({ col, width })),
    blocks: [{ row: 0, col: 0, values: [widths.map(() => "x")] }],
    tables: [{ name: "t", row: 2, col: 0, columns: widths.map((_, i) => ({ key: `k${i}`, header: `H${i}` })), rows: Array.from({ length: rows }, () => widths.map(() => 1)), style: "TableStyleMedium2" }],
    charts: [],
    ...extra,
  };
}

describe("printSetup", () => {
  it("3 columns of 30 characters (90 ≤ 100) print portrait; 4 of 30 (120) landscape", () => {
    expect(printSetup(ctx, sheet([30, 30, 30])).orientation).toBe("portrait");
    expect(printSetup(ctx, sheet([30, 30, 30, 30])).orientation).toBe("landscape");
  });

  it("the area runs from A1 to the last table row and the chart corner", () => {
    const s = sheet([10, 10], 40, {
      charts: [{ id: "c", type: "pie", title: "T", series: [], anchor: { row: 1, col: 3, widthCols: 4, heightRows: 10 } }],
    });
    // table header on row 2, 40 rows → last row 42; chart from column 3, 4 wide → last column 6
    expect(printSetup(ctx, s).area).toEqual({ r1: 0, c1: 0, r2: 42, c2: 6 });
  });

  it("the header row of a last table of more than 25 rows repeats; not of a short one", () => {
    expect(printSetup(ctx, sheet([10], 26)).titleRows).toEqual({ first: 2, last: 2 });
    expect(printSetup(ctx, sheet([10], 25)).titleRows).toBeUndefined();
  });

  it("header: collectivité, sheet, period; footer: run date and version, page n / N, printing date", () => {
    const p = printSetup(ctx, sheet([10]));
    expect(headerFooterCode(p.header)).toBe("&LCommune d'Exemple && Co&C&A&RPériode 2026-01..2026-10");
    expect(headerFooterCode(p.footer)).toBe("&LAnalyse du 05/11/2026 · Optima Achats 9.9.9&CPage &P / &N&RImprimé le &D");
    expect(printCode("{page}/{pages} {sheet} {date}")).toBe("&P/&N &A &D");
  });
});
