/**
 * `optima-achats referentiel <DECP files…> -o referentiel.json` (issue #15 §2): per-buyer contract
 * KPIs and their quartiles and deciles per buyer category × population band × year, streamed from
 * files of any size. Exit codes: 0 done, 1 bad input, 2 usage.
 */
import * as fs from "node:fs";
import { isInputError } from "../file/errors";
import { buildReferentielFromFiles } from "../file/referentiel-build";
import type { CommandIO } from "./analyse-command";
import { loadDgcl } from "./comparison-setup";
import type { ReferentielCommand } from "./peer-args";
import { Progress } from "./progress";

export async function runReferentielCommand(cmd: ReferentielCommand, io: CommandIO): Promise<number> {
  const progress = new Progress(io.stderr);
  try {
    const dgcl = await loadDgcl(cmd.dgclFile, io.runDate);
    progress.stage("lecture", cmd.inputs.join(", "));
    const ref = await buildReferentielFromFiles(
      cmd.inputs.map((path) => ({ path })),
      {
        label: cmd.label ?? `Référentiel construit sur ${cmd.inputs.length} fichier(s) DECP`,
        indicative: false,
        builtOn: io.runDate,
        dgcl,
        progress: (file, n) => progress.stage("lecture", `${file} : ${n.toLocaleString("fr-FR")} marchés`),
      }
    );
    progress.stage("écriture", cmd.output);
    const tmp = `${cmd.output}.${process.pid}.tmp`;
    await fs.promises.writeFile(tmp, JSON.stringify(ref, null, 1) + "\n", "utf8");
    await fs.promises.rename(tmp, cmd.output);
    progress.done(`Référentiel écrit : ${cmd.output}`);
    const c = ref.coverage;
    io.stdout(
      [
        `Référentiel : ${c.contracts.toLocaleString("fr-FR")} marchés de ${c.buyers.toLocaleString("fr-FR")} acheteurs, années ${c.years.join(", ") || "—"}.`,
        ...ref.sources.map(
          (s) =>
            `  ${s.file} : ${s.contracts.toLocaleString("fr-FR")} marchés retenus, ${s.duplicates} doublons, ${s.skipped} écartés (sans date, sans SIREN d'acheteur ou rejetés)`
        ),
        `${ref.groups.length} groupes publiés (au moins 5 acheteurs par chiffre), ${c.groupsWithheld} groupes trop petits non publiés.`,
      ].join("\n") + "\n"
    );
    return 0;
  } catch (e) {
    if (isInputError(e)) {
      progress.done(`Erreur : ${(e as Error).message}`);
      return 1;
    }
    throw e;
  }
}
