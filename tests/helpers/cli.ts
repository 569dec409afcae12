/** Runs the CLI's commands in the test process, their output captured. */
import type { AnalyseCommand } from "../../src/cli/args";
import { runAnalyseCommand } from "../../src/cli/analyse-command";

export interface CapturedRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `optima-achats analyse`, stderr not a terminal (no progress bar), dated 22 November 2026. */
export async function runAnalyseCaptured(cmd: AnalyseCommand): Promise<CapturedRun> {
  let stdout = "";
  let stderr = "";
  const code = await runAnalyseCommand(cmd, {
    stdout: (t) => (stdout += t),
    stderr: { write: (t) => (stderr += t), isTTY: false },
    runDate: "2026-11-22",
  });
  return { code, stdout, stderr };
}
