/**
 * Layer rules of the README, checked with dependency-cruiser against .dependency-cruiser.cjs
 * (which lists them): every src/ layer imports only the layers below it, core/ooxml/report/
 * workbook/app use no Node built-in, no React/Fluent/Office below the front ends, core uses no
 * package, no devDependency in src/, every import resolves, and no import cycle anywhere.
 * A broken miniature of src/ (tests/fixtures/architecture) proves that each rule fires.
 *
 * dependency-cruiser sees imports only; the Office.js globals (Excel.run, Office.context…) need no
 * import, so a scanner below checks that they appear only in src/excel, src/taskpane and
 * src/commands, and Excel.run only in src/excel.
 */
import { execFileSync } from "child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "fs";
import { join, relative, resolve, sep } from "path";

const ROOT = resolve(__dirname, "..");
const SRC = join(ROOT, "src");
const CONFIG = join(ROOT, ".dependency-cruiser.cjs");
const DEPCRUISE = join(ROOT, "node_modules", ".bin", "depcruise");

interface Violation {
  rule: string;
  from: string;
  to: string;
}

interface ImportSite {
  line: number;
  specifier: string;
}

/** Runs dependency-cruiser on `<cwd>/src` with the project's rules; its violations. */
function cruise(cwd: string): { violations: Violation[]; modules: number } {
  let out: string;
  try {
    out = execFileSync(DEPCRUISE, ["src", "--config", CONFIG, "--output-type", "json"], {
      cwd,
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
    });
  } catch (e) {
    // depcruise exits non-zero when it finds violations; its JSON is still on stdout.
    const stdout = (e as { stdout?: string }).stdout;
    if (!stdout) throw e;
    out = stdout;
  }
  const json = JSON.parse(out) as {
    modules: unknown[];
    summary: { violations: { rule: { name: string }; from: string; to: string }[] };
  };
  return {
    modules: json.modules.length,
    violations: json.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to })),
  };
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

function listSources(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return listSources(full);
    return /\.tsx?$/.test(name) && !name.endsWith(".d.ts") ? [full] : [];
  });
}

const OFFICE_LAYERS = ["excel", "taskpane", "commands"];

function officeGlobalMisuse(): string[] {
  const found: string[] = [];
  for (const file of listSources(SRC)) {
    const layer = relative(SRC, file).split(sep)[0];
    const source = readFileSync(file, "utf8");
    const where = (line: number) => `${relative(ROOT, file).split(sep).join("/")}:${line}`;
    for (const { line, specifier } of findOfficeGlobals(source)) {
      if (!OFFICE_LAYERS.includes(layer)) found.push(`${where(line)}  uses the ${specifier} global`);
    }
    const code = blankOut(source, true);
    for (const m of code.matchAll(/(?<![\w$.])Excel\s*\.\s*run\b/g)) {
      if (layer !== "excel") {
        found.push(`${where(code.slice(0, m.index).split("\n").length)}  calls Excel.run outside src/excel`);
      }
    }
  }
  return found;
}

describe("architecture (dependency-cruiser, .dependency-cruiser.cjs)", () => {
  test("src/ breaks no layer rule and has no import cycle", () => {
    const { violations, modules } = cruise(ROOT);
    expect(modules).toBeGreaterThan(100);
    expect(violations.map((v) => `${v.rule}: ${v.from} -> ${v.to}`)).toEqual([]);
  });

  test("every rule fires on the broken miniature of src/", () => {
    const { violations } = cruise(join(ROOT, "tests", "fixtures", "architecture"));
    const fired = (rule: string, from: string) =>
      violations.some((v) => v.rule === rule && v.from === from);
    expect({
      coreImportsReport: fired("core-layer", "src/core/imports-report.ts"),
      coreUsesNode: fired("neutral-no-node", "src/core/uses-node.ts"),
      cycle: violations.some((v) => v.rule === "no-circular"),
      excelImportsPane: fired("excel-layer", "src/excel/imports-pane.ts"),
      paneImportsFile: fired("taskpane-layer", "src/taskpane/pane.ts"),
      fileImportsReact: fired("neutral-no-ui-or-office", "src/file/reader.ts"),
    }).toEqual({
      coreImportsReport: true,
      coreUsesNode: true,
      cycle: true,
      excelImportsPane: true,
      paneImportsFile: true,
      fileImportsReact: true,
    });
  });

  test("Office.js globals only in the Office front ends, Excel.run only in src/excel", () => {
    expect(officeGlobalMisuse()).toEqual([]);
  });
});

describe("Office.js global scanner", () => {
  const sample = [
    'const text = "Ouvrez le fichier dans Excel. Office.";', // 1
    "// Excel.run in a comment", // 2
    "await Excel.run(async () => {});", // 3
    "const host = Office.context.host;", // 4
    "const myExcel = { run: 1 }; myExcel.run;", // 5
  ].join("\n");

  test("finds Office.js globals in code but not in strings or comments", () => {
    expect(findOfficeGlobals(sample)).toEqual([
      { line: 3, specifier: "Excel" },
      { line: 4, specifier: "Office" },
    ]);
  });
});
