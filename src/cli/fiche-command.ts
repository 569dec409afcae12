/**
 * `optima-achats fiche <inputs…> -o fiche.json|fiche.xlsx` (issue #15 §4): analyses the inputs like
 * `analyse` and writes the buyer's fiche de comparaison (category, band, period, ratios; no
 * supplier name, no contract amount), to e-mail to peers. Nothing is sent anywhere.
 */
import { analyse } from "../core/analyse";
import { parsePeriod, PeriodError } from "../core/period";
import { VERSION } from "../core/version";
import { isInputError, InputError } from "../file/errors";
import { loadInputs } from "../file/load-inputs";
import { writeFicheJson } from "../file/peer-files";
import { readMappingFile } from "../file/user-files";
import { writeWorkbook } from "../file/write-workbook";
import { buildFicheWorkbook } from "../report/observatoire/workbook";
import type { CommandIO } from "./analyse-command";
import { comparisonFor } from "./comparison-setup";
import type { FicheCommand } from "./peer-args";
import { Progress } from "./progress";

export async function runFicheCommand(cmd: FicheCommand, io: CommandIO): Promise<number> {
  const progress = new Progress(io.stderr);
  try {
    const period = cmd.period === null ? undefined : parsePeriod(cmd.period);
    progress.stage("lecture", cmd.inputs.join(", "));
    const mapping = cmd.mappingFile ? await readMappingFile(cmd.mappingFile) : undefined;
    const loaded = await loadInputs(cmd.inputs, { mapping, mappingFile: cmd.mappingFile ?? undefined });
    if (loaded.spend.length === 0 && loaded.contracts.length === 0) {
      throw new InputError("ne contient aucune ligne de dépense ni aucun marché analysable", {
        file: cmd.inputs.join(", "),
        hint: "Vérifiez que les tableaux ont une ligne d'en-tête.",
      });
    }
    progress.stage("indicateurs");
    const analysis = analyse(loaded, { period });
    const view = await comparisonFor(loaded.contracts, analysis, {
      referentielFile: "aucun",
      peers: [],
      siren: cmd.siren,
      dgclFile: cmd.dgclFile,
      category: cmd.category,
      population: cmd.population,
      anonymised: cmd.anonymised,
      runDate: io.runDate,
    });
    progress.stage("écriture", cmd.output);
    if (/\.json$/i.test(cmd.output)) await writeFicheJson(view.fiche, cmd.output);
    else {
      const spec = buildFicheWorkbook(view.fiche, {
        runDate: io.runDate,
        version: VERSION,
        sources: loaded.sources,
        period: { label: analysis.period.label, start: "", end: "" },
        parameters: cmd.anonymised ? "fiche anonymisée" : "fiche nominative",
      });
      await writeWorkbook(spec, cmd.output);
    }
    progress.done(`Fiche écrite : ${cmd.output}`);
    const f = view.fiche;
    io.stdout(
      `Fiche de comparaison : ${f.label}, ${view.buyer.categoryLabel}, ${view.buyer.bandLabel}, période ${f.period.label}, ${Object.keys(f.kpis).length} indicateurs de marchés${f.anonymised ? " (anonymisée)" : ""}.\n`
    );
    return 0;
  } catch (e) {
    if (isInputError(e) || e instanceof PeriodError) {
      progress.done(`Erreur : ${(e as Error).message}`);
      return e instanceof PeriodError ? 2 : 1;
    }
    throw e;
  }
}
