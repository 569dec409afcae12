/**
 * Dated reference values (SPEC §3). Data, not constants scattered in code: every row carries its
 * source so that sheets can cite it, and every value can be overridden by the user (Paramètres
 * sheet, CLI --parametres) through `withOverrides`.
 *
 * Dates are day numbers (dates.ts); amounts are cents; rates and shares are percents (0–100).
 */
import { dayFromIso, dayFromYMD, ymdFromDay } from "../dates";
import { CATALOGUES, msg, type Message, type MessageCode } from "../messages/render";
import type { Nature } from "../model";
import {
  defaultAgecReference,
  defaultEgalimReference,
  type AgecReference,
  type EgalimReference,
} from "./agec-egalim";

export interface DatedThreshold {
  /** First day the row applies (inclusive). */
  from: number;
  /** Last day the row applies (inclusive); null = still in force. */
  to: number | null;
  suppliesServicesCents: number;
  worksCents: number;
  source: string;
}

export interface EcbRate {
  /** First day of the half-year (1 January or 1 July). */
  from: number;
  /** ECB main refinancing operations rate in force that day, %. */
  ratePercent: number;
  source: string;
}

export interface Sourced<T> {
  value: T;
  source: string;
}

export interface ColourBand {
  /** At or below (or at or above when higherIsBetter) this: green. */
  green: number;
  /** Beyond this: red. Between: yellow ("watch"). */
  red: number;
  higherIsBetter: boolean;
  source: string;
}

/**
 * A special dispense threshold (R2122-9, R2122-9-1, temporary ones): replaces the general one of
 * R2122-8 for the purchases it covers, from `from` to `to` (launch date of the consultation).
 */
export interface SpecialDispenseThreshold {
  /** Article or text: "R2122-9", "R2122-9-1", "Décret n° 2020-893". */
  rule: string;
  /** Short French name of what it covers ("livres non scolaires"). */
  label: string;
  from: number;
  to: number | null;
  /** Threshold HT, cents (purchases strictly below it are covered). */
  cents: number;
  /** Natures it applies to (empty: all). */
  natures: Nature[];
  /** CPV prefixes (digits) of the purchases it covers. */
  cpvPrefixes: string[];
  /** CPV prefixes that stay outside (school books inside a books prefix…). */
  excludedCpvPrefixes: string[];
  /** Budget article prefixes (digits) covering purchases without a CPV code. */
  budgetArticles: string[];
  /** Covers only purchases flagged innovative (DECP marcheInnovant). */
  innovative: boolean;
  source: string;
}

/** Why purchases from a supplier do not call for the buyer's own competition (CO1, CO4). */
export type SupplierExclusionReason =
  "intermediary" | "exclusiveRights" | "inHouse" | "cooperation";

/** A supplier excluded from the threshold checks, with its reason (Paramètres sheet). */
export interface SupplierExclusion {
  /** SIREN / SIRET, or the supplier's name. */
  supplier: string;
  reason: SupplierExclusionReason;
  /** The user's justification (e.g. the convention), shown with the reason. */
  note: string | null;
}

