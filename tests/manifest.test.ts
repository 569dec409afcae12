/**
 * Cross-reference checks on manifest.xml that the XSD cannot express, plus the offline XSD
 * validation itself (scripts/manifest-validator/validate-manifest.mjs, which must run: no skipping).
 */
import { spawnSync } from "child_process";
import { existsSync, readFileSync } from "fs";
import { join, resolve } from "path";

const ROOT = resolve(__dirname, "..");
const MANIFEST_PATH = join(ROOT, "manifest.xml");
const VALIDATOR = join(ROOT, "scripts", "manifest-validator", "validate-manifest.mjs");
const DEV_ORIGIN = "https://localhost:3000/";

// ---------------------------------------------------------------------------------------------
// A minimal XML reader: elements, attributes and text. Enough for a manifest (no DTD, no entities
// beyond the five predefined ones and numeric references).

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  /** 1-based line of the start tag, for failure messages. */
  line: number;
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, ref: string) => {
    if (ref === "amp") return "&";
    if (ref === "lt") return "<";
    if (ref === "gt") return ">";
    if (ref === "quot") return '"';
    if (ref === "apos") return "'";
    return String.fromCodePoint(
      ref[1] === "x" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)
    );
  });
}

function parseXml(source: string): XmlElement {
  const root: XmlElement = { name: "#document", attrs: {}, children: [], text: "", line: 1 };
  const stack: XmlElement[] = [root];
  const lineAt = (index: number) => source.slice(0, index).split("\n").length;
  const token =
    /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<!DOCTYPE[^>]*>|<\/([^\s>]+)\s*>|<([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = token.exec(source)) !== null) {
    if (match.index !== consumed) {
      throw new Error(`XML: unexpected content at line ${lineAt(consumed)}`);
    }
    consumed = token.lastIndex;
    const [whole, cdata, closeName, openName, rawAttrs, selfClosing, text] = match;
    const current = stack[stack.length - 1];
    if (whole.startsWith("<!--") || whole.startsWith("<?") || whole.startsWith("<!DOCTYPE"))
      continue;
    if (cdata !== undefined) {
      current.text += cdata;
    } else if (closeName !== undefined) {
      if (current.name !== closeName) {
        throw new Error(
          `XML: </${closeName}> closes <${current.name}> at line ${lineAt(match.index)}`
        );
      }
      stack.pop();
    } else if (openName !== undefined) {
      const attrs: Record<string, string> = {};
      const attr = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
      let a: RegExpExecArray | null;
      while ((a = attr.exec(rawAttrs)) !== null) {
        if (a[1] in attrs)
          throw new Error(`XML: duplicate attribute ${a[1]} at line ${lineAt(match.index)}`);
        attrs[a[1]] = decodeEntities(a[2] ?? a[3]);
      }
      const element: XmlElement = {
        name: openName,
        attrs,
        children: [],
        text: "",
        line: lineAt(match.index),
      };
      current.children.push(element);
      if (!selfClosing) stack.push(element);
    } else if (text !== undefined) {
      current.text += decodeEntities(text);
    }
  }
  if (consumed !== source.length)
    throw new Error(`XML: unreadable content at line ${lineAt(consumed)}`);
  if (stack.length !== 1) throw new Error(`XML: <${stack[stack.length - 1].name}> is never closed`);
  const elements = root.children;
  if (elements.length !== 1) throw new Error("XML: expected exactly one root element");
  return elements[0];
}

/** Local name without namespace prefix ("bt:Image" -> "Image"). */
const local = (name: string) => name.slice(name.indexOf(":") + 1);

function descendants(element: XmlElement): XmlElement[] {
  return element.children.flatMap((child) => [child, ...descendants(child)]);
}

function child(element: XmlElement, name: string): XmlElement {
  const found = element.children.find((c) => local(c.name) === name);
  if (!found) throw new Error(`<${element.name}> has no <${name}> child`);
  return found;
}

