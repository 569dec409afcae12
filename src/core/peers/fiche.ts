/**
 * The fiche de comparaison (issue #15 §4): one row of KPIs a buyer can e-mail to its peers —
 * category, population band, period and ratios, never a supplier name, and no amount that could
 * identify a contract. Nothing is sent anywhere: the buyer writes the file and chooses whom to give it to.
 *
 * Rules:
 * - the average contract amount is kept only when it comes from at least FICHE_MIN_CONTRACTS
 *   contracts, rounded to the nearest 1 000 €; no total amount is written;
 * - anonymised fiche: no name, no SIREN, no exact population (the band stays); the number of
 *   contracts (and each KPI's count) is rounded down to a multiple of 5;
 * - the analysis headline figures kept are ratios (PF1, SP4, SP5, MU1, PF8, RE4) and spend per
 *   inhabitant (TE1), rounded to one decimal.
 */
import { bandLabel, categoryLabel, isBuyerCategory, type BuyerCategory } from "./categories";
import { KPI_KEYS, type KpiKey, type KpiValue, type KpiValues } from "./kpis";

export const FICHE_FORMAT = "optima-achats/fiche";
export const FICHE_MIN_CONTRACTS = 5;

/** Headline indicators of the analysis that a fiche carries (compared between peers only). */
export const FICHE_INDICATORS: readonly {
  id: string;
  label: string;
  unit: "%" | "EUR/hab";
  better: "low" | "high" | null;
}[] = [
  { id: "PF1", label: "Dépense sous contrat", unit: "%", better: "high" },
  { id: "SP4", label: "Part des 5 premiers fournisseurs (dépense)", unit: "%", better: null },
  { id: "SP5", label: "Dépense de longue traîne", unit: "%", better: "low" },
  { id: "MU1", label: "Taux de mutualisation", unit: "%", better: "high" },
  { id: "PF8", label: "Factures payées en retard", unit: "%", better: "low" },
  { id: "RE4", label: "Fournisseurs locaux (dépense)", unit: "%", better: null },
  { id: "TE1", label: "Dépense par habitant", unit: "EUR/hab", better: null },
];

export interface Fiche {
  format: typeof FICHE_FORMAT;
  version: 1;
  /** ISO date the fiche was written. */
  createdOn: string;
  producer: string;
  anonymised: boolean;
  /** Buyer name, or « Collectivité anonyme ». */
  label: string;
  siren: string | null;
  category: BuyerCategory;
  band: string;
  population: number | null;
  period: { label: string; year: number };
  kpis: KpiValues;
  /** Analysis headline values by indicator id (null = not available). */
  indicators: Record<string, number | null>;
}

export interface FicheInput {
  createdOn: string;
  producer: string;
  anonymised: boolean;
  name: string | null;
  siren: string | null;
  category: BuyerCategory;
  band: string;
  population: number | null;
  period: { label: string; year: number };
  kpis: KpiValues;
  indicators: Record<string, number | null>;
}

function floor5(n: number): number {
  return Math.floor(n / 5) * 5;
}

export function makeFiche(input: FicheInput): Fiche {
  const kpis: KpiValues = {};
  for (const key of KPI_KEYS) {
    const v = input.kpis[key];
    if (!v) continue;
    let out: KpiValue = { ...v };
    if (key === "averageAmount") {
      if (v.n < FICHE_MIN_CONTRACTS) continue;
      out = { value: Math.round(v.value / 1000) * 1000, n: v.n };
    }
    if (input.anonymised) {
      out = { value: key === "contracts" ? floor5(out.value) : out.value, n: floor5(out.n) };
      if (key === "contracts" && out.value === 0) continue;
    }
    kpis[key] = out;
  }
  const indicators: Record<string, number | null> = {};
  for (const def of FICHE_INDICATORS) {
    const v = input.indicators[def.id];
    indicators[def.id] = typeof v === "number" && Number.isFinite(v) ? Math.round(v * 10) / 10 : null;
  }
  return {
    format: FICHE_FORMAT,
    version: 1,
    createdOn: input.createdOn,
    producer: input.producer,
    anonymised: input.anonymised,
    label: input.anonymised || !input.name ? "Collectivité anonyme" : input.name,
    siren: input.anonymised ? null : input.siren,
    category: input.category,
    band: input.band,
    population: input.anonymised ? null : input.population,
    period: input.period,
    kpis,
    indicators,
  };
}

