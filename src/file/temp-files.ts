/**
 * Temporary files of the atomic write (issue #13, item 7): `.<name>.<pid>.<hex>.tmp` beside the
 * output. They are removed
 *
 * - on failure, by the writer itself (write-workbook.ts);
 * - on Ctrl+C, SIGTERM or SIGHUP: while a temporary file (or the output lock) is registered here,
 *   a handler removes them synchronously and re-raises the signal, so that the process still ends
 *   the way the signal says (exit status 130, 143…);
 * - after a SIGKILL or a power cut, which no handler sees, by the next run on the same output:
 *   `removeStaleTemps` deletes the temporary files of that output whose process is gone.
 */
import * as fs from "node:fs";
import * as path from "node:path";

const SIGNALS: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];
const registered = new Set<string>();
let installed = false;

function removeAllSync(): void {
  for (const p of registered) {
    try {
      fs.rmSync(p, { force: true });
    } catch {
      // Best effort: the next run removes what is left.
    }
  }
  registered.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  removeAllSync();
  uninstall();
  // Re-raise with the default behaviour restored: the exit status says which signal ended us.
  process.kill(process.pid, signal);
}

function install(): void {
  if (installed) return;
  installed = true;
  for (const s of SIGNALS) process.on(s, onSignal);
  process.on("exit", removeAllSync);
}

function uninstall(): void {
  if (!installed) return;
  installed = false;
  for (const s of SIGNALS) process.off(s, onSignal);
  process.off("exit", removeAllSync);
}

/** Removes `file` if the process is interrupted before `release` is called. */
export function removeOnInterrupt(file: string): void {
  registered.add(file);
  install();
}

/** Forgets `file` (written and renamed, or already removed). */
export function release(file: string): void {
  registered.delete(file);
  if (registered.size === 0) uninstall();
}

/** The temporary file name for `target`: `.<name>.<pid>.<hex>.tmp` in the same folder. */
export function tempPathFor(target: string, hex: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${hex}.tmp`);
}

/** True when a process with this pid runs on this machine. */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists, owned by someone else.
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Removes the temporary files left beside `target` by runs that no longer exist (killed, machine
 * stopped). Files of live processes, and of this one, are left alone. Returns the names removed.
 */
export async function removeStaleTemps(target: string): Promise<string[]> {
  const dir = path.dirname(target);
  const pattern = new RegExp(
    `^\\.${escapeRegExp(path.basename(target))}\\.(\\d+)\\.[0-9a-f]+\\.tmp$`
  );
  let names: string[];
  try {
    names = await fs.promises.readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = pattern.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid === process.pid || processAlive(pid)) continue;
    try {
      await fs.promises.rm(path.join(dir, name), { force: true });
      removed.push(name);
    } catch {
      // Not ours to remove (permissions): left as is.
    }
  }
  return removed;
}
