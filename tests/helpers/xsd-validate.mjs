// Validates an XML file against an XSD with the xmllint-wasm devDependency (as
// scripts/manifest-validator/validate-manifest.mjs does). Usage: node xsd-validate.mjs schema.xsd file.xml
// Prints "valid" or the errors; exit code 0 when valid, 1 when not, 2 when the validator is missing.
import fs from "node:fs";
import path from "node:path";
const [xsd, xml] = process.argv.slice(2);
let xmllint;
try {
  xmllint = await import("xmllint-wasm");
} catch (e) {
  console.error(`xmllint-wasm introuvable : ${e.message}`);
  process.exit(2);
}
const result = await xmllint.validateXML({
  xml: [{ fileName: path.basename(xml), contents: fs.readFileSync(xml, "utf8") }],
  schema: [{ fileName: path.basename(xsd), contents: fs.readFileSync(xsd, "utf8") }],
});
if (result.valid) console.log("valid");
else for (const e of result.errors) console.log((e.rawMessage || e.message).trim());
process.exit(result.valid ? 0 : 1);
