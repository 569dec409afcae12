/**
 * `optima-achats analyse`: read the inputs, analyse, write the workbook (the same spec as the
 * add-in) and report. Returns the exit code: 0 done, 1 bad input, 2 usage error. Nothing is
 * written when anything fails before the write, and the write itself is atomic.
 */
import { analyse } from "../core/analyse";
import { parsePeriod, PeriodError } from "../core/period";
import type { ReferenceOverrides } from "../core/reference/values";
import { isInputError, InputError } from "../file/errors";
import { loadInputs } from "../file/load-inputs";
import { readMappingFile, readParametersFile } from "../file/user-files";
import { readOwnedInputs, writeWorkbook } from "../file/write-workbook";
import { parametersToOverrides, readUserInputs } from "../report/inputs";
import { buildWorkbookSpec } from "../report/workbook";
import type { AnalyseCommand } from "./args";
import { Progress, type ProgressSink } from "./progress";
import { jsonSummary, textSummary } from "./summary";

export interface CommandIO {
  stdout: (text: string) => void;
  stderr: ProgressSink;
  /** ISO date of the run (stamped on the sheets); injected so tests are deterministic. */
  runDate: string;
}

export async function runAnalyseCommand(cmd: AnalyseCommand, io: CommandIO): Promise<number> {
  const progress = new Progress(io.stderr);
  try {
    const period = cmd.period === null ? undefined : parsePeriod(cmd.period);
    progress.stage("lecture", cmd.inputs.join(", "));
    const mapping = cmd.mappingFile ? await readMappingFile(cmd.mappingFile) : undefined;
    const fileOverrides = cmd.parametersFile ? await readParametersFile(cmd.parametersFile) : {};
    const previousSheets = await readOwnedInputs(cmd.output);
    const previousInputs = readUserInputs(previousSheets);
    // The .xlsx DEFLATE decoder: Node's native zlib by default (1.5× faster than fflate on a
    // 1 M-row workbook, see scripts/bench/vs-pandas.ts); OPTIMA_INFLATE=fflate picks fflate.
    const inflate = process.env.OPTIMA_INFLATE === "fflate" ? "fflate" : "zlib";
    const loaded = await loadInputs(cmd.inputs, {
      mapping,
      mappingFile: cmd.mappingFile ?? undefined,
      inflate,
    });

    const r = loaded.reconciliation;
    progress.stage(
      "contrôle",
      `${r.rowsRead.toLocaleString("fr-FR")} lignes lues, ${r.rowsRejected.toLocaleString("fr-FR")} rejetées, ${loaded.anomalies.length.toLocaleString("fr-FR")} anomalies`
    );
    if (loaded.spend.length === 0 && loaded.contracts.length === 0) {
      throw new InputError("ne contient aucune ligne de dépense ni aucun marché analysable", {
        file: cmd.inputs.join(", "),
        hint:
          loaded.skipped.length > 0
            ? `Tables ignorées : ${loaded.skipped.map((s) => `${s.table} (${s.reason})`).join(" ; ")}.`
            : "Vérifiez que les tableaux ont une ligne d'en-tête.",
      });
    }

    progress.stage("indicateurs");
    // Parameters typed in the workbook's Paramètres sheet apply first; a --parametres file wins over them.
    const overrides = {
      ...parametersToOverrides(previousInputs),
      ...fileOverrides,
    } as ReferenceOverrides;
    const analysis = analyse(loaded, { period, overrides });

    progress.stage("écriture", cmd.output);
    const spec = buildWorkbookSpec(analysis, {
      runDate: io.runDate,
      sources: loaded.sources,
      lang: cmd.lang,
      previousInputs,
    });
    const report = await writeWorkbook(spec, cmd.output, { existing: true });
    progress.done(
      report.mode === "updated"
        ? `Classeur mis à jour : ${cmd.output}`
        : `Classeur créé : ${cmd.output}`
    );
    for (const c of report.cutTables)
      io.stderr.write(
        `Attention : le tableau ${c.table} (feuille « ${c.sheet} ») dépasse la limite d'Excel : ${c.kept.toLocaleString("fr-FR")} lignes sur ${c.rows.toLocaleString("fr-FR")} dans le classeur, liste complète dans ${c.csv}\n`
      );

    if (cmd.json) io.stdout(JSON.stringify(jsonSummary(analysis, cmd.inputs), null, 2) + "\n");
    else io.stdout(textSummary(analysis, cmd.output) + "\n");
    return 0;
  } catch (e) {
    if (isInputError(e) || e instanceof PeriodError) {
      progress.done(`Erreur : ${(e as Error).message}`);
      // A mistyped period is a usage error (2); a period holding no data is a data error (1).
      return e instanceof PeriodError && e.kind === "invalid" ? 2 : 1;
    }
    throw e;
  }
}
