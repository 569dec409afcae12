/**
 * Deterministic demo data for Optima Achats: a fictional intercommunalité (the "Communauté
 * d'agglomération du Val de Loiret", 12 communes and a CCAS) with two budget years of mandats
 * (2025-01-01 to 2026-10-31), a contracts register and reference tables, plus deliberately planted
 * cases that the analysis must find (`planted`) and negative controls that it must not flag
 * (`controls`, same shape, expected.alert = 0). Everything is derived from the seed: no Date.now,
 * no Math.random.
 *
 * How the spend is built (so that the planted cases are exact):
 * - every entity × family gets an annual budget (€/inhabitant × population, with noise), split
 *   between routes: EPCI-coordinated groupement de commandes, own contracts (series of successive
 *   contracts covering the period, lots for the larger buyers), UGAP, hors marché; works are built
 *   per operation (one MAPA contract per lot, monthly progress payments);
 * - hors-marché spend is generated per entity × family × civil year with a budget capped well
 *   below the dispense threshold (30 400 € supplies/services, 70 000 € works), except for the
 *   families excluded from splitting checks (EAU, ADHES); the entity × family × year groups used by
 *   planted splitting cases and controls are reserved (no natural hors-marché line falls in them);
 * - natural amounts (lines and contracts) avoid the bands [90 %, 100 %) of every threshold
 *   (40 k, 60 k, 90 k, 100 k, EU thresholds) and are thinned out of [32 000, 36 000), so that the
 *   only bunching is the planted one;
 * - natural amendments stay below +9 %, natural direct awards below 90 % of the threshold, natural
 *   contracts launched from 2026-08-21 all carry an environmental consideration (and a social one
 *   at or above EU thresholds), no contract ends within 7 days of the as-of date (period end) or
 *   of as-of + 12 months (end = notification + duration in months).
 *
 * Planted (rows = sheet rows of "Mandats"): 5 splitting groups (40 000 € in 2025; 40 000 € in 2026
 * when the first purchase precedes 1 April; 60 000 € after; works per operation vs 100 000 €; one
 * above 90 000 €), bunching (8 contracts and invoices at 38 000–39 990 €), 2 direct awards above
 * the threshold, 2 Loi Climat gaps, 2 amendment inflations (works > 15 %, services > 10 %), late
 * payments (45–90 days), credit notes, dirty rows (text amounts, "(250,00)", impossible date, text
 * date, no amount, no supplier, TTC only, dangling contract refs, invalid SIRET, layout rows),
 * price dispersion of "Ramette papier A4 80g" (3,20–5,10 €), 2 pooling candidates, the complete
 * single-bid list and renewal calendar. Controls: a 2026 group between 40 000 and 60 000 € after
 * 1 April, two works operations each under 100 000 € (together above), a 48 000 € direct award
 * under the 60 000 € threshold, a consultation launched 2026-08-18 without environmental
 * consideration, a +13 % works amendment, fully pooled families, clean families, excluded families
 * above the threshold.
 */
import type { Cell, Nature } from "../../src/core/model";
import { addMonths, dayFromYMD, excelSerialFromDay, frenchDate, isoDate, ymdFromDay } from "../../src/core/dates";
import { formatEuros } from "../../src/core/money";
import { Rng, cumulative, pickCumulative } from "./random";
import {
  BUILDING_OPERATIONS,
  COMMUNE_SITES,
  CITY_BY_POSTCODE,
  ENTITIES,
  EPCI_NAME,
  EPCI_OPERATIONS,
  EPCI_SITES,
  FAMILIES,
  INSERTION_NAMES,
  MANDAT_ACTIVITY,
  MONTHS_FR,
  NATIONAL_POSTCODES,
  PLACES,
  REGIONAL_DEPTS,
  SEASONS,
  STREETS,
  SURNAMES,
  TERRITORIES,
  TOWNS,
  UGAP_SIRET,
  WORKS_LOTS,
  family as familyByCode,
  siretFrom,
  sirenFrom,
  type EntityDef,
  type FamilyDef,
  type SeasonKey,
} from "./catalog";

// =============================================================================================
// Public API

export interface DemoOptions {
  seed?: number;
  /** Data lines of the spend sheet (title, header, blank and total rows excluded). Default 20 000. */
  spendLines?: number;
  /** Contracts of the register (approximate lower bound; core contracts are always kept). Default 300. */
  contracts?: number;
  /** First budget year; the period runs from 1 January of that year to 31 October of the next. Default 2025. */
  startYear?: number;
}

export interface DemoTable {
  name: string;
  sheet: string;
  /** Rows exactly as written in the sheet (title rows, blank rows and header row included). */
  rows: Cell[][];
  /** Sheet row number of rows[0]. */
  firstRow: number;
}

export type PlantedKind =
  | "splitting"
  | "bunching"
  | "late-payment"
  | "pooling-candidate"
  | "direct-award-above-threshold"
  | "single-bid"
  | "dirty-row"
  | "credit-note"
  | "price-dispersion"
  | "amendment-inflation"
  | "renewal-soon"
  | "loi-climat-gap";

export interface PlantedCase {
  kind: PlantedKind;
  description: string;
  entity?: string;
  familyCode?: string;
  year?: number;
  /** Sheet row numbers in the spend sheet ("Mandats"). */
  rows?: number[];
  contractRefs?: string[];
  expected?: Record<string, number | string>;
}

/**
 * A negative control: a situation close to a planted case that the analysis must NOT flag
 * (expected.alert = 0), or a family that must stay clean. Same shape as PlantedCase; `kind` names
 * the check it controls.
 */
export type ControlCase = PlantedCase;

export interface DemoData {
  spend: DemoTable;
  contracts: DemoTable;
  entities: DemoTable;
  nomenclature: DemoTable;
  suppliers: DemoTable;
  planted: PlantedCase[];
  /** Negative controls (documented in the module header and in the planted JSON). */
  controls: ControlCase[];
}

export const DEFAULT_SEED = 20251031;
export const DEFAULT_SPEND_LINES = 20000;
export const DEFAULT_CONTRACTS = 300;

export const SPEND_SHEET = "Mandats";
export const SPEND_TITLE = `Export des mandats — ${EPCI_NAME}`;

export const SPEND_HEADER = [
  "Date mandat", "N° mandat", "Collectivité", "Service", "Territoire", "Code famille", "Famille d'achat",
  "Article budgétaire", "Code CPV", "Fournisseur", "SIRET", "CP fournisseur", "N° marché", "Mode d'achat",
  "Objet", "Opération", "Montant HT", "Taux TVA", "Montant TTC", "Date réception facture", "Date paiement",
  "Référence article", "Quantité", "Prix unitaire HT", "Unité",
] as const;

/** Column indexes of the spend sheet. */
export const S = {
  date: 0, mandat: 1, entity: 2, service: 3, territory: 4, familyCode: 5, familyLabel: 6, article: 7, cpv: 8,
  supplier: 9, siret: 10, postcode: 11, contractRef: 12, channel: 13, objet: 14, operation: 15, ht: 16, vat: 17,
  ttc: 18, receipt: 19, paid: 20, item: 21, qty: 22, unitPrice: 23, unit: 24,
} as const;

export const CONTRACT_HEADER = [
  "N° marché", "Acheteur", "Objet", "Code CPV", "Nature", "Procédure", "Technique", "Date de lancement",
  "Date de notification", "Durée (mois)", "Montant estimé HT", "Montant HT", "Offres reçues", "Titulaire",
  "SIRET titulaire", "PME", "Considération sociale", "Considération environnementale", "Nombre de lots",
  "Mode d'achat", "Membres du groupement", "Montant après avenants",
] as const;

export const C = {
  ref: 0, buyer: 1, objet: 2, cpv: 3, nature: 4, procedure: 5, technique: 6, launch: 7, notification: 8,
  duration: 9, estimated: 10, amount: 11, bids: 12, holder: 13, holderSiret: 14, sme: 15, social: 16, env: 17,
  lots: 18, channel: 19, members: 20, amended: 21,
} as const;

export const ENTITY_HEADER = ["Entité", "Type", "Territoire", "Population", "Département", "SIRET"] as const;
export const NOMENCLATURE_HEADER = [
  "Code famille", "Libellé", "Nature", "Service de proximité", "Exclue du contrôle de fractionnement", "Motif d'exclusion",
] as const;
export const SUPPLIER_HEADER = [
  "SIRET", "Raison sociale", "Forme juridique", "Code postal", "Ville", "Département", "PME", "Insertion (ESS/SIAE)",
] as const;

/** Columns of each table holding dates (Excel serials) and euro amounts, for the xlsx writer. */
export const DATE_COLUMNS = {
  spend: [S.date, S.receipt, S.paid],
  contracts: [C.launch, C.notification],
} as const;
export const AMOUNT_COLUMNS = {
  spend: [S.ht, S.ttc, S.unitPrice],
  contracts: [C.estimated, C.amount, C.amended],
} as const;

// =============================================================================================
// Regulatory reference values (SPEC §3.1), local copy so the generator does not depend on the engine

const D = (y: number, m: number, d: number) => dayFromYMD(y, m, d);

/** Dispense threshold (R2122-8) HT in force on a day. */
export function dispenseThreshold(day: number, nature: Nature): number {
  if (day >= D(2026, 4, 1)) return nature === "Travaux" ? 100000 : 60000;
  if (day >= D(2020, 12, 9)) return nature === "Travaux" ? 100000 : 40000;
  if (day >= D(2020, 7, 24)) return nature === "Travaux" ? 70000 : 40000;
  if (day >= D(2020, 1, 1)) return 40000;
  return 25000;
}

/** EU threshold (formalised procedures, local authorities) HT in force on a day. */
export function euThreshold(day: number, nature: Nature): number {
  const y = ymdFromDay(day).year;
  const works = nature === "Travaux";
  if (y >= 2026) return works ? 5404000 : 216000;
  if (y >= 2024) return works ? 5538000 : 221000;
  if (y >= 2022) return works ? 5382000 : 215000;
  return works ? 5350000 : 214000;
}

export const LOI_CLIMAT_DATE = D(2026, 8, 21);

const BAND_THRESHOLDS = [40000, 60000, 90000, 100000, 214000, 215000, 216000, 221000, 5350000, 5382000, 5404000, 5538000];

/** Amount (€) in [90 %, 100 %) of one of the thresholds. */
export function inThresholdBand(euros: number): boolean {
  const a = Math.abs(euros);
  for (const t of BAND_THRESHOLDS) if (a >= 0.9 * t && a < t) return true;
  return false;
}

/** The band just below the 40 000 € band, [32 000, 36 000): kept sparse in natural data. */
function inLowerBand40k(euros: number): boolean {
  const a = Math.abs(euros);
  return a >= 32000 && a < 36000;
}

/** Amounts the planted cases must not use (bunching bands and the band just below 40 000 €). */
export function inAvoidZone(euros: number): boolean {
  return inThresholdBand(euros) || inLowerBand40k(euros);
}

/**
 * Natural amounts: moved out of every [90 %, 100 %) band (scaled down), and thinned out of
 * [32 000, 36 000) (about 22 in 23 moved up to [41 600, 46 800)), so that the planted bunching under
 * 40 000 € stands out against the band just below.
 */
function avoidBandsCents(cents: number): number {
  let c = cents;
  for (let i = 0; i < 30 && inThresholdBand(c / 100); i++) c = Math.round(c * 0.86);
  if (inLowerBand40k(c / 100) && c % 23 !== 0) c = Math.round(c * 1.3);
  return c;
}

function avoidBandsEuros(euros: number, step: number): number {
  let e = euros;
  for (let i = 0; i < 30 && inThresholdBand(e); i++) e = Math.round((e * 0.86) / step) * step;
  if (inLowerBand40k(e) && Math.round(e / step) % 23 !== 0) e = Math.round((e * 1.3) / step) * step;
  return e;
}

// =============================================================================================
// Internal model

interface Supplier {
  name: string;
  form: string;
  siret: string | null;
  /** SIRET as written in the tables (differs from `siret` only for the planted invalid one). */
  siretShown: string | null;
  postcode: string;
  town: string;
  dept: string;
  sme: boolean;
  insertion: boolean;
  family: string;
  scope: "major" | "regional" | "local" | "insertion" | "tail" | "ugap";
}

interface Contract {
  ref: string;
  buyer: EntityDef;
  family: FamilyDef;
  objet: string;
  nature: Nature;
  procedure: string;
  technique: string;
  launch: number;
  notification: number;
  duration: number;
  end: number;
  estimated: number | null;
  amount: number;
  bids: number | null;
  supplier: Supplier;
  social: string;
  env: string;
  lots: number;
  channel: "Marché propre" | "Groupement de commandes";
  members: EntityDef[];
  amended: number | null;
  /** Planted cases pin these fields; natural post-processing must leave them alone. */
  pinned: boolean;
  operation: string | null;
}

interface LineRec {
  date: number;
  entity: EntityDef;
  service: string;
  territory: string;
  family: FamilyDef;
  familyBlank: boolean;
  cpv: string | null;
  supplier: Supplier | null;
  contract: Contract | null;
  contractRefCell: string | null;
  channelCell: string | null;
  objet: string;
  operation: string | null;
  htCents: number;
  vat: number;
  receipt: number | null;
  paid: number | null;
  item: { ref: string; qty: number; unitCents: number; unit: string } | null;
  kind: "natural" | "planted" | "dirty" | "credit";
  tag: string | null;
  /** Raw cells replacing the computed ones (dirty rows). */
  override: Map<number, Cell> | null;
  siretSpaced: boolean;
  order: number;
  row: number;
}

interface Period {
  start: number;
  end: number;
  startYear: number;
  /** As-of date for the renewal calendar: the period end. */
  asOf: number;
  asOfPlus12: number;
}

function makePeriod(startYear: number): Period {
  const start = D(startYear, 1, 1);
  const end = D(startYear + 1, 10, 31);
  return { start, end, startYear, asOf: end, asOfPlus12: addMonths(end, 12) };
}

function dow(day: number): number {
  return (((day + 4) % 7) + 7) % 7; // 0 = Sunday; 1970-01-01 was a Thursday
}

/** Easter Sunday (anonymous Gregorian algorithm). */
function easter(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return D(year, month, day);
}

/** French public holidays (jours fériés), 2015–2035. */
const HOLIDAYS: ReadonlySet<number> = (() => {
  const set = new Set<number>();
  for (let y = 2015; y <= 2035; y++) {
    for (const [m, d] of [[1, 1], [5, 1], [5, 8], [7, 14], [8, 15], [11, 1], [11, 11], [12, 25]]) set.add(D(y, m, d));
    const e = easter(y);
    set.add(e + 1); // lundi de Pâques
    set.add(e + 39); // Ascension
    set.add(e + 50); // lundi de Pentecôte
  }
  return set;
})();

/** Working day: Monday to Friday, not a public holiday. */
function isWeekday(day: number): boolean {
  const d = dow(day);
  return d >= 1 && d <= 5 && !HOLIDAYS.has(day);
}
function nextWeekday(day: number): number {
  let d = day;
  while (!isWeekday(d)) d++;
  return d;
}
function prevWeekday(day: number): number {
  let d = day;
  while (!isWeekday(d)) d--;
  return d;
}

