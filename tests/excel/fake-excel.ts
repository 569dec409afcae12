/**
 * A recording fake of the Excel object model (the subset src/excel uses), in memory.
 *
 * Faithful where the adapter's correctness depends on it:
 * - **Deferred execution.** Calls on proxies are queued and run at `context.sync()`, in order; a
 *   failing call rejects the sync, the calls before it stay applied, the ones after are dropped.
 *   Loaded properties are readable only after the sync (else "PropertyNotLoaded" is thrown).
 * - **Payload limits, like Excel on the web.** Per sync, the request is the sum of the JSON sizes
 *   of every argument and property value sent (values, formats, formulas, names…); the response is
 *   the JSON of every loaded property. Above `payloadLimit` (5 MB) the request is refused before
 *   anything runs (`RequestPayloadSizeLimitExceeded`), or the response is not returned
 *   (`ResponsePayloadSizeLimitExceeded`). A values load above 5 000 000 cells throws.
 * - **Cell semantics.** A string written to a cell not formatted "@" is parsed as Excel would: a
 *   leading = + - @ makes a formula, a number- or date-like string is converted ("coerced"). In a
 *   "@" cell it stays text. Empty cells read back as "".
 * - **Names and sheets.** Sheet names unique (case-insensitive, ≤ 31 chars), the last visible sheet
 *   cannot be hidden or deleted, positions move like Excel's, workbook names keep pointing at their
 *   sheet across renames and turn into #REF! when it is deleted, formulas follow renames, table
 *   names are unique workbook-wide.
 * - **Hangs.** `hangOnSync(n)` makes the n-th sync never settle (office-js #6678).
 *
 * Everything is logged (`calls`, `syncLog`) so tests can assert on the calls and the round trips.
 */
import { needsTextMarker } from "../../src/report/cells";
import { columnLetter, parseA1, quoteSheet } from "../../src/report/a1";
import type { ExcelHost, ExcelRunOptions } from "../../src/excel/excel-run";

export const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

function utf8(s: string): number {
  return Buffer.byteLength(s, "utf8");
}

export function jsonSize(v: unknown): number {
  if (v === undefined) return 0;
  if (typeof v === "object" && v !== null && (v as { __fake?: boolean }).__fake) return 16;
  try {
    return utf8(JSON.stringify(v) ?? "");
  } catch {
    return 16;
  }
}

// ---------------------------------------------------------------------------------------------
// Model

export type CellKind = "formula" | "text" | "coerced";

export interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export interface TableModel {
  name: string;
  sheet: SheetModel;
  rect: Rect;
  style: string;
}

export interface ChartModel {
  type: string;
  source: { sheet: SheetModel; rect: Rect };
  seriesBy: string;
  props: Record<string, unknown>;
  series: { props: Record<string, unknown>; values?: { sheet: string; rect: Rect }; xValues?: { sheet: string; rect: Rect } }[];
  position?: { from: Rect; to: Rect };
}

export interface StyleEntry {
  rect: Rect;
  path: string;
  value: unknown;
}

export class SheetModel {
  readonly grid: unknown[][] = [];
  /** "r:c" → kind of special cells (formulas, text, values Excel converted). */
  readonly kinds = new Map<string, CellKind>();
  /** Multi-cell number formats (seq orders them with the single-cell ones). */
  readonly formatRects: { rect: Rect; fmt: string; seq: number }[] = [];
  readonly cellFormats = new Map<string, { fmt: string; seq: number }>();
  readonly styles: StyleEntry[] = [];
  readonly merges: Rect[] = [];
  readonly conditionalFormats: { rect: Rect; type: string; props: Record<string, unknown> }[] = [];
  readonly validations: { rect: Rect; props: Record<string, unknown> }[] = [];
  readonly charts: ChartModel[] = [];
  /** Objects a user adds by hand (tests put them here): comments (1.10), notes (1.18), shapes (1.9). */
  readonly comments: { r: number; c: number; text: string }[] = [];
  readonly notes: { r: number; c: number; text: string }[] = [];
  readonly shapes: { type: string }[] = [];
  readonly columnWidths = new Map<number, number>();
  /** Columns hidden with range.columnHidden (ExcelApi 1.2). */
  readonly hiddenColumns = new Set<number>();
  /** range.hyperlink as set (ExcelApi 1.7), by "row:col" of the range's top-left cell. */
  readonly hyperlinks = new Map<string, Record<string, unknown>>();
  /** worksheet.horizontalPageBreaks.add (ExcelApi 1.9): the first row of each new page. */
  readonly rowBreaks: number[] = [];
  frozen: { rows: number; cols: number } | null = null;
  /** worksheet.pageLayout as set (ExcelApi 1.9): properties, print area rect, title rows, header/footer parts. */
  readonly pageLayout: Record<string, unknown> = {};
  tabColor = "";
  visibility = "Visible";
  used: Rect | null = null;
  deleted = false;
  readonly id: number;

  constructor(
    public name: string,
    id: number,
  ) {
    this.id = id;
  }

  cell(r: number, c: number): unknown {
    const row = this.grid[r];
    return row ? row[c] : undefined;
  }

  setCell(r: number, c: number, v: unknown): void {
    const row = (this.grid[r] ??= []);
    row[c] = v;
    if (v !== null && v !== undefined && v !== "") {
      if (!this.used) this.used = { r1: r, c1: c, r2: r, c2: c };
      else {
        const u = this.used;
        if (r < u.r1) u.r1 = r;
        if (r > u.r2) u.r2 = r;
        if (c < u.c1) u.c1 = c;
        if (c > u.c2) u.c2 = c;
      }
    }
  }

  formatAt(r: number, c: number): string {
    let best: { fmt: string; seq: number } | undefined = this.cellFormats.get(`${r}:${c}`);
    for (let i = this.formatRects.length - 1; i >= 0; i--) {
      const f = this.formatRects[i];
      if (best && f.seq < best.seq) break;
      if (r >= f.rect.r1 && r <= f.rect.r2 && c >= f.rect.c1 && c <= f.rect.c2) {
        if (!best || f.seq > best.seq) best = f;
        break;
      }
    }
    return best ? best.fmt : "General";
  }

  kind(r: number, c: number): CellKind | "value" | "empty" {
    const k = this.kinds.get(`${r}:${c}`);
    if (k) return k;
    const v = this.cell(r, c);
    return v === undefined || v === null || v === "" ? "empty" : "value";
  }

  /** The stored contents of `rect`, row by row, each cell as `cellOf` reports it. */
  private mapRect(rect: Rect, cellOf: (v: unknown, r: number, c: number) => unknown): unknown[][] {
    const out: unknown[][] = [];
    for (let r = rect.r1; r <= rect.r2; r++) {
      const row = this.grid[r];
      const o: unknown[] = new Array(rect.c2 - rect.c1 + 1);
      for (let c = rect.c1; c <= rect.c2; c++) o[c - rect.c1] = cellOf(row ? row[c] : undefined, r, c);
      out.push(o);
    }
    return out;
  }

