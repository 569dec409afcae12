/**
 * Per-buyer contract KPIs (issue #15 §2): what the contracts of one buyer in one year say about
 * its practices, computed the same way from DECP files (the referentiel) and from the buyer's own
 * register (its Comparaison sheet and its fiche).
 *
 * Rules:
 * - a contract belongs to the year of its notification date; contracts without one are skipped;
 * - each KPI is a share (0..100) or an average over the contracts that have the data it needs
 *   (`n`); a KPI whose `n` is below its minimum (MIN_CONTRACTS, 10 for the top-5 share) is null,
 *   so a buyer with 2 contracts does not weigh as 0 % or 100 % in a distribution;
 * - single-bid rate and average bids: contracts of a known competitive procedure (all but
 *   « sans publicité ni mise en concurrence ») with at least one bid received;
 * - procedure shares: over contracts with a known procedure;
 * - top-5 titulaires: Σ amount of the 5 largest titulaires / Σ amount, contracts with amount and
 *   titulaire (titulaire = SIREN when known, else normalised name; first titulaire);
 * - amendment rate: contracts with at least one amended amount / contracts whose source says
 *   whether they were amended.
 */
import { yearOfDay } from "../dates";
import type { ContractLine, Procedure } from "../model";
import { normalizeKey } from "../text";

export type KpiKey =
  | "singleBidRate"
  | "averageBids"
  | "directAwardShare"
  | "mapaShare"
  | "tenderShare"
  | "negotiatedShare"
  | "frameworkShare"
  | "smeShare"
  | "environmentalRate"
  | "socialRate"
  | "top5HolderShare"
  | "amendmentRate"
  | "averageAmount"
  | "contracts";

export type KpiGroup = "concurrence" | "procedures" | "responsables" | "marches";

export interface KpiDef {
  key: KpiKey;
  group: KpiGroup;
  label: string;
  labelEn: string;
  unit: "%" | "count" | "EUR";
  /** Which end of the distribution is the better practice; null = neither (a profile figure). */
  better: "low" | "high" | null;
  /** Fewest contracts behind a buyer's value for it to count. */
  minContracts: number;
  /** The practice usually behind the best quartile (French). */
  bestPractice: string;
}

export const MIN_CONTRACTS = 3;

export const KPI_GROUP_LABELS: Record<KpiGroup, [string, string]> = {
  concurrence: ["Concurrence", "Competition"],
  procedures: ["Procédures", "Procedures"],
  responsables: ["Achats responsables", "Responsible purchasing"],
  marches: ["Marchés et titulaires", "Contracts and holders"],
};

export const KPIS: readonly KpiDef[] = [
  {
    key: "singleBidRate",
    group: "concurrence",
    label: "Taux d'offre unique",
    labelEn: "Single-bid rate",
    unit: "%",
    better: "low",
    minContracts: MIN_CONTRACTS,
    bestPractice:
      "Sourcing avant la consultation, allotissement, délais de remise suffisants, publicité au-delà du minimum et cahier des charges fonctionnel.",
  },
  {
    key: "averageBids",
    group: "concurrence",
    label: "Nombre moyen d'offres",
    labelEn: "Average bids",
    unit: "count",
    better: "high",
    minContracts: MIN_CONTRACTS,
    bestPractice:
      "Consultations connues des entreprises (profil acheteur, rencontres fournisseurs), lots à la taille des PME, critères clairs.",
  },
  {
    key: "directAwardShare",
    group: "concurrence",
    label: "Part des marchés sans publicité ni mise en concurrence",
    labelEn: "Direct-award share",
    unit: "%",
    better: "low",
    minContracts: MIN_CONTRACTS,
    bestPractice:
      "Anticiper les besoins (programmation annuelle) pour éviter l'urgence, et documenter chaque recours à l'article R2122.",
  },
  {
    key: "mapaShare",
    group: "procedures",
    label: "Part des procédures adaptées (MAPA)",
    labelEn: "MAPA share",
    unit: "%",
    better: null,
    minContracts: MIN_CONTRACTS,
    bestPractice: "Profil des procédures : à lire avec la taille des marchés.",
  },
  {
    key: "tenderShare",
    group: "procedures",
    label: "Part des appels d'offres",
    labelEn: "Open and restricted tenders",
    unit: "%",
    better: null,
    minContracts: MIN_CONTRACTS,
    bestPractice: "Profil des procédures : dépend du volume des achats au-dessus des seuils européens.",
  },
  {
    key: "negotiatedShare",
    group: "procedures",
    label: "Part des procédures avec négociation",
    labelEn: "Negotiated procedures",
    unit: "%",
    better: null,
    minContracts: MIN_CONTRACTS,
    bestPractice: "Profil des procédures.",
  },
  {
    key: "frameworkShare",
    group: "procedures",
    label: "Part des accords-cadres",
    labelEn: "Framework agreements",
    unit: "%",
    better: null,
    minContracts: MIN_CONTRACTS,
    bestPractice:
      "Les accords-cadres pluriannuels regroupent les besoins récurrents ; un taux élevé va souvent avec une programmation des achats.",
  },
  {
    key: "smeShare",
    group: "responsables",
    label: "Part des marchés attribués à des PME",
    labelEn: "SME share",
    unit: "%",
    better: "high",
    minContracts: MIN_CONTRACTS,
    bestPractice: "Allotissement, avances, délais de paiement tenus, réponse simplifiée (DUME, MPS).",
  },
  {
    key: "environmentalRate",
    group: "responsables",
    label: "Marchés avec considération environnementale",
    labelEn: "Environmental consideration",
    unit: "%",
    better: "high",
    minContracts: MIN_CONTRACTS,
    bestPractice:
      "Clause et critère environnementaux types dans chaque modèle de cahier des charges (PNAD : 100 % ; loi Climat et résilience à partir du 21/08/2026).",
  },
  {
    key: "socialRate",
    group: "responsables",
    label: "Marchés avec considération sociale",
    labelEn: "Social consideration",
    unit: "%",
    better: "high",
    minContracts: MIN_CONTRACTS,
    bestPractice:
      "Facilitateur des clauses sociales, marchés réservés (SIAE, ESAT), clause d'insertion dans les travaux (PNAD : 30 %).",
  },
  {
    key: "top5HolderShare",
    group: "marches",
    label: "Part des 5 premiers titulaires (montant)",
    labelEn: "Top-5 holders' share",
    unit: "%",
    better: "low",
    minContracts: 10,
    bestPractice:
      "Élargir le sourcing et allotir ; une forte concentration peut aussi refléter quelques gros marchés de travaux.",
  },
  {
    key: "amendmentRate",
    group: "marches",
    label: "Part des marchés modifiés (avenants)",
    labelEn: "Amended contracts",
    unit: "%",
    better: "low",
    minContracts: MIN_CONTRACTS,
    bestPractice:
      "Définition précise du besoin, études préalables (travaux) et clauses de réexamen prévues dès le marché.",
  },
  {
    key: "averageAmount",
    group: "marches",
    label: "Montant moyen d'un marché",
    labelEn: "Average contract amount",
    unit: "EUR",
    better: null,
    minContracts: MIN_CONTRACTS,
    bestPractice: "Profil : à lire avec la taille de la collectivité.",
  },
  {
    key: "contracts",
    group: "marches",
    label: "Marchés notifiés dans l'année",
    labelEn: "Contracts notified in the year",
    unit: "count",
    better: null,
    minContracts: 1,
    bestPractice: "Profil : volume de marchés publiés.",
  },
];

