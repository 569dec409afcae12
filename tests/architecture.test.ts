/**
 * Layering rules. src/core is the pure engine (indicators over plain data) shared by the task
 * pane, the Excel adapter and the CLI; src/report turns core results into report specs. Neither
 * may depend on Office, React, Fluent UI, Node built-ins or the outer layers.
 *
 *   core   -> core only
 *   ooxml  -> ooxml, core (types)
 *   report -> report, core, ooxml
 *   app    -> app, core, report
 *
 * Relative imports are resolved and checked against an allow-list of src/ folders, so
 * ../report, ../excel, ../file, ../cli, ../taskpane, ../commands (however spelled) all fail.
 */
import { builtinModules } from "module";
import { existsSync, readdirSync, readFileSync, statSync } from "fs";
import { dirname, join, relative, resolve, sep } from "path";

const ROOT = resolve(__dirname, "..");
const SRC = join(ROOT, "src");

interface ImportSite {
  line: number;
  specifier: string;
}

/**
 * Replaces comments (and, when asked, string/template contents) by spaces, keeping every newline
 * so that offsets still map to the same line numbers.
 */
function blankOut(source: string, blankStrings: boolean): string {
  const out = source.split("");
  const blank = (from: number, to: number) => {
    for (let i = from; i < to; i++) if (out[i] !== "\n") out[i] = " ";
  };
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    const next = source[i + 1];
    if (c === "/" && next === "/") {
      const end = source.indexOf("\n", i);
      const stop = end === -1 ? source.length : end;
      blank(i, stop);
      i = stop;
    } else if (c === "/" && next === "*") {
      const end = source.indexOf("*/", i + 2);
      const stop = end === -1 ? source.length : end + 2;
      blank(i, stop);
      i = stop;
    } else if (c === '"' || c === "'" || c === "`") {
      let j = i + 1;
      while (j < source.length && source[j] !== c) {
        if (source[j] === "\\") j++;
        else if (c !== "`" && source[j] === "\n") break;
        j++;
      }
      if (blankStrings) blank(i + 1, j);
      i = j + 1;
    } else {
      i++;
    }
  }
  return out.join("");
}

