import { analyse } from "../../../src/core/analyse";
import { definitionOf, GROUPS, INDICATORS, resultOf, SP2 } from "../../../src/core/indicators/registry";
import { intakeOf, spend } from "../../helpers/fixtures";

// SPEC §4: six groups and their ids, in this order.
const SPEC_IDS = [
  ...["SP1", "SP2", "SP3", "SP4", "SP5", "SP6"],
  ...["PF1", "PF2", "PF3", "PF4", "PF5", "PF6", "PF7", "PF8"],
  ...["CO1", "CO2", "CO3", "CO4", "CO5", "CO6"],
  ...["RE1", "RE2", "RE3", "RE4", "RE5", "RE6"],
  ...["MU1", "MU2", "MU3", "MU4", "MU5", "MU6"],
  ...["TE1", "TE2", "TE3", "TE4"],
];

describe("indicator registry (SPEC §4)", () => {
  test("lists every SPEC indicator once, in SPEC order, each in the group its id names", () => {
    expect(INDICATORS.map((d) => d.id)).toEqual(SPEC_IDS);
    for (const d of INDICATORS) expect(d.group).toBe(d.id.slice(0, 2));
    expect([...new Set(INDICATORS.map((d) => d.group))]).toEqual([...GROUPS]);
  });

  test("every indicator has a French and an English label, headline and documentation", () => {
    for (const d of INDICATORS) {
      const texts = [d.label, d.headline, d.doc.definition, d.doc.formula, d.doc.source, d.doc.howToImprove];
      for (const t of texts) {
        expect(t.fr.trim()).not.toBe("");
        expect(t.en.trim()).not.toBe("");
      }
      // Labels and definitions are translated, not copied.
      expect(d.label.en).not.toBe(d.label.fr);
      expect(d.doc.definition.en).not.toBe(d.doc.definition.fr);
    }
  });

  test("analyse() returns one result per definition, in registry order, with the definition's unit and group", () => {
    const a = analyse(intakeOf({ spend: [spend({ amount: 100 }), spend({ amount: 50, supplierName: "Beta" })] }));
    expect(a.indicators.map((i) => i.id)).toEqual(SPEC_IDS);
    for (const i of a.indicators) {
      const d = definitionOf(i.id);
      expect(d && { unit: d.unit, group: d.group }).toEqual({ unit: i.unit, group: i.group });
    }
  });

  test("resultOf gives the typed result of a definition (SP2 families sum to the total)", () => {
    const a = analyse(intakeOf({ spend: [spend({ amount: 100 }), spend({ amount: 50, supplierName: "Beta" })] }));
    const sp2 = resultOf(a, SP2);
    // 100 + 50 = 150 € in the one family of the fixture
    expect(sp2?.tables.byFamily.reduce((s, r) => s + r.amount, 0)).toBe(150);
    expect(definitionOf("XX9")).toBeUndefined();
  });
});
