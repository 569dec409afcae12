/**
 * XML text helpers for the .xlsx writer: escaping of text content and attribute values (with the
 * OOXML `_xHHHH_` escapes for characters XML 1.0 cannot hold), namespaces, and small string edits
 * of existing parts (their children, their counts).
 */

export const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  rels: "http://schemas.openxmlformats.org/package/2006/relationships",
  contentTypes: "http://schemas.openxmlformats.org/package/2006/content-types",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  customProps: "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties",
  extendedProps: "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
  vt: "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
  cp: "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
  dc: "http://purl.org/dc/elements/1.1/",
  dcterms: "http://purl.org/dc/terms/",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
  strictMain: "http://purl.oclc.org/ooxml/spreadsheetml/main",
} as const;

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export const REL_TYPE = {
  officeDocument: `${REL}/officeDocument`,
  worksheet: `${REL}/worksheet`,
  styles: `${REL}/styles`,
  sharedStrings: `${REL}/sharedStrings`,
  calcChain: `${REL}/calcChain`,
  table: `${REL}/table`,
  drawing: `${REL}/drawing`,
  chart: `${REL}/chart`,
  customProperties: `${REL}/custom-properties`,
  extendedProperties: `${REL}/extended-properties`,
  coreProperties:
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
} as const;

export const CONTENT_TYPE = {
  rels: "application/vnd.openxmlformats-package.relationships+xml",
  xml: "application/xml",
  workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  core: "application/vnd.openxmlformats-package.core-properties+xml",
  app: "application/vnd.openxmlformats-officedocument.extended-properties+xml",
  custom: "application/vnd.openxmlformats-officedocument.custom-properties+xml",
} as const;

// Characters XML 1.0 cannot hold (C0 controls but tab/LF/CR, U+FFFE/U+FFFF), lone surrogates,
// and the "_x" that would be read as the start of an escape.

const NEEDS_TEXT_ESCAPE =
  // eslint-disable-next-line no-control-regex -- matching the control characters is the point
  /[&<>\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\ud800-\udfff]|_x[0-9A-Fa-f]{4}_/;

const TEXT_ESCAPE =
  // eslint-disable-next-line no-control-regex -- matching the control characters is the point
  /[&<>\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]|_(?=x[0-9A-Fa-f]{4}_)/g;

function hex4(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, "0");
}

function textReplacement(m: string): string {
  switch (m) {
    case "&":
      return "&amp;";
    case "<":
      return "&lt;";
    case ">":
      return "&gt;";
    case "_":
      return "_x005F_";
  }
  if (m.length === 2) return m; // a valid surrogate pair
  const code = m.charCodeAt(0);
  if (code >= 0xd800 && code <= 0xdfff) return "\ufffd"; // lone surrogate: not encodable in UTF-8
  return `_x${hex4(code)}_`;
}

/**
 * Text content of an ST_Xstring element (cell text, table column names, titles): XML-escaped,
 * control characters as `_xHHHH_` (what Excel writes and every reader decodes), and a literal
 * "_xHHHH_" protected as "_x005F_xHHHH_". Strings that need nothing come back as they are.
 */
export function escapeText(s: string): string {
  return NEEDS_TEXT_ESCAPE.test(s) ? s.replace(TEXT_ESCAPE, textReplacement) : s;
}

