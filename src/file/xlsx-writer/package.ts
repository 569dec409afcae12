/**
 * Writes a workbook package from a WorkbookSpec — new, or as an update of an existing workbook.
 *
 * A new workbook is the update of an empty package (minimal workbook.xml and styles.xml), so both
 * go through the same code:
 *
 * 1. Owned sheets (see existing.ts) are rewritten in place (same part, relationship id, sheetId
 *    and position); spec sheets the workbook does not have yet are appended; owned sheets the spec
 *    no longer has are removed. A merge-inputs sheet written with a newer layout than ours, or to
 *    which the user added what the inputs read back do not carry (a chart, comments, a note
 *    outside our cells, a formula in an input cell: see user-additions.ts), is kept, renamed, as
 *    a user sheet, the new one written beside it, and `warnings` says so.
 * 2. The parts reachable only from rewritten or removed sheets (their tables, drawings, charts,
 *    comments…) are dropped, as is calcChain.xml (Excel rebuilds it); every other part is copied
 *    byte for byte (raw compressed data): user sheets, their charts and drawings, sharedStrings,
 *    theme, pivot caches, macros…
 * 3. workbook.xml, its relationships, [Content_Types].xml and styles.xml are edited, not replaced
 *    (our formats are appended to styles.xml); docProps/custom.xml records the owned sheets.
 * 4. Sheets are streamed into the archive in chunks.
 */
import type * as fs from "node:fs";
import type { CellValue, RangeRef, SheetKey, SheetSpec, WorkbookSpec } from "../../report/spec";
import { chartXml, type ChartData } from "./chart-xml";
import { ContentTypes } from "./content-types";
import {
  appXml,
  coreXml,
  formatOwned,
  OWNED_PROPERTY,
  setCustomProperty,
  type OwnedRecord,
} from "./doc-props";
import { drawingXml } from "./drawing-xml";
import { relationshipGraph, type ExistingPackage, type ExistingSheet } from "./existing";
import {
  freeRelId,
  relativeTarget,
  relsPathOf,
  relsXml,
  resolveTarget,
  type Relationship,
} from "./rels";
import { SheetCells } from "./sheet-cells";
import { printNames } from "./print-xml";
import { worksheetXml } from "./sheet-xml";
import { MINIMAL_STYLES_XML, StyleRegistry } from "./styles";
import { tableXml } from "./table-xml";
import { userAdditions } from "./user-additions";
import { keptSheetMessage, keptSheetName } from "../../report/user-additions";
import { MINIMAL_WORKBOOK_XML, rewriteWorkbook, type SheetEntry } from "./workbook-xml";
import { CONTENT_TYPE, REL_TYPE } from "./xml";
import { InputError } from "../errors";
import { elementsOf } from "../../ooxml/xml";
import { rangeA1 } from "../../report/a1";
import { ZipWriter } from "./zip-writer";
import { documentSheetName } from "../../report/documents/naming";
import type { ZipEntry } from "../zip";

export interface PackageOptions {
  /** The workbook to update (null: a new workbook). */
  existing: ExistingPackage | null;
  /** Date of the ZIP entries and of the document properties. */
  date: Date;
  /** Deflate level (default 6). */
  level?: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
}

export interface SheetReport {
  key: SheetKey;
  name: string;
  part: string;
  status: "created" | "rewritten";
  rows: number;
  tables: string[];
  charts: number;
}

export interface PackageReport {
  sheets: SheetReport[];
  /** Parts copied unchanged from the existing workbook. */
  keptParts: string[];
  /** Parts of the existing workbook dropped (owned sheets' old parts, calcChain). */
  removedParts: string[];
  /** Sheets of the existing workbook kept as they were (the user's). */
  userSheets: string[];
  /** Owned sheets kept under a new name because their layout is newer than ours. */
  preservedSheets: { from: string; to: string }[];
  /** French messages for the user (an input sheet kept beside its new version…). */
  warnings: string[];
  /** Our tables renamed because the workbook already used the name. */
  renamedTables: { from: string; to: string }[];
  bytes: number;
}

interface SheetPlan {
  sheet: SheetSpec;
  cells: SheetCells;
  part: string;
  relId: string;
  sheetId: number;
  status: "created" | "rewritten";
  tables: { part: string; id: number; name: string; relId: string }[];
  drawing: { part: string; relId: string; charts: { part: string; relId: string }[] } | null;
}

