/**
 * Buyer categories and population bands (issue #15 §1).
 *
 * A buyer is classified from its SIREN (the first 9 digits of its SIRET), in this order:
 * 1. the DGCL table: a member commune → commune; an EPCI → CC, CA, CU or métropole (METRO, MET69);
 * 2. the SIREN numbering of local public bodies: 21… commune, 22… département, 23… région,
 *    28… service départemental d'incendie et de secours;
 * 3. the buyer's name (CCAS/CIAS, SDIS, centre hospitalier, syndicat, département, région,
 *    commune/mairie/ville, communauté de communes/d'agglomération/urbaine, métropole);
 * 4. the remaining numbering: 24… and 25… syndicat (EPCI à fiscalité propre are all in the DGCL
 *    table), anything else → autre.
 * The rule that classified the buyer is kept (`basis`) so that the sheet can explain it.
 */
import { normalizeKey } from "../text";
import type { DgclTable } from "./dgcl";

export type BuyerCategory =
  | "commune"
  | "cc"
  | "ca"
  | "cu"
  | "metropole"
  | "syndicat"
  | "departement"
  | "region"
  | "ccas"
  | "sdis"
  | "hopital"
  | "autre";

export const BUYER_CATEGORIES: readonly BuyerCategory[] = [
  "commune",
  "cc",
  "ca",
  "cu",
  "metropole",
  "syndicat",
  "departement",
  "region",
  "ccas",
  "sdis",
  "hopital",
  "autre",
];

export const CATEGORY_LABELS: Record<BuyerCategory, string> = {
  commune: "Commune",
  cc: "Communauté de communes",
  ca: "Communauté d'agglomération",
  cu: "Communauté urbaine",
  metropole: "Métropole",
  syndicat: "Syndicat",
  departement: "Département",
  region: "Région",
  ccas: "CCAS / CIAS",
  sdis: "SDIS",
  hopital: "Établissement de santé",
  autre: "Autre acheteur",
};

export type ClassificationBasis = "dgcl" | "siren" | "nom";

export interface BuyerClass {
  siren: string | null;
  category: BuyerCategory;
  basis: ClassificationBasis | null;
  /** Population from the DGCL table (communes and EPCI); null otherwise. */
  population: number | null;
  /** Population band key (communes and EPCI with a population), else "all". */
  band: string;
  /** SIREN of the commune's EPCI (or the EPCI itself). */
  epciSiren: string | null;
}

export interface PopulationBand {
  key: string;
  label: string;
  /** Inclusive lower bound. */
  min: number;
  /** Exclusive upper bound (Infinity for the last band). */
  max: number;
}

/** Commune bands: the DGCL's strates, the four smallest merged in pairs. */
export const COMMUNE_BANDS: readonly PopulationBand[] = [
  { key: "c-0", label: "moins de 3 500 hab.", min: 0, max: 3_500 },
  { key: "c-3500", label: "3 500 à 9 999 hab.", min: 3_500, max: 10_000 },
  { key: "c-10000", label: "10 000 à 19 999 hab.", min: 10_000, max: 20_000 },
  { key: "c-20000", label: "20 000 à 49 999 hab.", min: 20_000, max: 50_000 },
  { key: "c-50000", label: "50 000 à 99 999 hab.", min: 50_000, max: 100_000 },
  { key: "c-100000", label: "100 000 hab. et plus", min: 100_000, max: Infinity },
];

/** EPCI bands: the DGCL's strates of groupements à fiscalité propre. */
export const EPCI_BANDS: readonly PopulationBand[] = [
  { key: "e-0", label: "moins de 15 000 hab.", min: 0, max: 15_000 },
  { key: "e-15000", label: "15 000 à 29 999 hab.", min: 15_000, max: 30_000 },
  { key: "e-30000", label: "30 000 à 49 999 hab.", min: 30_000, max: 50_000 },
  { key: "e-50000", label: "50 000 à 99 999 hab.", min: 50_000, max: 100_000 },
  { key: "e-100000", label: "100 000 à 299 999 hab.", min: 100_000, max: 300_000 },
  { key: "e-300000", label: "300 000 hab. et plus", min: 300_000, max: Infinity },
];

export const ALL = "all";

const EPCI_CATEGORIES: readonly BuyerCategory[] = ["cc", "ca", "cu", "metropole"];

