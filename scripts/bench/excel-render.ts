/**
 * Round trips and payloads of a full analysis through the Excel gateway (src/excel), on the
 * recording fake of the Excel object model (tests/excel/fake-excel.ts, 5 MB limit like Excel on the
 * web). For each size: the Sources step (sample reads), then two analysis runs (the second one reads
 * back the owned input sheets and rewrites the owned sheets). Prints, per run, the context.sync
 * count (reads / write), the largest request and response, and the bytes exchanged.
 *
 * Usage: npx tsx scripts/bench/excel-render.ts [lines…]   (default: 100000)
 *        e.g. NODE_OPTIONS=--max-old-space-size=6144 npx tsx scripts/bench/excel-render.ts 100000 1000000
 */
import { ExcelWorkbookGateway } from "../../src/excel/excel-gateway";
import { PAYLOAD_LIMIT_BYTES } from "../../src/excel/payload";
import { analysisRun, chooseSources, sourceWorkbook } from "../../tests/excel/scenario";

const mb = (n: number) => `${(n / 1_000_000).toFixed(2)} MB`;
const fr = (n: number) => n.toLocaleString("fr-FR");

async function bench(lines: number): Promise<void> {
  const t0 = performance.now();
  const wb = sourceWorkbook(lines);
  const gateway = new ExcelWorkbookGateway({ host: wb.fake.host() });
  const before = wb.snapshots();
  await chooseSources(gateway);
  const chooseSyncs = wb.fake.syncCount;
  console.log(`\n${fr(lines)} lignes (+ 300 marchés, entités) — jeu généré en ${Math.round(performance.now() - t0)} ms`);
  console.log(`  étape Sources (listage + échantillons de 60 lignes) : ${chooseSyncs} syncs`);
  console.log("  run | syncs (lecture + écriture) | max requête | max réponse | octets échangés | estimation max requête | durée lecture / cœur / écriture");
  for (const label of ["1", "2"]) {
    const r = await analysisRun(gateway, wb.fake, label === "1" ? "2026-01-15" : "2026-01-16");
    const from = r.firstSync;
    const failed = wb.fake.syncLog.slice(from).filter((s) => !s.ok).length;
    console.log(
      `  ${label}   | ${String(r.syncs).padStart(5)} (${r.syncs - r.writeSyncs} + ${r.writeSyncs})`.padEnd(34) +
        ` | ${mb(wb.fake.maxRequestBytes(from)).padStart(11)} | ${mb(wb.fake.maxResponseBytes(from)).padStart(11)} | ${mb(wb.fake.totalBytes(from)).padStart(15)} | ${mb(gateway.stats.maxRequestEstimate).padStart(22)} | ${Math.round(r.timings.readMs)} / ${Math.round(r.timings.coreMs)} / ${Math.round(r.timings.writeMs)} ms` +
        (failed ? `  (${failed} sync(s) refusée(s))` : ""),
    );
  }
  const unchanged = JSON.stringify(wb.snapshots()) === JSON.stringify(before);
  const over = wb.fake.syncLog.filter((s) => s.requestBytes > PAYLOAD_LIMIT_BYTES || s.responseBytes > PAYLOAD_LIMIT_BYTES).length;
  console.log(`  sources inchangées : ${unchanged ? "oui" : "NON"} · syncs au-delà de 4 MB : ${over} · découpages sur erreur de taille : ${gateway.stats.splits}`);
}

async function main(): Promise<void> {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  for (const n of sizes.length > 0 ? sizes : [100_000]) await bench(n);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
