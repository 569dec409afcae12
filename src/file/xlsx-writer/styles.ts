/**
 * styles.xml: the spec's named styles (STYLES) and number formats as cell formats (cellXfs), and
 * its conditional-format styles as differential formats (dxfs).
 *
 * styles.xml is shared by every sheet of a workbook, so it is never replaced: our fonts, fills,
 * borders, number formats, cellXfs and dxfs are **appended** to the existing sections (an element
 * identical to one already there is reused, so re-runs do not grow the part), and the indexes the
 * user's sheets rely on never move. A new workbook starts from a minimal styles.xml and goes
 * through the same merge.
 *
 * Use: register every combination first (`xf`, `dxf`), then `merge(existingXml)` once, then read
 * the final indexes with `xfIndex` / `dxfIndex` while writing the sheets.
 */
import { elementsOf } from "../../ooxml/xml";
import { STYLES, type StyleDef, type StyleName } from "../../report/spec";
import { argb, canonical, childElements, escapeAttr, findElement, XML_DECL, NS } from "./xml";

/** Number formats Excel knows by id (the others are written in <numFmts>, ids from 164). */
const BUILTIN_FORMATS: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "0.00E+00": 11,
  "@": 49,
};

const FIRST_CUSTOM_FORMAT = 164;

/** A cell format: named style (or none), number format (or General), extra wrap. */
export interface XfRequest {
  style?: StyleName;
  numFmt?: string;
  wrap?: boolean;
}

export const MINIMAL_STYLES_XML =
  XML_DECL +
  `<styleSheet xmlns="${NS.main}">` +
  `<fonts count="1"><font><sz val="11"/><color rgb="FF000000"/><name val="Calibri"/><family val="2"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
  `<dxfs count="0"/>` +
  `<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>` +
  `</styleSheet>`;

/** Child element order of CT_Stylesheet (where a missing section goes). */
const SECTION_ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

const CHILD_OF: Record<string, string> = {
  numFmts: "numFmt",
  fonts: "font",
  fills: "fill",
  borders: "border",
  cellXfs: "xf",
  dxfs: "dxf",
};

function fontXml(p: string, d: StyleDef): string {
  let s = `<${p}font>`;
  if (d.bold) s += `<${p}b/>`;
  if (d.italic) s += `<${p}i/>`;
  s += `<${p}sz val="${d.fontSize ?? 11}"/>`;
  if (d.fontColor) s += `<${p}color rgb="${argb(d.fontColor)}"/>`;
  return s + `<${p}name val="Calibri"/><${p}family val="2"/></${p}font>`;
}

function fillXml(p: string, color: string): string {
  return `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb(color)}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`;
}

function borderXml(p: string, color: string): string {
  const side = (n: string) => `<${p}${n} style="thin"><${p}color rgb="${argb(color)}"/></${p}${n}>`;
  return `<${p}border>${side("left")}${side("right")}${side("top")}${side("bottom")}<${p}diagonal/></${p}border>`;
}

/** Differential format of a conditional format: font colour/bold, fill, border of the style. */
function dxfXml(p: string, d: StyleDef): string {
  let s = `<${p}dxf>`;
  if (d.bold || d.italic || d.fontColor) {
    s += `<${p}font>${d.bold ? `<${p}b/>` : ""}${d.italic ? `<${p}i/>` : ""}${d.fontColor ? `<${p}color rgb="${argb(d.fontColor)}"/>` : ""}</${p}font>`;
  }
  if (d.fill)
    s += `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb(d.fill)}"/><${p}bgColor rgb="${argb(d.fill)}"/></${p}patternFill></${p}fill>`;
  if (d.border) {
    const side = (n: string) =>
      `<${p}${n} style="thin"><${p}color rgb="${argb(d.border!)}"/></${p}${n}>`;
    s += `<${p}border>${side("left")}${side("right")}${side("top")}${side("bottom")}</${p}border>`;
  }
  return s + `</${p}dxf>`;
}

function xfKey(r: XfRequest): string {
  return `${r.style ?? ""}\u0001${r.numFmt ?? ""}\u0001${r.wrap ? 1 : 0}`;
}

/** Where a section of styles.xml goes when it is missing: before the first later section present. */
function insertionPoint(xml: string, section: string, prefix: string): number {
  const later = SECTION_ORDER.slice(SECTION_ORDER.indexOf(section) + 1);
  let best = -1;
  for (const name of later) {
    const el = findElement(xml, name);
    if (el && (best < 0 || el.start < best)) best = el.start;
  }
  if (best >= 0) return best;
  const close = xml.lastIndexOf(`</${prefix}styleSheet>`);
  if (close < 0) throw new Error("styles.xml illisible : </styleSheet> introuvable");
  return close;
}