export interface ReferenceValues {
  /** Dispense de procédure, R2122-8, by date the consultation is launched. */
  dispenseThresholds: DatedThreshold[];
  /** Special dispense thresholds that replace R2122-8 for the purchases they cover. */
  specialDispenseThresholds: SpecialDispenseThreshold[];
  /** Publicity threshold of R2131-12 (BOAMP or JAL), cents. */
  publicityThresholdCents: Sourced<number>;
  /** EU thresholds for local authorities, by period. */
  euThresholds: DatedThreshold[];
  /** EU thresholds of entités adjudicatrices (utilities), by period (works as for the others). */
  euThresholdsUtilities: DatedThreshold[];
  /** CPV prefixes of the social and other specific services (R2123-1 3°): MAPA whatever the amount. */
  socialServicesCpv: { prefixes: string[]; source: string };
  /** Small-lots exception of R2123-1 2°, cents. */
  smallLots: {
    suppliesServicesCents: number;
    worksCents: number;
    maxSharePercent: number;
    source: string;
  };
  /** DECP publication threshold, cents. */
  decpThresholdCents: Sourced<number>;
  /** Délai global de paiement, days. */
  paymentDelayDays: {
    localAuthority: number;
    publicHospital: number;
    /** Split of the délai global (décret 2013-269 art. 12): ordonnateur and comptable days. */
    ordonnateurLocal: number;
    comptableLocal: number;
    ordonnateurHospital: number;
    comptableHospital: number;
    source: string;
  };
  ecbRates: EcbRate[];
  latePaymentMargin: Sourced<number>;
  lateFlatIndemnityCents: Sourced<number>;
  pnad: { environmentalPercent: number; socialPercent: number; source: string };
  loiClimatStart: Sourced<number>;
  spaserThresholdCents: Sourced<number>;
  oecp: {
    smeContractsPercent: number;
    smeContractsLocalPercent: number;
    smeValuePercent: number;
    socialClausePercent: number;
    socialClauseLocalPercent: number;
    environmentalClausePercent: number;
    singleBidPercent: number;
    source: string;
  };
  sms: {
    singleBidder: ColourBand;
    noCallsForBids: ColourBand;
    cooperativeProcurement: ColourBand;
    priceOnlyAward: ColourBand;
  };
  euAverages2024: {
    singleBidderPercent: number;
    smeContractorsPercent: number;
    lotsPercent: number;
    source: string;
  };
  poolingScenarios: {
    lowPercent: number;
    centralPercent: number;
    highPercent: number;
    source: string;
  };
  /**
   * Territorial scenarios (issue #16 §4): share of the pooling savings a pooled framework
   * agreement with territorial lots keeps (C), extra cost of territorial purchasing (B), and the
   * tolerance below a quality target under which a territory is under-served, %.
   */
  territorialScenarios: {
    lotsSavingsSharePercent: number;
    territorialExtraCostPercent: number;
    underServedTolerancePercent: number;
    source: string;
  };
  /** PF6 amendment limits, %. */
  amendmentLimits: { suppliesServicesPercent: number; worksPercent: number; source: string };
  /** SP5 tail-spend threshold per supplier and year, cents. */
  tailSpendThresholdCents: Sourced<number>;
  /** CO2 bunching band: amounts in [bunchingLowPercent %, 100 %) of a threshold. */
  bunchingLowPercent: Sourced<number>;
  /** Default VAT rate used when only TTC is given, %. */
  defaultVatPercent: Sourced<number>;
  ugapSiren: Sourced<string>;
  /** Suppliers excluded from the splitting and repeat-award checks, with their reason. */
  supplierExclusions: SupplierExclusion[];
  /** AGEC art. 58 minimum shares and EGalim targets (issue #14, see ./agec-egalim.ts). */
  agec: AgecReference;
  egalim: EgalimReference;
}

const d = dayFromIso;
const EUR = 100; // cents per euro

