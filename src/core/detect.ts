/**
 * Table detection (SPEC §2, §2.5): find the header row under a possible title block, guess which
 * kind of table it is from its headers, and map its columns onto the canonical fields of `fields.ts`.
 *
 * Header matching works on `headerKey`: case, accents, punctuation, camelCase, French articles,
 * "N°/No/Num/Numéro" variants, bare numbers and euro units are ignored. A column maps to a field
 * when its key equals one of the field's synonyms (exact match), or else when it contains a synonym
 * as whole words (contains match; vetoed by the field's `excludeWords`).
 *
 * Pure functions: runs once per table, never per row.
 */
import {
  FIELDS,
  MANDAT_DATE_HEADERS,
  REQUIRED_GROUPS,
  TABLE_KINDS,
  fieldLabel,
  type FieldDef,
} from "./fields";
import type { Cell, RawTable, TableKind } from "./model";
import { cellText, normalizeKey } from "./text";

export type ColumnMapping = Record<string, number>;

export interface TableDetection {
  /** null when nothing matches well. */
  kind: TableKind | null;
  /** Index in table.rows of the header row (titles may sit above). */
  headerRowIndex: number;
  /** Header texts ("" for empty header cells). */
  headers: string[];
  mapping: ColumnMapping;
  /** Unmet requirement groups (single fields as 1-element groups); empty when OK. */
  missingRequired: string[][];
  /** Columns with a non-empty header that no field uses. */
  unmappedColumns: number[];
  /** How well the headers fit each kind, 0..1. */
  scores: Record<TableKind, number>;
}

// ---------------------------------------------------------------------------------------------
// Header normalisation

const NUMBER_WORDS = new Set(["n", "no", "num", "numero", "nr", "nro"]);
const STOP_WORDS = new Set([
  "de",
  "du",
  "des",
  "d",
  "la",
  "le",
  "les",
  "l",
  "en",
  "au",
  "aux",
  "a",
  "et",
  "the",
  "of",
]);
const UNIT_WORDS = new Set(["eur", "euro", "euros"]);

/** Acronyms that may come spelled out letter by letter ("H T", "T V A"). */
const SPELLED_ACRONYMS = new Set(["ht", "ttc", "tva", "cpv", "pme", "ess", "siae", "cp", "pu"]);

function joinSpelledAcronyms(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let joined = false;
    for (let len = 4; len >= 2 && !joined; len--) {
      const run = tokens.slice(i, i + len);
      if (
        run.length === len &&
        run.every((t) => /^[a-z]$/.test(t)) &&
        SPELLED_ACRONYMS.has(run.join(""))
      ) {
        out.push(run.join(""));
        i += len - 1;
        joined = true;
      }
    }
    if (!joined) out.push(tokens[i]);
  }
  return out;
}

/**
 * Comparison key of a header or a synonym: "N° du Marché" → "n marche", "Montant HT (€)" →
 * "montant ht", "dateNotification" → "date notification", "titulaires.0.id" → "titulaires id".
 */
export function headerKey(text: string): string {
  const spaced = text
    // "H.T.", "T.V.A.", "C.P.V." → "HT", "TVA", "CPV"
    .replace(/(?<![A-Za-z0-9])[A-Za-z](?:\.[A-Za-z])+(?![A-Za-z0-9])\.?/g, (m) =>
      m.replace(/\./g, "")
    )
    // camelCase DECP names: "dateNotification" → "date Notification"
    .replace(/([a-z\u00df-\u00ff])([A-Z])/g, "$1 $2");
  const out: string[] = [];
  for (const token of joinSpelledAcronyms(normalizeKey(spaced).split(" "))) {
    if (token === "" || STOP_WORDS.has(token) || UNIT_WORDS.has(token) || /^\d+$/.test(token))
      continue;
    out.push(NUMBER_WORDS.has(token) ? "n" : token);
  }
  return out.join(" ");
}

