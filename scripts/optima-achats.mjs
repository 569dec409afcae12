#!/usr/bin/env node
// Launcher of the `optima-achats` command (package.json "bin"). It bundles src/cli/main.ts with
// esbuild into node_modules/.cache/optima-achats/cli.mjs when a source file is newer than the
// bundle (a fraction of a second), then runs it: the engine runs as plain JavaScript. The bundle
// is kept per checkout (node_modules may be shared by several checkouts of the project) and
// written under a temporary name then renamed, so that two runs starting together never load a
// half-written bundle.
import { buildSync } from "esbuild";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const entry = path.join(root, "src", "cli", "main.ts");
const checkout = createHash("sha256").update(root).digest("hex").slice(0, 12);
const bundle = path.join(root, "node_modules", ".cache", "optima-achats", checkout, "cli.mjs");

function newestSource(dir) {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (e.name.endsWith(".ts")) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

const srcDirs = ["core", "report", "file", "cli"].map((d) => path.join(root, "src", d));
const sourceTime = Math.max(...srcDirs.filter((d) => fs.existsSync(d)).map(newestSource));
const bundleTime = fs.existsSync(bundle) ? fs.statSync(bundle).mtimeMs : 0;
if (bundleTime < sourceTime) {
  const result = buildSync({ entryPoints: [entry], bundle: true, platform: "node", format: "esm", target: "node20", packages: "external", outfile: bundle, write: false, logLevel: "error" });
  fs.mkdirSync(path.dirname(bundle), { recursive: true });
  const tmp = `${bundle}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, result.outputFiles[0].contents);
  fs.renameSync(tmp, bundle);
}
const { main } = await import(pathToFileURL(bundle).href);
process.exitCode = await main(process.argv.slice(2));
