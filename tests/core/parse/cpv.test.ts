import fc from "fast-check";
import {
  CPV_DIVISION_LABELS,
  cpvClass,
  cpvDivision,
  cpvDivisionLabel,
  cpvGroup,
  natureFromCpv,
  normalizeCpv,
} from "../../../src/core/parse/cpv";

describe("normalizeCpv", () => {
  it("drops the check digit of '50700000-2'", () => {
    expect(normalizeCpv("50700000-2")).toBe("50700000");
  });

  it("reads an 8-digit code without check digit", () => {
    expect(normalizeCpv("50700000")).toBe("50700000");
    expect(normalizeCpv("03000000")).toBe("03000000");
  });

  it("ignores spaces inside and around the code: '5070 0000-2', ' 50700000 - 2 '", () => {
    expect(normalizeCpv("5070 0000-2")).toBe("50700000");
    expect(normalizeCpv(" 50700000 - 2 ")).toBe("50700000");
    expect(normalizeCpv("5070\u00a00000-2")).toBe("50700000");
  });

  it("reads a code followed by its label", () => {
    expect(normalizeCpv("45210000-2 Travaux de construction de bâtiments")).toBe("45210000");
    expect(normalizeCpv("45210000-2 - Travaux de construction")).toBe("45210000");
    expect(normalizeCpv("45210000 : Travaux")).toBe("45210000");
    expect(normalizeCpv("45210000 Édifices")).toBe("45210000");
  });

  it("rejects 9 digits without a dash ('507000002')", () => {
    expect(normalizeCpv("507000002")).toBeUndefined();
    expect(normalizeCpv("507000002 Services")).toBeUndefined();
  });

  it("rejects other shapes", () => {
    for (const text of ["507000", "5070000-2x", "50700000-22", "50700000-", "ABCDEFGH", "50.70.00.00", "-2", "45210000-2 45220000-5", "45210000-2Travaux"]) {
      expect([text, normalizeCpv(text)]).toEqual([text, undefined]);
    }
  });

  it("pads a 7-digit Excel number that lost its leading zero: 3000000 -> '03000000'", () => {
    expect(normalizeCpv(3000000)).toBe("03000000");
    expect(normalizeCpv("3000000")).toBe("03000000");
  });

  it("reads an 8-digit Excel number as is", () => {
    expect(normalizeCpv(50700000)).toBe("50700000");
  });

  it("rejects numbers of other sizes, fractions, negatives and NaN", () => {
    expect(normalizeCpv(999999)).toBeUndefined();
    expect(normalizeCpv(507000002)).toBeUndefined();
    expect(normalizeCpv(50700000.5)).toBeUndefined();
    expect(normalizeCpv(-50700000)).toBeUndefined();
    expect(normalizeCpv(Number.NaN)).toBeUndefined();
  });

  it("returns null for empty cells and undefined for booleans and dates", () => {
    expect(normalizeCpv(null)).toBeNull();
    expect(normalizeCpv(undefined)).toBeNull();
    expect(normalizeCpv("  ")).toBeNull();
    expect(normalizeCpv(false)).toBeUndefined();
    expect(normalizeCpv(new Date())).toBeUndefined();
  });

  it("returns the 8 digits of any '########-#' code (property)", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{8}$/), fc.integer({ min: 0, max: 9 }), (code, check) => normalizeCpv(`${code}-${check}`) === code && normalizeCpv(code) === code),
    );
  });
});

describe("CPV hierarchy", () => {
  it("takes the division, group and class as the 2, 3 and 4 first digits", () => {
    expect(cpvDivision("45214200")).toBe("45");
    expect(cpvGroup("45214200")).toBe("452");
    expect(cpvClass("45214200")).toBe("4521");
  });
});

describe("natureFromCpv", () => {
  it("classifies division 45 as Travaux", () => {
    expect(natureFromCpv("45000000")).toBe("Travaux");
    expect(natureFromCpv("45233140")).toBe("Travaux");
  });

  it("classifies divisions 01–44 and 48 as Fournitures", () => {
    expect(natureFromCpv("03000000")).toBe("Fournitures");
    expect(natureFromCpv("30190000")).toBe("Fournitures");
    expect(natureFromCpv("44000000")).toBe("Fournitures");
    expect(natureFromCpv("48000000")).toBe("Fournitures");
  });

  it("classifies divisions 50–98 as Services", () => {
    expect(natureFromCpv("50700000")).toBe("Services");
    expect(natureFromCpv("72000000")).toBe("Services");
    expect(natureFromCpv("98000000")).toBe("Services");
  });

  it("classifies divisions the SPEC leaves open by the nomenclature layout: 46, 47, 49 supplies, 99 services", () => {
    expect(natureFromCpv("46000000")).toBe("Fournitures");
    expect(natureFromCpv("47000000")).toBe("Fournitures");
    expect(natureFromCpv("49000000")).toBe("Fournitures");
    expect(natureFromCpv("99000000")).toBe("Services");
  });

  it("never throws on malformed input", () => {
    expect(natureFromCpv("")).toBe("Fournitures");
    expect(natureFromCpv("ab")).toBe("Fournitures");
  });
});

describe("CPV_DIVISION_LABELS", () => {
  const divisions = [
    "03", "09", "14", "15", "16", "18", "19", "22", "24", "30", "31", "32", "33", "34", "35", "37", "38", "39", "41", "42", "43", "44", "45",
    "48", "50", "51", "55", "60", "63", "64", "65", "66", "70", "71", "72", "73", "75", "76", "77", "79", "80", "85", "90", "92", "98",
  ];

  it("labels exactly the 45 divisions of CPV 2008", () => {
    expect(Object.keys(CPV_DIVISION_LABELS).sort()).toEqual(divisions);
  });

  it("has a non-empty French label for every division", () => {
    for (const division of divisions) expect(CPV_DIVISION_LABELS[division].length).toBeGreaterThan(5);
    expect(CPV_DIVISION_LABELS["45"]).toBe("Travaux de construction");
    expect(CPV_DIVISION_LABELS["48"]).toBe("Logiciels et systèmes d'information");
    expect(CPV_DIVISION_LABELS["50"]).toBe("Services de réparation et d'entretien");
  });

  it("labels a code by its division, or null for an unknown division", () => {
    expect(cpvDivisionLabel("45233140")).toBe("Travaux de construction");
    expect(cpvDivisionLabel("99000000")).toBeNull();
    expect(cpvDivisionLabel("__proto__")).toBeNull();
  });
});
