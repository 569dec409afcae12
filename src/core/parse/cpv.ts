/**
 * CPV codes (Common Procurement Vocabulary, CPV 2008) — SPEC §2.5.
 *
 * Convention of every parser: `null` for an empty cell, `undefined` for a present but unreadable
 * cell, else the value. Never throws.
 *
 * normalizeCpv returns the 8-digit code without its check digit:
 * - text, once every space is removed, must match `^\d{8}(-\d)?$` ("50700000-2", "5070 0000-2");
 *   a code followed by its label is also read ("45210000-2 Travaux de construction de bâtiments",
 *   "45210000-2 - Travaux…"); 9 digits without a dash ("507000002") are unreadable;
 * - 7 digits (text or Excel number) are a code that lost its leading zero (CPV "03000000"), padded;
 * - Excel numbers: non-negative integers of 7 or 8 digits.
 * The code is checked for shape only, not against the nomenclature (see `cpvDivisionLabel`).
 */
import type { Cell, Nature } from "../model";
import { isDigitCode, isSafeInteger, isSpaceCode } from "./chars";

const CPV_CLEAN = /^(\d{8})(?:-\d)?$/;
const CPV_WITH_LABEL = /^(\d{8})(?:\s*-\s*\d)?(?:\s+[-–—:]?\s*|\s*[-–—:]\s*)\p{L}/u;

/** The 8-digit CPV code of a cell (check digit dropped). */
export function normalizeCpv(value: Cell): string | null | undefined {
  if (typeof value === "string") return cpvFromText(value);
  if (typeof value === "number") {
    if (!isSafeInteger(value) || value < 1_000_000 || value > 99_999_999) return undefined;
    const digits = "" + value;
    return digits.length === 7 ? "0" + digits : digits;
  }
  if (value === null || value === undefined) return null;
  return undefined;
}

function cpvFromText(text: string): string | null | undefined {
  // Remove every space; most cells are short, so this stays cheap.
  let compact = "";
  let runStart = -1;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    if (isSpaceCode(text.charCodeAt(i))) {
      if (runStart >= 0) {
        compact += text.slice(runStart, i);
        runStart = -1;
      }
    } else if (runStart < 0) {
      runStart = i;
    }
  }
  if (runStart >= 0) compact = runStart === 0 ? text : compact + text.slice(runStart);
  if (compact === "") return null;
  if (compact.length === 7 && allDigits(compact)) return "0" + compact;
  if (compact.length <= 10) {
    const m = CPV_CLEAN.exec(compact);
    if (m) return m[1];
  }
  if (text.length > 1000) return undefined;
  const labelled = CPV_WITH_LABEL.exec(text.trim());
  return labelled ? labelled[1] : undefined;
}

function allDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isDigitCode(s.charCodeAt(i))) return false;
  return true;
}

/** Division: 2 first digits ("45"). */
export function cpvDivision(cpv: string): string {
  return cpv.slice(0, 2);
}

/** Group: 3 first digits ("452"). */
export function cpvGroup(cpv: string): string {
  return cpv.slice(0, 3);
}

/** Class: 4 first digits ("4521"). */
export function cpvClass(cpv: string): string {
  return cpv.slice(0, 4);
}

/**
 * Nature of a purchase from its CPV code (SPEC §2.5): division 45 -> Travaux; 01–44 and 48 ->
 * Fournitures; 50–98 -> Services. Divisions the SPEC leaves open follow the layout of the CPV
 * nomenclature, where everything below 50 except 45 is supplies: 00, 46, 47 and 49 (which do not
 * exist in CPV 2008) -> Fournitures; 99 -> Services. Input is expected normalised (see
 * normalizeCpv); a code that does not start with two digits gives Fournitures too, so callers
 * should only call this with a normalised code.
 */
