/**
 * Random-access, streaming ZIP reading for .xlsx files, in bounded memory.
 *
 * Why not fflate's `Unzip` (local headers, front to back): it cannot tell a truncated archive from
 * a complete one (it never sees the central directory), it has to scan the compressed bytes for a
 * "PK\x07\x08" signature to find the end of entries written with a data descriptor (what exceljs
 * and other streaming writers produce) — a false match in compressed data cuts the entry — and it
 * cannot jump to the one sheet we want. So:
 *
 * 1. The end of central directory record (EOCD, ZIP64 too) is located at the end of the file and
 *    the central directory is read: a truncated file has none, and is refused outright.
 * 2. One entry is read by opening a ranged `fs.createReadStream` on its compressed bytes (the local
 *    header gives where they start, the central directory how many there are) and feeding fflate's
 *    streaming `Inflate` (raw DEFLATE, what `UnzipInflate` wraps) chunk by chunk.
 * 3. At the end of an entry, the inflater must have reached the final DEFLATE block, the number of
 *    bytes out must equal the size in the central directory and their CRC-32 must match: a damaged
 *    or truncated entry is an error, never a short read.
 *
 * Nothing is written to disk. Errors are `InputError`s in French (exit code 1 in the CLI).
 */
import { openForReading } from "./open-file";
import * as fs from "node:fs";
import * as zlib from "node:zlib";
import { Inflate } from "fflate";
import { InputError } from "./errors";