const round = (x: number, step: number) => Math.round(x / step) * step;
const euros = (cents: number) => cents / 100;
const ttcCents = (htCents: number, vat: number) => Math.round(htCents * (1 + vat / 100));

function epci(): EntityDef {
  return ENTITIES[0];
}
function entityByCode(code: string): EntityDef {
  const e = ENTITIES.find((x) => x.code === code);
  if (!e) throw new Error(`Entité inconnue : ${code}`);
  return e;
}

// =============================================================================================
// Suppliers

interface SupplierBook {
  all: Supplier[];
  byFamily: Map<string, Supplier[]>;
  ugap: Supplier;
}

const SME_FORMS = ["SARL", "SAS", "EURL", "SASU", "SA", "SNC"];
const SME_FORM_WEIGHTS = [35, 40, 8, 10, 3, 4];

/** Tail (occasional, small) suppliers per family. */
const TAIL_COUNTS: Record<string, number> = {
  FETES: 14, "BAT-ENT": 12, "MAINT-VEH": 10, FORM: 10, HONOR: 8, "TRAV-BAT": 10, "ESP-VERTS": 6,
  MOBIL: 5, IMPR: 5, ALIM: 8, "PROD-ENT": 3, "FOU-BUR": 3,
};
const ASSOCIATIONS_WITHOUT_SIRET = ["Harmonie de la Bionne", "Compagnie théâtrale du Cens", "Association Musique en Sologne"];

function buildSuppliers(rng: Rng): SupplierBook {
  const all: Supplier[] = [];
  const byFamily = new Map<string, Supplier[]>();
  const names = new Set<string>();
  const sirens = new Set<string>(["776056467", "356000000"]);

  const newSiret = (first: number[]): string => {
    for (;;) {
      let body = String(rng.pick(first));
      for (let i = 0; i < 7; i++) body += String(rng.int(0, 9));
      const siren = sirenFrom(body);
      if (sirens.has(siren)) continue;
      sirens.add(siren);
      const nic = "00" + String(rng.int(1, 4)) + String(rng.int(0, 9));
      return siretFrom(siren, nic);
    }
  };
  const uniqueName = (make: () => string): string => {
    for (let i = 0; i < 40; i++) {
      const n = make();
      const key = n.toLowerCase();
      if (!names.has(key)) {
        names.add(key);
        return n;
      }
    }
    let k = 2;
    const base = make();
    while (names.has(`${base} ${k}`.toLowerCase())) k++;
    names.add(`${base} ${k}`.toLowerCase());
    return `${base} ${k}`;
  };
  const localTown = (): { town: string; postcode: string; dept: string } => {
    const dept = rng.weighted(["45", "41", "28"], [8, 2, 1.5]);
    const t = rng.pick(TOWNS[dept]);
    return { ...t, dept };
  };
  const regionalTown = (): { town: string; postcode: string; dept: string } => {
    const dept = rng.pick(REGIONAL_DEPTS);
    const t = rng.pick(TOWNS[dept]);
    return { ...t, dept };
  };
  const companyName = (f: FamilyDef): string => {
    const trade = rng.pick(f.trades);
    const s1 = rng.pick(SURNAMES);
    switch (rng.int(0, 6)) {
      case 0: return `${trade} ${s1}`;
      case 1: return `${trade} ${rng.pick(PLACES)}`;
      case 2: return `${s1} ${trade}`;
      case 3: return `${trade} ${s1} et Fils`;
      case 4: return `Ets ${s1}`;
      case 5: return `${s1} & ${rng.pick(SURNAMES)}`;
      default: {
        const letters = "ABCDEGLMPRST";
        let acr = "";
        for (let i = 0; i < 3; i++) acr += letters[rng.int(0, letters.length - 1)];
        return `${acr} ${trade}`;
      }
    }
  };
  const add = (s: Supplier) => {
    all.push(s);
    const list = byFamily.get(s.family) ?? [];
    list.push(s);
    byFamily.set(s.family, list);
  };

  for (const f of FAMILIES) {
    // Local newspapers, subscription bodies and water companies are based in the area.
    const localMajors = f.code === "ADHES" || f.code === "ANNONCES" || f.code === "EAU";
    for (const major of f.majors) {
      names.add(major.toLowerCase());
      const siret = newSiret([3, 4, 5]);
      if (localMajors) {
        const t = localTown();
        add({
          name: major, form: f.code === "ADHES" ? "Association" : rng.pick(["SA", "SAS"]), siret, siretShown: siret, postcode: t.postcode,
          town: t.town, dept: t.dept, sme: f.code !== "EAU", insertion: false, family: f.code, scope: "major",
        });
        continue;
      }
      const pc = rng.pick(NATIONAL_POSTCODES);
      add({
        name: major, form: rng.pick(["SA", "SAS"]), siret, siretShown: siret, postcode: pc, town: CITY_BY_POSTCODE[pc],
        dept: pc.slice(0, 2), sme: false, insertion: false, family: f.code, scope: "major",
      });
    }
    for (let i = 0; i < f.pool.regional; i++) {
      const t = regionalTown();
      const siret = newSiret([3, 4, 5, 7, 8]);
      add({
        name: uniqueName(() => companyName(f)), form: rng.weighted(SME_FORMS, SME_FORM_WEIGHTS), siret, siretShown: siret,
        postcode: t.postcode, town: t.town, dept: t.dept, sme: rng.chance(0.9), insertion: false, family: f.code, scope: "regional",
      });
    }
    for (let i = 0; i < f.pool.local; i++) {
      const t = localTown();
      const siret = newSiret([3, 4, 5, 7, 8, 9]);
      add({
        name: uniqueName(() => companyName(f)), form: rng.weighted(SME_FORMS, SME_FORM_WEIGHTS), siret, siretShown: siret,
        postcode: t.postcode, town: t.town, dept: t.dept, sme: true, insertion: false, family: f.code, scope: "local",
      });
    }
    const ins = INSERTION_NAMES[f.code] ?? [];
    for (let i = 0; i < (f.pool.insertion ?? 0) && i < ins.length; i++) {
      names.add(ins[i].toLowerCase());
      const t = localTown();
      const siret = newSiret([7, 8]);
      add({
        name: ins[i], form: ins[i].startsWith("ESAT") || ins[i].startsWith("Chantier") ? "Association" : rng.pick(["Association", "SCOP SARL"]),
        siret, siretShown: siret, postcode: t.postcode, town: t.town, dept: t.dept, sme: true, insertion: true, family: f.code, scope: "insertion",
      });
    }
    for (let i = 0; i < (TAIL_COUNTS[f.code] ?? 0); i++) {
      const t = localTown();
      const assoc = f.code === "FETES" && i < ASSOCIATIONS_WITHOUT_SIRET.length;
      const siret = assoc ? null : newSiret([3, 4, 5, 7, 8, 9]);
      const name = assoc ? ASSOCIATIONS_WITHOUT_SIRET[i] : uniqueName(() => companyName(f));
      if (assoc) names.add(name.toLowerCase());
      add({
        name, form: assoc ? "Association" : rng.weighted(["EURL", "SARL", "Entreprise individuelle", "SASU"], [3, 3, 4, 2]),
        siret, siretShown: siret, postcode: t.postcode, town: t.town, dept: t.dept, sme: true, insertion: false, family: f.code, scope: "tail",
      });
    }
  }
  const ugap: Supplier = {
    name: "UGAP", form: "EPIC", siret: UGAP_SIRET, siretShown: UGAP_SIRET, postcode: "77420", town: "Champs-sur-Marne",
    dept: "77", sme: false, insertion: false, family: "*", scope: "ugap",
  };
  all.push(ugap);
  return { all, byFamily, ugap };
}

/** Supplier weights for an entity buying a family (local firms favoured, more so for proximity families). */
function supplierWeights(list: Supplier[], entity: EntityDef, fam: FamilyDef, forContract: boolean): number[] {
  const big = entity.type === "EPCI" || entity.budgetPopulation >= 9000;
  return list.map((s) => {
    switch (s.scope) {
      case "major": return forContract ? (big ? 3 : 1) : 0.6;
      case "regional": return forContract ? 2 : 1.2;
      case "local": return (s.dept === entity.departement ? 2.5 : 1) * (fam.proximity ? 2 : 1);
      case "insertion": return forContract ? 1.2 : 0.8;
      case "tail": return forContract ? 0 : 0.22;
      default: return 0;
    }
  });
}

function pickSuppliers(rng: Rng, book: SupplierBook, entity: EntityDef, fam: FamilyDef, k: number, forContract: boolean, exclude?: Set<Supplier>): Supplier[] {
  const pool = (book.byFamily.get(fam.code) ?? []).filter((s) => !exclude || !exclude.has(s));
  const weights = supplierWeights(pool, entity, fam, forContract);
  const chosen: Supplier[] = [];
  const w = weights.slice();
  for (let n = 0; n < k; n++) {
    if (!w.some((x) => x > 0)) break;
    const i = rng.weightedIndex(w);
    chosen.push(pool[i]);
    w[i] = 0;
  }
  return chosen;
}

// =============================================================================================
// Calendar sampling (weekdays, seasonality)

class Calendar {
  private readonly cums = new Map<SeasonKey, Float64Array>();
  constructor(private readonly first: number, private readonly last: number) {
    for (const key of Object.keys(SEASONS) as SeasonKey[]) {
      const weights: number[] = [];
      for (let d = first; d <= last; d++) {
        const m = ymdFromDay(d).month - 1;
        weights.push(isWeekday(d) ? SEASONS[key][m] * MANDAT_ACTIVITY[m] : 0);
      }
      this.cums.set(key, cumulative(weights));
    }
  }
  /** A weekday in [from, to] (clamped to the calendar) drawn with the season's weights. */
  sample(rng: Rng, season: SeasonKey, from: number, to: number): number {
    const cum = this.cums.get(season)!;
    const a = Math.max(from, this.first) - this.first;
    const b = Math.min(to, this.last) - this.first;
    if (b < a) return nextWeekday(Math.max(from, this.first));
    const lo = a > 0 ? cum[a - 1] : 0;
    const hi = cum[b];
    if (!(hi > lo)) return nextWeekday(this.first + a);
    const target = lo + rng.next() * (hi - lo);
    // binary search in [a, b]
    let l = a;
    let h = b;
    while (l < h) {
      const mid = (l + h) >>> 1;
      if (cum[mid] > target) h = mid;
      else l = mid + 1;
    }
    return this.first + l;
  }
}

// =============================================================================================
// Text helpers

function site(rng: Rng, entity: EntityDef): string {
  if (entity.type === "EPCI") return rng.pick(EPCI_SITES);
  if (entity.type === "CCAS") return rng.pick(["résidence autonomie Les Tilleuls", "locaux du CCAS", "foyer-restaurant seniors"]);
  return rng.pick(COMMUNE_SITES);
}

function plate(rng: Rng): string {
  const L = "ABCDEFGHJKLMNPRSTVWXYZ";
  const l = () => L[rng.int(0, L.length - 1)];
  return `${l()}${l()}-${rng.int(100, 999)}-${l()}${l()}`;
}

function fillObjet(rng: Rng, template: string, entity: EntityDef, day: number): string {
  if (!template.includes("{")) return template;
  const { year, month } = ymdFromDay(day);
  return template
    .replace("{site}", site(rng, entity))
    .replace("{mois}", MONTHS_FR[month - 1])
    .replace("{annee}", String(year))
    .replace("{immat}", plate(rng))
    .replace("{trimestre}", `T${Math.floor((month - 1) / 3) + 1} ${year}`);
}

function serviceFor(rng: Rng, entity: EntityDef, fam: FamilyDef): string {
  if (entity.type === "CCAS") return rng.pick(["Action sociale", "Portage de repas", "Résidence autonomie"]);
  return rng.pick(entity.type === "EPCI" ? fam.serviceEpci : fam.serviceCommune);
}

function territoryFor(rng: Rng, entity: EntityDef): string {
  if (entity.type !== "EPCI") return entity.territory;
  return rng.weighted(TERRITORIES as unknown as string[], [4, 2, 2, 2]);
}

function upper(name: string): string {
  return name.toLocaleUpperCase("fr-FR");
}

// =============================================================================================
// The generator

interface Ctx {
  rng: Rng;
  period: Period;
  cal: Calendar;
  book: SupplierBook;
  contracts: Contract[];
  refSeq: Map<string, number>;
  directAwardKeys: Set<string>;
  lines: LineRec[];
  order: number;
}

function nextRef(ctx: Ctx, buyer: EntityDef, year: number): string {
  const key = `${buyer.code}-${year}`;
  const n = (ctx.refSeq.get(key) ?? 0) + 1;
  ctx.refSeq.set(key, n);
  return `${key}-${String(n).padStart(3, "0")}`;
}

const ENV_VALUES = ["Clause environnementale", "Critère environnemental", "Clause environnementale, Critère environnemental"];
const SOCIAL_VALUES = ["Clause sociale", "Critère social", "Clause sociale, Critère social"];
const NO_ENV = "Pas de considération environnementale";
const NO_SOCIAL = "Pas de considération sociale";
const P_MAPA = "Procédure adaptée";
const P_AOO = "Appel d'offres ouvert";
const P_DIRECT = "Marché passé sans publicité ni mise en concurrence préalable";

const ENV_RATE: Record<string, number> = { ALIM: 0.85, NETT: 0.6, "ENE-ELEC": 0.8, "TRAV-BAT": 0.5, DECH: 0.9, "ESP-VERTS": 0.6, VEHIC: 0.7 };
const SOCIAL_RATE: Record<string, number> = { "ESP-VERTS": 0.4, NETT: 0.4, "TRAV-BAT": 0.3, VOIRIE: 0.3, DECH: 0.5 };

interface ContractSpec {
  buyer: EntityDef;
  family: FamilyDef;
  objet: string;
  launch: number;
  notification: number;
  duration: number;
  amount: number;
  supplier: Supplier;
  lots: number;
  channel: Contract["channel"];
  members: EntityDef[];
  ref?: string;
  procedure?: string;
  bids?: number | null;
  env?: string;
  social?: string;
  estimated?: number | null;
  pinned?: boolean;
  operation?: string | null;
  singleBidBoost?: boolean;
  allowDirect?: boolean;
}

