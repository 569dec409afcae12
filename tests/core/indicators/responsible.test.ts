import { computeGroup } from "../../../src/core/indicators/registry";
import { statusVsTarget } from "../../../src/core/indicators/responsible";
import { fr } from "../../helpers/messages";
import type { IndicatorResult } from "../../../src/core/indicators/types";
import { monthPeriod, rangePeriod, yearPeriod } from "../../../src/core/period";
import { contextOf, contract, entity, spend, supplier } from "../../helpers/fixtures";

function re(id: string, parts: Parameters<typeof contextOf>[0], period = yearPeriod(2025)): IndicatorResult {
  const r = computeGroup(contextOf(parts, { period }), "RE").find((x) => x.id === id);
  if (!r) throw new Error(`missing ${id}`);
  return r;
}

describe("RE indicators (registry group)", () => {
  it("returns RE1 to RE8 in order", () => {
    const results = computeGroup(contextOf({ spend: [spend()] }), "RE");
    expect(results.map((r) => r.id)).toEqual(["RE1", "RE2", "RE3", "RE4", "RE5", "RE6", "RE7", "RE8"]);
  });
});

describe("statusVsTarget", () => {
  it("is good at the target, watch from half of it, alert below", () => {
    expect(statusVsTarget(30, 30)).toBe("good");
    expect(statusVsTarget(15, 30)).toBe("watch");
    expect(statusVsTarget(14.99, 30)).toBe("alert");
  });
});

describe("RE1 environmental consideration", () => {
  it("rates the contracts with the consideration known, in count and value, against the PNAD 100 % target", () => {
    const contracts = [
      contract({ environmentalConsideration: true, amount: 100_000 }),
      contract({ environmentalConsideration: true, amount: 50_000 }),
      contract({ environmentalConsideration: false, amount: 50_000 }),
      contract({ environmentalConsideration: null, amount: 900_000 }),
    ];
    const r = re("RE1", { contracts, spend: [spend()] });
    expect(r.value).toBe(66.67); // 2 of 3 known
    expect(r.details.valueShare).toBe(75); // 150 000 / 200 000
    expect(r.coverage).toEqual({ n: 3, N: 4, of: "contracts" });
    expect(r.reference).toMatchObject({ value: 100, unit: "%" });
    expect(r.status).toBe("watch"); // ≥ 50, < 100
  });

  it("is N/A, not 0, when no contract has the consideration filled in", () => {
    const r = re("RE1", { contracts: [contract({ amount: 10_000 })], spend: [spend()] });
    expect(r.value).toBeNull();
    expect(fr(r.na)).toMatch(/renseignée/);
    expect(r.reference?.value).toBe(100);
  });

  it("is N/A when no contract was notified in the period", () => {
    const r = re("RE1", { contracts: [contract({ environmentalConsideration: true, notified: "2024-01-10" })], spend: [spend()] });
    expect(r.value).toBeNull();
    expect(fr(r.na)).toMatch(/Aucun marché/);
  });
});

describe("RE2 social consideration", () => {
  const social = (yes: number, no: number) => [
    ...Array.from({ length: yes }, () => contract({ socialConsideration: true, amount: 1_000 })),
    ...Array.from({ length: no }, () => contract({ socialConsideration: false, amount: 1_000 })),
  ];

  it("compares with the PNAD 30 % target", () => {
    const good = re("RE2", { contracts: social(1, 2), spend: [spend()] }); // 33.33 % ≥ 30
    expect(good).toMatchObject({ value: 33.33, status: "good" });
    expect(good.reference?.value).toBe(30);
    expect(re("RE2", { contracts: social(1, 4), spend: [spend()] })).toMatchObject({ value: 20, status: "watch" }); // ≥ 15
    expect(re("RE2", { contracts: social(1, 9), spend: [spend()] })).toMatchObject({ value: 10, status: "alert" });
  });

  it("gives per-entity rows whose counts add up to the total", () => {
    const contracts = [...social(1, 2), contract({ entity: "Commune B", socialConsideration: true, amount: 5_000 })];
    const r = re("RE2", { contracts, spend: [spend()] });
    const rows = r.tables.byEntity;
    expect(rows.map((x) => x.entity)).toEqual(["Commune A", "Commune B"]);
    expect(rows.reduce((s, x) => s + (x.contracts as number), 0)).toBe(r.details.contractsKnown);
    expect(rows.reduce((s, x) => s + (x.withProperty as number), 0)).toBe(r.details.contractsWithConsideration);
    expect(r.value).toBe(50); // 2 of 4
  });
});