  /** Values as Office.js returns them ("" for empty, "" for formulas: the fake does not calculate). */
  read(rect: Rect): unknown[][] {
    return this.mapRect(rect, (v, r, c) =>
      v === undefined || v === null || (v !== "" && this.kinds.get(`${r}:${c}`) === "formula") ? "" : v
    );
  }

  /** Formulas as Office.js returns them: the formula text of formula cells, else the value ("" for empty). */
  readFormulas(rect: Rect): unknown[][] {
    return this.mapRect(rect, (v) => (v === undefined || v === null ? "" : v));
  }

  /** A snapshot of every written value (for "unchanged" checks). */
  snapshot(): string {
    return JSON.stringify(this.grid);
  }
}

export interface NameModel {
  name: string;
  ref: { sheet: SheetModel; r: number; c: number } | string;
  comment: string;
  visible: boolean;
}

export interface SyncRecord {
  index: number;
  requestBytes: number;
  responseBytes: number;
  calls: number;
  ok: boolean;
  error?: string;
}

export interface CallRecord {
  sync: number;
  api: string;
  bytes: number;
  detail?: string;
}

export interface FakeOptions {
  /** Highest ExcelApi version supported ("1.7", "1.8", "1.9"…). Default "1.9". */
  apiVersion?: string;
  payloadLimit?: number;
  date1904?: boolean;
}

function versionLE(a: string, b: string): boolean {
  const [a1, a2] = a.split(".").map(Number);
  const [b1, b2] = b.split(".").map(Number);
  return a1 < b1 || (a1 === b1 && a2 <= b2);
}

function a1(rect: Rect): string {
  const s = `${columnLetter(rect.c1)}${rect.r1 + 1}`;
  return rect.r1 === rect.r2 && rect.c1 === rect.c2 ? s : `${s}:${columnLetter(rect.c2)}${rect.r2 + 1}`;
}

