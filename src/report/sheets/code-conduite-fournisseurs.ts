/** Code de conduite des fournisseurs (issue #14): a document sheet, written on request. */
import { codeFournisseurs } from "../documents/code-fournisseurs.fr";
import { documentFacts } from "../documents/facts";
import type { BuildContext } from "../layout";
import type { SheetSpec } from "../spec";
import { buildDocumentSheet } from "./document-layout";

export function buildCodeConduiteFournisseurs(ctx: BuildContext): SheetSpec {
  const facts = documentFacts(ctx.analysis, ctx.stamp.runDate);
  return buildDocumentSheet(ctx, "codeFournisseurs", codeFournisseurs(facts), "#7030A0");
}