function addContract(ctx: Ctx, spec: ContractSpec): Contract {
  const { rng } = ctx;
  const f = spec.family;
  const nature = f.nature;
  const T = dispenseThreshold(spec.launch, nature);
  const EU = euThreshold(spec.launch, nature);
  let procedure = spec.procedure;
  if (!procedure) {
    if (spec.amount >= EU) procedure = rng.weighted([P_AOO, "Appel d'offres restreint", "Procédure avec négociation", "Dialogue compétitif"], [80, 8, 8, 4]);
    else if (spec.amount < 0.9 * T && spec.allowDirect) {
      const key = `${spec.buyer.code}|${f.code}|${spec.supplier.name}`;
      if (!ctx.directAwardKeys.has(key)) {
        ctx.directAwardKeys.add(key);
        procedure = P_DIRECT;
      } else procedure = P_MAPA;
    } else procedure = P_MAPA;
  }
  let bids = spec.bids;
  if (bids === undefined) {
    if (procedure === P_DIRECT) bids = 1;
    else if (rng.chance(0.05)) bids = null;
    else {
      const single = procedure === P_MAPA ? (spec.singleBidBoost ? 0.2 : 0.12) : 0.06;
      bids = rng.chance(single) ? 1 : procedure === P_MAPA ? rng.int(2, 7) : rng.int(2, 9);
    }
  }
  const afterLoiClimat = spec.launch >= LOI_CLIMAT_DATE;
  const env = spec.env ?? (afterLoiClimat || rng.chance(ENV_RATE[f.code] ?? 0.3) ? rng.pick(ENV_VALUES) : NO_ENV);
  let social = spec.social;
  if (social === undefined) {
    if (spec.supplier.insertion) social = "Marché réservé";
    else if ((afterLoiClimat && spec.amount >= EU) || rng.chance(SOCIAL_RATE[f.code] ?? 0.12)) social = rng.pick(SOCIAL_VALUES);
    else social = NO_SOCIAL;
  }
  const estimated = spec.estimated !== undefined ? spec.estimated : rng.chance(0.9) ? round(spec.amount * rng.normal(1.05, 0.06), 100) : null;
  const c: Contract = {
    ref: spec.ref ?? nextRef(ctx, spec.buyer, ymdFromDay(spec.notification).year),
    buyer: spec.buyer,
    family: f,
    objet: spec.objet,
    nature,
    procedure,
    technique: f.technique,
    launch: spec.launch,
    notification: spec.notification,
    duration: spec.duration,
    end: addMonths(spec.notification, spec.duration),
    estimated,
    amount: spec.amount,
    bids,
    supplier: spec.supplier,
    social,
    env,
    lots: spec.lots,
    channel: spec.channel,
    members: spec.members,
    amended: null,
    pinned: spec.pinned ?? false,
    operation: spec.operation ?? null,
  };
  ctx.contracts.push(c);
  return c;
}

/** Duration adjusted so that the end does not fall within 7 days of the renewal-calendar boundaries. */
function safeDuration(period: Period, notification: number, duration: number): number {
  let d = duration;
  for (let i = 0; i < 4; i++) {
    const end = addMonths(notification, d);
    if (Math.abs(end - period.asOf) <= 7 || Math.abs(end - period.asOfPlus12) <= 7) d += 1;
    else break;
  }
  return d;
}

function contractAmount(rng: Rng, annual: number, months: number): number {
  const raw = annual * (months / 12) * rng.float(1.08, 1.4);
  const step = raw >= 100000 ? 1000 : 100;
  return Math.max(step, avoidBandsEuros(round(raw, step), step));
}

interface Route {
  entity: EntityDef;
  family: FamilyDef;
  annual: number;
  grp: number;
  own: number;
  ugap: number;
  hm: number;
}

function annualBudget(rng: Rng, e: EntityDef, f: FamilyDef): number {
  let perHab: number;
  if (e.type === "EPCI") perHab = f.perHabEpci;
  else if (e.type === "CCAS") perHab = f.perHabCcas ?? 0;
  else perHab = e.budgetPopulation >= (f.minPop ?? 0) ? f.perHabCommune : 0;
  if (perHab <= 0) return 0;
  return perHab * e.budgetPopulation * rng.logNormal(1, 0.2);
}

function routeFor(rng: Rng, e: EntityDef, f: FamilyDef): Route {
  const annual = annualBudget(rng, e, f);
  const r = f.channel;
  const pop = e.type === "EPCI" ? Infinity : e.budgetPopulation;
  const grpMember = !!r.groupement && (e.type !== "Commune" || pop >= (r.groupementMinPop ?? 0));
  const own =
    !grpMember &&
    ((e.type === "EPCI" && !!r.epciOwn) || (e.type === "CCAS" && !!r.ccasOwn) || (e.type === "Commune" && r.ownMinPop !== undefined && pop >= r.ownMinPop));
  const ugapOk = !!r.ugap && pop >= (r.ugapMinPop ?? 0);
  const route: Route = { entity: e, family: f, annual, grp: 0, own: 0, ugap: 0, hm: 0 };
  if (grpMember) {
    route.grp = 1 - r.hmShare;
    route.hm = r.hmShare;
  } else if (own) {
    route.own = 1 - r.hmShare;
    route.hm = r.hmShare;
  } else if (ugapOk) {
    route.hm = Math.max(r.hmShare, 1 - (r.ugap ?? 0));
    route.ugap = 1 - route.hm;
  } else route.hm = 1;
  return route;
}

interface Stream {
  kind: "contract" | "ugap" | "hm";
  entity: EntityDef;
  family: FamilyDef;
  from: number;
  to: number;
  budget: number;
  raw: number;
  chain: Contract[];
  suppliers: Supplier[];
  supplierWeights: number[];
  count: number;
  lot: number;
}

function sizeFactor(e: EntityDef): number {
  if (e.type === "EPCI") return 2.2;
  return Math.min(2.2, Math.max(0.55, Math.pow(e.budgetPopulation / 5000, 0.35)));
}

function yearFraction(from: number, to: number): number {
  return Math.max(0, to - from + 1) / 365;
}

/** Reserved entity × family × year groups (no natural hors-marché line in them). */
function reservedKeys(startYear: number): Set<string> {
  const y0 = startYear;
  const y1 = startYear + 1;
  return new Set([
    `VLR|MOBIL|${y0}`, `SAL|FETES|${y0}`, `BES|MAINT-VEH|${y1}`, `MLB|TRAV-BAT|${y0}`, `FAS|HONOR|${y1}`,
    `VLR|IMPR|${y1}`, `VLR|TRAV-BAT|${y1}`,
  ]);
}

export function generateDemo(options: DemoOptions = {}): DemoData {
  const seed = (options.seed ?? DEFAULT_SEED) >>> 0;
  const spendLines = options.spendLines ?? DEFAULT_SPEND_LINES;
  const contractTarget = options.contracts ?? DEFAULT_CONTRACTS;
  const period = makePeriod(options.startYear ?? 2025);
  const root = new Rng(seed);
  const rngSuppliers = root.fork("suppliers");
  const rngContracts = root.fork("contracts");
  const rngPlanted = root.fork("planted");
  const rngLines = root.fork("lines");
  const rngPost = root.fork("post");

  const book = buildSuppliers(rngSuppliers);
  const cal = new Calendar(D(period.startYear - 1, 12, 1), period.end);
  const ctx: Ctx = {
    rng: rngContracts, period, cal, book, contracts: [], refSeq: new Map(), directAwardKeys: new Set(), lines: [], order: 0,
  };
  const y0 = period.startYear;
  const y1 = period.startYear + 1;

  // ---- 1. Routes (entity × family budgets and channel shares)
  const routes: Route[] = [];
  for (const e of ENTITIES) for (const f of FAMILIES) {
    const r = routeFor(rngContracts, e, f);
    if (r.annual > 0) routes.push(r);
  }

  // ---- 2. Contracts: groupements, own contracts (series covering the period), works operations
  const streams: Stream[] = [];
  const ownSuppliersUsed = new Map<string, Set<Supplier>>();

  const buildSeries = (buyer: EntityDef, f: FamilyDef, members: Route[], channel: Contract["channel"], lotIndex: number, lotCount: number, lotShare: number) => {
    const rng = ctx.rng;
    const annual = members.reduce((s, r) => s + r.annual * (channel === "Groupement de commandes" ? r.grp : r.own), 0) * lotShare;
    if (annual <= 0) return [] as Contract[];
    const chain: Contract[] = [];
    let duration = rng.pick(f.durations);
    // First contract notified before the period so that it covers its start.
    const back = rng.int(1, Math.max(1, duration - 1));
    let notification = nextWeekday(addMonths(period.start, -back) + rng.int(-10, 10));
    let supplier: Supplier | null = null;
    const lotName = f.lots && lotCount > 1 ? f.lots[lotIndex] : null;
    const pooling = f.code === "FOU-BUR" || f.code === "PROD-ENT";
    for (let guard = 0; guard < 6 && notification <= period.end; guard++) {
      duration = safeDuration(period, notification, duration);
      const launch = prevWeekday(addMonths(notification, -rng.int(2, 5)) - rng.int(0, 12));
      if (!supplier || rng.chance(0.4)) {
        const used = ownSuppliersUsed.get(f.code) ?? new Set<Supplier>();
        const pick = pickSuppliers(rng, book, buyer, f, 1, true, pooling && channel === "Marché propre" ? used : undefined);
        supplier = pick[0] ?? pickSuppliers(rng, book, buyer, f, 1, true)[0];
        if (channel === "Marché propre") {
          used.add(supplier);
          ownSuppliersUsed.set(f.code, used);
        }
      }
      const amount = contractAmount(rng, annual, duration);
      const year = ymdFromDay(notification).year;
      // Lots of one consultation share a base reference: CAVL-2024-012-L1, -L2...
      const ref = lotCount > 1 ? `${lotRef(ctx, buyer, f, year, notification)}-L${lotIndex + 1}` : undefined;
      const objet = `${f.contractObjet}${lotName ? ` — lot ${lotIndex + 1} : ${lotName}` : ""}`;
      const c = addContract(ctx, {
        buyer, family: f, objet, launch, notification, duration, amount, supplier, lots: lotCount, channel,
        members: channel === "Groupement de commandes" ? members.map((m) => m.entity) : [], ref,
        allowDirect: channel === "Marché propre" && buyer.type === "Commune" && !!f.channel.directAwardOwn,
      });
      chain.push(c);
      notification = nextWeekday(c.end);
      duration = rng.pick(f.durations);
    }
    return chain;
  };

  // Lots of the same consultation (same buyer, family, notification) share a base number.
  const lotBase = new Map<string, string>();
  function lotRef(c: Ctx, buyer: EntityDef, f: FamilyDef, year: number, notification: number): string {
    const key = `${buyer.code}|${f.code}|${notification}`;
    let base = lotBase.get(key);
    if (!base) {
      base = nextRef(c, buyer, year);
      lotBase.set(key, base);
    }
    return base;
  }

  const lotShares = (rng: Rng, n: number): number[] => {
    const w = Array.from({ length: n }, (_, i) => rng.logNormal(i === 0 ? 1.6 : 1, 0.3));
    const s = w.reduce((a, b) => a + b, 0);
    return w.map((x) => x / s);
  };

  // Groupements coordinated by the EPCI.
  for (const f of FAMILIES) {
    if (!f.channel.groupement) continue;
    const members = routes.filter((r) => r.family === f && r.grp > 0);
    if (members.length === 0) continue;
    const nLots = f.lots?.length ?? 1;
    const shares = lotShares(ctx.rng, nLots);
    // All lots of a groupement share the notification: build lot 1 then align the others.
    const chains: Contract[][] = [];
    for (let l = 0; l < nLots; l++) {
      const chain = l === 0 ? buildSeries(epci(), f, members, "Groupement de commandes", l, nLots, shares[l]) : alignedSeries(ctx, chains[0], f, members, l, nLots, shares[l]);
      chains.push(chain);
      for (const m of members) {
        streams.push(contractStream(m.entity, f, chain, m.annual * m.grp * shares[l], period, l));
      }
    }
  }

  function alignedSeries(c: Ctx, lead: Contract[], f: FamilyDef, members: Route[], l: number, nLots: number, share: number): Contract[] {
    const rng = c.rng;
    const annual = members.reduce((s, r) => s + r.annual * r.grp, 0) * share;
    return lead.map((lc) => {
      const supplier = pickSuppliers(rng, book, epci(), f, 1, true)[0];
      const year = ymdFromDay(lc.notification).year;
      return addContract(c, {
        buyer: lc.buyer, family: f, objet: `${f.contractObjet} — lot ${l + 1} : ${f.lots![l]}`, launch: lc.launch,
        notification: lc.notification, duration: lc.duration, amount: contractAmount(rng, annual, lc.duration), supplier, lots: nLots,
        channel: "Groupement de commandes", members: members.map((m) => m.entity),
        ref: `${lotRef(c, lc.buyer, f, year, lc.notification)}-L${l + 1}`,
      });
    });
  }

  // Own contracts.
  for (const r of routes) {
    if (r.own <= 0) continue;
    const f = r.family;
    const isBig = r.entity.type === "EPCI" || r.entity.budgetPopulation >= 9000;
    const nLots = f.lots && isBig ? f.lots.length : 1;
    const shares = nLots > 1 ? lotShares(ctx.rng, nLots) : [1];
    let lead: Contract[] | null = null;
    for (let l = 0; l < nLots; l++) {
      let chain: Contract[];
      if (l === 0 || !lead) {
        chain = buildSeries(r.entity, f, [r], "Marché propre", l, nLots, shares[l]);
        lead = chain;
      } else {
        chain = lead.map((lc) => {
          const supplier = pickSuppliers(ctx.rng, book, r.entity, f, 1, true)[0];
          const year = ymdFromDay(lc.notification).year;
          return addContract(ctx, {
            buyer: r.entity, family: f, objet: `${f.contractObjet} — lot ${l + 1} : ${f.lots![l]}`, launch: lc.launch,
            notification: lc.notification, duration: lc.duration, amount: contractAmount(ctx.rng, r.annual * r.own * shares[l], lc.duration),
            supplier, lots: nLots, channel: "Marché propre", members: [], ref: `${lotRef(ctx, r.entity, f, year, lc.notification)}-L${l + 1}`,
          });
        });
      }
      streams.push(contractStream(r.entity, f, chain, r.annual * r.own * shares[l], period, l));
    }
  }

  // UGAP and hors-marché streams.
  const reserved = reservedKeys(y0);
  for (const r of routes) {
    const f = r.family;
    if (r.ugap > 0) {
      const budget = r.annual * r.ugap * yearFraction(period.start, period.end);
      streams.push({
        kind: "ugap", entity: r.entity, family: f, from: period.start, to: period.end, budget, raw: 0, chain: [],
        suppliers: [book.ugap], supplierWeights: [1], count: 0, lot: 0,
      });
    }
    if (r.hm > 0) {
      for (const year of [y0, y1]) {
        if (reserved.has(`${r.entity.code}|${f.code}|${year}`)) continue;
        const from = D(year, 1, 1);
        const to = year === y1 ? period.end : D(year, 12, 31);
        let budget = r.annual * r.hm * yearFraction(from, to);
        if (!f.excludedReason) {
          // Caps: group sums stay far below the threshold, and single lines below 32 000 €.
          const cap = f.nature === "Travaux" ? ctx.rng.float(0.3, 0.7) * 100000 : ctx.rng.float(0.4, 0.76) * 40000;
          budget = Math.min(budget, cap);
        }
        if (budget < 50) continue;
        const k = budget > 8000 ? ctx.rng.int(2, 5) : ctx.rng.int(1, 3);
        const sup = pickSuppliers(ctx.rng, book, r.entity, f, k, false);
        if (sup.length === 0) continue;
        const sw = sup.map((_, i) => 1 / (i + 1) ** 1.3);
        streams.push({ kind: "hm", entity: r.entity, family: f, from, to, budget, raw: 0, chain: [], suppliers: sup, supplierWeights: sw, count: 0, lot: 0 });
      }
    }
  }

  // Works operations (buildings): one MAPA contract per lot, monthly progress payments.
  const worksLines: LineRec[] = [];
  const worksContracts: Contract[] = [];
  planWorksOperations(ctx, rngContracts, worksLines, worksContracts);

  // ---- 3. Planted contracts and lines
  const planted: PlantedCase[] = [];
  const controls: ControlCase[] = [];
  const plantedLines: LineRec[] = [];
  const plantedInfo = plantCases(ctx, rngPlanted, plantedLines, planted, controls);

  // ---- 4. Fill the register up to the target with one-off contracts (études, mobilier, missions)
  const oneOffLines: LineRec[] = [];
  fillOneOffContracts(ctx, rngContracts, contractTarget, oneOffLines, Math.floor(spendLines * 0.05));
  // Small sizes: keep works progress payments to a quarter of the sheet.
  const worksBudget = Math.floor(spendLines * 0.25);
  if (worksLines.length > worksBudget) {
    const keep = new Set(rngContracts.sample(worksLines.map((_, i) => i), worksBudget));
    const kept = worksLines.filter((_, i) => keep.has(i));
    worksLines.length = 0;
    worksLines.push(...kept);
  }

  // ---- 5. Lots of one consultation share its procedure, chosen on the total of the lots
  alignLotProcedures(ctx);

  // ---- 5b. Natural amendments, then planted ones
  for (const c of ctx.contracts) {
    if (c.pinned || c.notification > addMonths(period.end, -4)) continue;
    if (rngContracts.chance(0.12)) c.amended = round(c.amount * (1 + rngContracts.float(0.01, 0.085)), 100);
  }
  plantAmendments(ctx, planted, controls, worksContracts);

  // ---- 6. Natural lines: allocate the remaining line count across streams
  const creditCount = Math.max(5, Math.round(spendLines * 0.004));
  const dirtyCount = DIRTY_ROW_COUNT;
  const fixed = worksLines.length + plantedLines.length + oneOffLines.length + creditCount + dirtyCount;
  const naturalTarget = spendLines - fixed;
  if (naturalTarget < Math.max(300, spendLines * 0.3)) throw new Error(`spendLines trop petit (${spendLines}) : ${fixed} lignes imposées`);
  for (const s of streams) s.raw = s.budget / (s.family.lineMedian * sizeFactor(s.entity));
  allocateCounts(streams, naturalTarget);
  const naturalLines: LineRec[] = [];
  for (const s of streams) emitStream(ctx, rngLines, s, naturalLines);

  ctx.lines = [...naturalLines, ...worksLines, ...oneOffLines, ...plantedLines];

  // ---- 7. Credit notes, late payments, dirty rows
  const creditLines = makeCreditNotes(ctx, rngPost, naturalLines, creditCount);
  ctx.lines.push(...creditLines);
  const latePlanted = plantLatePayments(ctx, rngPost, naturalLines);
  const dirty = makeDirtyRows(ctx, rngPost, naturalLines);
  ctx.lines.push(...dirty.lines);

  // ---- 8. Assemble the spend sheet
  const spend = assembleSpend(ctx);

  // ---- 9. Planted cases that are read from the final data
  finishPlanted(ctx, period, planted, controls, plantedInfo, latePlanted, dirty, spend.totalHTCents, creditLines);

  const suppliersTable = buildSuppliersTable(book);
  return {
    spend: spend.table,
    contracts: buildContractsTable(ctx.contracts),
    entities: buildEntitiesTable(),
    nomenclature: buildNomenclatureTable(),
    suppliers: suppliersTable,
    planted,
    controls,
  };
}

