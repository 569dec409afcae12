/**
 * The tag reader both scanners (sheet data, shared strings) share: char codes and `indexOf`, no
 * regular expression, no allocation per tag.
 */
import { OoxmlSyntaxError } from "./errors";

/** Where the last tag read by `readTag` is; one object, reused (the scanners do not nest). */
export interface Tag {
  /** `</name>`. */
  closing: boolean;
  /** Start of the local name (after any namespace prefix). */
  ls: number;
  /** Just after the name. */
  p: number;
  /** Length of the local name. */
  len: number;
}

export const TAG: Tag = { closing: false, ls: 0, p: 0, len: 0 };

/**
 * Reads the tag that starts with "<" at `lt` into TAG. Returns -1 for an element (start or end
 * tag: TAG tells which), or, for a comment, a processing instruction or a declaration, the index
 * to go on from (they are skipped). CDATA sections are refused: Excel never writes them.
 */
export function readTag(s: string, lt: number, end: number): number {
  let p = lt + 1;
  let ch = s.charCodeAt(p);
  let closing = false;
  if (ch === 47) {
    closing = true;
    ch = s.charCodeAt(++p);
  } else if (ch === 33 || ch === 63) {
    if (s.startsWith("!--", p)) {
      const e = s.indexOf("-->", p + 3);
      return e < 0 ? end : e + 3;
    }
    if (s.startsWith("![CDATA[", p)) throw new OoxmlSyntaxError("CDATA section");
    return p;
  }
  let ls = p;
  while (ch !== 32 && ch !== 62 && ch !== 47 && ch !== 9 && ch !== 10 && ch !== 13 && p < end) {
    if (ch === 58) ls = p + 1;
    ch = s.charCodeAt(++p);
  }
  TAG.closing = closing;
  TAG.ls = ls;
  TAG.p = p;
  TAG.len = p - ls;
  return -1;
}

/** End of the start tag whose name ends at `p`: the index of its ">". */
export function tagEnd(s: string, p: number): number {
  const gt = s.indexOf(">", p);
  if (gt < 0) throw new OoxmlSyntaxError("unterminated tag");
  return gt;
}

/**
 * Text of a simple element (`<t>`, `<v>`) whose start tag ends at `gt`: [start, end) of the raw
 * text, or [gt + 1, gt + 1) for an empty element `<t/>`. Returns the end; the caller reads
 * `gt + 1`. -1 for `<x/>`.
 */
export function textEnd(s: string, gt: number): number {
  if (s.charCodeAt(gt - 1) === 47) return -1;
  const e = s.indexOf("<", gt + 1);
  if (e < 0) throw new OoxmlSyntaxError("unterminated text");
  return e;
}

/** `<rPh>` (phonetic reading, East Asian): not part of the text. Returns the index after it. */
export function skipPhonetic(s: string, p: number): number {
  const gt = tagEnd(s, p);
  if (s.charCodeAt(gt - 1) === 47) return gt + 1;
  const e = s.indexOf("rPh>", gt + 1);
  if (e < 0) throw new OoxmlSyntaxError("unterminated phonetic run");
  return e + 4;
}

/** Is TAG the element `rPh` (start tag)? */
export function isPhonetic(s: string): boolean {
  const ls = TAG.ls;
  return (
    !TAG.closing &&
    TAG.len === 3 &&
    s.charCodeAt(ls) === 114 &&
    s.charCodeAt(ls + 1) === 80 &&
    s.charCodeAt(ls + 2) === 104
  );
}
