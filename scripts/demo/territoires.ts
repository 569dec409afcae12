/**
 * Second demo workbook (issue #16, territorialisation): one fictional intercommunalité, the
 * "Communauté de communes des Coteaux de la Sauldre", analysed as ONE body whose spend lines carry
 * a territory column ("Pôle territorial", four pôles). Written by scripts/generate-demo.ts into
 * examples/achats-demo-territoires.xlsx with its planted cases in
 * examples/achats-demo-territoires.planted.json. Seeded and deterministic; small (about 1 500 spend
 * lines) so that the tests stay fast. Separate from the main demo so that its figures do not move.
 *
 * Tables: Mandats (spend lines of 2025), Marchés, Nomenclature (natures and the "Service de
 * proximité" flag), Pôles territoriaux (a Territoires table: population and postcodes of each
 * pôle; the sheet is not named "Territoires", the report's own sheet), Qualité de service
 * (territory × service × indicator × value × target × unit × date), and an answered "Attentes des
 * territoires" questionnaire in the layout the report reads back (src/report/expectations-layout.ts),
 * stamped like a sheet Optima Achats wrote, so that a run on the workbook keeps the answers.
 *
 * Every family × pôle has a planted yearly total (FAMILIES below), split into lines whose cents add
 * up exactly; suppliers are chosen so that the local share per pôle is planted too (a supplier is
 * local to a pôle when its postcode is one of the pôle's). Planted cases and negative controls:
 * - under-served territory: Pôle Ouest on Voirie (délai moyen d'intervention 9 days for a target
 *   of 5, attainment 5 / 9 = 55.6 % < 90 %); control: Pôle Est at 5.5 days (90.9 %, within the 10
 *   points of tolerance), whose older 2024 measure (7 days) is superseded;
 * - family to pool (scenario A): Fournitures de bureau, standard, bought in the four pôles from
 *   suppliers outside them (0 % local); control: Matériel informatique, bought by Pôle Nord only
 *   (one buying territory: nothing to pool, no recommendation);
 * - family to territorialise (scenario B): Entretien des espaces verts, proximity, a supplier of
 *   each pôle (100 % local in 4 of 4); control: Nettoyage des locaux, proximity but local only in
 *   Pôle Nord (1 of 4 < half): mixte (C), not territorialiser;
 * - Entretien de la voirie: proximity, no local supplier → mixte; its service has the gap and the
 *   priority expectation of Pôle Ouest, which scenarios B and C address (4 000 inhabitants).
 */
import type { Cell, Nature } from "../../src/core/model";
import { dayFromYMD, excelSerialFromDay } from "../../src/core/dates";
import { VERSION } from "../../src/core/version";
import { siretFrom, sirenFrom } from "./catalog";
import { Rng } from "./random";
import type { DemoTable } from "./generate";

export const TERR_EPCI = "Communauté de communes des Coteaux de la Sauldre";
export const TERR_YEAR = 2025;

export interface PoleDef {
  name: string;
  population: number;
  postcodes: string[];
}

export const POLES: readonly PoleDef[] = [
  { name: "Pôle Nord", population: 12000, postcodes: ["41200", "41210"] },
  { name: "Pôle Sud", population: 8000, postcodes: ["41300", "41320"] },
  { name: "Pôle Est", population: 6000, postcodes: ["41220"] },
  { name: "Pôle Ouest", population: 4000, postcodes: ["41230", "41240"] },
];

interface SupplierDef {
  name: string;
  siret: string;
  postcode: string;
}

const sup = (name: string, body8: string, postcode: string): SupplierDef => ({
  name,
  siret: siretFrom(sirenFrom(body8), "0001"),
  postcode,
});

const SUPPLIERS = {
  bureauParis: sup("Bureau Direct SAS", "81234501", "75011"),
  bureauOrleans: sup("Papeteries du Centre SARL", "81234502", "45000"),
  info: sup("Informatique Loire Services SAS", "81234503", "45100"),
  evNord: sup("Jardins du Nord Sauldre SARL", "81234504", "41200"),
  evSud: sup("Paysages de Sologne EURL", "81234505", "41300"),
  evEst: sup("Vert Est Paysage SAS", "81234506", "41220"),
  evOuest: sup("Les Jardiniers de l'Ouest SARL", "81234507", "41230"),
  netNord: sup("Net'Pro Sauldre SARL", "81234508", "41210"),
  netCentre: sup("Propreté Centre Services SAS", "81234509", "45000"),
  voirie: sup("Routes et Réseaux du Centre SAS", "81234510", "45000"),
} as const;