export const KPI_KEYS: readonly KpiKey[] = KPIS.map((k) => k.key);

export function kpiDef(key: KpiKey): KpiDef {
  return KPIS.find((k) => k.key === key) as KpiDef;
}

/** The fields of a contract the KPIs need (from DECP or the buyer's register). */
export interface PeerContract {
  /** SIRET or SIREN of the buyer. */
  buyerId: string | null;
  buyerName: string | null;
  /** Notification day number. */
  notificationDate: number | null;
  procedure: Procedure | null;
  bidsReceived: number | null;
  amountCents: number | null;
  /** First titulaire: SIREN when known, else normalised name. */
  holderKey: string | null;
  sme: boolean | null;
  environmental: boolean | null;
  social: boolean | null;
  /** true amended, false not amended, null unknown (the source says nothing). */
  amended: boolean | null;
  framework: boolean;
}

const FRAMEWORK = /accord[\s-]*cadre|marche subsequent/i;
const NO_COMPETITION: Procedure = "Marché passé sans publicité ni mise en concurrence préalable";

export function holderKeyOf(id: string | null, name: string | null): string | null {
  if (id !== null && /^\d{9}/.test(id)) return id.slice(0, 9);
  if (id !== null && id !== "") return id;
  return name === null ? null : normalizeKey(name) || null;
}

/**
 * A register or DECP contract as a PeerContract. `amendmentsKnown`: the source records
 * modifications (a DECP file, a register with an amended-amount column); otherwise amended is null.
 */
export function peerContractOf(c: ContractLine, amendmentsKnown: boolean): PeerContract {
  const first = c.holders[0] ?? { id: c.supplierId, name: c.supplierName };
  return {
    buyerId: c.entityId,
    buyerName: c.entity,
    notificationDate: c.notificationDate,
    procedure: c.procedure,
    bidsReceived: c.bidsReceived,
    amountCents: c.amountCents,
    holderKey: holderKeyOf(first.id, first.name),
    sme: c.sme,
    environmental: c.environmentalConsideration,
    social: c.socialConsideration,
    amended: c.amendedAmountCents !== null ? true : amendmentsKnown ? false : null,
    framework: c.techniques !== null && FRAMEWORK.test(normalizeKey(c.techniques)),
  };
}

/** Running totals of one buyer in one year (bounded: one map entry per titulaire). */
export interface KpiAccumulator {
  contracts: number;
  procedureKnown: number;
  mapa: number;
  tender: number;
  negotiated: number;
  direct: number;
  competitiveWithBids: number;
  singleBid: number;
  bidsSum: number;
  framework: number;
  smeKnown: number;
  sme: number;
  envKnown: number;
  env: number;
  socialKnown: number;
  social: number;
  amendKnown: number;
  amended: number;
  amountCount: number;
  amountCents: number;
  /** Contracts with an amount and a titulaire. */
  holderContracts: number;
  holders: Map<string, number>;
}

