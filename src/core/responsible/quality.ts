/**
 * Reading the "Label qualité" column of a spend line (issue #14): what it says for EGalim (organic,
 * official quality signs, other EGalim products) and for AGEC art. 58 (re-employment / reuse,
 * recycled materials). Words are compared after normalisation (accents, case, punctuation), as
 * whole words, so "Bio" and "AB" are organic but "biodégradable" is not.
 *
 * EGalim categories (code rural, L230-5-1 I and R230-30-3):
 * - "bio": agriculture biologique, including products in conversion (counts in the 50 % and 20 %);
 * - "siqo": label rouge, appellation d'origine (AOP/AOC), indication géographique (IGP), spécialité
 *   traditionnelle garantie (STG);
 * - "autreEgalim": other products counted in the 50 %: haute valeur environnementale (HVE),
 *   mention fermier / produit de la ferme, écolabel pêche durable, région ultrapériphérique (RUP),
 *   commerce équitable, products whose environmental externalities were costed;
 * - "non": anything else written in the column; null when the cell is empty.
 * Several labels in one cell: the best one counts (bio, then siqo, then autreEgalim).
 */
import { normalizeKey } from "../text";

export type EgalimQuality = "bio" | "siqo" | "autreEgalim" | "non";
export type AgecOrigin = "reuse" | "recycled" | "none";

/** Multi-word phrases first, then single words; all in normalised form. */
const BIO = ["agriculture biologique", "en conversion", "biologique", "bio", "ab", "eurofeuille"];
const SIQO = [
  "label rouge",
  "appellation d origine",
  "appellation d origine protegee",
  "appellation d origine controlee",
  "indication geographique",
  "indication geographique protegee",
  "specialite traditionnelle garantie",
  "aop",
  "aoc",
  "igp",
  "stg",
  "siqo",
];
const OTHER = [
  "haute valeur environnementale",
  "hve",
  "fermier",
  "produit de la ferme",
  "produit a la ferme",
  "peche durable",
  "ecolabel peche",
  "msc",
  "region ultraperipherique",
  "rup",
  "commerce equitable",
  "equitable",
  "externalites environnementales",
  "egalim",
];
const REUSE = [
  "reemploi",
  "reutilisation",
  "reemploye",
  "reutilise",
  "reconditionne",
  "reconditionnes",
  "reconditionnee",
  "occasion",
  "seconde main",
  "seconde vie",
];
const RECYCLED = [
  "matieres recyclees",
  "matiere recyclee",
  "recycle",
  "recycles",
  "recyclee",
  "recyclees",
  "fibres recyclees",
];
/** Words that negate what follows ("non bio", "sans label"). */
const NEGATIONS = new Set(["non", "sans", "pas", "hors", "aucun", "aucune"]);

function hasPhrase(words: string[], phrase: string): boolean {
  const p = phrase.split(" ");
  for (let i = 0; i + p.length <= words.length; i++) {
    let ok = true;
    for (let j = 0; j < p.length && ok; j++) ok = words[i + j] === p[j];
    if (ok && !(i > 0 && NEGATIONS.has(words[i - 1]))) return true;
  }
  return false;
}

function anyOf(words: string[], phrases: readonly string[]): boolean {
  return phrases.some((p) => hasPhrase(words, p));
}

function wordsOf(text: string | null | undefined): string[] | null {
  if (text === null || text === undefined) return null;
  const key = normalizeKey(text);
  return key === "" ? null : key.split(" ");
}

/** The EGalim category of a label text; null when empty. */
export function egalimQualityOf(text: string | null | undefined): EgalimQuality | null {
  const words = wordsOf(text);
  if (words === null) return null;
  if (anyOf(words, BIO)) return "bio";
  if (anyOf(words, SIQO)) return "siqo";
  if (anyOf(words, OTHER)) return "autreEgalim";
  return "non";
}

/** The AGEC origin of a label text (re-employment/reuse wins over recycled); null when empty. */
export function agecOriginOf(text: string | null | undefined): AgecOrigin | null {
  const words = wordsOf(text);
  if (words === null) return null;
  if (anyOf(words, REUSE)) return "reuse";
  if (anyOf(words, RECYCLED)) return "recycled";
  return "none";
}