export function hasPopulationBands(category: BuyerCategory): boolean {
  return category === "commune" || EPCI_CATEGORIES.includes(category);
}

/** Band key of a population for a category ("all" when the category has no bands). */
export function bandOf(category: BuyerCategory, population: number | null): string {
  if (population === null || !hasPopulationBands(category)) return ALL;
  const bands = category === "commune" ? COMMUNE_BANDS : EPCI_BANDS;
  return bands.find((b) => population >= b.min && population < b.max)?.key ?? ALL;
}

export function bandLabel(key: string): string {
  if (key === ALL) return "toutes tailles";
  return [...COMMUNE_BANDS, ...EPCI_BANDS].find((b) => b.key === key)?.label ?? key;
}

export function categoryLabel(key: string): string {
  if (key === ALL) return "tous acheteurs";
  return CATEGORY_LABELS[key as BuyerCategory] ?? key;
}

export function isBuyerCategory(value: unknown): value is BuyerCategory {
  return typeof value === "string" && (BUYER_CATEGORIES as readonly string[]).includes(value);
}

const NAME_RULES: [RegExp, BuyerCategory][] = [
  [/\b(ccas|cias)\b|centre (communal|intercommunal) d action sociale/, "ccas"],
  [/\b(sdis|sdmis)\b|incendie et (de )?secours/, "sdis"],
  [/centre hospitalier|\b(chu|chr|chi|ghu?)\b|hopital|hopitaux|groupe hospitalier/, "hopital"],
  [/communaute de communes|\bcc\b|communaute des communes/, "cc"],
  [/communaute d agglomeration|\bagglo(meration)?\b/, "ca"],
  [/communaute urbaine/, "cu"],
  [/metropole/, "metropole"],
  [
    /\bsyndicat\b|\b(sivu|sivom|sictom|smictom|smirtom|sm|smo|sydev|sydec)\b|syndicat mixte|\bsyd/,
    "syndicat",
  ],
  [/\bdepartement\b|conseil departemental|\bdpt ?\d/, "departement"],
  [/\bregion\b|conseil regional/, "region"],
  [/\bcommune\b|\bmairie\b|\bville\b/, "commune"],
];

/** Category from the buyer's name alone; null when no rule matches. */
export function categoryFromName(name: string | null): BuyerCategory | null {
  if (name === null) return null;
  const key = normalizeKey(name).replace(/['’]/g, " ");
  for (const [re, cat] of NAME_RULES) if (re.test(key)) return cat;
  return null;
}

function categoryFromNature(nature: string): BuyerCategory {
  if (nature === "CC") return "cc";
  if (nature === "CA") return "ca";
  if (nature === "CU") return "cu";
  return "metropole";
}

/** SIREN (9 digits) of a SIRET or SIREN, or null. */
export function sirenOfId(id: string | null | undefined): string | null {
  if (!id) return null;
  const digits = id.replace(/\s+/g, "");
  return /^\d{9}(\d{5})?$/.test(digits) ? digits.slice(0, 9) : null;
}

/** Classifies a buyer from its SIREN/SIRET and name. */
export function classifyBuyer(
  id: string | null,
  name: string | null,
  dgcl: DgclTable | null
): BuyerClass {
  const siren = sirenOfId(id);
  const make = (
    category: BuyerCategory,
    basis: ClassificationBasis | null,
    population: number | null = null,
    epciSiren: string | null = null
  ): BuyerClass => ({
    siren,
    category,
    basis,
    population,
    band: bandOf(category, population),
    epciSiren,
  });
  if (siren !== null && dgcl !== null) {
    const e = dgcl.epci.get(siren);
    if (e) return make(categoryFromNature(e.nature), "dgcl", e.population, e.siren);
    const c = dgcl.communes.get(siren);
    if (c) return make("commune", "dgcl", c.population, c.epci);
  }
  if (siren !== null) {
    if (siren.startsWith("21")) return make("commune", "siren");
    if (siren.startsWith("22")) return make("departement", "siren");
    if (siren.startsWith("23")) return make("region", "siren");
    if (siren.startsWith("28")) return make("sdis", "siren");
  }
  const byName = categoryFromName(name);
  if (byName !== null) return make(byName, "nom");
  if (siren !== null && (siren.startsWith("24") || siren.startsWith("25")))
    return make("syndicat", "siren");
  return make("autre", null);
}
