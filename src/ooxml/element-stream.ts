/**
 * Streams an XML part through a scanner that wants complete elements: the bytes are cut after the
 * last `</{prefix}{element}>` seen so far, the rest waits for the next chunk. Platform-neutral
 * (Uint8Array and TextDecoder): the node reader feeds it from a file, the browser reader from
 * memory.
 *
 * UTF-8 (every part Excel writes): the cut is made in the bytes, and only complete elements are
 * decoded, so that the scanner gets a flat string fresh from the decoder (a concatenated string
 * is several times slower to scan char by char), and a multi-byte character is never split (the
 * cut falls after an ASCII ">"). Complete elements are decoded in pieces of about 32 KB, so that
 * the strings die young (a big string goes to the large-object space and waits for a full GC).
 * UTF-16 parts (rare) are decoded as they come and cut in the text.
 *
 * Linear whatever the input: the bytes waiting for the end of an element are kept as a list of
 * chunks (joined once, when the element is complete) and only the new bytes are searched; past
 * MAX_PENDING_BYTES of one element, an OoxmlLimitError.
 *
 * Once `complete()` (the scanner saw the end of the data), the rest is not decoded nor scanned;
 * `stopped()` (the consumer asked to stop) makes `push` answer "stop".
 */
import { OoxmlLimitError, OoxmlSyntaxError } from "./errors";

/** Longest element kept waiting for its end (one row of 16 384 long cells still fits). */
export const MAX_PENDING_BYTES = 256 * 1024 * 1024;
/** Bytes decoded at a time: the string (≤ 64 KB even as UTF-16) stays in V8's young generation. */
const PIECE_BYTES = 32 * 1024;
/** The root element must start within this many bytes. */
const HEAD_BYTES = 65536;

