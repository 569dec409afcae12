import { parseBoolean, parseBooleanText } from "../../../src/core/parse/boolean";

describe("parseBoolean", () => {
  it("reads the French, English and short yes words as true", () => {
    for (const text of ["oui", "o", "yes", "y", "vrai", "true", "1", "x"]) expect([text, parseBoolean(text)]).toEqual([text, true]);
  });

  it("reads the French, English and short no words as false", () => {
    for (const text of ["non", "n", "no", "faux", "false", "0"]) expect([text, parseBoolean(text)]).toEqual([text, false]);
  });

  it("ignores case, accents, surrounding spaces and punctuation", () => {
    expect(parseBoolean("OUI")).toBe(true);
    expect(parseBoolean(" Non ")).toBe(false);
    expect(parseBoolean("\u00a0X\u00a0")).toBe(true);
    expect(parseBoolean("Vrai.")).toBe(true);
    expect(parseBoolean("FAUX")).toBe(false);
    expect(parseBoolean("TRUE")).toBe(true);
    expect(parseBoolean("Oùi")).toBe(true);
  });

  it("reads check marks ✓ ✔ ☑ as true but crosses as unreadable", () => {
    expect(parseBoolean("\u2713")).toBe(true);
    expect(parseBoolean("\u2714")).toBe(true);
    expect(parseBoolean("\u2611")).toBe(true);
    expect(parseBoolean("\u2717")).toBeUndefined();
  });

  it("takes JS booleans as they are", () => {
    expect(parseBoolean(true)).toBe(true);
    expect(parseBoolean(false)).toBe(false);
  });

  it("reads the numbers 1 and 0, and no other number", () => {
    expect(parseBoolean(1)).toBe(true);
    expect(parseBoolean(0)).toBe(false);
    expect(parseBoolean(2)).toBeUndefined();
    expect(parseBoolean(0.5)).toBeUndefined();
    expect(parseBoolean(Number.NaN)).toBeUndefined();
  });

  it("returns null (unknown, not false) for an empty cell: x-convention columns treat null as false themselves", () => {
    expect(parseBoolean(null)).toBeNull();
    expect(parseBoolean(undefined)).toBeNull();
    expect(parseBoolean("")).toBeNull();
    expect(parseBoolean("   ")).toBeNull();
  });

  it("returns undefined for other words, dates and long text", () => {
    for (const text of ["peut-être", "ok", "2", "oui non", "-", "nope", "1.0", "oui".repeat(20)]) {
      expect([text, parseBoolean(text)]).toEqual([text, undefined]);
    }
    expect(parseBoolean(new Date())).toBeUndefined();
  });

  it("parseBooleanText agrees with parseBoolean on text", () => {
    expect(parseBooleanText(" Oui ")).toBe(parseBoolean(" Oui "));
    expect(parseBooleanText("")).toBeNull();
  });
});
