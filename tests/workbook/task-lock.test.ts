/**
 * The workbook's task lock (src/workbook/task-lock.ts): one writing task at a time across the
 * pane and the ribbon command; a lock not refreshed for 5 minutes no longer blocks.
 */
import { lockBlocks, newLockOwner, parseTaskLock, TASK_LOCK_STALE_MS } from "../../src/workbook/task-lock";

const T0 = Date.UTC(2026, 11, 2, 9, 0, 0);

describe("task lock record", () => {
  it("reads a stored lock (JSON text or object) and nothing else", () => {
    expect(parseTaskLock('{"owner":"a1","task":"analysis","at":5}')).toEqual({ owner: "a1", task: "analysis", at: 5 });
    expect(parseTaskLock({ owner: "a1", task: "plan", at: 7 })).toEqual({ owner: "a1", task: "plan", at: 7 });
    for (const bad of [null, "", "{", "[]", '{"owner":1,"task":"x","at":1}', '{"owner":"a","task":"x","at":"1"}', { owner: "a", task: "x", at: Number.NaN }])
      expect(parseTaskLock(bad)).toBeNull();
  });

  it("blocks another owner while fresh, never its own owner, and no one once stale", () => {
    const lock = { owner: "pane", task: "analysis", at: T0 };
    expect(lockBlocks(null, "ribbon", T0)).toBe(false);
    expect(lockBlocks(lock, "pane", T0 + 1_000)).toBe(false);
    expect(lockBlocks(lock, "ribbon", T0 + 1_000)).toBe(true);
    expect(lockBlocks(lock, "ribbon", T0 + TASK_LOCK_STALE_MS - 1)).toBe(true);
    expect(lockBlocks(lock, "ribbon", T0 + TASK_LOCK_STALE_MS)).toBe(false);
    // A lock dated 2 minutes ahead (another machine's clock) still blocks; one 10 minutes ahead is stale.
    expect(lockBlocks(lock, "ribbon", T0 - 2 * 60_000)).toBe(true);
    expect(lockBlocks(lock, "ribbon", T0 - 10 * 60_000)).toBe(false);
  });

  it("gives each runtime its own owner id", () => {
    const ids = new Set(Array.from({ length: 50 }, () => newLockOwner()));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{16}$/);
  });
});
