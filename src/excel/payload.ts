/**
 * Payload arithmetic for Office.js batches.
 *
 * Excel on the web rejects a request or a response above 5 MB (`RequestPayloadSizeLimitExceeded`,
 * `ResponsePayloadSizeLimitExceeded`), and no platform returns more than 5 000 000 cells from one
 * `load("values")`. We promise less: **no request and no response above 4 MB** (PAYLOAD_LIMIT_BYTES),
 * planned with a margin (the *_TARGET_BYTES below) because a response is only measured after the
 * fact.
 *
 * What a payload weighs (docs/excel/performance.md: "number of API calls + number of objects + length
 * of values"): we count the UTF-8 length of the JSON of every value, number format or formula array
 * sent or received, plus CALL_OVERHEAD_BYTES per queued call (method name, object path ids). The
 * estimate errs on the heavy side: the recording fake in tests/excel counts the JSON only.
 *
 * Errors: `isPayloadError` recognises the size errors (and the "PayloadTooLarge"-like messages some
 * hosts give); `isRetryableBySplitting` adds the generic internal error that Excel on the web gives
 * for oversized writes (office-js-docs-reference #354, office-js #1314) — used for reads only,
 * which are idempotent.
 */

/** Hard promise: no request and no response above this many bytes. */
export const PAYLOAD_LIMIT_BYTES = 4_000_000;
/** What a write batch is filled up to (estimate, overhead included). */
export const REQUEST_TARGET_BYTES = 3_500_000;
/** What a read chunk is sized for (estimate × READ_SAFETY must stay under the limit). */
export const RESPONSE_TARGET_BYTES = 3_300_000;
/** Margin on the bytes-per-row estimate of a read (a chunk may be denser than the previous ones). */
export const READ_SAFETY = 1.1;
/** Excel's limit on the cells of one read (all platforms). */
export const MAX_READ_CELLS = 5_000_000;
/** Largest single values/formats write: big blocks are cut so that batches pack well. */
export const MAX_WRITE_CHUNK_BYTES = 1_000_000;
/** Estimated bytes of one queued call (method, object path, ids). */
export const CALL_OVERHEAD_BYTES = 160;
/**
 * Prior for the first read chunk, before anything is measured: bytes per cell. Pessimistic on
 * purpose (typical source cells weigh 10–20 bytes of JSON): the first chunk is the probe that sizes
 * the next ones, and it must stay under the limit even for wide rows of long texts.
 */
export const PRIOR_BYTES_PER_CELL = 200;
/** Bounds of a read chunk, in rows. */
export const MIN_READ_ROWS = 1;
export const MAX_READ_ROWS = 200_000;
/** Rows of the first read chunk at most (it is also the probe that sizes the next ones). */
export const FIRST_READ_ROWS = 5_000;

/** UTF-8 length of a string (what goes on the wire), without allocating. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/** UTF-8 bytes of the JSON of a value (0 for undefined). */
export function jsonBytes(value: unknown): number {
  const s = JSON.stringify(value);
  return s === undefined ? 0 : utf8Length(s);
}

/** JSON bytes of every row of a 2D array, and of the whole array (`[` `]` and commas included). */
export function rowBytes(rows: readonly unknown[][]): { perRow: number[]; total: number } {
  const perRow = rows.map((r) => jsonBytes(r));
  const total = perRow.reduce((a, b) => a + b, 0) + Math.max(0, rows.length - 1) + 2;
  return { perRow, total };
}

/**
 * Cuts rows [0, n) into consecutive slices whose JSON stays under maxBytes (a single row heavier
 * than maxBytes gets a slice of its own). `perRow` comes from rowBytes.
 */
export function sliceByBytes(
  perRow: readonly number[],
  maxBytes: number
): { start: number; end: number; bytes: number }[] {
  // "[" + rows joined by "," + "]": 1 + Σ (row + 1).
  const out: { start: number; end: number; bytes: number }[] = [];
  let start = 0;
  let bytes = 1;
  for (let i = 0; i < perRow.length; i++) {
    const add = perRow[i] + 1;
    if (i > start && bytes + add > maxBytes) {
      out.push({ start, end: i, bytes });
      start = i;
      bytes = 1;
    }
    bytes += add;
  }
  if (perRow.length > start) out.push({ start, end: perRow.length, bytes });
  return out;
}

/**
 * Rows of the next read chunk: as many as fit in `targetBytes` at `bytesPerRow` (with the safety
 * margin), never more than MAX_READ_CELLS cells, nor more rows than remain.
 */
export function rowsPerChunk(options: {
  columns: number;
  bytesPerRow: number;
  remaining: number;
  targetBytes?: number;
  maxRows?: number;
}): number {
  const columns = Math.max(1, options.columns);
  const target = options.targetBytes ?? RESPONSE_TARGET_BYTES;
  const perRow = Math.max(1, options.bytesPerRow) * READ_SAFETY;
  const byBytes = Math.floor(target / perRow);
  const byCells = Math.floor(MAX_READ_CELLS / columns);
  const rows = Math.min(byBytes, byCells, options.maxRows ?? MAX_READ_ROWS, options.remaining);
  return Math.max(Math.min(MIN_READ_ROWS, options.remaining), rows);
}

/**
 * Running estimate of the JSON bytes of one row of a table being read: the larger of the mean so
 * far and the mean of the last chunk (a denser stretch of rows raises it at once).
 */
export class RowSizeEstimator {
  private rows = 0;
  private bytes = 0;
  private last = 0;

  constructor(private readonly prior: number) {}

  observe(rows: number, bytes: number): void {
    if (rows <= 0) return;
    this.rows += rows;
    this.bytes += bytes;
    this.last = bytes / rows;
  }

  get bytesPerRow(): number {
    if (this.rows === 0) return this.prior;
    return Math.max(this.bytes / this.rows, this.last);
  }
}

function errorCode(error: unknown): string {
  if (typeof error !== "object" || error === null) return "";
  const e = error as { code?: unknown; name?: unknown };
  return typeof e.code === "string" ? e.code : "";
}

function errorText(error: unknown): string {
  if (error instanceof Error) return `${error.name} ${error.message}`;
  return String(error);
}

const PAYLOAD_CODES = new Set([
  "RequestPayloadSizeLimitExceeded",
  "ResponsePayloadSizeLimitExceeded",
  "PayloadTooLarge",
  "RequestEntityTooLarge",
]);

/** A request or response size error (the batch was not executed, or its answer not returned). */
export function isPayloadError(error: unknown): boolean {
  if (PAYLOAD_CODES.has(errorCode(error))) return true;
  return /payload.{0,20}(size|limit|large)|too large|size limit|entity too large|\b413\b/i.test(
    errorText(error)
  );
}

/** Errors worth a retry with a smaller block (reads): size errors and the web's generic failure. */
export function isRetryableBySplitting(error: unknown): boolean {
  if (isPayloadError(error)) return true;
  const code = errorCode(error);
  return (
    code === "GeneralException" ||
    code === "InternalServerError" ||
    code === "RangeExceedsLimit" ||
    code === "OperationCellsExceedLimit"
  );
}
