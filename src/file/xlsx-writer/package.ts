/**
 * Writes a workbook package from a WorkbookSpec — new, or as an update of an existing workbook.
 *
 * A new workbook is the update of an empty package (minimal workbook.xml and styles.xml), so both
 * go through the same code:
 *
 * 1. Owned sheets (see existing.ts) are rewritten in place (same part, relationship id, sheetId
 *    and position); spec sheets the workbook does not have yet are appended; owned sheets the spec
 *    no longer has are removed. A merge-inputs sheet written with a newer layout than ours is kept,
 *    renamed, as a user sheet.
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
import { relationshipGraph, type ExistingPackage } from "./existing";
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
import { MINIMAL_WORKBOOK_XML, rewriteWorkbook, type SheetEntry } from "./workbook-xml";
import { CONTENT_TYPE, REL_TYPE } from "./xml";
import { InputError } from "../errors";
import { elementsOf } from "../xml";
import { rangeA1 } from "../../report/a1";
import { ZipWriter } from "./zip-writer";

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

/** A name not in `taken` (case-insensitive), ≤ 31 characters: "Plan stratégique (v1)". */
function uniqueSheetName(base: string, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? " (ancien)" : ` (ancien ${n})`;
    const name = base.slice(0, 31 - suffix.length) + suffix;
    if (!taken.has(lower(name))) return name;
  }
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