function qualified(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet) ? sheet : quoteSheet(sheet);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Replaces references to sheet `from` in a formula by `to` (null: #REF!). */
function renameRefs(formula: string, from: string, to: string | null): string {
  const quoted = new RegExp(`'${escapeRegExp(from.replace(/'/g, "''"))}'!`, "gi");
  const bare = new RegExp(`(?<![\\w.'])${escapeRegExp(from)}!`, "gi");
  const rep = to === null ? "#REF!" : `${qualified(to)}!`;
  return formula.replace(quoted, rep).replace(bare, rep);
}

export class FakeExcel {
  readonly sheets: SheetModel[] = [];
  readonly tables: TableModel[] = [];
  readonly names: NameModel[] = [];
  readonly settings = new Map<string, unknown>();
  readonly calls: CallRecord[] = [];
  readonly syncLog: SyncRecord[] = [];
  readonly runOptions: ExcelRunOptions[] = [];
  readonly appCalls: string[] = [];
  active: SheetModel | null = null;
  apiVersion: string;
  payloadLimit: number;
  date1904: boolean;
  private nextId = 1;
  private seq = 1;
  readonly hangs = new Set<number>();
  private nextTable = 1;

  constructor(options: FakeOptions = {}) {
    this.apiVersion = options.apiVersion ?? "1.9";
    this.payloadLimit = options.payloadLimit ?? WEB_PAYLOAD_LIMIT;
    this.date1904 = options.date1904 ?? false;
  }

  // -------------------------------------------------------------------------------------------
  // Setup and inspection helpers (not part of the Office API)

  /** Adds a sheet with rows of values written at (row, col); returns it. */
  addSheet(name: string, rows: unknown[][] = [], at: { row?: number; col?: number } = {}): SheetModel {
    const s = this.createSheet(name);
    const r0 = at.row ?? 0;
    const c0 = at.col ?? 0;
    rows.forEach((row, i) => row.forEach((v, j) => s.setCell(r0 + i, c0 + j, v)));
    return s;
  }

  /** Adds an Excel table over a rectangle of a sheet. */
  addTable(sheet: SheetModel, name: string, rect: Rect): TableModel {
    const t: TableModel = { name, sheet, rect, style: "TableStyleMedium2" };
    this.tables.push(t);
    return t;
  }

  sheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  /** The next call whose API name matches fails at sync time with this Office error code. */
  failOn(api: RegExp, code = "GeneralException"): void {
    this.failures.push({ api, code });
  }

  readonly failures: { api: RegExp; code: string }[] = [];

  /** The n-th sync from now on (1 = the next one) never settles. */
  hangOnSync(n = 1): void {
    this.hangs.add(this.syncLog.length + n);
  }

  get syncCount(): number {
    return this.syncLog.length;
  }

  maxRequestBytes(from = 0): number {
    return Math.max(0, ...this.syncLog.slice(from).map((s) => s.requestBytes));
  }

  maxResponseBytes(from = 0): number {
    return Math.max(0, ...this.syncLog.slice(from).map((s) => s.responseBytes));
  }

  totalBytes(from = 0): number {
    return this.syncLog.slice(from).reduce((n, s) => n + s.requestBytes + s.responseBytes, 0);
  }

  host(): ExcelHost {
    return {
      run: <T>(options: ExcelRunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
        this.runOptions.push({ ...options });
        const ctx = new FakeContext(this);
        return batch(ctx as unknown as Excel.RequestContext).then(async (result) => {
          if (ctx.pending()) await ctx.sync();
          return result;
        });
      },
      isSetSupported: (name: string, version: string) => name === "ExcelApi" && versionLE(version, this.apiVersion),
    };
  }

  // -------------------------------------------------------------------------------------------
  // Model operations (run at sync time)

  nextSeq(): number {
    return this.seq++;
  }

  createSheet(name: string): SheetModel {
    this.checkSheetName(name, null);
    const s = new SheetModel(name, this.nextId++);
    this.sheets.push(s);
    if (!this.active) this.active = s;
    return s;
  }

  checkSheetName(name: string, self: SheetModel | null): void {
    if (name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name)) throw new FakeOfficeError("InvalidArgument", `Nom de feuille invalide : ${name}`);
    const other = this.sheet(name);
    if (other && other !== self) throw new FakeOfficeError("ItemAlreadyExists", `La feuille ${name} existe déjà`);
  }

  renameSheet(s: SheetModel, name: string): void {
    if (s.name === name) return;
    this.checkSheetName(name, s);
    const old = s.name;
    s.name = name;
    this.rewriteFormulas((f) => renameRefs(f, old, name));
  }

  deleteSheet(s: SheetModel): void {
    const visible = this.sheets.filter((x) => x.visibility === "Visible");
    if (visible.length === 1 && visible[0] === s) throw new FakeOfficeError("InvalidOperation", "Impossible de supprimer la dernière feuille visible");
    this.sheets.splice(this.sheets.indexOf(s), 1);
    s.deleted = true;
    for (let i = this.tables.length - 1; i >= 0; i--) if (this.tables[i].sheet === s) this.tables.splice(i, 1);
    this.rewriteFormulas((f) => renameRefs(f, s.name, null));
    if (this.active === s) this.active = this.sheets.find((x) => x.visibility === "Visible") ?? null;
  }

  setVisibility(s: SheetModel, v: string): void {
    if (v !== "Visible") {
      const visible = this.sheets.filter((x) => x.visibility === "Visible" && x !== s);
      if (visible.length === 0) throw new FakeOfficeError("InvalidOperation", "Au moins une feuille doit rester visible");
      if (this.active === s) this.active = visible[0];
    }
    s.visibility = v;
  }

  setPosition(s: SheetModel, p: number): void {
    const i = this.sheets.indexOf(s);
    this.sheets.splice(i, 1);
    this.sheets.splice(Math.max(0, Math.min(p, this.sheets.length)), 0, s);
  }

  private rewriteFormulas(fn: (f: string) => string): void {
    for (const s of this.sheets) {
      for (const [k, kind] of s.kinds) {
        if (kind !== "formula") continue;
        const [r, c] = k.split(":").map(Number);
        const v = s.cell(r, c);
        if (typeof v === "string") s.grid[r][c] = fn(v);
      }
      for (const v of s.validations) {
        const list = (v.props.rule as { list?: { source?: string } } | undefined)?.list;
        if (list && typeof list.source === "string") list.source = fn(list.source);
      }
      for (const cf of s.conditionalFormats) {
        const rule = (cf.props.cellValue as { rule?: { formula1?: string; formula2?: string } } | undefined)?.rule;
        if (rule?.formula1) rule.formula1 = fn(rule.formula1);
        if (rule?.formula2) rule.formula2 = fn(rule.formula2);
      }
    }
  }

  nameFormula(n: NameModel): string {
    if (typeof n.ref === "string") return n.ref;
    if (n.ref.sheet.deleted) return "=#REF!$A$1";
    return `=${qualified(n.ref.sheet.name)}!$${columnLetter(n.ref.c)}$${n.ref.r + 1}`;
  }

  nameValue(n: NameModel): unknown {
    if (typeof n.ref !== "string") return this.nameFormula(n).slice(1);
    if (/^=DATE\(1904,1,2\)$/i.test(n.ref)) return this.date1904 ? 1 : 1464;
    return n.ref.replace(/^=/, "");
  }

  newTableName(): string {
    while (this.tables.some((t) => t.name.toLowerCase() === `table${this.nextTable}`)) this.nextTable++;
    return `Table${this.nextTable++}`;
  }

  /** Writes values the way Excel parses them (see the module comment). */
  writeValues(s: SheetModel, rect: Rect, values: unknown, formulas: boolean): void {
    const rows = rect.r2 - rect.r1 + 1;
    const cols = rect.c2 - rect.c1 + 1;
    const at = (r: number, c: number): unknown => (Array.isArray(values) ? (values as unknown[][])[r][c] : values);
    if (Array.isArray(values)) {
      if (values.length !== rows || (values as unknown[][]).some((row) => !Array.isArray(row) || row.length !== cols)) {
        throw new FakeOfficeError("InvalidArgument", `Dimensions ${values.length}×${(values as unknown[][])[0]?.length} ≠ plage ${rows}×${cols}`);
      }
    }
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const v = at(r, c);
        if (v === null || v === undefined) continue;
        const R = rect.r1 + r;
        const C = rect.c1 + c;
        const key = `${R}:${C}`;
        s.kinds.delete(key);
        if (typeof v === "string" && v !== "") {
          const text = s.formatAt(R, C) === "@";
          if (text) {
            if (/^[=+\-@]/.test(v) || needsTextMarker(v)) s.kinds.set(key, "text");
          } else if (v.startsWith("=") || (formulas && v.startsWith("="))) s.kinds.set(key, "formula");
          else if (/^[+\-@]/.test(v)) s.kinds.set(key, /^[+-]\s*\d[\d\s.,]*$/.test(v) ? "coerced" : "formula");
          else if (needsTextMarker(v)) s.kinds.set(key, "coerced");
        }
        s.setCell(R, C, v);
      }
    }
  }

  setFormats(s: SheetModel, rect: Rect, formats: unknown): void {
    if (!Array.isArray(formats)) {
      s.formatRects.push({ rect: { ...rect }, fmt: String(formats), seq: this.nextSeq() });
      return;
    }
    const rows = rect.r2 - rect.r1 + 1;
    const cols = rect.c2 - rect.c1 + 1;
    if (formats.length !== rows || (formats as unknown[][]).some((row) => row.length !== cols)) throw new FakeOfficeError("InvalidArgument", "Dimensions des formats");
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const f = (formats as unknown[][])[r][c];
        if (f === null || f === undefined) continue;
        s.cellFormats.set(`${rect.r1 + r}:${rect.c1 + c}`, { fmt: String(f), seq: this.nextSeq() });
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Context and proxies

type Op = () => void;

/**
 * Office.js instantiates an object path once per request: a proxy from getItem(name) keeps
 * pointing at the same object for the rest of the batch, even after a rename.
 */
function bound<T>(fake: FakeExcel, resolve: () => T): () => T {
  let at = -1;
  let value: T;
  return () => {
    const now = fake.syncLog.length;
    if (at !== now) {
      value = resolve();
      at = now;
    }
    return value;
  };
}

class FakeContext {
  private ops: { op: Op; api: string; bytes: number }[] = [];
  private loads: (() => number)[] = [];
  readonly workbook: FakeWorkbook;
  readonly __fake = true;

  constructor(readonly fake: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
  }

  pending(): boolean {
    return this.ops.length > 0;
  }

  queue(api: string, payload: unknown, op: Op, detail?: string): void {
    const bytes = jsonSize(payload);
    this.ops.push({ op, api, bytes });
    this.fake.calls.push({ sync: this.fake.syncLog.length + 1, api, bytes, detail });
  }

  /** A load: runs at sync, returns the JSON size of what it loaded. */
  queueLoad(api: string, load: () => unknown): void {
    let size = 0;
    this.ops.push({
      op: () => {
        size = jsonSize(load());
      },
      api,
      bytes: api.length,
    });
    this.loads.push(() => size);
    this.fake.calls.push({ sync: this.fake.syncLog.length + 1, api, bytes: 0 });
  }

  sync(): Promise<void> {
    const fake = this.fake;
    const ops = this.ops;
    const loads = this.loads;
    this.ops = [];
    this.loads = [];
    const index = fake.syncLog.length + 1;
    const requestBytes = ops.reduce((n, o) => n + o.bytes, 0);
    const record: SyncRecord = { index, requestBytes, responseBytes: 0, calls: ops.length, ok: true };
    fake.syncLog.push(record);
    if (fake.hangs.has(index)) return new Promise<void>(() => undefined);
    if (requestBytes > fake.payloadLimit) {
      record.ok = false;
      record.error = "RequestPayloadSizeLimitExceeded";
      return Promise.reject(new FakeOfficeError("RequestPayloadSizeLimitExceeded", `Requête de ${requestBytes} octets`));
    }
    for (const o of ops) {
      try {
        const f = fake.failures.findIndex((x) => x.api.test(o.api));
        if (f >= 0) {
          const { code } = fake.failures.splice(f, 1)[0];
          throw new FakeOfficeError(code, "erreur injectée");
        }
        o.op();
      } catch (e) {
        record.ok = false;
        record.error = e instanceof FakeOfficeError ? e.code : String(e);
        return Promise.reject(e instanceof FakeOfficeError ? new FakeOfficeError(e.code, `${o.api}: ${e.message}`) : new FakeOfficeError("GeneralException", `${o.api}: ${e instanceof Error ? e.message : String(e)}`));
      }
    }
    record.responseBytes = loads.reduce((n, l) => n + l(), 0);
    if (record.responseBytes > fake.payloadLimit) {
      record.ok = false;
      record.error = "ResponsePayloadSizeLimitExceeded";
      return Promise.reject(new FakeOfficeError("ResponsePayloadSizeLimitExceeded", `Réponse de ${record.responseBytes} octets`));
    }
    return Promise.resolve();
  }
}

/** OfficeExtension.ClientResult: `value` readable after the sync that computed it. */
class FakeClientResult<T> {
  private done = false;
  private v: T | undefined;

  set(v: T): void {
    this.v = v;
    this.done = true;
  }

  get value(): T {
    if (!this.done) throw new FakeOfficeError("PropertyNotLoaded", "Résultat non disponible (sync)");
    return this.v as T;
  }
}

function clientResult<T>(ctx: FakeContext, api: string, compute: () => T): FakeClientResult<T> {
  const result = new FakeClientResult<T>();
  ctx.queueLoad(api, () => {
    const v = compute();
    result.set(v);
    return v;
  });
  return result;
}

/** Base of the proxies: loaded properties readable after sync only. */
class Loadable {
  protected loaded = new Map<string, unknown>();
  readonly __fake = true;

  constructor(protected readonly ctx: FakeContext) {}

  protected got(prop: string): unknown {
    if (!this.loaded.has(prop)) throw new FakeOfficeError("PropertyNotLoaded", `Propriété ${prop} non chargée (load + sync)`);
    return this.loaded.get(prop);
  }

  protected setLoaded(prop: string, v: unknown): void {
    this.loaded.set(prop, v);
  }
}

function props(arg: string | string[] | undefined): string[] {
  if (arg === undefined) return [];
  const list = Array.isArray(arg) ? arg : arg.split(",");
  return list.map((p) => p.trim()).filter(Boolean);
}

/** A generic recorder: property sets and listed methods, executed at sync on `onSet`. */
function recorder(ctx: FakeContext, label: string, onSet: (path: string[], value: unknown) => void, methods: Record<string, (...args: unknown[]) => unknown> = {}, path: string[] = []): unknown {
  return new Proxy(
    {},
    {
      get(_, prop) {
        if (typeof prop !== "string" || prop === "then" || prop === "toJSON") return undefined;
        if (prop === "__fake") return true;
        const full = [...path, prop].join(".");
        if (methods[full]) return methods[full];
        return recorder(ctx, label, onSet, methods, [...path, prop]);
      },
      set(_, prop, value) {
        const p = [...path, String(prop)];
        const copy = typeof value === "object" && value !== null ? JSON.parse(JSON.stringify(value)) : value;
        ctx.queue(`${label}.${p.join(".")}`, value, () => onSet(p, copy));
        return true;
      },
    },
  );
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let o = target;
  for (const k of path.slice(0, -1)) o = (o[k] ??= {}) as Record<string, unknown>;
  o[path[path.length - 1]] = value;
}

class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly names: FakeNameCollection;
  readonly settings: FakeSettingCollection;
  readonly application: unknown;

  constructor(readonly ctx: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.tables = new FakeTableCollection(ctx, null);
    this.names = new FakeNameCollection(ctx);
    this.settings = new FakeSettingCollection(ctx);
    const app = (name: string) => () => ctx.queue(`Application.${name}`, null, () => ctx.fake.appCalls.push(name));
    this.application = {
      suspendApiCalculationUntilNextSync: app("suspendApiCalculationUntilNextSync"),
      suspendScreenUpdatingUntilNextSync: () => {
        if (!versionLE("1.9", ctx.fake.apiVersion)) throw new FakeOfficeError("ApiNotFound", "suspendScreenUpdatingUntilNextSync (ExcelApi 1.9)");
        app("suspendScreenUpdatingUntilNextSync")();
      },
      calculate: (type: string) => ctx.queue("Application.calculate", type, () => ctx.fake.appCalls.push(`calculate:${type}`)),
    };
  }
}