function alignLotProcedures(ctx: Ctx): void {
  const groups = new Map<string, Contract[]>();
  for (const c of ctx.contracts) {
    const m = /^(.*)-L\d+$/.exec(c.ref);
    if (!m) continue;
    const list = groups.get(m[1]) ?? [];
    list.push(c);
    groups.set(m[1], list);
  }
  for (const list of groups.values()) {
    const lead = list[0];
    const total = list.reduce((s, c) => s + c.amount, 0);
    const EU = euThreshold(lead.launch, lead.nature);
    const competitiveFormal = lead.procedure !== P_MAPA && lead.procedure !== P_DIRECT ? lead.procedure : P_AOO;
    const procedure = total >= EU ? competitiveFormal : P_MAPA;
    for (const c of list) {
      if (c.pinned) continue;
      c.procedure = procedure;
    }
  }
}

function contractStream(entity: EntityDef, f: FamilyDef, chain: Contract[], annual: number, period: Period, lot: number): Stream {
  const from = chain.length ? Math.max(period.start, chain[0].notification) : period.start;
  const to = chain.length ? Math.min(period.end, chain[chain.length - 1].end - 1) : period.end;
  return {
    kind: "contract", entity, family: f, from, to, budget: annual * yearFraction(from, to), raw: 0, chain,
    suppliers: [], supplierWeights: [], count: 0, lot,
  };
}

/** Largest-remainder allocation of `total` lines proportionally to `raw`. */
function allocateCounts(streams: Stream[], total: number): void {
  const sum = streams.reduce((s, x) => s + (x.budget > 0 ? x.raw : 0), 0);
  const k = total / sum;
  let assigned = 0;
  const fracs: { i: number; f: number }[] = [];
  streams.forEach((s, i) => {
    const exact = s.budget > 0 ? s.raw * k : 0;
    s.count = Math.floor(exact);
    assigned += s.count;
    fracs.push({ i, f: exact - s.count });
  });
  fracs.sort((a, b) => b.f - a.f || a.i - b.i);
  for (let j = 0; assigned < total; j = (j + 1) % fracs.length) {
    streams[fracs[j].i].count++;
    assigned++;
  }
}

function newLine(ctx: Ctx, fields: Partial<LineRec> & Pick<LineRec, "date" | "entity" | "family" | "htCents">, rng: Rng): LineRec {
  const f = fields.family;
  return {
    service: fields.service ?? serviceFor(rng, fields.entity, f),
    territory: fields.territory ?? territoryFor(rng, fields.entity),
    familyBlank: false,
    cpv: null,
    supplier: null,
    contract: null,
    contractRefCell: null,
    channelCell: null,
    objet: "",
    operation: null,
    vat: f.vat,
    receipt: null,
    paid: null,
    item: null,
    kind: "natural",
    tag: null,
    override: null,
    siretSpaced: false,
    order: ctx.order++,
    row: 0,
    ...fields,
  };
}

/** Invoice receipt and payment dates around a mandat date (DGP mostly within 30 days). */
function paymentDates(rng: Rng, period: Period, date: number): { receipt: number | null; paid: number | null } {
  if (rng.chance(0.03)) return { receipt: null, paid: null };
  const receipt = date - rng.int(2, 18);
  let dgp: number;
  if (rng.chance(0.03)) dgp = rng.int(31, 44);
  else dgp = Math.max(date - receipt + 1, Math.min(29, date - receipt + rng.int(1, 8)));
  const paid = receipt + dgp;
  return { receipt, paid: paid <= period.end ? paid : null };
}

function itemFor(rng: Rng, f: FamilyDef, entity: EntityDef, htCents: number, forceRef?: string, priceCentsOverride?: number) {
  if (!f.items) return null;
  const it = forceRef ? f.items.find((i) => i.ref === forceRef)! : rng.pick(f.items);
  const unitCents = priceCentsOverride ?? Math.round(it.price * 100 * entityPriceFactor(entity, it.ref));
  const qty = Math.max(1, Math.round(htCents / unitCents));
  return { ref: it.ref, qty, unitCents, unit: it.unit };
}

/** Stable per-entity price factor for an item (±8 %): small dispersion for ordinary items. */
function entityPriceFactor(entity: EntityDef, ref: string): number {
  let h = 0;
  const s = entity.code + "|" + ref;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) >>> 0;
  return 0.92 + ((h % 1000) / 1000) * 0.16;
}

/** Planted ream price per entity: 3.20 € (largest buyer) to 5.10 € (smallest commune). */
const REAM_REF = "Ramette papier A4 80g";
function reamPriceCents(entity: EntityDef): number {
  const order = ["SAL", "CAVL", "VLR", "FAS", "BES", "MLB", "CSC", "FSC", "SHV", "CCAS", "OSB", "EDV", "MEG", "VLF"];
  const i = order.indexOf(entity.code);
  const prices = [320, 335, 342, 358, 369, 384, 395, 412, 428, 436, 455, 472, 489, 510];
  return prices[Math.max(0, i)];
}

const BLANK_FAMILY_CODES = new Set(["FOU-BUR", "NETT", "CARB"]);

function emitStream(ctx: Ctx, rng: Rng, s: Stream, out: LineRec[]): void {
  if (s.count <= 0 || s.budget <= 0) return;
  const f = s.family;
  const weights = Array.from({ length: s.count }, () => rng.logNormal(1, f.sigma));
  const wsum = weights.reduce((a, b) => a + b, 0);
  const dates = Array.from({ length: s.count }, () => ctx.cal.sample(rng, f.season, s.from, s.to)).sort((a, b) => a - b);
  const cumW = s.suppliers.length ? cumulative(s.supplierWeights) : null;
  let reamDone = false;
  for (let i = 0; i < s.count; i++) {
    const date = dates[i];
    let htCents = Math.max(500, Math.round((s.budget * weights[i] * 100) / wsum));
    htCents = avoidBandsCents(htCents);
    let contract: Contract | null = null;
    let supplier: Supplier;
    if (s.kind === "contract") {
      contract = s.chain.find((c) => date >= c.notification && date < c.end) ?? s.chain[s.chain.length - 1];
      supplier = contract.supplier;
    } else supplier = s.suppliers[pickCumulative(cumW!, rng.next())];
    let item = null;
    if (f.items && s.kind !== "ugap") {
      if (f.code === "FOU-BUR" && !reamDone) {
        item = itemFor(rng, f, s.entity, Math.min(htCents, 120000), REAM_REF, reamPriceCents(s.entity));
        reamDone = true;
      } else if (rng.chance(f.itemShare ?? 0)) {
        const it = itemFor(rng, f, s.entity, htCents);
        item = it && it.ref === REAM_REF ? itemFor(rng, f, s.entity, htCents, REAM_REF, reamPriceCents(s.entity)) : it;
        // Only when the unit price is small against the line, so that rounding to whole units
        // moves the amount by 5 % at most (hors-marché group caps stay valid).
        if (item && item.unitCents * 10 > htCents) item = null;
      }
      if (item) {
        while (item.qty > 1 && inAvoidZone((item.qty * item.unitCents) / 100)) item.qty = Math.floor(item.qty * 0.86);
        htCents = item.qty * item.unitCents;
      }
    }
    const pay = paymentDates(rng, ctx.period, date);
    const channelCell =
      s.kind === "ugap" ? "Centrale d'achat" : s.kind === "hm" ? (rng.chance(0.7) ? "Hors marché" : null) : rng.chance(0.92) ? contract!.channel : null;
    const refCell = contract && rng.chance(0.96) ? contract.ref : null;
    const line = newLine(ctx, {
      date, entity: s.entity, family: f, htCents, supplier, contract,
      contractRefCell: contract ? (refCell ?? (channelCell ? null : contract.ref)) : null,
      channelCell,
      cpv: f.cpv && (BLANK_FAMILY_CODES.has(f.code) || rng.chance(s.kind === "hm" ? 0.2 : 0.55)) ? f.cpv : null,
      objet: item ? item.ref : fillObjet(rng, rng.pick(f.lineObjets), s.entity, date),
      operation: f.code === "VOIRIE" && s.kind === "contract" ? `Voirie ${ymdFromDay(date).year} — ${rng.pick(STREETS)}` : null,
      receipt: pay.receipt, paid: pay.paid, item,
      // A few lines without the buyer's family code (classified by CPV then): three families only.
      familyBlank: s.kind === "contract" && BLANK_FAMILY_CODES.has(f.code) && rng.chance(0.01),
      siretSpaced: rng.chance(0.02),
    }, rng);
    out.push(line);
  }
}

// =============================================================================================
// Works operations

function planWorksOperations(ctx: Ctx, rng: Rng, out: LineRec[], contractsOut: Contract[]): void {
  const { period } = ctx;
  const f = familyByCode("TRAV-BAT");
  const opWindowStart = D(period.startYear - 1, 5, 1);
  const opWindowEnd = D(period.startYear + 1, 6, 30);
  for (const e of ENTITIES) {
    if (e.type === "CCAS") continue;
    const pop = e.budgetPopulation;
    let nOps: number;
    if (e.type === "EPCI") nOps = 4;
    else if (pop >= 9000) nOps = 3;
    else if (pop >= 3000) nOps = 2;
    else if (pop >= 1500) nOps = 1;
    else nOps = rng.chance(0.6) ? 1 : 0;
    const labels = rng.sample(e.type === "EPCI" ? EPCI_OPERATIONS : BUILDING_OPERATIONS, nOps);
    const launches = Array.from({ length: nOps }, () => rng.int(opWindowStart, opWindowEnd)).sort((a, b) => a - b);
    labels.forEach((label, k) => {
      const launch = nextWeekday(launches[k]);
      const year = ymdFromDay(launch).year;
      const opCode = `OP-${e.code}-${year}-${String(k + 1).padStart(2, "0")}`;
      const operation = `${opCode} ${label}`;
      const budget = e.type === "EPCI" ? rng.logNormal(900000, 0.35) : Math.min(1500000, rng.logNormal(Math.max(130000, pop * 28), 0.35));
      const nLots = budget < 200000 ? rng.int(2, 3) : rng.int(3, 6);
      const lotNames = [WORKS_LOTS[0], ...rng.sample(WORKS_LOTS.slice(1), nLots - 1)];
      const w = lotNames.map((_, i) => rng.logNormal(i === 0 ? 2 : 1, 0.35));
      const ws = w.reduce((a, b) => a + b, 0);
      const notification = nextWeekday(addMonths(launch, rng.int(2, 3)));
      const used = new Set<Supplier>();
      const base = nextRef(ctx, e, ymdFromDay(notification).year);
      lotNames.forEach((lotName, l) => {
        const amountCents = avoidBandsCents(Math.round((budget * w[l]) / ws) * 100 + rng.int(0, 99));
        const amount = amountCents / 100;
        const supplier = pickSuppliers(rng, ctx.book, e, f, 1, true, used)[0];
        used.add(supplier);
        const duration = safeDuration(period, notification, rng.int(5, 14));
        const c = addContract(ctx, {
          buyer: e, family: f, objet: `${label} — lot ${l + 1} : ${lotName}`, launch, notification, duration, amount,
          supplier, lots: nLots, channel: "Marché propre", members: [], ref: `${base}-L${l + 1}`, operation, singleBidBoost: true,
        });
        contractsOut.push(c);
        // Progress payments: monthly from one month after notification to the end of works.
        const start = addMonths(notification, 1);
        const months: number[] = [];
        for (let m = 0; ; m++) {
          const d = addMonths(start, m);
          if (d >= c.end || d > period.end) break;
          if (d >= period.start) months.push(d);
        }
        if (months.length === 0) return;
        const completion = Math.min(1, months.length / Math.max(1, duration - 1));
        const executed = amountCents * completion * rng.float(0.93, 1);
        const mw = months.map((_, i) => rng.logNormal(i === 0 || i === months.length - 1 ? 0.6 : 1, 0.25));
        const mws = mw.reduce((a, b) => a + b, 0);
        months.forEach((d0, i) => {
          const date = nextWeekday(d0 + rng.int(0, 12));
          if (date > period.end) return;
          const htCents = avoidBandsCents(Math.max(10000, Math.round((executed * mw[i]) / mws)));
          const pay = paymentDates(rng, period, date);
          out.push(newLine(ctx, {
            date, entity: e, family: f, htCents, supplier, contract: c, contractRefCell: c.ref, channelCell: "Marché propre",
            cpv: rng.chance(0.6) ? f.cpv : null, objet: `Situation de travaux n°${i + 1} — ${lotName}`, operation,
            receipt: pay.receipt, paid: pay.paid, service: e.type === "EPCI" ? "Patrimoine" : "Bâtiments",
          }, rng));
        });
      });
    });
  }
}