describe("RE3 SME share", () => {
  it("takes the SME status from the contract, else from the supplier table, against the OECP collectivités 64 %", () => {
    const contracts = [
      contract({ sme: true, amount: 100_000 }),
      contract({ sme: false, amount: 300_000 }),
      contract({ sme: null, supplierId: "123456789", amount: 100_000 }), // table by SIREN: PME
      contract({ sme: null, supplierName: "Société Inconnue", amount: 50_000 }), // not in the table
    ];
    const suppliers = [supplier({ supplierId: "12345678900012", name: "ACME", sme: true })];
    const r = re("RE3", { contracts, suppliers, spend: [spend()] });
    expect(r.value).toBe(66.67); // 2 of 3 known
    expect(r.details).toMatchObject({ contractsKnown: 3, smeContracts: 2, knownFromSupplierTable: 1, valueShare: 40 }); // 200 000 / 500 000
    expect(r.reference).toMatchObject({ value: 64, unit: "%" });
    expect(r.coverage).toEqual({ n: 3, N: 4, of: "contracts" });
  });

  it("finds a supplier by normalised name", () => {
    const r = re("RE3", {
      contracts: [contract({ supplierName: "Éts MARTIN & Fils", amount: 1_000 })],
      suppliers: [supplier({ name: "ets martin fils", sme: false })],
      spend: [spend()],
    });
    expect(r.value).toBe(0);
    expect(r.coverage.n).toBe(1);
  });

  it("is N/A when no SME status is known", () => {
    const r = re("RE3", { contracts: [contract({ amount: 1_000 })], spend: [spend()] });
    expect(r.value).toBeNull();
    expect(fr(r.na)).toMatch(/PME/);
  });
});

describe("RE4 local suppliers", () => {
  const entities = [entity({ entity: "Commune A", departement: "33" }), entity({ entity: "Commune B", departement: "2A" })];

  it("shares the spend whose supplier is in the entity's département, over lines with both known", () => {
    const lines = [
      spend({ entity: "Commune A", supplierPostcode: "33000", amount: 1_000 }), // local
      spend({ entity: "Commune A", supplierPostcode: "75008", amount: 3_000 }),
      spend({ entity: "Commune A", supplierName: "Fournisseur Z", supplierKey: "fournisseur z", amount: 1_000 }), // table: 33, local
      spend({ entity: "Commune A", supplierName: "Inconnu", supplierKey: "inconnu", amount: 500 }), // not covered
      spend({ entity: "Commune B", supplierPostcode: "20090", amount: 2_000 }), // 2A, local
      spend({ entity: "Commune B", supplierPostcode: "20200", amount: 1_000 }), // 2B
    ];
    const suppliers = [supplier({ name: "Fournisseur Z", departement: "33" })];
    const r = re("RE4", { spend: lines, entities, suppliers });
    // covered 1 000 + 3 000 + 1 000 + 2 000 + 1 000 = 8 000; local 1 000 + 1 000 + 2 000 = 4 000 → 50 %
    expect(r.value).toBe(50);
    expect(r.coverage).toEqual({ n: 5, N: 6, of: "lines" });
    expect(r.details).toMatchObject({ spendCovered: 8_000, spendLocal: 4_000 });
    const rows = r.tables.byEntity;
    expect(rows).toEqual([
      { entity: "Commune A", departement: "33", lines: 3, spend: 5_000, localSpend: 2_000, localShare: 40 },
      { entity: "Commune B", departement: "2A", lines: 2, spend: 3_000, localSpend: 2_000, localShare: 66.67 },
    ]);
    expect(rows.reduce((s, x) => s + (x.spend as number), 0)).toBe(r.details.spendCovered);
  });

  it("prefers the line's postcode over the supplier table", () => {
    const r = re("RE4", {
      spend: [spend({ supplierName: "Fournisseur Z", supplierKey: "fournisseur z", supplierPostcode: "75001", amount: 100 })],
      entities,
      suppliers: [supplier({ name: "Fournisseur Z", departement: "33" })],
    });
    expect(r.value).toBe(0);
  });

  it("is N/A without the entities' département, or without the suppliers'", () => {
    const noEntity = re("RE4", { spend: [spend({ supplierPostcode: "33000" })] });
    expect(noEntity.value).toBeNull();
    expect(fr(noEntity.na)).toMatch(/entités/);
    const noSupplier = re("RE4", { spend: [spend()], entities });
    expect(noSupplier.value).toBeNull();
    expect(fr(noSupplier.na)).toMatch(/fournisseurs/);
  });
});

