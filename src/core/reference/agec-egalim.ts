/**
 * Dated reference values of two yearly legal duties of responsible purchasing (issue #14):
 *
 * - **AGEC art. 58** (loi n° 2020-105 du 10 février 2020): the State, collectivités and their
 *   groupements buy a minimum share of some product categories from reuse / re-employment or with
 *   recycled materials. Shares are a percentage of the annual spend HT of each category over a
 *   civil year, per category as a whole (not product by product).
 *   - Décret n° 2021-254 du 9 mars 2021: one combined share ("réemploi, réutilisation ou matières
 *     recyclées") and a "dont réemploi" part, 17 lines; applied from 2021 until 30 June 2024.
 *   - Décret n° 2024-134 du 21 février 2024 (JORF du 23 février 2024), in force on 1 July 2024,
 *     repeals it: 17 categories, two separate shares (réemploi/réutilisation; matières recyclées)
 *     rising in steps up to 2030; products of each category listed by the arrêté du 29 février
 *     2024 (JORF du 7 mars 2024); donations may be counted (arrêté du 29 février 2024, grille de
 *     valeurs forfaitaires); yearly declaration on the national open data portal (data.gouv.fr).
 * - **EGalim** (code rural et de la pêche maritime, art. L230-5-1, R230-30-1 to R230-30-3):
 *   meals of public collective catering contain, in value HT of the food purchased over a civil
 *   year, at least 50 % of sustainable and quality products, of which at least 20 % organic
 *   (from 1 January 2022; loi n° 2018-938 art. 24, décret n° 2019-351); since 1 January 2024 at
 *   least 60 % of the meat and fishery products are sustainable and quality (loi n° 2021-1104
 *   "Climat et résilience"; 100 % for the State's own restaurants, not for collectivités).
 *
 * What could not be checked is left **empty** (null): the figures of the annex of décret 2024-134
 * except the textile line, and most "dont réemploi" parts of décret 2021-254. The user types them
 * in the Paramètres sheet (rows "agec.<catégorie>.…"); an empty minimum is shown as "à renseigner",
 * never as 0 %. The textile line of décret 2024-134 (8 % / 20 % from 2024, 15 % / 25 % from 2027,
 * 15 % / 30 % from 2030) was read in the annex's table as reproduced by the Alliance du Commerce
 * (alliancecommerce.org, "commande publique : seuils recyclage", read on 1 December 2026) and
 * cross-checked with the CPME Charente-Maritime note on the decree (8 % re-employment in 2024,
 * 15 % in 2030, 30 % recycled materials in 2030); the JORF text of the annex itself could not be
 * read. Note: the decree's textile category excludes personal protective equipment, which CPV
 * 181… partly covers (see AGEC_CATEGORIES).
 *
 * Rates are percents (0–100); days are day numbers (dates.ts). Data only: no clock, no I/O.
 */
import { dayFromIso } from "../dates";

// ---------------------------------------------------------------------------------------------
// AGEC art. 58

/** Product categories recognised (the decree has 17; those not listed stay "non classées"). */
export type AgecCategoryId =
  | "textiles"
  | "papier"
  | "fournituresBureau"
  | "cartouches"
  | "impression"
  | "informatique"
  | "mobilier"
  | "mobilierUrbain"
  | "electromenager"
  | "transport"
  | "collecteDechets"
  | "sport"
  | "espacesVerts"
  | "batimentsModulaires";

export const AGEC_CATEGORY_IDS: readonly AgecCategoryId[] = [
  "textiles",
  "papier",
  "fournituresBureau",
  "cartouches",
  "impression",
  "informatique",
  "mobilier",
  "mobilierUrbain",
  "electromenager",
  "transport",
  "collecteDechets",
  "sport",
  "espacesVerts",
  "batimentsModulaires",
];

export interface AgecCategoryDef {
  id: AgecCategoryId;
  /** French label of the category (our wording of the decree's category). */
  label: string;
  /**
   * CPV prefixes (8-digit codes without check digit) that put a line in the category. The longest
   * matching prefix over all categories wins. This is Optima Achats' matching rule: the arrêté du
   * 29 février 2024 lists products, not CPV codes.
   */
  cpvPrefixes: readonly string[];
  /** Budget articles (M57/M14 accounts, prefix match) that put a line in the category when it has no CPV. */
  budgetArticles: readonly string[];
  /** What the category covers, in plain French (shown next to the table). */
  scope: string;
}

