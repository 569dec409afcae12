/**
 * Benchmark of `optima-achats referentiel` on a national-size DECP file (issue #15 §2): generates a
 * DECP 2019-format JSON of N contracts (default 400 000, about 8 000 buyers) in a temporary folder,
 * builds the referentiel from it by streaming, and prints the time and the peak memory (max RSS).
 *   npx tsx scripts/bench/referentiel-stream.ts [contracts]
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { decodeDgcl } from "../../src/core/peers/dgcl";
import { DGCL_2023_DATA, DGCL_2023_SOURCE } from "../../src/core/reference/data/dgcl-epcicom-2023";
import { buildReferentielFromFiles } from "../../src/file/referentiel-build";

const PROCEDURES = ["Procédure adaptée", "Procédure adaptée", "Appel d'offres ouvert", "Marché négocié sans publicité ni mise en concurrence préalable", "Procédure concurrentielle avec négociation"];

async function run(): Promise<void> {
  const n = Number(process.argv[2] ?? 400_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "optima-bench-ref-"));
  const file = path.join(dir, "decp-national.json");
  const dgcl = decodeDgcl(DGCL_2023_DATA, DGCL_2023_SOURCE);
  const communes = [...dgcl.communes.keys()];
  const out = fs.createWriteStream(file);
  const write = (s: string) => new Promise<void>((res) => (out.write(s) ? res() : out.once("drain", () => res())));
  await write('{"marches": [\n');
  for (let i = 0; i < n; i++) {
    const buyer = communes[(i * 7919) % 8_000];
    const item = {
      id: `2019-${i}`,
      uid: `${buyer}000172019${i}`,
      acheteur: { id: `${buyer}00017`, nom: `Commune ${buyer}` },
      _type: "Marché",
      nature: i % 3 === 0 ? "Accord-cadre" : "Marché",
      objet: `Travaux et fournitures n° ${i} pour les services techniques de la commune, lot ${i % 7}`,
      codeCPV: "45210000-2",
      procedure: PROCEDURES[i % PROCEDURES.length],
      lieuExecution: { code: "75056", typeCode: "Code commune", nom: "Paris" },
      dureeMois: 12 + (i % 36),
      dateNotification: `${2018 + (i % 3)}-0${1 + (i % 9)}-15+01:00`,
      datePublicationDonnees: "2019-03-19+01:00",
      montant: 40_000 + ((i * 37) % 900_000),
      formePrix: "Ferme",
      titulaires: [{ typeIdentifiant: "SIRET", id: `${String(300000000 + (i % 20_000) * 37).slice(0, 9)}00011`, denominationSociale: `Entreprise ${i % 20_000}` }],
      modifications: i % 10 === 0 ? [{ objetModification: "Avenant", montant: 50_000 + i }] : [],
    };
    await write((i > 0 ? ",\n" : "") + JSON.stringify(item));
  }
  await write("\n]}\n");
  await new Promise<void>((res) => out.end(() => res()));
  const size = fs.statSync(file).size;
  const t0 = performance.now();
  const ref = await buildReferentielFromFiles([{ path: file }], { label: "bench", indicative: true, builtOn: "2026-12-01", dgcl });
  const seconds = (performance.now() - t0) / 1000;
  const maxRssMiB = process.resourceUsage().maxRSS / 1024;
  console.log(
    JSON.stringify({
      contracts: n,
      fileMiB: Math.round(size / 1024 / 1024),
      seconds: Math.round(seconds * 10) / 10,
      contractsPerSecond: Math.round(n / seconds),
      maxRssMiB: Math.round(maxRssMiB),
      buyers: ref.coverage.buyers,
      groups: ref.groups.length,
    })
  );
  fs.rmSync(dir, { recursive: true, force: true });
}

void run().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