/**
 * Appends `items` to a section of styles.xml (reusing identical elements); returns the new text
 * and the index of each item.
 */
function mergeSection(
  xml: string,
  section: string,
  prefix: string,
  items: string[]
): { xml: string; indexes: number[] } {
  const child = CHILD_OF[section];
  const el = findElement(xml, section);
  const existing = el && !el.text.endsWith("/>") ? childElements(el.text, child, prefix) : [];
  const known = new Map<string, number>();
  existing.forEach((e, i) => {
    const k = canonical(e);
    if (!known.has(k)) known.set(k, i);
  });
  const added: string[] = [];
  const indexes = items.map((item) => {
    const k = canonical(item);
    const found = known.get(k);
    if (found !== undefined) return found;
    const index = existing.length + added.length;
    added.push(item);
    known.set(k, index);
    return index;
  });
  if (added.length === 0 && el) return { xml, indexes };
  const count = existing.length + added.length;
  let replacement: string;
  if (el && !el.text.endsWith("/>")) {
    const openEnd = el.text.indexOf(">") + 1;
    const open = setCount(el.text.slice(0, openEnd), count);
    const closeTag = `</${el.prefix}${section}>`;
    const inner = el.text.slice(openEnd, el.text.length - closeTag.length);
    replacement = open + inner + added.join("") + closeTag;
  } else if (el) {
    const open = setCount(el.text.slice(0, -2), count) + ">";
    replacement = open + added.join("") + `</${el.prefix}${section}>`;
  } else {
    const at = insertionPoint(xml, section, prefix);
    const text = `<${prefix}${section} count="${count}">${added.join("")}</${prefix}${section}>`;
    return { xml: xml.slice(0, at) + text + xml.slice(at), indexes };
  }
  return { xml: xml.slice(0, el.start) + replacement + xml.slice(el.end), indexes };
}