// =============================================================================================
// One-off contracts (fill-up to the target register size)

const ONE_OFF: { family: string; objets: string[] }[] = [
  { family: "HONOR", objets: ["Étude de programmation", "Diagnostic énergétique du patrimoine", "Mission de maîtrise d'œuvre — aménagement du centre-bourg", "Étude de circulation et de stationnement", "Assistance à la révision du PLU"] },
  { family: "MOBIL", objets: ["Mobilier de la médiathèque", "Mobilier scolaire — rentrée", "Équipement de la salle du conseil"] },
  { family: "INFO-MAT", objets: ["Équipement numérique des écoles", "Renouvellement du parc informatique", "Vidéoprotection — caméras"] },
  { family: "BAT-ENT", objets: ["Remplacement de la chaudière", "Désamiantage des locaux techniques", "Mise en conformité électrique"] },
  { family: "ESP-VERTS", objets: ["Plantation d'arbres d'alignement", "Aménagement paysager du parc", "Création d'un jardin partagé"] },
  { family: "FORM", objets: ["Formation des agents à la conduite d'engins", "Cycle de formation management"] },
  { family: "IMPR", objets: ["Impression du magazine d'information", "Signalétique des bâtiments publics"] },
  { family: "FETES", objets: ["Spectacle pyrotechnique", "Organisation du festival d'été"] },
  { family: "VEHIC", objets: ["Acquisition d'une balayeuse compacte", "Acquisition d'un tracteur tondeuse"] },
  { family: "ECL-PUB", objets: ["Passage en LED de l'éclairage public — tranche 1", "Illuminations de fin d'année"] },
];

/** Adds one-off contracts until the register reaches `target`; their invoices stop at `maxLines`. */
function fillOneOffContracts(ctx: Ctx, rng: Rng, target: number, out: LineRec[], maxLines: number): void {
  const { period } = ctx;
  const buyers = ENTITIES.filter((e) => e.type !== "CCAS");
  const bw = buyers.map((e) => (e.type === "EPCI" ? 20000 : e.budgetPopulation) ** 0.7);
  while (ctx.contracts.length < target) {
    const spec = rng.pick(ONE_OFF);
    const f = familyByCode(spec.family);
    const buyer = rng.weighted(buyers, bw);
    const launch = nextWeekday(rng.int(period.start - 120, period.end - 75));
    const notification = nextWeekday(launch + rng.int(35, 70));
    if (notification > period.end) continue;
    const amount = avoidBandsEuros(round(Math.min(180000, Math.max(6000, rng.logNormal(26000, 0.7))), 100), 100);
    const supplier = pickSuppliers(rng, ctx.book, buyer, f, 1, true)[0];
    const duration = safeDuration(period, notification, rng.pick([3, 4, 6, 8, 12]));
    const c = addContract(ctx, {
      buyer, family: f, objet: rng.pick(spec.objets), launch, notification, duration, amount, supplier, lots: 1,
      channel: "Marché propre", members: [], allowDirect: true,
    });
    // 1 to 3 invoices after notification, within the period.
    const n = rng.int(1, 3);
    const executed = amount * 100 * rng.float(0.85, 1);
    const shares = Array.from({ length: n }, () => rng.float(0.5, 1.5));
    const ss = shares.reduce((a, b) => a + b, 0);
    for (let i = 0; i < n && out.length < maxLines; i++) {
      const date = nextWeekday(notification + rng.int(20, 60) + i * rng.int(30, 60));
      if (date > period.end) break;
      const htCents = avoidBandsCents(Math.round((executed * shares[i]) / ss));
      const pay = paymentDates(rng, period, date);
      out.push(newLine(ctx, {
        date, entity: buyer, family: f, htCents, supplier, contract: c, contractRefCell: c.ref, channelCell: "Marché propre",
        cpv: f.cpv && rng.chance(0.6) ? f.cpv : null, objet: n > 1 ? `${c.objet} — facture ${i + 1}` : c.objet,
        receipt: pay.receipt, paid: pay.paid,
      }, rng));
    }
  }
}

// =============================================================================================
// Planted cases

interface PlantedInfo {
  splitting: { caseIndex: number; tag: string; threshold: number }[];
  controlsSplit: { caseIndex: number; tag: string; threshold: number }[];
  bunching: { caseIndex: number; tag: string };
  direct: { caseIndex: number; tag: string }[];
}

interface SplitSpec {
  tag: string;
  entity: string;
  family: string;
  year: number;
  from: number;
  to: number;
  /** Total to reach, as a multiple of the threshold in force at the first purchase. */
  factor: number;
  lines: number;
  description: string;
  objets: string[];
  operations?: string[];
  nSuppliers: number;
  /** A first small purchase on this day (before `from`) sets the threshold date. */
  firstDay?: number;
}

function plantCases(ctx: Ctx, rng: Rng, out: LineRec[], planted: PlantedCase[], controls: ControlCase[]): PlantedInfo {
  const { period } = ctx;
  const y0 = period.startYear;
  const y1 = y0 + 1;
  const info: PlantedInfo = { splitting: [], controlsSplit: [], bunching: { caseIndex: -1, tag: "" }, direct: [] };

  const plantGroup = (spec: SplitSpec): { threshold: number; total: number } => {
    const e = entityByCode(spec.entity);
    const f = familyByCode(spec.family);
    const suppliers = pickSuppliers(rng, ctx.book, e, f, spec.nSuppliers, false).filter((s) => s.scope !== "tail" && s.siret);
    const sup = suppliers.length ? suppliers : pickSuppliers(rng, ctx.book, e, f, 1, true);
    const dates: number[] = [];
    if (spec.firstDay !== undefined) dates.push(nextWeekday(spec.firstDay));
    while (dates.length < spec.lines) dates.push(nextWeekday(rng.int(spec.from, spec.to)));
    dates.sort((a, b) => a - b);
    const threshold = dispenseThreshold(dates[0], f.nature);
    const targetCents = Math.round(threshold * spec.factor * 100);
    const w = dates.map((_, i) => (spec.firstDay !== undefined && i === 0 ? 0.25 : rng.float(0.7, 1.3)));
    const ws = w.reduce((a, b) => a + b, 0);
    let amounts = w.map((x) => Math.round((targetCents * x) / ws / 100) * 100 + rng.int(0, 99));
    // Every line must stay below the threshold and outside the bunching bands.
    amounts = amounts.map((c) => avoidBandsCents(Math.min(c, Math.round(threshold * 100 * 0.78))));
    // Top up the last lines so the group reaches the factor (still below the threshold each).
    let total = amounts.reduce((a, b) => a + b, 0);
    for (let i = amounts.length - 1; total < targetCents && i >= 0; i--) {
      const room = Math.round(threshold * 100 * 0.85) - amounts[i];
      const add = Math.min(room, targetCents - total);
      if (add > 0 && !inAvoidZone((amounts[i] + add) / 100)) {
        amounts[i] += add;
        total += add;
      }
    }
    dates.forEach((date, i) => {
      const supplier = sup[i % sup.length];
      const pay = paymentDates(rng, period, date);
      out.push(newLine(ctx, {
        date, entity: e, family: f, htCents: amounts[i], supplier, contract: null, contractRefCell: null,
        channelCell: rng.chance(0.75) ? "Hors marché" : null, cpv: f.cpv && rng.chance(0.3) ? f.cpv : null,
        objet: spec.objets[i % spec.objets.length], operation: spec.operations ? spec.operations[i % spec.operations.length] : null,
        receipt: pay.receipt, paid: pay.paid, kind: "planted", tag: spec.tag,
      }, rng));
    });
    return { threshold, total };
  };

  // --- Splitting (positive cases)
  const splits: SplitSpec[] = [
    {
      tag: "split-mobil", entity: "VLR", family: "MOBIL", year: y0, from: D(y0, 3, 3), to: D(y0, 11, 28), factor: 1.16, lines: 7, nSuppliers: 2,
      description: "Mobilier du nouveau pôle administratif commandé en sept bons hors marché sur l'année",
      objets: ["Bureaux et caissons — pôle administratif", "Sièges ergonomiques", "Armoires hautes", "Tables de réunion", "Mobilier d'accueil", "Cloisons acoustiques", "Rangements archives"],
    },
    {
      tag: "split-fetes", entity: "SAL", family: "FETES", year: y0, from: D(y0, 1, 8), to: D(y0, 12, 19), factor: 2.36, lines: 16, nSuppliers: 4,
      description: "Animations et prestations festives achetées hors marché toute l'année : cumul supérieur à 90 000 € (sévérité renforcée)",
      objets: ["Feu d'artifice du 14 juillet", "Sonorisation fête de la musique", "Spectacle de fin d'année", "Vœux du maire — traiteur", "Location de chapiteau", "Animation marché de Noël", "Carnaval — chars et fanfare", "Fête du sport — structures gonflables"],
    },
    {
      tag: "split-honor-2026", entity: "FAS", family: "HONOR", year: y1, from: D(y1, 4, 8), to: D(y1, 10, 23), factor: 1.18, lines: 6, nSuppliers: 2, firstDay: D(y1, 2, 10),
      description: "Études confiées hors marché : premier achat en février (seuil de 40 000 € alors en vigueur), la suite après le 1er avril",
      objets: ["Relevé topographique du centre-bourg", "Étude de faisabilité — halle couverte", "Diagnostic structure de la halle", "Étude de programmation — halle", "Honoraires géomètre", "Assistance juridique — bail"],
    },
    {
      tag: "split-vehic-2026", entity: "BES", family: "MAINT-VEH", year: y1, from: D(y1, 4, 7), to: D(y1, 10, 28), factor: 1.07, lines: 9, nSuppliers: 3,
      description: "Réparations du parc de véhicules hors marché, toutes après le 1er avril (seuil de 60 000 €)",
      objets: ["Réparation moteur camion benne", "Remplacement embrayage utilitaire", "Réparation tractopelle", "Pneumatiques et géométrie", "Réparation carrosserie", "Révision complète balayeuse", "Réparation hydraulique nacelle", "Remplacement boîte de vitesses", "Réparation tondeuse autoportée"],
    },
    {
      tag: "split-works-op", entity: "MLB", family: "TRAV-BAT", year: y0, from: D(y0, 4, 1), to: D(y0, 11, 14), factor: 1.18, lines: 4, nSuppliers: 3,
      operations: [`OP-MLB-${y0}-07 Extension de l'école élémentaire`],
      description: "Travaux d'une même opération confiés hors marché à plusieurs artisans : cumul de l'opération supérieur au seuil travaux",
      objets: ["Maçonnerie — extension école", "Menuiseries — extension école", "Électricité — extension école", "Peinture — extension école"],
    },
  ];
  for (const spec of splits) {
    if (spec.from > period.end) continue;
    const { threshold, total } = plantGroup(spec);
    const f = familyByCode(spec.family);
    planted.push({
      kind: "splitting", description: spec.description, entity: entityByCode(spec.entity).name, familyCode: spec.family, year: spec.year,
      rows: [], expected: {
        alert: 1, threshold, sumHT: euros(total), lines: spec.lines, nature: f.nature,
        severity: total >= 9000000 ? "élevée" : "normale", ...(spec.operations ? { operation: spec.operations[0] } : {}),
      },
    });
    info.splitting.push({ caseIndex: planted.length - 1, tag: spec.tag, threshold });
  }

  // --- Splitting controls (must not alert)
  const ctlSplits: (SplitSpec & { why: string })[] = [
    {
      tag: "ctl-impr-2026", entity: "VLR", family: "IMPR", year: y1, from: D(y1, 4, 14), to: D(y1, 10, 27), factor: 0.87, lines: 6, nSuppliers: 2,
      description: "Impressions hors marché 2026, toutes après le 1er avril : cumul entre 40 000 € et 60 000 €",
      why: "seuil de 60 000 € en vigueur au premier achat du groupe",
      objets: ["Impression bulletin municipal", "Affiches saison culturelle", "Guide pratique de la ville", "Plans de ville", "Programme des festivités", "Kakémonos"],
    },
    {
      tag: "ctl-works-ops", entity: "VLR", family: "TRAV-BAT", year: y1, from: D(y1, 3, 2), to: D(y1, 10, 16), factor: 0.6, lines: 3, nSuppliers: 2,
      operations: [`OP-VLR-${y1}-11 Réfection des sanitaires de l'école maternelle`],
      description: "Travaux hors marché d'une opération (sanitaires de l'école maternelle), sous le seuil travaux",
      why: "par opération, chaque cumul reste sous 100 000 € (le cumul des deux opérations le dépasse)",
      objets: ["Plomberie — sanitaires", "Carrelage — sanitaires", "Menuiserie — sanitaires"],
    },
    {
      tag: "ctl-works-ops", entity: "VLR", family: "TRAV-BAT", year: y1, from: D(y1, 3, 2), to: D(y1, 10, 16), factor: 0.63, lines: 3, nSuppliers: 2,
      operations: [`OP-VLR-${y1}-12 Mise en accessibilité du cimetière`],
      description: "Travaux hors marché d'une seconde opération (accessibilité du cimetière), sous le seuil travaux",
      why: "par opération, chaque cumul reste sous 100 000 €",
      objets: ["Cheminements PMR", "Maçonnerie — murets", "Portail et clôture"],
    },
  ];
  const ctlWorks: { total: number; ops: string[] } = { total: 0, ops: [] };
  for (const spec of ctlSplits) {
    if (spec.from > period.end) continue;
    const { threshold, total } = plantGroup(spec);
    if (spec.tag === "ctl-impr-2026") {
      if (threshold === 60000) {
        controls.push({
          kind: "splitting", description: `${spec.description} — pas d'alerte attendue (${spec.why})`, entity: entityByCode(spec.entity).name,
          familyCode: spec.family, year: spec.year, rows: [], expected: { alert: 0, threshold, sumHT: euros(total), lines: spec.lines },
        });
        info.controlsSplit.push({ caseIndex: controls.length - 1, tag: spec.tag, threshold });
      }
    } else {
      ctlWorks.total += total;
      ctlWorks.ops.push(spec.operations![0]);
    }
  }
  controls.push({
    kind: "splitting",
    description: "Travaux hors marché de deux opérations distinctes (même commune, même année) : chaque opération reste sous 100 000 €, leur somme le dépasse — pas d'alerte attendue quand le contrôle se fait par opération",
    entity: entityByCode("VLR").name, familyCode: "TRAV-BAT", year: y1, rows: [],
    expected: { alert: 0, threshold: 100000, sumHT: euros(ctlWorks.total), operations: ctlWorks.ops.join(" | ") },
  });
  info.controlsSplit.push({ caseIndex: controls.length - 1, tag: "ctl-works-ops", threshold: 100000 });

  // --- Bunching: contracts just under 40 000 € before April of the second year, one invoice each.
  const bunch: [string, string, string][] = [
    ["SAL", "HONOR", "Étude de programmation pour la restructuration du groupe scolaire"],
    ["VLR", "ESP-VERTS", "Élagage des arbres d'alignement"],
    ["FAS", "MOBIL", "Mobilier de la nouvelle médiathèque"],
    ["CAVL", "FORM", "Formation des agents à la prévention des risques routiers"],
    ["BES", "BAT-ENT", "Désamiantage du local technique"],
    ["CAVL", "IMPR", "Impression du magazine communautaire"],
    ["MLB", "ECL-PUB", "Remplacement de luminaires par des LED"],
    ["CAVL", "HONOR", "Mission d'AMO pour le schéma directeur immobilier"],
  ];
  const bunchRefs: string[] = [];
  const lastBunch = Math.min(D(y1, 3, 20), period.end);
  bunch.forEach(([code, fam, objet], i) => {
    const e = entityByCode(code);
    const f = familyByCode(fam);
    const launch = nextWeekday(period.start + 20 + Math.floor(((lastBunch - 60 - period.start - 20) * i) / bunch.length) + rng.int(0, 15));
    const notification = nextWeekday(launch + rng.int(25, 40));
    const amount = round(rng.float(38000, 39990), 10);
    const supplier = pickSuppliers(rng, ctx.book, e, f, 1, true)[0];
    const c = addContract(ctx, {
      buyer: e, family: f, objet, launch, notification, duration: safeDuration(period, notification, rng.pick([4, 6, 9])), amount, supplier,
      lots: 1, channel: "Marché propre", members: [], procedure: P_MAPA, pinned: true, estimated: round(amount * rng.float(1.02, 1.12), 100),
    });
    bunchRefs.push(c.ref);
    const date = nextWeekday(notification + rng.int(30, 70));
    const pay = paymentDates(rng, period, date);
    out.push(newLine(ctx, {
      date, entity: e, family: f, htCents: Math.round(amount * 100), supplier, contract: c, contractRefCell: c.ref, channelCell: "Marché propre",
      objet, receipt: pay.receipt, paid: pay.paid, kind: "planted", tag: "bunching",
    }, rng));
  });
  planted.push({
    kind: "bunching",
    description: "Huit marchés notifiés avant le 1er avril 2026 pour 38 000 à 39 990 € HT, juste sous le seuil de dispense de 40 000 € (une facture du même montant chacun) ; aucun autre montant naturel dans les bandes [90 %, 100 %) des seuils",
    contractRefs: bunchRefs, rows: [],
    expected: { contracts: bunchRefs.length, lines: bunchRefs.length, bandMin: 36000, bandMax: 40000, threshold: 40000 },
  });
  info.bunching = { caseIndex: planted.length - 1, tag: "bunching" };

  // --- Direct awards at or above the threshold (and a control under the 60 000 € threshold).
  const directs: { code: string; fam: string; objet: string; launch: number; amount: number; invoices: number; control?: boolean; desc: string }[] = [
    {
      code: "SAL", fam: "INFO-LOG", objet: "Maintenance et hébergement du logiciel de gestion financière (exclusivité éditeur)", launch: D(y0, 3, 3), amount: 78400, invoices: 6,
      desc: "Marché sans publicité ni mise en concurrence de 78 400 € HT (maintenance exclusive d'un éditeur) : au-dessus du seuil de dispense de 40 000 €",
    },
    {
      code: "CAVL", fam: "HONOR", objet: "Mission d'assistance juridique — contentieux de la délégation de service public", launch: D(y0, 9, 8), amount: 52600, invoices: 3,
      desc: "Marché sans publicité ni mise en concurrence de 52 600 € HT : au-dessus du seuil de dispense de 40 000 €",
    },
    {
      code: "VLR", fam: "FORM", objet: "Formation des agents au logiciel de gestion du temps de travail", launch: D(y1, 5, 4), amount: 48000, invoices: 2, control: true,
      desc: "Marché sans publicité ni mise en concurrence de 48 000 € HT lancé après le 1er avril 2026 : sous le seuil de 60 000 € alors en vigueur — pas d'alerte attendue",
    },
  ];
  for (const d of directs) {
    if (d.launch > period.end - 60) continue;
    const e = entityByCode(d.code);
    const f = familyByCode(d.fam);
    // Not a supplier that already holds a natural direct award of this buyer in this family (CO4 stays clean).
    const already = new Set((ctx.book.byFamily.get(f.code) ?? []).filter((s) => ctx.directAwardKeys.has(`${e.code}|${f.code}|${s.name}`)));
    const supplier = pickSuppliers(rng, ctx.book, e, f, 1, true, already)[0];
    ctx.directAwardKeys.add(`${e.code}|${f.code}|${supplier.name}`);
    const notification = nextWeekday(d.launch + rng.int(10, 25));
    const duration = safeDuration(period, notification, d.fam === "INFO-LOG" ? 24 : 12);
    const c = addContract(ctx, {
      buyer: e, family: f, objet: d.objet, launch: d.launch, notification, duration, amount: d.amount, supplier, lots: 1,
      channel: "Marché propre", members: [], procedure: P_DIRECT, bids: 1, pinned: true, estimated: d.amount,
    });
    const tag = `direct-${c.ref}`;
    for (let i = 0; i < d.invoices; i++) {
      const date = nextWeekday(notification + 30 + i * (d.fam === "INFO-LOG" ? 91 : 60));
      if (date > period.end) break;
      const htCents = Math.round((d.amount * 100 * 0.95) / d.invoices);
      const pay = paymentDates(rng, period, date);
      out.push(newLine(ctx, {
        date, entity: e, family: f, htCents, supplier, contract: c, contractRefCell: c.ref, channelCell: "Marché propre",
        objet: `${d.objet} — facture ${i + 1}`, receipt: pay.receipt, paid: pay.paid, kind: "planted", tag,
      }, rng));
    }
    const threshold = dispenseThreshold(d.launch, f.nature);
    const target = d.control ? controls : planted;
    target.push({
      kind: "direct-award-above-threshold", description: d.desc, entity: e.name, familyCode: f.code, year: ymdFromDay(d.launch).year,
      contractRefs: [c.ref], rows: [], expected: { alert: d.control ? 0 : 1, amountHT: d.amount, threshold, launchDate: isoDate(d.launch) },
    });
    if (!d.control) info.direct.push({ caseIndex: planted.length - 1, tag });
  }

  // --- Loi Climat: consultations launched from 2026-08-21.
  if (LOI_CLIMAT_DATE + 10 <= period.end) {
    const epciE = epci();
    const fEpi = familyByCode("EPI");
    const fDech = familyByCode("DECH");
    const fMob = familyByCode("MOBIL");
    const l1launch = D(2026, 9, 7);
    const l1 = addContract(ctx, {
      buyer: epciE, family: fEpi, objet: "Fourniture de vêtements de travail et d'EPI pour les agents communautaires", launch: l1launch,
      notification: D(2026, 10, 19), duration: 36, amount: 76500, lots: 1, channel: "Marché propre", members: [],
      supplier: pickSuppliers(rng, ctx.book, epciE, fEpi, 1, true)[0], procedure: P_MAPA, bids: 4, env: NO_ENV, social: NO_SOCIAL, pinned: true,
    });
    const l2launch = D(2026, 8, 24);
    const l2 = addContract(ctx, {
      buyer: epciE, family: fDech, objet: "Collecte des ordures ménagères et du tri sélectif 2027-2033", launch: l2launch,
      notification: D(2026, 10, 27), duration: 72, amount: 6480000, lots: 1, channel: "Marché propre", members: [],
      supplier: pickSuppliers(rng, ctx.book, epciE, fDech, 1, true)[0], procedure: P_AOO, bids: 3,
      env: "Clause environnementale, Critère environnemental", social: NO_SOCIAL, pinned: true,
    });
    const sal = entityByCode("SAL");
    const l3launch = D(2026, 8, 18);
    const l3 = addContract(ctx, {
      buyer: sal, family: fMob, objet: "Mobilier des nouvelles classes de l'école Jules Ferry", launch: l3launch,
      notification: D(2026, 9, 28), duration: 4, amount: 46500, lots: 1, channel: "Marché propre", members: [],
      supplier: pickSuppliers(rng, ctx.book, sal, fMob, 1, true)[0], procedure: P_MAPA, bids: 3, env: NO_ENV, social: NO_SOCIAL, pinned: true,
    });
    planted.push({
      kind: "loi-climat-gap", description: "Consultation lancée le 7 septembre 2026 sans aucune considération environnementale (obligatoire depuis le 21 août 2026)",
      entity: epciE.name, familyCode: "EPI", year: 2026, contractRefs: [l1.ref], expected: { alert: 1, rule: "environnementale", launchDate: isoDate(l1launch) },
    });
    planted.push({
      kind: "loi-climat-gap", description: "Consultation lancée le 24 août 2026 au-dessus du seuil européen sans considération sociale",
      entity: epciE.name, familyCode: "DECH", year: 2026, contractRefs: [l2.ref], expected: { alert: 1, rule: "sociale", launchDate: isoDate(l2launch), amountHT: 6480000 },
    });
    controls.push({
      kind: "loi-climat-gap", description: "Consultation lancée le 18 août 2026, avant l'entrée en vigueur de l'obligation, sans considération environnementale — pas d'alerte attendue",
      entity: sal.name, familyCode: "MOBIL", year: 2026, contractRefs: [l3.ref], expected: { alert: 0, launchDate: isoDate(l3launch) },
    });
  }
  return info;
}