const WORKBOOK_PART = "xl/workbook.xml";

function lower(s: string): string {
  return s.toLowerCase();
}

/** Allocates part names "xl/tables/table7.xml" not used by any kept or new part. */
class PartNames {
  private readonly used: Set<string>;
  constructor(existing: Iterable<string>) {
    this.used = new Set([...existing].map(lower));
  }
  isFree(part: string): boolean {
    return !this.used.has(lower(part));
  }
  reserve(part: string): void {
    this.used.add(lower(part));
  }
  next(folder: string, stem: string): string {
    for (let n = 1; ; n++) {
      const p = `${folder}/${stem}${n}.xml`;
      if (!this.used.has(lower(p))) {
        this.used.add(lower(p));
        return p;
      }
    }
  }
}

/**
 * Document sheets (issue #14) never replace a sheet: when their name is taken by a sheet of the
 * workbook (the user's earlier version), they are written as "<name> (v2)", "(v3)"…
 */
function withDocumentNames(spec: WorkbookSpec, ex: ExistingPackage | null): WorkbookSpec {
  if (!spec.sheets.some((s) => s.mode === "document")) return spec;
  const taken = new Set<string>([
    ...(ex ? ex.sheets.map((s) => lower(s.name)) : []),
    ...spec.sheets.filter((s) => s.mode !== "document").map((s) => lower(s.name)),
  ]);
  return {
    ...spec,
    sheets: spec.sheets.map((s) => {
      if (s.mode !== "document") return s;
      const name = documentSheetName(s.name, (n) => taken.has(n));
      taken.add(lower(name));
      return name === s.name ? s : { ...s, name };
    }),
  };
}

/** A name not in `taken` (case-insensitive), ≤ 31 characters: "Plan stratégique (ancien)". */
function uniqueSheetName(base: string, taken: Set<string>): string {
  return keptSheetName(base, (n) => taken.has(n));
}

function chartData(specByKey: Map<SheetKey, { sheet: SheetSpec; cells: SheetCells }>): ChartData {
  const target = (ref: RangeRef) => {
    const t = specByKey.get(ref.sheet);
    if (!t) throw new Error(`Graphique : feuille ${ref.sheet} absente du classeur`);
    return t;
  };
  return {
    formula(ref) {
      const { sheet } = target(ref);
      const r = ref.range;
      return `'${sheet.name.replace(/'/g, "''")}'!${rangeA1(r.r1, r.c1, r.r2, r.c2, true)}`;
    },
    values(ref) {
      const { cells } = target(ref);
      const out: CellValue[] = [];
      const r = ref.range;
      for (let row = r.r1; row <= r.r2; row++)
        for (let col = r.c1; col <= r.c2; col++) out.push(cells.valueAt(row, col));
      return out;
    },
    numFmt(ref) {
      return target(ref).cells.numFmtAt(ref.range.r1, ref.range.c1);
    },
  };
}

/** The package parts edited rather than copied, as they stand while the write is planned. */
interface BaseParts {
  contentTypes: ContentTypes;
  rootRels: Relationship[];
  workbookPart: string;
  workbookXml: string;
  workbookRels: Relationship[];
  /** Small parts we write as text (document properties). */
  generated: Map<string, string>;
  stylesPart: string;
  stylesXml: string;
}

/** What becomes of the existing workbook's sheets. */
interface SheetFates {
  existingSheets: ExistingSheet[];
  /** Spec key → index of the existing sheet rewritten in place. */
  rewriteIndex: Map<SheetKey, number>;
  /** Owned sheets the spec no longer has. */
  removedIndexes: Set<number>;
  /** Owned sheets kept as the user's under a new name (index → new name). */
  renamed: Map<number, string>;
}

