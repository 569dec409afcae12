/**
 * One writing task at a time in a workbook, across the add-in's runtimes: the task pane and the
 * ribbon command « Actualiser l'analyse » run in separate JavaScript runtimes, so the pane's own
 * guard (one task at a time in the pane) cannot see a refresh started from the ribbon. Two writes at
 * once would race on the same staging sheets and anchors, and the second one's clean-up would
 * delete the first one's staging sheets.
 *
 * The lock is a record in the workbook's settings: `{ owner, task, at }`. A gateway takes it before
 * a task that writes and releases it at the end; while it holds it, each of its calls refreshes
 * `at`. A record older than TASK_LOCK_STALE_MS is ignored (a runtime closed in the middle of a task
 * must not block the workbook). It is a best-effort lock — settings offer no compare-and-swap —
 * which covers what users do: starting a refresh while an analysis is running.
 */
import { storedJson } from "./stored-json";

/** Key of the lock in the workbook settings. */
export const TASK_LOCK_SETTING = "optima.taskLock";

/** A lock not refreshed for this long is stale, ms. */
export const TASK_LOCK_STALE_MS = 5 * 60_000;

export interface TaskLock {
  /** Random id of the gateway (one per runtime) holding it. */
  owner: string;
  /** What it is doing: "analysis", "plan", "documents", "decp"… */
  task: string;
  /** Last refresh, ms since the epoch. */
  at: number;
}

/** The lock as stored (JSON text or object); null when absent or not a lock. */
export function parseTaskLock(raw: unknown): TaskLock | null {
  const x = storedJson(raw);
  if (typeof x !== "object" || x === null) return null;
  const r = x as Record<string, unknown>;
  if (typeof r.owner !== "string" || typeof r.task !== "string") return null;
  if (typeof r.at !== "number" || !Number.isFinite(r.at)) return null;
  return { owner: r.owner, task: r.task, at: r.at };
}

/** Whether `lock` stops `owner` from starting a task at `now`: held by another, and fresh. */
export function lockBlocks(lock: TaskLock | null, owner: string, now: number): boolean {
  if (lock === null || lock.owner === owner) return false;
  // A lock dated in the future (clock changes between machines) counts as fresh for the stale delay.
  return Math.abs(now - lock.at) < TASK_LOCK_STALE_MS;
}

/** A random owner id for a gateway. */
export function newLockOwner(): string {
  const bytes = new Uint8Array(8);
  const crypto = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => void } }).crypto;
  if (crypto?.getRandomValues) crypto.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