export interface ZipEntry {
  /** Name as stored (no leading slash). */
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/**
 * DEFLATE decoder: fflate's streaming `Inflate` (pure JavaScript, the default), or Node's built-in
 * zlib (native: several times faster on big sheets). Both are checked the same way.
 */
export type Inflater = "fflate" | "zlib";

export const XLSX_UNREADABLE =
  "n'est pas un classeur Excel .xlsx lisible (archive ZIP corrompue ou tronquée)";
export const XLSX_RESAVE =
  "Réenregistrez-le depuis Excel au format .xlsx (Fichier › Enregistrer sous › Classeur Excel).";

/** Read size of the compressed data streams. */
const READ_CHUNK = 256 * 1024;
/** The central directory of an .xlsx is a few KB; anything this large is not a workbook. */
const MAX_CENTRAL_DIRECTORY = 64 * 1024 * 1024;

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

function u16(b: Uint8Array, i: number): number {
  return b[i] | (b[i + 1] << 8);
}
function u32(b: Uint8Array, i: number): number {
  return (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;
}
function u64(b: Uint8Array, i: number): number {
  // Sizes beyond 2^53 are not files we can hold anyway.
  return u32(b, i) + u32(b, i + 4) * 0x100000000;
}

// ---------------------------------------------------------------------------------------------
// CRC-32 (IEEE), slice-by-8

const CRC_TABLES: Uint32Array[] = (() => {
  const t0 = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t0[n] = c >>> 0;
  }
  const tables = [t0];
  for (let k = 1; k < 8; k++) {
    const prev = tables[k - 1];
    const t = new Uint32Array(256);
    for (let n = 0; n < 256; n++) t[n] = (prev[n] >>> 8) ^ t0[prev[n] & 0xff];
    tables.push(t);
  }
  return tables;
})();

/** Node's native CRC-32 (Node ≥ 20.15), about 10× faster than the table-driven one below. */
const nativeCrc32 = (zlib as unknown as { crc32?: (data: Uint8Array, value?: number) => number })
  .crc32;

/** Running CRC-32: start with 0, feed chunks, the result is the CRC of their concatenation. */
export function crc32(crc: number, data: Uint8Array): number {
  return nativeCrc32 ? nativeCrc32(data, crc) : tableCrc32(crc, data);
}

/** Table-driven CRC-32 (slicing by 8), for Node versions without zlib.crc32. */
export function tableCrc32(crc: number, data: Uint8Array): number {
  const [t0, t1, t2, t3, t4, t5, t6, t7] = CRC_TABLES;
  let c = ~crc >>> 0;
  let i = 0;
  const n = data.length;
  const end8 = n - (n % 8);
  while (i < end8) {
    const a = (data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24)) ^ c;
    const b = data[i + 4] | (data[i + 5] << 8) | (data[i + 6] << 16) | (data[i + 7] << 24);
    c =
      t7[a & 0xff] ^
      t6[(a >>> 8) & 0xff] ^
      t5[(a >>> 16) & 0xff] ^
      t4[a >>> 24] ^
      t3[b & 0xff] ^
      t2[(b >>> 8) & 0xff] ^
      t1[(b >>> 16) & 0xff] ^
      t0[b >>> 24];
    i += 8;
  }
  while (i < n) c = t0[(c ^ data[i++]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

// ---------------------------------------------------------------------------------------------

async function readAt(
  fh: fs.promises.FileHandle,
  position: number,
  length: number
): Promise<Uint8Array> {
  const buf = new Uint8Array(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await fh.read(buf, done, length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return done === length ? buf : buf.subarray(0, done);
}

/** Wraps an error thrown by a stream consumer, so that it is not taken for a damaged archive. */
class ConsumerError {
  constructor(readonly error: unknown) {}
}

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** A ZIP archive opened for random access: its central directory, read once. */
export class ZipArchive {
  private constructor(
    readonly path: string,
    /** File name for messages (as given by the user). */
    readonly label: string,
    readonly fileSize: number,
    /** By lower-case name (OPC part names are case-insensitive). */
    private readonly byName: Map<string, ZipEntry>,
    /** Where the central directory starts: no entry data may reach beyond. */
    private readonly dataEnd: number,
    readonly inflater: Inflater
  ) {}

  /** Every entry, in central directory order. */
  get entries(): ZipEntry[] {
    return [...this.byName.values()];
  }

  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name.replace(/^\/+/, "").toLowerCase());
  }

  private unreadable(problem = XLSX_UNREADABLE, cause?: unknown): InputError {
    return new InputError(
      problem,
      { file: this.label, hint: XLSX_RESAVE },
      cause === undefined ? undefined : { cause }
    );
  }

  static async open(
    path: string,
    label = path,
    inflater: Inflater = "fflate"
  ): Promise<ZipArchive> {
    const bad = (cause?: string) =>
      new InputError(
        XLSX_UNREADABLE,
        { file: label, hint: XLSX_RESAVE },
        cause ? { cause: new Error(cause) } : undefined
      );
    const { fh, size } = await openForReading(path, label);
    try {
      if (size === 0) {
        throw new InputError("est vide (0 octet)", {
          file: label,
          hint: "Vérifiez le fichier ou réenregistrez-le depuis Excel au format .xlsx.",
        });
      }
      const head = await readAt(fh, 0, Math.min(8, size));
      if (head.length === 8 && OLE_SIGNATURE.every((b, i) => head[i] === b)) {
        throw new InputError(
          "est un classeur Excel 97-2003 (.xls) ou un classeur protégé par mot de passe, que l'outil ne sait pas lire",
          {
            file: label,
            hint: "Ouvrez-le dans Excel et enregistrez-le au format .xlsx, sans mot de passe (Fichier › Informations › Protéger le classeur).",
          }
        );
      }
      if (head.length < 4 || u32(head, 0) !== SIG_LOCAL) {
        // Not a ZIP at all (or one that does not start with an entry, e.g. a self-extracting archive).
        throw bad("no local file header at offset 0");
      }

      // 1. End of central directory record: last 22 bytes + up to 65535 bytes of comment.
      const tailLength = Math.min(size, 22 + 0xffff);
      const tailStart = size - tailLength;
      const tail = await readAt(fh, tailStart, tailLength);
      let eocd = -1;
      for (let i = tail.length - 22; i >= 0; i--) {
        if (
          tail[i] === 0x50 &&
          u32(tail, i) === SIG_EOCD &&
          i + 22 + u16(tail, i + 20) <= tail.length
        ) {
          eocd = i;
          break;
        }
      }
      if (eocd < 0) throw bad("end of central directory not found (truncated file?)");
      const eocdPos = tailStart + eocd;
      const diskNumber = u16(tail, eocd + 4);
      const cdDisk = u16(tail, eocd + 6);
      let count = u16(tail, eocd + 10);
      let cdSize = u32(tail, eocd + 12);
      let cdOffset = u32(tail, eocd + 16);
      let cdEndLimit = eocdPos;
      if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
        // ZIP64: the locator sits just before the EOCD record.
        if (eocdPos < 20) throw bad("zip64 locator missing");
        const loc = await readAt(fh, eocdPos - 20, 20);
        if (u32(loc, 0) !== SIG_EOCD64_LOCATOR) throw bad("zip64 locator missing");
        const eocd64Pos = u64(loc, 8);
        if (eocd64Pos + 56 > eocdPos - 20) throw bad("zip64 end of central directory out of range");
        const rec = await readAt(fh, eocd64Pos, 56);
        if (rec.length < 56 || u32(rec, 0) !== SIG_EOCD64)
          throw bad("zip64 end of central directory missing");
        count = u64(rec, 32);
        cdSize = u64(rec, 40);
        cdOffset = u64(rec, 48);
        cdEndLimit = eocd64Pos;
      } else if (diskNumber !== 0 || cdDisk !== 0) {
        throw bad("multi-disk archive");
      }
      if (cdOffset + cdSize > cdEndLimit || cdSize > MAX_CENTRAL_DIRECTORY)
        throw bad("central directory out of range");

      // 2. Central directory.
      const cd = await readAt(fh, cdOffset, cdSize);
      if (cd.length !== cdSize) throw bad("central directory truncated");
      const byName = new Map<string, ZipEntry>();
      const utf8 = new TextDecoder("utf-8");
      let p = 0;
      for (let n = 0; n < count; n++) {
        if (p + 46 > cd.length || u32(cd, p) !== SIG_CENTRAL)
          throw bad("central directory entry malformed");
        const flags = u16(cd, p + 8);
        const method = u16(cd, p + 10);
        const crc = u32(cd, p + 16);
        let compressedSize = u32(cd, p + 20);
        let uncompressed = u32(cd, p + 24);
        const nameLength = u16(cd, p + 28);
        const extraLength = u16(cd, p + 30);
        const commentLength = u16(cd, p + 32);
        let localOffset = u32(cd, p + 42);
        const next = p + 46 + nameLength + extraLength + commentLength;
        if (next > cd.length) throw bad("central directory entry malformed");
        const name = utf8.decode(cd.subarray(p + 46, p + 46 + nameLength));
        // ZIP64 extended information: only the fields that are saturated in the record, in order.
        let e = p + 46 + nameLength;
        const extraEnd = e + extraLength;
        while (e + 4 <= extraEnd) {
          const id = u16(cd, e);
          const len = u16(cd, e + 2);
          if (id === 0x0001) {
            let q = e + 4;
            if (uncompressed === 0xffffffff && q + 8 <= e + 4 + len)
              ((uncompressed = u64(cd, q)), (q += 8));
            if (compressedSize === 0xffffffff && q + 8 <= e + 4 + len)
              ((compressedSize = u64(cd, q)), (q += 8));
            if (localOffset === 0xffffffff && q + 8 <= e + 4 + len) localOffset = u64(cd, q);
          }
          e += 4 + len;
        }
        if (localOffset + 30 + compressedSize > cdOffset) throw bad(`entry ${name} out of range`);
        byName.set(name.replace(/^\/+/, "").toLowerCase(), {
          name: name.replace(/^\/+/, ""),
          method,
          flags,
          crc,
          compressedSize,
          size: uncompressed,
          localOffset,
        });
        p = next;
      }
      return new ZipArchive(path, label, size, byName, cdOffset, inflater);
    } finally {
      await fh.close();
    }
  }

  /** Offset of an entry's compressed bytes (after its local header). */
  private async dataStart(entry: ZipEntry): Promise<number> {
    const fh = await fs.promises.open(this.path, "r");
    try {
      const h = await readAt(fh, entry.localOffset, 30);
      if (h.length < 30 || u32(h, 0) !== SIG_LOCAL) throw this.unreadable();
      const start = entry.localOffset + 30 + u16(h, 26) + u16(h, 28);
      if (start + entry.compressedSize > this.dataEnd) throw this.unreadable();
      return start;
    } finally {
      await fh.close();
    }
  }

  /**
   * Streams an entry's uncompressed bytes to `onData`, in chunks (never the whole entry at once).
   * `onData` returns "stop" to end early: the rest is not read (and not checked). Resolves "done"
   * when the entry was read in full and checked (final block, size, CRC-32), else "stopped".
   */
  async stream(
    entry: ZipEntry,
    onData: (chunk: Uint8Array) => void | "stop"
  ): Promise<"done" | "stopped"> {
    if (entry.flags & 1) {
      throw new InputError("est chiffré (protégé par mot de passe)", {
        file: this.label,
        hint: "Ouvrez-le dans Excel, retirez le mot de passe et enregistrez-le au format .xlsx.",
      });
    }
    if (entry.method !== 0 && entry.method !== 8) {
      throw this.unreadable(
        `utilise une compression non prise en charge (méthode ${entry.method}) pour la partie ${entry.name}`
      );
    }
    const start = await this.dataStart(entry);
    let stopped = false;
    let produced = 0;
    let crc = 0;
    const deliver = (data: Uint8Array) => {
      if (stopped || data.length === 0) return;
      produced += data.length;
      if (produced > entry.size)
        throw this.unreadable(undefined, new Error(`${entry.name}: more data than announced`));
      crc = crc32(crc, data);
      let answer: void | "stop";
      try {
        answer = onData(data);
      } catch (e) {
        throw new ConsumerError(e);
      }
      if (answer === "stop") stopped = true;
    };
    /** Errors of the consumer go through unchanged; anything else means a damaged archive. */
    const fail = (e: unknown): never => {
      if (e instanceof ConsumerError) throw e.error;
      if (e instanceof InputError) throw e;
      throw this.unreadable(undefined, e);
    };
    if (entry.method === 8 && this.inflater === "zlib" && entry.compressedSize > 0) {
      // Node's zlib: a Transform stream; it errs on a DEFLATE stream that ends before its last block.
      const input = fs.createReadStream(this.path, {
        start,
        end: start + entry.compressedSize - 1,
        highWaterMark: READ_CHUNK,
      });
      const inflate = zlib.createInflateRaw({ chunkSize: READ_CHUNK });
      input.on("error", (e) => inflate.destroy(e));
      input.pipe(inflate);
      try {
        for await (const chunk of inflate as AsyncIterable<Buffer>) {
          deliver(chunk);
          if (stopped) break;
        }
      } catch (e) {
        fail(e);
      } finally {
        input.destroy();
        inflate.destroy();
      }
      if (stopped) return "stopped";
      if (produced !== entry.size || crc !== entry.crc) {
        throw this.unreadable(undefined, new Error(`${entry.name}: size or CRC mismatch`));
      }
      return "done";
    }
    const inflater = entry.method === 8 ? new Inflate((data) => deliver(data)) : null;
    let consumed = 0;
    if (entry.compressedSize > 0) {
      const input = fs.createReadStream(this.path, {
        start,
        end: start + entry.compressedSize - 1,
        highWaterMark: READ_CHUNK,
      });
      try {
        for await (const chunk of input as AsyncIterable<Buffer>) {
          consumed += chunk.length;
          if (inflater) inflater.push(chunk, false);
          else deliver(chunk);
          if (stopped) break;
        }
      } catch (e) {
        fail(e);
      } finally {
        input.destroy();
      }
    }
    if (stopped) return "stopped";
    if (consumed !== entry.compressedSize)
      throw this.unreadable(undefined, new Error(`${entry.name}: compressed data truncated`));
    try {
      // final = true: fflate throws "unexpected EOF" when the last DEFLATE block was not reached.
      if (inflater) inflater.push(new Uint8Array(0), true);
    } catch (e) {
      fail(e);
    }
    if (stopped) return "stopped";
    if (produced !== entry.size || crc !== entry.crc) {
      throw this.unreadable(undefined, new Error(`${entry.name}: size or CRC mismatch`));
    }
    return "done";
  }

  /** A small part as text (workbook, relationships, table definitions). */
  async readText(entry: ZipEntry, maxBytes = 256 * 1024 * 1024): Promise<string> {
    if (entry.size > maxBytes)
      throw this.unreadable(
        `contient une partie ${entry.name} trop volumineuse (${entry.size} octets)`
      );
    const decoder = new XmlTextDecoder();
    let text = "";
    try {
      await this.stream(entry, (chunk) => {
        text += decoder.decode(chunk);
      });
      return text + decoder.end();
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw this.unreadable(undefined, e);
    }
  }
}

/**
 * Streaming decoder for XML parts: UTF-8 (BOM or not), or UTF-16 when the part starts with a
 * UTF-16 byte order mark. Invalid bytes are an error (a damaged part), never replaced silently.
 */
export class XmlTextDecoder {
  private decoder: TextDecoder | null = null;
  private head: Uint8Array | null = null;

  decode(chunk: Uint8Array): string {
    if (this.decoder === null) {
      // Need 2 bytes to see a UTF-16 BOM.
      const bytes = this.head ? concat(this.head, chunk) : chunk;
      if (bytes.length < 2) {
        this.head = bytes.slice();
        return "";
      }
      this.head = null;
      const label =
        bytes[0] === 0xff && bytes[1] === 0xfe
          ? "utf-16le"
          : bytes[0] === 0xfe && bytes[1] === 0xff
            ? "utf-16be"
            : "utf-8";
      this.decoder = new TextDecoder(label, { fatal: true });
      return this.decoder.decode(bytes, { stream: true });
    }
    return this.decoder.decode(chunk, { stream: true });
  }

  end(): string {
    if (this.decoder === null) {
      if (!this.head) return "";
      this.decoder = new TextDecoder("utf-8", { fatal: true });
      const h = this.head;
      this.head = null;
      return this.decoder.decode(h);
    }
    return this.decoder.decode();
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
