/**
 * Every parser must answer null, undefined or a value — never throw — whatever the cell holds.
 */
import fc from "fast-check";
import type { Cell } from "../../../src/core/model";
import { parseBoolean } from "../../../src/core/parse/boolean";
import { cpvClass, cpvDivision, cpvDivisionLabel, cpvGroup, natureFromCpv, normalizeCpv } from "../../../src/core/parse/cpv";
import { parseDate } from "../../../src/core/parse/date";
import { luhnValid, normalizeCompanyId, sirenOf } from "../../../src/core/parse/identifiers";
import { parseAmountCents, parseNumber } from "../../../src/core/parse/number";
import {
  considerationPresent,
  isUgap,
  normalizeChannel,
  normalizeNature,
  normalizeProcedure,
} from "../../../src/core/parse/vocabulary";

/** Text likely to hit the parsers' edge cases: digits, separators, signs, units, month names. */
const trickyText = fc
  .array(
    fc.constantFrom(
      "0", "1", "2", "9", "12", "31", "2024", "45366", " ", "\u00a0", "\u202f", ".", ",", "-", "+", "\u2212", "(", ")", "€", "EUR",
      "%", "e", "E", "/", ":", "T", "Z", "janv", "mars", "1er", "oui", "x", "'", "’", "é", "\n",
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(""));

const cell: fc.Arbitrary<Cell> = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: "binary" }),
  trickyText,
  fc.double(),
  fc.integer(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, Number.MAX_VALUE, Number.MIN_VALUE, 1e21, 2958465),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.date(),
  fc.constant(new Date(Number.NaN)),
);

/** Cell-shaped parsers and the result kinds they may answer. */
const parsers: [string, (c: Cell) => unknown, (r: unknown) => boolean][] = [
  ["parseNumber", parseNumber, (r) => typeof r === "number" && Number.isFinite(r)],
  ["parseAmountCents", parseAmountCents, (r) => Number.isSafeInteger(r)],
  ["parseDate", (c) => parseDate(c), (r) => Number.isInteger(r)],
  ["parseDate 1904", (c) => parseDate(c, true), (r) => Number.isInteger(r)],
  ["normalizeCompanyId", normalizeCompanyId, (r) => typeof r === "object" && r !== null && /^(\d{9}|\d{14})$/.test((r as { id: string }).id)],
  ["normalizeCpv", normalizeCpv, (r) => typeof r === "string" && /^\d{8}$/.test(r)],
  ["parseBoolean", parseBoolean, (r) => typeof r === "boolean"],
  ["normalizeProcedure", normalizeProcedure, (r) => typeof r === "string"],
  ["normalizeChannel", normalizeChannel, (r) => typeof r === "string"],
  ["normalizeNature", normalizeNature, (r) => r === "Fournitures" || r === "Services" || r === "Travaux"],
];

describe("parsers never throw", () => {
  for (const [name, parse, isValue] of parsers) {
    it(`${name} answers null, undefined or a well-formed value for any cell`, () => {
      fc.assert(
        fc.property(cell, (c) => {
          const r = parse(c);
          return r === null || r === undefined || isValue(r);
        }),
        { numRuns: 2000 },
      );
    });

    it(`${name} answers null for every empty cell`, () => {
      for (const empty of [null, undefined, "", "   ", "\u00a0\u202f"] as Cell[]) expect(parse(empty)).toBeNull();
    });

    it(`${name} survives huge strings`, () => {
      expect(() => parse("1".repeat(1_000_000))).not.toThrow();
      expect(() => parse("1 ".repeat(500_000))).not.toThrow();
      expect(() => parse("é".repeat(1_000_000))).not.toThrow();
    });
  }

  it("considerationPresent answers a boolean or null for anything, objects and arrays included", () => {
    fc.assert(
      fc.property(fc.anything({ withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true }), (v) => {
        const r = considerationPresent(v);
        return r === null || typeof r === "boolean";
      }),
      { numRuns: 1000 },
    );
  });

  it("string helpers never throw on any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.option(fc.string(), { nil: null }), (s, name) => {
        luhnValid(s);
        sirenOf(s);
        cpvDivision(s);
        cpvGroup(s);
        cpvClass(s);
        cpvDivisionLabel(s);
        const nature = natureFromCpv(s);
        return typeof isUgap(s, name) === "boolean" && (nature === "Fournitures" || nature === "Services" || nature === "Travaux");
      }),
    );
  });
});
