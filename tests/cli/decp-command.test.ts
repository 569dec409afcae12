/** `optima-achats decp` (issue #11 §4): the buyer's DECP 2024 from its register, valid, nothing dropped. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseArgs, UsageError } from "../../src/cli/args";
import { runDecpCommand } from "../../src/cli/decp-command";
import { parseXml } from "../../src/core/xml";
import { DECP_JSON_SCHEMA, M1_COMPLEMENTS } from "../helpers/decp";
import { validateJson } from "../helpers/json-schema";

const schema = DECP_JSON_SCHEMA;
let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "optima-decp-cli-"))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// Register: M1 (250 000 €, complete with the complements), M2 (12 000 €, under the threshold),
// M3 (90 000 €, no complements: listed with its missing fields).
const REGISTER = [
  "id;acheteur.id;objet;codeCPV;procedure;dateNotification;dureeMois;montant;titulaire.id;titulaire;offresRecues;marcheInnovant;considerationsSociales;considerationsEnvironnementales;techniques",
  "M1;21930077000018;Voirie;45233140-2;Appel d'offres ouvert;15/03/2024;24;250 000,00;32901414700022;COLAS;4;non;Pas de considération sociale;Pas de considération environnementale;Sans objet",
  "M2;21930077000018;Papier;30197630-1;Procédure adaptée;20/03/2024;12;12 000,00;32901414700022;COLAS;2;non;Pas de considération sociale;Pas de considération environnementale;Sans objet",
  "M3;21930077000018;Écoles;45214200-2;Procédure adaptée;01/04/2024;12;90 000,00;32901414700022;COLAS;3;non;Pas de considération sociale;Pas de considération environnementale;Sans objet",
].join("\n");
const COMPLEMENTS = M1_COMPLEMENTS;

async function run(out: string) {
  const reg = path.join(dir, "registre.csv");
  fs.writeFileSync(reg, REGISTER);
  const comp = path.join(dir, "complements.json");
  fs.writeFileSync(comp, JSON.stringify(COMPLEMENTS));
  const cmd = parseArgs(["decp", reg, "-o", out, "--complements", comp]);
  let stdout = "";
  let stderr = "";
  const code = await runDecpCommand(cmd as never, { stdout: (t) => (stdout += t), stderr: { write: (t) => (stderr += t), isTTY: false }, runDate: "2024-04-10" });
  return { code, stdout, stderr };
}

test("writes the contracts of 40 000 € HT or more as DECP 2024 JSON, valid against the official schema", async () => {
  const out = path.join(dir, "decp.json");
  const r = await run(out);
  expect(r.code).toBe(0);
  const doc = JSON.parse(fs.readFileSync(out, "utf8"));
  expect(doc.marches.marche.map((m: { id: string; montant: number }) => [m.id, m.montant])).toEqual([["M1", 250_000]]);
  expect(validateJson(schema, doc)).toEqual([]);
  expect(r.stdout).toMatch(/^1 marché\(s\) .* ; 1 non écrit\(s\) .* ; 1 sous le seuil/);
  expect(r.stderr).toMatch(/Marché « M3 » \(registre\.csv, ligne 4\) non publié, champs obligatoires manquants : modalitesExecution/);
});

test("-o decp.xml writes the XML form", async () => {
  const out = path.join(dir, "decp.xml");
  expect((await run(out)).code).toBe(0);
  const back = parseXml(fs.readFileSync(out, "utf8")) as { marches: { marche: Record<string, unknown> } };
  expect(back.marches.marche.id).toBe("M1");
});

test("usage errors are French and say what to give", () => {
  expect(() => parseArgs(["decp", "a.csv", "-o", "x.txt"])).toThrow(new UsageError("Indiquez le fichier DECP à écrire avec -o decp.json ou -o decp.xml."));
  expect(() => parseArgs(["decp", "-o", "x.json"])).toThrow(/Indiquez le registre des marchés/);
  expect(() => parseArgs(["decp", "a.csv", "-o", "x.json", "--foo"])).toThrow(/Option inconnue pour « decp » : « --foo »/);
});