/** Whether a header of the line date names the mandat's date (MANDAT_DATE_HEADERS). */
export function isMandatDateHeader(header: string): boolean {
  return MANDAT_DATE_KEYS.has(headerKey(header));
}

const MANDAT_DATE_KEYS = new Set(MANDAT_DATE_HEADERS.map((h) => headerKey(h)));

// ---------------------------------------------------------------------------------------------
// Compiled synonyms

/** Head words that say little on their own ("Libellé tiers" is about the tiers, not a libellé). */
const WEAK_WORDS = new Set([
  "libelle",
  "designation",
  "intitule",
  "nom",
  "code",
  "n",
  "reference",
  "ref",
  "identifiant",
  "id",
]);

interface SynonymMatch {
  field: number;
  /** Rank of the synonym in its field: lower is preferred among exact matches. */
  rank: number;
  tokens: number;
  chars: number;
  weight: number;
}

interface CompiledKind {
  fields: FieldDef[];
  /** Exact lookup: header key → synonym (whole-header synonyms included). */
  exact: Map<string, SynonymMatch>;
  /** Contains lookup: synonym key → matches (strict synonyms left out). */
  contains: Map<string, SynonymMatch[]>;
  exclude: Set<string>[];
}

/** Compiles the synonyms of a kind. No cache: FIELDS may be extended at run time (user synonyms). */
function compile(kind: TableKind): CompiledKind {
  const fields = FIELDS[kind];
  const exact = new Map<string, SynonymMatch>();
  const contains = new Map<string, SynonymMatch[]>();
  fields.forEach((def, field) => {
    const all = [
      ...def.synonyms.map((s) => ({ s, strict: false })),
      ...(def.strictSynonyms ?? []).map((s) => ({ s, strict: true })),
    ];
    all.forEach(({ s, strict }, rank) => {
      const key = headerKey(s);
      if (key === "") return;
      const tokens = key.split(" ");
      const match: SynonymMatch = {
        field,
        rank,
        tokens: tokens.length,
        chars: key.length,
        weight: tokens.reduce((w, t) => w + (WEAK_WORDS.has(t) ? 0.5 : 1), 0),
      };
      if (!exact.has(key)) exact.set(key, match);
      if (!strict) {
        const list = contains.get(key) ?? [];
        list.push(match);
        contains.set(key, list);
      }
    });
  });
  const exclude = fields.map((def) => new Set((def.excludeWords ?? []).map(headerKey)));
  return { fields, exact, contains, exclude };
}

interface ContainsCandidate {
  field: number;
  weight: number;
  chars: number;
}

/** Synonyms found inside a header (whole words, contiguous), after the field's vetoes. */
function containsCandidates(c: CompiledKind, key: string): ContainsCandidate[] {
  if (key === "") return [];
  const tokens = key.split(" ");
  const best = new Map<number, ContainsCandidate>();
  for (let start = 0; start < tokens.length; start++) {
    for (let end = start + 1; end <= tokens.length; end++) {
      const matches = c.contains.get(tokens.slice(start, end).join(" "));
      if (!matches) continue;
      for (const m of matches) {
        const outside = [...tokens.slice(0, start), ...tokens.slice(end)];
        if (outside.some((t) => c.exclude[m.field].has(t))) continue;
        const previous = best.get(m.field);
        if (
          !previous ||
          m.weight > previous.weight ||
          (m.weight === previous.weight && m.chars > previous.chars)
        ) {
          best.set(m.field, { field: m.field, weight: m.weight, chars: m.chars });
        }
      }
    }
  }
  return [...best.values()];
}

/** Quality of an exact match and of a contains match, for scoring. */
const EXACT_QUALITY = 1;
const CONTAINS_QUALITY = 0.7;

interface MatchResult {
  mapping: ColumnMapping;
  /** Column → match quality. */
  quality: Map<number, number>;
}

