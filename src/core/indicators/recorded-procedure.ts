/**
 * When the recorded procedure of a contract cannot be taken at its word (issue #10, « no alert a
 * buyer refutes in ten seconds »):
 * - a marché subséquent of an accord-cadre (DECP nature « Marché subséquent ») recorded « sans
 *   publicité ni mise en concurrence »: it is awarded under the accord-cadre's own procedure
 *   (R2162-7 to R2162-12), not by a direct award of its own (one recorded as a MAPA stays a
 *   signal: the accord-cadre's value is at least the call-off's, R2121-8);
 * - an object that names another procedure than the one recorded (« AOO ASSURANCES … » recorded
 *   « sans publicité »; « appel d'offres » recorded as a MAPA): the record contradicts itself.
 * Such contracts are not counted as direct awards above a threshold (PF4), procedures
 * inconsistent with the amount (CO3) or repeated direct awards (CO4): they are listed apart, as
 * data to correct.
 */
import type { ContractLine } from "../model";
import { toEuros } from "../money";
import { normalizeKey } from "../text";
import { coded } from "./compliance-messages";
import { rowText, rowTextOf, type RowText } from "./compliance-row-texts";
import { DIRECT_AWARD } from "./performance";

const MAPA = "Procédure adaptée";

export type ProcedureDoubt =
  | { reason: "subsequent" }
  | { reason: "object"; term: string };

/**
 * Competitive procedures an object may name (normalised words → the term shown): the acronyms
 * anywhere, the words only at the start (« Assistance pour l'appel d'offres… » is a service
 * about a tender, not the tender).
 */
const FORMAL = [
  { re: /\baoo\b/, term: "AOO" },
  { re: /\baor\b/, term: "AOR" },
  { re: /^appel d offres?\b/, term: "appel d'offres" },
  { re: /^dialogue competitif\b/, term: "dialogue compétitif" },
];
const ADAPTED = [
  { re: /\bmapa\b/, term: "MAPA" },
  { re: /^procedure adaptee\b/, term: "procédure adaptée" },
];

/** Why the recorded procedure of a direct award or a MAPA is doubtful, or null. */
export function procedureDoubt(
  c: Pick<ContractLine, "procedure" | "techniques" | "description">
): ProcedureDoubt | null {
  if (c.procedure !== DIRECT_AWARD && c.procedure !== MAPA) return null;
  // « Sans publicité » on a call-off is the call-off's own step; a MAPA on a call-off above a
  // threshold is the accord-cadre's procedure, whose value (R2121-8) is at least the call-off's:
  // that one stays a signal.
  if (
    c.procedure === DIRECT_AWARD &&
    c.techniques !== null &&
    normalizeKey(c.techniques).includes("marche subsequent")
  )
    return { reason: "subsequent" };
  if (c.description === null) return null;
  const object = normalizeKey(c.description);
  const named = [...FORMAL, ...(c.procedure === DIRECT_AWARD ? ADAPTED : [])].find((p) =>
    p.re.test(object)
  );
  return named ? { reason: "object", term: named.term } : null;
}

/** A contract whose recorded procedure is doubtful: listed apart, not counted (PF4, CO3). */
export type ProcedureToCorrectRow = {
  contractRef: string;
  entity: string;
  description: string | null;
  procedure: string;
  amount: number | null;
  /** « marché subséquent », or « objet » (the object names another procedure). */
  reason: "marché subséquent" | "objet";
  message: RowText;
  messageCode: string;
  legalBasis: RowText;
  clear: RowText;
  clearCode: string;
};

export function procedureToCorrectRow(c: ContractLine, doubt: ProcedureDoubt): ProcedureToCorrectRow {
  const procedure = c.procedure ?? c.procedureRaw ?? "";
  const text =
    doubt.reason === "subsequent"
      ? coded("procedure.subsequent", { ref: c.contractRef, procedure })
      : coded("procedure.objectNames", { ref: c.contractRef, procedure, term: doubt.term });
  return {
    contractRef: c.contractRef,
    entity: c.entity,
    description: c.description,
    procedure,
    amount: c.amountCents === null ? null : toEuros(c.amountCents),
    reason: doubt.reason === "subsequent" ? "marché subséquent" : "objet",
    message: rowTextOf(text),
    messageCode: text.code,
    legalBasis: rowText(doubt.reason === "subsequent" ? "law.subsequent" : "law.decpData"),
    clear: rowText("clear.procedureData"),
    clearCode: "clear.procedureData",
  };
}