describe("RE5 insertion / ESS suppliers", () => {
  it("shares the total spend going to suppliers flagged insertion", () => {
    const lines = [
      spend({ supplierName: "Atelier Insertion", supplierKey: "atelier insertion", amount: 2_000 }),
      spend({ supplierName: "Grand Groupe", supplierKey: "grand groupe", amount: 6_000 }),
      spend({ supplierName: "Autre", supplierKey: "autre", amount: 2_000 }),
    ];
    const suppliers = [supplier({ name: "Atelier Insertion", insertion: true }), supplier({ name: "Grand Groupe", insertion: false })];
    const r = re("RE5", { spend: lines, suppliers });
    expect(r.value).toBe(20); // 2 000 / 10 000
    expect(r.coverage).toEqual({ n: 2, N: 3, of: "lines" });
    expect(r.tables.suppliers).toEqual([{ supplier: "Atelier Insertion", lines: 1, spend: 2_000, share: 20 }]);
  });

  it("is N/A without a supplier table or without any insertion flag", () => {
    expect(fr(re("RE5", { spend: [spend()] }).na)).toMatch(/table Fournisseurs/);
    const r = re("RE5", { spend: [spend()], suppliers: [supplier({ name: "Fournisseur A", sme: true })] });
    expect(r.value).toBeNull();
    expect(fr(r.na)).toMatch(/insertion/);
  });
});

describe("RE6 SPASER obligation", () => {
  it("flags an entity whose annual purchases exceed 50 M€", () => {
    const lines = [
      spend({ entity: "Métropole", amount: 30_000_000 }),
      spend({ entity: "Métropole", amount: 30_000_000, on: "2025-11-02" }),
      spend({ entity: "Commune A", amount: 10_000_000 }),
    ];
    const r = re("RE6", { spend: lines });
    expect(r.value).toBe(60_000_000);
    expect(r.status).toBe("alert");
    expect(r.details).toMatchObject({ year: 2025, entity: "Métropole", obligation: 1, entitiesAbove: 1 });
    expect(r.reference).toMatchObject({ value: 50_000_000, unit: "EUR" });
    expect(r.tables.byEntityYear.find((x) => x.entity === "Commune A")).toMatchObject({ spend: 10_000_000, obligation: false });
  });

  it("is under the threshold at exactly 50 M€ (the SPASER is due above it)", () => {
    const r = re("RE6", { spend: [spend({ amount: 50_000_000 })] });
    expect(r).toMatchObject({ value: 50_000_000, status: "good" });
    expect(r.details.obligation).toBe(0);
  });

  it("takes the latest full civil year of the period for the headline", () => {
    const lines = [spend({ amount: 1_000, on: "2024-05-01" }), spend({ amount: 5_000, on: "2025-02-01" })];
    const r = re("RE6", { spend: lines }, rangePeriod(2024, 1, 2025, 6));
    expect(r.value).toBe(1_000);
    expect(r.details).toMatchObject({ year: 2024, yearComplete: 1 });
    expect(r.tables.byEntityYear).toHaveLength(2);
  });

  it("uses the whole civil year's known purchases in a monthly analysis, flagged as incomplete", () => {
    const lines = [spend({ amount: 1_000, on: "2025-01-10" }), spend({ amount: 2_000, on: "2025-03-10" })];
    const r = re("RE6", { spend: lines }, monthPeriod(2025, 3));
    expect(r.value).toBe(3_000);
    expect(r.details.yearComplete).toBe(0);
  });

  it("is N/A without spend lines in the year", () => {
    const r = re("RE6", { spend: [spend({ on: "2023-01-01" })] });
    expect(r.value).toBeNull();
  });
});
