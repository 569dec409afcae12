/**
 * Which report sheet a sheet is when nothing records it as ours: the workbook was written by the
 * command line and opened in Excel, by the add-in and given to the command line, or its record was
 * lost (settings cleared, sheet copied into a new workbook). The rule, the same for every front
 * end: the sheet has the name of one of our sheets (French or English) **and** its stamp line
 * (rows 1–2 hold « … · Optima Achats x.y.z »). A user's own sheet called « Paramètres » has no
 * stamp, so it is never taken for ours. Policy documents are left out: once written, they are the
 * user's (issue #14), whatever their name.
 */
import type { Cell } from "../core/model";
import { SHEET_NAMES } from "./labels";
import type { DocumentSheetKey, SheetKey } from "./spec";

/** The mark of our stamp line. */
export const STAMP_MARK = "Optima Achats";

/** Rows of a sheet read to find the stamp (rows 1 and 2). */
export const STAMP_ROWS = 2;

const DOCUMENT_KEYS: ReadonlySet<SheetKey> = new Set<DocumentSheetKey>([
  "charte",
  "codeFournisseurs",
]);

const KEY_BY_NAME: ReadonlyMap<string, SheetKey> = new Map(
  (Object.entries(SHEET_NAMES) as [SheetKey, readonly string[]][])
    .filter(([key]) => !DOCUMENT_KEYS.has(key))
    .flatMap(([key, names]) => names.map((n) => [n.trim().toLowerCase(), key] as const))
);

/** The key of the report sheet named `name` (either language, any case), documents excepted. */
export function reportKeyOfName(name: string): SheetKey | null {
  return KEY_BY_NAME.get(name.trim().toLowerCase()) ?? null;
}

/** Whether the first rows of a sheet hold our stamp. */
export function hasStamp(topRows: readonly (readonly Cell[] | undefined)[]): boolean {
  return topRows
    .slice(0, STAMP_ROWS)
    .some((row) => row?.some((v) => typeof v === "string" && v.includes(STAMP_MARK)) ?? false);
}

/** The report sheet this unrecorded sheet is (name and stamp), or null. */
export function recognisedReportSheet(
  name: string,
  topRows: readonly (readonly Cell[] | undefined)[]
): SheetKey | null {
  const key = reportKeyOfName(name);
  return key !== null && hasStamp(topRows) ? key : null;
}