export function newAccumulator(): KpiAccumulator {
  return {
    contracts: 0,
    procedureKnown: 0,
    mapa: 0,
    tender: 0,
    negotiated: 0,
    direct: 0,
    competitiveWithBids: 0,
    singleBid: 0,
    bidsSum: 0,
    framework: 0,
    smeKnown: 0,
    sme: 0,
    envKnown: 0,
    env: 0,
    socialKnown: 0,
    social: 0,
    amendKnown: 0,
    amended: 0,
    amountCount: 0,
    amountCents: 0,
    holderContracts: 0,
    holders: new Map(),
  };
}

export function accumulate(acc: KpiAccumulator, c: PeerContract): void {
  acc.contracts++;
  const p = c.procedure;
  if (p !== null) {
    acc.procedureKnown++;
    if (p === "Procédure adaptée") acc.mapa++;
    else if (p === "Appel d'offres ouvert" || p === "Appel d'offres restreint") acc.tender++;
    else if (p === "Procédure avec négociation" || p === "Dialogue compétitif") acc.negotiated++;
    else if (p === NO_COMPETITION) acc.direct++;
    if (p !== NO_COMPETITION && c.bidsReceived !== null && c.bidsReceived >= 1) {
      acc.competitiveWithBids++;
      acc.bidsSum += c.bidsReceived;
      if (c.bidsReceived === 1) acc.singleBid++;
    }
  }
  if (c.framework) acc.framework++;
  if (c.sme !== null) {
    acc.smeKnown++;
    if (c.sme) acc.sme++;
  }
  if (c.environmental !== null) {
    acc.envKnown++;
    if (c.environmental) acc.env++;
  }
  if (c.social !== null) {
    acc.socialKnown++;
    if (c.social) acc.social++;
  }
  if (c.amended !== null) {
    acc.amendKnown++;
    if (c.amended) acc.amended++;
  }
  if (c.amountCents !== null) {
    acc.amountCount++;
    acc.amountCents += c.amountCents;
    if (c.holderKey !== null) {
      acc.holderContracts++;
      acc.holders.set(c.holderKey, (acc.holders.get(c.holderKey) ?? 0) + c.amountCents);
    }
  }
}

export interface KpiValue {
  value: number;
  /** Contracts behind the value. */
  n: number;
}

export type KpiValues = Partial<Record<KpiKey, KpiValue>>;

function share(part: number, whole: number): number {
  return Math.round((part / whole) * 100 * 10_000) / 10_000;
}

/** The KPIs of an accumulator; a KPI below its minimum number of contracts is left out. */
export function kpisOf(acc: KpiAccumulator): KpiValues {
  const out: KpiValues = {};
  const set = (key: KpiKey, n: number, value: () => number) => {
    if (n >= kpiDef(key).minContracts && n > 0) out[key] = { value: value(), n };
  };
  set("singleBidRate", acc.competitiveWithBids, () =>
    share(acc.singleBid, acc.competitiveWithBids)
  );
  set(
    "averageBids",
    acc.competitiveWithBids,
    () => Math.round((acc.bidsSum / acc.competitiveWithBids) * 100) / 100
  );
  set("directAwardShare", acc.procedureKnown, () => share(acc.direct, acc.procedureKnown));
  set("mapaShare", acc.procedureKnown, () => share(acc.mapa, acc.procedureKnown));
  set("tenderShare", acc.procedureKnown, () => share(acc.tender, acc.procedureKnown));
  set("negotiatedShare", acc.procedureKnown, () => share(acc.negotiated, acc.procedureKnown));
  set("frameworkShare", acc.contracts, () => share(acc.framework, acc.contracts));
  set("smeShare", acc.smeKnown, () => share(acc.sme, acc.smeKnown));
  set("environmentalRate", acc.envKnown, () => share(acc.env, acc.envKnown));
  set("socialRate", acc.socialKnown, () => share(acc.social, acc.socialKnown));
  let holderCents = 0;
  for (const v of acc.holders.values()) holderCents += v;
  if (holderCents > 0) {
    const top5 = [...acc.holders.values()]
      .sort((a, b) => b - a)
      .slice(0, 5)
      .reduce((s, v) => s + v, 0);
    set("top5HolderShare", acc.holderContracts, () => share(top5, holderCents));
  }
  set("amendmentRate", acc.amendKnown, () => share(acc.amended, acc.amendKnown));
  set("averageAmount", acc.amountCount, () => Math.round(acc.amountCents / acc.amountCount) / 100);
  set("contracts", acc.contracts, () => acc.contracts);
  return out;
}

/** Year of a contract for the KPIs (its notification year), or null. */
export function kpiYear(c: PeerContract): number | null {
  return c.notificationDate === null ? null : yearOfDay(c.notificationDate);
}