/** Categories and matching rules. */
export const AGEC_CATEGORIES: readonly AgecCategoryDef[] = [
  {
    id: "textiles",
    label: "Vêtements, linge et chaussures",
    cpvPrefixes: ["181", "182", "183", "184", "188", "3951", "3952"],
    budgetArticles: ["60636"],
    scope: "vêtements de travail, linge de maison, chaussures",
  },
  {
    id: "papier",
    label: "Papier d'impression et de copie, papeterie",
    cpvPrefixes: ["30197630", "30197640", "30197642", "30197643", "30199"],
    budgetArticles: [],
    scope: "ramettes, papier pour photocopie et impression, articles de papeterie",
  },
  {
    id: "fournituresBureau",
    label: "Fournitures de bureau",
    cpvPrefixes: ["30192", "30197"],
    budgetArticles: ["6064"],
    scope: "petites fournitures et petit matériel de bureau",
  },
  {
    id: "cartouches",
    label: "Cartouches d'encre et de toner",
    cpvPrefixes: ["30192110", "30192111", "30192112", "30192113", "30125"],
    budgetArticles: [],
    scope: "cartouches d'encre, toners et consommables d'impression",
  },
  {
    id: "impression",
    label: "Photocopieurs et matériel d'impression",
    cpvPrefixes: ["3012", "30232100", "30232110"],
    budgetArticles: [],
    scope: "photocopieurs, imprimantes, copieurs multifonctions",
  },
  {
    id: "informatique",
    label: "Matériel informatique et téléphonie",
    cpvPrefixes: ["302", "32250", "32552", "38652120"],
    budgetArticles: ["2183"],
    scope:
      "ordinateurs fixes et portables, écrans, serveurs, tablettes, téléphones fixes et mobiles, vidéoprojecteurs",
  },
  {
    id: "mobilier",
    label: "Mobilier (bureau, scolaire, intérieur)",
    cpvPrefixes: ["391"],
    budgetArticles: ["2184"],
    scope: "sièges, tables, bureaux, armoires, rangements, mobilier scolaire",
  },
  {
    id: "mobilierUrbain",
    label: "Mobilier urbain",
    cpvPrefixes: ["34928400", "34928410", "34928420", "34928430", "34928440", "34928450"],
    budgetArticles: [],
    scope: "bancs, abris, jardinières, bornes ; y compris bornes de recharge de véhicules",
  },
  {
    id: "electromenager",
    label: "Appareils électroménagers",
    cpvPrefixes: ["397"],
    budgetArticles: [],
    scope: "gros et petit électroménager",
  },
  {
    id: "transport",
    label: "Engins de transport et pièces détachées",
    cpvPrefixes: ["341", "343", "3441", "3443"],
    budgetArticles: ["2182"],
    scope: "véhicules, vélos, trottinettes, cyclomoteurs et leurs pièces détachées",
  },
  {
    id: "collecteDechets",
    label: "Équipements de collecte des déchets",
    cpvPrefixes: ["34928480", "44613700", "44613800"],
    budgetArticles: [],
    scope: "conteneurs, bacs et corbeilles de collecte",
  },
  {
    id: "sport",
    label: "Articles et équipements sportifs",
    cpvPrefixes: ["374"],
    budgetArticles: [],
    scope: "équipements et articles de sport",
  },
  {
    id: "espacesVerts",
    label: "Matériel d'entretien des espaces verts",
    cpvPrefixes: ["1631", "1616"],
    budgetArticles: [],
    scope: "tondeuses, débroussailleuses, outillage de jardin",
  },
  {
    id: "batimentsModulaires",
    label: "Bâtiments modulaires ou préfabriqués",
    cpvPrefixes: ["44211"],
    budgetArticles: [],
    scope: "bâtiments modulaires, préfabriqués, constructions démontables",
  },
];

/**
 * Minimum shares of one category. Décret 2021-254: `combined2021` (réemploi, réutilisation ou
 * matières recyclées) and `reuseOf2021` (dont réemploi ou réutilisation). Décret 2024-134, by
 * step of its trajectory: réemploi/réutilisation and matières recyclées, from 2024, 2027, 2030.
 * null = not verified: to be typed from the annex of the decree.
 */
export interface AgecCategoryMinimums {
  combined2021: number | null;
  reuseOf2021: number | null;
  reuse2024: number | null;
  recycled2024: number | null;
  reuse2027: number | null;
  recycled2027: number | null;
  reuse2030: number | null;
  recycled2030: number | null;
}