/** The reference values as of SPEC §3 (sources as given there). */
export function defaultReferenceValues(): ReferenceValues {
  return {
    dispenseThresholds: [
      // Before the code de la commande publique (1 April 2019): art. 28 of the code des marchés
      // publics of 2006, whose threshold the décret n° 2008-1356 raised to 20 000 € HT until the
      // Conseil d'État annulled it (CE, 10 février 2010, Perez, n° 329100) from 1 May 2010.
      {
        from: d("2006-09-01"),
        to: d("2008-12-18"),
        suppliesServicesCents: 4_000 * EUR,
        worksCents: 4_000 * EUR,
        source: "Code des marchés publics 2006, art. 28 (décret n° 2006-975)",
      },
      {
        from: d("2008-12-19"),
        to: d("2010-04-30"),
        suppliesServicesCents: 20_000 * EUR,
        worksCents: 20_000 * EUR,
        source: "Décret n° 2008-1356 (code des marchés publics, art. 28)",
      },
      {
        from: d("2010-05-01"),
        to: d("2011-12-11"),
        suppliesServicesCents: 4_000 * EUR,
        worksCents: 4_000 * EUR,
        source:
          "Code des marchés publics, art. 28 : 4 000 € HT (CE, 10 février 2010, Perez, n° 329100, annulant le décret n° 2008-1356 à compter du 1er mai 2010)",
      },
      {
        from: d("2011-12-12"),
        to: d("2015-09-30"),
        suppliesServicesCents: 15_000 * EUR,
        worksCents: 15_000 * EUR,
        source: "Décret n° 2011-1853 (en vigueur le 12 décembre 2011)",
      },
      {
        from: d("2015-10-01"),
        to: d("2019-12-31"),
        suppliesServicesCents: 25_000 * EUR,
        worksCents: 25_000 * EUR,
        source: "Décret n° 2015-1163",
      },
      {
        from: d("2020-01-01"),
        to: d("2020-07-23"),
        suppliesServicesCents: 40_000 * EUR,
        worksCents: 40_000 * EUR,
        source: "Décret n° 2019-1344",
      },
      {
        from: d("2020-07-24"),
        to: d("2020-12-08"),
        suppliesServicesCents: 40_000 * EUR,
        worksCents: 70_000 * EUR,
        source: "Décret n° 2020-893",
      },
      {
        from: d("2020-12-09"),
        to: d("2025-12-31"),
        suppliesServicesCents: 40_000 * EUR,
        worksCents: 100_000 * EUR,
        source: "Loi ASAP art. 142 ; décrets n° 2022-1683 et 2024-1217",
      },
      {
        from: d("2026-01-01"),
        to: d("2026-03-31"),
        suppliesServicesCents: 40_000 * EUR,
        worksCents: 100_000 * EUR,
        source: "Décret n° 2025-1386",
      },
      {
        from: d("2026-04-01"),
        to: null,
        suppliesServicesCents: 60_000 * EUR,
        worksCents: 100_000 * EUR,
        source: "Décret n° 2025-1386",
      },
    ],
    specialDispenseThresholds: [
      {
        rule: "R2122-9-1",
        label: "achats innovants",
        from: d("2018-12-26"),
        to: null,
        cents: 100_000 * EUR,
        natures: [],
        cpvPrefixes: [],
        excludedCpvPrefixes: [],
        budgetArticles: [],
        innovative: true,
        source:
          "Art. R2122-9-1 CCP (décret n° 2018-1225, expérimental ; pérennisé par le décret n° 2021-1634) : travaux, fournitures ou services innovants < 100 000 € HT",
      },
      {
        rule: "R2122-9",
        label: "livres non scolaires",
        from: d("2019-04-01"),
        to: null,
        cents: 90_000 * EUR,
        natures: ["Fournitures"],
        cpvPrefixes: ["2211"],
        excludedCpvPrefixes: ["22111", "22112"],
        budgetArticles: ["6065"],
        innovative: false,
        source: "Art. R2122-9 CCP (décret n° 2019-259) : livres non scolaires < 90 000 € HT",
      },
      {
        rule: "Décret n° 2020-893",
        label: "denrées alimentaires (temporaire)",
        from: d("2020-07-24"),
        to: d("2020-12-10"),
        cents: 100_000 * EUR,
        natures: ["Fournitures"],
        cpvPrefixes: ["15"],
        excludedCpvPrefixes: [],
        budgetArticles: ["60623"],
        innovative: false,
        source:
          "Décret n° 2020-893, art. 1er : fourniture de denrées alimentaires livrées avant le 10 décembre 2020 < 100 000 € HT",
      },
    ],
    publicityThresholdCents: { value: 90_000 * EUR, source: "Art. R2131-12 CCP" },
    euThresholds: [
      {
        from: d("2008-01-01"),
        to: d("2009-12-31"),
        suppliesServicesCents: 206_000 * EUR,
        worksCents: 5_150_000 * EUR,
        source: "Règlement (CE) n° 1422/2007",
      },
      {
        from: d("2010-01-01"),
        to: d("2011-12-31"),
        suppliesServicesCents: 193_000 * EUR,
        worksCents: 4_845_000 * EUR,
        source: "Règlement (CE) n° 1177/2009",
      },
      {
        from: d("2012-01-01"),
        to: d("2013-12-31"),
        suppliesServicesCents: 200_000 * EUR,
        worksCents: 5_000_000 * EUR,
        source: "Règlement (UE) n° 1251/2011",
      },
      {
        from: d("2014-01-01"),
        to: d("2015-12-31"),
        suppliesServicesCents: 207_000 * EUR,
        worksCents: 5_186_000 * EUR,
        source: "Règlement (UE) n° 1336/2013",
      },
      {
        from: d("2016-01-01"),
        to: d("2017-12-31"),
        suppliesServicesCents: 209_000 * EUR,
        worksCents: 5_225_000 * EUR,
        source: "Règlements délégués (UE) 2015/2170-2172",
      },
      {
        from: d("2018-01-01"),
        to: d("2019-12-31"),
        suppliesServicesCents: 221_000 * EUR,
        worksCents: 5_548_000 * EUR,
        source: "Règlements délégués (UE) 2017/2364-2366",
      },
      {
        from: d("2020-01-01"),
        to: d("2021-12-31"),
        suppliesServicesCents: 214_000 * EUR,
        worksCents: 5_350_000 * EUR,
        source: "Règlements délégués (UE) 2019/1828 et 2019/1829",
      },
      {
        from: d("2022-01-01"),
        to: d("2023-12-31"),
        suppliesServicesCents: 215_000 * EUR,
        worksCents: 5_382_000 * EUR,
        source: "Règlements délégués (UE) 2021/1950-1952",
      },
      {
        from: d("2024-01-01"),
        to: d("2025-12-31"),
        suppliesServicesCents: 221_000 * EUR,
        worksCents: 5_538_000 * EUR,
        source: "Règlements délégués (UE) 2023/2495-2497",
      },
      {
        from: d("2026-01-01"),
        to: d("2027-12-31"),
        suppliesServicesCents: 216_000 * EUR,
        worksCents: 5_404_000 * EUR,
        source: "Règlements délégués (UE) 2025/2150-2152",
      },
    ],
    euThresholdsUtilities: [
      ["2008-01-01", "2009-12-31", 412_000, 5_150_000, "Règlement (CE) n° 1422/2007"],
      ["2010-01-01", "2011-12-31", 387_000, 4_845_000, "Règlement (CE) n° 1177/2009"],
      ["2012-01-01", "2013-12-31", 400_000, 5_000_000, "Règlement (UE) n° 1251/2011"],
      ["2014-01-01", "2015-12-31", 414_000, 5_186_000, "Règlement (UE) n° 1336/2013"],
      ["2016-01-01", "2017-12-31", 418_000, 5_225_000, "Règlement délégué (UE) 2015/2171"],
      ["2018-01-01", "2019-12-31", 443_000, 5_548_000, "Règlement délégué (UE) 2017/2364"],
      ["2020-01-01", "2021-12-31", 428_000, 5_350_000, "Règlement délégué (UE) 2019/1829"],
      ["2022-01-01", "2023-12-31", 431_000, 5_382_000, "Règlement délégué (UE) 2021/1951"],
      ["2024-01-01", "2025-12-31", 443_000, 5_538_000, "Règlement délégué (UE) 2023/2496"],
      ["2026-01-01", "2027-12-31", 432_000, 5_404_000, "Règlement délégué (UE) 2025/2150"],
    ].map(([from, to, ss, w, source]) => ({
      from: d(from as string),
      to: d(to as string),
      suppliesServicesCents: (ss as number) * EUR,
      worksCents: (w as number) * EUR,
      source: `${source as string} (entités adjudicatrices)`,
    })),
    socialServicesCpv: {
      // Annexe XIV of directive 2014/24, as listed by the avis of 31 March 2019 annexed to the code
      // (health and social services, education, culture, catering, hotel and restaurant, legal
      // services not excluded, security, postal, religious…).
      prefixes: [
        "551",
        "552",
        "553",
        "554",
        "555",
        "7512",
        "752",
        "753",
        "791",
        "79622",
        "79624",
        "79625",
        "797",
        "79995",
        "80",
        "85",
        "92",
        "9812",
        "9813",
        "982",
        "985",
        "989",
        "641",
        "50116510",
        "71550000",
      ],
      source:
        "Art. R2123-1 3° CCP ; avis relatif aux contrats de la commande publique ayant pour objet des services sociaux et autres services spécifiques (JORF du 31 mars 2019)",
    },
    smallLots: {
      suppliesServicesCents: 80_000 * EUR,
      worksCents: 1_000_000 * EUR,
      maxSharePercent: 20,
      source: "Art. R2123-1 2° CCP",
    },
    decpThresholdCents: { value: 40_000 * EUR, source: "Art. R2196-1 CCP (données essentielles)" },
    paymentDelayDays: {
      localAuthority: 30,
      publicHospital: 50,
      ordonnateurLocal: 20,
      comptableLocal: 10,
      ordonnateurHospital: 35,
      comptableHospital: 15,
      source:
        "Art. R2192-10 et R2192-11 CCP ; décret n° 2013-269, art. 12 (20 jours ordonnateur + 10 jours comptable ; 35 + 15 pour les établissements de santé)",
    },
    ecbRates: [
      {
        from: d("2016-01-01"),
        ratePercent: 0.05,
        source: "BCE, taux des opérations principales de refinancement",
      },
      {
        from: d("2016-07-01"),
        ratePercent: 0,
        source: "BCE, taux des opérations principales de refinancement",
      },
      {
        from: d("2022-07-01"),
        ratePercent: 0,
        source: "BCE, taux des opérations principales de refinancement",
      },
      {
        from: d("2023-01-01"),
        ratePercent: 2.5,
        source: "BCE, taux des opérations principales de refinancement",
      },
      {
        from: d("2023-07-01"),
        ratePercent: 4.0,
        source: "BCE, taux des opérations principales de refinancement",
      },
      {
        from: d("2024-01-01"),
        ratePercent: 4.5,
        source: "BCE, taux des opérations principales de refinancement",
      },
      {
        from: d("2024-07-01"),
        ratePercent: 4.25,
        source: "BCE, taux des opérations principales de refinancement",
      },
      {
        from: d("2025-01-01"),
        ratePercent: 3.15,
        source: "BCE, taux des opérations principales de refinancement",
      },
      {
        from: d("2025-07-01"),
        ratePercent: 2.15,
        source: "BCE, taux des opérations principales de refinancement",
      },
      {
        from: d("2026-01-01"),
        ratePercent: 2.15,
        source: "BCE (taux inchangé depuis juin 2025 ; à vérifier et mettre à jour)",
      },
      {
        from: d("2026-07-01"),
        ratePercent: 2.15,
        source: "BCE (taux inchangé depuis juin 2025 ; à vérifier et mettre à jour)",
      },
    ],
    latePaymentMargin: { value: 8, source: "Art. R2192-31 CCP : taux BCE + 8 points" },
    lateFlatIndemnityCents: {
      value: 40 * EUR,
      source: "Art. D2192-35 CCP : indemnité forfaitaire de 40 €",
    },
    pnad: {
      environmentalPercent: 100,
      socialPercent: 30,
      source: "PNAD 2022-2025, objectifs 2025",
    },
    loiClimatStart: {
      value: d("2026-08-21"),
      source: "Loi n° 2021-1104 (Climat et Résilience) art. 35 ; décret n° 2022-767",
    },
    spaserThresholdCents: {
      value: 50_000_000 * EUR,
      source: "Art. D2111-3 CCP (décret n° 2022-767), achats annuels",
    },
    oecp: {
      smeContractsPercent: 59.9,
      smeContractsLocalPercent: 64,
      smeValuePercent: 27.2,
      socialClausePercent: 18.7,
      socialClauseLocalPercent: 12.7,
      environmentalClausePercent: 29.2,
      singleBidPercent: 20,
      source:
        "OECP, recensement économique 2023 (marchés ≥ 90 k€) ; clause environnementale 2022 ; offre unique indicatif",
    },
    sms: {
      singleBidder: {
        green: 10,
        red: 20,
        higherIsBetter: false,
        source: "Tableau d'affichage du marché unique (UE), offre unique",
      },
      noCallsForBids: {
        green: 5,
        red: 10,
        higherIsBetter: false,
        source: "Tableau d'affichage du marché unique (UE), absence d'appel d'offres",
      },
      cooperativeProcurement: {
        green: 10,
        red: 10,
        higherIsBetter: true,
        source: "Tableau d'affichage du marché unique (UE), achats coopératifs",
      },
      priceOnlyAward: {
        green: 80,
        red: 80,
        higherIsBetter: false,
        source: "Tableau d'affichage du marché unique (UE), critère prix seul",
      },
    },
    euAverages2024: {
      singleBidderPercent: 28,
      smeContractorsPercent: 71,
      lotsPercent: 32,
      source: "Tableau d'affichage du marché unique (UE), moyennes 2024",
    },
    poolingScenarios: {
      lowPercent: 2,
      centralPercent: 5,
      highPercent: 10,
      source:
        "Hypothèses : bas 2 % (PHARE ≈ 1 %/an), central 5 %, haut 10 % (Cour des comptes 2024 ; Malvy-Lambert 10-15 %)",
    },
    territorialScenarios: {
      lotsSavingsSharePercent: 50,
      territorialExtraCostPercent: 2,
      underServedTolerancePercent: 10,
      source:
        "Hypothèses Optima Achats à ajuster : scénario mixte = 50 % des économies de mutualisation, surcoût d'achats territorialisés 2 %, territoire sous-desservi à plus de 10 points sous la cible (paramètres, non des promesses)",
    },
    amendmentLimits: {
      suppliesServicesPercent: 10,
      worksPercent: 15,
      source: "Art. R2194-8 CCP (modifications de faible montant)",
    },
    tailSpendThresholdCents: {
      value: 1_000 * EUR,
      source: "Paramètre Optima Achats (dépense annuelle par fournisseur)",
    },
    bunchingLowPercent: {
      value: 90,
      source: "Paramètre Optima Achats (bande [90 %, 100 %) du seuil)",
    },
    defaultVatPercent: { value: 20, source: "Taux normal de TVA (CGI art. 278)" },
    ugapSiren: { value: "776056467", source: "UGAP, SIREN 776 056 467" },
    supplierExclusions: [],
    agec: defaultAgecReference(),
    egalim: defaultEgalimReference(),
  };
}

