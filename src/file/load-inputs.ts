/**
 * Input files → the tables the intake reads (issue #6, #9), for the CLI: .xlsx workbooks (every
 * Excel table, and every sheet without tables as one plain range), .csv files and DECP JSON files.
 *
 * This module only locates the tables and supplies their rows: each table is detected as in the
 * pane (detect.ts: header row, kind, column mapping), then a mapping file may override the kind,
 * the header row and columns; tables of no known kind are skipped and listed with the reason. A
 * kept table becomes a core SourceTable whose rows are streamed from the file, in blocks, when
 * the intake (src/core/intake, run by the application pipeline src/app) comes to it — in its own
 * order. DECP files are imported here (what only files have).
 *
 * Every problem with the inputs is an InputError (French, exit code 1 in the CLI); a file that
 * brings no table at all is one, never an empty analysis.
 */
import * as fs from "node:fs";
import * as nodePath from "node:path";
import type { DecpImport } from "../core/decp";
import { importDecp, isDecpJson, MAX_DECP_DEPTH, nestedDeeperThan } from "../core/decp";
import {
  autoMap,
  detectTable,
  headerKey,
  missingRequired,
  type ColumnMapping,
  type TableDetection,
} from "../core/detect";
import { FIELDS, TABLE_KIND_LABELS, fieldLabel } from "../core/fields";
import {
  intakeFromSources,
  type IntakeOptions,
  type RowBlock,
  type SourceTable,
} from "../core/intake";
import type { Cell, IntakeResult, TableKind } from "../core/model";
import { cellText } from "../core/text";
import { readCsvRows } from "./csv-reader";
import { ownedSheetNames } from "./owned-sheets";
import { importDecpStreamed, importDecpXml, STREAM_FROM_BYTES } from "./decp-files";
import { InputError, fromFileSystemError } from "./errors";
import type { MappingFile, TableOverride } from "./user-files";
import { columnLetter } from "../ooxml/a1";
import { openXlsx, type CellRange, type XlsxBook } from "./xlsx-reader";
import { ZipArchive } from "./zip";
import type { Inflater } from "./zip";

// ---------------------------------------------------------------------------------------------
// Public types

export interface LoadOptions {
  mapping?: MappingFile;
  /** Where the mapping came from, for messages (default « fichier de correspondance »). */
  mappingFile?: string;
  intake?: IntakeOptions;
  /** DEFLATE decoder for .xlsx files (see openXlsx); default "fflate". */
  inflate?: Inflater;
}

export interface SkippedTable {
  file: string;
  sheet?: string;
  table: string;
  reason: string;
}

/** A table that was read, with how (for the sheet stamps and for writing a mapping file). */
export interface LoadedTable {
  file: string;
  sheet?: string;
  /** Name used in anomalies and reconciliation (unique across inputs). */
  table: string;
  kind: TableKind;
  /** 1-based sheet row of the header row (CSV: record number; DECP: none). */
  headerRow: number | null;
  /** Field key → header text. */
  columns: Record<string, string>;
  /** Source rows read (analysed + rejected). */
  rows: number;
}

export interface LoadedInputs extends IntakeResult {
  /** "achats-demo.xlsx › Mandats (20 012 lignes)", one per table read, in input order. */
  sources: string[];
  skipped: SkippedTable[];
  tables: LoadedTable[];
}

// ---------------------------------------------------------------------------------------------

/** Rows looked at for header detection (detect.ts scans the first 30). */
const SNIFF_ROWS = 30;
/** JSON.parse needs the text in one string: stay well below V8's 512 MiB string limit. */
const MAX_JSON_BYTES = 400 * 1024 * 1024;

const XLSX_EXTENSIONS = new Set([".xlsx", ".xlsm"]);

interface Candidate {
  file: string;
  source: "xlsx" | "csv";
  book?: XlsxBook;
  sheet?: string;
  /** A sheet this tool wrote (recorded as owned in the workbook): never data, even unstamped. */
  ownSheet?: boolean;
  /** Excel table range (rows and columns); undefined for a plain sheet or a CSV. */
  range?: CellRange;
  /** Excel table without header row. */
  noHeader?: boolean;
  originalName: string;
  name: string;
  override?: TableOverride;
  overrideKey?: string;
  /** First rows (cropped to the table's columns); sniff[0] is sheet row `firstRow`. */
  sniff: Cell[][];
  firstRow: number;
  /** Input order, for the sources list. */
  order: number;
  // Decided:
  kind?: TableKind;
  headerRowIndex?: number;
  headers?: string[];
  mapping?: ColumnMapping;
}