export type AgecReference = { [K in AgecCategoryId]: AgecCategoryMinimums } & {
  /** Citation shown in the Paramètres sheet. */
  source: string;
};

/** Steps of the décret 2024-134 trajectory (first civil year of each step). */
export const AGEC_2024_STEPS = [2024, 2027, 2030] as const;

/** First civil year of décret 2024-134 (in force on 1 July 2024: the 2024 declaration uses it). */
export const AGEC_DECREE_2024_FIRST_YEAR = 2024;

export const AGEC_SOURCE_2021 =
  "Décret n° 2021-254 du 9 mars 2021, annexe (abrogé le 1er juillet 2024)";
export const AGEC_SOURCE_2024 =
  "Décret n° 2024-134 du 21 février 2024, annexe ; arrêté du 29 février 2024 (liste des produits)";

/** Which default values were checked against the text (category → field names). */
export const AGEC_VERIFIED: Readonly<
  Partial<Record<AgecCategoryId, readonly (keyof AgecCategoryMinimums)[]>>
> = {
  // Décret 2021-254: paper 40 % of which 0 % re-employment; office, IT, copiers, cartridges,
  // furniture and textiles 20 % (sources: decree as quoted by papetierdefrance.com, 10 March 2021;
  // echoppe.fr on textiles). The "dont réemploi" parts other than paper were not checked.
  papier: ["combined2021", "reuseOf2021"],
  fournituresBureau: ["combined2021"],
  cartouches: ["combined2021"],
  impression: ["combined2021"],
  informatique: ["combined2021"],
  mobilier: ["combined2021"],
  // Décret 2024-134, textile line (secondary sources quoting the annex, see the file comment).
  textiles: [
    "combined2021",
    "reuse2024",
    "recycled2024",
    "reuse2027",
    "recycled2027",
    "reuse2030",
    "recycled2030",
  ],
};

/** Where the default décret 2024-134 values of a category were read (shown with the minimum). */
export const AGEC_2024_VALUE_SOURCES: Readonly<Partial<Record<AgecCategoryId, string>>> = {
  textiles:
    "valeurs de la ligne « produits textiles, à l'exception des équipements de protection individuelle » de l'annexe, lues dans le tableau reproduit par l'Alliance du Commerce et recoupées avec la CPME Charente-Maritime (consultés le 1er décembre 2026)",
};

function empty(): AgecCategoryMinimums {
  return {
    combined2021: null,
    reuseOf2021: null,
    reuse2024: null,
    recycled2024: null,
    reuse2027: null,
    recycled2027: null,
    reuse2030: null,
    recycled2030: null,
  };
}

/** The defaults: verified values only, every other minimum empty (to be typed in Paramètres). */
export function defaultAgecReference(): AgecReference {
  const out = { source: "" } as AgecReference;
  for (const id of AGEC_CATEGORY_IDS) out[id] = empty();
  out.papier.combined2021 = 40;
  out.papier.reuseOf2021 = 0;
  for (const id of [
    "fournituresBureau",
    "cartouches",
    "impression",
    "informatique",
    "mobilier",
    "textiles",
  ] as const)
    out[id].combined2021 = 20;
  // Décret 2024-134, annexe, textile products except personal protective equipment.
  Object.assign(out.textiles, {
    reuse2024: 8,
    recycled2024: 20,
    reuse2027: 15,
    recycled2027: 25,
    reuse2030: 15,
    recycled2030: 30,
  });
  out.source = `${AGEC_SOURCE_2024} — taux vérifiés dans Optima Achats pour les produits textiles seulement : saisissez ceux des autres catégories depuis l'annexe ; avant 2024 : ${AGEC_SOURCE_2021}`;
  return out;
}

/** The minimum shares of a category for a civil year, with the rule that gave them. */
export interface AgecYearMinimum {
  year: number;
  decree: "2021-254" | "2024-134" | null;
  /** Décret 2021-254: combined share; null when unknown. */
  combinedPercent: number | null;
  /** Réemploi / réutilisation share (2021-254: the "dont" part). */
  reusePercent: number | null;
  /** Matières recyclées share (décret 2024-134 only). */
  recycledPercent: number | null;
  /** Every minimum needed for the year is known. */
  known: boolean;
  /** Some value used was not checked against the text of the decree. */
  unverified: boolean;
  /** The values are the defaults read in the sources of AGEC_2024_VALUE_SOURCES (shown with the source). */
  valuesReadIn: boolean;
  source: string;
}