function plantAmendments(ctx: Ctx, planted: PlantedCase[], controls: ControlCase[], worksContracts: Contract[]): void {
  const { period } = ctx;
  // Contracts notified within the period (at least 6 months before its end), so that an analysis of
  // the period sees them.
  const eligible = (c: Contract) => !c.pinned && c.notification >= period.start && c.notification <= addMonths(period.end, -6);
  const epciWorks = worksContracts.filter((c) => c.buyer.type === "EPCI" && eligible(c)).sort((a, b) => b.amount - a.amount || a.ref.localeCompare(b.ref));
  const communeWorks = worksContracts.filter((c) => c.buyer.type === "Commune" && eligible(c) && c.amount >= 80000).sort((a, b) => b.amount - a.amount || a.ref.localeCompare(b.ref));
  const a1 = epciWorks[0];
  if (a1) {
    a1.amended = round(a1.amount * 1.22, 100);
    a1.pinned = true;
    planted.push({
      kind: "amendment-inflation", description: `Avenants portant le lot de travaux à +${(((a1.amended - a1.amount) / a1.amount) * 100).toFixed(1).replace(".", ",")} % (limite travaux 15 %)`,
      entity: a1.buyer.name, familyCode: a1.family.code, contractRefs: [a1.ref],
      expected: { alert: 1, initialHT: a1.amount, amendedHT: a1.amended, ratePct: Math.round(((a1.amended - a1.amount) / a1.amount) * 1000) / 10, limitPct: 15 },
    });
  }
  const services = ctx.contracts
    .filter((c) => c.nature !== "Travaux" && c.channel === "Marché propre" && eligible(c) && c.amount >= 100000 && !c.operation)
    .sort((a, b) => (a.family.code === "NETT" ? 0 : 1) - (b.family.code === "NETT" ? 0 : 1) || b.amount - a.amount || a.ref.localeCompare(b.ref));
  const a2 = services[0];
  if (a2) {
    a2.amended = round(a2.amount * 1.124, 100);
    a2.pinned = true;
    planted.push({
      kind: "amendment-inflation", description: `Avenants au marché « ${a2.objet} » portant son montant à +12,4 % (limite fournitures et services 10 %)`,
      entity: a2.buyer.name, familyCode: a2.family.code, contractRefs: [a2.ref],
      expected: { alert: 1, initialHT: a2.amount, amendedHT: a2.amended, ratePct: Math.round(((a2.amended - a2.amount) / a2.amount) * 1000) / 10, limitPct: 10 },
    });
  }
  const a3 = communeWorks[0];
  if (a3) {
    a3.amended = round(a3.amount * 1.13, 100);
    a3.pinned = true;
    controls.push({
      kind: "amendment-inflation", description: "Avenant de travaux à +13 % : sous la limite travaux de 15 % — pas d'alerte attendue",
      entity: a3.buyer.name, familyCode: a3.family.code, contractRefs: [a3.ref],
      expected: { alert: 0, initialHT: a3.amount, amendedHT: a3.amended, ratePct: Math.round(((a3.amended - a3.amount) / a3.amount) * 1000) / 10, limitPct: 15 },
    });
  }
}

// =============================================================================================
// Credit notes, late payments, dirty rows

function makeCreditNotes(ctx: Ctx, rng: Rng, natural: LineRec[], count: number): LineRec[] {
  const candidates = natural.filter((l) => l.contract || l.channelCell === "Centrale d'achat");
  const out: LineRec[] = [];
  const picked = rng.sample(candidates, count * 2);
  for (const base of picked) {
    if (out.length >= count) break;
    const date = nextWeekday(base.date + rng.int(12, 45));
    if (date > ctx.period.end) continue;
    const htCents = -Math.max(1000, Math.round(base.htCents * rng.float(0.05, 0.5)));
    out.push(newLine(ctx, {
      date, entity: base.entity, service: base.service, territory: base.territory, family: base.family, htCents, supplier: base.supplier,
      contract: base.contract, contractRefCell: base.contractRefCell, channelCell: base.channelCell, cpv: base.cpv,
      objet: `Avoir — ${rng.pick(["erreur de facturation", "remise commerciale", "régularisation de consommation", "retour de marchandise", "pénalités de retard"])}`,
      operation: base.operation, kind: "credit", tag: "credit",
    }, rng));
  }
  return out;
}

function plantLatePayments(ctx: Ctx, rng: Rng, natural: LineRec[]): LineRec[] {
  const { period } = ctx;
  const y0 = period.startYear;
  const from = D(y0, 6, 1);
  const to = D(y0, 9, 30);
  const pool = natural.filter((l) => l.entity.code === "FSC" && l.date >= from && l.date <= to && l.htCents > 0);
  const chosen = rng.sample(pool, 22).sort((a, b) => a.date - b.date || a.order - b.order);
  for (const l of chosen) {
    const receipt = l.date - rng.int(3, 12);
    l.receipt = receipt;
    l.paid = receipt + rng.int(45, 90);
    l.tag = "late";
  }
  return chosen;
}

interface DirtyInfo {
  lines: LineRec[];
  cases: { tag: string; description: string; expected: Record<string, number | string> }[];
  invalidSupplier: Supplier | null;
}

const DIRTY_ROW_COUNT = 12;

