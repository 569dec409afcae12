/**
 * Analyses for the report tests, built through the real core (analyse). Every source row is given
 * explicitly so that the analyses (and snapshots) do not depend on the fixtures' row counter.
 */
import { analyse, type Analysis } from "../../src/core/analyse";
import type { AnalysisOptions } from "../../src/core/context";
import type { Family, IntakeResult } from "../../src/core/model";
import { yearPeriod } from "../../src/core/period";
import { contract, entity, intakeOf, spend } from "../helpers/fixtures";

export const fam = (key: string, label: string): Family => ({ key, label, rule: "familyCode" });

export const HYPERLINK_SUPPLIER = '=HYPERLINK("x")';

const src = (row: number) => ({ table: "Mandats", row });

/** Three families, two entities, a splitting signal, contracts with bids and considerations. */
export function richAnalysis(options: AnalysisOptions = {}): Analysis {
  // The civil year 2025 (the automatic period would be its year to date, 2025-01..2025-07).
  return analyse(richIntake(), { period: yearPeriod(2025), ...options });
}

/** The intake of richAnalysis. */
export function richIntake(): IntakeResult {
  const info = fam("F:INFO", "Informatique");
  const four = fam("F:FOUR", "Fournitures de bureau");
  const net = fam("F:NET", "Nettoyage");
  const lines = [
    spend({ source: src(2), amount: 30000, supplierName: "Alpha", supplierKey: "alpha", supplierId: "01234567800011", family: info, entity: "Commune A", on: "2025-01-10", territory: "Nord", supplierPostcode: "75001", invoiceReceived: 20100, paid: 20200 }),
    spend({ source: src(3), amount: 15000, supplierName: "Alpha", supplierKey: "alpha", family: info, entity: "Commune B", on: "2025-02-10", territory: "Sud" }),
    spend({ source: src(4), amount: 35000, supplierName: "Beta", supplierKey: "beta", family: info, entity: "Commune A", on: "2025-03-10", territory: "Nord" }),
    spend({ source: src(5), amount: 500, supplierName: HYPERLINK_SUPPLIER, supplierKey: "hyper", family: four, entity: "Commune B", on: "2025-04-10", item: "Stylo", quantity: 10, unitPriceCents: 100 }),
    spend({ source: src(6), amount: 800, supplierName: "Gamma", supplierKey: "gamma", family: four, entity: "Commune A", on: "2025-05-10", item: "Stylo", quantity: 10, unitPriceCents: 150, contractRef: "M-X" }),
    spend({ source: src(7), amount: 5000, supplierName: "Delta", supplierKey: "delta", family: net, entity: "Commune A", on: "2024-05-10" }),
    spend({ source: src(8), amount: 25000, supplierName: "Delta", supplierKey: "delta", family: net, entity: "Commune A", on: "2025-06-10", channel: "Groupement de commandes" }),
    spend({ source: src(9), amount: -200, supplierName: "Delta", supplierKey: "delta", family: net, entity: "Commune A", on: "2025-07-10" }),
  ];
  const contracts = [
    contract({ source: { table: "Marches", row: 2 }, contractRef: "M-X", amount: 50000, estimated: 60000, amended: 60000, bidsReceived: 1, procedure: "Appel d'offres ouvert", environmentalConsideration: false, socialConsideration: true, sme: true, durationMonths: 12, family: four, supplierName: "Gamma" }),
    contract({ source: { table: "Marches", row: 3 }, contractRef: "M-Y", amount: 300000, bidsReceived: 3, procedure: "Procédure adaptée", environmentalConsideration: true, socialConsideration: false, sme: false, durationMonths: 24, notified: "2025-02-01", family: info }),
  ];
  const entities = [
    entity({ source: { table: "Entites", row: 2 }, entity: "Commune A", population: 1000, territory: "Nord", departement: "75" }),
    entity({ source: { table: "Entites", row: 3 }, entity: "Commune B", population: 2000, territory: "Sud", departement: "13" }),
  ];
  return intakeOf({ spend: lines, contracts, entities });
}

/** Spend only: every contract-based indicator (PF2, PF3, RE1, RE2, RE3…) is N/A. */
export function spendOnlyAnalysis(): Analysis {
  const info = fam("F:INFO", "Informatique");
  return analyse(
    intakeOf({
      spend: [
        spend({ source: src(2), amount: 1200, supplierName: "Alpha", supplierKey: "alpha", family: info, on: "2025-03-10" }),
        spend({ source: src(3), amount: 800, supplierName: "Beta", supplierKey: "beta", family: info, on: "2025-04-10" }),
      ],
    }),
  );
}

/** Nothing at all. */
export function emptyAnalysis(): Analysis {
  return analyse(intakeOf({}));
}
