import { departementOf } from "../../../src/core/indicators/geography";

describe("departementOf", () => {
  it("takes the two first digits of a metropolitan postcode", () => {
    expect(departementOf("75008")).toBe("75");
    expect(departementOf("33000")).toBe("33");
    expect(departementOf("01000")).toBe("01");
  });

  it("restores the leading zero an Excel number dropped from a postcode", () => {
    expect(departementOf("1000")).toBe("01");
    expect(departementOf("6000")).toBe("06");
  });

  it("splits Corsican postcodes into Corse-du-Sud (200xx-201xx) and Haute-Corse (202xx and above)", () => {
    expect(departementOf("20000")).toBe("2A"); // Ajaccio
    expect(departementOf("20169")).toBe("2A"); // Bonifacio
    expect(departementOf("20200")).toBe("2B"); // Bastia
    expect(departementOf("20600")).toBe("2B"); // Furiani
  });

  it("keeps three digits for overseas postcodes and codes", () => {
    expect(departementOf("97400")).toBe("974");
    expect(departementOf("97110")).toBe("971");
    expect(departementOf("97600")).toBe("976");
    expect(departementOf("971")).toBe("971");
  });

  it("reads département codes in their usual spellings", () => {
    expect(departementOf("1")).toBe("01");
    expect(departementOf("01")).toBe("01");
    expect(departementOf("075")).toBe("75");
    expect(departementOf("2a")).toBe("2A");
    expect(departementOf("02B")).toBe("2B");
    expect(departementOf(" 33 ")).toBe("33");
  });

  it("finds the code inside a longer text", () => {
    expect(departementOf("75008 PARIS CEDEX 08")).toBe("75");
    expect(departementOf("Ain (01)")).toBe("01");
    expect(departementOf("33 - Gironde")).toBe("33");
    expect(departementOf("2B Haute-Corse")).toBe("2B");
    expect(departementOf("75 008")).toBe("75");
  });

  it("returns null for empty, ambiguous or impossible values", () => {
    expect(departementOf(null)).toBeNull();
    expect(departementOf("")).toBeNull();
    expect(departementOf("20")).toBeNull(); // pre-1976 Corsica, 2A or 2B
    expect(departementOf("96")).toBeNull();
    expect(departementOf("00")).toBeNull();
    expect(departementOf("Gironde")).toBeNull();
    expect(departementOf("123456")).toBeNull();
  });
});
