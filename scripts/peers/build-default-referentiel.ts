/**
 * Rebuilds the shipped default referentiel (src/core/reference/data/referentiel-default.json) from
 * the real public DECP files kept in tests/fixtures/real/:
 *   npx tsx scripts/peers/build-default-referentiel.ts
 * The same as `optima-achats referentiel <files…> -o referentiel.json`, with the sources labelled.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { decodeDgcl } from "../../src/core/peers/dgcl";
import { DGCL_2023_DATA, DGCL_2023_SOURCE } from "../../src/core/reference/data/dgcl-epcicom-2023";
import { buildReferentielFromFiles } from "../../src/file/referentiel-build";

const root = path.resolve(__dirname, "../..");
const real = (f: string) => path.join(root, "tests/fixtures/real", f);

async function run(): Promise<void> {
  const ref = await buildReferentielFromFiles(
    [
      {
        path: real("decp-2019-pes.json"),
        label: "DECP consolidées data.gouv.fr, extrait PES/Hélios, marchés notifiés en 2018-2019 (toutes natures)",
      },
      {
        path: real("croix59-decp-v1-marches-securises-2019-2021.json"),
        label: "DECP de la Ville de Croix (59), 2019-2021 (toutes natures)",
      },
      {
        path: real("megalis-decp-v2-2024-59920013600241.json"),
        label: "DECP format 2024 d'un acheteur breton (Mégalis), 2024",
      },
      {
        path: real("decp-consolide-2024S2-travaux-cpv4521_subset.csv"),
        label: "Table consolidée nationale des DECP, 2e semestre 2024, travaux CPV 4521 seulement",
      },
    ],
    {
      label:
        "Référentiel indicatif Optima Achats, construit sur des fichiers DECP publics réels (2018-2019 toutes natures ; 2024-2025 surtout travaux CPV 4521) : à reconstruire sur les DECP nationales à jour avec « optima-achats referentiel »",
      indicative: true,
      builtOn: "2026-12-01",
      dgcl: decodeDgcl(DGCL_2023_DATA, DGCL_2023_SOURCE),
    }
  );
  const out = path.join(root, "src/core/reference/data/referentiel-default.json");
  const text = JSON.stringify(ref) + "\n";
  fs.writeFileSync(out, text);
  console.log(`${out}: ${Buffer.byteLength(text)} bytes, ${ref.groups.length} groups, ${ref.coverage.buyers} buyers`);
}

void run().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