interface DecpInput {
  file: string;
  imp: DecpImport;
  order: number;
}

/** The tables of the inputs, located and ready to be read by the intake. */
export interface LocatedInputs {
  /** Kept tables, in input order; their rows are read from the files when iterated. */
  tables: SourceTable[];
  decp: DecpImport[];
  skipped: SkippedTable[];
  /** The sources list and the tables read, once the intake has counted their rows. */
  describe(intake: Pick<IntakeResult, "reconciliation">): {
    sources: string[];
    tables: LoadedTable[];
  };
}

const FORMAT_HINT =
  "Exportez les données depuis votre logiciel financier ou depuis Excel au format .xlsx ou .csv.";

function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
}

function plural(n: number, one: string, many: string): string {
  return `${groupDigits(n)} ${n > 1 ? many : one}`;
}

/** Crops a sheet row to a table's columns (the row itself when nothing is cut). */
function crop(row: Cell[], range: CellRange | undefined): Cell[] {
  if (!range) return row;
  if (range.firstCol === 0 && row.length <= range.lastCol + 1) return row;
  return row.slice(range.firstCol, range.lastCol + 1);
}

/** The column whose header is this text: exact (trimmed), else the same normalised header. */
function findHeader(headers: string[], text: string): number {
  const t = text.trim();
  let i = headers.findIndex((h) => h.trim() === t);
  if (i >= 0) return i;
  const lower = t.toLowerCase();
  i = headers.findIndex((h) => h.trim().toLowerCase() === lower);
  if (i >= 0) return i;
  const key = headerKey(t);
  return key === "" ? -1 : headers.findIndex((h) => headerKey(h) === key);
}

// ---------------------------------------------------------------------------------------------

/**
 * Locates the tables of the input files: opens every file, lists its tables, applies the mapping
 * file, sniffs and detects each table, and returns them as source tables (rows not read yet).
 */
export async function locateInputs(
  paths: string[],
  options: LoadOptions = {}
): Promise<LocatedInputs> {
  if (paths.length === 0) {
    throw new InputError("Aucun fichier d'entrée", {
      file: "",
      hint: "Indiquez au moins un classeur .xlsx, un fichier .csv ou un fichier DECP .json.",
    });
  }
  const mappingLabel = options.mappingFile ?? "fichier de correspondance";
  const { candidates, decps } = await openInputs(paths, options);
  applyMapping(candidates, options.mapping ?? {}, mappingLabel);
  await sniffAll(candidates);
  const { kept, skipped } = decideAll(candidates, mappingLabel);
  requireSomething(paths, kept, decps, skipped);
  return {
    tables: kept.map(sourceTable),
    decp: decps.map((d) => d.imp),
    skipped,
    describe: (intake) => describe(kept, decps, intake),
  };
}

/**
 * Locates the tables and runs the intake over them (the application pipeline does the same, with
 * progress): for the tests and the reading benchmark.
 */
export async function loadInputs(
  paths: string[],
  options: LoadOptions = {}
): Promise<LoadedInputs> {
  const located = await locateInputs(paths, options);
  const gen = intakeFromSources(located.tables, located.decp, options.intake ?? {});
  let step = await gen.next();
  while (!step.done) step = await gen.next();
  const intake = step.value;
  return { ...intake, ...located.describe(intake), skipped: located.skipped };
}

/** Table names must be unique across inputs (anomalies point at them): add the file, or its folder. */
function nameAllocator(): (name: string, file: string) => string {
  const used = new Set<string>();
  return (name, file) => {
    const base = nodePath.basename(file);
    const where =
      base === name ? nodePath.basename(nodePath.dirname(nodePath.resolve(file))) : base;
    let n = name;
    if (used.has(n)) n = `${name} (${where})`;
    for (let k = 2; used.has(n); k++) n = `${name} (${where}, ${k})`;
    used.add(n);
    return n;
  };
}