function matchColumns(headers: string[], kind: TableKind): MatchResult {
  const c = compile(kind);
  const keys = headers.map((h) => headerKey(typeof h === "string" ? h : (cellText(h) ?? "")));
  const mapping: ColumnMapping = {};
  const quality = new Map<number, number>();
  const usedColumns = new Set<number>();
  const usedFields = new Set<number>();

  // 1. Exact matches. Each field takes the column with its most preferred synonym (then the first).
  const exactByColumn = keys.map((k) => (k === "" ? undefined : c.exact.get(k)));
  c.fields.forEach((def, field) => {
    let bestCol = -1;
    let bestRank = Infinity;
    exactByColumn.forEach((m, col) => {
      if (m && m.field === field && m.rank < bestRank) {
        bestRank = m.rank;
        bestCol = col;
      }
    });
    if (bestCol >= 0) {
      mapping[def.key] = bestCol;
      quality.set(bestCol, EXACT_QUALITY);
      usedColumns.add(bestCol);
      usedFields.add(field);
    }
  });

  // 2. Contains matches, for columns without an exact match (a duplicate "Montant HT" stays unmapped).
  //    A column only goes to one of its best-scoring fields; it never falls back on a weaker one.
  const pairs: { col: number; field: number; weight: number; chars: number }[] = [];
  keys.forEach((k, col) => {
    if (exactByColumn[col] || usedColumns.has(col)) return;
    const candidates = containsCandidates(c, k);
    if (candidates.length === 0) return;
    const top = Math.max(...candidates.map((x) => x.weight));
    for (const x of candidates) if (x.weight === top) pairs.push({ col, ...x });
  });
  pairs.sort(
    (a, b) => b.weight - a.weight || b.chars - a.chars || a.col - b.col || a.field - b.field
  );
  for (const p of pairs) {
    if (usedColumns.has(p.col) || usedFields.has(p.field)) continue;
    mapping[c.fields[p.field].key] = p.col;
    quality.set(p.col, CONTAINS_QUALITY);
    usedColumns.add(p.col);
    usedFields.add(p.field);
  }
  return { mapping, quality };
}

/**
 * Maps header columns onto the fields of a kind: exact normalised synonym matches first, then
 * "contains" matches (whole words), each column and each field used at most once, the longest
 * synonym winning. A header that says "HT" never maps to amountTTC.
 */
export function autoMap(headers: string[], kind: TableKind): ColumnMapping {
  return matchColumns(headers, kind).mapping;
}

// ---------------------------------------------------------------------------------------------
// Requirements

function isMapped(mapping: ColumnMapping, key: string): boolean {
  const col = mapping[key];
  return typeof col === "number" && Number.isInteger(col) && col >= 0;
}

/** Unmet requirements: required fields as 1-element groups, then either/or groups with no mapped field. */
export function missingRequired(kind: TableKind, mapping: ColumnMapping): string[][] {
  const missing: string[][] = [];
  for (const def of FIELDS[kind])
    if (def.required && !isMapped(mapping, def.key)) missing.push([def.key]);
  for (const group of REQUIRED_GROUPS[kind])
    if (!group.some((key) => isMapped(mapping, key))) missing.push([...group]);
  return missing;
}

function requirementCount(kind: TableKind): number {
  return FIELDS[kind].filter((f) => f.required).length + REQUIRED_GROUPS[kind].length;
}

/**
 * French sentence for unmet requirements, e.g. « Colonne obligatoire introuvable : Montant HT ou
 * Montant TTC. Ajoutez-la ou associez-la à une colonne existante dans l'onglet Colonnes. »
 * Empty string when nothing is missing.
 */
export function describeMissing(kind: TableKind, missing: string[][]): string {
  const groups = missing.filter((g) => g.length > 0);
  if (groups.length === 0) return "";
  const texts = groups.map((group) => {
    const labels = group.map((key) => fieldLabel(kind, key));
    return labels.length === 1
      ? labels[0]
      : `${labels.slice(0, -1).join(", ")} ou ${labels[labels.length - 1]}`;
  });
  if (texts.length === 1) {
    return `Colonne obligatoire introuvable : ${texts[0]}. Ajoutez-la ou associez-la à une colonne existante dans l'onglet Colonnes.`;
  }
  return `Colonnes obligatoires introuvables : ${texts.join(" ; ")}. Ajoutez-les ou associez-les à des colonnes existantes dans l'onglet Colonnes.`;
}

