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
import {
  checkCentralDirectory,
  dataStartOf,
  entryProblem,
  eocdSearchLength,
  isOle,
  parseCentralDirectory,
  readEocd,
  readZip64Eocd,
  readZip64Locator,
  SIG_LOCAL,
  tableCrc32,
  u32,
  XmlTextDecoder,
  ZipFormatError,
  type ZipEntry,
} from "../ooxml/zip";

export { tableCrc32, XmlTextDecoder, type ZipEntry };

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

/** Node's native CRC-32 (Node ≥ 20.15), about 10× faster than the table-driven one. */
const nativeCrc32 = (zlib as unknown as { crc32?: (data: Uint8Array, value?: number) => number })
  .crc32;

/** Running CRC-32: start with 0, feed chunks, the result is the CRC of their concatenation. */
export function crc32(crc: number, data: Uint8Array): number {
  return nativeCrc32 ? nativeCrc32(data, crc) : tableCrc32(crc, data);
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
    const { fh, size } = await openForReading(path, label);
    try {
      if (size === 0) {
        throw new InputError("est vide (0 octet)", {
          file: label,
          hint: "Vérifiez le fichier ou réenregistrez-le depuis Excel au format .xlsx.",
        });
      }
      const head = await readAt(fh, 0, Math.min(8, size));
      if (isOle(head)) {
        throw new InputError(
          "est un classeur Excel 97-2003 (.xls) ou un classeur protégé par mot de passe, que l'outil ne sait pas lire",
          {
            file: label,
            hint: "Ouvrez-le dans Excel et enregistrez-le au format .xlsx, sans mot de passe (Fichier › Informations › Protéger le classeur).",
          }
        );
      }
      try {
        // Not a ZIP at all (or one that does not start with an entry, e.g. a self-extracting archive).
        if (head.length < 4 || u32(head, 0) !== SIG_LOCAL)
          throw new ZipFormatError("no local file header at offset 0");
        const tailLength = eocdSearchLength(size);
        const tailStart = size - tailLength;
        let loc = readEocd(await readAt(fh, tailStart, tailLength), tailStart);
        if (loc.zip64LocatorAt !== null) {
          const at = readZip64Locator(await readAt(fh, loc.zip64LocatorAt, 20), loc.zip64LocatorAt);
          loc = readZip64Eocd(await readAt(fh, at, 56), at);
        }
        checkCentralDirectory(loc);
        const byName = parseCentralDirectory(await readAt(fh, loc.cdOffset, loc.cdSize), loc);
        return new ZipArchive(path, label, size, byName, loc.cdOffset, inflater);
      } catch (e) {
        if (e instanceof ZipFormatError)
          throw new InputError(XLSX_UNREADABLE, { file: label, hint: XLSX_RESAVE }, { cause: e });
        throw e;
      }
    } finally {
      await fh.close();
    }
  }

  /** Offset of an entry's compressed bytes (after its local header). */
  private async dataStart(entry: ZipEntry): Promise<number> {
    const fh = await fs.promises.open(this.path, "r");
    try {
      return dataStartOf(entry, await readAt(fh, entry.localOffset, 30), this.dataEnd);
    } catch (e) {
      if (e instanceof ZipFormatError) throw this.unreadable(undefined, e);
      throw e;
    } finally {
      await fh.close();
    }
  }

  /**
   * Streams an entry's uncompressed bytes to `onData`, in chunks (never the whole entry at once).
   * `onData` returns "stop" to end early: the rest is not read (and not checked). Resolves "done"
   * when the entry was read in full and checked (final block, size, CRC-32), else "stopped".
   * Before inflating, the entry's announced size and compression ratio are checked (entryProblem,
   * `maxBytes`); while inflating, it may not give more than it announced.
   */
  async stream(
    entry: ZipEntry,
    onData: (chunk: Uint8Array) => void | "stop",
    maxBytes?: number
  ): Promise<"done" | "stopped"> {
    const problem = entryProblem(entry, maxBytes);
    if (problem !== null) {
      throw new InputError(problem, {
        file: this.label,
        hint:
          entry.flags & 1
            ? "Ouvrez-le dans Excel, retirez le mot de passe et enregistrez-le au format .xlsx."
            : XLSX_RESAVE,
      });
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
    const decoder = new XmlTextDecoder();
    let text = "";
    try {
      await this.stream(
        entry,
        (chunk) => {
          text += decoder.decode(chunk);
        },
        maxBytes
      );
      return text + decoder.end();
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw this.unreadable(undefined, e);
    }
  }
}
