/** Dispatch of the peer-comparison commands (issue #15). */
import type { CommandIO } from "./analyse-command";
import { runFicheCommand } from "./fiche-command";
import { runObservatoireCommand } from "./observatoire-command";
import type { PeerCommand } from "./peer-args";
import { runReferentielCommand } from "./referentiel-command";

export function runPeerCommand(cmd: PeerCommand, io: CommandIO): Promise<number> {
  if (cmd.command === "referentiel") return runReferentielCommand(cmd, io);
  if (cmd.command === "fiche") return runFicheCommand(cmd, io);
  return runObservatoireCommand(cmd, io);
}
