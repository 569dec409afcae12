/**
 * Every failure the pane can show, as a plain sentence that says what happened and what to do
 * (French or English). Technical details go to the console and to a collapsed "Détail technique",
 * never a stack trace in the message, never alert() (office.js makes it throw).
 */
import { PeriodError } from "../core/period";
import { GatewayError, type GatewayErrorCode } from "../workbook/errors";
import { t, type Lang, type TextKey } from "./i18n";

export type PaneErrorCode =
  | GatewayErrorCode
  | "worker"
  | "noTables"
  | "missingColumns"
  | "noKind"
  | "period"
  | "noData"
  | "decpInvalid"
  | "decpEmpty"
  | "noSavedAnalysis"
  | "saveSettings"
  /** A file the user picked in the pane is not what was asked (the message names it). */
  | "badFile"
  | "cancelled";

/** A failure of the flow (not of the workbook): what the user must fix. */
export class PaneError extends Error {
  constructor(
    readonly code: PaneErrorCode,
    readonly subject = "",
    readonly detail = ""
  ) {
    super(detail || code);
    this.name = "PaneError";
  }
}

export interface UserMessage {
  code: PaneErrorCode;
  /** The sentence shown to the user. */
  message: string;
  /** Technical detail (collapsed), may be empty. */
  detail: string;
}

/** Whether an error means "the user cancelled" (nothing to report as a failure). */
export function isCancellation(error: unknown): boolean {
  return (
    (error instanceof GatewayError && error.code === "aborted") ||
    (error instanceof PaneError && error.code === "cancelled") ||
    (error instanceof DOMException && error.name === "AbortError")
  );
}

function messageKey(code: PaneErrorCode): TextKey | null {
  const key = `err_${code}`;
  return (
    (
      [
        "err_tableNotFound",
        "err_sheetNotFound",
        "err_tooLarge",
        "err_busy",
        "err_taskLocked",
        "err_timeout",
        "err_cellEditMode",
        "err_protected",
        "err_unsupported",
        "err_unknown",
        "err_worker",
        "err_noTables",
        "err_missingColumns",
        "err_noKind",
        "err_period",
        "err_noData",
        "err_decpInvalid",
        "err_decpEmpty",
        "err_noSavedAnalysis",
        "err_saveSettings",
      ] as const
    ).find((k) => k === key) ?? null
  );
}

/** The user-facing message of any thrown value. */
export function toUserMessage(error: unknown, lang: Lang): UserMessage {
  if (error instanceof PeriodError) {
    return { code: "period", message: error.message, detail: "" };
  }
  if (error instanceof GatewayError || error instanceof PaneError) {
    if (error.code === "aborted" || error.code === "cancelled") {
      return { code: "cancelled", message: t(lang, "cancelled"), detail: "" };
    }
    const key = messageKey(error.code) ?? "err_unknown";
    return {
      code: error.code,
      message: t(lang, key, { subject: error.subject, detail: error.detail }),
      detail: error.detail,
    };
  }
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { code: "unknown", message: t(lang, "err_unknown"), detail };
}

/** Logs the technical side of an error (console only). */
export function logError(context: string, error: unknown): void {
  console.warn(`[Optima Achats] ${context}:`, error instanceof Error ? error.message : error);
}