/** Every module specifier imported, re-exported or required by a TypeScript source. */
export function findImports(source: string): ImportSite[] {
  const code = blankOut(source, false);
  const patterns = [
    /\bimport\s+(?:type\s+)?[\w*{}\s,$]*?\s*from\s*(["'])([^"'\n]+)\1/g, // import x from "m"
    /\bimport\s*(["'])([^"'\n]+)\1/g, // import "m"
    /\bexport\s+(?:type\s+)?(?:\*(?:\s+as\s+\w+)?|\{[^}]*\})\s*from\s*(["'])([^"'\n]+)\1/g, // export … from "m"
    /\b(?:require|import)\s*\(\s*(["'])([^"'\n]+)\1\s*\)/g, // require("m"), import("m")
    /\bimport\s+\w+\s*=\s*require\s*\(\s*(["'])([^"'\n]+)\1\s*\)/g, // import x = require("m")
  ];
  const sites = new Map<number, ImportSite>();
  for (const pattern of patterns) {
    for (const match of code.matchAll(pattern)) {
      const specifierIndex = match.index! + match[0].lastIndexOf(match[2]);
      const line = code.slice(0, specifierIndex).split("\n").length;
      sites.set(specifierIndex, { line, specifier: match[2] });
    }
  }
  return [...sites.values()].sort((a, b) => a.line - b.line);
}

/** Uses of the Office.js globals (Office.*, Excel.*, OfficeExtension.*) in code, not in text. */
export function findOfficeGlobals(source: string): ImportSite[] {
  const code = blankOut(source, true);
  const sites: ImportSite[] = [];
  for (const match of code.matchAll(
    /(?<![\w$.])(Office|Excel|OfficeExtension)\s*\.\s*[A-Za-z_$]/g
  )) {
    sites.push({ line: code.slice(0, match.index).split("\n").length, specifier: match[1] });
  }
  return sites;
}

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, m.split("/")[0]]));

/** Why a bare (package) specifier is forbidden in a pure layer, or null when it is allowed. */
function forbiddenPackage(specifier: string): string | null {
  if (specifier.startsWith("node:")) return "Node built-in";
  const pkg = specifier.startsWith("@")
    ? specifier.split("/").slice(0, 2).join("/")
    : specifier.split("/")[0];
  if (NODE_BUILTINS.has(pkg)) return "Node built-in";
  if (["office-js", "@microsoft/office-js", "@types/office-js", "office-addin-mock"].includes(pkg))
    return "Office.js";
  if (pkg === "react" || pkg === "react-dom" || pkg.startsWith("@types/react")) return "React";
  if (pkg.startsWith("@fluentui/")) return "Fluent UI";
  return null;
}

function listSources(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return listSources(full);
    return /\.tsx?$/.test(name) && !name.endsWith(".d.ts") ? [full] : [];
  });
}

/** The top-level folder of src/ that a resolved path falls in ("core", "report", …), or null. */
function layerOf(absolutePath: string): string | null {
  const rel = relative(SRC, absolutePath);
  if (rel.startsWith("..") || rel === "") return null;
  return rel.split(sep)[0];
}

function violations(layer: string, allowedLayers: string[]): string[] {
  const found: string[] = [];
  for (const file of listSources(join(SRC, layer))) {
    const source = readFileSync(file, "utf8");
    const where = (line: number) => `${relative(ROOT, file).split(sep).join("/")}:${line}`;
    for (const { line, specifier } of findImports(source)) {
      if (specifier.startsWith(".")) {
        const target = layerOf(resolve(dirname(file), specifier));
        if (target === null || !allowedLayers.includes(target)) {
          found.push(
            `${where(line)}  imports "${specifier}" (src/${target ?? "<outside src>"}; ${layer} may import ${allowedLayers.join(", ")} only)`
          );
        }
      } else if (specifier.startsWith("/")) {
        found.push(`${where(line)}  imports absolute path "${specifier}"`);
      } else {
        const reason = forbiddenPackage(specifier);
        if (reason) found.push(`${where(line)}  imports "${specifier}" (${reason})`);
      }
    }
    for (const { line, specifier } of findOfficeGlobals(source)) {
      found.push(`${where(line)}  uses the ${specifier} global (Office.js)`);
    }
  }
  return found;
}

function expectClean(found: string[], layer: string) {
  if (found.length > 0) {
    throw new Error(`src/${layer} breaks the layering rules:\n  ${found.join("\n  ")}`);
  }
}

describe("architecture", () => {
  test("src/core exists and holds TypeScript sources", () => {
    expect(listSources(join(SRC, "core")).length).toBeGreaterThan(0);
  });

  test("src/core imports nothing but src/core", () => {
    expectClean(violations("core", ["core"]), "core");
  });

  test("src/report imports only src/report, src/core and src/ooxml", () => {
    expectClean(violations("report", ["report", "core", "ooxml"]), "report");
  });

  test("src/ooxml (OOXML shared by the readers and the writer) imports only src/ooxml and src/core", () => {
    expect(listSources(join(SRC, "ooxml")).length).toBeGreaterThan(0);
    expectClean(violations("ooxml", ["ooxml", "core"]), "ooxml");
  });

  test("src/app (the application pipeline) imports only src/app, src/core and src/report", () => {
    expect(listSources(join(SRC, "app")).length).toBeGreaterThan(0);
    expectClean(violations("app", ["app", "core", "report"]), "app");
  });
});

describe("import scanner", () => {
  const sample = [
    'import { a } from "./a";', // 1
    "import type { B } from '../report/b';", // 2
    "import {", // 3
    "  c,", // 4
    '} from "react";', // 5
    'import "node:fs";', // 6
    'export * from "../excel/x";', // 7
    'const z = require("zlib");', // 8
    '// import { no } from "@fluentui/react-components";', // 9
    '/* import x from "os"; */', // 10
    'const text = "Ouvrez le fichier dans Excel. Office.";', // 11
    "await Excel.run(async () => {});", // 12
    'export { d } from "@fluentui/react-components";', // 13
    'const m = await import("../cli/main");', // 14
  ].join("\n");

  test("finds every import form with its line, ignoring comments", () => {
    expect(findImports(sample)).toEqual([
      { line: 1, specifier: "./a" },
      { line: 2, specifier: "../report/b" },
      { line: 5, specifier: "react" },
      { line: 6, specifier: "node:fs" },
      { line: 7, specifier: "../excel/x" },
      { line: 8, specifier: "zlib" },
      { line: 13, specifier: "@fluentui/react-components" },
      { line: 14, specifier: "../cli/main" },
    ]);
  });

  test("finds Office.js globals in code but not in strings or comments", () => {
    expect(findOfficeGlobals(sample)).toEqual([{ line: 12, specifier: "Excel" }]);
  });

  test("classifies forbidden packages", () => {
    expect(forbiddenPackage("fs")).toBe("Node built-in");
    expect(forbiddenPackage("fs/promises")).toBe("Node built-in");
    expect(forbiddenPackage("node:path")).toBe("Node built-in");
    expect(forbiddenPackage("child_process")).toBe("Node built-in");
    expect(forbiddenPackage("crypto")).toBe("Node built-in");
    expect(forbiddenPackage("react-dom/client")).toBe("React");
    expect(forbiddenPackage("@fluentui/react-components")).toBe("Fluent UI");
    expect(forbiddenPackage("@microsoft/office-js")).toBe("Office.js");
    expect(forbiddenPackage("fast-check")).toBeNull();
  });
});
