/**
 * The output lock and the temporary files of the atomic write (issue #13, items 6 and 7).
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { isInputError } from "../../src/file/errors";
import { lockOutput, lockPathFor } from "../../src/file/output-lock";
import { removeStaleTemps, tempPathFor } from "../../src/file/temp-files";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "optima-lock-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A pid that certainly does not run: a child that has exited and been reaped. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""]);
  await new Promise((resolve) => child.on("exit", resolve));
  return child.pid!;
}

function sleeper(): ChildProcess {
  return spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"]);
}

describe("lock on the output workbook", () => {
  it("is a file beside the output holding the owner's pid, removed on release", async () => {
    const out = path.join(dir, "rapport.xlsx");
    const lock = await lockOutput(out);
    expect(lock.path).toBe(path.join(dir, ".rapport.xlsx.lock"));
    expect(JSON.parse(fs.readFileSync(lock.path, "utf8"))).toMatchObject({ pid: process.pid, host: os.hostname() });
    await lock.release();
    expect(fs.existsSync(lock.path)).toBe(false);
  });

  it("makes a second run wait (and say so) until the first releases it", async () => {
    const out = path.join(dir, "rapport.xlsx");
    const first = await lockOutput(out);
    const waits: number[] = [];
    let secondHeld = false;
    const second = lockOutput(out, { pollMs: 10, onWait: (h) => waits.push(h.pid) }).then((l) => {
      secondHeld = true;
      return l;
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(secondHeld).toBe(false);
    expect(waits).toEqual([process.pid]);
    await first.release();
    const l2 = await second;
    expect(secondHeld).toBe(true);
    await l2.release();
  });

  it("gives up after the wait with a French message naming the holder", async () => {
    const out = path.join(dir, "rapport.xlsx");
    const first = await lockOutput(out);
    const err = await lockOutput(out, { waitMs: 50, pollMs: 10, label: "rapport.xlsx" }).catch((e: unknown) => e);
    expect(isInputError(err)).toBe(true);
    expect((err as Error).message).toMatch(/« rapport\.xlsx » est en cours d'écriture par une autre analyse \(processus \d+/);
    expect((err as Error).message).toMatch(/\.rapport\.xlsx\.lock/);
    await first.release();
  });

  it("takes over a stale lock whose process is gone (after a SIGKILL)", async () => {
    const out = path.join(dir, "rapport.xlsx");
    const pid = await deadPid();
    fs.writeFileSync(lockPathFor(out), JSON.stringify({ pid, host: os.hostname(), since: "2026-01-01T00:00:00Z" }));
    const lock = await lockOutput(out, { waitMs: 0 });
    expect(JSON.parse(fs.readFileSync(lock.path, "utf8")).pid).toBe(process.pid);
    await lock.release();
  });

  it("does not take over the lock of a live process, but does once it is no longer refreshed", async () => {
    const out = path.join(dir, "rapport.xlsx");
    const child = sleeper();
    try {
      fs.writeFileSync(lockPathFor(out), JSON.stringify({ pid: child.pid, host: os.hostname(), since: "2026-01-01T00:00:00Z" }));
      await expect(lockOutput(out, { waitMs: 30, pollMs: 10 })).rejects.toThrow(/en cours d'écriture/);
      // A lock from another machine: only its age tells it is stale.
      fs.writeFileSync(lockPathFor(out), JSON.stringify({ pid: child.pid, host: "autre-poste", since: "2026-01-01T00:00:00Z" }));
      await expect(lockOutput(out, { waitMs: 30, pollMs: 10 })).rejects.toThrow(/autre-poste/);
      const old = new Date(Date.now() - 120_000);
      fs.utimesSync(lockPathFor(out), old, old);
      const lock = await lockOutput(out, { waitMs: 0, staleMs: 60_000 });
      expect(JSON.parse(fs.readFileSync(lock.path, "utf8")).pid).toBe(process.pid);
      await lock.release();
    } finally {
      child.kill("SIGKILL");
    }
  });
});

describe("temporary files left by killed runs", () => {
  it("are removed by the next run when their process is gone; a live run's are kept", async () => {
    const out = path.join(dir, "rapport.xlsx");
    const child = sleeper();
    try {
      const dead = await deadPid();
      const stale = path.join(dir, `.rapport.xlsx.${dead}.0a1b2c3d.tmp`);
      const live = path.join(dir, `.rapport.xlsx.${child.pid}.0a1b2c3d.tmp`);
      const mine = tempPathFor(out, "deadbeef");
      const other = path.join(dir, `.autre.xlsx.${dead}.0a1b2c3d.tmp`);
      for (const f of [stale, live, mine, other]) fs.writeFileSync(f, "x");
      expect(await removeStaleTemps(out)).toEqual([path.basename(stale)]);
      expect(fs.existsSync(stale)).toBe(false);
      for (const f of [live, mine, other]) expect(fs.existsSync(f)).toBe(true);
    } finally {
      child.kill("SIGKILL");
    }
  });
});
