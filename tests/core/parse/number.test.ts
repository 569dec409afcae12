import fc from "fast-check";
import { formatEuros, toCents } from "../../../src/core/money";
import { amountToCents, parseAmountCents, parseNumber, parseNumberText } from "../../../src/core/parse/number";

const NBSP = "\u00a0";
const NNBSP = "\u202f";

describe("parseNumber — empty and non-numeric cells", () => {
  it("returns null for empty cells: null, undefined, '' and blank text (spaces, NBSP, narrow NBSP)", () => {
    expect(parseNumber(null)).toBeNull();
    expect(parseNumber(undefined)).toBeNull();
    expect(parseNumber("")).toBeNull();
    expect(parseNumber("   ")).toBeNull();
    expect(parseNumber(`${NBSP}${NNBSP}\t`)).toBeNull();
  });

  it("returns undefined for booleans and Date objects", () => {
    expect(parseNumber(true)).toBeUndefined();
    expect(parseNumber(false)).toBeUndefined();
    expect(parseNumber(new Date(2024, 0, 1))).toBeUndefined();
  });

  it("returns undefined for NaN and ±Infinity Excel numbers", () => {
    expect(parseNumber(Number.NaN)).toBeUndefined();
    expect(parseNumber(Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(parseNumber(Number.NEGATIVE_INFINITY)).toBeUndefined();
  });

  it("returns undefined for text that is not a number", () => {
    for (const text of ["abc", "12 abc", "€", "EUR", "-", "+", "()", ",", ".", "1-2", "12..5", "1,,5", "N/A", "0x1F", "1/2"]) {
      expect([text, parseNumber(text)]).toEqual([text, undefined]);
    }
  });
});

describe("parseNumber — Excel numbers and plain digits", () => {
  it("takes Excel numbers as they are", () => {
    expect(parseNumber(1234.56)).toBe(1234.56);
    expect(parseNumber(-12)).toBe(-12);
    expect(parseNumber(0)).toBe(0);
  });

  it("returns 0, not -0, for a negative zero", () => {
    expect(Object.is(parseNumber(-0), 0)).toBe(true);
    expect(Object.is(parseNumber("-0"), 0)).toBe(true);
    expect(Object.is(parseNumber("(0,00)"), 0)).toBe(true);
  });

  it("reads plain digit strings, with leading zeros", () => {
    expect(parseNumber("1234")).toBe(1234);
    expect(parseNumber("007")).toBe(7);
    expect(parseNumber("0")).toBe(0);
  });

  it("rejects digit strings too long to be finite", () => {
    expect(parseNumber("9".repeat(400))).toBeUndefined();
    expect(parseNumber("1e999")).toBeUndefined();
  });
});

describe("parseNumber — French forms", () => {
  it("reads a comma as the French decimal mark: '1234,56', '1,5', ',5'", () => {
    expect(parseNumber("1234,56")).toBe(1234.56);
    expect(parseNumber("1,5")).toBe(1.5);
    expect(parseNumber(",5")).toBe(0.5);
  });

  it("reads '1 234,56' grouped with a normal space, a no-break space or a narrow no-break space", () => {
    expect(parseNumber("1 234,56")).toBe(1234.56);
    expect(parseNumber(`1${NBSP}234,56`)).toBe(1234.56);
    expect(parseNumber(`1${NNBSP}234,56`)).toBe(1234.56);
    expect(parseNumber(`12${NNBSP}345${NNBSP}678,9`)).toBe(12345678.9);
  });

  it("reads '1.234,56' with dots as thousands separators", () => {
    expect(parseNumber("1.234,56")).toBe(1234.56);
    expect(parseNumber("1.234.567,89")).toBe(1234567.89);
    expect(parseNumber("1.234.567")).toBe(1234567);
  });

  it("reads '1 234,56 €' and other euro prefixes and suffixes", () => {
    expect(parseNumber("1 234,56 €")).toBe(1234.56);
    expect(parseNumber(`1${NNBSP}234,56${NBSP}€`)).toBe(1234.56);
    expect(parseNumber("1234,56€")).toBe(1234.56);
    expect(parseNumber("€ 1234,56")).toBe(1234.56);
    expect(parseNumber("1 234,56 EUR")).toBe(1234.56);
    expect(parseNumber("EUR 1 234,56")).toBe(1234.56);
    expect(parseNumber("1234,56 eur")).toBe(1234.56);
  });

  it("reads '(1 234,56)' as a negative credit-note amount", () => {
    expect(parseNumber("(1 234,56)")).toBe(-1234.56);
    expect(parseNumber("(1 234,56 €)")).toBe(-1234.56);
    expect(parseNumber("(1 234,56) €")).toBe(-1234.56);
  });

  it("reads a leading '-', '−' (U+2212) or '+' sign, also before or after the currency", () => {
    expect(parseNumber("-1234,56")).toBe(-1234.56);
    expect(parseNumber("\u22121 234,56")).toBe(-1234.56);
    expect(parseNumber("+1234,56")).toBe(1234.56);
    expect(parseNumber("- 1 234,56 €")).toBe(-1234.56);
    expect(parseNumber("€ -12")).toBe(-12);
    expect(parseNumber("-€12")).toBe(-12);
  });

  it("rejects a sign inside or before parentheses, a double sign and a double unit", () => {
    expect(parseNumber("(-12)")).toBeUndefined();
    expect(parseNumber("-(12)")).toBeUndefined();
    expect(parseNumber("--12")).toBeUndefined();
    expect(parseNumber("+-12")).toBeUndefined();
    expect(parseNumber("€12€")).toBeUndefined();
    expect(parseNumber("12 € %")).toBeUndefined();
  });

  it("reads '12 %' as 12 (the percent sign is dropped, no division by 100)", () => {
    expect(parseNumber("12 %")).toBe(12);
    expect(parseNumber("5,5%")).toBe(5.5);
    expect(parseNumber(`20${NNBSP}%`)).toBe(20);
  });

  it("ignores surrounding spaces", () => {
    expect(parseNumber("  1 234,56  ")).toBe(1234.56);
    expect(parseNumber(`${NBSP}42${NBSP}`)).toBe(42);
  });
});

describe("parseNumber — English forms", () => {
  it("reads '1234.56' with a dot decimal mark", () => {
    expect(parseNumber("1234.56")).toBe(1234.56);
    expect(parseNumber("0.5")).toBe(0.5);
    expect(parseNumber(".5")).toBe(0.5);
    expect(parseNumber("12.50")).toBe(12.5);
  });

  it("reads '1,234.56' with commas as thousands separators", () => {
    expect(parseNumber("1,234.56")).toBe(1234.56);
    expect(parseNumber("1,234,567.89")).toBe(1234567.89);
    expect(parseNumber("1,234,567")).toBe(1234567);
  });

  it("reads '1 234.56': spaces group, so the dot is the decimal mark", () => {
    expect(parseNumber("1 234.56")).toBe(1234.56);
    expect(parseNumber("1 234.567")).toBe(1234.567);
  });

  it("reads scientific notation without grouping", () => {
    expect(parseNumber("1.5E+3")).toBe(1500);
    expect(parseNumber("1,5E3")).toBe(1500);
    expect(parseNumber("2.5e-2")).toBe(0.025);
    expect(parseNumber("1 000E3")).toBeUndefined();
    expect(parseNumber("1E")).toBeUndefined();
    expect(parseNumber("E5")).toBeUndefined();
  });
});

describe("parseNumber — ambiguous single separator before three digits", () => {
  it("reads '1,234' as the French decimal 1.234", () => {
    expect(parseNumber("1,234")).toBe(1.234);
    expect(parseNumber("12,500")).toBe(12.5);
  });

  it("reads '1.234' as 1234 (dot as thousands separator)", () => {
    expect(parseNumber("1.234")).toBe(1234);
    expect(parseNumber("12.500")).toBe(12500);
    expect(parseNumber("999.999 €")).toBe(999999);
    expect(parseNumber("-1.234")).toBe(-1234);
  });

  it("reads '0.125' and '1234.567' as decimals: they cannot be grouped thousands", () => {
    expect(parseNumber("0.125")).toBe(0.125);
    expect(parseNumber("1234.567")).toBe(1234.567);
  });

  it("reads a separator followed by 1, 2 or 4+ digits as a decimal mark", () => {
    expect(parseNumber("1.2")).toBe(1.2);
    expect(parseNumber("1.23")).toBe(1.23);
    expect(parseNumber("1.2345")).toBe(1.2345);
    expect(parseNumber("1,2345")).toBe(1.2345);
  });
});

describe("parseNumber — malformed grouping", () => {
  it("rejects groups that are not exactly three digits", () => {
    for (const text of ["12 34", "1 2345", "1234 567", "1.234.56", "1,234,56", "12,34.5", "1 234 ,5", "1 234,"]) {
      expect([text, parseNumber(text)]).toEqual([text, undefined]);
    }
  });

  it("rejects mixing two grouping kinds", () => {
    expect(parseNumber("1 234.567,89")).toBeUndefined();
    expect(parseNumber("1.234 567")).toBeUndefined();
  });

  it("rejects a decimal mark followed by a grouping separator", () => {
    expect(parseNumber("1,234.567.890")).toBeUndefined();
    expect(parseNumber("1.5 000")).toBeUndefined();
  });
});

describe("parseAmountCents", () => {
  it("converts to integer cents, rounding half away from zero", () => {
    expect(parseAmountCents("1 234,56 €")).toBe(123456);
    expect(parseAmountCents(1.005)).toBe(101);
    expect(parseAmountCents(-1.005)).toBe(-101);
    expect(parseAmountCents("0,125")).toBe(13);
  });

  it("keeps the empty/unreadable convention of parseNumber", () => {
    expect(parseAmountCents("")).toBeNull();
    expect(parseAmountCents(null)).toBeNull();
    expect(parseAmountCents("abc")).toBeUndefined();
    expect(parseAmountCents(true)).toBeUndefined();
  });

  it("reads '(1 234,56)' as negative cents for a credit note", () => {
    expect(parseAmountCents("(1 234,56)")).toBe(-123456);
  });

  it("rejects amounts whose cents are beyond the safe integer range", () => {
    expect(parseAmountCents(1e300)).toBeUndefined();
    expect(parseAmountCents(Number.MAX_VALUE)).toBeUndefined();
  });

  it("returns 0, not -0, for a negative zero amount", () => {
    expect(Object.is(parseAmountCents("-0,00"), 0)).toBe(true);
    expect(Object.is(parseAmountCents(-0.001), 0)).toBe(true);
  });
});

describe("properties", () => {
  /** Amounts up to ±10^13 cents (100 billion euros): 15 significant digits at most. */
  const cents = fc.integer({ min: -1e13, max: 1e13 });

  it("round-trips money.formatEuros output (narrow no-break grouping, '-' negatives)", () => {
    fc.assert(fc.property(cents, (c) => parseAmountCents(formatEuros(c)) === c));
  });

  it("round-trips French forms with NBSP, normal spaces, dots and '(…)' negatives", () => {
    fc.assert(
      fc.property(cents, fc.constantFrom(NBSP, " ", NNBSP, "."), fc.boolean(), fc.boolean(), (c, group, parens, euro) => {
        const abs = formatEuros(Math.abs(c)).replace(" €", "").split(NNBSP).join(group);
        const body = euro ? `${abs}${NBSP}€` : abs;
        const text = c < 0 ? (parens ? `(${body})` : `-${body}`) : body;
        return parseAmountCents(text) === c;
      }),
    );
  });

  it("round-trips English '1,234.56' forms", () => {
    fc.assert(
      fc.property(cents, (c) => {
        const text = formatEuros(c).replace(" €", "").replace(",", ".").split(NNBSP).join(",");
        return parseAmountCents(text) === c;
      }),
    );
  });

  it("reads any finite JS number rendered by String() back to the same number", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const text = String(x);
        // String() writes "1.234" for 1.234: the dot-thousands rule reads it as 1234 (documented).
        if (/^-?[1-9]\d{0,2}\.\d{3}$/.test(text)) return parseNumber(text) === Number(text.replace(".", ""));
        return parseNumber(text) === x + 0;
      }),
    );
  });

  it("reads any integer written with French grouping", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => {
        const grouped = String(n).replace(/\B(?=(\d{3})+(?!\d))/g, NNBSP);
        return parseNumber(grouped) === n && parseNumber(`-${grouped} €`) === -n + 0;
      }),
    );
  });

  it("amountToCents (fast path) gives exactly money.toCents for any amount", () => {
    const amounts = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e13, max: 1e13 }),
      fc.integer({ min: -1e15, max: 1e15 }).map((c) => c / 100),
      fc.integer({ min: -1e15, max: 1e15 }).map((c) => c / 1000),
      fc.integer({ min: -1e6, max: 1e6 }).map((c) => c / 100 + 0.005),
      // Beyond 10^15 cents toCents keeps 15 significant digits: the fast path must step aside.
      fc.integer({ min: 1e15, max: Number.MAX_SAFE_INTEGER }).map((c) => c / 100),
    );
    fc.assert(fc.property(amounts, (x) => Object.is(amountToCents(x), toCents(x) + 0)), { numRuns: 5000 });
  });

  it("parseNumberText agrees with parseNumber on strings", () => {
    fc.assert(fc.property(fc.string(), (s) => Object.is(parseNumberText(s), parseNumber(s))));
  });
});
