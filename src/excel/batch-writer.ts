/**
 * Write operations packed into few, large batches — by payload, not by sheet.
 *
 * A `WriteOp` is a closure that queues Office.js calls, with the request bytes it adds (JSON of the
 * values or formats it sends + CALL_OVERHEAD_BYTES per call). `executeOps` packs consecutive ops into
 * batches of at most REQUEST_TARGET_BYTES and syncs once per batch, so a run over twelve sheets
 * takes a handful of round trips, and a 135 000-row table is cut into as many batches as its bytes
 * need. Order is kept: formats before values, values before `tables.add`, styles after.
 *
 * Ops never hold proxies across batches: they look objects up by name through a `Resolver` that is
 * new for every batch. So a batch refused for its size (`RequestPayloadSizeLimitExceeded`: nothing
 * was executed) can be queued again in two halves; a single op too heavy on its own is split by
 * its own `split()` (value blocks split by rows).
 */
import { throwIfAborted } from "../workbook/cancellation";
import type { ExcelSession } from "./excel-run";
import { isPayloadError, REQUEST_TARGET_BYTES } from "./payload";

/** Looks objects up by name, memoised for one batch. */
export class Resolver {
  private readonly sheets = new Map<string, Excel.Worksheet>();

  constructor(readonly session: ExcelSession) {}

  get workbook(): Excel.Workbook {
    return this.session.workbook;
  }

  sheet(name: string): Excel.Worksheet {
    let s = this.sheets.get(name);
    if (!s) {
      s = this.session.workbook.worksheets.getItem(name);
      this.sheets.set(name, s);
    }
    return s;
  }

  /** Registers a sheet proxy created in this batch (worksheets.add). */
  added(name: string, sheet: Excel.Worksheet): void {
    this.sheets.set(name, sheet);
  }

  /** A rectangle of a sheet (0-based, inclusive corners). */
  range(sheet: string, r1: number, c1: number, r2: number, c2: number): Excel.Range {
    return this.sheet(sheet).getRangeByIndexes(r1, c1, r2 - r1 + 1, c2 - c1 + 1);
  }

  /** Forgets a sheet (renamed or deleted in this batch). */
  forget(name: string): void {
    this.sheets.delete(name);
  }
}

export interface WriteOp {
  /** Estimated request bytes (payload + call overhead). */
  bytes: number;
  apply(r: Resolver): void;
  /** Smaller ops doing the same thing, for an op too heavy on its own (null: cannot split). */
  split?: () => WriteOp[] | null;
  /** Called once the batch holding this op has been synced (progress). */
  done?: () => void;
  /** Start a new batch before this op (e.g. the all-or-nothing swap). */
  barrier?: boolean;
}

export interface ExecuteOptions {
  targetBytes?: number;
  /** Suspend calculation and screen updating for these batches (default true). */
  write?: boolean;
}

function packs(ops: WriteOp[], target: number): WriteOp[][] {
  const out: WriteOp[][] = [];
  let current: WriteOp[] = [];
  let bytes = 0;
  for (const op of ops) {
    if (current.length > 0 && (op.barrier || bytes + op.bytes > target)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(op);
    bytes += op.bytes;
  }
  if (current.length > 0) out.push(current);
  return out;
}

async function runBatch(
  session: ExcelSession,
  ops: WriteOp[],
  options: ExecuteOptions
): Promise<void> {
  // Before queueing anything: once queued, calls would leave with whatever sync comes next.
  throwIfAborted(session.signal);
  if (options.write ?? true) session.suspendForWrite();
  const r = new Resolver(session);
  for (const op of ops) op.apply(r);
  const bytes = ops.reduce((n, op) => n + op.bytes, 0);
  try {
    await session.sync({ requestBytes: bytes });
  } catch (error) {
    if (!isPayloadError(error)) throw error;
    session.stats.splits++;
    if (ops.length > 1) {
      const mid = Math.ceil(ops.length / 2);
      await runBatch(session, ops.slice(0, mid), options);
      await runBatch(session, ops.slice(mid), options);
      return;
    }
    const parts = ops[0].split?.() ?? null;
    if (!parts || parts.length < 2) throw error;
    for (const p of packs(parts, Math.max(1, Math.floor(bytes / 2))))
      await runBatch(session, p, options);
    return;
  }
  for (const op of ops) op.done?.();
}

/** Runs ops in order, in payload-sized batches; returns the number of batches synced. */
export async function executeOps(
  session: ExcelSession,
  ops: WriteOp[],
  options: ExecuteOptions = {}
): Promise<number> {
  const batches = packs(ops, options.targetBytes ?? REQUEST_TARGET_BYTES);
  for (const b of batches) await runBatch(session, b, options);
  return batches.length;
}