/** Step 1: content types, root and workbook relationships, workbook.xml, styles.xml. */
async function baseParts(
  spec: WorkbookSpec,
  ex: ExistingPackage | null,
  date: Date
): Promise<BaseParts> {
  const contentTypes = ContentTypes.parse(ex?.contentTypesXml ?? null);
  const rootRels: Relationship[] = ex ? [...ex.rootRels] : [];
  const workbookPart = ex ? ex.workbookPart : WORKBOOK_PART;
  const workbookRels: Relationship[] = ex ? [...ex.workbookRels] : [];
  const generated = new Map<string, string>();
  if (!ex) {
    const rel = (id: string, type: string, target: string): Relationship => ({
      id,
      type,
      target,
      external: false,
    });
    rootRels.push(rel("rId1", REL_TYPE.officeDocument, WORKBOOK_PART));
    rootRels.push(rel("rId2", REL_TYPE.coreProperties, "docProps/core.xml"));
    rootRels.push(rel("rId3", REL_TYPE.extendedProperties, "docProps/app.xml"));
    contentTypes.set(WORKBOOK_PART, CONTENT_TYPE.workbook);
    contentTypes.set("docProps/core.xml", CONTENT_TYPE.core);
    contentTypes.set("docProps/app.xml", CONTENT_TYPE.app);
    const iso = date.toISOString().replace(/\.\d{3}Z$/, "Z");
    generated.set("docProps/core.xml", coreXml(`Optima Achats — ${spec.stamp.period.label}`, iso));
    generated.set("docProps/app.xml", appXml());
  }
  const styles = await stylesOf(ex, workbookPart, workbookRels);
  contentTypes.set(styles.part, CONTENT_TYPE.styles);
  return {
    contentTypes,
    rootRels,
    workbookPart,
    workbookXml: ex ? ex.workbookXml : MINIMAL_WORKBOOK_XML,
    workbookRels,
    generated,
    stylesPart: styles.part,
    stylesXml: styles.xml,
  };
}

/** The workbook's styles part, or a minimal one (and its relationship) when it has none. */
async function stylesOf(
  ex: ExistingPackage | null,
  workbookPart: string,
  workbookRels: Relationship[]
): Promise<{ part: string; xml: string }> {
  const rel = workbookRels.find((r) => r.type.endsWith("/styles") && !r.external);
  const target = rel ? resolveTarget(workbookPart, rel.target) : "";
  const entry = rel && ex ? ex.zip.entry(target) : undefined;
  if (entry) return { part: target, xml: await ex!.zip.readText(entry) };
  if (rel) workbookRels.splice(workbookRels.indexOf(rel), 1);
  const part = resolveTarget(workbookPart, "styles.xml");
  workbookRels.push({
    id: freeRelId(workbookRels),
    type: REL_TYPE.styles,
    target: relativeTarget(workbookPart, part),
    external: false,
  });
  return { part, xml: MINIMAL_STYLES_XML };
}

/**
 * The user's additions to the owned input sheets the spec rewrites (sheet key → French
 * descriptions; see user-additions.ts). Sheets with a newer layout are kept anyway.
 */
async function inputSheetAdditions(
  spec: WorkbookSpec,
  ex: ExistingPackage | null,
  cellsOf: ReadonlyMap<SheetKey, SheetCells>,
  styles: StyleRegistry
): Promise<Map<SheetKey, string[]>> {
  const out = new Map<SheetKey, string[]>();
  if (!ex) return out;
  for (const sheet of spec.sheets) {
    const o = ex.owned.get(sheet.key);
    const part = o ? ex.sheets[o.index].part : null;
    if (!o || !part || sheet.mode !== "merge-inputs" || o.layoutVersion > sheet.layoutVersion)
      continue;
    // The Attentes grid follows the territories of the data (one column each): its cells move
    // from one run to the next, so "outside our cells" does not mean "typed by the user" there.
    if (sheet.key === "attentes") continue;
    const added = await userAdditions(ex, part, sheet, cellsOf.get(sheet.key)!, styles);
    if (added.length > 0) out.set(sheet.key, added);
  }
  return out;
}