/** A deep partial for user overrides (arrays replace whole). */
export type ReferenceOverrides = {
  [K in keyof ReferenceValues]?: ReferenceValues[K] extends unknown[]
    ? ReferenceValues[K]
    : ReferenceValues[K] extends object
      ? Partial<ReferenceValues[K]>
      : ReferenceValues[K];
};

const isPlainObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === "object" && x !== null && !Array.isArray(x);

/**
 * `over` laid on `base`: plain objects merged at every depth (a partial AGEC category
 * `{ "papier": { "reuse2024": 30 } }` keeps the category's other minimums), arrays, scalars and
 * null replaced, undefined ignored.
 */
export function mergeOverrides(base: unknown, over: unknown): unknown {
  if (over === undefined) return base;
  if (!isPlainObject(base) || !isPlainObject(over)) return over;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) out[key] = mergeOverrides(base[key], value);
  return out;
}

/** Applies user overrides on top of base values (objects merged at every depth; arrays replaced). */
export function withOverrides(
  base: ReferenceValues,
  overrides: ReferenceOverrides | undefined
): ReferenceValues {
  if (!overrides) return base;
  return mergeOverrides(base, overrides) as ReferenceValues;
}

function rowAt(rows: DatedThreshold[], day: number): DatedThreshold {
  let found: DatedThreshold | undefined;
  for (const r of rows) if (day >= r.from && (r.to === null || day <= r.to)) found = r;
  if (found) return found;
  // Before the first row: the earliest known; after the last: the latest.
  const sorted = [...rows].sort((a, b) => a.from - b.from);
  return day < sorted[0].from ? sorted[0] : sorted[sorted.length - 1];
}

