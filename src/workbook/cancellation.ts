/** Cancellation of long workbook operations: an AbortSignal checked between batches. */
import { GatewayError } from "./errors";

/** Rejects with GatewayError("aborted") when the signal is aborted. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new GatewayError("aborted", "Opération annulée");
}
