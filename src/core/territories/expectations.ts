/**
 * Expectations of the territories (issue #16 §3): the services of the Attentes des territoires
 * questionnaire, how a purchase family or a quality measure is tied to one of them, and the scoring
 * of the answers (importance and satisfaction, 0–3 each, per territory).
 *
 * - Priority: importance ≥ 2 and satisfaction ≤ 1 (important and badly served).
 * - Priority score of an answer: importance × (3 − satisfaction), 0–9 (the sheet's live formula).
 * - Per service: unweighted means of importance and satisfaction over the territories that answered
 *   both, the priority territories, and the highest priority score.
 * - A family belongs to the first service whose keyword is in its label, else whose CPV prefix it
 *   has; a quality measure to the service whose label or keyword its service name contains.
 */
import { msg, type Message, type MessageCode } from "../messages/render";
import { normalizeKey } from "../text";
import { byFrench } from "../indicators/types";

export interface PublicService {
  id: string;
  label: string;
  /** Normalised keywords (labels of families and quality services). */
  keywords: string[];
  cpvPrefixes: string[];
}

/** The services of the questionnaire, before those the Qualité de service table adds. */
export const DEFAULT_SERVICES: readonly PublicService[] = [
  { id: "VOIRIE", label: "Voirie et éclairage public", keywords: ["voirie", "chaussee", "eclairage", "signalisation"], cpvPrefixes: ["45233", "50232", "3499"] },
  { id: "DECHETS", label: "Collecte des déchets", keywords: ["dechets", "collecte", "ordures", "dechetterie", "tri"], cpvPrefixes: ["905"] },
  { id: "ESPACES_VERTS", label: "Espaces verts", keywords: ["espaces verts", "parcs", "jardins", "elagage", "fleurissement"], cpvPrefixes: ["7731", "7734"] },
  { id: "PROPRETE", label: "Propreté et nettoyage", keywords: ["nettoyage", "proprete", "menage"], cpvPrefixes: ["909"] },
  { id: "RESTAURATION", label: "Restauration scolaire", keywords: ["restauration", "repas", "cantine", "alimentation"], cpvPrefixes: ["555", "158"] },
  { id: "BATIMENTS", label: "Entretien des bâtiments", keywords: ["batiment", "batiments", "maintenance", "travaux", "chauffage"], cpvPrefixes: ["4545", "50700", "50710", "50720"] },
  { id: "ACCUEIL", label: "Accueil du public", keywords: ["accueil", "guichet", "ouverture", "etat civil", "mairie annexe"], cpvPrefixes: [] },
  { id: "PETITE_ENFANCE", label: "Petite enfance", keywords: ["petite enfance", "creche", "multi accueil"], cpvPrefixes: ["8531"] },
  { id: "MOBILITE", label: "Transport et mobilité", keywords: ["transport", "mobilite", "navette"], cpvPrefixes: ["601"] },
];

/** Catalogue codes of the names of the default services (by id). */
const SERVICE_NAMES: Readonly<Record<string, MessageCode>> = {
  VOIRIE: "service.VOIRIE",
  DECHETS: "service.DECHETS",
  ESPACES_VERTS: "service.ESPACES_VERTS",
  PROPRETE: "service.PROPRETE",
  RESTAURATION: "service.RESTAURATION",
  BATIMENTS: "service.BATIMENTS",
  ACCUEIL: "service.ACCUEIL",
  PETITE_ENFANCE: "service.PETITE_ENFANCE",
  MOBILITE: "service.MOBILITE",
};

/**
 * The name of a service in the reader's language: a catalogue message for the default services,
 * the name as the user wrote it for a service of the Qualité de service table (a data value).
 */
export function serviceName(s: Pick<PublicService, "id" | "label">): Message {
  const code = SERVICE_NAMES[s.id];
  const known = DEFAULT_SERVICES.find((d) => d.id === s.id);
  return code !== undefined && known?.label === s.label
    ? msg(code)
    : msg("untranslated", { text: s.label });
}

