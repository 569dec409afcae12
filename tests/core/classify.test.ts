/**
 * Natures by budget article (L1111-2 to L1111-4 CCP), checked against the code's definitions:
 * works = execution of works (L1111-2), supplies = purchase, lease or rental of products (L1111-3),
 * services = the rest (L1111-4).
 */
import { budgetArticleFamily, catchAllArticle, classifyFamily, natureOf, natureToSpecifyArticle, outOfScopeArticle } from "../../src/core/classify";

describe("natures by budget article (L1111-2 to L1111-4 CCP)", () => {
  it("L1111-2: 615231 entretien et réparations de voiries is works, not services", () => {
    expect(natureOf(null, null, "615231")).toBe("Travaux");
    expect(natureOf(null, null, "6152315")).toBe("Travaux"); // a sub-account keeps the nature of its prefix
  });

  it("615221 entretien et réparations de bâtiments mixes works and services: nature « à préciser »", () => {
    expect(natureOf(null, null, "615221")).toBeNull();
    expect(natureToSpecifyArticle({ nature: null, budgetArticle: "615221" })).toBe("615221");
    // classified by the CPV code (45 → works) or the buyer's nomenclature when given
    expect(natureOf(null, "45453000", "615221")).toBe("Travaux");
    expect(natureOf("Services", null, "615221")).toBe("Services");
    expect(natureToSpecifyArticle({ nature: "Services", budgetArticle: "615221" })).toBeNull();
  });

  it("L1111-3: 6135 locations mobilières is a supply (rental of products), not a service", () => {
    expect(natureOf(null, null, "6135")).toBe("Fournitures");
  });

  it("L2512-5 3°: 6132 locations immobilières is outside the code", () => {
    expect(outOfScopeArticle("6132")?.legalBasis).toContain("L2512-5");
    expect(outOfScopeArticle("6135")).toBeNull();
  });

  it("marks the catch-all articles (611, 60628, 2188) as not homogeneous by themselves", () => {
    for (const a of ["611", "60628", "2188"]) expect(catchAllArticle(classifyFamily({ familyCode: null, familyLabel: null, cpv: null, budgetArticle: a }))).toBe(a);
    expect(catchAllArticle(classifyFamily({ familyCode: null, familyLabel: null, cpv: null, budgetArticle: "60612" }))).toBeNull();
    // a buyer's family code is never a catch-all, whatever its article
    expect(catchAllArticle(classifyFamily({ familyCode: "INFO", familyLabel: null, cpv: null, budgetArticle: "611" }))).toBeNull();
  });

  it("keeps the works accounts (2312, 2313, 2315, 2151) as works and the equipment accounts as supplies", () => {
    for (const a of ["2312", "2313", "2315", "2151", "2152"]) expect(natureOf(null, null, a)).toBe("Travaux");
    for (const a of ["2182", "2183", "2184"]) expect(natureOf(null, null, a)).toBe("Fournitures");
    expect(budgetArticleFamily("2031")?.entry.nature).toBe("Services");
  });
});