class FakeWorksheetCollection extends Loadable {
  private list: FakeWorksheet[] = [];

  get items(): FakeWorksheet[] {
    this.got("items");
    return this.list;
  }

  load(arg?: string | string[]): this {
    const wanted = props(arg).map((p) => p.replace(/^items\//, ""));
    this.ctx.queueLoad("WorksheetCollection.load", () => {
      this.list = this.ctx.fake.sheets.map((s) => {
        const w = new FakeWorksheet(this.ctx, () => s);
        w.snapshot(wanted);
        return w;
      });
      this.setLoaded("items", true);
      return this.ctx.fake.sheets.map((s) => wanted.map((p) => (p === "name" ? s.name : p === "visibility" ? s.visibility : this.ctx.fake.sheets.indexOf(s))));
    });
    return this;
  }

  getItem(key: string): FakeWorksheet {
    this.ctx.queue("WorksheetCollection.getItem", key, () => undefined);
    return new FakeWorksheet(this.ctx, bound(this.ctx.fake, () => {
      const s = this.ctx.fake.sheet(key);
      if (!s) throw new FakeOfficeError("ItemNotFound", `Feuille introuvable : ${key}`);
      return s;
    }));
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    this.ctx.queue("WorksheetCollection.getItemOrNullObject", key, () => undefined);
    return new FakeWorksheet(this.ctx, () => this.ctx.fake.sheet(key) ?? null);
  }

  getActiveWorksheet(): FakeWorksheet {
    this.ctx.queue("WorksheetCollection.getActiveWorksheet", null, () => undefined);
    return new FakeWorksheet(this.ctx, () => {
      if (!this.ctx.fake.active) throw new FakeOfficeError("ItemNotFound", "Aucune feuille active");
      return this.ctx.fake.active;
    });
  }

  add(name: string): FakeWorksheet {
    let created: SheetModel | null = null;
    this.ctx.queue("WorksheetCollection.add", name, () => {
      created = this.ctx.fake.createSheet(name);
    });
    return new FakeWorksheet(this.ctx, () => {
      if (!created) throw new FakeOfficeError("InvalidObjectPath", "Feuille non créée");
      return created;
    });
  }
}

class FakeWorksheet extends Loadable {
  readonly tables: FakeTableCollection;
  readonly charts: FakeChartCollection;
  readonly shapes: { getCount(): FakeClientResult<number> };
  readonly comments: { getCount(): FakeClientResult<number> };
  readonly notes: { getCount(): FakeClientResult<number> };
  readonly freezePanes: unknown;
  readonly pageLayout: Record<string, unknown>;
  readonly horizontalPageBreaks: { add(r: unknown): void };

  constructor(
    ctx: FakeContext,
    readonly resolve: () => SheetModel | null,
  ) {
    super(ctx);
    this.tables = new FakeTableCollection(ctx, this);
    this.charts = new FakeChartCollection(ctx, this);
    const counter = (api: string, version: string, list: (s: SheetModel) => unknown[]) => ({
      getCount: () => {
        if (!versionLE(version, ctx.fake.apiVersion)) throw new FakeOfficeError("ApiNotFound", `${api} (ExcelApi ${version})`);
        return clientResult(ctx, `${api}.getCount`, () => list(this.model()).length);
      },
    });
    this.shapes = counter("ShapeCollection", "1.9", (s) => s.shapes);
    this.comments = counter("CommentCollection", "1.10", (s) => s.comments);
    this.notes = counter("NoteCollection", "1.18", (s) => s.notes);
    const freeze = (what: string, f: (s: SheetModel, arg: unknown) => void) => (arg: unknown) =>
      ctx.queue(`Worksheet.freezePanes.${what}`, arg instanceof FakeRange ? "range" : arg, () => f(this.model(), arg));
    this.freezePanes = {
      freezeRows: freeze("freezeRows", (s, n) => (s.frozen = { rows: Number(n ?? 1), cols: 0 })),
      freezeColumns: freeze("freezeColumns", (s, n) => (s.frozen = { rows: 0, cols: Number(n ?? 1) })),
      freezeAt: freeze("freezeAt", (s, r) => {
        const rect = (r as FakeRange).rect();
        s.frozen = { rows: rect.r2 + 1, cols: rect.c2 + 1 };
      }),
      unfreeze: freeze("unfreeze", (s) => (s.frozen = null)),
    };
    // worksheet.pageLayout (ExcelApi 1.9): every call is recorded in the sheet model.
    const layoutOp = (name: string, payload: unknown, f: (s: SheetModel) => void) =>
      ctx.queue(`PageLayout.${name}`, payload, () => {
        if (!versionLE("1.9", ctx.fake.apiVersion)) throw new FakeOfficeError("ApiNotFound", "PageLayout (ExcelApi 1.9)");
        f(this.model());
      });
    const layout: Record<string, unknown> = {
      setPrintArea: (r: unknown) => layoutOp("setPrintArea", "range", (s) => (s.pageLayout.printArea = (r as FakeRange).rect())),
      setPrintTitleRows: (r: unknown) => layoutOp("setPrintTitleRows", r, (s) => (s.pageLayout.printTitleRows = r)),
    };
    for (const p of ["orientation", "paperSize", "zoom", "leftMargin", "rightMargin", "topMargin", "bottomMargin", "headerMargin", "footerMargin", "centerHorizontally"])
      Object.defineProperty(layout, p, { set: (v: unknown) => layoutOp(p, v, (s) => (s.pageLayout[p] = v)), enumerable: true });
    const hf: Record<string, unknown> = {};
    for (const p of ["leftHeader", "centerHeader", "rightHeader", "leftFooter", "centerFooter", "rightFooter"])
      Object.defineProperty(hf, p, { set: (v: unknown) => layoutOp(p, v, (s) => (s.pageLayout[p] = v)), enumerable: true });
    layout.headersFooters = { defaultForAllPages: hf };
    this.pageLayout = layout;
    this.horizontalPageBreaks = {
      add: (r: unknown) => layoutOp("horizontalPageBreaks.add", "range", (s) => s.rowBreaks.push((r as FakeRange).rect().r1)),
    };
  }

  model(): SheetModel {
    const s = this.resolve();
    if (!s) throw new FakeOfficeError("ItemNotFound", "Objet nul");
    if (s.deleted) throw new FakeOfficeError("ItemNotFound", `Feuille supprimée : ${s.name}`);
    return s;
  }

  snapshot(wanted: string[]): void {
    const s = this.resolve();
    this.setLoaded("isNullObject", s === null);
    if (!s) return;
    for (const p of wanted) {
      if (p === "name") this.setLoaded("name", s.name);
      else if (p === "visibility") this.setLoaded("visibility", s.visibility);
      else if (p === "position") this.setLoaded("position", this.ctx.fake.sheets.indexOf(s));
      else if (p === "tabColor") this.setLoaded("tabColor", s.tabColor);
      else throw new FakeOfficeError("InvalidArgument", `Propriété inconnue : ${p}`);
    }
  }

  load(arg?: string | string[]): this {
    const wanted = props(arg);
    this.ctx.queueLoad("Worksheet.load", () => {
      this.snapshot(wanted);
      return wanted.map((p) => this.loaded.get(p));
    });
    return this;
  }

  get isNullObject(): boolean {
    return this.got("isNullObject") as boolean;
  }

  get name(): string {
    return this.got("name") as string;
  }

  set name(v: string) {
    this.ctx.queue("Worksheet.name", v, () => this.ctx.fake.renameSheet(this.model(), v));
  }

  get visibility(): string {
    return this.got("visibility") as string;
  }

  set visibility(v: string) {
    this.ctx.queue("Worksheet.visibility", v, () => this.ctx.fake.setVisibility(this.model(), v));
  }

  get position(): number {
    return this.got("position") as number;
  }

  set position(p: number) {
    this.ctx.queue("Worksheet.position", p, () => this.ctx.fake.setPosition(this.model(), p));
  }

  get tabColor(): string {
    return this.got("tabColor") as string;
  }

  set tabColor(v: string) {
    this.ctx.queue("Worksheet.tabColor", v, () => (this.model().tabColor = v));
  }

  delete(): void {
    this.ctx.queue("Worksheet.delete", null, () => this.ctx.fake.deleteSheet(this.model()));
  }

  activate(): void {
    this.ctx.queue("Worksheet.activate", null, () => {
      const s = this.model();
      if (s.visibility !== "Visible") throw new FakeOfficeError("InvalidOperation", "Feuille masquée");
      this.ctx.fake.active = s;
    });
  }

  getRange(address?: string): FakeRange {
    this.ctx.queue("Worksheet.getRange", address ?? null, () => undefined);
    return new FakeRange(this.ctx, () => {
      const s = this.model();
      if (!address) return { sheet: s, rect: { r1: 0, c1: 0, r2: MAX_ROWS - 1, c2: MAX_COLS - 1 } };
      const [x, y] = address.split(":");
      const p = parseA1(x);
      const q = y === undefined ? p : parseA1(y);
      if (!p || !q) throw new FakeOfficeError("InvalidArgument", `Adresse non gérée par le faux : ${address}`);
      return { sheet: s, rect: { r1: p.row, c1: p.col, r2: q.row, c2: q.col } };
    });
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    this.ctx.queue("Worksheet.getRangeByIndexes", [row, col, rows, cols], () => undefined);
    return new FakeRange(this.ctx, () => {
      if (row < 0 || col < 0 || rows < 1 || cols < 1 || row + rows > MAX_ROWS || col + cols > MAX_COLS) {
        throw new FakeOfficeError("InvalidArgument", `getRangeByIndexes(${row}, ${col}, ${rows}, ${cols})`);
      }
      return { sheet: this.model(), rect: { r1: row, c1: col, r2: row + rows - 1, c2: col + cols - 1 } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    this.ctx.queue("Worksheet.getUsedRangeOrNullObject", valuesOnly ?? false, () => undefined);
    return new FakeRange(this.ctx, () => {
      const s = this.model();
      return s.used ? { sheet: s, rect: { ...s.used } } : null;
    });
  }
}

interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}

class FakeRange extends Loadable {
  set hyperlink(v: Record<string, unknown>) {
    this.ctx.queue("Range.hyperlink", v, () => {
      const t = this.target();
      t.sheet.hyperlinks.set(`${t.rect.r1}:${t.rect.c1}`, { ...v });
    });
  }

  set columnHidden(v: boolean) {
    this.ctx.queue("Range.columnHidden", v, () => {
      const t = this.target();
      for (let c = t.rect.c1; c <= t.rect.c2; c++) {
        if (v) t.sheet.hiddenColumns.add(c);
        else t.sheet.hiddenColumns.delete(c);
      }
    });
  }

  readonly format: unknown;
  readonly conditionalFormats: unknown;
  private dv: { rect: Rect; props: Record<string, unknown> } | null = null;
  readonly dataValidation: unknown;

  constructor(
    ctx: FakeContext,
    private readonly resolveTarget: () => RangeTarget | null,
  ) {
    super(ctx);
    const label = "Range.format";
    const methods: Record<string, (...args: unknown[]) => unknown> = {};
    methods["borders.getItem"] = (edge: unknown) => recorder(ctx, label, onFormat, methods, ["borders", String(edge)]);
    const onFormat = (path: string[], value: unknown) => {
      const t = this.target();
      if (path.join(".") === "columnWidth") {
        for (let c = t.rect.c1; c <= t.rect.c2; c++) t.sheet.columnWidths.set(c, Number(value));
      } else t.sheet.styles.push({ rect: { ...t.rect }, path: path.join("."), value });
    };
    this.format = recorder(ctx, label, onFormat, methods);
    this.conditionalFormats = {
      add: (type: string) => {
        let model: { rect: Rect; type: string; props: Record<string, unknown> } | null = null;
        ctx.queue("ConditionalFormatCollection.add", type, () => {
          const t = this.target();
          model = { rect: { ...t.rect }, type, props: {} };
          t.sheet.conditionalFormats.push(model);
        });
        return recorder(ctx, "ConditionalFormat", (path, value) => {
          if (!model) throw new FakeOfficeError("InvalidObjectPath", "Format conditionnel non créé");
          setPath(model.props, path, value);
        });
      },
      clearAll: () =>
        ctx.queue("ConditionalFormatCollection.clearAll", null, () => {
          const t = this.target();
          const list = t.sheet.conditionalFormats;
          for (let i = list.length - 1; i >= 0; i--) if (overlaps(list[i].rect, t.rect)) list.splice(i, 1);
        }),
    };
    const dvEntry = () => {
      if (!versionLE("1.8", ctx.fake.apiVersion)) throw new FakeOfficeError("ApiNotFound", "DataValidation (ExcelApi 1.8)");
      if (!this.dv) {
        const t = this.target();
        this.dv = { rect: { ...t.rect }, props: {} };
        t.sheet.validations.push(this.dv);
      }
      return this.dv;
    };
    this.dataValidation = recorder(ctx, "DataValidation", (path, value) => setPath(dvEntry().props, path, value), {
      clear: () =>
        ctx.queue("DataValidation.clear", null, () => {
          dvEntry().props = {};
        }),
    });
  }

  target(): RangeTarget {
    const t = this.resolveTarget();
    if (!t) throw new FakeOfficeError("ItemNotFound", "Plage nulle");
    if (t.sheet.deleted) throw new FakeOfficeError("ItemNotFound", "Feuille supprimée");
    return t;
  }

  rect(): Rect {
    return this.target().rect;
  }

  sheetModel(): SheetModel {
    return this.target().sheet;
  }

  load(arg?: string | string[]): this {
    const wanted = props(arg);
    this.ctx.queueLoad("Range.load", () => {
      const t = this.resolveTarget();
      this.setLoaded("isNullObject", t === null);
      if (!t) return null;
      const out: unknown[] = [];
      for (const p of wanted) {
        let v: unknown;
        const rows = t.rect.r2 - t.rect.r1 + 1;
        const cols = t.rect.c2 - t.rect.c1 + 1;
        if (p === "values") {
          if (rows * cols > 5_000_000) throw new FakeOfficeError("RangeExceedsLimit", `Lecture de ${rows * cols} cellules`);
          v = t.sheet.read(t.rect);
        } else if (p === "formulas") {
          if (rows * cols > 5_000_000) throw new FakeOfficeError("RangeExceedsLimit", `Lecture de ${rows * cols} cellules`);
          v = t.sheet.readFormulas(t.rect);
        } else if (p === "numberFormat") {
          const out: string[][] = [];
          for (let r = t.rect.r1; r <= t.rect.r2; r++) {
            const row: string[] = [];
            for (let c = t.rect.c1; c <= t.rect.c2; c++) row.push(t.sheet.formatAt(r, c));
            out.push(row);
          }
          v = out;
        } else if (p === "address") v = `${qualified(t.sheet.name)}!${a1(t.rect)}`;
        else if (p === "rowIndex") v = t.rect.r1;
        else if (p === "columnIndex") v = t.rect.c1;
        else if (p === "rowCount") v = rows;
        else if (p === "columnCount") v = cols;
        else throw new FakeOfficeError("InvalidArgument", `Propriété de plage non gérée : ${p}`);
        this.setLoaded(p, v);
        out.push(v);
      }
      return out;
    });
    return this;
  }

  get isNullObject(): boolean {
    return this.got("isNullObject") as boolean;
  }

  get values(): unknown[][] {
    return this.got("values") as unknown[][];
  }

  get formulas(): unknown[][] {
    return this.got("formulas") as unknown[][];
  }

  get rowIndex(): number {
    return this.got("rowIndex") as number;
  }

  get columnIndex(): number {
    return this.got("columnIndex") as number;
  }

  /**
   * getCellProperties (ExcelApi 1.9), for the format properties the adapter asks: fill color and
   * font bold, italic, color — the last value set on a range covering the cell, else Excel's
   * defaults (#FFFFFF, false, false, #000000).
   */
  getCellProperties(_options: unknown): FakeClientResult<unknown[][]> {
    if (!versionLE("1.9", this.ctx.fake.apiVersion)) throw new FakeOfficeError("ApiNotFound", "getCellProperties (ExcelApi 1.9)");
    return clientResult(this.ctx, "Range.getCellProperties", () => {
      const t = this.target();
      const out: unknown[][] = [];
      for (let r = t.rect.r1; r <= t.rect.r2; r++) {
        const row: unknown[] = [];
        for (let c = t.rect.c1; c <= t.rect.c2; c++) {
          const last = (path: string, fallback: unknown) => {
            for (let i = t.sheet.styles.length - 1; i >= 0; i--) {
              const e = t.sheet.styles[i];
              if (e.path === path && r >= e.rect.r1 && r <= e.rect.r2 && c >= e.rect.c1 && c <= e.rect.c2) return e.value;
            }
            return fallback;
          };
          row.push({ format: { fill: { color: last("fill.color", "#FFFFFF") }, font: { bold: last("font.bold", false), italic: last("font.italic", false), color: last("font.color", "#000000") } } });
        }
        out.push(row);
      }
      return out;
    });
  }

  set values(v: unknown[][]) {
    this.ctx.queue("Range.values", v, () => {
      const t = this.target();
      this.ctx.fake.writeValues(t.sheet, t.rect, v, false);
    });
  }

  set formulas(v: unknown[][]) {
    this.ctx.queue("Range.formulas", v, () => {
      const t = this.target();
      this.ctx.fake.writeValues(t.sheet, t.rect, v, true);
    });
  }

  set numberFormat(v: unknown) {
    this.ctx.queue("Range.numberFormat", v, () => {
      const t = this.target();
      this.ctx.fake.setFormats(t.sheet, t.rect, v);
    });
  }

  get address(): string {
    return this.got("address") as string;
  }

  get rowCount(): number {
    return this.got("rowCount") as number;
  }

  get columnCount(): number {
    return this.got("columnCount") as number;
  }

  merge(across?: boolean): void {
    this.ctx.queue("Range.merge", across ?? false, () => {
      const t = this.target();
      t.sheet.merges.push({ ...t.rect });
    });
  }

  getCell(row: number, col: number): FakeRange {
    this.ctx.queue("Range.getCell", [row, col], () => undefined);
    return new FakeRange(this.ctx, () => {
      const t = this.target();
      return { sheet: t.sheet, rect: { r1: t.rect.r1 + row, c1: t.rect.c1 + col, r2: t.rect.r1 + row, c2: t.rect.c1 + col } };
    });
  }
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
}

class FakeTableCollection extends Loadable {
  private list: FakeTable[] = [];

  constructor(
    ctx: FakeContext,
    private readonly sheet: FakeWorksheet | null,
  ) {
    super(ctx);
  }

  get items(): FakeTable[] {
    this.got("items");
    return this.list;
  }

  load(arg?: string | string[]): this {
    const wanted = props(arg).map((p) => p.replace(/^items\//, ""));
    this.ctx.queueLoad("TableCollection.load", () => {
      const sheet = this.sheet ? this.sheet.model() : null;
      const tables = this.ctx.fake.tables.filter((t) => !sheet || t.sheet === sheet);
      this.list = tables.map((t) => {
        const x = new FakeTable(this.ctx, () => t);
        x.snapshot(wanted);
        return x;
      });
      this.setLoaded("items", true);
      return tables.map((t) => [t.name, t.sheet.name]);
    });
    return this;
  }

  getItem(name: string): FakeTable {
    this.ctx.queue("TableCollection.getItem", name, () => undefined);
    return new FakeTable(this.ctx, bound(this.ctx.fake, () => {
      const t = this.ctx.fake.tables.find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!t) throw new FakeOfficeError("ItemNotFound", `Tableau introuvable : ${name}`);
      return t;
    }));
  }

  add(address: FakeRange | string, hasHeaders: boolean): FakeTable {
    let created: TableModel | null = null;
    this.ctx.queue("TableCollection.add", [typeof address === "string" ? address : "range", hasHeaders], () => {
      if (!(address instanceof FakeRange)) throw new FakeOfficeError("InvalidArgument", "Le faux n'accepte qu'une plage");
      const t = address.target();
      if (this.sheet && this.sheet.model() !== t.sheet) throw new FakeOfficeError("InvalidArgument", "Plage d'une autre feuille");
      for (const other of this.ctx.fake.tables) {
        if (other.sheet === t.sheet && overlaps(other.rect, t.rect)) throw new FakeOfficeError("InvalidOperation", "Les tableaux se chevauchent");
      }
      created = { name: this.ctx.fake.newTableName(), sheet: t.sheet, rect: { ...t.rect }, style: "TableStyleMedium2" };
      this.ctx.fake.tables.push(created);
    });
    return new FakeTable(this.ctx, () => {
      if (!created) throw new FakeOfficeError("InvalidObjectPath", "Tableau non créé");
      return created;
    });
  }
}

class FakeTable extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly resolve: () => TableModel,
  ) {
    super(ctx);
  }

  private model(): TableModel {
    const t = this.resolve();
    if (!this.ctx.fake.tables.includes(t)) throw new FakeOfficeError("ItemNotFound", `Tableau supprimé : ${t.name}`);
    return t;
  }

  snapshot(wanted: string[]): void {
    const t = this.resolve();
    for (const p of wanted) {
      if (p === "name") this.setLoaded("name", t.name);
      else if (p === "worksheet/name") this.setLoaded("worksheet", { name: t.sheet.name });
      else if (p === "style") this.setLoaded("style", t.style);
      else throw new FakeOfficeError("InvalidArgument", `Propriété de tableau non gérée : ${p}`);
    }
  }

  get name(): string {
    return this.got("name") as string;
  }

  set name(v: string) {
    this.ctx.queue("Table.name", v, () => {
      const t = this.model();
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(v)) throw new FakeOfficeError("InvalidArgument", `Nom de tableau invalide : ${v}`);
      if (this.ctx.fake.tables.some((x) => x !== t && x.name.toLowerCase() === v.toLowerCase())) throw new FakeOfficeError("ItemAlreadyExists", `Tableau ${v} existe déjà`);
      if (this.ctx.fake.names.some((n) => n.name.toLowerCase() === v.toLowerCase())) throw new FakeOfficeError("ItemAlreadyExists", `Nom ${v} déjà défini`);
      t.name = v;
    });
  }

  get worksheet(): { name: string } {
    return this.got("worksheet") as { name: string };
  }

  set style(v: string) {
    this.ctx.queue("Table.style", v, () => (this.model().style = v));
  }

  getRange(): FakeRange {
    this.ctx.queue("Table.getRange", null, () => undefined);
    return new FakeRange(this.ctx, () => {
      const t = this.model();
      return { sheet: t.sheet, rect: { ...t.rect } };
    });
  }
}

class FakeChartCollection {
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: FakeWorksheet,
  ) {}

  getCount(): FakeClientResult<number> {
    return clientResult(this.ctx, "ChartCollection.getCount", () => this.sheet.model().charts.length);
  }

  add(type: string, source: FakeRange, seriesBy?: string): unknown {
    const ctx = this.ctx;
    let chart: ChartModel | null = null;
    ctx.queue("ChartCollection.add", [type, seriesBy ?? "Auto"], () => {
      const t = source.target();
      chart = { type, source: { sheet: t.sheet, rect: { ...t.rect } }, seriesBy: seriesBy ?? "Auto", props: {}, series: [{ props: {}, values: { sheet: t.sheet.name, rect: { ...t.rect } } }] };
      this.sheet.model().charts.push(chart);
    });
    const model = () => {
      if (!chart) throw new FakeOfficeError("InvalidObjectPath", "Graphique non créé");
      return chart;
    };
    const rangeRef = (r: unknown) => {
      const t = (r as FakeRange).target();
      return { sheet: t.sheet.name, rect: { ...t.rect } };
    };
    const seriesRecorder = (index: () => number) =>
      recorder(ctx, "ChartSeries", (path, value) => {
        const s = model().series[index()];
        if (!s) throw new FakeOfficeError("ItemNotFound", "Série introuvable");
        setPath(s.props, path, value);
      }, {
        setValues: (r: unknown) => ctx.queue("ChartSeries.setValues", "range", () => (model().series[index()].values = rangeRef(r))),
        setXAxisValues: (r: unknown) => {
          if (!versionLE("1.7", ctx.fake.apiVersion)) throw new FakeOfficeError("ApiNotFound", "setXAxisValues (1.7)");
          ctx.queue("ChartSeries.setXAxisValues", "range", () => (model().series[index()].xValues = rangeRef(r)));
        },
      });
    const methods: Record<string, (...args: unknown[]) => unknown> = {
      "series.getItemAt": (i: unknown) => {
        ctx.queue("ChartSeriesCollection.getItemAt", i, () => undefined);
        return seriesRecorder(() => Number(i));
      },
      "series.add": (name: unknown) => {
        let at = -1;
        ctx.queue("ChartSeriesCollection.add", name ?? null, () => {
          at = model().series.push({ props: { name } }) - 1;
        });
        return seriesRecorder(() => at);
      },
      setPosition: (from: unknown, to: unknown) =>
        ctx.queue("Chart.setPosition", ["range", "range"], () => {
          model().position = { from: (from as FakeRange).rect(), to: (to as FakeRange).rect() };
        }),
      "axes.getItem": (type: unknown, group: unknown) => recorder(ctx, "ChartAxis", (path, value) => setPath(model().props, ["axes", `${type}:${group}`, ...path], value)),
    };
    return recorder(ctx, "Chart", (path, value) => setPath(model().props, path, value), methods);
  }
}

class FakeNameCollection extends Loadable {
  private list: FakeNamedItem[] = [];