export interface TerritorialFamilyDef {
  code: string;
  label: string;
  nature: Nature;
  proximity: boolean;
  cpv: string;
  article: string;
  service: string;
  /** Planted yearly spend HT per pôle, euros (absent: not bought there). */
  perPole: Partial<Record<string, number>>;
  /** Suppliers per pôle (one is picked per line). */
  suppliers: Partial<Record<string, readonly SupplierDef[]>>;
  /** Average line amount, euros (sets the number of lines). */
  averageLine: number;
  /** Contract per pôle (reference), when the lines are bought under a marché. */
  contracts?: Partial<Record<string, string>>;
}

export const FAMILIES: readonly TerritorialFamilyDef[] = [
  {
    code: "FOUR-BUR",
    label: "Fournitures de bureau",
    nature: "Fournitures",
    proximity: false,
    cpv: "30192000",
    article: "6064",
    service: "Moyens généraux",
    perPole: { "Pôle Nord": 14000, "Pôle Sud": 9000, "Pôle Est": 6000, "Pôle Ouest": 4000 },
    suppliers: Object.fromEntries(POLES.map((p) => [p.name, [SUPPLIERS.bureauParis, SUPPLIERS.bureauOrleans]])),
    averageLine: 60,
  },
  {
    code: "INFO-MAT",
    label: "Matériel informatique",
    nature: "Fournitures",
    proximity: false,
    cpv: "30213000",
    article: "2183",
    service: "Systèmes d'information",
    perPole: { "Pôle Nord": 18000 },
    suppliers: { "Pôle Nord": [SUPPLIERS.info] },
    averageLine: 600,
  },
  {
    code: "ESP-VERTS",
    label: "Entretien des espaces verts",
    nature: "Services",
    proximity: true,
    cpv: "77310000",
    article: "61521",
    service: "Espaces verts",
    perPole: { "Pôle Nord": 24000, "Pôle Sud": 16000, "Pôle Est": 12000, "Pôle Ouest": 8000 },
    suppliers: {
      "Pôle Nord": [SUPPLIERS.evNord],
      "Pôle Sud": [SUPPLIERS.evSud],
      "Pôle Est": [SUPPLIERS.evEst],
      "Pôle Ouest": [SUPPLIERS.evOuest],
    },
    averageLine: 150,
    contracts: { "Pôle Nord": "2024-EV-01", "Pôle Sud": "2024-EV-02", "Pôle Est": "2024-EV-03", "Pôle Ouest": "2024-EV-04" },
  },
  {
    code: "NETT",
    label: "Nettoyage des locaux",
    nature: "Services",
    proximity: true,
    cpv: "90910000",
    article: "6283",
    service: "Patrimoine",
    perPole: { "Pôle Nord": 10000, "Pôle Sud": 6000, "Pôle Est": 5000, "Pôle Ouest": 3000 },
    suppliers: {
      "Pôle Nord": [SUPPLIERS.netNord],
      "Pôle Sud": [SUPPLIERS.netCentre],
      "Pôle Est": [SUPPLIERS.netCentre],
      "Pôle Ouest": [SUPPLIERS.netCentre],
    },
    averageLine: 100,
    contracts: { "Pôle Nord": "2024-NET-01", "Pôle Sud": "2024-NET-02", "Pôle Est": "2024-NET-02", "Pôle Ouest": "2024-NET-02" },
  },
  {
    code: "VOIRIE",
    label: "Entretien de la voirie",
    nature: "Travaux",
    proximity: true,
    cpv: "45233141",
    article: "615231",
    service: "Voirie",
    perPole: { "Pôle Nord": 40000, "Pôle Sud": 30000, "Pôle Est": 20000, "Pôle Ouest": 10000 },
    suppliers: Object.fromEntries(POLES.map((p) => [p.name, [SUPPLIERS.voirie]])),
    averageLine: 500,
    contracts: { "Pôle Nord": "2024-VOI-01", "Pôle Sud": "2024-VOI-01", "Pôle Est": "2024-VOI-01", "Pôle Ouest": "2024-VOI-01" },
  },
];

interface ContractDef {
  ref: string;
  objet: string;
  cpv: string;
  nature: Nature;
  procedure: string;
  notification: [number, number, number];
  months: number;
  amount: number;
  holder: SupplierDef;
  bids: number;
}