// ---------------------------------------------------------------------------------------------
// Kind guessing

/** Below this best score, or with fewer than MIN_MAPPED mapped columns, the kind is unknown. */
const MIN_SCORE = 0.25;
const MIN_MAPPED = 2;
/** Number of well-matched columns that makes a table fully convincing on its own. */
const STRONG_COUNT = 6;

function emptyScores(): Record<TableKind, number> {
  return {
    spend: 0,
    contracts: 0,
    entities: 0,
    nomenclature: 0,
    suppliers: 0,
    territories: 0,
    quality: 0,
  };
}

function scoreKind(headers: string[], kind: TableKind): number {
  const nonEmpty = headers.filter((h) => headerKey(String(h ?? "")) !== "").length;
  if (nonEmpty === 0) return 0;
  const { mapping, quality } = matchColumns(headers, kind);
  if (quality.size < MIN_MAPPED) return 0;
  let sum = 0;
  for (const q of quality.values()) sum += q;
  const coverage = sum / nonEmpty;
  const strength = Math.min(1, sum / STRONG_COUNT);
  const total = requirementCount(kind);
  const met = total === 0 ? 1 : (total - missingRequired(kind, mapping).length) / total;
  const score = (0.5 * coverage + 0.5 * strength) * (0.5 + 0.5 * met);
  return Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000;
}

/** Scores every kind against the headers; the best one wins when it fits well enough (ties: spend first). */
export function guessKind(headers: string[]): {
  kind: TableKind | null;
  scores: Record<TableKind, number>;
} {
  const scores = emptyScores();
  let kind: TableKind | null = null;
  for (const k of TABLE_KINDS) {
    scores[k] = scoreKind(headers, k);
    if (scores[k] >= MIN_SCORE && (kind === null || scores[k] > scores[kind])) kind = k;
  }
  return { kind, scores };
}

// ---------------------------------------------------------------------------------------------
// Header row

