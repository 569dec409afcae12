/**
 * Streaming ZIP output on fflate's `Zip`: parts are deflated chunk by chunk (Node's zlib) and
 * written to the file as they come (the queue is flushed by batches of about 1 MiB, so memory stays bounded whatever the
 * size of a sheet), and parts of an existing workbook are copied **as stored** (raw compressed
 * bytes, same CRC and sizes) without being inflated and deflated again.
 */
import * as fs from "node:fs";
import * as zlib from "node:zlib";
import { Zip, type ZipInputFile } from "fflate";
import { crc32 as crc32js } from "../zip";
import type { ZipEntry } from "../zip";

const encoder = new TextEncoder();

/** Read window over a source archive. */
const WINDOW = 1 << 20;

/** Reads a file through a window of WINDOW bytes: sequential small reads cost one read each MiB. */
class SourceReader {
  private buf = Buffer.alloc(0);
  private at = 0;
  constructor(readonly fh: fs.promises.FileHandle) {}

  /** Up to `length` (≤ WINDOW) bytes at `pos`; shorter at the end of the file. */
  async read(pos: number, length: number): Promise<Buffer> {
    if (pos < this.at || pos + length > this.at + this.buf.length) {
      const next = Buffer.allocUnsafe(WINDOW);
      const { bytesRead } = await this.fh.read(next, 0, WINDOW, pos);
      this.buf = next.subarray(0, bytesRead);
      this.at = pos;
    }
    const from = pos - this.at;
    return this.buf.subarray(from, Math.min(from + length, this.buf.length));
  }
}

/** Running CRC-32 (native when Node has it: 20.15+). */
const crc32: (data: Uint8Array, crc: number) => number =
  typeof (zlib as { crc32?: unknown }).crc32 === "function"
    ? (data, crc) =>
        (zlib as unknown as { crc32(d: Uint8Array, c: number): number }).crc32(data, crc)
    : (data, crc) => crc32js(crc, data);
/** fflate writes no ZIP64 sizes or offsets: stay well below 4 GiB. */
const MAX_ARCHIVE = 0xffff_0000;
/** From this many entries the end record's 16-bit counts saturate: ZIP64 end records needed. */
const ZIP64_ENTRIES = 0xffff;
const SIG_EOCD = 0x06054b50;
/** Raw copies are written by batches of this many bytes. */
const BATCH = 1 << 20;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;

/**
 * The end of an archive with `entries` entries: fflate's end of central directory record (EOCD,
 * 22 bytes, no comment, at the end of `tail`), preceded when the count does not fit 16 bits by a
 * ZIP64 end of central directory record and its locator (APPNOTE 4.3.14–4.3.15), the EOCD's counts
 * saturated to 0xFFFF. Sizes and offsets stay 32-bit (the archive is below 4 GiB).
 */
export function withZip64End(tail: Uint8Array, entries: number): Uint8Array {
  if (entries < ZIP64_ENTRIES) return tail;
  const eocdAt = tail.length - 22;
  const src = Buffer.from(tail.buffer, tail.byteOffset, tail.length);
  if (eocdAt < 0 || src.readUInt32LE(eocdAt) !== SIG_EOCD)
    throw new Error("Archive ZIP : fin de répertoire introuvable");
  const cdSize = src.readUInt32LE(eocdAt + 12);
  const cdOffset = src.readUInt32LE(eocdAt + 16);
  const z64 = Buffer.alloc(56 + 20);
  z64.writeUInt32LE(SIG_EOCD64, 0);
  z64.writeBigUInt64LE(44n, 4); // size of the rest of the record
  z64.writeUInt16LE(45, 12); // version made by: 4.5 (ZIP64)
  z64.writeUInt16LE(45, 14); // version needed
  z64.writeUInt32LE(0, 16); // this disk
  z64.writeUInt32LE(0, 20); // disk of the central directory
  z64.writeBigUInt64LE(BigInt(entries), 24);
  z64.writeBigUInt64LE(BigInt(entries), 32);
  z64.writeBigUInt64LE(BigInt(cdSize), 40);
  z64.writeBigUInt64LE(BigInt(cdOffset), 48);
  z64.writeUInt32LE(SIG_EOCD64_LOCATOR, 56);
  z64.writeUInt32LE(0, 60); // disk of the ZIP64 record
  z64.writeBigUInt64LE(BigInt(cdOffset + cdSize), 64); // it follows the central directory
  z64.writeUInt32LE(1, 72); // number of disks
  const eocd = Buffer.from(src.subarray(eocdAt));
  eocd.writeUInt16LE(0xffff, 8);
  eocd.writeUInt16LE(0xffff, 10);
  return Buffer.concat([src.subarray(0, eocdAt), z64, eocd]);
}

export class ZipWriter {
  private readonly zip: Zip;
  private queue: Uint8Array[] = [];
  private queued = 0;
  private error: unknown = null;
  private written = 0;
  private ended = false;
  readonly names: string[] = [];
  private readonly nameSet = new Set<string>();

  constructor(
    private readonly fh: fs.promises.FileHandle,
    private readonly mtime: Date,
    private readonly level: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 = 6
  ) {
    this.zip = new Zip((err, chunk, final) => {
      if (err) {
        this.error ??= err;
        return;
      }
      if (chunk && chunk.length > 0) {
        this.queue.push(chunk);
        this.queued += chunk.length;
      }
      if (final) this.ended = true;
    });
  }

  /** Bytes written so far. */
  get size(): number {
    return this.written + this.queued;
  }

