/**
 * Static catalogue of the fictional "Communauté d'agglomération du Val de Loiret": member bodies,
 * purchase families (the buyer's own nomenclature), items, and the word lists used to build
 * supplier names. Every name here is invented; any resemblance to a real body or company is
 * accidental. Identifiers (SIREN/SIRET) are computed to be Luhn-valid but are fictional.
 */
import type { Nature } from "../../src/core/model";

// ---------------------------------------------------------------------------------------------
// Luhn (SIREN / SIRET)

/** Luhn check digit to append to `body` (digits only) so that the whole number is Luhn-valid. */
export function luhnCheckDigit(body: string): number {
  let sum = 0;
  // The check digit will sit at position 1 from the right (not doubled), so the last digit of
  // the body is at position 2 (doubled).
  for (let i = body.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = body.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function isLuhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  return luhnCheckDigit(digits.slice(0, -1)) === digits.charCodeAt(digits.length - 1) - 48;
}

/** SIREN (9 digits) from an 8-digit body. */
export function sirenFrom(body8: string): string {
  if (!/^\d{8}$/.test(body8)) throw new Error(`Corps de SIREN invalide : ${body8}`);
  return body8 + luhnCheckDigit(body8);
}

/** SIRET (14 digits) from a SIREN and a 4-digit establishment body (NIC without its key). */
export function siretFrom(siren: string, nic4: string): string {
  const body = siren + nic4;
  if (!/^\d{13}$/.test(body)) throw new Error(`Corps de SIRET invalide : ${body}`);
  return body + luhnCheckDigit(body);
}

/** UGAP's SIREN (SPEC §3.3); the establishment number used here is fictional but Luhn-valid. */
export const UGAP_SIREN = "776056467";
export const UGAP_SIRET = siretFrom(UGAP_SIREN, "0001");

// ---------------------------------------------------------------------------------------------
// Entities

export type EntityType = "EPCI" | "Commune" | "CCAS";

export const TERRITORIES = ["Cœur d'agglomération", "Pôle Nord", "Pôle Sud", "Pôle Est"] as const;
export type Territory = (typeof TERRITORIES)[number];

export interface EntityDef {
  name: string;
  /** Short code used in contract and mandat numbers (≤ 4 characters). */
  code: string;
  type: EntityType;
  territory: Territory;
  /** Legal population; null for the CCAS (its commune's inhabitants are already counted). */
  population: number | null;
  /** Population used to size budgets (the CCAS uses its commune's). */
  budgetPopulation: number;
  departement: string;
  siret: string;
  /** Town used for the postcode of local suppliers. */
  postcode: string;
}

interface CommuneSeed {
  name: string;
  code: string;
  territory: Territory;
  population: number;
  departement: string;
  /** Fictional 3-digit INSEE commune number (outside the real ranges of 28, 41 and 45). */
  insee: string;
  postcode: string;
}

const COMMUNES: CommuneSeed[] = [
  { name: "Saint-Aubin-sur-Loiret", code: "SAL", territory: "Cœur d'agglomération", population: 24860, departement: "45", insee: "401", postcode: "45160" },
  { name: "Villeneuve-la-Rivière", code: "VLR", territory: "Cœur d'agglomération", population: 14215, departement: "45", insee: "402", postcode: "45140" },
  { name: "Fontenay-aux-Saules", code: "FAS", territory: "Pôle Nord", population: 9640, departement: "45", insee: "403", postcode: "45410" },
  { name: "Beaulieu-en-Sologne", code: "BES", territory: "Pôle Sud", population: 6320, departement: "41", insee: "451", postcode: "41220" },
  { name: "Marigny-les-Bois", code: "MLB", territory: "Pôle Est", population: 5085, departement: "45", insee: "404", postcode: "45150" },
  { name: "Châtillon-sur-Cens", code: "CSC", territory: "Pôle Nord", population: 3910, departement: "28", insee: "481", postcode: "28310" },
  { name: "La Ferté-Sainte-Colombe", code: "FSC", territory: "Pôle Sud", population: 3380, departement: "45", insee: "405", postcode: "45240" },
  { name: "Saint-Hilaire-des-Vignes", code: "SHV", territory: "Pôle Est", population: 2745, departement: "45", insee: "406", postcode: "45110" },
  { name: "Ormes-sur-Bionne", code: "OSB", territory: "Cœur d'agglomération", population: 2160, departement: "45", insee: "407", postcode: "45430" },
  { name: "Les Essarts-du-Val", code: "EDV", territory: "Pôle Est", population: 1530, departement: "45", insee: "408", postcode: "45260" },
  { name: "Montbrun-en-Gâtinais", code: "MEG", territory: "Pôle Nord", population: 1095, departement: "45", insee: "409", postcode: "45340" },
  { name: "Vrigny-la-Forêt", code: "VLF", territory: "Pôle Sud", population: 815, departement: "41", insee: "452", postcode: "41600" },
];

export const EPCI_NAME = "Communauté d'agglomération du Val de Loiret";

function buildEntities(): EntityDef[] {
  const communes: EntityDef[] = COMMUNES.map((c) => {
    // Communes' SIRENs start with 21 + département + 0 + INSEE commune number (as real ones do).
    const siren = sirenFrom(`21${c.departement}0${c.insee}`);
    return {
      name: c.name,
      code: c.code,
      type: "Commune" as const,
      territory: c.territory,
      population: c.population,
      budgetPopulation: c.population,
      departement: c.departement,
      siret: siretFrom(siren, "0001"),
      postcode: c.postcode,
    };
  });
  const total = COMMUNES.reduce((s, c) => s + c.population, 0);
  const epci: EntityDef = {
    name: EPCI_NAME,
    code: "CAVL",
    type: "EPCI",
    territory: "Cœur d'agglomération",
    population: total,
    budgetPopulation: total,
    departement: "45",
    siret: siretFrom(sirenFrom("20009871"), "0002"),
    postcode: "45160",
  };
  const ccas: EntityDef = {
    name: "CCAS de Saint-Aubin-sur-Loiret",
    code: "CCAS",
    type: "CCAS",
    territory: "Cœur d'agglomération",
    population: null,
    budgetPopulation: COMMUNES[0].population,
    departement: "45",
    siret: siretFrom(sirenFrom("26450401"), "0001"),
    postcode: "45160",
  };
  return [epci, ...communes, ccas];
}

export const ENTITIES: readonly EntityDef[] = buildEntities();

// ---------------------------------------------------------------------------------------------
// Families

/** Monthly seasonality profiles (January..December), multiplied by the mandat activity curve. */
export const SEASONS = {
  flat: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
  heating: [1.6, 1.5, 1.3, 1.0, 0.7, 0.5, 0.45, 0.45, 0.6, 0.9, 1.3, 1.6],
  school: [1.1, 1.0, 1.1, 1.0, 1.0, 1.1, 0.4, 0.05, 1.0, 1.1, 1.0, 0.9],
  green: [0.4, 0.5, 0.9, 1.3, 1.5, 1.5, 1.3, 1.0, 1.1, 1.0, 0.7, 0.5],
  works: [0.5, 0.6, 0.9, 1.1, 1.2, 1.3, 1.2, 0.7, 1.2, 1.2, 1.1, 1.0],
  yearEnd: [0.6, 0.8, 0.9, 0.9, 0.9, 1.0, 0.8, 0.5, 1.0, 1.1, 1.4, 1.8],
  events: [0.8, 0.4, 0.5, 0.7, 1.0, 1.9, 1.7, 0.6, 0.8, 0.7, 0.9, 1.6],
} as const;
export type SeasonKey = keyof typeof SEASONS;

/** Overall mandat activity by month (budget vote in January, summer break, year-end rush). */
export const MANDAT_ACTIVITY = [0.75, 1, 1.05, 1, 1, 1.05, 1, 0.65, 1, 1.05, 1.05, 1.2];

export interface ItemDef {
  /** "Référence article" as written on the lines (identical across entities). */
  ref: string;
  unit: string;
  /** Typical unit price HT (€). */
  price: number;
}

/**
 * How each member body buys a family:
 * - groupement: an EPCI-coordinated groupement de commandes for the members listed by `groupementMinPop`;
 * - own: own contracts for the EPCI (`epciOwn`) and communes with population ≥ `ownMinPop`;
 * - ugap: share of spend bought through UGAP (for entities with population ≥ `ugapMinPop`);
 * - hmShare: share left to hors-marché purchases (capped per entity × year below the threshold);
 * entities with no contract route buy hors marché only (capped).
 */
export interface ChannelRule {
  groupement?: boolean;
  groupementMinPop?: number;
  epciOwn?: boolean;
  ccasOwn?: boolean;
  ownMinPop?: number;
  ugap?: number;
  ugapMinPop?: number;
  hmShare: number;
  /** Own contracts of communes are small direct awards (sans publicité) below the threshold. */
  directAwardOwn?: boolean;
}

export interface FamilyDef {
  code: string;
  label: string;
  nature: Nature;
  /** Usual M57 nature (article budgétaire). */
  article: string;
  /** Main CPV code (8 digits). */
  cpv: string | null;
  proximity: boolean;
  /** Reason when the family is excluded from splitting checks. */
  excludedReason?: string;
  /** Annual spend per inhabitant (€) for communes, and for the EPCI per inhabitant of the EPCI. */
  perHabCommune: number;
  perHabEpci: number;
  perHabCcas?: number;
  /** Communes below this population do not buy the family. */
  minPop?: number;
  /** Median amount HT of a line for a commune of 5 000 inhabitants (€). */
  lineMedian: number;
  /** Log-scale dispersion of line amounts. */
  sigma: number;
  vat: number;
  season: SeasonKey;
  channel: ChannelRule;
  /** Lots of the consultation (one contract per lot). */
  lots?: string[];
  durations: number[];
  technique: "Accord-cadre" | "Sans objet";
  /** Contract subject ("Objet" in the register). */
  contractObjet: string;
  /** Wordings of spend lines; "{site}", "{mois}" and "{annee}" are replaced. */
  lineObjets: string[];
  items?: ItemDef[];
  /** Share of lines that carry an item reference, quantity and unit price. */
  itemShare?: number;
  serviceCommune: string[];
  serviceEpci: string[];
  /** Words for supplier names. */
  trades: string[];
  /** Fictional national (non-SME) suppliers. */
  majors: string[];
  /** Supplier pool: regional SMEs, local artisans/SMEs, insertion (ESS/SIAE) bodies. */
  pool: { regional: number; local: number; insertion?: number };
}

export const FAMILIES: readonly FamilyDef[] = [
  {
    code: "FOU-BUR", label: "Fournitures de bureau et papeterie", nature: "Fournitures", article: "6064", cpv: "30192000",
    proximity: false, perHabCommune: 4, perHabEpci: 1.4, perHabCcas: 0.4, lineMedian: 260, sigma: 0.8, vat: 20, season: "flat",
    channel: { epciOwn: true, ownMinPop: 5000, hmShare: 0.15 }, durations: [24, 36, 48], technique: "Accord-cadre",
    contractObjet: "Fourniture de papeterie et de fournitures de bureau",
    lineObjets: ["Fournitures de bureau", "Papeterie et petites fournitures", "Consommables d'impression", "Enveloppes et papeterie à en-tête", "Fournitures administratives {site}"],
    items: [
      { ref: "Ramette papier A4 80g", unit: "ramette", price: 4.1 },
      { ref: "Cartouche toner laser noir", unit: "unité", price: 62 },
      { ref: "Enveloppe C5 blanche (boîte de 500)", unit: "boîte", price: 24.5 },
      { ref: "Classeur à levier dos 80 mm", unit: "unité", price: 2.35 },
    ],
    itemShare: 0.55, serviceCommune: ["Administration générale", "Affaires scolaires", "Accueil - État civil"], serviceEpci: ["Direction générale", "Ressources humaines", "Finances"],
    trades: ["Papeterie", "Bureautique", "Fournitures de bureau", "Bureau Service"], majors: ["Hexabureau France", "Papeteries Réunies de l'Ouest"], pool: { regional: 6, local: 6 },
  },
  {
    code: "ENE-ELEC", label: "Électricité", nature: "Fournitures", article: "60612", cpv: "09310000",
    proximity: false, perHabCommune: 24, perHabEpci: 11, perHabCcas: 0.6, lineMedian: 900, sigma: 0.55, vat: 20, season: "heating",
    channel: { groupement: true, groupementMinPop: 0, hmShare: 0 }, lots: ["Sites C5 (≤ 36 kVA)", "Sites C2-C4 et éclairage public"], durations: [36], technique: "Accord-cadre",
    contractObjet: "Fourniture et acheminement d'électricité — groupement de commandes du Val de Loiret",
    lineObjets: ["Électricité {site} — {mois} {annee}", "Consommation électrique {site} — {mois} {annee}", "Électricité éclairage public — {mois} {annee}"],
    serviceCommune: ["Services techniques"], serviceEpci: ["Bâtiments communautaires", "Piscines communautaires"],
    trades: ["Énergies"], majors: ["Électricité Centre Atlantique", "Volta Énergies Collectivités"], pool: { regional: 0, local: 0 },
  },
  {
    code: "ENE-GAZ", label: "Gaz naturel", nature: "Fournitures", article: "60612", cpv: "09123000",
    proximity: false, perHabCommune: 11, perHabEpci: 5, minPop: 2000, lineMedian: 1100, sigma: 0.6, vat: 20, season: "heating",
    channel: { ugap: 1, ugapMinPop: 0, hmShare: 0 }, durations: [36], technique: "Accord-cadre",
    contractObjet: "Fourniture de gaz naturel",
    lineObjets: ["Gaz naturel {site} — {mois} {annee}", "Fourniture de gaz {site} — {mois} {annee}"],
    serviceCommune: ["Services techniques"], serviceEpci: ["Bâtiments communautaires", "Piscines communautaires"],
    trades: ["Gaz"], majors: [], pool: { regional: 0, local: 0 },
  },
  {
    code: "CARB", label: "Carburants", nature: "Fournitures", article: "60622", cpv: "09134100",
    proximity: false, perHabCommune: 5, perHabEpci: 6, lineMedian: 320, sigma: 0.7, vat: 20, season: "flat",
    channel: { epciOwn: true, ownMinPop: 9000, ugap: 0.6, ugapMinPop: 1500, hmShare: 0.1 }, durations: [36, 48], technique: "Accord-cadre",
    contractObjet: "Fourniture de carburants par cartes accréditives",
    lineObjets: ["Carburant véhicules — relevé cartes {mois} {annee}", "Gazole véhicules et engins", "Carburants {mois} {annee}"],
    items: [
      { ref: "Gazole (litre)", unit: "litre", price: 1.42 },
      { ref: "SP95-E10 (litre)", unit: "litre", price: 1.49 },
    ],
    itemShare: 0.4, serviceCommune: ["Services techniques", "Police municipale"], serviceEpci: ["Déchets et propreté", "Voirie communautaire", "Parc automobile"],
    trades: ["Carburants", "Pétroles", "Station"], majors: ["Carbucentre Réseau", "Pétroles du Grand Ouest"], pool: { regional: 2, local: 4 },
  },
  {
    code: "ALIM", label: "Denrées alimentaires (restauration scolaire)", nature: "Fournitures", article: "60623", cpv: "15800000",
    proximity: true, perHabCommune: 19, perHabEpci: 1.5, perHabCcas: 4, minPop: 1000, lineMedian: 1300, sigma: 0.8, vat: 5.5, season: "school",
    channel: { ownMinPop: 2000, ccasOwn: true, epciOwn: true, hmShare: 0.12 }, lots: ["Épicerie", "Viandes et volailles", "Fruits et légumes", "Produits laitiers"],
    durations: [24, 36, 48], technique: "Accord-cadre",
    contractObjet: "Fourniture de denrées alimentaires pour la restauration scolaire",
    lineObjets: ["Denrées restaurant scolaire {mois} {annee}", "Livraison produits frais {site}", "Épicerie restauration scolaire", "Pain et viennoiseries cantine", "Produits laitiers restaurant scolaire"],
    items: [
      { ref: "Yaourt nature 125 g (carton de 48)", unit: "carton", price: 14.9 },
      { ref: "Pommes bio (kg)", unit: "kg", price: 2.6 },
      { ref: "Baguette tradition 250 g", unit: "unité", price: 0.92 },
    ],
    itemShare: 0.25, serviceCommune: ["Restauration scolaire"], serviceEpci: ["Petite enfance"],
    trades: ["Primeurs", "Boulangerie", "Boucherie", "Laiterie", "Distribution alimentaire", "Ferme"], majors: ["Restalim Distribution", "France Frais Collectivités Centre"], pool: { regional: 5, local: 12 },
  },
  {
    code: "EAU", label: "Eau et assainissement", nature: "Fournitures", article: "60611", cpv: "65100000",
    proximity: false, excludedReason: "Fourniture par le délégataire du service public de l'eau (droit d'exclusivité, art. R2122-3 CCP)",
    perHabCommune: 5, perHabEpci: 2.5, perHabCcas: 0.2, lineMedian: 420, sigma: 0.8, vat: 5.5, season: "green",
    channel: { hmShare: 1 }, durations: [12], technique: "Sans objet",
    contractObjet: "Eau",
    lineObjets: ["Eau {site} — relevé {mois} {annee}", "Consommation d'eau {site}", "Eau et assainissement {site}"],
    serviceCommune: ["Services techniques"], serviceEpci: ["Bâtiments communautaires", "Piscines communautaires"],
    trades: ["Eaux"], majors: ["Compagnie des Eaux du Val de Loire", "Eaux et Réseaux du Centre"], pool: { regional: 0, local: 0 },
  },
  {
    code: "INFO-MAT", label: "Matériel informatique", nature: "Fournitures", article: "2183", cpv: "30213000",
    proximity: false, perHabCommune: 5, perHabEpci: 4, perHabCcas: 0.3, lineMedian: 1200, sigma: 0.9, vat: 20, season: "yearEnd",
    channel: { ugap: 0.7, ugapMinPop: 2000, hmShare: 0.3 }, durations: [36], technique: "Accord-cadre",
    contractObjet: "Fourniture de matériel informatique",
    lineObjets: ["Ordinateurs portables", "Postes de travail et écrans", "Matériel informatique écoles", "Équipement numérique {site}", "Vidéoprojecteur interactif"],
    items: [
      { ref: "Ordinateur portable 14 pouces", unit: "unité", price: 780 },
      { ref: "Écran 24 pouces", unit: "unité", price: 149 },
    ],
    itemShare: 0.35, serviceCommune: ["Informatique", "Affaires scolaires", "Administration générale"], serviceEpci: ["Systèmes d'information"],
    trades: ["Informatique", "Micro Services", "Solutions numériques", "Informatique Services"], majors: ["Digitalis Solutions", "Nordis Informatique"], pool: { regional: 5, local: 5 },
  },
  {
    code: "INFO-LOG", label: "Logiciels et maintenance informatique", nature: "Services", article: "6156", cpv: "72267000",
    proximity: false, perHabCommune: 4, perHabEpci: 6, lineMedian: 2400, sigma: 0.8, vat: 20, season: "yearEnd",
    channel: { epciOwn: true, ownMinPop: 5000, directAwardOwn: true, hmShare: 0.2 }, durations: [36, 48], technique: "Sans objet",
    contractObjet: "Maintenance et assistance des logiciels métiers",
    lineObjets: ["Maintenance logiciel finances", "Abonnement logiciel état civil", "Assistance et hébergement logiciels métiers", "Licences bureautiques", "Maintenance logiciel ressources humaines"],
    serviceCommune: ["Informatique", "Administration générale"], serviceEpci: ["Systèmes d'information"],
    trades: ["Logiciels", "Software", "Systèmes", "Data"], majors: ["Berger Logiciels Publics", "Civitas Informatique", "Gestia Collectivités"], pool: { regional: 4, local: 2 },
  },
  {
    code: "TELECOM", label: "Télécommunications", nature: "Services", article: "6262", cpv: "64200000",
    proximity: false, perHabCommune: 3, perHabEpci: 2, perHabCcas: 0.3, lineMedian: 380, sigma: 0.5, vat: 20, season: "flat",
    channel: { groupement: true, groupementMinPop: 2000, ugap: 1, ugapMinPop: 0, hmShare: 0 }, lots: ["Téléphonie fixe et accès internet", "Téléphonie mobile"], durations: [48], technique: "Accord-cadre",
    contractObjet: "Services de télécommunications — groupement de commandes",
    lineObjets: ["Téléphonie fixe — {mois} {annee}", "Téléphonie mobile — {mois} {annee}", "Accès internet {site} — {mois} {annee}"],
    serviceCommune: ["Administration générale"], serviceEpci: ["Systèmes d'information"],
    trades: ["Télécom"], majors: ["Ondes Télécom Entreprises", "Atlantis Telecom"], pool: { regional: 0, local: 0 },
  },
  {
    code: "NETT", label: "Nettoyage des locaux", nature: "Services", article: "6283", cpv: "90910000",
    proximity: true, perHabCommune: 9, perHabEpci: 4, perHabCcas: 0.8, lineMedian: 2300, sigma: 0.45, vat: 20, season: "flat",
    channel: { epciOwn: true, ccasOwn: true, ownMinPop: 3000, hmShare: 0.08 }, durations: [36, 48], technique: "Accord-cadre",
    contractObjet: "Nettoyage des locaux et de la vitrerie",
    lineObjets: ["Nettoyage des locaux — {mois} {annee}", "Nettoyage {site} — {mois} {annee}", "Nettoyage vitrerie {site}", "Remise en état après travaux {site}"],
    serviceCommune: ["Services techniques", "Affaires scolaires"], serviceEpci: ["Bâtiments communautaires"],
    trades: ["Nettoyage", "Propreté", "Net Services", "Clean"], majors: ["Propreté Services de France", "Nova Propreté"], pool: { regional: 4, local: 7, insertion: 2 },
  },
  {
    code: "PROD-ENT", label: "Produits d'entretien et d'hygiène", nature: "Fournitures", article: "60631", cpv: "39830000",
    proximity: false, perHabCommune: 2.4, perHabEpci: 1, perHabCcas: 0.3, lineMedian: 290, sigma: 0.75, vat: 20, season: "flat",
    channel: { ownMinPop: 9000, hmShare: 0.25 }, durations: [24, 36], technique: "Accord-cadre",
    contractObjet: "Fourniture de produits d'entretien et d'hygiène",
    lineObjets: ["Produits d'entretien", "Produits d'hygiène écoles", "Essuie-mains et papier toilette", "Produits d'entretien {site}"],
    items: [
      { ref: "Sac poubelle 100 L (rouleau de 25)", unit: "rouleau", price: 6.2 },
      { ref: "Gel hydroalcoolique 500 ml", unit: "flacon", price: 3.9 },
      { ref: "Papier toilette (colis de 96 rouleaux)", unit: "colis", price: 38 },
    ],
    itemShare: 0.45, serviceCommune: ["Services techniques", "Affaires scolaires"], serviceEpci: ["Bâtiments communautaires", "Petite enfance"],
    trades: ["Hygiène", "Droguerie", "Entretien", "Hygiène Pro"], majors: ["Hygiena Distribution"], pool: { regional: 5, local: 5 },
  },
  {
    code: "ESP-VERTS", label: "Entretien des espaces verts", nature: "Services", article: "61521", cpv: "77310000",
    proximity: true, perHabCommune: 7, perHabEpci: 3, lineMedian: 1800, sigma: 0.7, vat: 20, season: "green",
    channel: { epciOwn: true, ownMinPop: 3000, hmShare: 0.18 }, durations: [24, 36, 48], technique: "Accord-cadre",
    contractObjet: "Entretien des espaces verts et élagage",
    lineObjets: ["Tonte et entretien des espaces verts — {mois} {annee}", "Élagage {site}", "Fauchage des accotements", "Taille des haies {site}", "Fleurissement estival"],
    serviceCommune: ["Espaces verts"], serviceEpci: ["Espaces verts communautaires", "Développement économique"],
    trades: ["Paysages", "Jardins", "Espaces Verts", "Élagage"], majors: ["Verdurys Paysage"], pool: { regional: 3, local: 10, insertion: 3 },
  },
  {
    code: "VOIRIE", label: "Travaux de voirie", nature: "Travaux", article: "2315", cpv: "45233141",
    proximity: true, perHabCommune: 28, perHabEpci: 24, minPop: 1000, lineMedian: 14000, sigma: 0.9, vat: 20, season: "works",
    channel: { epciOwn: true, ownMinPop: 3000, hmShare: 0.1 }, lots: ["Chaussées et trottoirs", "Signalisation horizontale et verticale"], durations: [48], technique: "Accord-cadre",
    contractObjet: "Travaux d'entretien et de réfection de voirie — accord-cadre à bons de commande",
    lineObjets: ["Réfection de chaussée — bon de commande", "Reprise de trottoirs", "Signalisation horizontale", "Point-à-temps et nids-de-poule", "Bordures et caniveaux"],
    serviceCommune: ["Services techniques"], serviceEpci: ["Voirie communautaire"],
    trades: ["TP", "Travaux Publics", "Routes", "Signalisation"], majors: ["Routière du Centre-Ouest", "Bitumes et Enrobés de France"], pool: { regional: 4, local: 6 },
  },
  {
    code: "BAT-ENT", label: "Maintenance et entretien des bâtiments", nature: "Services", article: "615221", cpv: "50700000",
    proximity: true, perHabCommune: 10, perHabEpci: 6, perHabCcas: 0.5, lineMedian: 1100, sigma: 0.9, vat: 20, season: "flat",
    channel: { epciOwn: true, ownMinPop: 5000, hmShare: 0.3 }, lots: ["Chauffage, ventilation, climatisation", "Électricité et SSI", "Plomberie"], durations: [36, 48], technique: "Accord-cadre",
    contractObjet: "Maintenance multitechnique des bâtiments",
    lineObjets: ["Maintenance chaufferie {site}", "Dépannage plomberie {site}", "Vérification SSI et extincteurs", "Réparation menuiserie {site}", "Maintenance préventive CVC", "Dépannage électrique {site}"],
    serviceCommune: ["Services techniques", "Bâtiments"], serviceEpci: ["Bâtiments communautaires"],
    trades: ["Thermique", "Plomberie", "Électricité", "Menuiserie", "Chauffage", "Multiservices"], majors: ["Énergétis Maintenance", "Dalmas Services Techniques"], pool: { regional: 5, local: 16 },
  },
  {
    code: "TRAV-BAT", label: "Travaux de bâtiment", nature: "Travaux", article: "2313", cpv: "45210000",
    proximity: true, perHabCommune: 40, perHabEpci: 30, lineMedian: 22000, sigma: 0.7, vat: 20, season: "works",
    channel: { hmShare: 0.05 }, durations: [8], technique: "Sans objet",
    contractObjet: "Travaux",
    lineObjets: ["Petits travaux {site}", "Travaux de peinture {site}", "Remplacement de menuiseries {site}", "Travaux de couverture {site}"],
    serviceCommune: ["Services techniques", "Bâtiments"], serviceEpci: ["Bâtiments communautaires", "Patrimoine"],
    trades: ["Bâtiment", "Constructions", "Maçonnerie", "Menuiserie", "Couverture", "Électricité", "Peinture", "Plâtrerie"], majors: ["Bâtisseurs du Centre", "Constructions Ligériennes"], pool: { regional: 8, local: 22 },
  },
  {
    code: "ECL-PUB", label: "Maintenance de l'éclairage public", nature: "Services", article: "615232", cpv: "50232100",
    proximity: true, perHabCommune: 4, perHabEpci: 0, minPop: 800, lineMedian: 1500, sigma: 0.6, vat: 20, season: "heating",
    channel: { ownMinPop: 2000, hmShare: 0.1 }, durations: [36, 48], technique: "Accord-cadre",
    contractObjet: "Maintenance de l'éclairage public et des illuminations",
    lineObjets: ["Maintenance éclairage public — {mois} {annee}", "Remplacement de luminaires", "Pose et dépose des illuminations de fin d'année"],
    serviceCommune: ["Services techniques"], serviceEpci: ["Voirie communautaire"],
    trades: ["Éclairage", "Réseaux", "Électricité Réseaux"], majors: ["Lumicité Réseaux"], pool: { regional: 3, local: 3 },
  },
  {
    code: "MAINT-VEH", label: "Entretien et réparation des véhicules", nature: "Services", article: "61551", cpv: "50110000",
    proximity: true, perHabCommune: 3, perHabEpci: 4, lineMedian: 620, sigma: 0.9, vat: 20, season: "flat",
    channel: { epciOwn: true, hmShare: 0.15 }, durations: [36], technique: "Accord-cadre",
    contractObjet: "Entretien et réparation des véhicules et engins",
    lineObjets: ["Révision véhicule {immat}", "Réparation engin de tonte", "Pneumatiques", "Contrôle technique {immat}", "Réparation carrosserie {immat}"],
    serviceCommune: ["Services techniques", "Parc automobile"], serviceEpci: ["Parc automobile", "Déchets et propreté"],
    trades: ["Garage", "Auto Services", "Motoculture", "Poids Lourds"], majors: ["PL Services Centre"], pool: { regional: 3, local: 12 },
  },
  {
    code: "VEHIC", label: "Véhicules", nature: "Fournitures", article: "2182", cpv: "34100000",
    proximity: false, perHabCommune: 4, perHabEpci: 5, minPop: 2000, lineMedian: 24000, sigma: 0.5, vat: 20, season: "yearEnd",
    channel: { ugap: 0.8, ugapMinPop: 2000, hmShare: 0.2 }, durations: [12], technique: "Sans objet",
    contractObjet: "Acquisition de véhicules",
    lineObjets: ["Véhicule utilitaire électrique", "Camion benne 3,5 t", "Véhicule de service", "Tondeuse autoportée"],
    serviceCommune: ["Services techniques", "Parc automobile"], serviceEpci: ["Parc automobile"],
    trades: ["Automobiles", "Utilitaires", "Motoculture"], majors: ["Centre Utilitaires Distribution"], pool: { regional: 3, local: 3 },
  },
  {
    code: "MOBIL", label: "Mobilier", nature: "Fournitures", article: "2184", cpv: "39100000",
    proximity: false, perHabCommune: 2.5, perHabEpci: 1.5, lineMedian: 1400, sigma: 0.9, vat: 20, season: "yearEnd",
    channel: { ugap: 0.5, ugapMinPop: 3000, hmShare: 0.5 }, durations: [12], technique: "Sans objet",
    contractObjet: "Fourniture de mobilier",
    lineObjets: ["Mobilier scolaire", "Mobilier de bureau", "Tables et chaises salle des fêtes", "Rayonnages médiathèque", "Mobilier {site}"],
    serviceCommune: ["Administration générale", "Affaires scolaires", "Culture"], serviceEpci: ["Direction générale", "Petite enfance"],
    trades: ["Mobilier", "Agencement", "Collectivités Équipement"], majors: ["Équipement Direct Collectivités", "Mobidec France"], pool: { regional: 4, local: 3 },
  },
  {
    code: "EPI", label: "Vêtements de travail et EPI", nature: "Fournitures", article: "60636", cpv: "18100000",
    proximity: false, perHabCommune: 1.5, perHabEpci: 1.5, lineMedian: 580, sigma: 0.8, vat: 20, season: "flat",
    channel: { epciOwn: true, ownMinPop: 9000, hmShare: 0.2 }, durations: [24, 36], technique: "Accord-cadre",
    contractObjet: "Fourniture de vêtements de travail et d'équipements de protection individuelle",
    lineObjets: ["Vêtements de travail agents techniques", "Chaussures de sécurité", "Équipements de protection individuelle", "Gants et gilets haute visibilité"],
    items: [
      { ref: "Chaussures de sécurité S3", unit: "paire", price: 68 },
      { ref: "Gilet haute visibilité classe 2", unit: "unité", price: 7.5 },
    ],
    itemShare: 0.35, serviceCommune: ["Services techniques"], serviceEpci: ["Déchets et propreté", "Ressources humaines"],
    trades: ["Protection", "Sécurité", "Workwear"], majors: ["Protecta Industrie"], pool: { regional: 4, local: 2 },
  },
  {
    code: "FORM", label: "Formation des agents", nature: "Services", article: "6184", cpv: "80500000",
    proximity: false, perHabCommune: 1.4, perHabEpci: 2, lineMedian: 850, sigma: 0.7, vat: 0, season: "flat",
    channel: { epciOwn: true, hmShare: 0.8 }, durations: [24, 36], technique: "Accord-cadre",
    contractObjet: "Formations obligatoires en hygiène et sécurité",
    lineObjets: ["Formation CACES", "Formation habilitation électrique", "Formation premiers secours", "Formation HACCP restauration", "Formation management"],
    serviceCommune: ["Ressources humaines"], serviceEpci: ["Ressources humaines"],
    trades: ["Formation", "Conseil Formation", "Institut"], majors: ["Formaplus Collectivités"], pool: { regional: 6, local: 4 },
  },
  {
    code: "HONOR", label: "Honoraires, études et conseil", nature: "Services", article: "6226", cpv: "71000000",
    proximity: false, perHabCommune: 3, perHabEpci: 5, lineMedian: 3800, sigma: 0.9, vat: 20, season: "yearEnd",
    channel: { epciOwn: true, ownMinPop: 5000, hmShare: 0.3 }, durations: [12, 24], technique: "Sans objet",
    contractObjet: "Mission d'études et d'assistance",
    lineObjets: ["Honoraires avocat", "Étude de faisabilité", "Mission de maîtrise d'œuvre — acompte", "Diagnostic amiante {site}", "Assistance à maîtrise d'ouvrage", "Relevés topographiques"],
    serviceCommune: ["Administration générale", "Urbanisme"], serviceEpci: ["Direction générale", "Aménagement", "Développement économique"],
    trades: ["Conseil", "Ingénierie", "Études", "Avocats", "Architectes", "Géomètres-Experts"], majors: ["Ingénia Conseil Public"], pool: { regional: 8, local: 6 },
  },
  {
    code: "ANNONCES", label: "Annonces et insertions", nature: "Services", article: "6231", cpv: "79341000",
    proximity: false, perHabCommune: 0.8, perHabEpci: 1, lineMedian: 650, sigma: 0.6, vat: 20, season: "flat",
    channel: { hmShare: 1 }, durations: [12], technique: "Sans objet",
    contractObjet: "Annonces",
    lineObjets: ["Avis d'appel public à la concurrence", "Annonce légale — enquête publique", "Avis d'attribution", "Insertion offre d'emploi"],
    serviceCommune: ["Administration générale", "Commande publique"], serviceEpci: ["Commande publique", "Ressources humaines"],
    trades: ["Annonces"], majors: ["L'Écho du Loiret", "Le Journal du Centre-Val", "Annonces Légales du Centre"], pool: { regional: 0, local: 0 },
  },
  {
    code: "LOC-MOB", label: "Locations mobilières", nature: "Services", article: "6135", cpv: "30121100",
    proximity: false, perHabCommune: 2, perHabEpci: 2, perHabCcas: 0.2, lineMedian: 420, sigma: 0.5, vat: 20, season: "flat",
    channel: { epciOwn: true, ownMinPop: 3000, ugap: 1, ugapMinPop: 0, hmShare: 0.1 }, durations: [48, 60], technique: "Accord-cadre",
    contractObjet: "Location et maintenance de photocopieurs multifonctions",
    lineObjets: ["Location copieurs — {trimestre}", "Coût copies {trimestre}", "Location nacelle", "Location de barnums"],
    serviceCommune: ["Administration générale"], serviceEpci: ["Systèmes d'information", "Direction générale"],
    trades: ["Bureautique", "Location", "Copie Services"], majors: ["Repro Solutions France", "Locamat Centre"], pool: { regional: 3, local: 2 },
  },
  {
    code: "IMPR", label: "Impression et reprographie", nature: "Services", article: "6236", cpv: "79800000",
    proximity: false, perHabCommune: 1.5, perHabEpci: 1.5, lineMedian: 900, sigma: 0.8, vat: 20, season: "flat",
    channel: { epciOwn: true, hmShare: 0.7 }, durations: [24, 36], technique: "Accord-cadre",
    contractObjet: "Impression des supports de communication",
    lineObjets: ["Impression bulletin municipal", "Impression affiches", "Impression programmes culturels", "Flyers et kakémonos"],
    serviceCommune: ["Communication"], serviceEpci: ["Communication"],
    trades: ["Imprimerie", "Arts Graphiques", "Print"], majors: ["Imprimeries Réunies du Centre"], pool: { regional: 4, local: 4, insertion: 1 },
  },
  {
    code: "FETES", label: "Fêtes, cérémonies et animations", nature: "Services", article: "6232", cpv: "92000000",
    proximity: false, perHabCommune: 3.5, perHabEpci: 0.8, lineMedian: 1200, sigma: 0.9, vat: 20, season: "events",
    channel: { hmShare: 1 }, durations: [12], technique: "Sans objet",
    contractObjet: "Animations",
    lineObjets: ["Feu d'artifice du 14 juillet", "Sonorisation fête de la musique", "Spectacle de fin d'année", "Vœux du maire — traiteur", "Location de chapiteau", "Animation marché de Noël"],
    serviceCommune: ["Fêtes et cérémonies", "Culture"], serviceEpci: ["Communication"],
    trades: ["Événements", "Spectacles", "Traiteur", "Sonorisation", "Artifices"], majors: ["Pyrofêtes France"], pool: { regional: 5, local: 8 },
  },
  {
    code: "TRANSP", label: "Transports collectifs et sorties", nature: "Services", article: "6247", cpv: "60130000",
    proximity: false, perHabCommune: 3, perHabEpci: 9, minPop: 2000, lineMedian: 2200, sigma: 0.7, vat: 10, season: "school",
    channel: { epciOwn: true, ownMinPop: 3000, hmShare: 0.1 }, lots: ["Transports scolaires", "Transports périscolaires et sorties"], durations: [36, 48], technique: "Accord-cadre",
    contractObjet: "Transports collectifs de personnes",
    lineObjets: ["Transport scolaire — {mois} {annee}", "Sortie scolaire en car", "Transport piscine écoles", "Transport centre de loisirs"],
    serviceCommune: ["Affaires scolaires", "Enfance jeunesse"], serviceEpci: ["Mobilités", "Piscines communautaires"],
    trades: ["Cars", "Autocars", "Voyages"], majors: ["Mobilités Centre Autocars"], pool: { regional: 3, local: 3 },
  },
  {
    code: "DECH", label: "Collecte et traitement des déchets", nature: "Services", article: "611", cpv: "90500000",
    proximity: false, perHabCommune: 0, perHabEpci: 88, lineMedian: 60000, sigma: 0.4, vat: 10, season: "flat",
    channel: { epciOwn: true, hmShare: 0.02 }, lots: ["Collecte des ordures ménagères et du tri", "Traitement et valorisation", "Gestion du haut de quai des déchèteries"],
    durations: [72], technique: "Sans objet",
    contractObjet: "Collecte et traitement des déchets ménagers et assimilés",
    lineObjets: ["Collecte des ordures ménagères — {mois} {annee}", "Traitement des déchets — {mois} {annee}", "Gestion des déchèteries — {mois} {annee}", "Rotation de bennes"],
    serviceCommune: ["Services techniques"], serviceEpci: ["Déchets et propreté"],
    trades: ["Environnement", "Recyclage", "Propreté Urbaine"], majors: ["Ecovalia Environnement", "Valoris Déchets"], pool: { regional: 2, local: 1, insertion: 1 },
  },
  {
    code: "ASSUR", label: "Assurances", nature: "Services", article: "616", cpv: "66510000",
    proximity: false, perHabCommune: 4, perHabEpci: 3, perHabCcas: 0.4, lineMedian: 7500, sigma: 0.8, vat: 0, season: "yearEnd",
    channel: { groupement: true, groupementMinPop: 0, hmShare: 0 }, lots: ["Dommages aux biens", "Responsabilité civile", "Flotte automobile", "Protection juridique"],
    durations: [60], technique: "Sans objet",
    contractObjet: "Prestations d'assurance — groupement de commandes",
    lineObjets: ["Prime d'assurance {annee} — échéance", "Cotisation assurance {annee}", "Régularisation de prime"],
    serviceCommune: ["Administration générale", "Finances"], serviceEpci: ["Finances"],
    trades: ["Assurances", "Mutuelle"], majors: ["Mutuelle des Collectivités de l'Ouest", "Assurances Publiques du Centre", "Garantia Assurances"], pool: { regional: 0, local: 0 },
  },
  {
    code: "ADHES", label: "Cotisations et adhésions", nature: "Services", article: "6281", cpv: null,
    proximity: false, excludedReason: "Cotisations à des organismes : pas un achat au sens du Code de la commande publique",
    perHabCommune: 2, perHabEpci: 2, lineMedian: 1500, sigma: 1, vat: 0, season: "yearEnd",
    channel: { hmShare: 1 }, durations: [12], technique: "Sans objet",
    contractObjet: "Cotisations",
    lineObjets: ["Cotisation annuelle {annee}", "Adhésion {annee}", "Participation annuelle {annee}"],
    serviceCommune: ["Administration générale"], serviceEpci: ["Direction générale"],
    trades: ["Association"], majors: ["Association des maires du Val de Loiret", "Agence technique départementale du Loiret", "Réseau des acheteurs publics du Centre"], pool: { regional: 0, local: 0 },
  },
];

export const FAMILY_BY_CODE: ReadonlyMap<string, FamilyDef> = new Map(FAMILIES.map((f) => [f.code, f]));

export function family(code: string): FamilyDef {
  const f = FAMILY_BY_CODE.get(code);
  if (!f) throw new Error(`Famille inconnue : ${code}`);
  return f;
}

// ---------------------------------------------------------------------------------------------
// Words

export const SURNAMES = [
  "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
  "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier",
  "Morel", "Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Legrand", "Garnier",
  "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Nicolas", "Perrin", "Morin",
  "Mathieu", "Clément", "Gauthier", "Dumont", "Fontaine", "Chevalier", "Robin", "Masson", "Gérard", "Boyer",
  "Denis", "Lemaire", "Duval", "Joly", "Roger", "Roche", "Roy", "Noël", "Meyer", "Lucas",
  "Meunier", "Marchand", "Dufour", "Blanchard", "Barbier", "Brun", "Dumas", "Brunet", "Schmitt", "Leroux",
  "Colin", "Renard", "Arnaud", "Rolland", "Caron", "Aubert", "Giraud", "Leclerc", "Vidal", "Bourgeois",
  "Renaud", "Lemoine", "Picard", "Gaillard", "Lacroix", "Fabre", "Dupuis", "Olivier", "Hubert", "Guillot",
  "Rivière", "Le Gall", "Guillaume", "Adam", "Moulin", "Berger", "Lecomte", "Ménard", "Fleury", "Deschamps",
  "Carpentier", "Julien", "Benoît", "Maillard", "Marchal", "Aubry", "Vasseur", "Renault", "Jacquet", "Collet",
  "Prévost", "Poirier", "Charpentier", "Royer", "Huet", "Baron", "Dupuy", "Perrot", "Guyot", "Barre",
  "Cousin", "Tessier", "Pichon", "Chauvin", "Besnard", "Bouvier", "Langlois", "Hamon", "Gilbert", "Lebrun",
];

export const PLACES = [
  "du Centre", "de Loire", "du Loiret", "de Sologne", "du Gâtinais", "de Beauce", "du Val", "Centre-Val de Loire",
  "Orléanais", "des Deux Rives", "de la Bionne", "du Cens", "Ligérien", "du Giennois", "de la Forêt d'Orléans",
];

/** Postcode prefixes by département, with weights for "regional" suppliers. */
export const REGIONAL_DEPTS = ["45", "45", "45", "41", "28", "18", "37", "36"];
export const NATIONAL_POSTCODES = ["75008", "75015", "92100", "92400", "69003", "69007", "33000", "44000", "59000", "31000", "94200", "93200"];
export const CITY_BY_POSTCODE: Record<string, string> = {
  "75008": "Paris", "75015": "Paris", "92100": "Boulogne-Billancourt", "92400": "Courbevoie", "69003": "Lyon", "69007": "Lyon",
  "33000": "Bordeaux", "44000": "Nantes", "59000": "Lille", "31000": "Toulouse", "94200": "Ivry-sur-Seine", "93200": "Saint-Denis",
};
/** Fictional towns for regional/local suppliers, by département. */
export const TOWNS: Record<string, { town: string; postcode: string }[]> = {
  "45": [
    { town: "Saint-Aubin-sur-Loiret", postcode: "45160" }, { town: "Villeneuve-la-Rivière", postcode: "45140" },
    { town: "Fontenay-aux-Saules", postcode: "45410" }, { town: "Marigny-les-Bois", postcode: "45150" },
    { town: "La Ferté-Sainte-Colombe", postcode: "45240" }, { town: "Saint-Hilaire-des-Vignes", postcode: "45110" },
    { town: "Ormes-sur-Bionne", postcode: "45430" }, { town: "Pithiviers-le-Haut", postcode: "45300" },
    { town: "Montargis-Sud", postcode: "45200" }, { town: "Gien-sur-Loire", postcode: "45500" },
    { town: "Châteauneuf-en-Val", postcode: "45110" }, { town: "Meung-les-Prés", postcode: "45130" },
  ],
  "41": [{ town: "Beaulieu-en-Sologne", postcode: "41220" }, { town: "Romorantin-Sud", postcode: "41200" }, { town: "Blois-Vienne", postcode: "41000" }],
  "28": [{ town: "Châtillon-sur-Cens", postcode: "28310" }, { town: "Chartres-Est", postcode: "28000" }, { town: "Châteaudun-Nord", postcode: "28200" }],
  "18": [{ town: "Bourges-Nord", postcode: "18000" }, { town: "Vierzon-Forges", postcode: "18100" }],
  "37": [{ town: "Tours-Nord", postcode: "37100" }, { town: "Amboise-Val", postcode: "37400" }],
  "36": [{ town: "Châteauroux-Est", postcode: "36000" }],
};

/** Insertion (ESS/SIAE) bodies, by family code. */
export const INSERTION_NAMES: Record<string, string[]> = {
  NETT: ["Tremplin Propreté 45", "Régie de quartier des Deux Rives"],
  "ESP-VERTS": ["Les Jardins Solidaires du Val", "Chantier d'insertion Bionne Nature", "ESAT Les Ateliers de la Forêt"],
  IMPR: ["ESAT Imprimerie du Cens"],
  DECH: ["Recyclerie du Gâtinais"],
};

/** Sites named in line wordings. */
export const COMMUNE_SITES = [
  "mairie", "école élémentaire", "école maternelle", "gymnase", "salle des fêtes", "médiathèque",
  "centre technique municipal", "stade", "restaurant scolaire", "église", "maison des associations",
];
export const EPCI_SITES = [
  "siège communautaire", "piscine intercommunale", "déchèterie Nord", "déchèterie Sud", "conservatoire",
  "multi-accueil Les Lutins", "centre aquatique", "pépinière d'entreprises", "relais petite enfance",
];

export const MONTHS_FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

/** Works operations (buildings), formatted "OP-<code>-<year>-<n> <label>". */
export const BUILDING_OPERATIONS = [
  "Réhabilitation de l'école élémentaire Jules Ferry",
  "Extension du restaurant scolaire",
  "Rénovation énergétique du gymnase",
  "Mise en accessibilité de la mairie",
  "Construction d'un local associatif",
  "Réfection de la toiture de l'église",
  "Aménagement de la médiathèque",
  "Création d'une maison de santé",
  "Rénovation de la salle des fêtes",
  "Extension du centre technique municipal",
  "Construction d'un préau à l'école maternelle",
  "Réhabilitation des vestiaires du stade",
];
export const EPCI_OPERATIONS = [
  "Réhabilitation du gymnase communautaire",
  "Rénovation énergétique de la piscine intercommunale",
  "Extension de la déchèterie Nord",
  "Construction du multi-accueil de Fontenay",
  "Aménagement de l'hôtel d'entreprises",
];
export const WORKS_LOTS = [
  "Gros œuvre", "Charpente et couverture", "Menuiseries extérieures", "Plâtrerie et isolation",
  "Électricité", "Plomberie, chauffage, ventilation", "Peinture et revêtements de sol", "VRD",
];
export const STREETS = [
  "rue des Écoles", "avenue de la Gare", "rue du Moulin", "chemin des Vignes", "rue de la République",
  "route de Sologne", "rue Victor Hugo", "allée des Tilleuls", "rue du Stade", "place de l'Église",
  "rue Jean Jaurès", "chemin de la Bionne", "rue des Lilas", "route d'Orléans",
];
