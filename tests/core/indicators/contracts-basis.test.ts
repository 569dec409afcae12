/**
 * Contracts-only analysis (issue #11 §1): without spend lines, the indicators contracts can feed
 * are computed on the awarded amounts and say so (basis "awarded"); with spend lines, the spend
 * indicators stay on spend lines (never mixed). Hand-computed fixture below.
 */
import { analyse } from "../../../src/core/analyse";
import { analysisBasis } from "../../../src/core/contracts-basis";
import { dayFromIso } from "../../../src/core/dates";
import { computeGroup } from "../../../src/core/indicators/registry";
import type { IndicatorResult } from "../../../src/core/indicators/types";
import type { ContractLine, SpendLine } from "../../../src/core/model";
import { yearPeriod } from "../../../src/core/period";
import { contextOf, contract, entity, intakeOf, spend } from "../../helpers/fixtures";
import { fr } from "../../helpers/messages";

const INFO = { key: "F:INFO", label: "Informatique", rule: "familyCode" as const };
const BTP = { key: "F:BTP", label: "Bâtiment", rule: "familyCode" as const };

// The register, period 2025:
//   C1 60 000 € Alpha (93100)  INFO Services  2025-02-10
//   C2 30 000 € Alpha (93100)  INFO Services  2025-02-20
//   C3 10 000 € Beta  (75011)  BTP  Travaux   2025-05-05, groupement de commandes
//   C4 no amount, Gamma                        2025-06-01 (left out, counted in the coverage)
//   C5  5 000 € Beta  (75011)  BTP  Travaux   2024-01-15 (the year before: SP6 only)
const alpha = { supplierName: "Alpha", supplierId: "11111111100011", holders: [{ name: "Alpha", id: "11111111100011", postcode: "93100" }] };
const beta = { supplierName: "Beta", supplierId: "22222222200022", holders: [{ name: "Beta", id: "22222222200022", postcode: "75011" }] };
function register(): ContractLine[] {
  return [
    contract({ ...alpha, contractRef: "C1", amount: 60_000, family: INFO, nature: "Services", notified: "2025-02-10" }),
    contract({ ...alpha, contractRef: "C2", amount: 30_000, family: INFO, nature: "Services", notified: "2025-02-20" }),
    contract({ ...beta, contractRef: "C3", amount: 10_000, family: BTP, nature: "Travaux", notified: "2025-05-05", channel: "Groupement de commandes" }),
    contract({ contractRef: "C4", supplierName: "Gamma", notified: "2025-06-01" }),
    contract({ ...beta, contractRef: "C5", amount: 5_000, family: BTP, nature: "Travaux", notified: "2024-01-15" }),
  ];
}

function results(parts: { contracts: ContractLine[]; spend?: SpendLine[] }): Record<string, IndicatorResult> {
  const ctx = contextOf(
    { ...parts, entities: [entity({ entity: "Commune A", departement: "93" })] },
    { period: yearPeriod(2025) }
  );
  const out: Record<string, IndicatorResult> = {};
  for (const g of ["SP", "PF", "CO", "RE", "MU", "TE"] as const) for (const r of computeGroup(ctx, g)) out[r.id] = r;
  return out;
}