// eslint-disable-next-line no-control-regex
const NEEDS_ATTR_ESCAPE = /[&<>"\u0000-\u001f\ufffe\uffff\ud800-\udfff]/;

const ATTR_ESCAPE =
  // eslint-disable-next-line no-control-regex -- matching the control characters is the point
  /[&<>"\u0000-\u001f\ufffe\uffff]|[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]/g;

/** Attribute value: XML-escaped; tab/LF/CR as character references, other controls dropped. */
export function escapeAttr(s: string): string {
  if (!NEEDS_ATTR_ESCAPE.test(s)) return s;
  return s.replace(ATTR_ESCAPE, (m) => {
    switch (m) {
      case "&":
        return "&amp;";
      case "<":
        return "&lt;";
      case ">":
        return "&gt;";
      case '"':
        return "&quot;";
      case "\t":
        return "&#9;";
      case "\n":
        return "&#10;";
      case "\r":
        return "&#13;";
    }
    if (m.length === 2) return m;
    const code = m.charCodeAt(0);
    return code >= 0xd800 && code <= 0xdfff ? "\ufffd" : "";
  });
}

/** Text content of a plain XML element (formulas, DrawingML text): XML escapes only. */
export function escapeXml(s: string): string {
  // eslint-disable-next-line no-control-regex
  return /[&<>\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(s)
    ? // eslint-disable-next-line no-control-regex
      s.replace(/[&<>\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, (m) =>
        m === "&" ? "&amp;" : m === "<" ? "&lt;" : m === ">" ? "&gt;" : ""
      )
    : s;
}

/** `<t>` with xml:space="preserve" when leading/trailing white space or line breaks must survive. */
export function tElement(s: string, tag = "t"): string {
  const preserve = s.length > 0 && (/^\s|\s$/.test(s) || s.includes("\n"));
  return `<${tag}${preserve ? ' xml:space="preserve"' : ""}>${escapeText(s)}</${tag}>`;
}

/** "#1F3864" → "FF1F3864" (ARGB, as SpreadsheetML colours are written). */
export function argb(color: string): string {
  const hex = color.replace(/^#/, "").toUpperCase();
  if (/^[0-9A-F]{6}$/.test(hex)) return `FF${hex}`;
  if (/^[0-9A-F]{8}$/.test(hex)) return hex;
  throw new Error(`Couleur invalide : ${color}`);
}

/** "#1F3864" → "1F3864" (DrawingML srgbClr). */
export function rgb(color: string): string {
  return argb(color).slice(2);
}

/** Formats a number for a `<v>` or an attribute: shortest round-trip form, never NaN/Infinity. */
export function numberText(n: number): string {
  return Object.is(n, -0) ? "0" : String(n);
}

/**
 * The element `<name …>…</name>` or `<name …/>` of a small part (any namespace prefix): its
 * position and text, or null. Not for elements that nest in themselves.
 */
export function findElement(
  xml: string,
  localName: string,
  from = 0
): { start: number; end: number; text: string; prefix: string } | null {
  const re = new RegExp(
    `<((?:[A-Za-z_][\\w.-]*:)?)${localName}(?=[\\s/>])(?:[^>"']|"[^"]*"|'[^']*')*?(/?)>`,
    "g"
  );
  re.lastIndex = from;
  const m = re.exec(xml);
  if (!m) return null;
  const start = m.index;
  if (m[2] === "/") return { start, end: re.lastIndex, text: m[0], prefix: m[1] };
  const close = `</${m[1]}${localName}>`;
  const endAt = xml.indexOf(close, re.lastIndex);
  if (endAt < 0) return null;
  const end = endAt + close.length;
  return { start, end, text: xml.slice(start, end), prefix: m[1] };
}

/** The direct children `<child …/>` / `<child>…</child>` of an element's text, as raw strings. */
export function childElements(elementText: string, childName: string, prefix = ""): string[] {
  const out: string[] = [];
  const re = new RegExp(`<${prefix}${childName}(?=[\\s/>])(?:[^>"']|"[^"]*"|'[^']*')*?(/?)>`, "g");
  const close = `</${prefix}${childName}>`;
  let m: RegExpExecArray | null;
  while ((m = re.exec(elementText)) !== null) {
    if (m[1] === "/") {
      out.push(m[0]);
      continue;
    }
    const endAt = elementText.indexOf(close, re.lastIndex);
    if (endAt < 0) break;
    out.push(elementText.slice(m.index, endAt + close.length));
    re.lastIndex = endAt + close.length;
  }
  return out;
}

/** Removes white space between tags (for comparing elements written by different producers). */
export function canonical(xml: string): string {
  return xml.replace(/>\s+</g, "><").trim();
}
