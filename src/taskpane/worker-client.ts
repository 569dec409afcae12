/**
 * The one place that creates the analysis worker. Webpack 5 recognises
 * `new Worker(new URL("./analysis.worker.ts", import.meta.url))`, bundles the worker as its own
 * chunk and rewrites the URL. Only the webpack bundles import this module (index.tsx,
 * commands.ts): jest (CommonJS) cannot parse `import.meta`, so tests use createInlineRunner.
 */
import { PaneError } from "./errors";
import { createWorkerRunner, type AnalysisRunner, type RunnerFactory } from "./runner";

function createAnalysisWorker(): Worker {
  // tsconfig targets CommonJS for jest, where import.meta is not allowed (TS1343); webpack builds
  // this file as an ES module (ts-loader `module: "esnext"`), where it is.
  // @ts-ignore TS1343
  return new Worker(new URL("./analysis.worker.ts", import.meta.url), {
    name: "optima-achats-analyse",
  });
}

/**
 * Runners backed by a Web Worker. Every Office webview has workers (WebView2, WKWebView, EdgeHTML);
 * without them the analysis is refused rather than run on the UI thread, which Office would
 * restart after 5 s of unresponsiveness.
 */
export const workerRunnerFactory: RunnerFactory = (): AnalysisRunner => {
  if (typeof Worker === "undefined")
    throw new PaneError("unsupported", "", "Web Workers unavailable");
  return createWorkerRunner(createAnalysisWorker);
};
