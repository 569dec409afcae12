/**
 * Property tests of the OOXML reading path (src/ooxml): any sheet of rows, written as Excel
 * writes it and cut into chunks anywhere (inside a tag, a multi-byte character, a `</row>`),
 * reads back as the same rows through ElementStream + SheetScanner; entity decoding inverts the
 * writer's escaping; column letters and A1 references round-trip.
 */
import fc from "fast-check";
import type { Cell } from "../../src/core/model";
import { escapeText } from "../../src/file/xlsx-writer/xml";
import { columnIndex, columnLetter, MAX_COLS, parseRange } from "../../src/ooxml/a1";
import { ElementStream } from "../../src/ooxml/element-stream";
import { SharedStringScanner } from "../../src/ooxml/shared-strings";
import { SheetScanner } from "../../src/ooxml/sheet-scanner";
import { decodeXmlText } from "../../src/ooxml/xml";

const encoder = new TextEncoder();

type Value = number | string | boolean;

const value: fc.Arbitrary<Value> = fc.oneof(
  fc.integer({ min: -1e9, max: 1e9 }),
  // A cell stores "0" for −0 (String(-0) is "0"), so −0 reads back as 0: generate +0 only.
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }).map((x) => x + 0),
  fc.boolean(),
  // Text with what needs escaping: & < > quotes, "_x0041_", accents, an emoji, a line break.
  fc.string({ unit: fc.constantFrom("a", "é", "&", "<", ">", '"', "'", "_", "x", "0", "4", "1", " ", "\n", "😀", "€"), maxLength: 12 }).filter((s) => s.trim() !== "")
);

/** Sparse rows: row number → cells at columns. */
const sheet = fc.array(
  fc.record({
    gap: fc.integer({ min: 1, max: 3 }),
    cells: fc.array(fc.record({ skip: fc.integer({ min: 0, max: 2 }), v: value }), { maxLength: 6 }),
  }),
  { maxLength: 25 }
);

function cellXml(ref: string, v: Value, inline: boolean, sst: string[]): string {
  if (typeof v === "boolean") return `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
  if (typeof v === "number") return `<c r="${ref}" s="1"><v>${String(v)}</v></c>`;
  if (inline) return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeText(v)}</t></is></c>`;
  sst.push(v);
  return `<c r="${ref}" t="s"><v>${sst.length - 1}</v></c>`;
}

/** Feeds bytes cut at the given offsets. */
function feed(stream: ElementStream, bytes: Uint8Array, cuts: number[]): void {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  let from = 0;
  for (const p of [...points, bytes.length]) {
    if (p > from) stream.push(bytes.subarray(from, p));
    from = Math.max(from, p);
  }
  stream.end();
}

describe("ooxml scanner (property)", () => {
  test("rows written as Excel writes them and cut into chunks anywhere read back unchanged", () => {
    fc.assert(
      fc.property(sheet, fc.boolean(), fc.array(fc.nat(), { maxLength: 12 }), (rows, inline, cuts) => {
        const sst: string[] = [];
        const expected: [number, Cell[]][] = [];
        const xmlRows: string[] = [];
        let r = 0;
        for (const row of rows) {
          r += row.gap;
          const cells: Cell[] = [];
          let c = -1;
          const parts: string[] = [];
          for (const cell of row.cells) {
            c += cell.skip + 1;
            while (cells.length < c) cells.push(null);
            cells.push(cell.v);
            parts.push(cellXml(`${columnLetter(c)}${r}`, cell.v, inline, sst));
          }
          xmlRows.push(`<row r="${r}">${parts.join("")}</row>`);
          expected.push([r, cells]);
        }
        const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="main"><sheetData>${xmlRows.join("\n")}</sheetData></worksheet>`;
        const got: [number, Cell[]][] = [];
        const scanner = new SheetScanner(sst, (cells, n) => {
          got.push([n, cells]);
        });
        const stream = new ElementStream({
          element: "row",
          label: "une ligne",
          scan: (t, e) => scanner.scan(t, e),
          complete: () => scanner.done,
          stopped: () => scanner.stopped,
        });
        feed(stream, encoder.encode(xml), cuts);
        expect(scanner.done).toBe(true);
        // The scanner reports the missing rows between stored rows as empty rows.
        const stored = got.filter(([n]) => expected.some(([m]) => m === n));
        expect(stored).toEqual(expected);
        expect(got.length).toBe(expected.length === 0 ? 0 : expected[expected.length - 1][0] - expected[0][0] + 1);
      }),
      { numRuns: 300 }
    );
  });

  test("shared strings cut anywhere read back unchanged (rich text runs concatenated)", () => {
    fc.assert(
      fc.property(fc.array(fc.array(value.map(String), { minLength: 1, maxLength: 3 }), { maxLength: 20 }), fc.array(fc.nat(), { maxLength: 8 }), (items, cuts) => {
        const xml = `<sst xmlns="main">${items.map((runs) => `<si>${runs.map((t) => `<r><t xml:space="preserve">${escapeText(t)}</t></r>`).join("")}</si>`).join("")}</sst>`;
        const scanner = new SharedStringScanner([]);
        const stream = new ElementStream({ element: "si", label: "un texte partagé", scan: (t, e) => scanner.scan(t, e), complete: () => scanner.done, stopped: () => false });
        feed(stream, encoder.encode(xml), cuts);
        expect(scanner.out).toEqual(items.map((runs) => runs.join("")));
      }),
      { numRuns: 200 }
    );
  });

  test("decodeXmlText inverts the writer's escapeText, and keeps unknown entities as written", () => {
    fc.assert(fc.property(fc.string({ maxLength: 40 }), (s) => {
      const clean = s.replace(/[\ud800-\udfff]/g, "x");
      expect(decodeXmlText(escapeText(clean))).toBe(clean);
    }));
    expect(decodeXmlText("a &nope; &#xZZ; & b &amp;")).toBe("a &nope; &#xZZ; & b &");
  });

  test("column letters and ranges round-trip over the whole grid; beyond XFD is refused", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: MAX_COLS - 1 }), fc.integer({ min: 1, max: 1_048_576 }), (col, row) => {
      expect(columnIndex(columnLetter(col))).toBe(col);
      expect(parseRange(`${columnLetter(col)}${row}`)).toEqual({ firstRow: row, lastRow: row, firstCol: col, lastCol: col });
    }));
    expect(parseRange("XFE1")).toBeNull();
    expect(parseRange("A1048577")).toBeNull();
  });
});