export function natureFromCpv(cpv: string): Nature {
  const c0 = cpv.charCodeAt(0);
  const c1 = cpv.charCodeAt(1);
  if (!isDigitCode(c0) || !isDigitCode(c1)) return "Fournitures";
  const division = (c0 - 48) * 10 + (c1 - 48);
  if (division === 45) return "Travaux";
  return division >= 50 ? "Services" : "Fournitures";
}

/** French labels of the 45 divisions of CPV 2008, short forms. */
export const CPV_DIVISION_LABELS: Record<string, string> = {
  "03": "Produits agricoles, de l'élevage, de la pêche, de la sylviculture et produits connexes",
  "09": "Produits pétroliers, combustibles, électricité et autres sources d'énergie",
  "14": "Produits d'exploitation minière, métaux de base et produits connexes",
  "15": "Produits alimentaires, boissons, tabac et produits connexes",
  "16": "Machines agricoles",
  "18": "Vêtements, articles chaussants, bagages et accessoires",
  "19": "Cuir et textiles, plastiques et caoutchouc",
  "22": "Imprimés et produits connexes",
  "24": "Produits chimiques",
  "30": "Machines de bureau et matériel informatique, équipements et fournitures",
  "31": "Machines, appareils, équipements et consommables électriques ; éclairage",
  "32": "Équipements de radio, de télévision, de communication et de télécommunication",
  "33": "Matériel médical, pharmaceutique et produits de soins personnels",
  "34": "Équipements de transport et produits auxiliaires pour le transport",
  "35": "Équipements de sécurité, de lutte contre l'incendie, de police et de défense",
  "37": "Instruments de musique, articles de sport, jeux, jouets, articles d'artisanat et d'art",
  "38": "Équipements de laboratoire, d'optique et de précision (sauf verres)",
  "39": "Meubles, aménagements, appareils électroménagers et produits de nettoyage",
  "41": "Eau collectée et purifiée",
  "42": "Machines industrielles",
  "43": "Machines pour l'exploitation minière, le travail en carrière et la construction",
  "44": "Structures et matériaux de construction ; produits auxiliaires pour la construction",
  "45": "Travaux de construction",
  "48": "Logiciels et systèmes d'information",
  "50": "Services de réparation et d'entretien",
  "51": "Services d'installation (à l'exception des logiciels)",
  "55": "Services d'hôtellerie, de restauration et de commerce au détail",
  "60": "Services de transport (à l'exclusion du transport des déchets)",
  "63": "Services de transport complémentaires et auxiliaires ; services d'agences de voyage",
  "64": "Services des postes et télécommunications",
  "65": "Services publics (eau, gaz, électricité)",
  "66": "Services financiers et d'assurance",
  "70": "Services immobiliers",
  "71": "Services d'architecture, de construction, d'ingénierie et d'inspection",
  "72": "Services de technologies de l'information : conseil, développement de logiciels, Internet et appui",
  "73": "Services de recherche et développement et services de conseil connexes",
  "75": "Services de l'administration publique, de la défense et de la sécurité sociale",
  "76": "Services liés à l'industrie du gaz et du pétrole",
  "77": "Services agricoles, sylvicoles, horticoles, aquacoles et apicoles",
  "79": "Services aux entreprises : droit, marketing, conseil, recrutement, impression et sécurité",
  "80": "Services d'enseignement et de formation",
  "85": "Services de santé et services sociaux",
  "90": "Services d'évacuation des eaux usées et d'élimination des déchets, d'assainissement et d'environnement",
  "92": "Services récréatifs, culturels et sportifs",
  "98": "Autres services communautaires, sociaux et personnels",
};

/** Label of the division of a CPV code, or null when the division is not in CPV 2008. */
export function cpvDivisionLabel(cpv: string): string | null {
  const division = cpvDivision(cpv);
  return Object.prototype.hasOwnProperty.call(CPV_DIVISION_LABELS, division)
    ? CPV_DIVISION_LABELS[division]
    : null;
}
