/**
 * Where the buyer stands (issue #15 §3): its contract KPIs beside the quartiles of its category
 * in the referentiel and, when peers' fiches were imported, beside the peer group's.
 *
 * - The buyer: the SIREN given by the user, else the SIREN that notified most contracts in the
 *   period (ties: the smallest SIREN); its contracts of the period are the KPIs' base.
 * - Category and population band from the DGCL table and the SIREN (categories.ts); the user may
 *   give the category and the population.
 * - Colours: for a KPI with a better end, best quartile → good, worst → alert, middle → watch;
 *   profile KPIs (no better end) → neutral.
 * - Peer group: the imported fiches other than the buyer's own (same SIREN and period); its
 *   quartiles are shown from MIN_BUYERS fiches on.
 */
import { render } from "../messages/render";
import { yearOfDay } from "../dates";
import type { IndicatorResult } from "../indicators/types";
import type { ContractLine } from "../model";
import type { Period } from "../period";
import {
  bandLabel,
  bandOf,
  categoryLabel,
  classifyBuyer,
  sirenOfId,
  CATEGORY_LABELS,
  type BuyerCategory,
  type ClassificationBasis,
} from "./categories";
import type { DgclTable } from "./dgcl";
import { FICHE_INDICATORS, makeFiche, type Fiche } from "./fiche";
import {
  accumulate,
  kpisOf,
  newAccumulator,
  peerContractOf,
  KPIS,
  type KpiGroup,
  type KpiValues,
} from "./kpis";
import { lookupDistribution, type Referentiel } from "./referentiel";
import { MIN_BUYERS, positionOf, summarize, type Distribution, type Position } from "./quantiles";

export type Colour = "good" | "watch" | "alert" | "neutral";

export interface GroupFigures {
  /** e.g. "Commune, 10 000 à 19 999 hab., 2019". */
  label: string;
  year: number | null;
  distribution: Distribution;
}

export interface ComparisonRow {
  key: string;
  group: KpiGroup | "analyse";
  label: string;
  unit: "%" | "count" | "EUR" | "EUR/hab";
  better: "low" | "high" | null;
  value: number | null;
  /** Contracts behind the buyer's value. */
  n: number | null;
  /** Why the value is missing (French). */
  na: string | null;
  national: GroupFigures | null;
  position: Position | null;
  colour: Colour | null;
  peers: GroupFigures | null;
  peerPosition: Position | null;
  peerColour: Colour | null;
  /** "≤ 12,5" style bound of the best quartile (national, else peers). */
  bestQuartile: string | null;
  bestPractice: string;
}

export interface ComparisonView {
  buyer: {
    name: string;
    siren: string | null;
    category: BuyerCategory;
    categoryLabel: string;
    band: string;
    bandLabel: string;
    population: number | null;
    basis: ClassificationBasis | "utilisateur" | null;
    contracts: number;
  };
  period: { label: string; year: number };
  referentiel: {
    name: string;
    label: string;
    builtOn: string;
    indicative: boolean;
    sources: string;
    method: string;
  } | null;
  peers: { count: number; excludedOwn: number; categories: string } | null;
  rows: ComparisonRow[];
  fiche: Fiche;
  notes: string[];
}

export interface ComparisonOptions {
  contracts: readonly ContractLine[];
  period: Period;
  indicators: readonly IndicatorResult[];
  referentiel: Referentiel | null;
  /** File name of the referentiel, or « référentiel par défaut ». */
  referentielName: string;
  dgcl: DgclTable | null;
  peers: readonly Fiche[];
  siren?: string | null;
  category?: BuyerCategory | null;
  population?: number | null;
  /** ISO date of the run (for the fiche). */
  runDate: string;
  producer: string;
  anonymised?: boolean;
}

function colourOf(better: "low" | "high" | null, p: Position | null): Colour | null {
  if (p === null) return null;
  if (better === null) return "neutral";
  const best = better === "low" ? 1 : 4;
  const worst = better === "low" ? 4 : 1;
  return p.quartile === best ? "good" : p.quartile === worst ? "alert" : "watch";
}

function fmt(x: number): string {
  return String(Math.round(x * 100) / 100).replace(".", ",");
}

