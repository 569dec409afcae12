/**
 * How many indicators a contracts-only input computes (issue #11 §1): each real register and DECP
 * file of tests/fixtures/real/ (and the official concessions example) through the same loading and
 * analysis as the command line, one line per file with the ids computed; `--detail` adds each
 * indicator's value or N/A reason, its basis and its coverage.
 *
 *   npx tsx scripts/contracts-coverage.ts [--detail]
 */
import * as path from "node:path";
import { analyse } from "../src/core/analyse";
import { render } from "../src/core/messages/render";
import { loadInputs } from "../src/file/load-inputs";

const ROOT = path.resolve(__dirname, "..");
const FILES = [
  "tests/fixtures/real/villemomble93-marches-conclus-2010-art133_cp1252.csv",
  "tests/fixtures/real/region-bretagne-marches-conclus-2021_pipe.csv",
  "tests/fixtures/real/megalis-decp-v2-2024-59920013600241.json",
  "tests/fixtures/real/croix59-decp-v1-marches-securises-2019-2021.json",
  "tests/fixtures/real/decp-2019-pes.json",
  "tests/fixtures/real/decp-bercy-consolide-format2022-echantillon.csv",
  "tests/fixtures/real/decp-v2-exemple-officiel-Marche.xml",
];

async function main(): Promise<void> {
  const detail = process.argv.includes("--detail");
  for (const file of FILES) {
    const loaded = await loadInputs([path.join(ROOT, file)]);
    const a = analyse(loaded);
    const computed = a.indicators.filter((i) => i.value !== null);
    console.log(
      `${path.basename(file)}: ${loaded.contracts.length} marchés, ${loaded.spend.length} lignes de dépense, ` +
        `période ${a.period.label}, base ${a.basis} — ${computed.length}/${a.indicators.length} calculés : ` +
        computed.map((i) => i.id).join(" ")
    );
    if (!detail) continue;
    for (const i of a.indicators) {
      const v = i.value === null ? `N/D ${i.na ? render("fr", i.na) : ""}` : `= ${i.value}`;
      console.log(
        `  ${i.id} [${i.basis ?? "-"}] ${v} (${i.coverage.n}/${i.coverage.N} ${i.coverage.of})`
      );
    }
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
