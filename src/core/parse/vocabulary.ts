/**
 * Value vocabularies (SPEC §2.4): procedure, channel, nature, DECP considerations.
 *
 * Convention of every parser: `null` for an empty cell, `undefined` for a present but unreadable
 * (unknown) value — callers keep the raw text and report it — else the value. Never throws.
 * Matching works on text.normalizeKey (case, accents, apostrophes and punctuation ignored).
 */
import { memoized } from "./memo";
import type { Cell, Channel, Nature, Procedure } from "../model";
import { normalizeKey } from "../text";
import { parseBoolean } from "./boolean";

/** Longest text worth matching against a vocabulary (longer cells are unreadable). */
const MAX_VOCABULARY_TEXT = 300;

/** Normalised key of a text cell; null for empty, undefined for non-text or too long. */
function cellKey(value: Cell): string | null | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value !== "string") return undefined;
  if (value.length > MAX_VOCABULARY_TEXT) return value.trim() === "" ? null : undefined;
  const key = normalizeKey(value);
  if (key !== "") return key;
  return value.trim() === "" ? null : undefined;
}

function hasWord(key: string, word: string): boolean {
  return (
    key === word ||
    key.startsWith(word + " ") ||
    key.endsWith(" " + word) ||
    key.includes(" " + word + " ")
  );
}

// ---------------------------------------------------------------------------------------------
// Procedure

export const PROCEDURE_ADAPTED: Procedure = "Procédure adaptée";
export const PROCEDURE_OPEN: Procedure = "Appel d'offres ouvert";
export const PROCEDURE_RESTRICTED: Procedure = "Appel d'offres restreint";
export const PROCEDURE_NEGOTIATED: Procedure = "Procédure avec négociation";
export const PROCEDURE_NO_COMPETITION: Procedure =
  "Marché passé sans publicité ni mise en concurrence préalable";
export const PROCEDURE_DIALOGUE: Procedure = "Dialogue compétitif";

/** Every DECP v2 procedure, in SPEC order. */
export const PROCEDURES: readonly Procedure[] = [
  PROCEDURE_ADAPTED,
  PROCEDURE_OPEN,
  PROCEDURE_RESTRICTED,
  PROCEDURE_NEGOTIATED,
  PROCEDURE_NO_COMPETITION,
  PROCEDURE_DIALOGUE,
];

const PROCEDURE_EXACT: ReadonlyMap<string, Procedure> = new Map<string, Procedure>([
  ...PROCEDURES.map((p): [string, Procedure] => [normalizeKey(p), p]),
  ["mapa", PROCEDURE_ADAPTED],
  ["aoo", PROCEDURE_OPEN],
  ["aor", PROCEDURE_RESTRICTED],
  ["ao ouvert", PROCEDURE_OPEN],
  ["ao restreint", PROCEDURE_RESTRICTED],
  ["pn", PROCEDURE_NEGOTIATED],
  ["pcn", PROCEDURE_NEGOTIATED],
  ["dc", PROCEDURE_DIALOGUE],
  ["gre a gre", PROCEDURE_NO_COMPETITION],
]);

/**
 * The DECP v2 procedure of a label. Old and variant labels map onto the six values:
 * - anything "sans publicité" / "sans mise en concurrence" (e.g. "Marché négocié sans publicité ni
 *   mise en concurrence préalable"), "gré à gré" -> Marché passé sans publicité…;
 * - "dialogue compétitif" -> Dialogue compétitif;
 * - "MAPA", "adaptée" in any form ("Procédure adaptée ouverte", "Marché à procédure adaptée") ->
 *   Procédure adaptée;
 * - "appel d'offres" with "ouvert"/"restreint", "AOO", "AOR" -> appels d'offres;
 * - "négociée"/"négociation" ("Procédure concurrentielle avec négociation", "Procédure négociée
 *   avec mise en concurrence préalable") -> Procédure avec négociation.
 * "Appel d'offres" without ouvert/restreint, "Accord-cadre" (a technique), "Concours" and other
 * labels are unknown (undefined).
 */
export function normalizeProcedure(value: Cell): Procedure | null | undefined {
  return typeof value === "string"
    ? memoized(procedureCache, value, procedureOf)
    : procedureOf(value);
}

const procedureCache = new Map<string, Procedure | null | undefined>();

function procedureOf(value: Cell): Procedure | null | undefined {
  const key = cellKey(value);
  if (key === null || key === undefined) return key;
  const exact = PROCEDURE_EXACT.get(key);
  if (exact !== undefined) return exact;
  if (
    key.includes("sans publicite") ||
    key.includes("sans mise en concurrence") ||
    key.includes("gre a gre")
  ) {
    return PROCEDURE_NO_COMPETITION;
  }
  if (key.includes("dialogue competitif")) return PROCEDURE_DIALOGUE;
  if (hasWord(key, "mapa") || key.includes("adapte")) return PROCEDURE_ADAPTED;
  const appel = key.includes("appel") && key.includes("offre");
  if (appel || hasWord(key, "ao") || hasWord(key, "aoo") || hasWord(key, "aor")) {
    const open = key.includes("ouvert") || hasWord(key, "aoo");
    const restricted = key.includes("restreint") || hasWord(key, "aor");
    if (open === restricted) return undefined;
    return open ? PROCEDURE_OPEN : PROCEDURE_RESTRICTED;
  }
  if (key.includes("negoci")) return PROCEDURE_NEGOTIATED;
  return undefined;
}

