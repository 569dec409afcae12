/**
 * Child process for the "no temporary file" tests: points TMPDIR at a private folder (`--tmpdir=`,
 * set here rather than in the child's environment, so that tsx's own cache stays out of it),
 * reads the given inputs in full (openXlsx + readRows for workbooks, then loadInputs on all of
 * them), and prints what that folder holds after the read, before the process exits.
 * `--leak` first writes a file there: the control that shows the check can fail.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loadInputs } from "../../src/file/load-inputs";
import { openXlsx } from "../../src/file/xlsx-reader";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const own = args.find((a) => a.startsWith("--tmpdir="));
  if (own) process.env.TMPDIR = own.slice("--tmpdir=".length);
  if (args.includes("--leak")) fs.writeFileSync(path.join(os.tmpdir(), "leak.tmp"), "x");
  const files = args.filter((a) => !a.startsWith("--"));
  for (const f of files.filter((x) => x.endsWith(".xlsx"))) {
    const book = await openXlsx(f);
    for (const s of book.sheets) await book.readRows(s.name, () => undefined);
  }
  const loaded = await loadInputs(files);
  process.stdout.write(JSON.stringify({ tmpdir: os.tmpdir(), entries: fs.readdirSync(os.tmpdir()), rows: loaded.reconciliation.rowsRead }));
}

main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e));
  process.exitCode = 1;
});