/** The step of the 2024-134 trajectory that applies to a year (2024–2026 → 2024…). */
export function agecStepOf(year: number): (typeof AGEC_2024_STEPS)[number] {
  let step: (typeof AGEC_2024_STEPS)[number] = AGEC_2024_STEPS[0];
  for (const s of AGEC_2024_STEPS) if (year >= s) step = s;
  return step;
}

export function agecMinimumFor(
  ref: AgecReference,
  id: AgecCategoryId,
  year: number,
  defaults: AgecReference = defaultAgecReference()
): AgecYearMinimum {
  const m = ref[id];
  const verified = AGEC_VERIFIED[id] ?? [];
  const unverified = (fields: (keyof AgecCategoryMinimums)[]) =>
    fields.some((f) => m[f] !== null && m[f] === defaults[id][f] && !verified.includes(f));
  if (year < 2021)
    return {
      year,
      decree: null,
      combinedPercent: null,
      reusePercent: null,
      recycledPercent: null,
      known: false,
      unverified: false,
      valuesReadIn: false,
      source: "Obligation applicable aux achats à partir de 2021 (loi n° 2020-105, art. 58)",
    };
  if (year < AGEC_DECREE_2024_FIRST_YEAR) {
    return {
      year,
      decree: "2021-254",
      combinedPercent: m.combined2021,
      reusePercent: m.reuseOf2021,
      recycledPercent: null,
      known: m.combined2021 !== null && m.reuseOf2021 !== null,
      unverified: unverified(["combined2021", "reuseOf2021"]),
      valuesReadIn: false,
      source: AGEC_SOURCE_2021,
    };
  }
  const step = agecStepOf(year);
  const reuse = m[`reuse${step}`];
  const recycled = m[`recycled${step}`];
  const readIn = AGEC_2024_VALUE_SOURCES[id];
  const fromDefaults =
    readIn !== undefined &&
    (reuse !== null || recycled !== null) &&
    reuse === defaults[id][`reuse${step}`] &&
    recycled === defaults[id][`recycled${step}`];
  return {
    year,
    decree: "2024-134",
    combinedPercent: null,
    reusePercent: reuse,
    recycledPercent: recycled,
    known: reuse !== null && recycled !== null,
    unverified: unverified([`reuse${step}`, `recycled${step}`]),
    valuesReadIn: fromDefaults,
    source: `${AGEC_SOURCE_2024} (palier ${step})${fromDefaults ? ` — ${readIn}` : ""}`,
  };
}

// ---------------------------------------------------------------------------------------------
// EGalim

export interface EgalimReference {
  /** Sustainable and quality products, % of the food purchases HT (L230-5-1 I). */
  qualityPercent: number;
  /** Of which organic (incl. in conversion), % of the food purchases HT. */
  organicPercent: number;
  /** Meat and fishery products that are sustainable and quality, % of those purchases HT. */
  meatFishPercent: number;
  /** First day of the 50 % / 20 % targets. */
  qualitySince: number;
  /** First day of the meat and fish target. */
  meatFishSince: number;
  source: string;
}

export const EGALIM_SOURCE =
  "Code rural et de la pêche maritime, art. L230-5-1 (loi n° 2018-938 art. 24 ; loi n° 2021-1104) et R230-30-1 à R230-30-3 (décret n° 2019-351)";

export function defaultEgalimReference(): EgalimReference {
  return {
    qualityPercent: 50,
    organicPercent: 20,
    meatFishPercent: 60,
    qualitySince: dayFromIso("2022-01-01"),
    meatFishSince: dayFromIso("2024-01-01"),
    source: EGALIM_SOURCE,
  };
}

/** Catering scope: CPV divisions and budget articles of food purchases (Optima Achats' rule). */
export const EGALIM_SCOPE = {
  /** Food and agricultural products: counted in the EGalim shares. */
  foodCpvPrefixes: ["15", "0311", "0314", "032", "033"] as readonly string[],
  /** Meat (bovine, porcine, ovine, poultry) and fishery products: the meat and fish target. */
  meatFishCpvPrefixes: ["151", "152", "0331"] as readonly string[],
  /** Catering services (meals bought from a provider): listed apart, see the note. */
  serviceCpvPrefixes: ["555"] as readonly string[],
  /** Budget articles of food purchases (M57/M14 "Alimentation"). */
  foodBudgetArticles: ["60623"] as readonly string[],
};