  get items(): FakeNamedItem[] {
    this.got("items");
    return this.list;
  }

  load(arg?: string | string[]): this {
    const wanted = props(arg).map((p) => p.replace(/^items\//, ""));
    this.ctx.queueLoad("NamedItemCollection.load", () => {
      this.list = this.ctx.fake.names.map((n) => {
        const x = new FakeNamedItem(this.ctx, () => n);
        x.snapshot(wanted);
        return x;
      });
      this.setLoaded("items", true);
      return this.ctx.fake.names.map((n) => [n.name, this.ctx.fake.nameFormula(n)]);
    });
    return this;
  }

  add(name: string, reference: FakeRange | string, comment?: string): FakeNamedItem {
    let created: NameModel | null = null;
    this.ctx.queue("NamedItemCollection.add", [name, typeof reference === "string" ? reference : "range", comment ?? ""], () => {
      if (this.ctx.fake.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) throw new FakeOfficeError("ItemAlreadyExists", `Nom ${name} déjà défini`);
      let ref: NameModel["ref"];
      if (typeof reference === "string") ref = reference;
      else {
        const t = reference.target();
        ref = { sheet: t.sheet, r: t.rect.r1, c: t.rect.c1 };
      }
      created = { name, ref, comment: comment ?? "", visible: true };
      this.ctx.fake.names.push(created);
    });
    return new FakeNamedItem(this.ctx, () => created);
  }

  getItem(name: string): FakeNamedItem {
    this.ctx.queue("NamedItemCollection.getItem", name, () => undefined);
    return new FakeNamedItem(this.ctx, bound(this.ctx.fake, () => {
      const n = this.ctx.fake.names.find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!n) throw new FakeOfficeError("ItemNotFound", `Nom introuvable : ${name}`);
      return n;
    }));
  }
}

class FakeNamedItem extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly resolve: () => NameModel | null,
  ) {
    super(ctx);
  }

