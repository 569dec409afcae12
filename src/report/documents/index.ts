/**
 * The policy documents of issue #14 as a WorkbookSpec of their own: the charte de déontologie de
 * l'achat public and the code de conduite des fournisseurs, pre-filled from the analysis. Written
 * on request (CLI --documents, pane button), in mode "document": the renderers add them beside
 * the user's sheets and never rewrite them (see spec.ts SheetMode, ./naming.ts).
 */
import type { Analysis } from "../../core/analyse";
import { isoDate } from "../../core/dates";
import { formats } from "../cells";
import { emptyInputs } from "../inputs";
import type { BuildContext } from "../layout";
import { buildCharteDeontologie } from "../sheets/charte-deontologie";
import { buildCodeConduiteFournisseurs } from "../sheets/code-conduite-fournisseurs";
import type { DocumentSheetKey, Stamp, WorkbookSpec } from "../spec";
import { parametersSummary, type WorkbookOptions } from "../workbook";

export const DOCUMENT_KEYS: readonly DocumentSheetKey[] = ["charte", "codeFournisseurs"];

export { documentSheetName } from "./naming";

export function buildDocumentSheets(
  analysis: Analysis,
  options: Pick<WorkbookOptions, "runDate" | "sources" | "lang">,
  keys: readonly DocumentSheetKey[] = DOCUMENT_KEYS
): WorkbookSpec {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(options.runDate);
  if (!m) throw new Error(`Date d'exécution ISO attendue (AAAA-MM-JJ) : « ${options.runDate} »`);
  const lang = options.lang ?? "fr";
  const stamp: Stamp = {
    sources: [...options.sources],
    period: {
      label: analysis.period.label,
      start: isoDate(analysis.period.start),
      end: isoDate(analysis.period.end),
    },
    data: null,
    parameters: parametersSummary(analysis, lang),
    runDate: `${m[1]}-${m[2]}-${m[3]}`,
    version: analysis.version,
  };
  const ctx: BuildContext = {
    analysis,
    lang,
    f: formats(lang),
    stamp,
    inputs: emptyInputs(),
    tableNames: new Set(),
  };
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