/** Reads width and height from a PNG's IHDR chunk, or throws when the file is not a PNG. */
function pngSize(file: string): { width: number; height: number } {
  const data = readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (data.length < 33 || !data.subarray(0, 8).equals(signature))
    throw new Error(`${file} is not a PNG`);
  if (data.toString("ascii", 12, 16) !== "IHDR")
    throw new Error(`${file}: first chunk is not IHDR`);
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

// ---------------------------------------------------------------------------------------------

const manifestText = readFileSync(MANIFEST_PATH, "utf8");
const manifest = parseXml(manifestText);
const all = descendants(manifest);
const resources = child(child(manifest, "VersionOverrides"), "Resources");

type ResourceKind = "Images" | "Urls" | "ShortStrings" | "LongStrings";
const RESOURCE_KINDS: ResourceKind[] = ["Images", "Urls", "ShortStrings", "LongStrings"];

/** id -> { kind, element } for every resource declared in <Resources>. */
const declared = new Map<string, { kind: ResourceKind; element: XmlElement }>();
for (const kind of RESOURCE_KINDS) {
  const group = resources.children.find((c) => local(c.name) === kind);
  for (const element of group?.children ?? []) {
    const id = element.attrs.id;
    if (declared.has(id)) throw new Error(`resource id ${id} declared twice`);
    declared.set(id, { kind, element });
  }
}
const resourcesOf = (kind: ResourceKind) =>
  [...declared.values()].filter((r) => r.kind === kind).map((r) => r.element);

/** Elements that reference a resource (resid attribute), outside <Resources>. */
const references = all.filter((e) => e.attrs.resid !== undefined);

/** The resource kind a referencing element must point to. */
function expectedKind(element: XmlElement, parent: XmlElement): ResourceKind {
  const name = local(element.name);
  if (name === "Image") return "Images";
  if (name === "Label" || name === "Title") return "ShortStrings";
  if (name === "Description") return "LongStrings";
  if (["SourceLocation", "FunctionFile", "LearnMoreUrl"].includes(name)) return "Urls";
  throw new Error(
    `unknown resid user <${element.name}> under <${parent.name}> (line ${element.line})`
  );
}

function parentOf(target: XmlElement, from: XmlElement = manifest): XmlElement | undefined {
  for (const c of from.children) {
    if (c === target) return from;
    const found = parentOf(target, c);
    if (found) return found;
  }
  return undefined;
}

describe("manifest.xml", () => {
  test("is an Excel task pane add-in with a GUID Id and fr-FR default locale", () => {
    expect(local(manifest.name)).toBe("OfficeApp");
    expect(manifest.attrs["xsi:type"]).toBe("TaskPaneApp");
    expect(child(manifest, "Id").text.trim()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i
    );
    expect(child(manifest, "Id").text.trim()).not.toBe("00000000-0000-0000-0000-000000000000");
    expect(child(manifest, "DefaultLocale").text.trim()).toBe("fr-FR");
    expect(child(manifest, "ProviderName").text.trim()).toBe("Optima Achats");
    expect(child(child(manifest, "Hosts"), "Host").attrs.Name).toBe("Workbook");
    expect(child(manifest, "Permissions").text.trim()).toBe("ReadWriteDocument");
    const excelApi = all.find((e) => local(e.name) === "Set" && e.attrs.Name === "ExcelApi");
    expect(excelApi?.attrs.MinVersion).toBe("1.7");
  });

  test("every resid is declared in Resources, with the right resource kind", () => {
    const problems: string[] = [];
    for (const element of references) {
      const parent = parentOf(element) ?? manifest;
      const id = element.attrs.resid;
      const found = declared.get(id);
      if (!found)
        problems.push(`line ${element.line}: resid "${id}" is not declared in <Resources>`);
      else if (found.kind !== expectedKind(element, parent)) {
        problems.push(
          `line ${element.line}: resid "${id}" is in bt:${found.kind}, expected bt:${expectedKind(element, parent)}`
        );
      }
      if (id.length > 32)
        problems.push(`line ${element.line}: resid "${id}" is longer than 32 characters`);
    }
    expect(problems).toEqual([]);
    expect(references.length).toBeGreaterThan(0);
  });

  test("every declared resource is used", () => {
    const used = new Set(references.map((e) => e.attrs.resid));
    expect([...declared.keys()].filter((id) => !used.has(id))).toEqual([]);
  });

  test("every URL is https", () => {
    const urls: { where: string; url: string }[] = [];
    for (const element of [manifest, ...all]) {
      for (const [name, value] of Object.entries(element.attrs)) {
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) && !name.startsWith("xmlns")) {
          urls.push({ where: `line ${element.line} <${element.name} ${name}>`, url: value });
        }
      }
      if (/^\s*[a-z][a-z0-9+.-]*:\/\//i.test(element.text)) {
        urls.push({ where: `line ${element.line} <${element.name}>`, url: element.text.trim() });
      }
    }
    // The elements that must carry a URL all do.
    const mustBeUrls = [
      child(manifest, "IconUrl"),
      child(manifest, "HighResolutionIconUrl"),
      child(manifest, "SupportUrl"),
      child(child(manifest, "DefaultSettings"), "SourceLocation"),
      ...resourcesOf("Images"),
      ...resourcesOf("Urls"),
    ];
    for (const element of mustBeUrls) {
      expect(`${element.name}: ${element.attrs.DefaultValue}`).toMatch(/: https:\/\/[^\s]+$/);
    }
    expect(urls.filter(({ url }) => !url.startsWith("https://"))).toEqual([]);
    expect(urls.length).toBeGreaterThan(5);
  });

  test("strings respect the manifest length limits", () => {
    const tooLong: string[] = [];
    const check = (element: XmlElement, max: number) => {
      const values = [element.attrs.DefaultValue, ...element.children.map((o) => o.attrs.Value)];
      for (const value of values) {
        if (value === undefined || value.trim() === "")
          tooLong.push(`line ${element.line}: empty string`);
        else if ([...value].length > max)
          tooLong.push(`line ${element.line}: ${[...value].length} > ${max}: ${value}`);
      }
    };
    check(child(manifest, "DisplayName"), 125);
    check(child(manifest, "Description"), 250);
    resourcesOf("ShortStrings").forEach((s) => check(s, 125));
    resourcesOf("LongStrings").forEach((s) => check(s, 250));
    expect(tooLong).toEqual([]);
  });

  test("every French string has an en-US override", () => {
    const localized = [
      child(manifest, "DisplayName"),
      child(manifest, "Description"),
      ...resourcesOf("ShortStrings"),
      ...resourcesOf("LongStrings"),
    ];
    const missing = localized
      .filter((element) => {
        const override = element.children.find(
          (o) => local(o.name) === "Override" && o.attrs.Locale === "en-US"
        );
        return !override || !override.attrs.Value?.trim();
      })
      .map((element) => `line ${element.line}: <${element.name} ${element.attrs.id ?? ""}>`);
    expect(missing).toEqual([]);
    expect(localized.length).toBeGreaterThanOrEqual(6);
  });

  test("each icon is a PNG in assets/ with the declared size", () => {
    /** URL -> declared pixel size, from IconUrl (32), HighResolutionIconUrl (64) and bt:Image uses. */
    const declaredSizes = new Map<string, Set<number>>();
    const declare = (url: string, size: number) => {
      declaredSizes.set(url, (declaredSizes.get(url) ?? new Set()).add(size));
    };
    declare(child(manifest, "IconUrl").attrs.DefaultValue, 32);
    declare(child(manifest, "HighResolutionIconUrl").attrs.DefaultValue, 64);
    for (const use of references.filter((e) => local(e.name) === "Image")) {
      const image = declared.get(use.attrs.resid)?.element;
      if (image) declare(image.attrs.DefaultValue, Number(use.attrs.size));
    }
    // 16, 32 (ribbon and IconUrl), 64 (HighResolutionIconUrl) and 80.
    expect(declaredSizes.size).toBeGreaterThanOrEqual(4);

    const problems: string[] = [];
    for (const [url, sizes] of declaredSizes) {
      if (!url.startsWith(`${DEV_ORIGIN}assets/`)) {
        problems.push(`${url}: icons must be served from ${DEV_ORIGIN}assets/`);
        continue;
      }
      if (sizes.size !== 1) {
        problems.push(`${url}: used with several sizes ${[...sizes].join(", ")}`);
        continue;
      }
      const file = join(ROOT, "assets", url.slice(`${DEV_ORIGIN}assets/`.length));
      if (!existsSync(file)) {
        problems.push(`${url}: ${file} does not exist`);
        continue;
      }
      const [size] = [...sizes];
      const { width, height } = pngSize(file);
      if (width !== size || height !== size)
        problems.push(`${url}: ${width}x${height}, expected ${size}x${size}`);
    }
    expect(problems).toEqual([]);
  });

  test("button actions point at the built pages and the registered command", () => {
    const urls = new Map(resourcesOf("Urls").map((u) => [u.attrs.id, u.attrs.DefaultValue]));
    expect(urls.get("Taskpane.Url")).toBe(`${DEV_ORIGIN}taskpane.html`);
    expect(urls.get("Commands.Url")).toBe(`${DEV_ORIGIN}commands.html`);
    expect(child(child(manifest, "DefaultSettings"), "SourceLocation").attrs.DefaultValue).toBe(
      `${DEV_ORIGIN}taskpane.html`
    );
    expect(existsSync(join(ROOT, "src", "taskpane", "taskpane.html"))).toBe(true);
    expect(existsSync(join(ROOT, "src", "commands", "commands.html"))).toBe(true);

    const actions = all.filter((e) => local(e.name) === "Action");
    expect(actions.map((a) => a.attrs["xsi:type"]).sort()).toEqual([
      "ExecuteFunction",
      "ShowTaskpane",
    ]);
    const functionNames = all
      .filter((e) => local(e.name) === "FunctionName")
      .map((e) => e.text.trim());
    expect(functionNames).toEqual(["refreshAnalysis"]);
    const commandsSource = readFileSync(join(ROOT, "src", "commands", "commands.ts"), "utf8");
    for (const name of functionNames) {
      expect(commandsSource).toContain(`Office.actions.associate("${name}"`);
    }
  });

  test("the production rewrite replaces every development URL", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { toProductionManifest } = require(join(ROOT, "webpack.config.js")) as {
      toProductionManifest: (xml: string, prodUrl?: string) => string;
    };
    const occurrences = manifestText.split(DEV_ORIGIN).length - 1;
    expect(occurrences).toBeGreaterThan(3);
    const prod = toProductionManifest(manifestText);
    expect(prod).not.toMatch(/https?:\/\/localhost/);
    expect(prod.split("https://optima-achats.example.fr/").length - 1).toBeGreaterThanOrEqual(
      occurrences
    );
    const custom = toProductionManifest(manifestText, "https://achats.example.org");
    expect(custom).not.toMatch(/https?:\/\/localhost/);
    expect(custom).not.toContain("https://optima-achats.example.fr/");
    expect(custom.split("https://achats.example.org/").length - 1).toBeGreaterThanOrEqual(
      occurrences
    );
  });
});

describe("manifest XSD validation (offline)", () => {
  test("node scripts/manifest-validator/validate-manifest.mjs manifest.xml exits with 0", () => {
    // Not skippable on purpose: a missing validator or xmllint-wasm is a failure, not a pass.
    expect(existsSync(VALIDATOR)).toBe(true);
    const run = spawnSync(process.execPath, [VALIDATOR, "manifest.xml"], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 180_000,
    });
    const report = `exit ${run.status}${run.error ? ` (${run.error.message})` : ""}\n${run.stdout}\n${run.stderr}`;
    expect({ status: run.status, report }).toEqual({
      status: 0,
      report: expect.stringContaining("manifest.xml: valid"),
    });
  }, 200_000);
});
