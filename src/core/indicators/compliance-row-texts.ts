/**
 * The compliance texts of the CO and PF detail rows: legal basis, why an alert is only a signal to
 * check, what would clear it, what an exclusion covers, what a Loi Climat gap is about. One place
 * decides their form for every row type: catalogue messages, rendered by the sheets in the
 * reader's language.
 */
import type { Message } from "../messages/render";
import { messageOf, textOf, type CodedText, type MessageCode, type MessageParams } from "./compliance-messages";

/** A compliance text of a detail row. */
export type RowText = Message;

/** Several compliance texts in one cell (e.g. the two articles of a Loi Climat gap). */
export type RowTexts = readonly Message[];

/** The row text of a compliance code. */
export function rowText(code: MessageCode, params: MessageParams = {}): RowText {
  return textOf(code, params);
}

/** The row text of a coded text already built (e.g. by the splitting analysis). */
export function rowTextOf(t: CodedText): RowText {
  return messageOf(t);
}

/** The row texts of several codes, in one cell. */
export function rowTexts(codes: readonly MessageCode[]): RowTexts {
  return codes.map((c) => rowText(c));
}

/** What a CO1 exclusion covers. */
export type ExclusionScope = "famille" | "fournisseur" | "article";

/** The row text of what a CO1 exclusion covers. */
export function exclusionScopeText(scope: ExclusionScope): RowText {
  const codes = { famille: "CO1.scopeFamily", fournisseur: "CO1.scopeSupplier", article: "CO1.scopeArticle" } as const;
  return { code: codes[scope] };
}

/** What a Loi Climat gap is about. */
export type Consideration =
  "environnementale" | "critère environnemental" | "clause environnementale" | "sociale";

/** The row text of the consideration a Loi Climat gap is about. */
export function considerationText(consideration: Consideration): RowText {
  const codes = {
    environnementale: "CO5.considerationEnvironmental",
    "critère environnemental": "CO5.considerationCriterion",
    "clause environnementale": "CO5.considerationClause",
    sociale: "CO5.considerationSocial",
  } as const;
  return { code: codes[consideration] };
}
