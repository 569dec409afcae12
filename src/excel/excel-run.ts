/**
 * The one door to Office.js: every batch of the add-in goes through `runExcel` (one `Excel.run` per
 * user action, `delayForCellEdit: true`), and every round trip through `session.sync()`, which
 *
 * - counts syncs (tests and the bench assert on them),
 * - checks the abort signal first (nothing is sent once the user cancelled),
 * - offers `suspendForWrite()`: API calculation (ExcelApi 1.6) and screen updating (ExcelApi 1.9)
 *   suspended until the next sync, with runtime checks — queued first in each write batch, once,
 * - races the sync against a watchdog (`syncWithWatchdog`): office-js #6678 documents syncs that
 *   neither resolve nor reject. The batch then ends with an `ExcelTimeoutError` (French message,
 *   `retryable: true`) instead of an endless spinner.
 *
 * `ExcelHost` abstracts the two globals used (`Excel.run`, `Office.context.requirements`), so that
 * tests can run the adapter against a fake object model (tests/excel/fake-excel.ts) or
 * office-addin-mock. This is the only module that touches the Office globals.
 */
import { throwIfAborted } from "../workbook/cancellation";
import { ExcelTimeoutError, toGatewayError } from "./errors";

/** Default watchdog delay of one sync, ms (the pane's gateway timeout is 60 s as well). */
export const DEFAULT_SYNC_TIMEOUT_MS = 60_000;

export interface ExcelRunOptions {
  delayForCellEdit?: boolean;
}

/** The Office globals the adapter needs. */
export interface ExcelHost {
  run<T>(
    options: ExcelRunOptions,
    batch: (context: Excel.RequestContext) => Promise<T>
  ): Promise<T>;
  isSetSupported(name: string, version: string): boolean;
}

/** The real host: `Excel.run` and `Office.context.requirements.isSetSupported`. */
export function officeHost(): ExcelHost {
  return {
    run<T>(
      options: ExcelRunOptions,
      batch: (context: Excel.RequestContext) => Promise<T>
    ): Promise<T> {
      return Excel.run(options as Excel.RunOptions, batch);
    },
    isSetSupported(name: string, version: string): boolean {
      try {
        return (
          typeof Office !== "undefined" &&
          Office.context?.requirements?.isSetSupported(name, version) === true
        );
      } catch {
        return false;
      }
    },
  };
}

/** Counters of one gateway (all its runs), for tests, the bench and the console. */
export interface SyncStats {
  runs: number;
  syncs: number;
  /** Largest estimated request of a write batch (bytes, overhead included). */
  maxRequestEstimate: number;
  /** Largest measured response (JSON of the values read), bytes. */
  maxResponseBytes: number;
  /** Sum of the estimated requests and measured responses, bytes. */
  totalBytes: number;
  /** Batches that failed on a payload error and were split. */
  splits: number;
}

export function emptyStats(): SyncStats {
  return {
    runs: 0,
    syncs: 0,
    maxRequestEstimate: 0,
    maxResponseBytes: 0,
    totalBytes: 0,
    splits: 0,
  };
}

/**
 * Races `context.sync()` against a timer. Rejects with ExcelTimeoutError (French message,
 * retryable) when the sync has not settled after `timeoutMs`. The sync itself cannot be
 * cancelled: it is abandoned (its batch must not be continued).
 */
export function syncWithWatchdog(
  context: Pick<Excel.RequestContext, "sync">,
  timeoutMs: number = DEFAULT_SYNC_TIMEOUT_MS
): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ExcelTimeoutError(timeoutMs, "sync")), timeoutMs);
  });
  return Promise.race([Promise.resolve(context.sync()).then(() => undefined), timeout]).finally(
    () => clearTimeout(timer)
  );
}

export interface SyncOptions {
  /** Estimated request bytes of the batch (stats). */
  requestBytes?: number;
}

/** One Excel.run: the context plus what the adapter modules need around it. */
export class ExcelSession {
  private timedOut: ExcelTimeoutError | null = null;
  /** Called when a watchdog fires, so that runExcel stops waiting for Excel.run too. */
  onTimeout: ((error: ExcelTimeoutError) => void) | null = null;