function bestBound(better: "low" | "high" | null, d: Distribution | null, unit: string): string | null {
  if (better === null || d === null) return null;
  const u = unit === "%" ? " %" : unit === "EUR" ? " €" : "";
  return better === "low" ? `≤ ${fmt(d.q1)}${u}` : `≥ ${fmt(d.q3)}${u}`;
}

/** The buyer's SIREN and name: the one given, else the SIREN with most contracts in the period. */
export function pickBuyer(
  contracts: readonly ContractLine[],
  siren: string | null | undefined
): { siren: string | null; name: string } {
  const counts = new Map<string, { n: number; name: string }>();
  const names = new Map<string, number>();
  for (const c of contracts) {
    names.set(c.entity, (names.get(c.entity) ?? 0) + 1);
    const s = sirenOfId(c.entityId);
    if (s === null) continue;
    const e = counts.get(s) ?? { n: 0, name: c.entity };
    e.n++;
    counts.set(s, e);
  }
  const given = sirenOfId(siren ?? null);
  if (given !== null) return { siren: given, name: counts.get(given)?.name ?? given };
  const best = [...counts.entries()].sort((a, b) => b[1].n - a[1].n || (a[0] < b[0] ? -1 : 1))[0];
  if (best) return { siren: best[0], name: best[1].name };
  const name = [...names.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "Collectivité";
  return { siren: null, name };
}

function groupLabel(category: string, band: string, year: number | null): string {
  return [categoryLabel(category), band === "all" ? null : bandLabel(band), year === null ? null : String(year)]
    .filter((x) => x !== null)
    .join(", ");
}

export function buildComparison(o: ComparisonOptions): ComparisonView {
  const year = yearOfDay(o.period.end);
  const inPeriod = o.contracts.filter(
    (c) => c.notificationDate !== null && c.notificationDate >= o.period.start && c.notificationDate <= o.period.end
  );
  const buyer = pickBuyer(inPeriod.length > 0 ? inPeriod : o.contracts, o.siren);
  const own =
    buyer.siren === null ? inPeriod : inPeriod.filter((c) => sirenOfId(c.entityId) === buyer.siren);
  const amendmentsKnown = own.some((c) => c.amendedAmountCents !== null);
  const acc = newAccumulator();
  for (const c of own) accumulate(acc, peerContractOf(c, amendmentsKnown));
  const kpis: KpiValues = kpisOf(acc);

  const cls = classifyBuyer(buyer.siren, buyer.name, o.dgcl);
  const category = o.category ?? cls.category;
  const population = o.population ?? cls.population;
  const band = bandOf(category, population);
  const basis = o.category ? "utilisateur" : cls.basis;

  const ownKey = (f: Fiche) => f.siren !== null && f.siren === buyer.siren && f.period.label === o.period.label;
  const peers = o.peers.filter((f) => !ownKey(f));
  const rows: ComparisonRow[] = [];
  for (const def of KPIS) {
    const v = kpis[def.key] ?? null;
    const found = o.referentiel ? lookupDistribution(o.referentiel, category, band, year, def.key) : null;
    const national: GroupFigures | null = found
      ? {
          label: groupLabel(found.group.category, found.group.band, found.group.year),
          year: found.group.year,
          distribution: found.distribution,
        }
      : null;
    const peerD = summarize(
      peers.flatMap((f) => (f.kpis[def.key] ? [f.kpis[def.key]!.value] : [])),
      MIN_BUYERS
    );
    const peerFig: GroupFigures | null = peerD ? { label: "Pairs (fiches importées)", year: null, distribution: peerD } : null;
    const position = v && national ? positionOf(v.value, national.distribution) : null;
    const peerPosition = v && peerD ? positionOf(v.value, peerD) : null;
    rows.push({
      key: def.key,
      group: def.group,
      label: def.label,
      unit: def.unit,
      better: def.better,
      value: v ? v.value : null,
      n: v ? v.n : null,
      na: v ? null : naReason(def.key, def.minContracts),
      national,
      position,
      colour: colourOf(def.better, position),
      peers: peerFig,
      peerPosition,
      peerColour: colourOf(def.better, peerPosition),
      bestQuartile: bestBound(def.better, national?.distribution ?? peerD, def.unit),
      bestPractice: def.bestPractice,
    });
  }
  const indicatorValues: Record<string, number | null> = {};
  for (const def of FICHE_INDICATORS) {
    const ind = o.indicators.find((i) => i.id === def.id);
    indicatorValues[def.id] = ind && typeof ind.value === "number" ? ind.value : null;
    const value = indicatorValues[def.id];
    const peerD = summarize(
      peers.flatMap((f) => (typeof f.indicators[def.id] === "number" ? [f.indicators[def.id] as number] : [])),
      MIN_BUYERS
    );
    const peerPosition = value !== null && peerD ? positionOf(value, peerD) : null;
    rows.push({
      key: def.id,
      group: "analyse",
      label: `${def.id} · ${def.label}`,
      unit: def.unit,
      better: def.better,
      value,
      n: null,
      na: value === null ? (ind?.na ? render("fr", ind.na) : "Indicateur non calculé") : null,
      national: null,
      position: null,
      colour: null,
      peers: peerD ? { label: "Pairs (fiches importées)", year: null, distribution: peerD } : null,
      peerPosition,
      peerColour: colourOf(def.better, peerPosition),
      bestQuartile: bestBound(def.better, peerD, def.unit),
      bestPractice: "Comparé aux pairs seulement (ces données ne sont pas dans les DECP).",
    });
  }
  const fiche = makeFiche({
    createdOn: o.runDate,
    producer: o.producer,
    anonymised: o.anonymised ?? false,
    name: buyer.name,
    siren: buyer.siren,
    category,
    band,
    population,
    period: { label: o.period.label, year },
    kpis,
    indicators: indicatorValues,
  });
  const notes: string[] = [];
  if (buyer.siren === null)
    notes.push(
      "Aucun SIREN d'acheteur dans les marchés : la catégorie vient du nom ; indiquez le SIREN (--siren) pour une comparaison exacte."
    );
  if (own.length === 0)
    notes.push("Aucun marché notifié dans la période pour cet acheteur : ses indicateurs de marchés sont N/D.");
  const ref = o.referentiel;
  return {
    buyer: {
      name: buyer.name,
      siren: buyer.siren,
      category,
      categoryLabel: CATEGORY_LABELS[category],
      band,
      bandLabel: bandLabel(band),
      population,
      basis,
      contracts: own.length,
    },
    period: { label: o.period.label, year },
    referentiel: ref
      ? {
          name: o.referentielName,
          label: ref.label,
          builtOn: ref.builtOn,
          indicative: ref.indicative,
          sources: ref.sources
            .map((s) => `${s.label} (${s.contracts} marchés, ${s.buyers} acheteurs, ${s.years.join(", ")})`)
            .join(" ; "),
          method: `${ref.method.quantiles} ; au moins ${ref.method.minBuyers} acheteurs par chiffre, ${ref.method.minContracts} marchés par acheteur ; unité : ${ref.method.unit}`,
        }
      : null,
    peers:
      o.peers.length > 0
        ? {
            count: peers.length,
            excludedOwn: o.peers.length - peers.length,
            categories: summarizeCategories(peers),
          }
        : null,
    rows,
    fiche,
    notes,
  };
}

function summarizeCategories(fiches: readonly Fiche[]): string {
  const counts = new Map<string, number>();
  for (const f of fiches) counts.set(categoryLabel(f.category), (counts.get(categoryLabel(f.category)) ?? 0) + 1);
  return [...counts.entries()].map(([k, n]) => `${k} : ${n}`).join(", ");
}

function naReason(key: string, min: number): string {
  if (key === "singleBidRate" || key === "averageBids")
    return `Moins de ${min} marchés concurrentiels avec le nombre d'offres reçues`;
  if (key === "smeShare") return `Moins de ${min} marchés avec l'information PME`;
  if (key === "environmentalRate" || key === "socialRate")
    return `Moins de ${min} marchés avec les considérations renseignées (format DECP 2024)`;
  if (key === "amendmentRate") return "Les marchés ne renseignent pas les modifications";
  return `Moins de ${min} marchés avec la donnée`;
}