/** Competitive procedures: all but "sans publicité ni mise en concurrence" (SPEC §2.4). */
export function isCompetitive(p: Procedure): boolean {
  return p !== PROCEDURE_NO_COMPETITION;
}

// ---------------------------------------------------------------------------------------------
// Channel

const CHANNEL_EXACT: ReadonlyMap<string, Channel> = new Map<string, Channel>([
  ["marche propre", "Marché propre"],
  ["marche", "Marché propre"],
  ["marche public", "Marché propre"],
  ["propre", "Marché propre"],
  ["groupement de commandes", "Groupement de commandes"],
  ["groupement de commande", "Groupement de commandes"],
  ["groupement", "Groupement de commandes"],
  ["gc", "Groupement de commandes"],
  ["centrale d achat", "Centrale d'achat"],
  ["centrale d achats", "Centrale d'achat"],
  ["centrale", "Centrale d'achat"],
  ["cap", "Centrale d'achat"],
  ["ugap", "Centrale d'achat"],
  ["hors marche", "Hors marché"],
  ["hors marches", "Hors marché"],
  ["sans marche", "Hors marché"],
  ["hm", "Hors marché"],
]);

/** Well-known French central purchasing bodies (normalised names). */
const CENTRAL_BODIES: readonly string[] = [
  "ugap",
  "resah",
  "caih",
  "approlys",
  "union des groupements d achats publics",
];

/**
 * The purchasing channel of a label: Marché propre ("marché propre", "marché"), Groupement de
 * commandes ("groupement…"), Centrale d'achat ("centrale…", "CAP", "UGAP", RESAH, CAIH, Approlys),
 * Hors marché ("hors marché", "sans marché", "HM", "bon de commande hors marché"). Unknown ->
 * undefined.
 */
export function normalizeChannel(value: Cell): Channel | null | undefined {
  return typeof value === "string" ? memoized(channelCache, value, channelOf) : channelOf(value);
}

const channelCache = new Map<string, Channel | null | undefined>();

function channelOf(value: Cell): Channel | null | undefined {
  const key = cellKey(value);
  if (key === null || key === undefined) return key;
  const exact = CHANNEL_EXACT.get(key);
  if (exact !== undefined) return exact;
  if (key.includes("hors marche") || key.includes("sans marche")) return "Hors marché";
  if (key.includes("centrale") || CENTRAL_BODIES.some((body) => hasWord(key, body)))
    return "Centrale d'achat";
  if (key.includes("groupement")) return "Groupement de commandes";
  if (key.includes("marche propre")) return "Marché propre";
  return undefined;
}

/** SIREN of UGAP (Union des groupements d'achats publics). */
export const UGAP_SIREN = "776056467";

/**
 * The supplier is UGAP: its SIRET/SIREN starts with SIREN 776056467 (or `ugapSiren`, the value
 * of the Paramètres sheet; spaces and dots ignored), or its name normalises to "ugap", starts with
 * "ugap " or with "union des groupements d achats publics". Names must start with "u"/"U" after
 * spaces (fast reject): "« UGAP »" is not recognised (pinned by tests/core/indicators/mutualisation).
 */
/** Lower-cased char code of the first ASCII letter or digit of a text (0 when there is none). */
function firstAlphanumeric(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) | 0x20;
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) return c;
  }
  return 0;
}

