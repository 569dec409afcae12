/**
 * Which sheets belong to Optima Achats. The add-in rewrites, activates or deletes only those; a
 * sheet it did not create is never overwritten, even when it has the name the add-in wants (the
 * renderer then picks "Tableau de bord (2)" and says so).
 *
 * Two records, written in the same batch:
 *
 * 1. **Anchors** (the proof): a hidden workbook-scoped name per owned sheet, `_OptimaAchats_own_<key>`
 *    (`_OptimaAchats_decp_<n>` for imported DECP sheets), referring to A1 of the sheet. Excel keeps
 *    the reference on the sheet *object*: it follows a rename, turns into #REF! when the sheet is
 *    deleted, and is not carried over by "Move or Copy… › Create a copy". So a sheet the user
 *    deleted and re-created under the same name, or a copy the user made to keep last year's
 *    figures, is never taken for ours. Names live in the file, whatever the add-in ID (a workbook
 *    written by the development add-in is recognised by the production one). Worksheet ids are
 *    not used: they change between sessions (office-js-docs #297, office-js #1390).
 * 2. **Registry** (the description): workbook setting `optima.ownedSheets`, JSON
 *    `{ version: 1, sheets: { <anchor>: { key, name, layoutVersion } } }` — the layout version of
 *    each sheet as written (a merge-inputs sheet whose layout changed is kept as a copy rather
 *    than overwritten), and the name at the last write.
 *
 * Staging sheets of a write in progress carry `_OptimaAchats_stg_<key>` anchors; leftovers of an
 * interrupted write (closed pane, timeout) are deleted by the next write.
 *
 * An owned sheet the user renamed stays owned under its new name (listOwnedSheets reports the
 * current name, and the next analysis rewrites it under that name).
 */
import { SHEET_NAMES } from "../report/labels";
import { hasStamp, reportKeyOfName, STAMP_ROWS } from "../report/recognise-sheet";
import type { SheetKey } from "../report/spec";
import { storedJson } from "../workbook/stored-json";
import type { ExcelSession } from "./excel-run";

export type OwnedKey = SheetKey | "decp";

export const ANCHOR_PREFIX = "_OptimaAchats_";
export const REGISTRY_SETTING = "optima.ownedSheets";
const REGISTRY_VERSION = 1;

export function ownAnchor(key: SheetKey): string {
  return `${ANCHOR_PREFIX}own_${key}`;
}

export function stagingAnchor(key: SheetKey): string {
  return `${ANCHOR_PREFIX}stg_${key}`;
}

export function decpAnchor(n: number): string {
  return `${ANCHOR_PREFIX}decp_${n}`;
}

type AnchorKind =
  | { kind: "own"; key: SheetKey }
  | { kind: "stg"; key: SheetKey }
  | { kind: "decp"; n: number }
  | { kind: "other" };

const SHEET_KEYS = new Set<string>(Object.keys(SHEET_NAMES));

export function parseAnchor(name: string): AnchorKind {
  if (!name.toLowerCase().startsWith(ANCHOR_PREFIX.toLowerCase())) return { kind: "other" };
  const rest = name.slice(ANCHOR_PREFIX.length);
  const m = /^(own|stg|decp)_(.+)$/.exec(rest);
  if (!m) return { kind: "other" };
  if (m[1] === "decp")
    return /^\d+$/.test(m[2]) ? { kind: "decp", n: Number(m[2]) } : { kind: "other" };
  if (!SHEET_KEYS.has(m[2])) return { kind: "other" };
  return { kind: m[1] as "own" | "stg", key: m[2] as SheetKey };
}

/** Sheet name of a range reference formula "='Tableau de bord'!$A$1" / "=Feuil1!$A$1"; null for #REF! and others. */
export function sheetOfReference(formula: unknown): string | null {
  if (typeof formula !== "string" || formula.includes("#REF!")) return null;
  const m = /^=?(?:'((?:[^']|'')+)'|([^'!]+))!\$?[A-Z]{1,3}\$?\d+/i.exec(formula.trim());
  if (!m) return null;
  return m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
}