/** 1. Opens every file; lists its tables; imports DECP files. */
async function openInputs(
  paths: string[],
  options: LoadOptions
): Promise<{ candidates: Candidate[]; decps: DecpInput[] }> {
  const candidates: Candidate[] = [];
  const decps: DecpInput[] = [];
  const uniqueName = nameAllocator();
  const seenPaths = new Map<string, string>();
  let order = 0;
  for (const file of paths) {
    await checkFile(file, seenPaths);
    const ext = nodePath.extname(file).toLowerCase();
    if (XLSX_EXTENSIONS.has(ext)) {
      // One archive for both readings (the directory of a workbook of 100 000 parts is read once).
      const zip = await ZipArchive.open(file, file, options.inflate ?? "fflate");
      const book = await openXlsx(file, { inflate: options.inflate, zip });
      // A workbook updated in place holds our own output sheets: never read back as input.
      const ours = await ownedSheetNames(file, { zip, book });
      for (const c of workbookCandidates(file, book))
        candidates.push({
          ...c,
          order: order++,
          ...(ours.has(c.sheet ?? "") ? { ownSheet: true } : {}),
        });
    } else if (ext === ".csv") {
      candidates.push({
        file,
        source: "csv",
        originalName: nodePath.basename(file),
        name: "",
        sniff: [],
        firstRow: 1,
        order: order++,
      });
    } else if (ext === ".json") {
      const name = uniqueName(nodePath.basename(file), file);
      const big = (await fs.promises.stat(file)).size >= STREAM_FROM_BYTES;
      const imp = big ? await importDecpStreamed(file, name) : await importDecpFile(file, name);
      decps.push({ file, imp, order: order++ });
    } else if (ext === ".xml") {
      const imp = await importDecpXml(file, uniqueName(nodePath.basename(file), file));
      decps.push({ file, imp, order: order++ });
    } else throw unsupportedFormat(file, ext);
  }
  for (const c of candidates) c.name = uniqueName(c.originalName, c.file);
  return { candidates, decps };
}

/** A file exists, is not a folder, and is not given twice (its rows would count twice). */
async function checkFile(file: string, seenPaths: Map<string, string>): Promise<void> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(file);
  } catch (e) {
    throw fromFileSystemError(e, file);
  }
  if (stat.isDirectory())
    throw fromFileSystemError(Object.assign(new Error("EISDIR"), { code: "EISDIR" }), file);
  const real = await fs.promises.realpath(file);
  const twice = seenPaths.get(real);
  if (twice !== undefined) {
    throw new InputError(
      `est indiqué deux fois (aussi comme « ${twice} ») : ses lignes seraient comptées deux fois`,
      {
        file,
        hint: "Indiquez chaque fichier une seule fois.",
      }
    );
  }
  seenPaths.set(real, file);
}

function unsupportedFormat(file: string, ext: string): InputError {
  if (ext === ".xls")
    return new InputError("est au format Excel 97-2003 (.xls), que l'outil ne lit pas", {
      file,
      hint: "Ouvrez-le dans Excel et enregistrez-le au format .xlsx (Fichier › Enregistrer sous › Classeur Excel).",
    });
  return new InputError(
    `est dans un format non pris en charge (${ext || "sans extension"}) : utilisez .xlsx, .csv, ou .json / .xml (DECP)`,
    {
      file,
      hint: FORMAT_HINT,
    }
  );
}

/** A workbook's tables: every Excel table, and every sheet without tables as a plain range. */
function workbookCandidates(file: string, book: XlsxBook): Omit<Candidate, "order">[] {
  if (book.sheets.length === 0) {
    throw new InputError("ne contient aucune feuille de calcul", {
      file,
      hint: "Vérifiez que le classeur contient les données à analyser.",
    });
  }
  const out: Omit<Candidate, "order">[] = [];
  for (const sheet of book.sheets) {
    const base = { file, source: "xlsx" as const, book, sheet: sheet.name, name: "" };
    if (sheet.tables.length === 0) {
      out.push({ ...base, sniff: [], originalName: sheet.name, firstRow: 1 });
      continue;
    }
    for (const t of sheet.tables) {
      out.push({
        ...base,
        sniff: [],
        range: t.range,
        noHeader: t.headerRowCount === 0,
        originalName: t.name,
        firstRow: t.range.firstRow,
      });
    }
  }
  return out;
}