function makeDirtyRows(ctx: Ctx, rng: Rng, natural: LineRec[]): DirtyInfo {
  const { period } = ctx;
  const y0 = period.startYear;
  const base = (from: number, to: number): LineRec => {
    const ok = (l: LineRec) => l.contract && l.htCents > 0 && !l.tag && l.contract.channel === "Marché propre";
    const pool = natural.filter((l) => ok(l) && l.date >= from && l.date <= to);
    // Small sheets: widen the window when the month has no suitable line.
    return rng.pick(pool.length ? pool : natural.filter(ok));
  };
  const clone = (b: LineRec, tag: string, patch: Partial<LineRec>): LineRec => {
    const { order: _order, row: _row, ...rest } = b;
    return newLine(ctx, { ...rest, kind: "dirty", tag, override: null, siretSpaced: false, item: null, ...patch }, rng);
  };
  const lines: LineRec[] = [];
  const cases: DirtyInfo["cases"] = [];
  const add = (l: LineRec, description: string, expected: Record<string, number | string>) => {
    lines.push(l);
    cases.push({ tag: l.tag!, description, expected });
  };
  const ov = (pairs: [number, Cell][]) => new Map<number, Cell>(pairs);

  // Text amounts (French form), analysed as numbers.
  let b = base(D(y0, 2, 1), D(y0, 2, 28));
  add(clone(b, "dirty-text-amount", { htCents: 123456, override: ov([[S.ht, "1 234,56 €"], [S.ttc, "1 481,47 €"]]), vat: 20 }),
    "Montant HT en texte « 1 234,56 € »", { status: "analysed", field: "Montant HT", amountHT: 1234.56 });
  b = base(D(y0, 5, 1), D(y0, 5, 31));
  add(clone(b, "dirty-text-amount-nbsp", { htCents: 235000, override: ov([[S.ht, "2\u00a0350,00"], [S.ttc, "2\u00a0820,00"]]), vat: 20 }),
    "Montant HT en texte avec espace insécable « 2 350,00 »", { status: "analysed", field: "Montant HT", amountHT: 2350 });
  // Credit note in accounting form.
  b = base(D(y0, 6, 1), D(y0, 6, 30));
  add(clone(b, "dirty-paren-credit", { htCents: -25000, override: ov([[S.ht, "(250,00)"], [S.ttc, "(300,00)"]]), vat: 20, objet: "Avoir — remise commerciale", receipt: null, paid: null }),
    "Avoir en notation comptable « (250,00) »", { status: "analysed", field: "Montant HT", amountHT: -250 });
  // Impossible date: rejected.
  b = base(D(y0, 2, 1), D(y0, 2, 28));
  add(clone(b, "dirty-bad-date", { date: D(y0, 2, 28), override: ov([[S.date, `31/02/${y0}`]]) }),
    `Date impossible « 31/02/${y0} »`, { status: "rejected", field: "Date mandat", value: `31/02/${y0}` });
  // Date as text: analysed.
  b = base(D(y0, 3, 10), D(y0, 3, 20));
  add(clone(b, "dirty-text-date", { date: D(y0, 3, 15), override: ov([[S.date, `15/03/${y0}`]]) }),
    `Date en texte « 15/03/${y0} »`, { status: "analysed", field: "Date mandat", value: `15/03/${y0}`, date: isoDate(D(y0, 3, 15)) });
  // No amount at all: rejected.
  b = base(D(y0, 9, 1), D(y0, 9, 30));
  add(clone(b, "dirty-no-amount", { override: ov([[S.ht, null], [S.ttc, null], [S.vat, null]]) }),
    "Ligne sans montant (HT et TTC vides)", { status: "rejected", field: "Montant HT" });
  // No supplier: rejected.
  b = base(D(y0, 10, 1), D(y0, 10, 31));
  add(clone(b, "dirty-no-supplier", { override: ov([[S.supplier, null], [S.siret, null], [S.postcode, null]]) }),
    "Ligne sans fournisseur (nom et SIRET vides)", { status: "rejected", field: "Fournisseur" });
  // TTC only: HT estimated from the VAT rate.
  b = base(D(y0 + 1, 1, 10), D(y0 + 1, 2, 20));
  const ttcOnly = 186000;
  add(clone(b, "dirty-ttc-only", { htCents: Math.round(ttcOnly / 1.2), vat: 20, override: ov([[S.ht, null], [S.ttc, ttcOnly / 100], [S.vat, 20]]) }),
    "Montant HT vide, Montant TTC 1 860,00 € et TVA 20 % : HT estimé", { status: "analysed", field: "Montant HT", amountTTC: 1860, amountHT: 1550 });
  // Contract reference that is not in the register.
  b = base(D(y0, 11, 1), D(y0, 11, 30));
  const dangling = `${b.entity.code}-${y0 - 2}-097`;
  add(clone(b, "dirty-dangling-ref", { contract: null, contractRefCell: dangling, channelCell: "Marché propre", htCents: 184250 }),
    `N° de marché « ${dangling} » absent du registre des marchés`, { status: "analysed", field: "N° marché", value: dangling });
  b = base(D(y0 + 1, 5, 1), D(y0 + 1, 5, 31));
  add(clone(b, "dirty-dangling-ref", { contract: null, contractRefCell: dangling.replace(/097$/, "098"), channelCell: "Marché propre", htCents: 96730 }),
    `N° de marché absent du registre des marchés`, { status: "analysed", field: "N° marché", value: dangling.replace(/097$/, "098") });
  // Invalid SIRET: a small supplier whose SIRET was mistyped (last two digits swapped) in the supplier file and the export.
  const usedSuppliers = new Set(ctx.lines.map((l) => l.supplier));
  const tails = ctx.book.all.filter((s) => s.scope === "tail" && s.siret && s.family === "BAT-ENT");
  const inv = tails.find((s) => !usedSuppliers.has(s)) ?? tails[0];
  let invalidSupplier: Supplier | null = null;
  if (inv && inv.siret) {
    const s = inv.siret;
    let bad = s.slice(0, 12) + s[13] + s[12];
    if (bad === s || luhnOk(bad)) bad = s.slice(0, 13) + String((Number(s[13]) + 1) % 10);
    inv.siretShown = bad;
    invalidSupplier = inv;
    const bb = base(D(y0, 4, 1), D(y0, 4, 30));
    const e = bb.entity;
    add(newLine(ctx, {
      date: bb.date, entity: e, family: familyByCode("BAT-ENT"), htCents: 68400, supplier: inv, contract: null, contractRefCell: null,
      channelCell: "Hors marché", objet: "Dépannage serrurerie", kind: "dirty", tag: "dirty-invalid-siret",
      override: ov([[S.siret, bad]]), receipt: bb.date - 6, paid: bb.date + 4,
    }, rng), `SIRET invalide (clé de Luhn fausse) « ${bad} »`, { status: "analysed", field: "SIRET", value: bad, warning: "SIRET invalide" });
  }
  // Amount with narrow no-break space and euro sign.
  b = base(D(y0 + 1, 6, 1), D(y0 + 1, 6, 30));
  add(clone(b, "dirty-text-amount-nnbsp", { htCents: 1248000, vat: 20, override: ov([[S.ht, "12\u202f480,00 €"], [S.ttc, "14\u202f976,00 €"]]) }),
    "Montant HT en texte avec espace fine insécable « 12 480,00 € »", { status: "analysed", field: "Montant HT", amountHT: 12480 });
  if (lines.length !== DIRTY_ROW_COUNT) throw new Error(`lignes « sales » : ${lines.length} au lieu de ${DIRTY_ROW_COUNT}`);
  return { lines, cases, invalidSupplier };
}

function luhnOk(d: string): boolean {
  let sum = 0;
  for (let i = d.length - 1, dbl = false; i >= 0; i--, dbl = !dbl) {
    let x = d.charCodeAt(i) - 48;
    if (dbl) {
      x *= 2;
      if (x > 9) x -= 9;
    }
    sum += x;
  }
  return sum % 10 === 0;
}

// =============================================================================================
// Assembly

function spaced(siret: string): string {
  return `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`;
}

function lineCells(l: LineRec): Cell[] {
  const row: Cell[] = new Array(SPEND_HEADER.length).fill(null);
  row[S.date] = excelSerialFromDay(l.date);
  row[S.entity] = l.entity.name;
  row[S.service] = l.service;
  row[S.territory] = l.territory;
  row[S.familyCode] = l.familyBlank ? null : l.family.code;
  row[S.familyLabel] = l.familyBlank ? null : l.family.label;
  row[S.article] = l.family.article;
  row[S.cpv] = l.cpv;
  if (l.supplier) {
    row[S.supplier] = l.supplier.scope === "ugap" ? "UGAP" : upper(l.supplier.name);
    const id = l.supplier.siretShown;
    row[S.siret] = id ? (l.siretSpaced ? spaced(id) : id) : null;
    row[S.postcode] = l.supplier.postcode;
  }
  row[S.contractRef] = l.contractRefCell;
  row[S.channel] = l.channelCell;
  row[S.objet] = l.objet;
  row[S.operation] = l.operation;
  row[S.ht] = euros(l.htCents);
  row[S.vat] = l.vat;
  row[S.ttc] = euros(ttcCents(l.htCents, l.vat));
  row[S.receipt] = l.receipt === null ? null : excelSerialFromDay(l.receipt);
  row[S.paid] = l.paid === null ? null : excelSerialFromDay(l.paid);
  if (l.item) {
    row[S.item] = l.item.ref;
    row[S.qty] = l.item.qty;
    row[S.unitPrice] = euros(l.item.unitCents);
    row[S.unit] = l.item.unit;
  }
  if (l.override) for (const [k, v] of l.override) row[k] = v;
  return row;
}

function assembleSpend(ctx: Ctx): { table: DemoTable; totalHTCents: number } {
  const lines = ctx.lines;
  lines.sort((a, b) => a.date - b.date || a.entity.code.localeCompare(b.entity.code) || a.order - b.order);
  const seq = new Map<string, number>();
  const width = SPEND_HEADER.length;
  const blank = (): Cell[] => new Array(width).fill(null);
  const title = (t: string): Cell[] => {
    const r = blank();
    r[0] = t;
    return r;
  };
  const rows: Cell[][] = [title(SPEND_TITLE), title(`Exercices ${ctx.period.startYear}-${ctx.period.startYear + 1}`), blank(), [...SPEND_HEADER]];
  // Blank rows inside the table, at fixed fractions of the data.
  const blankAfter = new Set([Math.floor(lines.length * 0.27), Math.floor(lines.length * 0.61), Math.floor(lines.length * 0.61) + 1]);
  let totalHT = 0;
  let totalTTC = 0;
  lines.forEach((l, i) => {
    const y = ymdFromDay(l.date).year;
    const key = `${y}-${l.entity.code}`;
    const n = (seq.get(key) ?? 0) + 1;
    seq.set(key, n);
    const cells = lineCells(l);
    cells[S.mandat] = `${y}-${l.entity.code}-${String(n).padStart(5, "0")}`;
    rows.push(cells);
    l.row = rows.length; // firstRow = 1
    if (!(l.override && l.override.has(S.ht) && l.override.get(S.ht) === null)) totalHT += l.htCents;
    if (!(l.override && l.override.has(S.ttc) && l.override.get(S.ttc) === null)) totalTTC += ttcCents(l.htCents, l.vat);
    if (blankAfter.has(i)) rows.push(blank());
  });
  // Rows whose HT cell is empty (no amount, TTC only) are not in the export's HT total.
  const total = blank();
  total[0] = "Total";
  total[S.ht] = euros(totalHT);
  total[S.ttc] = euros(totalTTC);
  rows.push(total);
  return { table: { name: SPEND_SHEET, sheet: SPEND_SHEET, rows, firstRow: 1 }, totalHTCents: totalHT };
}

