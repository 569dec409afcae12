import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { analyse } from "../../../src/core/analyse";
import { definitionOf, GROUPS, INDICATORS, resultOf, SP2 } from "../../../src/core/indicators/registry";
import type { IndicatorResult } from "../../../src/core/indicators/types";
import { EN } from "../../../src/core/messages/en";
import { FR } from "../../../src/core/messages/fr";
import { isMessage, render, type Message } from "../../../src/core/messages/render";
import { yearPeriod } from "../../../src/core/period";
import { contextOf, contract, intakeOf, spend } from "../../helpers/fixtures";
import { richIntake } from "../../report/fixture";

// SPEC §4: six groups and their ids, in this order.
const SPEC_IDS = [
  ...["SP1", "SP2", "SP3", "SP4", "SP5", "SP6"],
  ...["PF1", "PF2", "PF3", "PF4", "PF5", "PF6", "PF7", "PF8"],
  ...["CO1", "CO2", "CO3", "CO4", "CO5", "CO6"],
  ...["RE1", "RE2", "RE3", "RE4", "RE5", "RE6", "RE7", "RE8"],
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

/** Every .ts file under a folder. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith(".ts") ? [path] : [];
  });
}

/** A catalogue message, translated: its English text is not its French one. */
function expectCoded(id: string, m: Message) {
  expect([id, m.code, isMessage(m), m.code in FR, m.code in EN]).toEqual([id, m.code, true, true, true]);
  expect([id, render("en", m)]).not.toEqual([id, render("fr", m)]);
}

describe("every registry indicator emits the coded result itself (issue #9 §4, §5)", () => {
  const NA_WORKS = { family: { key: "NC", label: "Non classé", rule: "unclassified" as const } };
  // Results with a value (the rich fixture) give each indicator's tables.
  const full = new Map(analyse(richIntake()).indicators.map((r) => [r.id, r]));
  const results: IndicatorResult[] = [
    ...analyse(intakeOf({})).indicators,
    ...full.values(),
    // CO1 N/A because no line has a family; PF8 N/A because no line has its payment dates
    ...INDICATORS.map((d) => d.compute(contextOf({ spend: [spend({ ...NA_WORKS, amount: 30_000 })] }, { period: yearPeriod(2025) }))),
    // CO5 N/A with a contract notified after 21/08/2026 without a launch date (listed, not counted)
    ...INDICATORS.map((d) =>
      d.compute(contextOf({ contracts: [contract({ contractRef: "SANS-LANCEMENT", notified: "2026-09-15", launched: undefined })], spend: [spend({ on: "2026-01-01" })] }, { period: yearPeriod(2026) })),
    ),
  ];

  test("N/A reasons, coverage and reference labels are catalogue messages translated in English", () => {
    for (const r of results) {
      if (r.na !== null) expectCoded(r.id, r.na);
      expect([r.id, `coverage.${r.coverage.of}` in FR]).toEqual([r.id, true]);
      if (r.reference !== null) expectCoded(r.id, r.reference.label);
    }
    // the contexts above make CO1, CO5 and PF8 N/A for their own reasons
    const na = new Set(results.map((r) => r.na?.code));
    for (const code of ["na.noLineWithFamily", "na.noContractSinceLoiClimatLaunchUnknown", "na.noPaymentDates"]) expect(na).toContain(code);
  });

  test("an N/A result still holds every table of its indicator (the sheets read them without guards)", () => {
    for (const r of results) {
      const tables = Object.keys(full.get(r.id)?.tables ?? {}).sort();
      expect([r.id, Object.keys(r.tables).sort()]).toEqual([r.id, tables]);
    }
    // CO5 N/A lists the contract of unknown launch date in its table
    const co5 = results.find((r) => r.id === "CO5" && r.na?.code === "na.noContractSinceLoiClimatLaunchUnknown");
    expect(co5?.tables.launchUnknown.map((x) => x.contractRef)).toEqual(["SANS-LANCEMENT"]);
  });

  test("no source translates French results after the fact (the legacy result shape is gone)", () => {
    const offenders = sources(join(__dirname, "../../../src")).filter((f) => /fromLegacy|indicators\/legacy"|from "\.\.?\/legacy"/.test(readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });
});
