/** MU3 addressable spend and savings scenarios (SPEC §4, §3.3). */
import { basisOf } from "../../contracts-basis";
import { defineIndicator } from "../definition";
import {
  classifiedCoverage,
  mutualisationScan,
  savingsScenarios,
  type SavingsScenario,
} from "../mutualisation";
import { euros, notAvailable, pct } from "../types";

export type ScenarioRow = {
  scenario: SavingsScenario;
  ratePercent: number;
  addressableAmount: number;
  savings: number;
  source: string;
};

export type AddressableFamilyRow = {
  familyKey: string;
  familyLabel: string;
  addressableAmount: number;
  centralSavings: number;
};

export type MU3Tables = { scenarios: ScenarioRow[]; byFamily: AddressableFamilyRow[] };

const base = { id: "MU3", group: "MU", unit: "EUR" } as const;

export const MU3 = defineIndicator<MU3Tables>({
  ...base,
  label: { fr: "Dépense adressable par la mutualisation", en: "Spend addressable by pooling" },
  headline: { fr: "dépense adressable (€)", en: "addressable spend (€)" },
  doc: {
    definition: {
      fr: "Dépense achetée séparément dans les familles candidates (MU2) et économies possibles selon trois scénarios (bas, central, haut). Des paramètres, pas des promesses. Sans ligne de dépense (registre des marchés ou DECP seuls), calculé sur les montants attribués des marchés notifiés sur la période.",
      en: "Spend bought separately in the candidate families (MU2) and possible savings under three scenarios (low, central, high). Parameters, not promises. Without spend lines (contracts register or DECP only), computed on the awarded amounts of the contracts notified in the period.",
    },
    formula: {
      fr: "Dépense adressable = Σ dépense séparée des familles candidates ; économies = dépense adressable × taux du scénario (2 %, 5 %, 10 % par défaut).",
      en: "Addressable spend = Σ separate spend of the candidate families; savings = addressable spend × scenario rate (2 %, 5 %, 10 % by default).",
    },
    source: {
      fr: "Programme PHARE, Cour des comptes (2024), rapport Malvy–Lambert : ordres de grandeur des gains de mutualisation.",
      en: "PHARE programme, Cour des comptes (2024), Malvy–Lambert report: orders of magnitude of pooling gains.",
    },
    howToImprove: {
      fr: "Commencez par les familles à forte dépense adressable et peu de fournisseurs locaux ; suivez les économies réelles.",
      en: "Start with the families with large addressable spend and few local suppliers; track the actual savings.",
    },
  },
  basis: basisOf,
  compute(ctx) {
    const { scan: s, na, candidates } = mutualisationScan(ctx);
    const coverage = classifiedCoverage(s);
    if (na) return notAvailable(base, na, coverage, { scenarios: [], byFamily: [] });
    let addressable = 0;
    for (const c of candidates) addressable += c.family.separateCents;
    const scenarios = savingsScenarios(addressable, ctx.ref);
    const source = ctx.ref.poolingScenarios.source;
    return {
      ...base,
      value: euros(addressable),
      na: null,
      coverage,
      reference: null,
      status: null,
      details: {
        addressableSharePercent: pct(addressable, s.totalCents),
        candidateFamilies: candidates.length,
        lowSavings: euros(scenarios[0].savingsCents),
        centralSavings: euros(scenarios[1].savingsCents),
        highSavings: euros(scenarios[2].savingsCents),
        scenarioSource: source,
      },
      tables: {
        scenarios: scenarios.map((x) => ({
          scenario: x.scenario,
          ratePercent: x.percent,
          addressableAmount: euros(addressable),
          savings: euros(x.savingsCents),
          source,
        })),
        byFamily: candidates.map((c) => ({
          familyKey: c.family.key,
          familyLabel: c.family.label,
          addressableAmount: euros(c.family.separateCents),
          centralSavings: euros(
            Math.round((c.family.separateCents * ctx.ref.poolingScenarios.centralPercent) / 100)
          ),
        })),
      },
    };
  },
});
