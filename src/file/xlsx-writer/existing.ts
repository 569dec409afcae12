/**
 * An existing workbook, opened for an update: its package structure (content types, relationships,
 * workbook, sheets) and which of its sheets Optima Achats owns.
 *
 * Ownership: the `optima.ownedSheets` custom property (sheet key → sheetId, layout version). A
 * workbook without it (written by an older version or by the add-in) is matched by sheet name
 * (French or English) **and** the stamp line in A2 ("… · Optima Achats x.y.z"), so that a user's
 * own sheet called "Paramètres" is never taken for ours.
 */
import type { Cell } from "../../core/model";
import { SHEET_NAMES } from "../../report/labels";
import { hasStamp, reportKeyOfName, STAMP_ROWS } from "../../report/recognise-sheet";
import type { SheetKey } from "../../report/spec";
import { InputError } from "../errors";
import { openXlsx, type XlsxBook } from "../xlsx-reader";
import { ZipArchive } from "../zip";
import { OWNED_PROPERTY, parseOwned, readCustomProperty } from "./doc-props";
import { relTypeIs } from "../../ooxml/rels";
import { parseRels, relsPathOf, resolveTarget, type Relationship } from "./rels";
import { parseWorkbookSheets, unsupportedWorkbook, type WorkbookSheet } from "./workbook-xml";

export interface ExistingSheet extends WorkbookSheet {
  /** Worksheet part ("xl/worksheets/sheet3.xml"); null for chart sheets and other kinds. */
  part: string | null;
  /** Relationship type ends with /worksheet. */
  isWorksheet: boolean;
}

export interface OwnedSheet {
  /** Index in `sheets`. */
  index: number;
  layoutVersion: number;
  /** From the custom property (true) or recognised by name and stamp (false). */
  recorded: boolean;
}

export interface ExistingPackage {
  path: string;
  /** The file as the user named it (messages). */
  label: string;
  zip: ZipArchive;
  contentTypesXml: string | null;
  rootRels: Relationship[];
  workbookPart: string;
  workbookXml: string;
  workbookRels: Relationship[];
  customPart: string | null;
  customXml: string | null;
  sheets: ExistingSheet[];
  owned: Map<SheetKey, OwnedSheet>;
}

const HINT =
  "Choisissez un autre fichier de sortie, ou enregistrez ce classeur depuis Excel au format .xlsx.";

async function text(zip: ZipArchive, part: string): Promise<string | null> {
  const e = zip.entry(part);
  return e ? zip.readText(e) : null;
}

async function relsOf(zip: ZipArchive, part: string): Promise<Relationship[]> {
  const xml = await text(zip, relsPathOf(part));
  return xml ? parseRels(xml) : [];
}

export async function openExisting(
  path: string,
  label = path,
  opened: { zip?: ZipArchive; book?: XlsxBook } = {}
): Promise<ExistingPackage> {
  const zip = opened.zip ?? (await ZipArchive.open(path, label));
  const contentTypesXml = await text(zip, "[Content_Types].xml");
  const rootRels = await relsOf(zip, "");
  const officeDoc = rootRels.find((r) => relTypeIs(r, "officeDocument") && !r.external);
  const workbookPart = officeDoc ? resolveTarget("", officeDoc.target) : "xl/workbook.xml";
  const workbookXml = await text(zip, workbookPart);
  if (workbookXml === null)
    throw new InputError(`n'est pas un classeur Excel (partie ${workbookPart} absente)`, {
      file: label,
      hint: HINT,
    });
  const problem = unsupportedWorkbook(workbookXml);
  if (problem) throw new InputError(problem, { file: label, hint: HINT });
  const workbookRels = await relsOf(zip, workbookPart);
  const relById = new Map(workbookRels.map((r) => [r.id, r]));
  const sheets: ExistingSheet[] = parseWorkbookSheets(workbookXml).map((s) => {
    const rel = relById.get(s.relId);
    const isWorksheet = rel !== undefined && !rel.external && rel.type.endsWith("/worksheet");
    return {
      ...s,
      part: rel && !rel.external ? resolveTarget(workbookPart, rel.target) : null,
      isWorksheet,
    };
  });
  const customRel = rootRels.find((r) => relTypeIs(r, "custom-properties") && !r.external);
  const customPart = customRel ? resolveTarget("", customRel.target) : null;
  const customXml = customPart ? await text(zip, customPart) : null;

  const owned = new Map<SheetKey, OwnedSheet>();
  const record = customXml ? readCustomProperty(customXml, OWNED_PROPERTY) : null;
  if (record !== null) {
    for (const r of parseOwned(record)) {
      if (!(r.key in SHEET_NAMES)) continue;
      const index = sheets.findIndex((s) => s.sheetId === r.sheetId && s.isWorksheet);
      if (index >= 0 && ![...owned.values()].some((o) => o.index === index))
        owned.set(r.key, { index, layoutVersion: r.layoutVersion, recorded: true });
    }
  } else {
    // No record: our sheet names with our stamp in rows 1–2 (report/recognise-sheet.ts).
    const candidates: { key: SheetKey; index: number }[] = [];
    const seen = new Set<SheetKey>();
    sheets.forEach((s, index) => {
      const key = s.isWorksheet ? reportKeyOfName(s.name) : null;
      if (key === null || seen.has(key)) return;
      seen.add(key);
      candidates.push({ key, index });
    });
    if (candidates.length > 0) {
      const book = opened.book ?? (await openXlsx(path, { label, zip }));
      for (const c of candidates) {
        const top: Cell[][] = [];
        await book.readRows(sheets[c.index].name, (row: Cell[], n: number) => {
          if (n <= STAMP_ROWS) top[n - 1] = row;
          return n >= STAMP_ROWS ? "stop" : undefined;
        });
        if (hasStamp(top)) owned.set(c.key, { index: c.index, layoutVersion: 1, recorded: false });
      }
    }
  }
  return {
    path,
    label,
    zip,
    contentTypesXml,
    rootRels,
    workbookPart,
    workbookXml,
    workbookRels,
    customPart,
    customXml,
    sheets,
    owned,
  };
}

/** Every relationship part of the package: source part → internal target parts. */
export async function relationshipGraph(pkg: ExistingPackage): Promise<Map<string, string[]>> {
  const graph = new Map<string, string[]>();
  for (const e of pkg.zip.entries) {
    const m = /^(.*?)_rels\/([^/]*)\.rels$/i.exec(e.name);
    if (!m) continue;
    const source = m[1] + m[2];
    const rels = parseRels(await pkg.zip.readText(e));
    graph.set(
      source.toLowerCase(),
      rels.filter((r) => !r.external).map((r) => resolveTarget(source, r.target))
    );
  }
  return graph;
}