export interface RegistryEntry {
  key: OwnedKey;
  name: string;
  layoutVersion: number | null;
}

export interface Registry {
  version: typeof REGISTRY_VERSION;
  /** By anchor name. */
  sheets: Record<string, RegistryEntry>;
}

export function emptyRegistry(): Registry {
  return { version: REGISTRY_VERSION, sheets: {} };
}

export function parseRegistry(raw: unknown): Registry {
  const x = storedJson(raw);
  const out = emptyRegistry();
  if (
    typeof x !== "object" ||
    x === null ||
    (x as { version?: unknown }).version !== REGISTRY_VERSION
  )
    return out;
  const sheets = (x as { sheets?: unknown }).sheets;
  if (typeof sheets !== "object" || sheets === null) return out;
  for (const [anchor, e] of Object.entries(sheets as Record<string, unknown>)) {
    if (typeof e !== "object" || e === null) continue;
    const r = e as Record<string, unknown>;
    if (typeof r.key !== "string" || typeof r.name !== "string") continue;
    out.sheets[anchor] = {
      key: r.key as OwnedKey,
      name: r.name,
      layoutVersion: typeof r.layoutVersion === "number" ? r.layoutVersion : null,
    };
  }
  return out;
}

export interface SheetState {
  name: string;
  visibility: string;
  position: number;
}

export interface OwnedRecord {
  anchor: string;
  key: OwnedKey;
  /** Current name of the sheet (follows the user's renames). */
  name: string;
  /** Layout version at the last write (registry), null when unknown. */
  layoutVersion: number | null;
  /**
   * Recognised by name and stamp (a sheet the command line wrote, report/recognise-sheet.ts):
   * no anchor name exists yet; the next write gives it one.
   */
  adopted?: boolean;
}

export interface WorkbookState {
  /** Every sheet, in workbook order. */
  sheets: SheetState[];
  activeSheet: string | null;
  /** Owned sheets (analysis sheets and DECP sheets) that exist. */
  owned: OwnedRecord[];
  /** Staging sheets left by an interrupted write: anchor and sheet. */
  staging: { anchor: string; key: SheetKey; sheet: string }[];
  /** Our anchors that no longer point at a sheet (the user deleted it). */
  dangling: string[];
  registry: Registry;
  /** Every table of the workbook with its sheet (loaded when asked). */
  tables: { name: string; sheet: string }[];
}

export interface StateOptions {
  tables?: boolean;
  active?: boolean;
}

/**
 * Queues the loads of the workbook state; the returned function reads them after the next sync.
 * One round trip, shared with whatever else the caller queues.
 */
export function queueWorkbookState(
  session: ExcelSession,
  options: StateOptions = {}
): () => WorkbookState {
  const wb = session.workbook;
  const sheets = wb.worksheets.load("items/name,items/visibility,items/position");
  const names = wb.names.load("items/name,items/formula");
  const setting = wb.settings.getItemOrNullObject(REGISTRY_SETTING).load("value");
  const active = options.active ? wb.worksheets.getActiveWorksheet().load("name") : null;
  const tables = options.tables ? wb.tables.load("items/name,items/worksheet/name") : null;
  return () => {
    const sheetStates = sheets.items
      .map((s) => ({ name: s.name, visibility: String(s.visibility), position: s.position }))
      .sort((a, b) => a.position - b.position);
    const byLower = new Map(sheetStates.map((s) => [s.name.toLowerCase(), s.name] as const));
    const registry = setting.isNullObject ? emptyRegistry() : parseRegistry(setting.value);
    const owned: OwnedRecord[] = [];
    const staging: WorkbookState["staging"] = [];
    const dangling: string[] = [];
    for (const n of names.items) {
      const kind = parseAnchor(n.name);
      if (kind.kind === "other") continue;
      const target = sheetOfReference(n.formula);
      const sheet = target === null ? undefined : byLower.get(target.toLowerCase());
      if (sheet === undefined) {
        dangling.push(n.name);
        continue;
      }
      if (kind.kind === "stg") staging.push({ anchor: n.name, key: kind.key, sheet });
      else {
        const key: OwnedKey = kind.kind === "own" ? kind.key : "decp";
        const entry = registry.sheets[n.name];
        owned.push({
          anchor: n.name,
          key,
          name: sheet,
          layoutVersion: entry && entry.key === key ? entry.layoutVersion : null,
        });
      }
    }
    return {
      sheets: sheetStates,
      activeSheet: active ? active.name : null,
      owned,
      staging,
      dangling,
      registry,
      tables: tables ? tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name })) : [],
    };
  };
}