/** Step 2: which existing sheets are rewritten, removed, kept (renamed or not). */
function sheetFates(
  spec: WorkbookSpec,
  ex: ExistingPackage | null,
  report: PackageReport,
  additions: ReadonlyMap<SheetKey, string[]>
): SheetFates {
  const fates: SheetFates = {
    existingSheets: ex ? ex.sheets : [],
    rewriteIndex: new Map(),
    removedIndexes: new Set(),
    renamed: new Map(),
  };
  if (!ex) return fates;
  const { existingSheets, rewriteIndex, removedIndexes, renamed } = fates;
  for (const [key, o] of ex.owned) {
    const s = spec.sheets.find((x) => x.key === key);
    if (!s) removedIndexes.add(o.index);
    else if (s.mode === "merge-inputs" && (o.layoutVersion > s.layoutVersion || additions.has(key)))
      renamed.set(o.index, "");
    else rewriteIndex.set(key, o.index);
  }
  const rewritten = new Set(rewriteIndex.values());
  const takenNames = new Set<string>();
  existingSheets.forEach((s, i) => {
    if (!removedIndexes.has(i) && !rewritten.has(i)) takenNames.add(lower(s.name));
  });
  for (const s of spec.sheets) {
    const clash = existingSheets.findIndex(
      (x, i) =>
        !rewritten.has(i) &&
        !removedIndexes.has(i) &&
        !renamed.has(i) &&
        lower(x.name) === lower(s.name)
    );
    if (clash >= 0) {
      throw new InputError(
        `contient déjà une feuille « ${existingSheets[clash].name} » qui n'a pas été créée par Optima Achats`,
        {
          file: ex.label,
          hint: "Renommez cette feuille dans Excel, ou choisissez un autre fichier de sortie.",
        }
      );
    }
  }
  const allNames = new Set([...takenNames, ...spec.sheets.map((s) => lower(s.name))]);
  for (const i of renamed.keys()) {
    const to = uniqueSheetName(existingSheets[i].name, allNames);
    allNames.add(lower(to));
    renamed.set(i, to);
    report.preservedSheets.push({ from: existingSheets[i].name, to });
    const key = [...ex.owned].find(([, o]) => o.index === i)![0];
    const added = additions.get(key);
    if (added)
      report.warnings.push(keptSheetMessage(existingSheets[i].name, added, to));
  }
  return fates;
}

/**
 * Step 3: the parts to drop (lower-case names) — reachable only from rewritten or removed sheets,
 * and calcChain.xml (its relationship is taken out of the workbook's) — with their .rels parts.
 */
async function partsToDrop(
  ex: ExistingPackage | null,
  fates: SheetFates,
  base: BaseParts
): Promise<Set<string>> {
  const removed = new Set<string>();
  if (!ex) return removed;
  const ownedRootParts = new Set<string>();
  for (const i of [...fates.rewriteIndex.values(), ...fates.removedIndexes]) {
    const part = fates.existingSheets[i].part;
    if (part) ownedRootParts.add(lower(part));
  }
  const graph = await relationshipGraph(ex);
  const walk = (starts: string[], skip: Set<string>): Set<string> => {
    const seen = new Set<string>();
    const stack = starts.map(lower);
    while (stack.length > 0) {
      const p = stack.pop()!;
      if (seen.has(p) || skip.has(p)) continue;
      seen.add(p);
      for (const t of graph.get(p) ?? []) stack.push(lower(t));
    }
    return seen;
  };
  const fromOwned = walk([...ownedRootParts], new Set());
  const fromOthers = walk([""], ownedRootParts);
  for (const p of fromOwned) if (!fromOthers.has(p)) removed.add(p);
  const { workbookRels, workbookPart } = base;
  for (const r of workbookRels.filter((x) => x.type.endsWith("/calcChain") && !x.external)) {
    removed.add(lower(resolveTarget(workbookPart, r.target)));
    workbookRels.splice(workbookRels.indexOf(r), 1);
  }
  for (const p of [...removed]) removed.add(lower(relsPathOf(p)));
  return removed;
}

/** Table names (and defined names) already used by the kept parts, and their highest table id. */
async function usedTables(
  ex: ExistingPackage | null,
  keptEntries: readonly ZipEntry[],
  base: BaseParts
): Promise<{ names: Set<string>; maxId: number }> {
  const names = new Set<string>();
  let maxId = 0;
  if (ex) {
    for (const e of keptEntries) {
      if (base.contentTypes.typeOf(e.name) !== CONTENT_TYPE.table) continue;
      const t = elementsOf(await ex.zip.readText(e), "table")[0] ?? {};
      if (t.name) names.add(lower(t.name));
      if (t.displayName) names.add(lower(t.displayName));
      maxId = Math.max(maxId, Number(t.id) || 0);
    }
  }
  for (const d of elementsOf(base.workbookXml, "definedName")) if (d.name) names.add(lower(d.name));
  return { names, maxId };
}