  constructor(
    readonly context: Excel.RequestContext,
    private readonly host: ExcelHost,
    readonly stats: SyncStats,
    readonly timeoutMs: number,
    readonly signal?: AbortSignal
  ) {}

  get workbook(): Excel.Workbook {
    return this.context.workbook;
  }

  /** `Office.context.requirements.isSetSupported("ExcelApi", version)`, false when unknown. */
  supports(version: string): boolean {
    return this.host.isSetSupported("ExcelApi", version);
  }

  /**
   * Queues the suspensions of a write batch, with runtime checks. Call it first, before the
   * batch's other calls (a suspension takes effect where it sits in the queue), once per batch.
   */
  suspendForWrite(): void {
    const app = this.context.workbook.application;
    if (this.supports("1.6")) app.suspendApiCalculationUntilNextSync();
    if (this.supports("1.9")) app.suspendScreenUpdatingUntilNextSync();
  }

  async sync(options: SyncOptions = {}): Promise<void> {
    if (this.timedOut) throw this.timedOut;
    throwIfAborted(this.signal);
    if (options.requestBytes !== undefined) {
      this.stats.maxRequestEstimate = Math.max(this.stats.maxRequestEstimate, options.requestBytes);
      this.stats.totalBytes += options.requestBytes;
    }
    this.stats.syncs++;
    try {
      await syncWithWatchdog(this.context, this.timeoutMs);
    } catch (error) {
      if (error instanceof ExcelTimeoutError) {
        this.timedOut = error;
        this.onTimeout?.(error);
      }
      throw error;
    }
  }

  /** The same run without the abort signal (cleanup after an abort must still reach Excel). */
  withoutAbort(): ExcelSession {
    const s = new ExcelSession(this.context, this.host, this.stats, this.timeoutMs);
    s.timedOut = this.timedOut;
    s.onTimeout = this.onTimeout;
    return s;
  }

  /** Records the size of a response that was read (stats). */
  observeResponse(bytes: number): void {
    this.stats.maxResponseBytes = Math.max(this.stats.maxResponseBytes, bytes);
    this.stats.totalBytes += bytes;
  }
}

export interface RunExcelOptions {
  host: ExcelHost;
  stats: SyncStats;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** GatewayError subject and meaning of ItemNotFound for errors of this run. */
  subject?: string;
  notFound?: "tableNotFound" | "sheetNotFound";
}

/**
 * One Excel.run with `delayForCellEdit: true` and watchdogs on its start (a batch delayed by cell
 * edit mode), on every sync, and on its end (Excel.run's own final sync). Rejects with a
 * GatewayError (ExcelTimeoutError for timeouts).
 */
export function runExcel<T>(
  options: RunExcelOptions,
  batch: (session: ExcelSession) => Promise<T>
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_SYNC_TIMEOUT_MS;
  options.stats.runs++;
  let fail: (error: unknown) => void = () => undefined;
  const watchdog = new Promise<never>((_, reject) => {
    fail = reject;
  });
  watchdog.catch(() => undefined); // settled after the race: not an unhandled rejection
  let timer: ReturnType<typeof setTimeout> | undefined = setTimeout(
    () => fail(new ExcelTimeoutError(timeoutMs, "start")),
    timeoutMs
  );
  const stop = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  const run = options.host.run({ delayForCellEdit: true }, async (context) => {
    stop();
    const session = new ExcelSession(
      context,
      options.host,
      options.stats,
      timeoutMs,
      options.signal
    );
    session.onTimeout = (e) => fail(e);
    const result = await batch(session);
    // Excel.run syncs once more after the batch: watch that one too.
    timer = setTimeout(() => fail(new ExcelTimeoutError(timeoutMs, "finish")), timeoutMs);
    return result;
  });
  return Promise.race([run, watchdog])
    .catch((error: unknown) => {
      throw toGatewayError(error, options.subject ?? "", options.notFound ?? "sheetNotFound");
    })
    .finally(stop);
}
