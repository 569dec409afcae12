/** Entry point of the `optima-achats` command. */
import { VERSION } from "../core/version";
import { runAnalyseCommand } from "./analyse-command";
import { parseArgs, USAGE, UsageError } from "./args";
import { runPeerCommand } from "./peer-commands";

/** Today's date in the local time zone, ISO (the only place the CLI reads the clock). */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

export async function main(argv: string[]): Promise<number> {
  let cmd;
  try {
    cmd = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`Erreur : ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
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
    const io = {
      stdout: (t: string) => process.stdout.write(t),
      stderr: { write: (t: string) => process.stderr.write(t), isTTY: process.stderr.isTTY === true },
      runDate: today(),
    };
    if (cmd.command !== "analyse") return await runPeerCommand(cmd, io);
    return await runAnalyseCommand(cmd, io);
  } catch (e) {
    process.stderr.write(
      `\nErreur inattendue : ${(e as Error).message}\nAucun classeur n'a été modifié. Si le problème persiste, signalez-le avec la commande exécutée.\n`
    );
    return 1;
  }
}
