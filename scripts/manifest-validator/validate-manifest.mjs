#!/usr/bin/env node
// Validates Office add-in XML manifests offline against the patched Office XSDs kept beside this
// script (xsd/, see xsd/PROVENANCE.md), with the xmllint-wasm devDependency. No network.
// Usage: node scripts/manifest-validator/validate-manifest.mjs manifest.xml [more.xml ...]
// Exit 0 = every manifest valid, 1 = one is invalid, 2 = could not run (usage, missing file).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const xsdDir = path.join(here, "xsd");
// The root schema first, then the schemas it imports.
const SCHEMAS = [
  "OfficeAppManifestV1_1",
  "OfficeAppBasicTypesV1_0",
  "TaskPaneAppVersionOverridesV1_0",
  "MailAppVersionOverridesV1_0",
  "MailAppVersionOverridesV1_1",
  "ContentAppVersionOverridesV1_0",
];

async function main(files) {
  if (files.length === 0) {
    console.error("usage : validate-manifest.mjs manifest.xml [...]");
    return 2;
  }
  let xmllint;
  try {
    xmllint = await import("xmllint-wasm");
  } catch (e) {
    console.error(`validate-manifest : xmllint-wasm introuvable (lancez npm ci) : ${e.message}`);
    return 2;
  }
  const schema = SCHEMAS.map((n) => ({
    fileName: `${n}.xsd`,
    contents: fs.readFileSync(path.join(xsdDir, `${n}.xsd`), "utf8"),
  }));
  let invalid = 0;
  for (const file of files) {
    if (!fs.existsSync(file)) {
      console.error(`${file} : fichier introuvable`);
      return 2;
    }
    const result = await xmllint.validateXML({
      xml: [{ fileName: path.basename(file), contents: fs.readFileSync(file, "utf8") }],
      schema: [schema[0]],
      preload: schema.slice(1),
    });
    if (result.valid) {
      console.log(`${file}: valid`);
    } else {
      invalid++;
      console.log(`${file}: INVALID`);
      for (const e of result.errors) console.log(`  ${(e.rawMessage || e.message).trim()}`);
    }
  }
  return invalid > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
