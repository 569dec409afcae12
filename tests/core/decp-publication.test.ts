/** R2196-1 CCP: contracts ≥ 40 000 € HT published in the DECP within two months of notification. */
import { dayFromIso } from "../../src/core/dates";
import { checkPublication } from "../../src/core/decp-publication";
import { contract } from "../helpers/fixtures";

const pub = (ref: string, on: string | null, entityId: string | null = null) =>
  contract({ contractRef: ref, entityId, publicationDate: on === null ? null : dayFromIso(on), amount: 1 });

describe("checkPublication (R2196-1)", () => {
  const register = [
    contract({ contractRef: "A-1", amount: 40_000, notified: "2024-01-15" }), // published 2024-03-15: on the limit, on time
    contract({ contractRef: "A-2", amount: 50_000, notified: "2024-01-15" }), // published 2024-03-16: 1 day late
    contract({ contractRef: "A-3", amount: 120_000, notified: "2024-02-01" }), // not in the DECP
    contract({ contractRef: "A-4", amount: 39_999.99, notified: "2024-02-01" }), // under the threshold
    contract({ contractRef: "a 5", amount: 80_000, notified: "2024-05-01" }), // published as "A5" without date
    contract({ contractRef: "A-6", amount: 90_000, notified: "2024-05-01", entityId: "21930077000018" }), // DECP has A-6 of another buyer
  ];
  const decp = [pub("A-1", "2024-03-15"), pub("A-2", "2024-03-16"), pub("A5", null), pub("A-6", "2024-05-10", "21750001600019")];
  const r = checkPublication(register, decp);

  test("only contracts of 40 000 € HT or more are due (A-4 at 39 999,99 € is not)", () => {
    expect(r.due).toBe(5);
  });

  test("published on notification + 2 months is on time, one day later is late", () => {
    expect(r.onTime).toBe(1);
    expect(r.late.map((f) => [f.contract.contractRef, f.daysLate])).toEqual([["A-2", 1]]);
  });

  test("not found: absent from the DECP, or published under another buyer's SIRET", () => {
    expect(r.notFound.map((f) => f.contract.contractRef)).toEqual(["A-3", "A-6"]);
  });

  test("numbers match ignoring case and spaces; without a publication date the delay is not judged", () => {
    expect(r.undated.map((f) => [f.contract.contractRef, f.published?.contractRef])).toEqual([["a 5", "A5"]]);
    expect(r.legalBasis).toMatch(/R2196-1/);
  });
});
