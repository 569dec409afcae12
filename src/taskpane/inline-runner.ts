/**
 * The engine in the same thread as the UI, pausing between steps (the Web Worker's stand-in in
 * component tests, where jsdom has no workers). Same protocol and errors as createWorkerRunner.
 */
import type { Cell } from "../core/model";
import {
  decpExportOf,
  decpToTable,
  engineSteps,
  ficheOf,
  rebuildSheets,
  rebuildWithPeers,
  type EngineState,
} from "./engine";
import { PaneError } from "./errors";
import { engineError, type AnalysisRunner } from "./runner";

/** Yields to the event loop (lets React paint and the user click Cancel). */
export function pause(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The engine in the same thread, pausing between steps. For tests and as a fallback. */
export function createInlineRunner(options: { delayMs?: number } = {}): AnalysisRunner {
  let rows: Cell[][][] = [];
  let kept: EngineState | null = null;
  let cancelled = false;
  const wait = () =>
    options.delayMs ? new Promise<void>((r) => setTimeout(r, options.delayMs)) : pause();
  const check = () => {
    if (cancelled) throw new PaneError("cancelled");
  };
  const keptState = (): EngineState => {
    if (!kept) throw new PaneError("worker", "", "no analysis kept");
    return kept;
  };
  return {
    begin(tableCount) {
      check();
      rows = Array.from({ length: tableCount }, () => []);
    },
    addRows(table, block) {
      check();
      for (const r of block) rows[table]?.push(r);
    },
    async run(header, onProgress) {
      check();
      const gen = engineSteps(header, rows);
      let step = await gen.next();
      while (!step.done) {
        onProgress(step.value.progress);
        await wait();
        check();
        step = await gen.next();
      }
      kept = step.value.state;
      if (step.value.summary.reconciliation.rowsRead === 0) throw new PaneError("noData");
      return { spec: step.value.spec, summary: step.value.summary };
    },
    async rebuild(previousSheets, keys) {
      check();
      if (!kept) throw new PaneError("worker", "", "no analysis to rebuild from");
      return rebuildSheets(kept, previousSheets, keys);
    },
    async importDecp(text, fileName) {
      check();
      await pause();
      try {
        return decpToTable(text, fileName);
      } catch (error) {
        const code = error instanceof Error ? error.message : "";
        throw engineError(code, error instanceof Error ? error.message : String(error));
      }
    },
    async fiche(options) {
      check();
      await pause();
      return ficheOf(keptState(), options);
    },
    async comparePeers(previousSheets, peers) {
      check();
      await pause();
      return rebuildWithPeers(keptState(), previousSheets, peers);
    },
    async exportDecp(options) {
      check();
      await pause();
      return decpExportOf(keptState(), options);
    },
    cancel() {
      cancelled = true;
    },
    dispose() {
      cancelled = true;
      kept = null;
    },
  };
}
