/**
 * The shared strings part: `<si>` items → strings, rich text runs concatenated, phonetic runs
 * (`<rPh>`) left out. Fed with text holding only complete items (element-stream.ts cuts after a
 * `</si>`). A string longer than Excel's 32 767 characters is an OoxmlLimitError.
 */
import { MAX_CELL_CHARS } from "./a1";
import { groupDigits } from "./errors";
import { tooLongText } from "./sheet-scanner";
import { isPhonetic, readTag, skipPhonetic, TAG, tagEnd, textEnd } from "./tags";
import { decodeXmlText } from "./xml";

export class SharedStringScanner {
  done = false;
  private current: string | null = null;

  constructor(readonly out: string[] = []) {}

  scan(s: string, end: number): void {
    let i = 0;
    while (!this.done) {
      const lt = s.indexOf("<", i);
      if (lt < 0 || lt >= end) return;
      const skipped = readTag(s, lt, end);
      i = skipped >= 0 ? skipped : this.element(s);
    }
  }

  private element(s: string): number {
    const { p, ls, len, closing } = TAG;
    const c0 = s.charCodeAt(ls);
    if (len === 1 && c0 === 116 && !closing) return this.text(s, p);
    if (len === 2 && c0 === 115 && s.charCodeAt(ls + 1) === 105) return this.item(s, p, closing);
    if (isPhonetic(s)) return skipPhonetic(s, p);
    if (len === 3 && c0 === 115 && s.startsWith("sst", ls)) {
      if (closing) {
        this.done = true;
        return p;
      }
      const gt = tagEnd(s, p);
      if (s.charCodeAt(gt - 1) === 47) this.done = true;
      return gt + 1;
    }
    return p;
  }

  /** `<t>`: one run of the item's text. */
  private text(s: string, p: number): number {
    const gt = tagEnd(s, p);
    const e = textEnd(s, gt);
    if (e < 0) {
      if (this.current === null) this.current = "";
      return gt + 1;
    }
    const text = decodeXmlText(s.slice(gt + 1, e));
    const whole = this.current === null ? text : this.current + text;
    if (whole.length > MAX_CELL_CHARS)
      throw tooLongText(whole.length, `dans la liste des textes partagés (n° ${groupDigits(this.out.length + 1)})`);
    this.current = whole;
    return e;
  }

  /** `<si>` / `</si>` / `<si/>`. */
  private item(s: string, p: number, closing: boolean): number {
    if (closing) {
      this.out.push(this.current ?? "");
      this.current = null;
      return p + 1;
    }
    const gt = tagEnd(s, p);
    this.current = null;
    if (s.charCodeAt(gt - 1) === 47) this.out.push("");
    return gt + 1;
  }
}
