import fc from "fast-check";
import { companyIdValid, luhnValid, normalizeCompanyId, sirenOf } from "../../../src/core/parse/identifiers";

/** Appends the Luhn check digit to a digit string. */
function withLuhnDigit(body: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(body + d)) return body + d;
  throw new Error("unreachable");
}

const digitString = (length: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }).map((a) => a.join(""));

describe("luhnValid", () => {
  it("accepts real SIREN and SIRET numbers", () => {
    expect(luhnValid("776056467")).toBe(true); // UGAP
    expect(luhnValid("552081317")).toBe(true);
    expect(luhnValid("73282932000074")).toBe(true);
    expect(luhnValid("21750001600019")).toBe(true);
  });

  it("rejects a number whose check digit is wrong", () => {
    expect(luhnValid("776056468")).toBe(false);
    expect(luhnValid("73282932000075")).toBe(false);
  });

  it("rejects empty strings and non-digits", () => {
    expect(luhnValid("")).toBe(false);
    expect(luhnValid("77605646a")).toBe(false);
    expect(luhnValid("776 056 467")).toBe(false);
  });

  it("detects every single-digit error (property)", () => {
    fc.assert(
      fc.property(digitString(13), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 1, max: 9 }), (body, pos, delta) => {
        const valid = withLuhnDigit(body);
        const changed = valid.slice(0, pos) + ((Number(valid[pos]) + delta) % 10) + valid.slice(pos + 1);
        return luhnValid(valid) && !luhnValid(changed);
      }),
    );
  });
});

describe("sirenOf", () => {
  it("takes the 9 first digits of a SIRET and keeps a SIREN", () => {
    expect(sirenOf("73282932000074")).toBe("732829320");
    expect(sirenOf("732829320")).toBe("732829320");
  });
});

describe("normalizeCompanyId — text", () => {
  it("reads 14 digits as a SIRET and 9 digits as a SIREN", () => {
    expect(normalizeCompanyId("73282932000074")).toEqual({ id: "73282932000074", kind: "siret", valid: true });
    expect(normalizeCompanyId("776056467")).toEqual({ id: "776056467", kind: "siren", valid: true });
  });

  it("strips spaces, no-break spaces, narrow no-break spaces, dots and dashes", () => {
    const expected = { id: "73282932000074", kind: "siret", valid: true };
    expect(normalizeCompanyId("732 829 320 00074")).toEqual(expected);
    expect(normalizeCompanyId("732\u00a0829\u00a0320\u00a000074")).toEqual(expected);
    expect(normalizeCompanyId("732\u202f829\u202f320\u202f00074")).toEqual(expected);
    expect(normalizeCompanyId("732.829.320.00074")).toEqual(expected);
    expect(normalizeCompanyId("732-829-320-00074")).toEqual(expected);
    expect(normalizeCompanyId("  776 056 467 ")).toEqual({ id: "776056467", kind: "siren", valid: true });
  });

  it("flags an identifier with a wrong check digit as invalid but keeps it", () => {
    expect(normalizeCompanyId("73282932000075")).toEqual({ id: "73282932000075", kind: "siret", valid: false });
    expect(normalizeCompanyId("776056468")).toEqual({ id: "776056468", kind: "siren", valid: false });
  });

  it("returns undefined for any other length or any other character", () => {
    for (const text of ["12345678", "1234567890", "123456789012345", "7328293200007", "SIRET 73282932000074", "73282932000074A", "-", "776/056/467", "7,76056467"]) {
      expect([text, normalizeCompanyId(text)]).toEqual([text, undefined]);
    }
  });

  it("returns null for empty cells and blank text", () => {
    expect(normalizeCompanyId(null)).toBeNull();
    expect(normalizeCompanyId(undefined)).toBeNull();
    expect(normalizeCompanyId("")).toBeNull();
    expect(normalizeCompanyId(" \u00a0 ")).toBeNull();
  });

  it("returns undefined for booleans and dates", () => {
    expect(normalizeCompanyId(true)).toBeUndefined();
    expect(normalizeCompanyId(new Date())).toBeUndefined();
  });
});

describe("normalizeCompanyId — La Poste", () => {
  it("accepts the SIREN 356000000 itself by Luhn", () => {
    expect(normalizeCompanyId("356000000")).toEqual({ id: "356000000", kind: "siren", valid: true });
  });

  it("accepts La Poste SIRETs whose digit sum is a multiple of 5 though Luhn fails", () => {
    expect(luhnValid("35600000049837")).toBe(false);
    expect(normalizeCompanyId("356 000 000 49837")?.valid).toBe(true);
  });

  it("accepts La Poste's head office 35600000000048, valid by Luhn only", () => {
    expect(normalizeCompanyId("35600000000048")?.valid).toBe(true);
  });

  it("rejects La Poste SIRETs that pass neither rule", () => {
    expect(normalizeCompanyId("35600000012345")?.valid).toBe(false);
  });

  it("does not apply the digit-sum rule to other companies", () => {
    // 77605646700002: digit sum 50 is a multiple of 5, Luhn fails.
    expect(luhnValid("77605646700002")).toBe(false);
    expect(companyIdValid("77605646700002")).toBe(false);
    expect(normalizeCompanyId("77605646700002")?.valid).toBe(false);
  });
});

describe("normalizeCompanyId — Excel numbers", () => {
  it("reads a 14-digit number as a SIRET without precision loss", () => {
    expect(normalizeCompanyId(73282932000074)).toEqual({ id: "73282932000074", kind: "siret", valid: true });
    expect(normalizeCompanyId(99999999999999)?.id).toBe("99999999999999");
  });

  it("reads a 9-digit number as a SIREN", () => {
    expect(normalizeCompanyId(776056467)).toEqual({ id: "776056467", kind: "siren", valid: true });
  });

  it("restores the leading zero Excel dropped when the restored identifier checks out", () => {
    const siren = withLuhnDigit("01234567");
    expect(normalizeCompanyId(Number(siren))).toEqual({ id: siren, kind: "siren", valid: true });
    const siret = withLuhnDigit("0123456780001");
    expect(normalizeCompanyId(Number(siret))).toEqual({ id: siret, kind: "siret", valid: true });
  });

  it("rejects 8- or 13-digit numbers that fail the check once padded", () => {
    const siren = withLuhnDigit("01234567");
    const wrong = Number(siren) + 1;
    expect(normalizeCompanyId(wrong)).toBeUndefined();
  });

  it("rejects fractions, negatives, NaN and numbers of other lengths", () => {
    expect(normalizeCompanyId(776056467.5)).toBeUndefined();
    expect(normalizeCompanyId(-776056467)).toBeUndefined();
    expect(normalizeCompanyId(Number.NaN)).toBeUndefined();
    expect(normalizeCompanyId(1234)).toBeUndefined();
    expect(normalizeCompanyId(1e15)).toBeUndefined();
  });

  it("gives the same result for a SIRET typed as a number or as text (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), digitString(13), (first, rest) => {
        const id = `${first}${rest}`;
        const fromNumber = normalizeCompanyId(Number(id));
        const fromText = normalizeCompanyId(id);
        return fromNumber !== null && fromNumber !== undefined && fromText !== null && fromText !== undefined && fromNumber.id === id && fromNumber.valid === fromText.valid;
      }),
    );
  });
});