describe("a contracts-only input is analysed on awarded amounts (issue #11 §1)", () => {
  const r = results({ contracts: register() });

  test("SP1 is the awarded total: 60 000 + 30 000 + 10 000 = 100 000 €, over 3 of the 4 contracts of 2025", () => {
    expect(r.SP1.value).toBe(100_000);
    expect(r.SP1.basis).toBe("awarded");
    expect(r.SP1.coverage).toEqual({ n: 3, N: 4, of: "contracts" });
  });

  test("SP2 awarded value by family, titulaire, nature, month and buyer", () => {
    expect(r.SP2.basis).toBe("awarded");
    const t = r.SP2.tables;
    expect(t.byFamily.map((x) => [x.familyKey, x.amount, x.share])).toEqual([["F:INFO", 90_000, 90], ["F:BTP", 10_000, 10]]);
    expect(t.bySupplier.map((x) => [x.supplierName, x.amount, x.lines])).toEqual([["Alpha", 90_000, 2], ["Beta", 10_000, 1]]);
    expect(t.byNature.map((x) => [x.nature, x.amount])).toEqual([["Services", 90_000], ["Travaux", 10_000]]);
    expect(t.byMonth.map((x) => [x.month, x.amount])).toEqual([["2025-02", 90_000], ["2025-05", 10_000]]);
    expect(t.byEntity.map((x) => [x.entity, x.amount])).toEqual([["Commune A", 100_000]]);
  });

  test("SP3 Pareto on awarded value: Alpha (90 %) is A, Beta (cumulative before = 90 % ≥ 80 %) is B → 1 of 2 = 50 %", () => {
    expect(r.SP3.value).toBe(50);
    expect(r.SP3.details).toMatchObject({ suppliersA: 1, suppliersB: 1 });
  });

  test("SP4 concentration: top-5 = 100 %, HHI = (0,9² + 0,1²) × 10 000 = 8 200; one titulaire per family: HHI 10 000", () => {
    expect(r.SP4.value).toBe(100);
    expect(r.SP4.details).toMatchObject({ top1Share: 90, hhi: 8200 });
    expect(r.SP4.tables.byFamily.map((x) => [x.familyKey, x.hhi])).toEqual([["F:INFO", 10_000], ["F:BTP", 10_000]]);
  });

  test("SP6 compares the awarded value with the year before: (100 000 − 5 000) / 5 000 = +1 900 %", () => {
    expect(r.SP6.value).toBe(1900);
    expect(r.SP6.basis).toBe("awarded");
  });

  test("MU1 on awarded value: the groupement's 10 000 € of 100 000 € = 10 %", () => {
    expect(r.MU1.value).toBe(10);
    expect(r.MU1.basis).toBe("awarded");
  });

  test("RE4 local titulaires by postcode: Alpha in 93 like the buyer, 90 000 / 100 000 = 90 %", () => {
    expect(r.RE4.value).toBe(90);
    expect(r.RE4.basis).toBe("awarded");
  });

  test("the indicators that need spend lines say which data would unlock them", () => {
    expect(r.SP5.value).toBeNull();
    expect(fr(r.SP5.na)).toMatch(/ajoutez l'export des mandats ou des factures/);
    expect(r.PF1.value).toBeNull();
    expect(fr(r.PF1.na)).toMatch(/part de la dépense sous marché se mesure sur les dépenses/);
    expect(r.RE6.value).toBeNull();
    expect(fr(r.RE6.na)).toMatch(/SPASER porte sur les achats de l'année civile/);
    for (const id of ["TE1", "TE3", "TE4"]) {
      expect(r[id].value).toBeNull();
      expect(fr(r[id].na)).toMatch(/Les territoires se comparent sur leurs dépenses : ajoutez l'export des mandats/);
    }
  });

  test("contract indicators say they are on awarded amounts (PF2 procedure mix: 100 000 € all MAPA = 100 %)", () => {
    expect(r.PF2.value).toBe(100);
    expect(r.PF2.basis).toBe("awarded");
    expect(r.RE1.basis).toBe("awarded");
  });

  test("the analysis says « Analyse des marchés attribués » (basis awarded)", () => {
    const a = analyse(intakeOf({ contracts: register() }), { period: yearPeriod(2025) });
    expect(a.basis).toBe("awarded");
    expect(analysisBasis({ spend: [], contracts: [] })).toBe("spend");
  });
});

describe("with spend lines and contracts, the two views are never mixed", () => {
  // One spend line of 1 000 € in 2025 beside the same register.
  const r = results({ contracts: register(), spend: [spend({ amount: 1_000, on: "2025-04-01" })] });

  test("SP1 stays on spend lines (1 000 €, not the 100 000 € awarded), basis spend", () => {
    expect(r.SP1.value).toBe(1_000);
    expect(r.SP1.basis).toBe("spend");
    expect(r.SP1.coverage.of).toBe("lines");
    expect(r.SP2.tables.byNature.map((x) => [x.nature, x.amount])).toEqual([["Fournitures", 1_000]]);
  });

  test("the contract indicators stay on contracts: PF2 over the 100 000 € awarded", () => {
    expect(r.PF2.value).toBe(100);
    expect(r.PF2.details).toMatchObject({ knownProcedureAmount: 100_000, contractsWithProcedureAndAmount: 3 });
    expect(r.PF2.basis).toBe("awarded");
  });

  test("the analysis basis is spend", () => {
    const a = analyse(intakeOf({ contracts: register(), spend: [spend({ amount: 1_000, on: "2025-04-01" })] }), { period: yearPeriod(2025) });
    expect(a.basis).toBe("spend");
  });
});

describe("a register and its published DECP together: each contract counted once", () => {
  // Register: M-1 60 000 € notified 2025-02-03. DECP: M-1 again (published 2025-03-01, the same
  // contract, written "m-1 ") and D-2 20 000 € that the register lacks.
  const contracts = [
    contract({ contractRef: "M-1", amount: 60_000, notified: "2025-02-03" }),
    contract({ contractRef: "m-1 ", amount: 60_000, notified: "2025-02-03", fromPublishedDecp: true, publicationDate: dayFromIso("2025-03-01") }),
    contract({ contractRef: "D-2", amount: 20_000, notified: "2025-04-01", fromPublishedDecp: true, publicationDate: dayFromIso("2025-04-15") }),
  ];
  const r = results({ contracts });

  test("SP1 = 60 000 + 20 000 = 80 000 € (the DECP copy of M-1 is not counted again); PF2 over 2 contracts", () => {
    expect(r.SP1.value).toBe(80_000);
    expect(r.PF2.coverage.N).toBe(2);
  });

  test("CO6 still finds M-1 in the DECP: published on 2025-03-01, before the limit of 2025-04-03", () => {
    expect(r.CO6.value).toBe(0);
    expect(r.CO6.details).toMatchObject({ due: 1, onTime: 1, checkedAgainst: "register" });
  });

  test("a DECP record of another buyer with the same number is another contract", () => {
    const other = [
      contract({ contractRef: "M-1", amount: 60_000, notified: "2025-02-03", entityId: "21930077000018" }),
      contract({ contractRef: "M-1", amount: 30_000, notified: "2025-02-03", entityId: "21750001600019", fromPublishedDecp: true }),
    ];
    expect(results({ contracts: other }).SP1.value).toBe(90_000);
  });
});
