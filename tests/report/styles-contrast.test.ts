/**
 * Every text style of the written sheets has a contrast of at least 4,5:1 on its fill (white when
 * none), WCAG 2.1 AA (issue #12, item 8).
 */
import { STYLES } from "../../src/report/spec";

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const f = (v: number) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
}

function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

test.each(Object.entries(STYLES))("style « %s »: text on its fill ≥ 4,5:1", (_name, def) => {
  expect(contrast(def.fontColor ?? "#000000", def.fill ?? "#FFFFFF")).toBeGreaterThanOrEqual(4.5);
});

test("the WCAG formula: #767676 on white is 4,54:1", () => {
  expect(contrast("#767676", "#FFFFFF")).toBeCloseTo(4.54, 2);
});