function setCount(openTag: string, count: number): string {
  if (/\scount\s*=\s*("[^"]*"|'[^']*')/.test(openTag))
    return openTag.replace(/\scount\s*=\s*("[^"]*"|'[^']*')/, ` count="${count}"`);
  const m = /^<[^\s/>]+/.exec(openTag)!;
  return `${m[0]} count="${count}"${openTag.slice(m[0].length)}`;
}

export class StyleRegistry {
  private readonly xfs: XfRequest[] = [];
  private readonly xfByKey = new Map<string, number>();
  private readonly dxfs: StyleName[] = [];
  private readonly dxfByName = new Map<StyleName, number>();
  private xfGlobal: number[] | null = null;
  private dxfGlobal: number[] | null = null;
  private requestByGlobal: Map<number, XfRequest> | null = null;

  /** Registers a cell format (before merge) or returns its final index (after merge). */
  xf(r: XfRequest): number {
    if (!r.style && !r.numFmt && !r.wrap) return this.xfGlobal ? 0 : -1;
    const k = xfKey(r);
    let local = this.xfByKey.get(k);
    if (local === undefined) {
      if (this.xfGlobal) throw new Error(`Format de cellule non préparé : ${k}`);
      local = this.xfs.length;
      this.xfs.push({ ...r });
      this.xfByKey.set(k, local);
    }
    return this.xfGlobal ? this.xfGlobal[local] : local;
  }

  /** Registers a differential format (before merge) or returns its final index (after merge). */
  dxf(style: StyleName): number {
    let local = this.dxfByName.get(style);
    if (local === undefined) {
      if (this.dxfGlobal) throw new Error(`Format conditionnel non préparé : ${style}`);
      local = this.dxfs.length;
      this.dxfs.push(style);
      this.dxfByName.set(style, local);
    }
    return this.dxfGlobal ? this.dxfGlobal[local] : local;
  }

  /** The request behind a final cellXfs index (after the merge), for layout estimates. */
  requestOf(xf: number): XfRequest | undefined {
    if (!this.xfGlobal) return undefined;
    if (!this.requestByGlobal) {
      this.requestByGlobal = new Map();
      this.xfGlobal.forEach((g, local) => {
        if (!this.requestByGlobal!.has(g)) this.requestByGlobal!.set(g, this.xfs[local]);
      });
    }
    return this.requestByGlobal.get(xf);
  }

  /** Final cellXfs indexes of our formats (of one named style only, when given), 0 excepted. */
  finalIndexes(style?: StyleName): Set<number> {
    const out = new Set<number>();
    if (!this.xfGlobal) return out;
    this.xfGlobal.forEach((g, local) => {
      if (g !== 0 && (style === undefined || this.xfs[local].style === style)) out.add(g);
    });
    return out;
  }

  get merged(): boolean {
    return this.xfGlobal !== null;
  }

  /**
   * Appends the registered formats to `existing` (a styles.xml; default: a minimal one) and
   * returns the new part. After this, `xf` and `dxf` give final indexes.
   */
  merge(existing: string = MINIMAL_STYLES_XML): string {
    const root = /<((?:[A-Za-z_][\w.-]*:)?)styleSheet[\s>]/.exec(existing);
    if (!root) throw new Error("styles.xml illisible : élément styleSheet introuvable");
    const p = root[1];
    let xml = existing;

    // Number formats: built-in ids, existing ids with the same code, or new ids.
    const numFmtEl = findElement(xml, "numFmts");
    const existingFormats = numFmtEl ? elementsOf(numFmtEl.text, "numFmt") : [];
    const codeToId = new Map<string, number>();
    let maxId = FIRST_CUSTOM_FORMAT - 1;
    for (const f of existingFormats) {
      const id = Number(f.numFmtId);
      if (!Number.isInteger(id)) continue;
      maxId = Math.max(maxId, id);
      const code = f.formatCode ?? "";
      if (!codeToId.has(code)) codeToId.set(code, id);
    }
    const newFormats: string[] = [];
    const formatId = (code: string | undefined): number => {
      if (code === undefined) return 0;
      if (code in BUILTIN_FORMATS) return BUILTIN_FORMATS[code];
      let id = codeToId.get(code);
      if (id === undefined) {
        id = ++maxId;
        codeToId.set(code, id);
        newFormats.push(`<${p}numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
      }
      return id;
    };
    const fmtIds = this.xfs.map((r) => formatId(r.numFmt));
    if (newFormats.length > 0) xml = mergeSection(xml, "numFmts", p, newFormats).xml;

    // Fonts, fills, borders of the named styles.
    const styleNames = [
      ...new Set(this.xfs.map((r) => r.style).filter((s): s is StyleName => s !== undefined)),
    ];
    const fontReq = styleNames.filter((s) => {
      const d = STYLES[s];
      return d.bold || d.italic || d.fontSize || d.fontColor;
    });
    const fillReq = styleNames.filter((s) => STYLES[s].fill);
    const borderReq = styleNames.filter((s) => STYLES[s].border);
    let res = mergeSection(
      xml,
      "fonts",
      p,
      fontReq.map((s) => fontXml(p, STYLES[s]))
    );
    xml = res.xml;
    const fontOf = new Map(fontReq.map((s, i) => [s, res.indexes[i]]));
    res = mergeSection(
      xml,
      "fills",
      p,
      fillReq.map((s) => fillXml(p, STYLES[s].fill!))
    );
    xml = res.xml;
    const fillOf = new Map(fillReq.map((s, i) => [s, res.indexes[i]]));
    res = mergeSection(
      xml,
      "borders",
      p,
      borderReq.map((s) => borderXml(p, STYLES[s].border!))
    );
    xml = res.xml;
    const borderOf = new Map(borderReq.map((s, i) => [s, res.indexes[i]]));

    const xfXml = this.xfs.map((r, i) => {
      const d: StyleDef = r.style ? STYLES[r.style] : {};
      const fontId = r.style ? (fontOf.get(r.style) ?? 0) : 0;
      const fillId = r.style ? (fillOf.get(r.style) ?? 0) : 0;
      const borderId = r.style ? (borderOf.get(r.style) ?? 0) : 0;
      const wrap = r.wrap || d.wrap;
      const hasAlign = wrap || d.hAlign || d.vAlign;
      let s = `<${p}xf numFmtId="${fmtIds[i]}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"`;
      if (fmtIds[i] !== 0) s += ` applyNumberFormat="1"`;
      if (fontId !== 0) s += ` applyFont="1"`;
      if (fillId !== 0) s += ` applyFill="1"`;
      if (borderId !== 0) s += ` applyBorder="1"`;
      if (hasAlign) s += ` applyAlignment="1"`;
      if (d.unlocked) s += ` applyProtection="1"`;
      if (!hasAlign && !d.unlocked) return s + "/>";
      s += ">";
      if (hasAlign) {
        s += `<${p}alignment${d.hAlign ? ` horizontal="${d.hAlign}"` : ""}${d.vAlign ? ` vertical="${d.vAlign}"` : ""}${wrap ? ` wrapText="1"` : ""}/>`;
      }
      if (d.unlocked) s += `<${p}protection locked="0"/>`;
      return s + `</${p}xf>`;
    });
    res = mergeSection(xml, "cellXfs", p, xfXml);
    xml = res.xml;
    this.xfGlobal = res.indexes;
    res = mergeSection(
      xml,
      "dxfs",
      p,
      this.dxfs.map((s) => dxfXml(p, STYLES[s]))
    );
    xml = res.xml;
    this.dxfGlobal = res.indexes;
    return xml;
  }
}
