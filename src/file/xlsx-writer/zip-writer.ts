/**
 * Streaming ZIP output on fflate's `Zip`: parts are deflated chunk by chunk (Node's zlib) and
 * written to the file as they come (the queue is flushed after every chunk, so memory stays bounded whatever the
 * size of a sheet), and parts of an existing workbook are copied **as stored** (raw compressed
 * bytes, same CRC and sizes) without being inflated and deflated again.
 */
import * as fs from "node:fs";
import * as zlib from "node:zlib";
import { Zip, type ZipInputFile } from "fflate";
import { crc32 as crc32js } from "../zip";
import type { ZipEntry } from "../zip";

const encoder = new TextEncoder();

/** Running CRC-32 (native when Node has it: 20.15+). */
const crc32: (data: Uint8Array, crc: number) => number =
  typeof (zlib as { crc32?: unknown }).crc32 === "function"
    ? (data, crc) =>
        (zlib as unknown as { crc32(d: Uint8Array, c: number): number }).crc32(data, crc)
    : (data, crc) => crc32js(crc, data);
/** fflate writes no ZIP64 records: stay well below 4 GiB. */
const MAX_ARCHIVE = 0xffff_0000;

export class ZipWriter {
  private readonly zip: Zip;
  private queue: Uint8Array[] = [];
  private queued = 0;
  private error: unknown = null;
  private written = 0;
  private ended = false;
  readonly names: string[] = [];

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
    if (this.names.includes(name)) throw new Error(`Partie en double dans le classeur : ${name}`);
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
      await this.flush();
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
    await this.flush();
  }

  /** Copies an entry of an existing archive as stored (compressed bytes, CRC and sizes kept). */
  async addRaw(name: string, sourcePath: string, entry: ZipEntry): Promise<void> {
    this.check(name);
    const src = await fs.promises.open(sourcePath, "r");
    let start: number;
    try {
      const h = Buffer.alloc(30);
      const { bytesRead } = await src.read(h, 0, 30, entry.localOffset);
      if (bytesRead < 30 || h.readUInt32LE(0) !== 0x04034b50)
        throw new Error(`Partie ${entry.name} illisible dans le classeur existant`);
      start = entry.localOffset + 30 + h.readUInt16LE(26) + h.readUInt16LE(28);
    } finally {
      await src.close();
    }
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
    if (entry.compressedSize > 0) {
      const input = fs.createReadStream(sourcePath, {
        start,
        end: start + entry.compressedSize - 1,
        highWaterMark: 256 * 1024,
      });
      let got = 0;
      for await (const chunk of input as AsyncIterable<Buffer>) {
        got += chunk.length;
        ondata(
          null,
          new Uint8Array(chunk.buffer as ArrayBuffer, chunk.byteOffset, chunk.length),
          false
        );
        await this.flush();
      }
      if (got !== entry.compressedSize)
        throw new Error(`Partie ${entry.name} tronquée dans le classeur existant`);
    }
    ondata(null, new Uint8Array(0), true);
    await this.flush();
  }

  /** Writes the central directory; returns the archive size. */
  async end(): Promise<number> {
    this.zip.end();
    await this.flush();
    if (!this.ended) throw new Error("Archive ZIP incomplète");
    return this.written;
  }
}