/** Step 4: each spec sheet's part, relationship id, sheetId, tables, drawing and charts. */
function planSheets(
  spec: WorkbookSpec,
  fates: SheetFates,
  base: BaseParts,
  names: PartNames,
  tablesUsed: { names: Set<string>; maxId: number },
  cellsOf: ReadonlyMap<SheetKey, SheetCells>,
  report: PackageReport
): SheetPlan[] {
  const { existingSheets, rewriteIndex } = fates;
  const { workbookRels, workbookPart } = base;
  const usedTableNames = tablesUsed.names;
  let maxTableId = tablesUsed.maxId;
  let maxSheetId = existingSheets.reduce((m, s) => Math.max(m, s.sheetId), 0);
  // Rewritten sheets keep their part: reserve them all before naming new parts.
  for (const i of rewriteIndex.values())
    if (existingSheets[i].part) names.reserve(existingSheets[i].part!);
  const plans = spec.sheets.map((sheet): SheetPlan => {
    const cells = cellsOf.get(sheet.key)!;
    const old = rewriteIndex.get(sheet.key);
    let part: string;
    let relId: string;
    let sheetId: number;
    if (old !== undefined && existingSheets[old].part) {
      const e = existingSheets[old];
      part = e.part!;
      relId = e.relId;
      sheetId = e.sheetId;
    } else {
      part = names.next("xl/worksheets", "sheet");
      relId = freeRelId(workbookRels);
      workbookRels.push({
        id: relId,
        type: REL_TYPE.worksheet,
        target: relativeTarget(workbookPart, part),
        external: false,
      });
      sheetId = ++maxSheetId;
    }
    let nextRel = 1;
    const tables = sheet.tables.map((t) => {
      let name = t.name;
      for (let n = 2; usedTableNames.has(lower(name)); n++) name = `${t.name}_${n}`;
      if (name !== t.name) report.renamedTables.push({ from: t.name, to: name });
      usedTableNames.add(lower(name));
      const relIdT = `rId${nextRel++}`;
      return { part: names.next("xl/tables", "table"), id: ++maxTableId, name, relId: relIdT };
    });
    const drawing: SheetPlan["drawing"] =
      sheet.charts.length === 0
        ? null
        : {
            part: names.next("xl/drawings", "drawing"),
            relId: `rId${nextRel++}`,
            charts: sheet.charts.map((_, i) => ({
              part: names.next("xl/charts", "chart"),
              relId: `rId${i + 1}`,
            })),
          };
    return {
      sheet,
      cells,
      part,
      relId,
      sheetId,
      status: old !== undefined ? "rewritten" : "created",
      tables,
      drawing,
    };
  });
  // Workbook relationships of removed sheets.
  for (const i of fates.removedIndexes) {
    const rel = workbookRels.findIndex((r) => r.id === existingSheets[i].relId);
    if (rel >= 0) workbookRels.splice(rel, 1);
  }
  return plans;
}

/** Our cell formats and conditional-format styles, appended to styles.xml. */
function mergeStyles(
  spec: WorkbookSpec,
  cellsOf: ReadonlyMap<SheetKey, SheetCells>,
  stylesXml: string
): { styles: StyleRegistry; xml: string } {
  const styles = new StyleRegistry();
  for (const sheet of spec.sheets) {
    cellsOf.get(sheet.key)!.register(styles);
    for (const cf of sheet.conditionalFormats) if (cf.type === "cellValue") styles.dxf(cf.style);
  }
  return { styles, xml: styles.merge(stylesXml) };
}

/** Step 6a: the `<sheets>` of workbook.xml — kept, rewritten and appended sheets, in order. */
function sheetEntries(
  fates: SheetFates,
  plans: readonly SheetPlan[],
  report: PackageReport
): SheetEntry[] {
  const { existingSheets, renamed } = fates;
  const planOfIndex = new Map<number, SheetPlan>();
  for (const [key, idx] of fates.rewriteIndex)
    planOfIndex.set(
      idx,
      plans.find((x) => x.sheet.key === key)!
    );
  const write = (p: SheetPlan, old: number | null): SheetEntry => ({
    kind: "write",
    old,
    name: p.sheet.name,
    sheetId: p.sheetId,
    relId: p.relId,
    hidden: p.sheet.hidden === true,
    print: p.sheet.print && printNames(p.sheet.name, p.sheet.print),
  });
  const entries: SheetEntry[] = [];
  existingSheets.forEach((s, i) => {
    if (fates.removedIndexes.has(i)) return;
    const p = planOfIndex.get(i);
    if (p) {
      entries.push(write(p, i));
      return;
    }
    entries.push({
      kind: "keep",
      old: i,
      raw: s.raw,
      ...(renamed.has(i) ? { rename: renamed.get(i)! } : {}),
    });
    report.userSheets.push(renamed.get(i) ?? s.name);
  });
  for (const p of plans) if (p.status === "created") entries.push(write(p, null));
  return entries;
}