  private model(): NameModel {
    const n = this.resolve();
    if (!n || !this.ctx.fake.names.includes(n)) throw new FakeOfficeError("ItemNotFound", "Nom supprimé");
    return n;
  }

  snapshot(wanted: string[]): void {
    const n = this.model();
    for (const p of wanted) {
      if (p === "name") this.setLoaded("name", n.name);
      else if (p === "formula") this.setLoaded("formula", this.ctx.fake.nameFormula(n));
      else if (p === "value") this.setLoaded("value", this.ctx.fake.nameValue(n));
      else if (p === "visible") this.setLoaded("visible", n.visible);
      else throw new FakeOfficeError("InvalidArgument", `Propriété de nom non gérée : ${p}`);
    }
  }

  load(arg?: string | string[]): this {
    const wanted = props(arg);
    this.ctx.queueLoad("NamedItem.load", () => {
      this.snapshot(wanted);
      return wanted.map((p) => this.loaded.get(p));
    });
    return this;
  }

  get name(): string {
    return this.got("name") as string;
  }

  get formula(): string {
    return this.got("formula") as string;
  }

  get value(): unknown {
    return this.got("value");
  }

  set visible(v: boolean) {
    this.ctx.queue("NamedItem.visible", v, () => (this.model().visible = v));
  }

