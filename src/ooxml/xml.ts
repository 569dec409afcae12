/**
 * XML text helpers shared by the OOXML readers and the writer: text decoding (entities, OOXML
 * `_xHHHH_` escapes) and an attribute reader for the few small parts (workbook, relationships,
 * table definitions, properties). The sheet and shared-string scanners, which must be fast, are
 * in sheet-scanner.ts and shared-strings.ts. Everything here is linear in its input.
 */

const NAMED_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Longest entity looked at: "&#x10FFFF;" is 10 characters. */
const MAX_ENTITY = 12;

function entityAt(s: string, amp: number): { rep: string; end: number } | null {
  const limit = Math.min(s.length, amp + MAX_ENTITY + 1);
  let semi = -1;
  for (let k = amp + 1; k < limit; k++) {
    const ch = s.charCodeAt(k);
    if (ch === 59 /* ; */) {
      semi = k;
      break;
    }
    if (ch === 38 /* & */) return null;
  }
  if (semi < 0) return null;
  const name = s.slice(amp + 1, semi);
  if (name.charCodeAt(0) === 35 /* # */) {
    const hex = name.charCodeAt(1) === 120 || name.charCodeAt(1) === 88;
    const digits = name.slice(hex ? 2 : 1);
    const code =
      digits.length > 0 && (hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)
        ? parseInt(digits, hex ? 16 : 10)
        : NaN;
    return code >= 0 && code <= 0x10ffff ? { rep: String.fromCodePoint(code), end: semi + 1 } : null;
  }
  const rep = NAMED_ENTITIES[name];
  return rep === undefined ? null : { rep, end: semi + 1 };
}

function decodeEntities(s: string, first: number): string {
  let out = "";
  let from = 0;
  let amp = first;
  while (amp >= 0) {
    const e = entityAt(s, amp);
    if (e !== null) {
      out += s.slice(from, amp) + e.rep;
      from = e.end;
    }
    amp = s.indexOf("&", e !== null ? e.end : amp + 1);
  }
  return out + s.slice(from);
}

const X_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/**
 * Text content or attribute value → string: XML entities (&amp; &lt; &gt; &quot; &apos; &#NN;
 * &#xNN;) and the OOXML escapes of ST_Xstring (`_x000D_` is a carriage return, `_x005F_` an
 * underscore). Strings without `&` or `_x` come back as they are (no copy). Unknown or malformed
 * entities are kept as written.
 */
export function decodeXmlText(s: string): string {
  const amp = s.indexOf("&");
  let out = amp < 0 ? s : decodeEntities(s, amp);
  if (out.indexOf("_x") >= 0)
    out = out.replace(X_ESCAPE, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return out;
}

/** Attribute value only: entities, no `_x` escapes. */
export function decodeXmlAttribute(s: string): string {
  const amp = s.indexOf("&");
  return amp < 0 ? s : decodeEntities(s, amp);
}

/**
 * Attributes of every element with this local name (any namespace prefix), in document order.
 * Keys are kept as written ("r:id") and also by local name ("id") when not already taken.
 * For small parts only (regular expressions).
 */
export function elementsOf(xml: string, localName: string): Record<string, string>[] {
  const re = new RegExp(
    `<(?:[A-Za-z_][\\w.-]*:)?${localName}(?=[\\s/>])((?:[^>"']|"[^"]*"|'[^']*')*)>`,
    "g"
  );
  const out: Record<string, string>[] = [];
  for (const m of xml.matchAll(re)) out.push(attributesOf(m[1]));
  return out;
}

function attributesOf(text: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of text.matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const value = decodeXmlAttribute(m[2] ?? m[3] ?? "");
    attrs[m[1]] = value;
    const colon = m[1].indexOf(":");
    if (colon >= 0) {
      const local = m[1].slice(colon + 1);
      if (!(local in attrs)) attrs[local] = value;
    }
  }
  return attrs;
}

/** XML boolean attribute ("1", "true"). */
export function xmlTrue(v: string | undefined): boolean {
  return v === "1" || v === "true";
}