/** Step 6b: content types of the dropped and written parts; docProps/custom.xml (ownership). */
function recordParts(
  ex: ExistingPackage | null,
  base: BaseParts,
  plans: readonly SheetPlan[],
  removed: ReadonlySet<string>,
  names: PartNames
): void {
  const { contentTypes, rootRels } = base;
  for (const p of removed) contentTypes.remove(p);
  for (const p of plans) {
    contentTypes.set(p.part, CONTENT_TYPE.worksheet);
    for (const t of p.tables) contentTypes.set(t.part, CONTENT_TYPE.table);
    if (p.drawing) {
      contentTypes.set(p.drawing.part, CONTENT_TYPE.drawing);
      for (const c of p.drawing.charts) contentTypes.set(c.part, CONTENT_TYPE.chart);
    }
  }
  // Documents (mode "document") are the user's once written: never recorded as ours.
  const records: OwnedRecord[] = plans
    .filter((p) => p.sheet.mode !== "document")
    .map((p) => ({
      key: p.sheet.key,
      sheetId: p.sheetId,
      layoutVersion: p.sheet.layoutVersion,
    }));
  let customPart = ex?.customPart ?? null;
  if (!customPart) {
    customPart = names.isFree("docProps/custom.xml")
      ? "docProps/custom.xml"
      : names.next("docProps", "custom");
    names.reserve(customPart);
    rootRels.push({
      id: freeRelId(rootRels),
      type: REL_TYPE.customProperties,
      target: customPart,
      external: false,
    });
  }
  contentTypes.set(customPart, CONTENT_TYPE.custom);
  base.generated.set(
    customPart,
    setCustomProperty(ex?.customXml ?? null, OWNED_PROPERTY, formatOwned(records))
  );
}

/** Step 7a: the edited parts, then every kept part copied as stored. */
async function writeKeptParts(
  zipOut: ZipWriter,
  ex: ExistingPackage | null,
  base: BaseParts,
  plans: readonly SheetPlan[],
  keptEntries: readonly ZipEntry[],
  report: PackageReport
): Promise<void> {
  const { workbookPart, stylesPart, generated } = base;
  const regenerated = new Set([
    lower("[Content_Types].xml"),
    lower("_rels/.rels"),
    lower(workbookPart),
    lower(relsPathOf(workbookPart)),
    lower(stylesPart),
    ...[...generated.keys()].map(lower),
  ]);
  await zipOut.addText("[Content_Types].xml", base.contentTypes.xml());
  await zipOut.addText("_rels/.rels", relsXml(base.rootRels));
  for (const [part, xml] of generated) await zipOut.addText(part, xml);
  await zipOut.addText(workbookPart, base.workbookXml);
  await zipOut.addText(relsPathOf(workbookPart), relsXml(base.workbookRels));
  await zipOut.addText(stylesPart, base.stylesXml);
  const planned = new Set<string>();
  for (const p of plans) {
    planned.add(lower(p.part));
    planned.add(lower(relsPathOf(p.part)));
  }
  for (const e of keptEntries) {
    if (regenerated.has(lower(e.name)) || planned.has(lower(e.name))) continue;
    await zipOut.addRaw(e.name, ex!.path, e);
    report.keptParts.push(e.name);
  }
}

interface SheetContext {
  styles: StyleRegistry;
  sheetNames: Map<SheetKey, string>;
  data: ChartData;
  lang: WorkbookSpec["lang"];
}

