/**
 * The compliance texts of the CO and PF detail rows: legal basis, why an alert is only a signal to
 * check, what would clear it. One place decides their form for every row type: today the French
 * text of ./compliance-messages.ts (and the French word of an exclusion scope or a Loi Climat
 * consideration); when those texts become catalogue messages, `RowText` becomes a Message
 * (`RowTexts` a list of them) and these functions return them — rows, row types and sheets (which
 * render strings and messages alike) need no other change.
 */
import { coded, type CodedText, type MessageCode, type MessageParams } from "./compliance-messages";

/** A compliance text of a detail row. */
export type RowText = string;

/** Several compliance texts in one cell (e.g. the two articles of a Loi Climat gap). */
export type RowTexts = string;

/** The row text of a compliance code. */
export function rowText(code: MessageCode, params: MessageParams = {}): RowText {
  return coded(code, params).fr;
}

/** The row text of a coded text already built (e.g. by the splitting analysis). */
export function rowTextOf(t: CodedText): RowText {
  return t.fr;
}

/** The row texts of several codes, in one cell (joined with " ; "). */
export function rowTexts(codes: readonly MessageCode[]): RowTexts {
  return codes.map((c) => rowText(c)).join(" ; ");
}

/** What a CO1 exclusion covers. */
export type ExclusionScope = "famille" | "fournisseur" | "article";

/** The row text of what a CO1 exclusion covers. */
export function exclusionScopeText(scope: ExclusionScope): RowText {
  return scope;
}

/** What a Loi Climat gap is about. */
export type Consideration =
  "environnementale" | "critère environnemental" | "clause environnementale" | "sociale";

/** The row text of the consideration a Loi Climat gap is about. */
export function considerationText(consideration: Consideration): RowText {
  return consideration;
}