/** Key/value rows of a fiche (the "tblFiche" table of fiche.xlsx and of the Comparaison sheet). */
export function ficheRows(f: Fiche): [string, string | number | boolean | null][] {
  const rows: [string, string | number | boolean | null][] = [
    ["format", f.format],
    ["version", f.version],
    ["createdOn", f.createdOn],
    ["producer", f.producer],
    ["anonymised", f.anonymised],
    ["label", f.label],
    ["siren", f.siren],
    ["category", f.category],
    ["categoryLabel", categoryLabel(f.category)],
    ["band", f.band],
    ["bandLabel", bandLabel(f.band)],
    ["population", f.population],
    ["period", f.period.label],
    ["year", f.period.year],
  ];
  for (const key of KPI_KEYS) {
    const v = f.kpis[key];
    rows.push([`kpi.${key}`, v ? v.value : null]);
    rows.push([`kpi.${key}.n`, v ? v.n : null]);
  }
  for (const def of FICHE_INDICATORS) rows.push([`indicator.${def.id}`, f.indicators[def.id] ?? null]);
  return rows;
}

export class FicheFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FicheFormatError";
  }
}

function num(v: unknown): number | null {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v.replace(",", "."))))
    return Number(v.replace(",", "."));
  return null;
}

function str(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  const s = String(v).trim();
  return s === "" ? null : s;
}

/** A fiche from its key/value rows (read back from an .xlsx); throws FicheFormatError. */
export function ficheFromRows(rows: [string, unknown][]): Fiche {
  const map = new Map(rows.map(([k, v]) => [k, v]));
  const kpis: KpiValues = {};
  for (const key of KPI_KEYS) {
    const value = num(map.get(`kpi.${key}`));
    const n = num(map.get(`kpi.${key}.n`));
    if (value !== null) kpis[key] = { value, n: n ?? 0 };
  }
  const indicators: Record<string, number | null> = {};
  for (const def of FICHE_INDICATORS) indicators[def.id] = num(map.get(`indicator.${def.id}`));
  const anonymised = map.get("anonymised");
  return parseFiche({
    format: str(map.get("format")),
    version: num(map.get("version")),
    createdOn: str(map.get("createdOn")) ?? "",
    producer: str(map.get("producer")) ?? "",
    anonymised: anonymised === true || anonymised === "Oui" || anonymised === "true" || anonymised === "TRUE",
    label: str(map.get("label")) ?? "Collectivité anonyme",
    siren: str(map.get("siren")),
    category: str(map.get("category")),
    band: str(map.get("band")) ?? "all",
    population: num(map.get("population")),
    period: { label: str(map.get("period")) ?? "", year: num(map.get("year")) },
    kpis,
    indicators,
  });
}

/** Checks a parsed fiche (JSON); throws FicheFormatError with a French message. */
export function parseFiche(json: unknown): Fiche {
  const fail = (what: string): never => {
    throw new FicheFormatError(
      `n'est pas une fiche de comparaison Optima Achats (${what}). Demandez à la collectivité de l'écrire avec « optima-achats fiche » ou le bouton du volet.`
    );
  };
  if (typeof json !== "object" || json === null) return fail("ce n'est pas un objet JSON");
  const f = json as Record<string, unknown>;
  if (f.format !== FICHE_FORMAT) return fail(`champ « format » différent de « ${FICHE_FORMAT} »`);
  if (f.version !== 1) return fail(`version ${String(f.version)} inconnue`);
  if (!isBuyerCategory(f.category)) return fail(`catégorie d'acheteur inconnue « ${String(f.category)} »`);
  const period = f.period as Record<string, unknown> | undefined;
  if (!period || typeof period.year !== "number" || typeof period.label !== "string")
    return fail("période absente");
  if (typeof f.kpis !== "object" || f.kpis === null) return fail("indicateurs absents");
  for (const [k, v] of Object.entries(f.kpis as object)) {
    if (!(KPI_KEYS as readonly string[]).includes(k)) return fail(`indicateur inconnu « ${k} »`);
    const x = v as Record<string, unknown>;
    if (typeof x?.value !== "number" || !Number.isFinite(x.value)) return fail(`valeur de « ${k} » illisible`);
  }
  if (typeof f.label !== "string") return fail("libellé absent");
  return {
    format: FICHE_FORMAT,
    version: 1,
    createdOn: typeof f.createdOn === "string" ? f.createdOn : "",
    producer: typeof f.producer === "string" ? f.producer : "",
    anonymised: f.anonymised === true,
    label: f.label,
    siren: typeof f.siren === "string" ? f.siren : null,
    category: f.category,
    band: typeof f.band === "string" ? f.band : "all",
    population: typeof f.population === "number" ? f.population : null,
    period: { label: period.label, year: period.year },
    kpis: f.kpis as Partial<Record<KpiKey, KpiValue>>,
    indicators:
      typeof f.indicators === "object" && f.indicators !== null
        ? (f.indicators as Record<string, number | null>)
        : {},
  };
}