function concatAll(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1 && chunks[0].length === total) return chunks[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** First index of `mark` in buf[from..), -1 when absent. */
export function indexOfBytes(buf: Uint8Array, mark: Uint8Array, from = 0): number {
  const first = mark[0];
  const m = mark.length;
  let i = buf.indexOf(first, from);
  while (i >= 0 && i + m <= buf.length) {
    let k = 1;
    while (k < m && buf[i + k] === mark[k]) k++;
    if (k === m) return i;
    i = buf.indexOf(first, i + 1);
  }
  return -1;
}

/** End (exclusive) of the last `mark` that ends at or before `to` and starts at or after `from`; -1. */
export function lastEndOfBytes(buf: Uint8Array, mark: Uint8Array, to: number, from = 0): number {
  const m = mark.length;
  const lastByte = mark[m - 1];
  let i = to - 1;
  while (i - m + 1 >= from) {
    i = buf.lastIndexOf(lastByte, i);
    if (i < 0 || i - m + 1 < from) return -1;
    let k = 1;
    while (k < m && buf[i - k] === mark[m - 1 - k]) k++;
    if (k === m) return i + 1;
    i--;
  }
  return -1;
}

export interface ElementStreamOptions {
  /** Local name of the element to cut after ("row", "si"). */
  element: string;
  /** The element in French, for the limit message ("une ligne", "un texte partagé"). */
  label: string;
  scan: (text: string, end: number) => void;
  complete: () => boolean;
  stopped: () => boolean;
}

export class ElementStream {
  private mode: "utf-8" | "utf-16" | null = null;
  private head: Uint8Array | null = null;
  private marker: string | null = null;
  private mark: Uint8Array | null = null;
  private readonly utf8 = new TextDecoder("utf-8", { fatal: true });
  private utf16: TextDecoder | null = null;
  /** Bytes (UTF-8) or text (UTF-16) of the element not complete yet. */
  private carry: Uint8Array[] = [];
  private carryLength = 0;
  private textCarry: string[] = [];
  private textCarryLength = 0;

  constructor(private readonly o: ElementStreamOptions) {}

  private decode(bytes: Uint8Array): string {
    try {
      return this.utf8.decode(bytes);
    } catch {
      throw new OoxmlSyntaxError("invalid UTF-8 bytes");
    }
  }

  private tooLong(): OoxmlLimitError {
    return new OoxmlLimitError(
      `contient ${this.o.label} de plus de ${MAX_PENDING_BYTES / 1048576} Mo de XML, ce qu'aucun classeur Excel ne produit`
    );
  }

  /** The closing tag carries the prefix of the root element, if any (<x:worksheet> → </x:row>). */
  private findMarker(head: string): string | null {
    const root = /<([A-Za-z_][\w.-]*:)?[A-Za-z_][\w.-]*[\s>/]/.exec(
      head.replace(/<[?!][^>]*>/g, "")
    );
    return root ? `</${root[1] ?? ""}${this.o.element}>` : null;
  }

  /** Feeds a chunk of the part; "stop" when the consumer asked to stop. */
  push(chunk: Uint8Array): "stop" | undefined {
    const o = this.o;
    if (o.complete()) return undefined;
    let bytes = chunk;
    if (this.mode === null) {
      const all = this.head ? concatAll([this.head, bytes], this.head.length + bytes.length) : bytes;
      if (all.length < 2) {
        this.head = all.slice();
        return undefined;
      }
      this.head = null;
      const bom16 = (all[0] === 0xff && all[1] === 0xfe) || (all[0] === 0xfe && all[1] === 0xff);
      this.mode = bom16 ? "utf-16" : "utf-8";
      if (bom16) this.utf16 = new TextDecoder(all[0] === 0xff ? "utf-16le" : "utf-16be", { fatal: true });
      bytes = all;
    }
    return this.mode === "utf-16" ? this.pushUtf16(bytes) : this.pushUtf8(bytes);
  }

  private pushUtf8(chunk: Uint8Array): "stop" | undefined {
    const o = this.o;
    let buf = chunk;
    if (this.mark === null) {
      const head = this.head ? concatAll([this.head, buf], this.head.length + buf.length) : buf;
      const marker = this.findMarker(
        new TextDecoder("latin1").decode(head.subarray(0, Math.min(head.length, HEAD_BYTES)))
      );
      if (marker === null) {
        if (head.length > HEAD_BYTES) throw new OoxmlSyntaxError("root element not found");
        this.head = head === buf ? head.slice() : head;
        return undefined;
      }
      this.marker = marker;
      this.mark = Uint8Array.from(marker, (c) => c.charCodeAt(0));
      this.head = null;
      buf = head;
    }
    const mark = this.mark;
    const m = mark.length;
    let from = 0;
    if (this.carryLength > 0) {
      // First complete the element left over from the previous chunks.
      const first = this.firstEnd(buf);
      if (first < 0) {
        if (this.carryLength + buf.length > MAX_PENDING_BYTES) throw this.tooLong();
        this.carry.push(buf.slice());
        this.carryLength += buf.length;
        return undefined;
      }
      this.carry.push(buf.subarray(0, first));
      const text = this.decode(concatAll(this.carry, this.carryLength + first));
      this.carry = [];
      this.carryLength = 0;
      o.scan(text, text.length);
      from = first;
      if (o.complete()) return undefined;
      if (o.stopped()) return "stop";
    }
    // Then the complete elements of this chunk, in pieces of about PIECE_BYTES.
    const last = lastEndOfBytes(buf, mark, buf.length, from);
    const end = last >= 0 ? last : from;
    while (from < end) {
      let to = Math.min(end, from + PIECE_BYTES);
      if (to < end) {
        const cut = lastEndOfBytes(buf, mark, to, from);
        to = cut >= 0 ? cut : indexOfBytes(buf, mark, from) + m;
      }
      const text = this.decode(buf.subarray(from, to));
      o.scan(text, text.length);
      from = to;
      if (o.complete()) return undefined;
      if (o.stopped()) return "stop";
    }
    if (buf.length - end > MAX_PENDING_BYTES) throw this.tooLong();
    if (end < buf.length) {
      this.carry = [buf.slice(end)];
      this.carryLength = buf.length - end;
    }
    return undefined;
  }

  /** End (in buf) of the first marker that completes the carried bytes, maybe straddling; -1. */
  private firstEnd(buf: Uint8Array): number {
    const mark = this.mark as Uint8Array;
    const m = mark.length;
    // A marker that starts in the carried bytes and ends in buf.
    const tailLength = Math.min(m - 1, this.carryLength);
    if (tailLength > 0) {
      const tail = new Uint8Array(tailLength + Math.min(m - 1, buf.length));
      let at = tailLength;
      for (let c = this.carry.length - 1; c >= 0 && at > 0; c--) {
        const chunk = this.carry[c];
        const take = Math.min(at, chunk.length);
        tail.set(chunk.subarray(chunk.length - take), at - take);
        at -= take;
      }
      tail.set(buf.subarray(0, tail.length - tailLength), tailLength);
      const w = indexOfBytes(tail, mark);
      if (w >= 0) return w + m - tailLength;
    }
    const i = indexOfBytes(buf, mark);
    return i < 0 ? -1 : i + m;
  }

  private pushUtf16(bytes: Uint8Array): "stop" | undefined {
    const o = this.o;
    let text: string;
    try {
      text = (this.utf16 as TextDecoder).decode(bytes, { stream: true });
    } catch {
      throw new OoxmlSyntaxError("invalid UTF-16 bytes");
    }
    if (this.marker === null) {
      const head = this.textCarry.join("") + text;
      this.textCarry = [];
      this.textCarryLength = 0;
      this.marker = this.findMarker(head.slice(0, HEAD_BYTES));
      if (this.marker === null) {
        if (head.length > HEAD_BYTES) throw new OoxmlSyntaxError("root element not found");
        this.textCarry = [head];
        this.textCarryLength = head.length;
        return undefined;
      }
      text = head;
    }
    const marker = this.marker;
    const m = marker.length;
    // Only the new text (and the few characters before it) is searched.
    const prev = this.textCarry.length > 0 ? this.textCarry[this.textCarry.length - 1] : "";
    const window = prev.slice(Math.max(0, prev.length - m + 1)) + text;
    const at = window.lastIndexOf(marker);
    if (at < 0) {
      if (this.textCarryLength + text.length > MAX_PENDING_BYTES / 2) throw this.tooLong();
      this.textCarry.push(text);
      this.textCarryLength += text.length;
      return undefined;
    }
    const cut = at + m - (window.length - text.length); // end of the marker, in `text`
    const whole = this.textCarry.join("") + text.slice(0, cut);
    this.textCarry = cut < text.length ? [text.slice(cut)] : [];
    this.textCarryLength = text.length - cut;
    o.scan(whole, whole.length);
    return o.stopped() ? "stop" : undefined;
  }

  /** The part has been read in full: scans what is left. */
  end(): void {
    const o = this.o;
    if (o.complete()) return;
    let rest: string;
    if (this.mode === "utf-16") {
      let tail: string;
      try {
        tail = (this.utf16 as TextDecoder).decode();
      } catch {
        throw new OoxmlSyntaxError("invalid UTF-16 bytes");
      }
      rest = this.textCarry.join("") + tail;
    } else {
      const pending = this.head ? [this.head, ...this.carry] : this.carry;
      const length = pending.reduce((n, c) => n + c.length, 0);
      rest = length > 0 ? this.decode(concatAll(pending, length)) : "";
    }
    this.carry = [];
    this.carryLength = 0;
    this.textCarry = [];
    this.head = null;
    o.scan(rest, rest.length);
  }
}