/** 2. Mapping file: every key must name a table. */
function applyMapping(candidates: Candidate[], mapping: MappingFile, mappingLabel: string): void {
  for (const key of Object.keys(mapping)) {
    const matches = (c: Candidate) =>
      c.name === key ||
      c.originalName === key ||
      `${nodePath.basename(c.file)} › ${c.originalName}` === key;
    let found = candidates.filter(matches);
    if (found.length === 0)
      found = candidates.filter(
        (c) =>
          c.name.toLowerCase() === key.toLowerCase() ||
          c.originalName.toLowerCase() === key.toLowerCase()
      );
    if (found.length === 0) {
      throw new InputError(
        `désigne un tableau « ${key} » qui n'existe dans aucun fichier d'entrée`,
        {
          file: mappingLabel,
          hint: `Tableaux trouvés : ${candidates.map((c) => `« ${c.name} »`).join(", ") || "aucun"}.`,
        }
      );
    }
    if (found.length > 1 && !found.some((c) => c.name === key)) {
      throw new InputError(`désigne « ${key} », un nom porté par plusieurs tableaux`, {
        file: mappingLabel,
        hint: `Utilisez l'un de ces noms : ${found.map((c) => `« ${c.name} »`).join(", ")}.`,
      });
    }
    const target = found.find((c) => c.name === key) ?? found[0];
    target.override = mapping[key];
    target.overrideKey = key;
  }
}

/** 4. Detection + mapping overrides + required columns: the tables kept and those skipped. */
function decideAll(
  candidates: Candidate[],
  mappingLabel: string
): { kept: Candidate[]; skipped: SkippedTable[] } {
  const kept: Candidate[] = [];
  const skipped: SkippedTable[] = [];
  for (const c of candidates) {
    const reason = decide(c, mappingLabel);
    if (reason !== null) skipped.push({ file: c.file, sheet: c.sheet, table: c.name, reason });
    else kept.push(c);
  }
  return { kept, skipped };
}

/** Every input file must bring something: a wrong file is an error, not an empty analysis. */
function requireSomething(
  paths: string[],
  kept: Candidate[],
  decps: DecpInput[],
  skipped: SkippedTable[]
): void {
  for (const file of paths) {
    if (decps.some((d) => d.file === file) || kept.some((c) => c.file === file)) continue;
    const mine = skipped.filter((s) => s.file === file);
    if (mine.length > 0 && mine.some((s) => s.reason === REPORT_SHEET)) {
      throw new InputError(
        "est un rapport produit par Optima Achats : ses feuilles sont les résultats d'une analyse, pas des données à analyser",
        {
          file,
          hint: "Indiquez les fichiers de données (export des mandats ou des factures, registre des marchés, DECP) ; pour mettre ce rapport à jour, donnez-le en sortie avec -o.",
        }
      );
    }
    const reasons = mine.map((s) => `« ${s.table} » : ${s.reason}`);
    throw new InputError(
      `ne contient aucun tableau reconnu${reasons.length > 0 ? ` (${reasons.join(" ; ")})` : ""}`,
      {
        file,
        hint: "Vérifiez que la ligne d'en-tête nomme les colonnes (Date, Fournisseur, Montant HT…), ou indiquez le type et les colonnes dans un fichier de correspondance.",
      }
    );
  }
}

/** 5. A kept table as the intake reads it: its data rows, streamed from the file. */
function sourceTable(c: Candidate): SourceTable {
  const from = c.firstRow + (c.headerRowIndex as number) + 1;
  return {
    name: c.name,
    sheet: c.sheet,
    kind: c.kind as TableKind,
    mapping: c.mapping as ColumnMapping,
    headers: c.headers,
    date1904: c.book?.date1904 ?? false,
    rows: { [Symbol.asyncIterator]: () => rowBlocks((onRow) => streamRows(c, from, onRow)) },
  };
}

