/**
 * `optima-achats observatoire <reports or fiches…> -o observatoire.xlsx` (issue #15 §5): one row
 * per collectivité, distributions per KPI, rankings (anonymised with --anonyme), best-practice
 * flags, trends when several periods are given, charts.
 */
import { buildObservatory } from "../core/peers/observatory";
import { VERSION } from "../core/version";
import { isInputError } from "../file/errors";
import { readFiches } from "../file/peer-files";
import { writeWorkbook } from "../file/write-workbook";
import { buildObservatoryWorkbook } from "../report/observatoire/workbook";
import type { CommandIO } from "./analyse-command";
import type { ObservatoireCommand } from "./peer-args";
import { Progress } from "./progress";
import * as nodePath from "node:path";

export async function runObservatoireCommand(cmd: ObservatoireCommand, io: CommandIO): Promise<number> {
  const progress = new Progress(io.stderr);
  try {
    progress.stage("lecture", cmd.inputs.join(", "));
    const { fiches, files } = await readFiches(cmd.inputs);
    progress.stage("indicateurs", `${fiches.length} fiches`);
    const obs = buildObservatory(fiches, { anonymise: cmd.anonymised });
    const years = [...new Set(fiches.map((f) => f.period.year))].sort((a, b) => a - b);
    const spec = buildObservatoryWorkbook(obs, {
      runDate: io.runDate,
      version: VERSION,
      sources: files.map((f) => nodePath.basename(f)),
      period: { label: years.length === 0 ? "—" : years.length === 1 ? String(years[0]) : `${years[0]}..${years[years.length - 1]}`, start: "", end: "" },
      parameters: cmd.anonymised ? "classements anonymisés" : "noms des collectivités affichés",
      anonymised: cmd.anonymised,
    });
    progress.stage("écriture", cmd.output);
    await writeWorkbook(spec, cmd.output);
    progress.done(`Observatoire écrit : ${cmd.output}`);
    io.stdout(`Observatoire : ${obs.collectivites} collectivités, ${obs.fiches} fiches, ${obs.trends.length} tendances.\n`);
    return 0;
  } catch (e) {
    if (isInputError(e)) {
      progress.done(`Erreur : ${(e as Error).message}`);
      return 1;
    }
    throw e;
  }
}
