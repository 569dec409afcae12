/**
 * `optima-achats decp <inputs…> -o decp.json|decp.xml [--complements complements.json]
 * [--mapping mapping.json]` (issue #11 §4): the buyer's contracts of 40 000 € HT or more written as
 * DECP 2024 (format 2.0, JSON or XML). What cannot be written — a missing mandatory field — is
 * listed with the fix on stderr, never dropped silently. Exit codes: 0 written (even partly),
 * 1 bad input, 2 usage. The arguments are parsed in decp-args.ts.
 */
import * as fs from "node:fs";
import { dayFromIso } from "../core/dates";
import {
  buildDecpExport,
  decpToXml,
  describeNotWritten,
  isDecpComplements,
  type DecpMarche,
} from "../core/decp-export";
import { render } from "../core/messages/render";
import { InputError, isInputError } from "../file/errors";
import { loadInputs } from "../file/load-inputs";
import { readMappingFile } from "../file/user-files";
import type { CommandIO } from "./analyse-command";
import type { DecpCommand } from "./decp-args";
import { Progress } from "./progress";

async function readComplements(file: string): Promise<Record<string, DecpMarche>> {
  let json: unknown;
  try {
    json = JSON.parse(await fs.promises.readFile(file, "utf8"));
  } catch (e) {
    throw new InputError(`n'est pas un fichier JSON lisible (${(e as Error).message})`, {
      file,
      hint: 'Écrivez un objet par numéro de marché, par exemple { "2024-017": { "ccag": "Travaux", "formePrix": "Unitaire" } }.',
    });
  }
  if (!isDecpComplements(json))
    throw new InputError("n'associe pas à chaque numéro de marché un objet de champs DECP", {
      file,
      hint: 'Écrivez un objet par numéro de marché, par exemple { "2024-017": { "ccag": "Travaux", "formePrix": "Unitaire" } }.',
    });
  return json;
}

export async function runDecpCommand(cmd: DecpCommand, io: CommandIO): Promise<number> {
  const progress = new Progress(io.stderr);
  try {
    const complements = cmd.complementsFile ? await readComplements(cmd.complementsFile) : {};
    const mapping = cmd.mappingFile ? await readMappingFile(cmd.mappingFile) : undefined;
    progress.stage("lecture", cmd.inputs.join(", "));
    const loaded = await loadInputs(cmd.inputs, { mapping, mappingFile: cmd.mappingFile ?? undefined });
    if (loaded.contracts.length === 0)
      throw new InputError("ne contient aucun marché", {
        file: cmd.inputs.join(", "),
        hint: "Donnez le registre des marchés (colonnes N° de marché, Objet, Date de notification, Montant, Titulaire…).",
      });
    const exp = buildDecpExport(loaded.contracts, { publicationDay: dayFromIso(io.runDate), complements });
    progress.stage("écriture", cmd.output);
    const text = /\.xml$/i.test(cmd.output) ? decpToXml(exp.document) : JSON.stringify(exp.document, null, 2) + "\n";
    const tmp = `${cmd.output}.${process.pid}.tmp`;
    await fs.promises.writeFile(tmp, text, "utf8");
    await fs.promises.rename(tmp, cmd.output);
    progress.done(`DECP écrites : ${cmd.output}`);
    for (const n of exp.notWritten) io.stderr.write(`${render("fr", describeNotWritten(n))}\n`);
    io.stdout(
      `${exp.written} marché(s) de 40 000 € HT ou plus écrit(s) au format DECP 2024 ; ${exp.notWritten.length} non écrit(s) faute de champs obligatoires (liste ci-dessus, à compléter dans le registre ou avec --complements) ; ${exp.belowThreshold} sous le seuil de 40 000 € HT.\n`
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