  private async flush(): Promise<void> {
    if (this.error) throw this.error instanceof Error ? this.error : new Error(String(this.error));
    if (this.queue.length === 0) return;
    const chunks = this.queue;
    this.queue = [];
    const total = this.queued;
    this.queued = 0;
    if (this.written + total > MAX_ARCHIVE)
      throw new Error(
        "Classeur de plus de 4 Gio : trop volumineux pour le format .xlsx écrit par l'outil"
      );
    // Small chunks are gathered into one write.
    const buf = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
    let off = 0;
    while (off < buf.length) {
      const { bytesWritten } = await this.fh.write(buf, off, buf.length - off);
      off += bytesWritten;
    }
    this.written += total;
  }

  private check(name: string): void {
    if (this.nameSet.has(name)) throw new Error(`Partie en double dans le classeur : ${name}`);
    this.nameSet.add(name);
    this.names.push(name);
  }

  async addText(name: string, text: string): Promise<void> {
    await this.addChunks(name, [text]);
  }

  /**
   * A part from string chunks (encoded as UTF-8 one at a time), deflated by Node's native zlib
   * (several times faster than a JavaScript deflater on sheets of hundreds of megabytes), with
   * its CRC-32 computed on the way; fflate's Zip frames it (headers, data descriptor, directory).
   */
  async addChunks(name: string, chunks: Iterable<string>): Promise<void> {
    this.check(name);
    const file: ZipInputFile = {
      filename: name,
      size: 0,
      crc: 0,
      compression: 8,
      flag: 0,
      mtime: this.mtime,
    };
    this.zip.add(file);
    const ondata = file.ondata!;
    const deflate = zlib.createDeflateRaw({
      level: this.level,
      chunkSize: 256 * 1024,
      writableHighWaterMark: 4 << 20,
    } as zlib.ZlibOptions);
    let failure: unknown = null;
    deflate.on("data", (out: Buffer) =>
      ondata(null, new Uint8Array(out.buffer as ArrayBuffer, out.byteOffset, out.length), false)
    );
    deflate.on("error", (e) => (failure ??= e));
    const ended = new Promise<void>((resolve) => deflate.on("end", () => resolve()));
    let crc = 0;
    let size = 0;
    let pending = "";
    const write = async (text: string) => {
      const bytes = encoder.encode(text);
      crc = crc32(bytes, crc);
      size += bytes.length;
      if (!deflate.write(bytes))
        await new Promise<void>((resolve) => deflate.once("drain", () => resolve()));
      if (failure) throw failure;
      if (this.queued >= BATCH) await this.flush();
    };
    for (const chunk of chunks) {
      pending += chunk;
      if (pending.length < 65_536) continue;
      await write(pending);
      pending = "";
    }
    if (pending !== "") await write(pending);
    deflate.end();
    await ended;
    if (failure) throw failure;
    file.crc = crc;
    file.size = size;
    ondata(null, new Uint8Array(0), true);
    if (this.queued >= BATCH) await this.flush();
  }

  /** Source archives of addRaw, opened once (closed by end or close). */
  private readonly sources = new Map<string, SourceReader>();

  private async source(path: string): Promise<SourceReader> {
    let r = this.sources.get(path);
    if (!r) {
      r = new SourceReader(await fs.promises.open(path, "r"));
      this.sources.set(path, r);
    }
    return r;
  }

  /** Closes the source archives (end does it; call it when giving up on a write). */
  async close(): Promise<void> {
    const readers = [...this.sources.values()];
    this.sources.clear();
    await Promise.all(readers.map((r) => r.fh.close().catch(() => undefined)));
  }

  /**
   * Copies an entry of an existing archive as stored (compressed bytes, CRC and sizes kept). The
   * source is read through a 1 MiB window and the output written by batches of about 1 MiB:
   * copying 100 000 small parts costs a few dozen reads and writes, not 200 000.
   */
  async addRaw(name: string, sourcePath: string, entry: ZipEntry): Promise<void> {
    this.check(name);
    const src = await this.source(sourcePath);
    const h = await src.read(entry.localOffset, 30);
    if (h.length < 30 || h.readUInt32LE(0) !== 0x04034b50)
      throw new Error(`Partie ${entry.name} illisible dans le classeur existant`);
    const start = entry.localOffset + 30 + h.readUInt16LE(26) + h.readUInt16LE(28);
    const file: ZipInputFile = {
      filename: name,
      size: entry.size,
      crc: entry.crc,
      compression: entry.method,
      flag: 0,
      mtime: this.mtime,
    };
    this.zip.add(file);
    const ondata = file.ondata!;
    for (let done = 0; done < entry.compressedSize;) {
      const piece = await src.read(start + done, Math.min(WINDOW, entry.compressedSize - done));
      if (piece.length === 0)
        throw new Error(`Partie ${entry.name} tronquée dans le classeur existant`);
      done += piece.length;
      // A copy: the window's buffer is reused by the next read.
      ondata(null, new Uint8Array(piece), false);
      if (this.queued >= BATCH) await this.flush();
    }
    ondata(null, new Uint8Array(0), true);
    if (this.queued >= BATCH) await this.flush();
  }

  /** Writes the central directory; returns the archive size. */
  async end(): Promise<number> {
    await this.close();
    this.zip.end();
    if (!this.ended) throw new Error("Archive ZIP incomplète");
    if (this.names.length >= ZIP64_ENTRIES && this.queue.length > 0) {
      // The central directory and its end record are in the queue: add the ZIP64 end records.
      const tail = withZip64End(
        this.queue.length === 1 ? this.queue[0] : Buffer.concat(this.queue, this.queued),
        this.names.length
      );
      this.queue = [tail];
      this.queued = tail.length;
    }
    await this.flush();
    return this.written;
  }
}
