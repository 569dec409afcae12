/**
 * Errors of the Excel adapter. Everything leaving src/excel is a `GatewayError` (the pane turns its
 * code into a sentence, see src/taskpane/errors.ts); the subclasses add what the adapter knows:
 *
 * - `ExcelTimeoutError`: a `context.sync()` (or Excel.run itself) did not settle in time (office-js
 *   #6678: it can wait forever). French message, `retryable: true`: the pane offers "Réessayer".
 * - `ExcelGatewayError`: any other Office failure, with the Office error code kept in `officeCode`
 *   and whether trying again may help.
 */
import { GatewayError, type GatewayErrorCode } from "../workbook/errors";
import { isPayloadError } from "./payload";

export type TimeoutPhase = "sync" | "start" | "finish";

function seconds(ms: number): string {
  return String(Math.round(ms / 10) / 100).replace(".", ",");
}

/** French sentence of a timeout: what happened and what to do. */
export function timeoutMessage(timeoutMs: number, phase: TimeoutPhase): string {
  const what =
    phase === "start"
      ? `Excel n'a pas commencé l'opération après ${seconds(timeoutMs)} s`
      : `Excel ne répond plus depuis ${seconds(timeoutMs)} s`;
  return (
    `${what} : l'opération a été interrompue et le classeur n'a pas été modifié par cette étape. ` +
    "Si une cellule est en cours de modification, validez-la (Entrée) ou quittez-la (Échap), " +
    "enregistrez le classeur, puis cliquez sur « Réessayer »."
  );
}

/** A batch that did not settle within the watchdog's delay. */
export class ExcelTimeoutError extends GatewayError {
  readonly retryable = true;

  constructor(
    readonly timeoutMs: number,
    readonly phase: TimeoutPhase = "sync"
  ) {
    super("timeout", timeoutMessage(timeoutMs, phase));
    this.name = "ExcelTimeoutError";
  }
}

/** An Office failure mapped to a gateway code. */
export class ExcelGatewayError extends GatewayError {
  constructor(
    code: GatewayErrorCode,
    detail: string,
    subject = "",
    readonly officeCode = "",
    readonly retryable = false
  ) {
    super(code, detail, subject);
    this.name = "ExcelGatewayError";
  }
}

/** The Office error code of a thrown value ("" when none). */
export function officeCode(error: unknown): string {
  if (
    typeof error === "object" &&
    error !== null &&
    typeof (error as { code?: unknown }).code === "string"
  ) {
    return (error as { code: string }).code;
  }
  return "";
}

function describe(error: unknown): string {
  const code = officeCode(error);
  const msg = error instanceof Error ? error.message : String(error);
  const debug = (error as { debugInfo?: { errorLocation?: string } } | null)?.debugInfo
    ?.errorLocation;
  return [code, msg, debug ? `(${debug})` : ""].filter(Boolean).join(" ");
}

/**
 * Any thrown value as a GatewayError (GatewayErrors pass through). `notFound` says which code an
 * ItemNotFound means here ("tableNotFound" when reading a table, "sheetNotFound" otherwise).
 */
export function toGatewayError(
  error: unknown,
  subject = "",
  notFound: GatewayErrorCode = "sheetNotFound"
): GatewayError {
  if (error instanceof GatewayError) return error;
  if (error instanceof DOMException && error.name === "AbortError")
    return new GatewayError("aborted", "Opération annulée");
  const code = officeCode(error);
  const detail = describe(error);
  const make = (c: GatewayErrorCode, retryable: boolean) =>
    new ExcelGatewayError(c, detail, subject, code, retryable);
  if (isPayloadError(error)) return make("tooLarge", true);
  switch (code) {
    case "InvalidOperationInCellEditMode":
      return make("cellEditMode", true);
    case "ItemNotFound":
      return make(notFound, false);
    case "AccessDenied":
    case "InsertDeleteConflict":
      return make("protected", false);
    case "ActivityLimitReached":
    case "Conflict":
    case "ServiceNotAvailable":
    case "Unavailable":
    case "Timeout":
      return make("busy", true);
    case "RangeExceedsLimit":
    case "OperationCellsExceedLimit":
      return make("tooLarge", false);
    case "ApiNotFound":
    case "UnsupportedOperation":
    case "UnsupportedFeature":
      return make("unsupported", false);
    default:
      if (/protect/i.test(detail)) return make("protected", false);
      return make("unknown", code === "GeneralException");
  }
}

/** Whether trying the same action again may succeed (timeouts, busy host, cell edit, payload). */
export function isRetryable(error: unknown): boolean {
  return (
    typeof error === "object" &&
    error !== null &&
    (error as { retryable?: unknown }).retryable === true
  );
}