/** 6. The sources list ("achats-demo.xlsx › Mandats (20 012 lignes)") and the tables read. */
function describe(
  kept: Candidate[],
  decps: DecpInput[],
  intake: Pick<IntakeResult, "reconciliation">
): { sources: string[]; tables: LoadedTable[] } {
  const recs = new Map(intake.reconciliation.tables.map((t) => [t.table, t]));
  const sources: { order: number; text: string }[] = [];
  const tables: LoadedTable[] = [];
  for (const c of kept) {
    const rows = recs.get(c.name)?.rowsRead ?? 0;
    const where = c.source === "csv" ? null : c.range ? `${c.sheet} › ${c.originalName}` : c.sheet;
    sources.push({
      order: c.order,
      text: `${nodePath.basename(c.file)}${where ? ` › ${where}` : ""} (${plural(rows, "ligne", "lignes")})`,
    });
    const headers = c.headers ?? [];
    const columns: Record<string, string> = {};
    for (const [field, col] of Object.entries(c.mapping ?? {}))
      columns[field] = headers[col] ?? columnLetter(col);
    tables.push({
      file: c.file,
      sheet: c.sheet,
      table: c.name,
      kind: c.kind as TableKind,
      headerRow: c.firstRow + (c.headerRowIndex as number),
      columns,
      rows,
    });
  }
  for (const d of decps) {
    const n = d.imp.reconciliation.rowsRead;
    sources.push({
      order: d.order,
      text: `${nodePath.basename(d.file)} (DECP, ${plural(n, "marché", "marchés")})`,
    });
    tables.push({
      file: d.file,
      table: d.imp.reconciliation.table,
      kind: "contracts",
      headerRow: null,
      columns: {},
      rows: n,
    });
  }
  sources.sort((a, b) => a.order - b.order);
  return { sources: sources.map((s) => s.text), tables };
}

// ---------------------------------------------------------------------------------------------
// DECP

async function importDecpFile(file: string, tableName: string): Promise<DecpImport> {
  const size = (await fs.promises.stat(file)).size;
  if (size > MAX_JSON_BYTES) {
    throw new InputError(
      `est trop volumineux pour un fichier DECP JSON (${Math.round(size / 1048576)} Mo, limite ${MAX_JSON_BYTES / 1048576} Mo)`,
      {
        file,
        hint: "Filtrez l'export DECP sur vos acheteurs (SIRET) avant de l'analyser.",
      }
    );
  }
  let text: string;
  try {
    text = await fs.promises.readFile(file, "utf8");
  } catch (e) {
    throw fromFileSystemError(e, file);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new InputError(
      `n'est pas un fichier JSON lisible (${(e as Error).message})`,
      { file, hint: "Téléchargez à nouveau l'export DECP : le fichier est peut-être incomplet." },
      { cause: e }
    );
  }
  if (nestedDeeperThan(json)) {
    throw new InputError(
      `n'est pas un fichier DECP : ses données sont imbriquées sur plus de ${MAX_DECP_DEPTH} niveaux, ce qu'aucun export DECP ne fait`,
      {
        file,
        hint: "Téléchargez à nouveau l'export DECP depuis data.gouv.fr ou le profil d'acheteur.",
      }
    );
  }
  if (!isDecpJson(json)) {
    throw new InputError(
      "n'est pas un fichier DECP (données essentielles de la commande publique) : la liste « marches » est introuvable",
      {
        file,
        hint: "Utilisez un export DECP au format JSON (version 1.x ou 2.0), ou fournissez vos marchés dans un classeur .xlsx.",
      }
    );
  }
  const imp = importDecp(json, tableName);
  if (imp.reconciliation.rowsRead === 0) {
    throw new InputError("ne contient aucun marché", {
      file,
      hint: "Vérifiez l'export DECP : la liste des marchés est vide.",
    });
  }
  return imp;
}

// ---------------------------------------------------------------------------------------------
// Reading rows

/** Sheet row up to which a table must be sniffed. */
function sniffUntil(c: Candidate, firstSeen: number): number {
  const start = c.range ? c.range.firstRow : firstSeen;
  let until = start + SNIFF_ROWS - 1;
  if (c.override?.headerRow !== undefined) until = Math.max(until, c.override.headerRow);
  if (c.range) until = Math.min(until, c.range.lastRow);
  return until;
}

async function sniffAll(candidates: Candidate[]): Promise<void> {
  // Group the tables of one sheet: one pass reads them all.
  const groups = new Map<string, Candidate[]>();
  for (const c of candidates) {
    if (c.override?.ignore) continue;
    const key = c.source === "csv" ? `csv\u0000${c.file}` : `xlsx\u0000${c.file}\u0000${c.sheet}`;
    const g = groups.get(key);
    if (g) g.push(c);
    else groups.set(key, [c]);
  }
  for (const group of groups.values()) {
    const first = group[0];
    if (first.source === "csv") {
      let until = 0;
      await readCsvRows(
        first.file,
        (row, n) => {
          if (until === 0) {
            first.firstRow = n;
            until = sniffUntil(first, n);
          }
          first.sniff.push(row);
          return n >= until ? "stop" : undefined;
        },
        first.file
      );
      continue;
    }
    const book = first.book as XlsxBook;
    let firstSeen = 0;
    let last = 0;
    await book.readRows(first.sheet as string, (row, n) => {
      if (firstSeen === 0) {
        firstSeen = n;
        for (const c of group) {
          if (!c.range) c.firstRow = n;
          last = Math.max(last, sniffUntil(c, n));
        }
      }
      for (const c of group) {
        if (n < c.firstRow) continue;
        if (n <= sniffUntil(c, firstSeen)) {
          // Rows before the first stored row of a table's range are blank.
          while (c.firstRow + c.sniff.length < n) c.sniff.push([]);
          c.sniff.push(crop(row, c.range));
        }
      }
      return n >= last ? "stop" : undefined;
    });
  }
}