function finishPlanted(
  ctx: Ctx,
  period: Period,
  planted: PlantedCase[],
  controls: ControlCase[],
  info: PlantedInfo,
  late: LineRec[],
  dirty: DirtyInfo,
  totalHTCents: number,
  credits: LineRec[],
): void {
  const byTag = new Map<string, LineRec[]>();
  for (const l of ctx.lines) if (l.tag) {
    const list = byTag.get(l.tag) ?? [];
    list.push(l);
    byTag.set(l.tag, list);
  }
  const rowsOf = (tag: string) => (byTag.get(tag) ?? []).map((l) => l.row).sort((a, b) => a - b);
  for (const s of info.splitting) planted[s.caseIndex].rows = rowsOf(s.tag);
  for (const s of info.controlsSplit) controls[s.caseIndex].rows = rowsOf(s.tag);
  planted[info.bunching.caseIndex].rows = rowsOf("bunching");
  for (const d of info.direct) planted[d.caseIndex].rows = rowsOf(d.tag);
  for (const c of controls) if (c.kind === "direct-award-above-threshold" && c.contractRefs) {
    c.rows = ctx.lines.filter((l) => l.contract && c.contractRefs!.includes(l.contract.ref) && l.kind === "planted").map((l) => l.row).sort((a, b) => a - b);
  }

  // Late payments.
  const lateDays = late.map((l) => l.paid! - l.receipt!);
  if (late.length) planted.push({
    kind: "late-payment",
    description: `Retards de paiement à ${entityByCode("FSC").name} de juin à septembre ${period.startYear} (factures payées 45 à 90 jours après réception, délai légal 30 jours)`,
    entity: entityByCode("FSC").name, year: period.startYear, rows: late.map((l) => l.row).sort((a, b) => a - b),
    expected: { count: late.length, minDays: Math.min(...lateDays), maxDays: Math.max(...lateDays), limitDays: 30 },
  });

  // Credit notes (negative amounts), natural ones and the text one.
  const creditRows = [...credits, ...dirty.lines.filter((l) => l.htCents < 0)];
  planted.push({
    kind: "credit-note", description: "Avoirs (montants négatifs), dont un en notation comptable « (250,00) »",
    rows: creditRows.map((l) => l.row).sort((a, b) => a - b),
    expected: { count: creditRows.length, sumHT: euros(creditRows.reduce((s, l) => s + l.htCents, 0)) },
  });

  // Dirty rows.
  for (const c of dirty.cases) {
    const ls = (byTag.get(c.tag) ?? []).filter((l) => l.kind === "dirty");
    const rows = ls.map((l) => l.row);
    const exp = { ...c.expected };
    if (c.tag === "dirty-invalid-siret" && dirty.invalidSupplier) exp.supplierTableSiret = dirty.invalidSupplier.siretShown!;
    // Two dangling refs share a tag: record them once.
    if (c.tag === "dirty-dangling-ref" && planted.some((p) => p.kind === "dirty-row" && p.expected?.tag === c.tag)) continue;
    planted.push({
      kind: "dirty-row", description: c.description, entity: ls[0]?.entity.name, rows: c.tag === "dirty-dangling-ref" ? rows : rows.slice(0, 1),
      expected: { tag: c.tag, ...exp, ...(c.tag === "dirty-dangling-ref" ? { values: ls.map((l) => l.contractRefCell).join(" | ") } : {}) },
    });
  }
  planted.push({
    kind: "dirty-row", description: "Deux lignes de titre et une ligne vide au-dessus de l'en-tête (en-tête en ligne 4)", rows: [1, 2, 3],
    expected: { tag: "layout-title-rows", status: "skipped", headerRow: 4 },
  });
  const lastDataRow = Math.max(...ctx.lines.map((l) => l.row));
  const dataRows = new Set(ctx.lines.map((l) => l.row));
  const blanks: number[] = [];
  for (let r = 5; r <= lastDataRow; r++) if (!dataRows.has(r)) blanks.push(r);
  planted.push({
    kind: "dirty-row", description: "Lignes vides à l'intérieur du tableau", rows: blanks, expected: { tag: "layout-blank-rows", status: "skipped", count: blanks.length },
  });
  planted.push({
    kind: "dirty-row", description: "Ligne « Total » en fin de tableau (somme des montants HT de l'export)", rows: [lastDataRow + 1],
    expected: { tag: "layout-total-row", status: "skipped", amountHT: euros(totalHTCents) },
  });

  // Price dispersion of the ream of paper.
  const reams = ctx.lines.filter((l) => l.item && l.item.ref === REAM_REF && l.kind !== "dirty");
  const prices = reams.map((l) => l.item!.unitCents);
  const ents = new Set(reams.map((l) => l.entity.code));
  planted.push({
    kind: "price-dispersion",
    description: `« ${REAM_REF} » acheté par ${ents.size} entités à des prix unitaires de ${formatEuros(Math.min(...prices))} à ${formatEuros(Math.max(...prices))} HT (même article, prix propre à chaque entité)`,
    familyCode: "FOU-BUR", rows: reams.map((l) => l.row).sort((a, b) => a - b),
    expected: {
      item: REAM_REF, entities: ents.size, lines: reams.length, minUnitPrice: euros(Math.min(...prices)), maxUnitPrice: euros(Math.max(...prices)),
      quantity: reams.reduce((s, l) => s + l.item!.qty, 0),
    },
  });

  // Pooling candidates: standard supplies bought separately (own contracts / hors marché) by several entities.
  for (const code of ["FOU-BUR", "PROD-ENT"]) {
    const ls = ctx.lines.filter((l) => l.family.code === code && !l.familyBlank && (l.kind === "natural") && (l.contract ? l.contract.channel === "Marché propre" : l.channelCell !== "Centrale d'achat"));
    const ents2 = new Set(ls.map((l) => l.entity.name));
    const communes = new Set(ls.filter((l) => l.entity.type === "Commune").map((l) => l.entity.name));
    const sups = new Set(ls.map((l) => l.supplier?.name ?? ""));
    const refs = [...new Set(ctx.contracts.filter((c) => c.family.code === code).map((c) => c.ref))].sort();
    planted.push({
      kind: "pooling-candidate",
      description: `${familyByCode(code).label} : achetés séparément (marchés propres ou hors marché) par ${ents2.size} entités dont ${communes.size} communes, auprès de ${sups.size} fournisseurs différents`,
      familyCode: code, contractRefs: refs,
      expected: { entities: ents2.size, communes: communes.size, suppliers: sups.size, spendHT: euros(ls.reduce((s, l) => s + l.htCents, 0)) },
    });
  }
  for (const code of ["ENE-ELEC", "ASSUR"]) {
    const members = new Set(ctx.lines.filter((l) => l.family.code === code).map((l) => l.entity.name));
    controls.push({
      kind: "pooling-candidate", description: `${familyByCode(code).label} : achetée par toutes les entités via un groupement de commandes coordonné par l'EPCI — pas une famille à mutualiser`,
      familyCode: code, expected: { alert: 0, entities: members.size },
    });
  }

  // Single-bid competitive contracts (all of them, natural and planted).
  const competitive = ctx.contracts.filter((c) => c.procedure !== P_DIRECT && c.bids !== null);
  const single = competitive.filter((c) => c.bids === 1);
  const inPeriod = (c: Contract) => c.notification >= period.start && c.notification <= period.end;
  const competitiveIn = competitive.filter(inPeriod);
  const singleIn = single.filter(inPeriod);
  planted.push({
    kind: "single-bid",
    description: "Marchés passés en procédure concurrentielle n'ayant reçu qu'une offre (liste complète du registre ; chiffres aussi donnés pour les seuls marchés notifiés dans la période)",
    contractRefs: single.map((c) => c.ref).sort(),
    expected: {
      count: single.length, competitiveWithBids: competitive.length, ratePct: Math.round((single.length / competitive.length) * 1000) / 10,
      countNotifiedInPeriod: singleIn.length, competitiveWithBidsNotifiedInPeriod: competitiveIn.length,
      ratePctNotifiedInPeriod: Math.round((singleIn.length / Math.max(1, competitiveIn.length)) * 1000) / 10,
    },
  });

  // Renewal calendar: contracts ending in (asOf, asOf + 12 months].
  const endOf = (c: Contract) => c.end;
  const soon = ctx.contracts.filter((c) => endOf(c) > period.asOf && endOf(c) <= period.asOfPlus12);
  planted.push({
    kind: "renewal-soon",
    description: `Marchés arrivant à échéance dans les 12 mois suivant le ${frenchDate(period.asOf)} (fin = notification + durée ; aucune échéance à moins de 7 jours des bornes)`,
    contractRefs: soon.map((c) => c.ref).sort(),
    expected: { count: soon.length, asOf: isoDate(period.asOf), until: isoDate(period.asOfPlus12) },
  });

  // Bunching band counts for reference.
  const b = planted[info.bunching.caseIndex];
  const lowerBand = ctx.lines.filter((l) => l.htCents >= 3200000 && l.htCents < 3600000).length;
  b.expected = { ...b.expected, linesInLowerBand: lowerBand, contractsInLowerBand: ctx.contracts.filter((c) => c.amount >= 32000 && c.amount < 36000).length };

  // Clean families and excluded families (controls for CO1).
  const groups = new Map<string, { sum: number; fam: FamilyDef; entity: EntityDef; year: number; first: number }>();
  for (const l of ctx.lines) {
    if (l.contract || l.contractRefCell || (l.channelCell && l.channelCell !== "Hors marché") || l.kind === "dirty") continue;
    const y = ymdFromDay(l.date).year;
    const k = `${l.entity.code}|${l.family.code}|${y}`;
    const g = groups.get(k) ?? { sum: 0, fam: l.family, entity: l.entity, year: y, first: l.date };
    g.sum += l.htCents;
    g.first = Math.min(g.first, l.date);
    groups.set(k, g);
  }
  const plantedKeys = new Set([...reservedKeys(period.startYear)]);
  const maxByFamily = new Map<string, number>();
  for (const [k, g] of groups) {
    if (plantedKeys.has(k) || g.fam.excludedReason) continue;
    maxByFamily.set(g.fam.code, Math.max(maxByFamily.get(g.fam.code) ?? 0, g.sum));
  }
  const clean = [...maxByFamily.entries()].filter(([code]) => !planted.some((p) => p.kind === "splitting" && p.familyCode === code) && !controls.some((p) => p.kind === "splitting" && p.familyCode === code));
  for (const [code, max] of clean.sort((a, b2) => a[0].localeCompare(b2[0]))) {
    controls.push({
      kind: "splitting", description: `Famille sans alerte de fractionnement : aucun groupe entité × année hors marché n'atteint le seuil`,
      familyCode: code, expected: { alert: 0, maxGroupHT: euros(max) },
    });
  }
  const excludedGroups = [...groups.values()].filter((g) => g.fam.excludedReason && g.sum >= dispenseThreshold(g.first, g.fam.nature) * 100);
  for (const g of excludedGroups.sort((a, b2) => a.entity.code.localeCompare(b2.entity.code) || a.fam.code.localeCompare(b2.fam.code) || a.year - b2.year)) {
    const ls = ctx.lines.filter((l) => l.entity === g.entity && l.family === g.fam && ymdFromDay(l.date).year === g.year && !l.contract);
    controls.push({
      kind: "splitting",
      description: `Famille exclue du contrôle de fractionnement (${g.fam.excludedReason}) : cumul hors marché au-dessus du seuil — pas d'alerte attendue`,
      entity: g.entity.name, familyCode: g.fam.code, year: g.year, rows: ls.map((l) => l.row),
      expected: { alert: 0, sumHT: euros(g.sum), excluded: "oui" },
    });
  }
}

// =============================================================================================
// Tables

function buildContractsTable(contracts: Contract[]): DemoTable {
  const sorted = contracts.slice().sort((a, b) => a.notification - b.notification || a.ref.localeCompare(b.ref));
  const rows: Cell[][] = [[...CONTRACT_HEADER]];
  for (const c of sorted) {
    rows.push([
      c.ref, c.buyer.name, c.objet, c.family.cpv, c.nature, c.procedure, c.technique, excelSerialFromDay(c.launch),
      excelSerialFromDay(c.notification), c.duration, c.estimated, c.amount, c.bids, c.supplier.name, c.supplier.siretShown,
      c.supplier.sme ? "Oui" : "Non", c.social, c.env, c.lots, c.channel, c.members.length ? c.members.map((m) => m.name).join(" ; ") : null,
      c.amended,
    ]);
  }
  return { name: "Marches", sheet: "Marchés", rows, firstRow: 1 };
}

function buildEntitiesTable(): DemoTable {
  const rows: Cell[][] = [[...ENTITY_HEADER]];
  for (const e of ENTITIES) rows.push([e.name, e.type, e.territory, e.population, e.departement, e.siret]);
  return { name: "Entites", sheet: "Entités", rows, firstRow: 1 };
}

function buildNomenclatureTable(): DemoTable {
  const rows: Cell[][] = [[...NOMENCLATURE_HEADER]];
  for (const f of FAMILIES) rows.push([f.code, f.label, f.nature, f.proximity ? "Oui" : "Non", f.excludedReason ? "Oui" : "Non", f.excludedReason ?? null]);
  return { name: "Nomenclature", sheet: "Nomenclature", rows, firstRow: 1 };
}

function buildSuppliersTable(book: SupplierBook): DemoTable {
  const rows: Cell[][] = [[...SUPPLIER_HEADER]];
  const sorted = book.all.slice().sort((a, b) => a.name.localeCompare(b.name, "fr"));
  for (const s of sorted) {
    rows.push([s.siretShown, s.name, s.form, s.postcode, s.town, s.dept, s.sme ? "Oui" : "Non", s.insertion ? "Oui" : "Non"]);
  }
  return { name: "Fournisseurs", sheet: "Fournisseurs", rows, firstRow: 1 };
}

// =============================================================================================
// Streaming generator for benchmarks

interface Profile {
  entityName: string;
  entityCode: string;
  service: string;
  territory: string;
  famCode: string;
  famLabel: string;
  article: string;
  cpv: string | null;
  vat: number;
  median: number;
  sigma: number;
  channel: string | null;
  contractRef: string | null;
  suppliers: { name: string; siret: string | null; postcode: string }[];
  objets: string[];
  items: { ref: string; unit: string; priceCents: number }[];
  itemShare: number;
}

/**
 * Streams spend rows (header row first) for benchmarks at any size, e.g. 1 000 000 lines, without
 * building DemoData. Same columns as the demo spend sheet, no title rows, no dirty rows. Dates
 * advance evenly over the two-year period; amounts are log-normal per family.
 */
export function* generateSpendRows(count: number, seed: number = DEFAULT_SEED): Generator<Cell[]> {
  const root = new Rng(seed >>> 0);
  const book = buildSuppliers(root.fork("suppliers"));
  const rng = root.fork("stream");
  const period = makePeriod(2025);
  const profiles: Profile[] = [];
  const weights: number[] = [];
  for (const e of ENTITIES) {
    for (const f of FAMILIES) {
      const r = routeFor(rng, e, f);
      if (r.annual <= 0) continue;
      const routes: [string | null, number][] = [];
      if (r.grp > 0) routes.push(["Groupement de commandes", r.grp]);
      if (r.own > 0) routes.push(["Marché propre", r.own]);
      if (r.ugap > 0) routes.push(["Centrale d'achat", r.ugap]);
      if (r.hm > 0) routes.push([rng.chance(0.7) ? "Hors marché" : null, r.hm]);
      for (const [channel, share] of routes) {
        const ugap = channel === "Centrale d'achat";
        const sups = ugap ? [book.ugap] : pickSuppliers(rng, book, e, f, channel === "Hors marché" || channel === null ? 3 : 1, channel !== "Hors marché" && channel !== null);
        if (sups.length === 0) continue;
        const ref = channel === "Marché propre" || channel === "Groupement de commandes" ? `${channel === "Marché propre" ? e.code : "CAVL"}-2024-${String(profiles.length).padStart(3, "0")}` : null;
        const objets = Array.from({ length: 4 }, () => fillObjet(rng, rng.pick(f.lineObjets), e, period.start + rng.int(0, 600)));
        profiles.push({
          entityName: e.name, entityCode: e.code, service: serviceFor(rng, e, f), territory: territoryFor(rng, e), famCode: f.code, famLabel: f.label,
          article: f.article, cpv: f.cpv, vat: f.vat, median: f.lineMedian * sizeFactor(e), sigma: f.sigma, channel, contractRef: ref,
          suppliers: sups.map((s) => ({ name: s.scope === "ugap" ? "UGAP" : upper(s.name), siret: s.siret, postcode: s.postcode })),
          objets, items: ugap ? [] : (f.items ?? []).map((it) => ({ ref: it.ref, unit: it.unit, priceCents: Math.round(it.price * 100 * entityPriceFactor(e, it.ref)) })),
          itemShare: f.itemShare ?? 0,
        });
        weights.push((r.annual * share) / (f.lineMedian * sizeFactor(e)));
      }
    }
  }
  const cum = cumulative(weights);
  const span = period.end - period.start + 1;
  const lastSerial = excelSerialFromDay(period.end);
  const firstSerial = excelSerialFromDay(period.start);
  const secondYear = period.start + 365 + (period.startYear % 4 === 0 ? 1 : 0);
  // Per entity × year mandat counters and number prefixes (no string keys per row).
  const entityIndex = new Map(ENTITIES.map((e, i) => [e.code, i]));
  const profileEntity = profiles.map((p) => entityIndex.get(p.entityCode)!);
  const counters = new Int32Array(ENTITIES.length * 2);
  const prefixes = ENTITIES.flatMap((e) => [`${period.startYear}-${e.code}-`, `${period.startYear + 1}-${e.code}-`]);
  yield [...SPEND_HEADER];
  for (let i = 0; i < count; i++) {
    const pi = pickCumulative(cum, rng.next());
    const p = profiles[pi];
    let day = period.start + Math.floor((i * span) / count);
    const w = dow(day);
    if (w === 6) day -= 1;
    else if (w === 0) day += 1;
    if (day > period.end) day = period.end;
    const sup = p.suppliers.length === 1 ? p.suppliers[0] : p.suppliers[Math.floor(rng.next() * p.suppliers.length)];
    let htCents = Math.round(p.median * Math.exp(p.sigma * rng.normal()) * 100);
    if (htCents < 100) htCents = 100;
    let itemRef: string | null = null;
    let qty: number | null = null;
    let unitPrice: number | null = null;
    let unit: string | null = null;
    if (p.items.length !== 0 && rng.next() < p.itemShare) {
      const it = p.items[Math.floor(rng.next() * p.items.length)];
      qty = Math.max(1, Math.round(htCents / it.priceCents));
      htCents = qty * it.priceCents;
      itemRef = it.ref;
      unitPrice = it.priceCents / 100;
      unit = it.unit;
    }
    const slot = profileEntity[pi] * 2 + (day >= secondYear ? 1 : 0);
    const n = ++counters[slot];
    const serial = day - period.start + firstSerial;
    const receipt = serial - 2 - (n % 15);
    const paid = receipt + 5 + (n % 20);
    yield [
      serial, prefixes[slot] + n, p.entityName, p.service, p.territory, p.famCode, p.famLabel, p.article,
      (n & 1) === 0 ? p.cpv : null, sup.name, sup.siret, sup.postcode, p.contractRef, p.channel, p.objets[n & 3], null,
      htCents / 100, p.vat, Math.round(htCents * (1 + p.vat / 100)) / 100, receipt, paid <= lastSerial ? paid : null,
      itemRef, qty, unitPrice, unit,
    ];
  }
}