/** Cells longer than this are titles or notes, never headers. */
const MAX_HEADER_LENGTH = 80;
const NUMBER_LIKE = /^[-+(]?\s*[\d\s\u00a0\u202f.,']+\s*\)?\s*(€|eur|%)?$/i;
const DATE_LIKE = /^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}/;

function isNumberOrDate(cell: Cell): boolean {
  if (typeof cell === "number" || typeof cell === "boolean" || cell instanceof Date) return true;
  if (typeof cell !== "string") return false;
  const s = cell.trim();
  return /\d/.test(s) && (NUMBER_LIKE.test(s) || DATE_LIKE.test(s));
}

interface AllSynonyms {
  exact: Set<string>;
  contains: Set<string>;
  maxTokens: number;
}

function synonymsOfAllKinds(): AllSynonyms {
  const exact = new Set<string>();
  const contains = new Set<string>();
  let maxTokens = 1;
  for (const kind of TABLE_KINDS) {
    const c = compile(kind);
    for (const key of c.exact.keys()) exact.add(key);
    for (const key of c.contains.keys()) {
      contains.add(key);
      maxTokens = Math.max(maxTokens, key.split(" ").length);
    }
  }
  return { exact, contains, maxTokens };
}

/** 1 for a cell that is a known header, 0.5 for one that contains a known header, else 0. */
function headerCellScore(cell: Cell, syn: AllSynonyms): number {
  if (typeof cell !== "string") return 0;
  const text = cell.trim();
  if (text === "" || text.length > MAX_HEADER_LENGTH) return 0;
  const key = headerKey(text);
  if (key === "") return 0;
  if (syn.exact.has(key)) return 1;
  const tokens = key.split(" ");
  for (let start = 0; start < tokens.length; start++) {
    for (let end = start + 1; end <= Math.min(tokens.length, start + syn.maxTokens); end++) {
      if (syn.contains.has(tokens.slice(start, end).join(" "))) return 0.5;
    }
  }
  return 0;
}

/**
 * Index of the header row among the first `maxScan` rows (default 30): the row whose text cells best
 * match known header synonyms of any kind; ties go to the earliest row; rows made mostly of numbers
 * or dates are never headers. Falls back to 0.
 */
export function findHeaderRow(rows: Cell[][], maxScan = 30): number {
  const syn = synonymsOfAllKinds();
  let bestIndex = 0;
  let bestScore = 0;
  const limit = Math.min(rows.length, Math.max(0, Math.floor(maxScan)));
  for (let i = 0; i < limit; i++) {
    const row = rows[i];
    if (!Array.isArray(row)) continue;
    let nonEmpty = 0;
    let numeric = 0;
    let score = 0;
    for (let j = 0; j < row.length; j++) {
      const cell = row[j];
      if (cellText(cell) === null) continue;
      nonEmpty++;
      if (isNumberOrDate(cell)) numeric++;
      else score += headerCellScore(cell, syn);
    }
    if (nonEmpty === 0 || numeric * 2 > nonEmpty) continue;
    if (score > bestScore) {
      bestScore = score;
      bestIndex = i;
    }
  }
  return bestIndex;
}

// ---------------------------------------------------------------------------------------------
// Whole table

/** A title above the header saying the table lists contracts ("Liste des marchés conclus en 2010"). */
const REGISTER_TITLE =
  /\b(liste|registre|etat)\s+des\s+marches\b|\bmarches\s+(publics\s+)?(conclus|notifies|attribues|passes)\b|\barticle\s+133\b/;

/**
 * True when a row above the header row titles the table as a list of contracts: a hand-made
 * register (OBJET, DATE, TITULAIRE, MONTANT) has the columns of a spend export, its title says
 * what it is.
 */
export function registerTitled(rows: Cell[][], headerRowIndex: number): boolean {
  for (let i = 0; i < headerRowIndex; i++) {
    for (const c of rows[i] ?? []) {
      if (typeof c !== "string" || c.length > 200) continue;
      if (REGISTER_TITLE.test(normalizeKey(c))) return true;
    }
  }
  return false;
}

/** Finds the header row, guesses the kind, maps the columns and lists what is missing or unused. */
export function detectTable(table: RawTable): TableDetection {
  const rows: Cell[][] = Array.isArray(table?.rows) ? table.rows : [];
  const headerRowIndex = findHeaderRow(rows);
  const headerRow = Array.isArray(rows[headerRowIndex]) ? rows[headerRowIndex] : [];
  const headers = Array.from(headerRow, (cell) => cellText(cell) ?? "");
  const guess = guessKind(headers);
  const scores = guess.scores;
  const titled = registerTitled(rows, headerRowIndex);
  const kind = titled && scores.contracts > 0 ? "contracts" : guess.kind;
  const mapping = kind ? autoMap(headers, kind) : {};
  // Under a register title (liste des marchés conclus), a lone "Date" column is the date the
  // contract was concluded; elsewhere a "Date" is a spend line's and says nothing of contracts.
  if (titled && kind === "contracts" && mapping.notificationDate === undefined) {
    const taken = new Set(Object.values(mapping));
    const col = headers.findIndex((h, i) => headerKey(h) === "date" && !taken.has(i));
    if (col >= 0) mapping.notificationDate = col;
  }
  const used = new Set(Object.values(mapping));
  const unmappedColumns: number[] = [];
  headers.forEach((h, col) => {
    if (h !== "" && !used.has(col)) unmappedColumns.push(col);
  });
  return {
    kind,
    headerRowIndex,
    headers,
    mapping,
    missingRequired: kind ? missingRequired(kind, mapping) : [],
    unmappedColumns,
    scores,
  };
}
