/** Charte de déontologie de l'achat public (issue #14): a document sheet, written on request. */
import { charteDeontologie } from "../documents/charte.fr";
import { documentFacts } from "../documents/facts";
import type { BuildContext } from "../layout";
import type { SheetSpec } from "../spec";
import { buildDocumentSheet } from "./document-layout";

export function buildCharteDeontologie(ctx: BuildContext): SheetSpec {
  const facts = documentFacts(ctx.analysis, ctx.stamp.runDate);
  return buildDocumentSheet(ctx, "charte", charteDeontologie(facts), "#7030A0");
}
