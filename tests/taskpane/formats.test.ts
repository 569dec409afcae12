/**
 * Formats in the pane (issue #12, item 8): the header-row list shows dates as dates, and every
 * text of the result tiles has a contrast of at least 4,5:1 on its tile (WCAG 2.1 AA), computed
 * from the Fluent UI light theme's colours (axe-core is not a dependency: the ratio is computed
 * here with the WCAG formula).
 */
import { webLightTheme } from "@fluentui/react-components";
import { STATUS_FOREGROUNDS, TILE_BACKGROUNDS, TILE_TEXT } from "../../src/taskpane/components/tile-colors";
import { rowPreview } from "../../src/taskpane/tables";

/** WCAG 2.1 relative luminance of "#rrggbb". */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const f = (v: number) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
}

function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

const theme = webLightTheme as unknown as Record<string, string>;

describe("contrast of the result tiles ≥ 4,5:1 (WCAG 2.1 AA)", () => {
  it("the WCAG formula: black on white is 21:1, #767676 on white 4,54:1", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrast("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
  });

  it.each(Object.keys(STATUS_FOREGROUNDS) as (keyof typeof STATUS_FOREGROUNDS)[])("status « %s » on its tile", (status) => {
    expect(contrast(theme[STATUS_FOREGROUNDS[status]], theme[TILE_BACKGROUNDS[status]])).toBeGreaterThanOrEqual(4.5);
  });

  it("labels, values and references on every tile background", () => {
    for (const bg of Object.values(TILE_BACKGROUNDS))
      for (const fg of TILE_TEXT) expect(contrast(theme[fg], theme[bg])).toBeGreaterThanOrEqual(4.5);
  });

  it("the former « À surveiller » colour (marigold foreground 1) was below: 2,6:1", () => {
    expect(contrast(theme.colorPaletteMarigoldForeground1, theme[TILE_BACKGROUNDS.watch])).toBeLessThan(3);
  });
});

describe("header-row list: dates as dates", () => {
  it("a serial in a column mapped to a date field reads as dd/mm/yyyy; other numbers stay numbers", () => {
    // 45 659 = 02/01/2025 in the 1900 system (45 658 = 01/01/2025).
    expect(rowPreview([45659, "Papeterie Martin", 1240.5], { date: 0, supplierName: 1, amountHT: 2 })).toEqual(["02/01/2025", "Papeterie Martin", "1\u202f240,5"]);
    expect(rowPreview([45659, "x"], { supplierName: 1 }, false, "en")).toEqual(["45,659", "x"]);
  });

  it("the 1904 system shifts by 1 462 days", () => {
    expect(rowPreview([45659 - 1462], { date: 0 }, true)).toEqual(["02/01/2025"]);
  });
});