const CONTRACTS: readonly ContractDef[] = [
  { ref: "2024-EV-01", objet: "Entretien des espaces verts — Pôle Nord", cpv: "77310000", nature: "Services", procedure: "Procédure adaptée", notification: [2024, 3, 15], months: 48, amount: 96000, holder: SUPPLIERS.evNord, bids: 3 },
  { ref: "2024-EV-02", objet: "Entretien des espaces verts — Pôle Sud", cpv: "77310000", nature: "Services", procedure: "Procédure adaptée", notification: [2024, 3, 15], months: 48, amount: 64000, holder: SUPPLIERS.evSud, bids: 2 },
  { ref: "2024-EV-03", objet: "Entretien des espaces verts — Pôle Est", cpv: "77310000", nature: "Services", procedure: "Procédure adaptée", notification: [2024, 3, 15], months: 48, amount: 48000, holder: SUPPLIERS.evEst, bids: 2 },
  { ref: "2024-EV-04", objet: "Entretien des espaces verts — Pôle Ouest", cpv: "77310000", nature: "Services", procedure: "Procédure adaptée", notification: [2024, 3, 15], months: 48, amount: 32000, holder: SUPPLIERS.evOuest, bids: 2 },
  { ref: "2024-NET-01", objet: "Nettoyage des locaux du Pôle Nord", cpv: "90910000", nature: "Services", procedure: "Procédure adaptée", notification: [2024, 6, 3], months: 36, amount: 30000, holder: SUPPLIERS.netNord, bids: 4 },
  { ref: "2024-NET-02", objet: "Nettoyage des locaux des pôles Sud, Est et Ouest", cpv: "90910000", nature: "Services", procedure: "Procédure adaptée", notification: [2024, 6, 3], months: 36, amount: 42000, holder: SUPPLIERS.netCentre, bids: 3 },
  { ref: "2024-VOI-01", objet: "Accord-cadre d'entretien de la voirie communautaire", cpv: "45233141", nature: "Travaux", procedure: "Procédure adaptée", notification: [2024, 2, 1], months: 48, amount: 400000, holder: SUPPLIERS.voirie, bids: 3 },
];

export interface QualityDef {
  territory: string;
  service: string;
  indicator: string;
  value: number;
  target: number;
  unit: string;
  date: [number, number, number];
}

const Q_DATE: [number, number, number] = [2025, 12, 31];
const q = (territory: string, service: string, indicator: string, value: number, target: number, unit: string, date = Q_DATE): QualityDef => ({
  territory,
  service,
  indicator,
  value,
  target,
  unit,
  date,
});

export const QUALITY: readonly QualityDef[] = [
  q("Pôle Nord", "Voirie", "Délai moyen d'intervention", 4, 5, "jours"),
  q("Pôle Sud", "Voirie", "Délai moyen d'intervention", 5, 5, "jours"),
  q("Pôle Est", "Voirie", "Délai moyen d'intervention", 7, 5, "jours", [2024, 12, 31]),
  q("Pôle Est", "Voirie", "Délai moyen d'intervention", 5.5, 5, "jours"),
  q("Pôle Ouest", "Voirie", "Délai moyen d'intervention", 9, 5, "jours"),
  q("Pôle Nord", "Collecte des déchets", "Fréquence de collecte", 2, 1, "passages par semaine"),
  q("Pôle Sud", "Collecte des déchets", "Fréquence de collecte", 1, 1, "passages par semaine"),
  q("Pôle Est", "Collecte des déchets", "Fréquence de collecte", 1, 1, "passages par semaine"),
  q("Pôle Ouest", "Collecte des déchets", "Fréquence de collecte", 1, 1, "passages par semaine"),
  q("Pôle Nord", "Accueil du public", "Heures d'ouverture hebdomadaires", 35, 30, "heures"),
  q("Pôle Sud", "Accueil du public", "Heures d'ouverture hebdomadaires", 32, 30, "heures"),
  q("Pôle Est", "Accueil du public", "Heures d'ouverture hebdomadaires", 30, 30, "heures"),
  q("Pôle Ouest", "Accueil du public", "Heures d'ouverture hebdomadaires", 28, 30, "heures"),
  q("Pôle Nord", "Espaces verts", "Taux de satisfaction", 86, 80, "%"),
  q("Pôle Sud", "Espaces verts", "Taux de satisfaction", 84, 80, "%"),
  q("Pôle Est", "Espaces verts", "Taux de satisfaction", 82, 80, "%"),
  q("Pôle Ouest", "Espaces verts", "Taux de satisfaction", 81, 80, "%"),
];