  delete(): void {
    this.ctx.queue("NamedItem.delete", null, () => {
      const n = this.model();
      this.ctx.fake.names.splice(this.ctx.fake.names.indexOf(n), 1);
    });
  }
}

class FakeSettingCollection {
  constructor(private readonly ctx: FakeContext) {}

  add(key: string, value: unknown): void {
    this.ctx.queue("SettingCollection.add", [key, value], () => this.ctx.fake.settings.set(key, JSON.parse(JSON.stringify(value))));
  }

  getItemOrNullObject(key: string): FakeSetting {
    this.ctx.queue("SettingCollection.getItemOrNullObject", key, () => undefined);
    return new FakeSetting(this.ctx, key);
  }
}

class FakeSetting extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly key: string,
  ) {
    super(ctx);
  }

  load(arg?: string | string[]): this {
    void arg;
    this.ctx.queueLoad("Setting.load", () => {
      const has = this.ctx.fake.settings.has(this.key);
      this.setLoaded("isNullObject", !has);
      const v = has ? this.ctx.fake.settings.get(this.key) : null;
      this.setLoaded("value", v);
      return v;
    });
    return this;
  }

  get isNullObject(): boolean {
    return this.got("isNullObject") as boolean;
  }

  get value(): unknown {
    return this.got("value");
  }

  delete(): void {
    this.ctx.queue("Setting.delete", this.key, () => this.ctx.fake.settings.delete(this.key));
  }
}
