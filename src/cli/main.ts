/** Entry point of the `optima-achats` command. */
import { VERSION } from "../core/version";
import { isInputError } from "../file/errors";
import { lockOutput, type OutputLock } from "../file/output-lock";
import { removeStaleTemps } from "../file/temp-files";
import { runAnalyseCommand } from "./analyse-command";
import { parseArgs, USAGE, UsageError, type AnalyseCommand } from "./args";
import { checkOutputPath } from "./preflight";
import { runPeerCommand } from "./peer-commands";
import { runDecpCommand } from "./decp-command";

/** Today's date in the local time zone, ISO (the only place the CLI reads the clock). */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

function usageError(e: UsageError): number {
  process.stderr.write(`Erreur : ${e.message}\n\n${USAGE}\n`);
  return 2;
}

/** Lock wait in ms from OPTIMA_LOCK_WAIT_MS (default: lockOutput's, 10 minutes). */
function lockWaitMs(): number | undefined {
  const v = Number(process.env.OPTIMA_LOCK_WAIT_MS);
  return Number.isFinite(v) && v >= 0 && process.env.OPTIMA_LOCK_WAIT_MS !== "" ? v : undefined;
}

/**
 * Runs `analyse` under the lock of its output (issue #13, item 6): a second run on the same
 * output waits for the first, then reads the workbook it wrote (its history row included).
 */
async function analyseLocked(cmd: AnalyseCommand): Promise<number> {
  let lock: OutputLock;
  try {
    lock = await lockOutput(cmd.output, {
      label: cmd.output,
      waitMs: lockWaitMs(),
      onWait: (h) =>
        process.stderr.write(
          `Une autre analyse écrit déjà « ${cmd.output} » (processus ${h.pid}, depuis ${h.since}) : attente de sa fin…\n`
        ),
    });
  } catch (e) {
    if (isInputError(e)) {
      process.stderr.write(`Erreur : ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  try {
    // Under the lock, temporary files of this output left by a killed run are ours to remove.
    await removeStaleTemps(cmd.output);
    return await runAnalyseCommand(cmd, {
      stdout: (t) => process.stdout.write(t),
      stderr: { write: (t) => process.stderr.write(t), isTTY: process.stderr.isTTY === true },
      runDate: today(),
    });
  } finally {
    await lock.release();
  }
}

export async function main(argv: string[]): Promise<number> {
  let cmd;
  try {
    cmd = parseArgs(argv);
    if (cmd.command === "analyse") await checkOutputPath(cmd.output);
  } catch (e) {
    if (e instanceof UsageError) return usageError(e);
    throw e;
  }
  if (cmd.command === "help") {
    process.stdout.write(USAGE + "\n");
    return 0;
  }
  if (cmd.command === "version") {
    process.stdout.write(`optima-achats ${VERSION}\n`);
    return 0;
  }
  try {
    if (cmd.command === "decp")
      return await runDecpCommand(cmd, {
        stdout: (t: string) => process.stdout.write(t),
        stderr: { write: (t: string) => process.stderr.write(t), isTTY: process.stderr.isTTY === true },
        runDate: today(),
      });
    if (cmd.command !== "analyse") {
      return await runPeerCommand(cmd, {
        stdout: (t: string) => process.stdout.write(t),
        stderr: { write: (t: string) => process.stderr.write(t), isTTY: process.stderr.isTTY === true },
        runDate: today(),
      });
    }
    return await analyseLocked(cmd);
  } catch (e) {
    process.stderr.write(
      `\nErreur inattendue : ${(e as Error).message}\nAucun classeur n'a été modifié. Si le problème persiste, signalez-le avec la commande exécutée.\n`
    );
    return 1;
  }
}