const REPORT_SHEET = "feuille produite par Optima Achats (résultat d'une analyse, pas une donnée)";
/** The stamp line every sheet of the report carries in its first rows: "… · Optima Achats 0.1.0". */
const REPORT_STAMP = /·\s*Optima Achats \d+\.\d+/;

/** A sheet of a report written by this tool (its stamp in the first rows): not data to analyse. */
function isReportSheet(c: Candidate): boolean {
  return c.sniff
    .slice(0, 3)
    .some((row) => row.some((v) => typeof v === "string" && REPORT_STAMP.test(v)));
}

/**
 * Decides kind, header row and mapping of a table (detection, then the mapping file). Returns why
 * the table is skipped, or null when it is kept. Throws InputError on a mapping that does not fit
 * and on missing required columns.
 */
function decide(c: Candidate, mappingLabel: string): string | null {
  const o = c.override;
  if (o?.ignore) return "ignoré à la demande du fichier de correspondance";
  if (!o && (c.ownSheet === true || isReportSheet(c))) return REPORT_SHEET;
  const nonBlank = c.sniff.some((r) => r.some((v) => cellText(v) !== null));
  if (!nonBlank && !o)
    return c.sniff.length === 0
      ? c.source === "csv"
        ? "fichier vide"
        : "feuille vide"
      : "aucune donnée dans les premières lignes";
  const lastSniffed = c.firstRow + c.sniff.length - 1;

  let headerIndex: number;
  let detection: TableDetection;
  if (o?.headerRow !== undefined) {
    if (o.headerRow < c.firstRow || o.headerRow > lastSniffed) {
      throw new InputError(
        `indique pour le tableau « ${c.name} » la ligne d'en-tête ${o.headerRow}, hors du tableau (lignes ${c.firstRow} à ${c.range ? c.range.lastRow : lastSniffed})`,
        {
          file: mappingLabel,
          hint: "Indiquez dans headerRow le numéro de la ligne d'en-tête tel qu'Excel l'affiche.",
        }
      );
    }
    headerIndex = o.headerRow - c.firstRow;
    detection = detectTable({ name: c.name, rows: [c.sniff[headerIndex]] });
  } else if (c.range && !c.noHeader) {
    // An Excel table's header row is its first row.
    headerIndex = 0;
    detection = detectTable({ name: c.name, rows: [c.sniff[0] ?? []] });
  } else {
    if (c.noHeader && !o) return "tableau Excel sans ligne d'en-tête";
    detection = detectTable({ name: c.name, sheet: c.sheet, rows: c.sniff, firstRow: c.firstRow });
    headerIndex = detection.headerRowIndex;
  }
  const headers = detection.headers;
  const kind = o?.kind ?? detection.kind;
  if (kind === null) {
    const shown = headers.filter((h) => h !== "");
    return `en-têtes non reconnus (ligne ${c.firstRow + headerIndex} : ${shown.slice(0, 6).join(", ") || "vide"}${shown.length > 6 ? "…" : ""})`;
  }
  const mapping: ColumnMapping =
    kind === detection.kind ? { ...detection.mapping } : autoMap(headers, kind);

  if (o?.columns) {
    const keys = FIELDS[kind].map((f) => f.key);
    for (const [field, header] of Object.entries(o.columns)) {
      if (!keys.includes(field)) {
        throw new InputError(
          `donne pour le tableau « ${c.name} » un champ inconnu « ${field} » (type ${TABLE_KIND_LABELS[kind]})`,
          {
            file: mappingLabel,
            hint: `Champs possibles : ${keys.join(", ")}.`,
          }
        );
      }
      if (header === null || header.trim() === "") {
        delete mapping[field];
        continue;
      }
      const col = findHeader(headers, header);
      if (col < 0) {
        throw new InputError(
          `associe le champ « ${field} » du tableau « ${c.name} » à la colonne « ${header} », absente de la ligne d'en-tête (ligne ${c.firstRow + headerIndex} de ${nodePath.basename(c.file)})`,
          {
            file: mappingLabel,
            hint: `Colonnes présentes : ${
              headers
                .filter((h) => h !== "")
                .map((h) => `« ${h} »`)
                .join(", ") || "aucune"
            }.`,
          }
        );
      }
      // A column serves one field: the explicit choice takes it from an automatic one.
      for (const [f, cIndex] of Object.entries(mapping))
        if (cIndex === col && f !== field) delete mapping[f];
      mapping[field] = col;
    }
  }

  const missing = missingRequired(kind, mapping);
  if (missing.length > 0) {
    const text = missing
      .map((g) => g.map((k) => `${fieldLabel(kind, k)} (${k})`).join(" ou "))
      .join(" ; ");
    const example = missing[0][0];
    throw new InputError(
      `contient un tableau « ${c.name} » (${TABLE_KIND_LABELS[kind]}) sans ${missing.length > 1 ? "les colonnes obligatoires" : "la colonne obligatoire"} : ${text}`,
      {
        file: c.file,
        sheet: c.sheet,
        row: c.firstRow + headerIndex,
        hint: `Ajoutez la colonne au tableau, ou indiquez laquelle utiliser dans un fichier de correspondance : { "${c.name}": { "columns": { "${example}": "<en-tête de la colonne>" } } } (ou, si ce tableau n'est pas à analyser : { "${c.name}": { "ignore": true } }).`,
      }
    );
  }
  c.kind = kind;
  c.headerRowIndex = headerIndex;
  c.headers = headers;
  c.mapping = mapping;
  return null;
}

