/**
 * `optima-achats analyse`: locate the input tables, run the application pipeline over them (the
 * same as the add-in's: src/app/pipeline.ts), write the workbook and report. Returns the exit
 * code: 0 done, 1 bad input, 2 usage error. Nothing is written when anything fails before the write, and the write itself is atomic.
 */
import { runPipeline } from "../app/pipeline";
import { parsePeriod, PeriodError } from "../core/period";
import { isInputError, InputError } from "../file/errors";
import { locateInputs } from "../file/load-inputs";
import { readMappingFile, readParametersFile } from "../file/user-files";
import { readOwnedInputs, writeWorkbook } from "../file/write-workbook";
import { readUserInputs } from "../report/inputs";
import { buildDocumentSheets } from "../report/documents";
import type { AnalyseCommand } from "./args";
import { Progress, type ProgressSink } from "./progress";
import { comparisonFor, setupOf } from "./comparison-setup";
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
    const located = await locateInputs(cmd.inputs, {
      mapping,
      mappingFile: cmd.mappingFile ?? undefined,
      inflate,
    });

    const { analysis, spec } = await runPipeline(
      {
        tables: located.tables,
        decp: located.decp,
        previousInputs,
        // Parameters typed in the workbook's Paramètres sheet apply first; a --parametres file wins.
        overrides: fileOverrides,
        period,
        runDate: io.runDate,
        lang: cmd.lang,
        sources: (intake) => located.describe(intake).sources,
        comparison: (intake, analysis) =>
          comparisonFor(intake.contracts, analysis, setupOf(cmd, io.runDate)),
        onIntake: (intake) => {
          const r = intake.reconciliation;
          progress.stage(
            "contrôle",
            `${r.rowsRead.toLocaleString("fr-FR")} lignes lues, ${r.rowsRejected.toLocaleString("fr-FR")} rejetées, ${intake.anomalies.length.toLocaleString("fr-FR")} anomalies`
          );
          if (intake.spend.length === 0 && intake.contracts.length === 0) {
            throw new InputError("ne contient aucune ligne de dépense ni aucun marché analysable", {
              file: cmd.inputs.join(", "),
              hint:
                located.skipped.length > 0
                  ? `Tables ignorées : ${located.skipped.map((s) => `${s.table} (${s.reason})`).join(" ; ")}.`
                  : "Vérifiez que les tableaux ont une ligne d'en-tête.",
            });
          }
          progress.stage("indicateurs");
        },
      }
    );

    progress.stage("écriture", cmd.output);
    if (cmd.documents) {
      // Policy documents (issue #14): the user's sheets once written; a name already taken gets "(v2)".
      const docs = buildDocumentSheets(analysis, {
        runDate: io.runDate,
        sources: spec.stamp.sources,
        lang: cmd.lang,
      });
      spec.sheets.push(...docs.sheets);
    }
    const report = await writeWorkbook(spec, cmd.output, { existing: true });
    progress.done(
      report.mode === "updated"
        ? `Classeur mis à jour : ${cmd.output}`
        : `Classeur créé : ${cmd.output}`
    );
    for (const w of report.warnings) io.stderr.write(`Attention : ${w}\n`);
    for (const c of report.cutTables)
      io.stderr.write(
        `Attention : le tableau ${c.table} (feuille « ${c.sheet} ») dépasse la limite d'Excel : ${c.kept.toLocaleString("fr-FR")} lignes sur ${c.rows.toLocaleString("fr-FR")} dans le classeur, liste complète dans ${c.csv}\n`
      );

    if (cmd.documents) {
      const names = report.sheets
        .filter((x) => x.key === "charte" || x.key === "codeFournisseurs")
        .map((x) => `« ${x.name} »`);
      progress.done(`Documents écrits (à vous désormais) : ${names.join(", ")}`);
    }
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
