/**
 * The compliance texts of the CO and PF detail rows: legal basis, why an alert is only a signal to
 * check, what would clear it, what an exclusion covers, what a Loi Climat gap is about. One place
 * decides their form for every row type: catalogue messages, rendered by the sheets in the
 * reader's language.
 */
import type { ContractEuThreshold } from "../reference/eu-thresholds";
import type { Message } from "../messages/render";
import type { SplittingSeverity } from "./splitting";
import {
  messageOf,
  messageOfParts,
  textOf,
  type CodedText,
  type MessageCode,
  type MessageParams,
} from "./compliance-messages";

/** A compliance text of a detail row. */
export type RowText = Message;

/** Several compliance texts in one cell (e.g. the two articles of a Loi Climat gap). */
export type RowTexts = readonly Message[];

/** The coded texts a compliance signal row carries with its message: the message's code and
 * parameters (machine-readable), the legal basis, and how to clear the signal (text and code). */
export type SignalCodes = {
  messageCode: string;
  messageParams: string;
  legalBasis: RowText;
  clear: RowText;
  clearCode: string;
};

/** The coded texts of a signal row that also says why it is a signal. */
export type ExplainedSignalCodes = SignalCodes & { why: RowText };

/** The row text of a compliance code. */
export function rowText(code: MessageCode, params: MessageParams = {}): RowText {
  return textOf(code, params);
}

/** The row text of a coded text already built (e.g. by the splitting analysis). */
export function rowTextOf(t: CodedText): RowText {
  return messageOf(t);
}

/** The row text of a text built in parts (main sentence, then its notes). */
export function rowTextOfParts(parts: readonly CodedText[]): RowText {
  return messageOfParts(parts);
}

/** The row texts of several codes, in one cell. */
export function rowTexts(codes: readonly MessageCode[]): RowTexts {
  return codes.map((c) => rowText(c));
}

/** What a CO1 exclusion covers. */
export type ExclusionScope = "famille" | "fournisseur" | "article";

/** The row text of what a CO1 exclusion covers. */
export function exclusionScopeText(scope: ExclusionScope): RowText {
  const codes = {
    famille: "CO1.scopeFamily",
    fournisseur: "CO1.scopeSupplier",
    article: "CO1.scopeArticle",
  } as const;
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

/** The severity of a CO1 signal, as the sheet shows it. */
export function severityText(severity: SplittingSeverity): RowText {
  const codes = {
    "à vérifier": "CO1.severity.toCheck",
    élevée: "CO1.severity.high",
    "très élevée": "CO1.severity.veryHigh",
  } as const;
  return { code: codes[severity] };
}

/** What a CO1 signal groups: a family, or a works operation (R2121-5). */
export function groupedByText(groupedBy: "famille" | "opération"): RowText {
  return { code: groupedBy === "famille" ? "CO1.groupedBy.family" : "CO1.groupedBy.operation" };
}

/** The status of works lines without an operation (listed, not summed). */
export function worksWithoutOperationStatusText(): RowText {
  return { code: "CO1.status.worksWithoutOperation" };
}

/** The pattern of a CO4 row. */
export function repeatPatternText(
  pattern: "marchés sans publicité répétés" | "achats hors marché répétés"
): RowText {
  return {
    code:
      pattern === "marchés sans publicité répétés"
        ? "CO4.pattern.directAwards"
        : "CO4.pattern.offContract",
  };
}

/** What is wrong with a CO3 contract. */
export type ProcedureIssue =
  | "MAPA au-dessus du seuil européen"
  | "MAPA pour un lot d'une consultation au-dessus du seuil européen"
  | "Sans publicité au-dessus du seuil européen";

/** The row text of a CO3 issue. */
export function procedureIssueText(issue: ProcedureIssue): RowText {
  const codes = {
    "MAPA au-dessus du seuil européen": "CO3.issue.mapa",
    "MAPA pour un lot d'une consultation au-dessus du seuil européen": "CO3.issue.lot",
    "Sans publicité au-dessus du seuil européen": "CO3.issue.directAward",
  } as const;
  return { code: codes[issue] };
}

/** The date an EU threshold is read at: the launch of the consultation, else the notification. */
export function thresholdBasisText(basis: ContractEuThreshold["basis"]): RowText {
  return { code: basis === "lancement" ? "CO3.basis.launch" : "CO3.basis.notification" };
}

/** The status of a CO5 row: consideration missing, not filled, or launch date unknown. */
export function loiClimatStatusText(
  status: "absente" | "non renseignée" | "à vérifier (date de lancement inconnue)"
): RowText {
  const codes = {
    absente: "CO5.status.absent",
    "non renseignée": "CO5.status.notFilled",
    "à vérifier (date de lancement inconnue)": "CO5.status.launchUnknown",
  } as const;
  return { code: codes[status] };
}

/**
 * The nature of a CO row as the sheet shows it: the texts of the rules ("Non renseignée",
 * "Fournitures / Services") in the reader's language, a nature of the data as it is.
 */
export function natureText(nature: string): RowText | string {
  if (nature === "Non renseignée") return { code: "compliance.natureUnknown" };
  if (nature === "Fournitures / Services") return { code: "compliance.natureSuppliesServices" };
  return nature;
}