/** The dispense threshold row in force on a day. */
export function dispenseRowAt(ref: ReferenceValues, day: number): DatedThreshold {
  return rowAt(ref.dispenseThresholds, day);
}

/** Dispense threshold (cents) in force on a day for a nature (works vs supplies/services). */
export function dispenseThresholdAt(
  ref: ReferenceValues,
  day: number,
  nature: Nature | null
): number {
  const row = dispenseRowAt(ref, day);
  return nature === "Travaux" ? row.worksCents : row.suppliesServicesCents;
}

/** Catalogue codes of the names of the shipped special thresholds (by rule). */
const SPECIAL_THRESHOLD_NAMES: Readonly<Record<string, MessageCode>> = {
  "R2122-9-1": "specialThreshold.innovation",
  "R2122-9": "specialThreshold.books",
  "Décret n° 2020-893": "specialThreshold.food2020",
};

/** The catalogue code of a special threshold's label when it is the shipped one, else null. */
function shippedNameCode(
  row: Pick<SpecialDispenseThreshold, "rule" | "label">
): MessageCode | null {
  const code = SPECIAL_THRESHOLD_NAMES[row.rule];
  return code !== undefined && CATALOGUES.fr[code] === row.label ? code : null;
}

/**
 * The name of a special threshold in the reader's language: the catalogue's for a shipped row,
 * the label as the user wrote it otherwise.
 */