/** Step 7b: one sheet — its XML streamed in chunks, its relationships, tables, drawing, charts. */
async function writeSheet(
  zipOut: ZipWriter,
  p: SheetPlan,
  selected: boolean,
  ctx: SheetContext
): Promise<SheetReport> {
  const { sheet } = p;
  await zipOut.addChunks(
    p.part,
    worksheetXml(sheet, {
      cells: p.cells,
      styles: ctx.styles,
      tabSelected: selected,
      drawingRelId: p.drawing?.relId,
      tableRelIds: p.tables.map((t) => t.relId),
      sheetNames: ctx.sheetNames,
    })
  );
  const sheetRels: Relationship[] = p.tables.map((t) => ({
    id: t.relId,
    type: REL_TYPE.table,
    target: relativeTarget(p.part, t.part),
    external: false,
  }));
  if (p.drawing)
    sheetRels.push({
      id: p.drawing.relId,
      type: REL_TYPE.drawing,
      target: relativeTarget(p.part, p.drawing.part),
      external: false,
    });
  if (sheetRels.length > 0) await zipOut.addText(relsPathOf(p.part), relsXml(sheetRels));
  for (let i = 0; i < p.tables.length; i++)
    await zipOut.addText(
      p.tables[i].part,
      tableXml(sheet.tables[i], p.tables[i].id, p.tables[i].name)
    );
  if (p.drawing) await writeDrawing(zipOut, p.drawing, sheet, ctx);
  const bounds = p.cells.bounds();
  return {
    key: sheet.key,
    name: sheet.name,
    part: p.part,
    status: p.status,
    rows: bounds ? bounds.r2 + 1 : 0,
    tables: p.tables.map((t) => t.name),
    charts: sheet.charts.length,
  };
}

async function writeDrawing(
  zipOut: ZipWriter,
  d: NonNullable<SheetPlan["drawing"]>,
  sheet: SheetSpec,
  ctx: SheetContext
): Promise<void> {
  await zipOut.addText(
    d.part,
    drawingXml(sheet.charts.map((chart, i) => ({ chart, relId: d.charts[i].relId })))
  );
  await zipOut.addText(
    relsPathOf(d.part),
    relsXml(
      d.charts.map((c) => ({
        id: c.relId,
        type: REL_TYPE.chart,
        target: relativeTarget(d.part, c.part),
        external: false,
      }))
    )
  );
  for (let i = 0; i < sheet.charts.length; i++)
    await zipOut.addText(d.charts[i].part, chartXml(sheet.charts[i], ctx.data, ctx.lang));
}

export async function writePackage(
  specIn: WorkbookSpec,
  fh: fs.promises.FileHandle,
  options: PackageOptions
): Promise<PackageReport> {
  const ex = options.existing;
  const spec = withDocumentNames(specIn, ex);
  const zipOut = new ZipWriter(fh, options.date, options.level ?? 6);
  const report: PackageReport = {
    sheets: [],
    keptParts: [],
    removedParts: [],
    userSheets: [],
    preservedSheets: [],
    renamedTables: [],
    warnings: [],
    bytes: 0,
  };
  const base = await baseParts(spec, ex, options.date);
  const cellsOf = new Map(spec.sheets.map((sheet) => [sheet.key, new SheetCells(sheet)] as const));
  const merged = mergeStyles(spec, cellsOf, base.stylesXml);
  base.stylesXml = merged.xml;
  const additions = await inputSheetAdditions(spec, ex, cellsOf, merged.styles);
  const fates = sheetFates(spec, ex, report, additions);
  const removed = await partsToDrop(ex, fates, base);
  const keptEntries = ex
    ? ex.zip.entries.filter((e) => !e.name.endsWith("/") && !removed.has(lower(e.name)))
    : [];
  const names = new PartNames(keptEntries.map((e) => e.name));
  const tablesUsed = await usedTables(ex, keptEntries, base);
  const plans = planSheets(spec, fates, base, names, tablesUsed, cellsOf, report);
  base.workbookXml = rewriteWorkbook(
    base.workbookXml,
    sheetEntries(fates, plans, report),
    fates.existingSheets.length
  );
  recordParts(ex, base, plans, removed, names);

  await writeKeptParts(zipOut, ex, base, plans, keptEntries, report);
  report.removedParts = [...removed]
    .filter((p) => ex!.zip.entry(p) !== undefined)
    .map((p) => ex!.zip.entry(p)!.name);
  const ctx: SheetContext = {
    styles: merged.styles,
    sheetNames: new Map(spec.sheets.map((s) => [s.key, s.name] as const)),
    data: chartData(new Map(plans.map((p) => [p.sheet.key, { sheet: p.sheet, cells: p.cells }]))),
    lang: spec.lang,
  };
  for (let i = 0; i < plans.length; i++)
    report.sheets.push(await writeSheet(zipOut, plans[i], !ex && i === 0, ctx));
  report.bytes = await zipOut.end();
  return report;
}