/**
 * Services of the questionnaire, in the order and with the ids of the report's Attentes sheet
 * (src/core/territories/expectations.ts DEFAULT_SERVICES; the four quality services all match one).
 * Answers [importance, satisfaction] per pôle (Nord, Sud, Est, Ouest); null: not answered.
 */
type Answer = readonly [number, number] | null;
export const EXPECTATIONS: readonly { id: string; label: string; answers: readonly Answer[] }[] = [
  { id: "VOIRIE", label: "Voirie et éclairage public", answers: [[2, 2], [2, 2], [2, 2], [3, 0]] },
  { id: "DECHETS", label: "Collecte des déchets", answers: [[3, 2], [3, 2], [3, 2], [3, 2]] },
  { id: "ESPACES_VERTS", label: "Espaces verts", answers: [[2, 2], [2, 3], [2, 2], [1, 2]] },
  { id: "PROPRETE", label: "Propreté et nettoyage", answers: [[1, 2], [1, 1], [1, 2], [1, 2]] },
  { id: "RESTAURATION", label: "Restauration scolaire", answers: [null, null, null, null] },
  { id: "BATIMENTS", label: "Entretien des bâtiments", answers: [null, null, null, null] },
  { id: "ACCUEIL", label: "Accueil du public", answers: [[2, 3], [2, 2], [2, 2], [2, 2]] },
  { id: "PETITE_ENFANCE", label: "Petite enfance", answers: [null, null, null, null] },
  { id: "MOBILITE", label: "Transport et mobilité", answers: [null, null, null, null] },
];

export const TERR_SPEND_HEADER = [
  "Date mandat", "N° mandat", "Collectivité", "Pôle territorial", "Service", "Code famille", "Article budgétaire",
  "Code CPV", "Fournisseur", "SIRET", "CP fournisseur", "N° marché", "Objet", "Montant HT", "Taux TVA", "Montant TTC",
] as const;
export const TS = {
  date: 0, mandat: 1, entity: 2, territory: 3, service: 4, familyCode: 5, article: 6, cpv: 7, supplier: 8, siret: 9,
  postcode: 10, contractRef: 11, objet: 12, ht: 13, vat: 14, ttc: 15,
} as const;
export const TERR_CONTRACT_HEADER = [
  "N° marché", "Acheteur", "Objet", "Code CPV", "Nature", "Procédure", "Date de notification", "Durée (mois)",
  "Montant HT", "Offres reçues", "Titulaire", "SIRET titulaire",
] as const;
export const TERR_DATE_COLUMNS = { spend: [TS.date], contracts: [6], quality: [6] } as const;
export const TERR_AMOUNT_COLUMNS = { spend: [TS.ht, TS.ttc], contracts: [8] } as const;

export interface TerritorialPlanted {
  kind: "under-served-territory" | "pool-family" | "territorialise-family" | "mixed-family";
  description: string;
  territory?: string;
  service?: string;
  familyCode?: string;
  expected: Record<string, number | string | string[] | null>;
}

export interface TerritorialDemoData {
  spend: DemoTable;
  contracts: DemoTable;
  nomenclature: DemoTable;
  territories: DemoTable;
  quality: DemoTable;
  /** The questionnaire's grid (row r = sheet row r + 1), as the report lays it out. */
  expectations: Cell[][];
  planted: TerritorialPlanted[];
  controls: TerritorialPlanted[];
}

export const DEFAULT_TERR_SEED = 20260116;

function weekdaysOf(year: number): number[] {
  const out: number[] = [];
  for (let d = dayFromYMD(year, 1, 2); d <= dayFromYMD(year, 12, 31); d++) {
    // Day 0 of the engine's calendar is 1970-01-01, a Thursday.
    const dow = (((d + 4) % 7) + 7) % 7; // 0 Sunday … 6 Saturday
    if (dow !== 0 && dow !== 6) out.push(d);
  }
  return out;
}

