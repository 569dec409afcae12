/**
 * The structure of a workbook package, read from its small parts (package and workbook
 * relationships, workbook.xml, table definitions): worksheets in order with their Excel tables,
 * the 1904 date system, the shared strings part. Cells are not read here.
 *
 * The package is reached through `PackageParts` (the node reader reads a file, the browser reader
 * memory). Problems are OoxmlPackageErrors with a French clause for the reader's message.
 */
import { parseRange, type CellRange } from "./a1";
import { parseRels, relsPathOf, relTypeIs, resolveTarget, type Relationship } from "./rels";
import { elementsOf, xmlTrue } from "./xml";

export interface PackageParts {
  has(part: string): boolean;
  /** A small part as text. */
  text(part: string): Promise<string>;
}

export interface WorkbookTable {
  /** Name shown in Excel (displayName). */
  name: string;
  /** "A3:X200". */
  ref: string;
  range: CellRange;
  /** Header rows at the top of the range (1, or 0 for a table without header row). */
  headerRowCount: number;
  /** Totals rows at the bottom of the range (0 or 1). */
  totalsRowCount: number;
}

export interface WorkbookSheet {
  name: string;
  sheetId: number;
  tables: WorkbookTable[];
  /** Hidden or very hidden in Excel. */
  hidden: boolean;
  /** The worksheet part. */
  part: string;
}

export interface WorkbookStructure {
  workbookPart: string;
  /** Worksheets in workbook order (chart, dialog and macro sheets are left out). */
  sheets: WorkbookSheet[];
  date1904: boolean;
  sharedStringsPart: string | null;
  /** The custom properties part (docProps/custom.xml), if any. */
  customPropertiesPart: string | null;
}

export type PackageProblem = "notWorkbook" | "otherDocument" | "binaryWorkbook" | "badTable";

/** What is wrong with the package: `problem` is a French clause ("n'est pas …"). */
export class OoxmlPackageError extends Error {
  constructor(
    readonly code: PackageProblem,
    readonly problem: string,
    readonly sheet?: string
  ) {
    super(problem);
    this.name = "OoxmlPackageError";
  }
}

async function relsOf(pkg: PackageParts, part: string): Promise<Relationship[]> {
  const path = relsPathOf(part);
  if (!pkg.has(path)) return [];
  return parseRels(await pkg.text(path)).map((r) => ({
    ...r,
    target: r.external ? r.target : resolveTarget(part, r.target),
  }));
}

const missing = (part: string) =>
  new OoxmlPackageError(
    "notWorkbook",
    `ne contient pas de classeur Excel (partie ${part} absente) : ce n'est pas un fichier .xlsx valide`
  );

/** The workbook part: from the package relationships, else the usual place. */
async function workbookPartOf(pkg: PackageParts): Promise<{ part: string; rootRels: Relationship[] }> {
  const rootRels = await relsOf(pkg, "");
  const officeDoc = rootRels.find((r) => relTypeIs(r, "officeDocument") && !r.external);
  const part = officeDoc && pkg.has(officeDoc.target) ? officeDoc.target : "xl/workbook.xml";
  if (/\.bin$/i.test(part) || pkg.has("xl/workbook.bin")) {
    throw new OoxmlPackageError(
      "binaryWorkbook",
      "est un classeur binaire Excel (.xlsb), que l'outil ne lit pas, même renommé en .xlsx"
    );
  }
  if (!pkg.has(part)) {
    if (pkg.has("word/document.xml") || pkg.has("ppt/presentation.xml") || pkg.has("content.xml"))
      throw new OoxmlPackageError(
        "otherDocument",
        "n'est pas un classeur Excel (c'est un autre type de document)"
      );
    throw missing(part);
  }
  return { part, rootRels };
}

async function tablesOf(pkg: PackageParts, sheetPart: string, sheet: string): Promise<WorkbookTable[]> {
  const tables: WorkbookTable[] = [];
  for (const tr of await relsOf(pkg, sheetPart)) {
    if (!relTypeIs(tr, "table") || tr.external) continue;
    if (!pkg.has(tr.target)) throw missing(tr.target);
    const t = elementsOf(await pkg.text(tr.target), "table")[0];
    const range = t?.ref ? parseRange(t.ref) : null;
    if (!t || !range) {
      throw new OoxmlPackageError(
        "badTable",
        `n'est pas lisible : la définition d'un tableau de la feuille « ${sheet} » est endommagée`,
        sheet
      );
    }
    tables.push({
      name: t.displayName || t.name || tr.target,
      ref: t.ref,
      range,
      headerRowCount: t.headerRowCount === undefined ? 1 : Number(t.headerRowCount) || 0,
      totalsRowCount: Number(t.totalsRowCount ?? 0) || 0,
    });
  }
  return tables.sort(
    (a, b) => a.range.firstRow - b.range.firstRow || a.range.firstCol - b.range.firstCol
  );
}

export async function readWorkbookStructure(pkg: PackageParts): Promise<WorkbookStructure> {
  const { part: workbookPart, rootRels } = await workbookPartOf(pkg);
  const workbookXml = await pkg.text(workbookPart);
  const workbookPr = elementsOf(workbookXml, "workbookPr")[0] ?? {};
  const rels = await relsOf(pkg, workbookPart);
  const relById = new Map(rels.map((r) => [r.id, r]));
  const sstRel = rels.find((r) => relTypeIs(r, "sharedStrings") && !r.external);
  const customRel = rootRels.find((r) => relTypeIs(r, "custom-properties") && !r.external);
  const sheets: WorkbookSheet[] = [];
  for (const s of elementsOf(workbookXml, "sheet")) {
    const name = s.name ?? "";
    const rel = relById.get(s["r:id"] ?? s.id ?? "");
    if (!rel || rel.external || !relTypeIs(rel, "worksheet")) continue;
    if (!pkg.has(rel.target)) throw missing(rel.target);
    sheets.push({
      name,
      sheetId: Number(s.sheetId) || 0,
      tables: await tablesOf(pkg, rel.target, name),
      hidden: s.state === "hidden" || s.state === "veryHidden",
      part: rel.target,
    });
  }
  return {
    workbookPart,
    sheets,
    date1904: xmlTrue(workbookPr.date1904),
    sharedStringsPart: sstRel && pkg.has(sstRel.target) ? sstRel.target : null,
    customPropertiesPart: customRel && pkg.has(customRel.target) ? customRel.target : null,
  };
}