export function specialThresholdName(
  row: Pick<SpecialDispenseThreshold, "rule" | "label">
): Message {
  const code = shippedNameCode(row);
  return code === null ? msg("untranslated", { text: row.label }) : msg(code);
}

/**
 * The label of a special threshold read back from the Paramètres sheet: a shipped name written in
 * any language gives back the French label of the reference values (so that an English sheet
 * read back is not a change); any other text is the user's own label.
 */
export function specialThresholdLabelOf(rule: string, text: string): string {
  const code = SPECIAL_THRESHOLD_NAMES[rule];
  if (code === undefined) return text;
  return Object.values(CATALOGUES).some((c) => c[code] === text) ? CATALOGUES.fr[code] : text;
}

/** The EU threshold row in force on a day. */
export function euRowAt(ref: ReferenceValues, day: number): DatedThreshold {
  return rowAt(ref.euThresholds, day);
}

/** EU threshold (cents) in force on a day for a nature. */
export function euThresholdAt(ref: ReferenceValues, day: number, nature: Nature | null): number {
  const row = euRowAt(ref, day);
  return nature === "Travaux" ? row.worksCents : row.suppliesServicesCents;
}

/** First day of the half-year containing `day` (1 January or 1 July). */
export function halfYearStart(day: number): number {
  const { year, month } = ymdFromDay(day);
  return dayFromYMD(year, month <= 6 ? 1 : 7, 1);
}

/** Late-payment interest rate (%) for a delay that starts on `day`: ECB rate in force on the
 * first day of that half-year + the legal margin (R2192-31). */
export function latePaymentRateAt(
  ref: ReferenceValues,
  day: number
): { ratePercent: number; ecb: EcbRate | null } {
  const start = halfYearStart(day);
  let ecb: EcbRate | null = null;
  for (const r of ref.ecbRates)
    if (r.from <= start && (ecb === null || r.from >= ecb.from)) ecb = r;
  return { ratePercent: (ecb ? ecb.ratePercent : 0) + ref.latePaymentMargin.value, ecb };
}
