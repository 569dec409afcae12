/**
 * ZIP structure, platform-neutral: the end of central directory record (ZIP64 too), the central
 * directory, CRC-32, and the bounds an entry must keep before it is inflated. The node reader
 * (src/file/zip.ts) reads the bytes from a file, the browser reader from memory; both inflate one
 * entry at a time, in chunks, and check its size and CRC at the end.
 */
import { groupDigits } from "./errors";

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

/** A damaged or unsupported archive (technical detail, English). */
export class ZipFormatError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = "ZipFormatError";
  }
}

/** The central directory of an .xlsx is a few KB; anything this large is not a workbook. */
export const MAX_CENTRAL_DIRECTORY = 64 * 1024 * 1024;
/** An .xlsx has tens of parts, hundreds at most. */
export const MAX_ENTRIES = 100_000;
/** No part of a workbook inflates to more (the ZIP format without ZIP64 stops at 4 GiB anyway). */
export const MAX_PART_BYTES = 4 * 1024 * 1024 * 1024;
/**
 * Highest compression ratio accepted for a part above RATIO_FLOOR_BYTES. Sheet XML compresses
 * 5 to 20 times, a sheet of empty formatted rows about 100 times; DEFLATE tops out near 1 032.
 */
export const MAX_RATIO = 250;
export const RATIO_FLOOR_BYTES = 16 * 1024 * 1024;

export const SIG_EOCD = 0x06054b50;
export const SIG_EOCD64 = 0x06064b50;
export const SIG_EOCD64_LOCATOR = 0x07064b50;
export const SIG_CENTRAL = 0x02014b50;
export const SIG_LOCAL = 0x04034b50;