export function isUgap(
  supplierId: string | null,
  supplierName: string | null,
  ugapSiren: string = UGAP_SIREN
): boolean {
  if (typeof supplierId === "string" && supplierId.length <= 40) {
    const digits = supplierId.replace(/\D+/g, "");
    if ((digits.length === 9 || digits.length === 14) && digits.startsWith(ugapSiren)) return true;
  }
  if (typeof supplierName === "string" && supplierName.length <= MAX_VOCABULARY_TEXT) {
    // Fast reject (hot path on 1 M lines): every accepted name's first letter or digit is "u"/"U".
    if (firstAlphanumeric(supplierName) !== 0x75) return false;
    const key = normalizeKey(supplierName);
    return (
      key === "ugap" ||
      key.startsWith("ugap ") ||
      key.startsWith("union des groupements d achats publics")
    );
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Nature

const NATURE_EXACT: ReadonlyMap<string, Nature> = new Map<string, Nature>([
  ["fournitures", "Fournitures"],
  ["fourniture", "Fournitures"],
  ["f", "Fournitures"],
  ["supplies", "Fournitures"],
  ["supply", "Fournitures"],
  ["goods", "Fournitures"],
  ["services", "Services"],
  ["service", "Services"],
  ["s", "Services"],
  ["prestations", "Services"],
  ["prestation", "Services"],
  ["travaux", "Travaux"],
  ["travail", "Travaux"],
  ["t", "Travaux"],
  ["works", "Travaux"],
  ["work", "Travaux"],
  ["fcs", "Fournitures"],
  ["fournitures courantes et services", "Fournitures"],
]);

/**
 * The nature of a label: fournitures/services/travaux (singular or plural), "F"/"S"/"T",
 * English supplies/services/works, and longer labels naming one of them ("Marché de travaux",
 * "Prestations intellectuelles" -> Services).
 * "FCS" / "Fournitures courantes et services" -> Fournitures: the label does not tell supplies
 * from services, both share the same thresholds, and Fournitures is the first named; callers may
 * prefer the CPV nature when they have one. Labels naming two natures are unknown (undefined).
 */
export function normalizeNature(value: Cell): Nature | null | undefined {
  return typeof value === "string" ? memoized(natureCache, value, natureOf) : natureOf(value);
}

const natureCache = new Map<string, Nature | null | undefined>();

function natureOf(value: Cell): Nature | null | undefined {
  const key = cellKey(value);
  if (key === null || key === undefined) return key;
  const exact = NATURE_EXACT.get(key);
  if (exact !== undefined) return exact;
  if (key.includes("fournitures courantes et services")) return "Fournitures";
  const supplies = key.includes("fourniture") || hasWord(key, "supplies") || hasWord(key, "goods");
  const services = key.includes("service") || key.includes("prestation");
  const works = key.includes("travaux") || hasWord(key, "works");
  if (Number(supplies) + Number(services) + Number(works) !== 1) return undefined;
  return supplies ? "Fournitures" : services ? "Services" : "Travaux";
}

// ---------------------------------------------------------------------------------------------
// DECP considerations

/** Words that say there is no consideration ("Pas de considération sociale", "Aucune", "Néant"). */
function isAbsenceKey(key: string): boolean {
  return (
    key.startsWith("pas de consideration") ||
    key.startsWith("pas de clause") ||
    key.startsWith("pas de critere") ||
    key.startsWith("aucun") ||
    key === "neant" ||
    key === "sans"
  );
}

const MAX_DEPTH = 6;

/**
 * Whether a DECP consideration field (considerationsSociales / considerationsEnvironnementales)
 * states a consideration. null for empty or missing values.
 * - Text: each value (several may be separated by ";", ",", "|" or new lines) counts as present unless
 *   it says "Pas de considération …" (or "Aucune…", "Néant"); yes/no words go through
 *   parseBoolean. A JSON array/object in text is read as such.
 * - Arrays: present when any element is present; absent when every element says absent.
 * - Objects: the DECP v2 wrapper {"considerationSociale": [...]} — an object whose single property
 *   holds the values.
 * - Booleans as they are; numbers 0 -> false, other finite numbers -> true.
 */
const considerationCache = new Map<string, boolean | null>();

export function considerationPresent(value: unknown): boolean | null {
  try {
    return typeof value === "string"
      ? memoized(considerationCache, value, (text) => consideration(text, 0))
      : consideration(value, 0);
  } catch {
    return null;
  }
}

function consideration(value: unknown, depth: number): boolean | null {
  if (value === null || value === undefined || depth > MAX_DEPTH) return null;
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value !== 0 : null;
  if (typeof value === "string") return considerationText(value, depth);
  if (Array.isArray(value)) {
    let result: boolean | null = null;
    for (const item of value) {
      const r = consideration(item, depth + 1);
      if (r === true) return true;
      if (r === false) result = false;
    }
    return result;
  }
  if (typeof value === "object" && !(value instanceof Date)) {
    const keys = Object.keys(value);
    if (keys.length !== 1) return null;
    return consideration((value as Record<string, unknown>)[keys[0]], depth + 1);
  }
  return null;
}

function considerationText(text: string, depth: number): boolean | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  if (trimmed.length > 10_000) return true;
  const first = trimmed.charCodeAt(0);
  if (first === 91 /* [ */ || first === 123 /* { */) {
    try {
      return consideration(JSON.parse(trimmed) as unknown, depth + 1);
    } catch {
      // Not JSON: read as plain text below.
    }
  }
  let result: boolean | null = null;
  for (const part of trimmed.split(/[;,|\n\r]+/)) {
    const r = considerationValue(part);
    if (r === true) return true;
    if (r === false) result = false;
  }
  return result;
}

function considerationValue(part: string): boolean | null {
  const key = normalizeKey(part);
  if (key === "") return null;
  if (isAbsenceKey(key)) return false;
  const yesNo = parseBoolean(key);
  if (yesNo === true || yesNo === false) return yesNo;
  return true;
}