/** Loads the workbook state in one sync. */
export async function loadWorkbookState(
  session: ExcelSession,
  options: StateOptions = {}
): Promise<WorkbookState> {
  const read = queueWorkbookState(session, options);
  await session.sync();
  return adoptReportSheets(session, read());
}

/** Columns of rows 1–2 searched for the stamp (our sheets start it in A to C). */
const STAMP_COLUMNS = 26;

/**
 * The sheets of our report that no anchor records — written by the command line (which records
 * them in the file's properties, not in Excel names), or whose names were lost — recognised by
 * name and stamp (report/recognise-sheet.ts, the command line's own rule) and taken as owned: they
 * are no sources, their inputs are read back, the next write replaces them and anchors them. One
 * more sync, only when a sheet has one of our names without an anchor.
 */
export async function adoptReportSheets(
  session: ExcelSession,
  state: WorkbookState
): Promise<WorkbookState> {
  const taken = new Set<string>(state.owned.map((o) => o.key));
  const busy = new Set(
    [...state.owned.map((o) => o.name), ...state.staging.map((x) => x.sheet)].map((n) =>
      n.toLowerCase()
    )
  );
  const candidates: { key: SheetKey; name: string; top: Excel.Range }[] = [];
  for (const sheet of state.sheets) {
    const key = reportKeyOfName(sheet.name);
    if (key === null || taken.has(key) || busy.has(sheet.name.toLowerCase())) continue;
    taken.add(key);
    const top = session.workbook.worksheets
      .getItem(sheet.name)
      .getRangeByIndexes(0, 0, STAMP_ROWS, STAMP_COLUMNS)
      .load("values");
    candidates.push({ key, name: sheet.name, top });
  }
  if (candidates.length === 0) return state;
  await session.sync();
  const adopted: OwnedRecord[] = candidates
    .filter((c) => hasStamp(c.top.values))
    .map((c) => ({
      anchor: ownAnchor(c.key),
      key: c.key,
      name: c.name,
      layoutVersion: null,
      adopted: true,
    }));
  return adopted.length === 0 ? state : { ...state, owned: [...state.owned, ...adopted] };
}

/** Writes the registry (queued; sent with the caller's next sync). */
export function queueRegistry(session: ExcelSession, registry: Registry): void {
  session.workbook.settings.add(REGISTRY_SETTING, JSON.stringify(registry));
}

/** Adds a hidden anchor name on A1 of a sheet (queued). */
export function queueAnchor(session: ExcelSession, anchor: string, sheet: Excel.Worksheet): void {
  const item = session.workbook.names.add(
    anchor,
    sheet.getRange("A1"),
    "Optima Achats : ne pas supprimer (feuille générée)"
  );
  item.visible = false;
}

/** Deletes an anchor name (queued). */
export function queueDeleteAnchor(session: ExcelSession, anchor: string): void {
  session.workbook.names.getItem(anchor).delete();
}

/**
 * A sheet name not taken (case-insensitive): the wanted name, else "name (2)", "name (3)"…, cut to
 * Excel's 31 characters.
 */
export function uniqueSheetName(
  wanted: string,
  taken: (lowerName: string) => boolean,
  max = 31
): string {
  const base = wanted.slice(0, max);
  if (!taken(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = wanted.slice(0, max - suffix.length) + suffix;
    if (!taken(name.toLowerCase())) return name;
  }
}

/** Whether a sheet name is one the add-in gives to this key (any language, with or without "(n)"). */
export function isDefaultName(key: SheetKey, name: string): boolean {
  const bare = name.replace(/ \(\d+\)$/, "").toLowerCase();
  return SHEET_NAMES[key].some((n) => n.toLowerCase() === bare);
}
