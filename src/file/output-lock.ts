/**
 * A lock on the output workbook (issue #13, item 6). Two runs on the same output both read its
 * history, analyse, and write: without a lock the last one to write silently drops the other's
 * history row. The CLI takes this lock before reading the existing workbook and keeps it until
 * the new one is renamed into place; a second run waits for it (and says so), then reads the
 * workbook the first one wrote.
 *
 * The lock is a file `.<name>.lock` beside the output, created exclusively (`wx`), holding the
 * pid, host and start time of its owner. While held its modification time is refreshed every
 * few seconds. It is stale, and taken over, when its owner is gone: same host and the pid no
 * longer runs, or no refresh for `staleMs` (a process killed on another machine sharing the
 * folder). Ctrl+C and SIGTERM remove it (temp-files.ts); after a SIGKILL the next run finds it
 * stale at once.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { InputError } from "./errors";
import { processAlive, release, removeOnInterrupt } from "./temp-files";

export interface LockOptions {
  /** How long to wait for another run before giving up (default 10 minutes). */
  waitMs?: number;
  /** A lock not refreshed for this long is stale (default 60 s). */
  staleMs?: number;
  /** Poll interval while waiting (default 250 ms). */
  pollMs?: number;
  /** Called once when the lock is held by another run and this one starts waiting. */
  onWait?: (holder: LockHolder) => void;
  /** The output as the user named it (messages). */
  label?: string;
}

export interface LockHolder {
  pid: number;
  host: string;
  /** ISO time the holder took the lock. */
  since: string;
}

export interface OutputLock {
  path: string;
  release(): Promise<void>;
}

const REFRESH_MS = 5_000;

export function lockPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.lock`);
}

function parseHolder(text: string): LockHolder | null {
  try {
    const j = JSON.parse(text) as Partial<LockHolder>;
    if (typeof j.pid === "number" && typeof j.host === "string" && typeof j.since === "string")
      return { pid: j.pid, host: j.host, since: j.since };
  } catch {
    // A lock file cut short (crash while writing it) holds no owner.
  }
  return null;
}

async function readLock(file: string): Promise<{ text: string; mtimeMs: number } | null> {
  try {
    const [text, st] = await Promise.all([
      fs.promises.readFile(file, "utf8"),
      fs.promises.stat(file),
    ]);
    return { text, mtimeMs: st.mtimeMs };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw e;
  }
}

function isStale(holder: LockHolder | null, mtimeMs: number, staleMs: number): boolean {
  if (Date.now() - mtimeMs > staleMs) return true;
  if (holder === null) return Date.now() - mtimeMs > 2_000; // being written, or garbage
  return holder.host === os.hostname() && holder.pid !== process.pid && !processAlive(holder.pid);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Takes the lock of `target`, waiting for another run to finish; throws InputError on timeout. */
export async function lockOutput(target: string, options: LockOptions = {}): Promise<OutputLock> {
  const file = lockPathFor(path.resolve(target));
  const label = options.label ?? target;
  const waitMs = options.waitMs ?? 10 * 60_000;
  const staleMs = options.staleMs ?? 60_000;
  const pollMs = options.pollMs ?? 250;
  const deadline = Date.now() + waitMs;
  const me: LockHolder = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
  let announced = false;
  for (;;) {
    try {
      await fs.promises.writeFile(file, JSON.stringify(me), { flag: "wx" });
      // (An interrupt before this line leaves a lock whose pid is gone: stale for the next run.)
      removeOnInterrupt(file);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    const current = await readLock(file);
    if (current === null) continue; // released meanwhile
    const holder = parseHolder(current.text);
    if (isStale(holder, current.mtimeMs, staleMs)) {
      // Remove it only if it is still the same stale lock (another waiter may have replaced it).
      const again = await readLock(file);
      if (again && again.text === current.text) await fs.promises.rm(file, { force: true });
      continue;
    }
    if (Date.now() >= deadline) {
      throw new InputError(
        `est en cours d'écriture par une autre analyse (processus ${holder?.pid ?? "inconnu"} sur ${holder?.host ?? "une autre machine"}, depuis ${holder?.since ?? "un moment"})`,
        {
          file: label,
          hint: `Attendez la fin de cette analyse, ou, si elle n'existe plus, supprimez le fichier « ${path.basename(file)} ».`,
        }
      );
    }
    if (!announced && holder) {
      announced = true;
      options.onWait?.(holder);
    }
    await sleep(pollMs);
  }
  const timer = setInterval(() => {
    const now = new Date();
    fs.promises.utimes(file, now, now).catch(() => undefined);
  }, REFRESH_MS);
  timer.unref();
  let released = false;
  return {
    path: file,
    async release() {
      if (released) return;
      released = true;
      clearInterval(timer);
      const current = await readLock(file).catch(() => null);
      if (current && parseHolder(current.text)?.pid === process.pid)
        await fs.promises.rm(file, { force: true });
      release(file);
    },
  };
}