/** `total` cents split into `n` positive parts with random weights; the parts add up exactly. */
function split(rng: Rng, totalCents: number, n: number): number[] {
  const w = Array.from({ length: n }, () => rng.logNormal(1, 0.5));
  const sum = w.reduce((s, x) => s + x, 0);
  const parts = w.map((x) => Math.max(100, Math.round((x / sum) * totalCents)));
  let diff = totalCents - parts.reduce((s, x) => s + x, 0);
  for (let i = 0; diff !== 0; i = (i + 1) % n) {
    const step = diff > 0 ? Math.min(diff, 1000) : Math.max(diff, -Math.min(1000, parts[i] - 100));
    parts[i] += step;
    diff -= step;
  }
  return parts;
}

export function generateTerritorialDemo(seed = DEFAULT_TERR_SEED): TerritorialDemoData {
  const rng = new Rng(seed);
  const days = weekdaysOf(TERR_YEAR);
  interface Line {
    day: number;
    pole: string;
    fam: TerritorialFamilyDef;
    supplier: SupplierDef;
    cents: number;
  }
  const lines: Line[] = [];
  for (const fam of FAMILIES) {
    const r = rng.fork(fam.code);
    for (const pole of POLES) {
      const euros = fam.perPole[pole.name];
      if (euros === undefined) continue;
      const n = Math.max(3, Math.round(euros / fam.averageLine));
      const list = fam.suppliers[pole.name] as readonly SupplierDef[];
      for (const cents of split(r, euros * 100, n))
        lines.push({ day: r.pick(days), pole: pole.name, fam, supplier: r.pick(list), cents });
    }
  }
  lines.sort((a, b) => a.day - b.day || a.fam.code.localeCompare(b.fam.code) || a.pole.localeCompare(b.pole) || a.cents - b.cents);

  const spendRows: Cell[][] = [TERR_SPEND_HEADER.slice()];
  lines.forEach((l, i) => {
    const ht = l.cents / 100;
    spendRows.push([
      excelSerialFromDay(l.day),
      `M${TERR_YEAR}-${String(i + 1).padStart(5, "0")}`,
      TERR_EPCI,
      l.pole,
      l.fam.service,
      l.fam.code,
      l.fam.article,
      l.fam.cpv,
      l.supplier.name,
      l.supplier.siret,
      l.supplier.postcode,
      l.fam.contracts?.[l.pole] ?? null,
      `${l.fam.label} — ${l.pole}`,
      ht,
      20,
      Math.round(l.cents * 1.2) / 100,
    ]);
  });

  const contractRows: Cell[][] = [TERR_CONTRACT_HEADER.slice()];
  for (const c of CONTRACTS)
    contractRows.push([
      c.ref, TERR_EPCI, c.objet, c.cpv, c.nature, c.procedure, excelSerialFromDay(dayFromYMD(...c.notification)), c.months,
      c.amount, c.bids, c.holder.name, c.holder.siret,
    ]);

  const nomenclatureRows: Cell[][] = [["Code famille", "Libellé", "Nature", "Service de proximité"]];
  for (const f of FAMILIES) nomenclatureRows.push([f.code, f.label, f.nature, f.proximity ? "Oui" : "Non"]);

  const territoryRows: Cell[][] = [["Pôle territorial", "Population", "Codes postaux", "Département"]];
  for (const p of POLES) territoryRows.push([p.name, p.population, p.postcodes.join(" ; "), "41"]);

  const qualityRows: Cell[][] = [["Pôle territorial", "Service", "Indicateur", "Valeur", "Cible", "Unité", "Date de mesure"]];
  for (const m of QUALITY)
    qualityRows.push([m.territory, m.service, m.indicator, m.value, m.target, m.unit, excelSerialFromDay(dayFromYMD(...m.date))]);

  // The questionnaire as the report lays it out (src/report/sheets/attentes.ts): title, stamp and
  // note in column B (rows 1, 2, 4), the "#attentes" marker, the header row "Clé | Service | Mesure | <pôles> | Moyenne" and
  // one row per service and measure.
  const poles = POLES.map((p) => p.name);
  const expectations: Cell[][] = [
    [null, "Attentes des territoires"],
    [null, `Réponses de démonstration (fictives) · Période : ${TERR_YEAR} · Optima Achats ${VERSION}`],
    [],
    [
      null,
      "Pour chaque service et chaque territoire, notez l'importance et la satisfaction de 0 à 3 (0 faible, 1 moyenne, 2 forte, 3 très forte). Priorité : importance ≥ 2 et satisfaction ≤ 1.",
    ],
    [],
    ["#attentes", "Attentes des territoires"],
    ["Clé", "Service", "Mesure", ...poles, "Moyenne"],
  ];
  for (const s of EXPECTATIONS)
    (["importance", "satisfaction"] as const).forEach((m, k) => {
      const values = s.answers.map((a) => (a === null ? null : a[k]));
      const answered = values.filter((v): v is number => v !== null);
      expectations.push([
        `${s.id}/${m}`,
        s.label,
        m === "importance" ? "Importance" : "Satisfaction",
        ...values,
        answered.length === 0 ? null : Math.round((answered.reduce((x, y) => x + y, 0) / answered.length) * 100) / 100,
      ]);
    });

  const sumOf = (code: string, pole?: string) =>
    lines.filter((l) => l.fam.code === code && (pole === undefined || l.pole === pole)).reduce((s, l) => s + l.cents, 0) / 100;
  const planted: TerritorialPlanted[] = [
    {
      kind: "under-served-territory",
      description: "Pôle Ouest sous-desservi en voirie : délai moyen d'intervention 9 jours pour une cible de 5 (5 / 9 = 55,6 % de la cible, sous 90 %) ; attente prioritaire (importance 3, satisfaction 0)",
      territory: "Pôle Ouest",
      service: "Voirie",
      expected: { value: 9, target: 5, population: 4000, populationMeasured: 30000 },
    },
    {
      kind: "pool-family",
      description: "Fournitures de bureau : famille standard achetée dans les 4 pôles à des fournisseurs extérieurs (0 % local) → mutualiser (scénario A)",
      familyCode: "FOUR-BUR",
      expected: { recommendation: "mutualiser", cursor: "A", amountHT: sumOf("FOUR-BUR"), territories: 4 },
    },
    {
      kind: "territorialise-family",
      description: "Entretien des espaces verts : famille de proximité, un fournisseur de chaque pôle (100 % local dans 4 pôles sur 4) → territorialiser (scénario B)",
      familyCode: "ESP-VERTS",
      expected: { recommendation: "territorialiser", cursor: "B", amountHT: sumOf("ESP-VERTS"), territories: 4 },
    },
    {
      kind: "mixed-family",
      description: "Entretien de la voirie : proximité sans fournisseur local → mixte (C) ; l'écart et l'attente du Pôle Ouest sont traités par les lots territoriaux",
      familyCode: "VOIRIE",
      expected: { recommendation: "mixte", cursor: "C", amountHT: sumOf("VOIRIE"), gaps: ["Pôle Ouest"], priorities: ["Pôle Ouest"] },
    },
  ];
  const controls: TerritorialPlanted[] = [
    {
      kind: "under-served-territory",
      description: "Pôle Est en voirie : 5,5 jours pour une cible de 5 (90,9 % de la cible, dans la tolérance de 10 points) ; sa mesure de 2024 (7 jours) est remplacée par la plus récente",
      territory: "Pôle Est",
      service: "Voirie",
      expected: { underServed: 0 },
    },
    {
      kind: "pool-family",
      description: "Matériel informatique : acheté par le seul Pôle Nord (un seul territoire acheteur) → aucune recommandation, rien à mutualiser",
      familyCode: "INFO-MAT",
      expected: { recommendation: null, cursor: null, amountHT: sumOf("INFO-MAT"), territories: 1 },
    },
    {
      kind: "territorialise-family",
      description: "Nettoyage des locaux : famille de proximité, offre locale forte dans le seul Pôle Nord (1 sur 4, moins de la moitié) → mixte (C), pas territorialiser",
      familyCode: "NETT",
      expected: { recommendation: "mixte", cursor: "C", amountHT: sumOf("NETT"), territories: 4 },
    },
  ];

  return {
    spend: { name: "Mandats", sheet: "Mandats", rows: spendRows, firstRow: 1 },
    contracts: { name: "Marches", sheet: "Marchés", rows: contractRows, firstRow: 1 },
    nomenclature: { name: "Nomenclature", sheet: "Nomenclature", rows: nomenclatureRows, firstRow: 1 },
    territories: { name: "PolesTerritoriaux", sheet: "Pôles territoriaux", rows: territoryRows, firstRow: 1 },
    quality: { name: "QualiteService", sheet: "Qualité de service", rows: qualityRows, firstRow: 1 },
    expectations,
    planted,
    controls,
  };
}
