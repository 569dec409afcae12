/** The failures of the workbook port, each with a stable code (see gateway.ts, contract point 5). */

export type GatewayErrorCode =
  | "tableNotFound"
  | "sheetNotFound"
  | "tooLarge"
  | "busy"
  /** Another runtime (the pane, the ribbon command) is writing to the workbook (task-lock.ts). */
  | "taskLocked"
  | "timeout"
  | "aborted"
  | "cellEditMode"
  | "protected"
  | "unsupported"
  | "unknown";

/** Every gateway failure. `detail` is technical (console only), never shown as such. */
export class GatewayError extends Error {
  constructor(
    readonly code: GatewayErrorCode,
    readonly detail = "",
    /** Table or sheet concerned, when there is one (used in the user message). */
    readonly subject = ""
  ) {
    super(detail || code);
    this.name = "GatewayError";
  }
}
