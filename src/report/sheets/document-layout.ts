/**
 * Layout shared by the policy-document sheets (charte de déontologie, code de conduite des
 * fournisseurs): title, how to adopt, then one block per article — its paragraphs in column B and
 * its legal basis in column C. Paragraphs holding a field to complete are styled as inputs (yellow)
 * so the buyer sees what is left to write. Plain blocks only, no Excel table: a regenerated version
 * sits beside the old one without any table-name clash.
 *
 * Rows 1–2 never name the product: a workbook without ownership record recognises Optima Achats'
 * sheets by their stamp line there, and a document must never be taken for one of ours.
 */
import { textCell } from "../cells";
import { FIELD_PATTERN, type PolicyDocument } from "../documents/facts";
import { SheetBuilder, type BuildContext } from "../layout";
import type { DocumentSheetKey, SheetSpec } from "../spec";

const COL_LABEL = 0;
const COL_TEXT = 1;
const COL_BASIS = 2;

function hasField(s: string): boolean {
  FIELD_PATTERN.lastIndex = 0;
  return FIELD_PATTERN.test(s);
}

export function buildDocumentSheet(
  ctx: BuildContext,
  key: DocumentSheetKey,
  doc: PolicyDocument,
  tabColor: string
): SheetSpec {
  const sb = new SheetBuilder(ctx, key, "document");
  sb.tabColor = tabColor;
  sb.width(COL_LABEL, 14);
  sb.width(COL_TEXT, 100);
  sb.width(COL_BASIS, 60);
  sb.line(0, 0, textCell(doc.title), "title", 3);
  sb.line(
    1,
    0,
    textCell(
      `Projet établi le ${ctx.stamp.runDate.split("-").reverse().join("/")} à partir de l'analyse des achats ${ctx.stamp.period.label}, à relire et adapter avant adoption. Les cellules jaunes sont à compléter.`
    ),
    "subtitle",
    3
  );
  let row = 3;
  for (const p of doc.intro) {
    sb.cell(row, COL_TEXT, textCell(p), hasField(p) ? "input" : "body");
    row++;
  }
  row++;
  sb.block(row, 0, [["Article", "Texte", "Fondement juridique et sources"]], { style: "header" });
  row++;
  doc.articles.forEach((a, i) => {
    sb.line(row, 0, textCell(a.title), "section", 3);
    row++;
    a.paragraphs.forEach((p, j) => {
      if (j === 0) sb.cell(row, COL_LABEL, `Art. ${i + 1}`, "body");
      sb.cell(row, COL_TEXT, textCell(p), hasField(p) ? "input" : "body");
      if (j === 0) sb.cell(row, COL_BASIS, textCell(a.basis), "note");
      row++;
    });
  });
  row++;
  for (const c of doc.closing) {
    sb.cell(row, COL_TEXT, textCell(c), hasField(c) ? "input" : "body");
    row++;
  }
  row++;
  sb.note(
    `Document préparé avec Optima Achats ${ctx.stamp.version} à partir des textes et guides publics cités (état du droit connu à cette date). Il ne remplace pas l'avis de votre service juridique. Cette feuille vous appartient : une nouvelle analyse ne la modifie pas ; « Régénérer » écrit une nouvelle version à côté.`,
    COL_TEXT,
    row
  );
  sb.frozen = { rows: 2, cols: 0 };
  return sb.build();
}