/** The first bytes of an OLE compound file: .xls, or an encrypted (password-protected) .xlsx. */
export const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function u16(b: Uint8Array, i: number): number {
  return b[i] | (b[i + 1] << 8);
}
export function u32(b: Uint8Array, i: number): number {
  return (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;
}
function u64(b: Uint8Array, i: number): number {
  // Sizes beyond 2^53 are not files we can hold anyway.
  return u32(b, i) + u32(b, i + 4) * 0x100000000;
}

export function isOle(head: Uint8Array): boolean {
  return head.length >= 8 && OLE_SIGNATURE.every((b, i) => head[i] === b);
}

/** Bytes to read at the end of the file to find the EOCD record (22 bytes + a 64 KB comment). */
export function eocdSearchLength(size: number): number {
  return Math.min(size, 22 + 0xffff);
}

export interface CentralDirectoryLocation {
  count: number;
  cdSize: number;
  cdOffset: number;
  /** Where the central directory must end (the EOCD or ZIP64 EOCD record). */
  cdEndLimit: number;
  /** ZIP64: the position of the 20-byte locator to read next (then `readZip64`). */
  zip64LocatorAt: number | null;
}

/** The EOCD record in the last bytes of the file (`tail` starts at `tailStart`). */
export function readEocd(tail: Uint8Array, tailStart: number): CentralDirectoryLocation {
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail[i] === 0x50 && u32(tail, i) === SIG_EOCD && i + 22 + u16(tail, i + 20) <= tail.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError("end of central directory not found (truncated file?)");
  const eocdPos = tailStart + eocd;
  const count = u16(tail, eocd + 10);
  const cdSize = u32(tail, eocd + 12);
  const cdOffset = u32(tail, eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    if (eocdPos < 20) throw new ZipFormatError("zip64 locator missing");
    return { count, cdSize, cdOffset, cdEndLimit: eocdPos, zip64LocatorAt: eocdPos - 20 };
  }
  if (u16(tail, eocd + 4) !== 0 || u16(tail, eocd + 6) !== 0)
    throw new ZipFormatError("multi-disk archive");
  return { count, cdSize, cdOffset, cdEndLimit: eocdPos, zip64LocatorAt: null };
}

/** ZIP64 locator (20 bytes) → position of the 56-byte ZIP64 EOCD record. */
export function readZip64Locator(loc: Uint8Array, locatorAt: number): number {
  if (loc.length < 20 || u32(loc, 0) !== SIG_EOCD64_LOCATOR)
    throw new ZipFormatError("zip64 locator missing");
  const at = u64(loc, 8);
  if (at + 56 > locatorAt) throw new ZipFormatError("zip64 end of central directory out of range");
  return at;
}

export function readZip64Eocd(rec: Uint8Array, at: number): CentralDirectoryLocation {
  if (rec.length < 56 || u32(rec, 0) !== SIG_EOCD64)
    throw new ZipFormatError("zip64 end of central directory missing");
  return {
    count: u64(rec, 32),
    cdSize: u64(rec, 40),
    cdOffset: u64(rec, 48),
    cdEndLimit: at,
    zip64LocatorAt: null,
  };
}

export function checkCentralDirectory(loc: CentralDirectoryLocation): void {
  if (loc.cdOffset + loc.cdSize > loc.cdEndLimit || loc.cdSize > MAX_CENTRAL_DIRECTORY)
    throw new ZipFormatError("central directory out of range");
  if (loc.count > MAX_ENTRIES) throw new ZipFormatError(`${loc.count} entries`);
}

/** The central directory → entries by lower-case name (OPC part names are case-insensitive). */
export function parseCentralDirectory(
  cd: Uint8Array,
  loc: CentralDirectoryLocation
): Map<string, ZipEntry> {
  if (cd.length !== loc.cdSize) throw new ZipFormatError("central directory truncated");
  const byName = new Map<string, ZipEntry>();
  const utf8 = new TextDecoder("utf-8");
  let p = 0;
  for (let n = 0; n < loc.count; n++) {
    if (p + 46 > cd.length || u32(cd, p) !== SIG_CENTRAL)
      throw new ZipFormatError("central directory entry malformed");
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
    if (next > cd.length) throw new ZipFormatError("central directory entry malformed");
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
    if (localOffset + 30 + compressedSize > loc.cdOffset)
      throw new ZipFormatError(`entry ${name} out of range`);
    const clean = name.replace(/^\/+/, "");
    byName.set(clean.toLowerCase(), {
      name: clean,
      method,
      flags,
      crc,
      compressedSize,
      size: uncompressed,
      localOffset,
    });
    p = next;
  }
  return byName;
}

/** Offset of an entry's compressed bytes, from its 30-byte local header. */
export function dataStartOf(entry: ZipEntry, header: Uint8Array, dataEnd: number): number {
  if (header.length < 30 || u32(header, 0) !== SIG_LOCAL)
    throw new ZipFormatError(`${entry.name}: local header missing`);
  const start = entry.localOffset + 30 + u16(header, 26) + u16(header, 28);
  if (start + entry.compressedSize > dataEnd) throw new ZipFormatError(`${entry.name}: out of range`);
  return start;
}

function mib(bytes: number): string {
  return `${groupDigits(Math.max(1, Math.round(bytes / 1048576)))} Mo`;
}

/**
 * Why an entry must not be inflated (French clause), or null: encrypted, unknown method, larger
 * than `maxBytes` or than MAX_PART_BYTES, or compressed beyond MAX_RATIO (a decompression bomb).
 */
export function entryProblem(entry: ZipEntry, maxBytes = MAX_PART_BYTES): string | null {
  if (entry.flags & 1) return "est chiffré (protégé par mot de passe)";
  if (entry.method !== 0 && entry.method !== 8)
    return `utilise une compression non prise en charge (méthode ${entry.method}) pour la partie ${entry.name}`;
  const limit = Math.min(maxBytes, MAX_PART_BYTES);
  if (entry.size > limit)
    return `contient une partie ${entry.name} de ${mib(entry.size)} une fois décompressée, au-delà de la limite de ${mib(limit)}`;
  if (entry.method === 8 && entry.size > RATIO_FLOOR_BYTES) {
    const ratio = entry.size / Math.max(1, entry.compressedSize);
    if (ratio > MAX_RATIO)
      return `contient une partie ${entry.name} qui se décompresse en ${mib(entry.size)} pour ${mib(entry.compressedSize)} compressés (taux de ${groupDigits(Math.round(ratio))} pour 1, au-delà de ${MAX_RATIO} pour 1) : ce n'est pas un classeur ordinaire`;
  }
  return null;
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

/** Table-driven running CRC-32 (slicing by 8): start with 0, feed chunks. */
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

/**
 * Streaming decoder for small XML parts: UTF-8 (BOM or not), or UTF-16 when the part starts with a
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