export async function writePackage(
  spec: WorkbookSpec,
  fh: fs.promises.FileHandle,
  options: PackageOptions
): Promise<PackageReport> {
  const ex = options.existing;
  const zipOut = new ZipWriter(fh, options.date, options.level ?? 6);
  const report: PackageReport = {
    sheets: [],
    keptParts: [],
    removedParts: [],
    userSheets: [],
    preservedSheets: [],
    renamedTables: [],
    bytes: 0,
  };

  // ---- 1. Base parts
  const contentTypes = ContentTypes.parse(ex?.contentTypesXml ?? null);
  const rootRels: Relationship[] = ex ? [...ex.rootRels] : [];
  const workbookPart = ex ? ex.workbookPart : WORKBOOK_PART;
  let workbookXml = ex ? ex.workbookXml : MINIMAL_WORKBOOK_XML;
  const workbookRels: Relationship[] = ex ? [...ex.workbookRels] : [];
  const generated = new Map<string, string>(); // small parts we write as text
  if (!ex) {
    rootRels.push({
      id: "rId1",
      type: REL_TYPE.officeDocument,
      target: WORKBOOK_PART,
      external: false,
    });
    rootRels.push({
      id: "rId2",
      type: REL_TYPE.coreProperties,
      target: "docProps/core.xml",
      external: false,
    });
    rootRels.push({
      id: "rId3",
      type: REL_TYPE.extendedProperties,
      target: "docProps/app.xml",
      external: false,
    });
    contentTypes.set(WORKBOOK_PART, CONTENT_TYPE.workbook);
    contentTypes.set("docProps/core.xml", CONTENT_TYPE.core);
    contentTypes.set("docProps/app.xml", CONTENT_TYPE.app);
    const iso = options.date.toISOString().replace(/\.\d{3}Z$/, "Z");
    generated.set("docProps/core.xml", coreXml(`Optima Achats — ${spec.stamp.period.label}`, iso));
    generated.set("docProps/app.xml", appXml());
  }
  let stylesRel = workbookRels.find((r) => r.type.endsWith("/styles") && !r.external);
  let stylesPart: string;
  let stylesXml: string;
  if (stylesRel && ex && ex.zip.entry(resolveTarget(workbookPart, stylesRel.target))) {
    stylesPart = resolveTarget(workbookPart, stylesRel.target);
    stylesXml = await ex.zip.readText(ex.zip.entry(stylesPart)!);
  } else {
    if (stylesRel) workbookRels.splice(workbookRels.indexOf(stylesRel), 1);
    stylesPart = resolveTarget(workbookPart, "styles.xml");
    stylesRel = {
      id: freeRelId(workbookRels),
      type: REL_TYPE.styles,
      target: relativeTarget(workbookPart, stylesPart),
      external: false,
    };
    workbookRels.push(stylesRel);
    stylesXml = MINIMAL_STYLES_XML;
  }
  contentTypes.set(stylesPart, CONTENT_TYPE.styles);

  // ---- 2. Which existing sheets are rewritten, removed, kept
  const existingSheets = ex ? ex.sheets : [];
  const rewriteIndex = new Map<SheetKey, number>(); // spec key → existing index
  const removedIndexes = new Set<number>();
  const renamed = new Map<number, string>();
  const takenNames = new Set<string>();
  if (ex) {
    for (const [key, o] of ex.owned) {
      const s = spec.sheets.find((x) => x.key === key);
      if (!s) removedIndexes.add(o.index);
      else if (s.mode === "merge-inputs" && o.layoutVersion > s.layoutVersion)
        renamed.set(o.index, "");
      else rewriteIndex.set(key, o.index);
    }
    existingSheets.forEach((s, i) => {
      if (!removedIndexes.has(i) && ![...rewriteIndex.values()].includes(i))
        takenNames.add(lower(s.name));
    });
    const rewritten = new Set(rewriteIndex.values());
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
    }
  }

  // ---- 3. Parts to drop: reachable only from rewritten/removed sheets; calcChain.
  const removed = new Set<string>();
  const ownedRootParts = new Set<string>();
  for (const i of [...rewriteIndex.values(), ...removedIndexes]) {
    const part = existingSheets[i].part;
    if (part) ownedRootParts.add(lower(part));
  }
  if (ex) {
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
    for (const r of workbookRels.filter((x) => x.type.endsWith("/calcChain") && !x.external)) {
      removed.add(lower(resolveTarget(workbookPart, r.target)));
      workbookRels.splice(workbookRels.indexOf(r), 1);
    }
    for (const p of [...removed]) removed.add(lower(relsPathOf(p)));
  }

  // ---- 4. Plan the sheets: parts, relationship ids, sheetIds, tables, drawings, charts
  const keptEntries = ex
    ? ex.zip.entries.filter((e) => !e.name.endsWith("/") && !removed.has(lower(e.name)))
    : [];
  const names = new PartNames(keptEntries.map((e) => e.name));
  let maxSheetId = existingSheets.reduce((m, s) => Math.max(m, s.sheetId), 0);
  // Table names and ids already used by the parts we keep, and defined names.
  const usedTableNames = new Set<string>();
  let maxTableId = 0;
  for (const e of keptEntries) {
    if (contentTypes.typeOf(e.name) !== CONTENT_TYPE.table || !ex) continue;
    const t = elementsOf(await ex.zip.readText(e), "table")[0] ?? {};
    if (t.name) usedTableNames.add(lower(t.name));
    if (t.displayName) usedTableNames.add(lower(t.displayName));
    maxTableId = Math.max(maxTableId, Number(t.id) || 0);
  }
  for (const d of elementsOf(workbookXml, "definedName"))
    if (d.name) usedTableNames.add(lower(d.name));

  // Rewritten sheets keep their part: reserve them all before naming new parts.
  for (const i of rewriteIndex.values())
    if (existingSheets[i].part) names.reserve(existingSheets[i].part!);
  const specByKey = new Map<SheetKey, { sheet: SheetSpec; cells: SheetCells }>();
  const plans: SheetPlan[] = spec.sheets.map((sheet) => {
    const cells = new SheetCells(sheet);
    specByKey.set(sheet.key, { sheet, cells });
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
    const sheetRels: string[] = [];
    const tables = sheet.tables.map((t) => {
      let name = t.name;
      for (let n = 2; usedTableNames.has(lower(name)); n++) name = `${t.name}_${n}`;
      if (name !== t.name) report.renamedTables.push({ from: t.name, to: name });
      usedTableNames.add(lower(name));
      const relIdT = `rId${sheetRels.length + 1}`;
      sheetRels.push(relIdT);
      return { part: names.next("xl/tables", "table"), id: ++maxTableId, name, relId: relIdT };
    });
    let drawing: SheetPlan["drawing"] = null;
    if (sheet.charts.length > 0) {
      drawing = {
        part: names.next("xl/drawings", "drawing"),
        relId: `rId${sheetRels.length + 1}`,
        charts: sheet.charts.map((_, i) => ({
          part: names.next("xl/charts", "chart"),
          relId: `rId${i + 1}`,
        })),
      };
    }
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
  for (const i of removedIndexes) {
    const rel = workbookRels.findIndex((r) => r.id === existingSheets[i].relId);
    if (rel >= 0) workbookRels.splice(rel, 1);
  }

  // ---- 5. Styles
  const styles = new StyleRegistry();
  for (const p of plans) {
    p.cells.register(styles);
    for (const cf of p.sheet.conditionalFormats) if (cf.type === "cellValue") styles.dxf(cf.style);
  }
  stylesXml = styles.merge(stylesXml);

  // ---- 6. Workbook, content types, custom properties
  const entries: SheetEntry[] = [];
  existingSheets.forEach((s, i) => {
    if (removedIndexes.has(i)) return;
    const key = [...rewriteIndex].find(([, idx]) => idx === i)?.[0];
    if (key !== undefined) {
      const p = plans.find((x) => x.sheet.key === key)!;
      entries.push({
        kind: "write",
        old: i,
        name: p.sheet.name,
        sheetId: p.sheetId,
        relId: p.relId,
        hidden: p.sheet.hidden === true,
        print: p.sheet.print && printNames(p.sheet.name, p.sheet.print),
      });
    } else {
      entries.push({
        kind: "keep",
        old: i,
        raw: s.raw,
        ...(renamed.has(i) ? { rename: renamed.get(i)! } : {}),
      });
      report.userSheets.push(renamed.get(i) ?? s.name);
    }
  });
  for (const p of plans) {
    if (p.status === "created")
      entries.push({
        kind: "write",
        old: null,
        name: p.sheet.name,
        sheetId: p.sheetId,
        relId: p.relId,
        hidden: p.sheet.hidden === true,
        print: p.sheet.print && printNames(p.sheet.name, p.sheet.print),
      });
  }
  workbookXml = rewriteWorkbook(workbookXml, entries, existingSheets.length);

  for (const p of removed) contentTypes.remove(p);
  for (const p of plans) {
    contentTypes.set(p.part, CONTENT_TYPE.worksheet);
    for (const t of p.tables) contentTypes.set(t.part, CONTENT_TYPE.table);
    if (p.drawing) {
      contentTypes.set(p.drawing.part, CONTENT_TYPE.drawing);
      for (const c of p.drawing.charts) contentTypes.set(c.part, CONTENT_TYPE.chart);
    }
  }
  const records: OwnedRecord[] = plans.map((p) => ({
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
  generated.set(
    customPart,
    setCustomProperty(ex?.customXml ?? null, OWNED_PROPERTY, formatOwned(records))
  );

  // ---- 7. The archive
  const regenerated = new Set([
    lower("[Content_Types].xml"),
    lower("_rels/.rels"),
    lower(workbookPart),
    lower(relsPathOf(workbookPart)),
    lower(stylesPart),
    ...[...generated.keys()].map(lower),
  ]);
  await zipOut.addText("[Content_Types].xml", contentTypes.xml());
  await zipOut.addText("_rels/.rels", relsXml(rootRels));
  for (const [part, xml] of generated) await zipOut.addText(part, xml);
  await zipOut.addText(workbookPart, workbookXml);
  await zipOut.addText(relsPathOf(workbookPart), relsXml(workbookRels));
  await zipOut.addText(stylesPart, stylesXml);
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
  report.removedParts = [...removed]
    .filter((p) => ex!.zip.entry(p) !== undefined)
    .map((p) => ex!.zip.entry(p)!.name);

  const sheetNames = new Map(spec.sheets.map((s) => [s.key, s.name] as const));
  const data = chartData(specByKey);
  let first = true;
  for (const p of plans) {
    const { sheet } = p;
    const selected = !ex && first;
    first = false;
    await zipOut.addChunks(
      p.part,
      worksheetXml(sheet, {
        cells: p.cells,
        styles,
        tabSelected: selected,
        drawingRelId: p.drawing?.relId,
        tableRelIds: p.tables.map((t) => t.relId),
        sheetNames,
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
    if (p.drawing) {
      const d = p.drawing;
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
        await zipOut.addText(d.charts[i].part, chartXml(sheet.charts[i], data, spec.lang));
    }
    const bounds = p.cells.bounds();
    report.sheets.push({
      key: sheet.key,
      name: sheet.name,
      part: p.part,
      status: p.status,
      rows: bounds ? bounds.r2 + 1 : 0,
      tables: p.tables.map((t) => t.name),
      charts: sheet.charts.length,
    });
  }
  report.bytes = await zipOut.end();
  return report;
}
