/**
 * The policy documents of issue #14 as a WorkbookSpec of their own: the charte de déontologie de
 * l'achat public and the code de conduite des fournisseurs, pre-filled from the analysis. Written
 * on request (CLI --documents, pane button), in mode "document": the renderers add them beside
 * the user's sheets and never rewrite them (see spec.ts SheetMode, ./naming.ts).
 */
import type { Analysis } from "../../core/analyse";
import { buildCharteDeontologie } from "../sheets/charte-deontologie";
import { buildCodeConduiteFournisseurs } from "../sheets/code-conduite-fournisseurs";
import type { DocumentSheetKey, WorkbookSpec } from "../spec";
import { buildContext, type WorkbookOptions } from "../workbook";

export const DOCUMENT_KEYS: readonly DocumentSheetKey[] = ["charte", "codeFournisseurs"];

export { documentSheetName } from "./naming";

export function buildDocumentSheets(
  analysis: Analysis,
  options: Pick<WorkbookOptions, "runDate" | "sources" | "lang">,
  keys: readonly DocumentSheetKey[] = DOCUMENT_KEYS
): WorkbookSpec {
  // The same context as the analysis workbook (run date checked, stamp), with no previous inputs.
  const ctx = buildContext(analysis, options);
  const { lang, stamp } = ctx;
  const builders = {
    charte: buildCharteDeontologie,
    codeFournisseurs: buildCodeConduiteFournisseurs,
  };
  return {
    version: analysis.version,
    lang,
    stamp,
    sheets: keys.map((k) => builders[k](ctx)),
  };
}