/** Streams a table's rows from sheet row `from` on (to the end of its range). */
async function streamRows(
  c: Candidate,
  from: number,
  onRow: (row: Cell[], n: number) => void
): Promise<void> {
  const last = c.range ? c.range.lastRow : Infinity;
  let expected = from;
  const push = (row: Cell[], n: number): void | "stop" => {
    if (n < from) return;
    if (n > last) return "stop";
    // Rows the reader did not report (before its first stored row) are blank.
    while (expected < n) onRow([], expected++);
    onRow(c.range ? crop(row, c.range) : row, n);
    expected = n + 1;
    return n >= last ? "stop" : undefined;
  };
  if (c.source === "csv") await readCsvRows(c.file, push, c.file);
  else await (c.book as XlsxBook).readRows(c.sheet as string, push);
}

/** Rows per block handed to the intake. */
const ROW_BLOCK = 4096;

/**
 * A push reader (`read` calls `onRow` for every row, in order) as an async iterator of blocks of
 * consecutive rows. The reader runs ahead by at most the rows of one file chunk: it hands over a
 * block as soon as it is full and the intake takes it at the next turn. Stopping the iteration
 * stops the reader (and waits for it to close the file).
 */
async function* rowBlocks(
  read: (onRow: (row: Cell[], n: number) => void | "stop") => Promise<void>
): AsyncGenerator<RowBlock, void, void> {
  const queue: RowBlock[] = [];
  let current: RowBlock | null = null;
  let finished = false;
  let failure: { error: unknown } | null = null;
  let stop = false;
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const reading = read((row, n) => {
    if (stop) return "stop";
    if (current !== null && current.firstRow + current.rows.length === n) current.rows.push(row);
    else {
      if (current !== null) queue.push(current);
      current = { rows: [row], firstRow: n };
    }
    if (current.rows.length >= ROW_BLOCK) {
      queue.push(current);
      current = null;
      notify();
    }
    return undefined;
  }).then(
    () => {
      if (current !== null) queue.push(current);
      current = null;
      finished = true;
      notify();
    },
    (error: unknown) => {
      failure = { error };
      finished = true;
      notify();
    }
  );
  try {
    for (;;) {
      const next = queue.shift();
      if (next !== undefined) {
        yield next;
        continue;
      }
      if (failure !== null) throw (failure as { error: unknown }).error;
      if (finished) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    stop = true;
    await reading;
  }
}