/** Stable id of a service named by the Qualité de service table but not in the catalogue. */
export function serviceIdOf(name: string): string {
  return normalizeKey(name).toUpperCase().replace(/\s+/g, "_").slice(0, 40) || "SERVICE";
}

function padded(text: string): string {
  return ` ${normalizeKey(text)} `;
}

/** The catalogue service a quality service name refers to, or null. */
export function serviceOfName(
  name: string,
  services: readonly PublicService[] = DEFAULT_SERVICES
): PublicService | null {
  const p = padded(name);
  for (const s of services) if (padded(s.label) === p || p.includes(padded(s.label))) return s;
  for (const s of services) for (const k of s.keywords) if (p.includes(` ${k} `)) return s;
  return null;
}

/** The service a purchase family serves (label keyword, else CPV prefix), or null. */
export function serviceOfFamily(
  label: string,
  cpv: string | null,
  services: readonly PublicService[] = DEFAULT_SERVICES
): PublicService | null {
  const p = padded(label);
  for (const s of services) for (const k of s.keywords) if (p.includes(` ${k} `)) return s;
  if (cpv)
    for (const s of services) for (const c of s.cpvPrefixes) if (c !== "" && cpv.startsWith(c)) return s;
  return null;
}

/**
 * The questionnaire's services: the catalogue, then every service of the Qualité de service table
 * that matches none of it (its own id, keyword = its name).
 */
export function questionnaireServices(qualityServices: Iterable<string>): PublicService[] {
  const out: PublicService[] = [...DEFAULT_SERVICES];
  for (const name of qualityServices) {
    if (serviceOfName(name, out)) continue;
    out.push({ id: serviceIdOf(name), label: name, keywords: [normalizeKey(name)], cpvPrefixes: [] });
  }
  return out;
}

export type Score = 0 | 1 | 2 | 3;

export interface ExpectationAnswer {
  importance: Score | null;
  satisfaction: Score | null;
}

/** Answers: service id → territory → answer. */
export type ExpectationAnswers = Record<string, Record<string, ExpectationAnswer>>;

export const PRIORITY_MIN_IMPORTANCE = 2;
export const PRIORITY_MAX_SATISFACTION = 1;

export function isPriority(a: ExpectationAnswer): boolean {
  return (
    a.importance !== null &&
    a.satisfaction !== null &&
    a.importance >= PRIORITY_MIN_IMPORTANCE &&
    a.satisfaction <= PRIORITY_MAX_SATISFACTION
  );
}

/** importance × (3 − satisfaction), null unless both are answered. */
export function priorityScore(a: ExpectationAnswer): number | null {
  if (a.importance === null || a.satisfaction === null) return null;
  return a.importance * (3 - a.satisfaction);
}

export interface ServiceExpectations {
  serviceId: string;
  /** Territories that answered both importance and satisfaction. */
  answered: number;
  meanImportance: number | null;
  meanSatisfaction: number | null;
  priorityTerritories: string[];
  maxPriorityScore: number | null;
}

export function scoreExpectations(answers: ExpectationAnswers): Map<string, ServiceExpectations> {
  const out = new Map<string, ServiceExpectations>();
  for (const [serviceId, byTerritory] of Object.entries(answers)) {
    let n = 0;
    let imp = 0;
    let sat = 0;
    let max: number | null = null;
    const priority: string[] = [];
    for (const [territory, a] of Object.entries(byTerritory)) {
      const score = priorityScore(a);
      if (score === null) continue;
      n++;
      imp += a.importance as number;
      sat += a.satisfaction as number;
      max = max === null ? score : Math.max(max, score);
      if (isPriority(a)) priority.push(territory);
    }
    out.set(serviceId, {
      serviceId,
      answered: n,
      meanImportance: n === 0 ? null : Math.round((imp / n) * 100) / 100,
      meanSatisfaction: n === 0 ? null : Math.round((sat / n) * 100) / 100,
      priorityTerritories: priority.sort(byFrench),
      maxPriorityScore: max,
    });
  }
  return out;
}
