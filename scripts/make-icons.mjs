#!/usr/bin/env node
// Draws the Optima Achats icons (assets/icon-*.png, assets/logo-filled.png) with Node built-ins only.
//
// Motif: a rounded deep-blue tile holding a white rising bar chart on a baseline, with an amber
// euro sign in the free upper-left corner (omitted at 16 px, where it would only be noise).
// Every pixel is supersampled (SS x SS samples) for anti-aliasing; bar edges are snapped to whole
// pixels so the small sizes stay crisp. The PNG encoder (chunk layout, CRC-32, zlib via node:zlib)
// is written here so the script needs no dependency.
//
// Usage: node scripts/make-icons.mjs [outDir]   (default: assets/ next to this script's parent)

import { deflateSync } from "node:zlib";
import { mkdirSync, writeFileSync, copyFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const SIZES = [16, 32, 64, 80, 128];
const SS = 8; // samples per pixel side (64 samples per pixel)

// Palette (sRGB, 0-255).
const BLUE_TOP = [0x24, 0x5f, 0xb8];
const BLUE_BOTTOM = [0x0f, 0x3a, 0x7d];
const WHITE = [0xff, 0xff, 0xff];
const AMBER = [0xff, 0xc4, 0x3d];

// ---------------------------------------------------------------------------------------------
// PNG encoding

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (ISO 3309 / PNG) over one or more buffers. */
export function crc32(...buffers) {
  let crc = 0xffffffff;
  for (const buf of buffers) {
    for (let i = 0; i < buf.length; i++) crc = CRC_TABLE[(crc ^ buf[i]) & 0xff] ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const typeBuf = Buffer.from(type, "ascii");
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  typeBuf.copy(out, 4);
  data.copy(out, 8);
  out.writeUInt32BE(crc32(typeBuf, data), 8 + data.length);
  return out;
}

/** Encodes straight (non-premultiplied) RGBA8 pixels as a PNG file. */
export function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: truecolour with alpha
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    // Filter type 1 (Sub): each byte minus the byte of the pixel on its left; compresses flat areas well.
    const rowStart = y * (stride + 1);
    raw[rowStart] = 1;
    for (let x = 0; x < stride; x++) {
      const cur = rgba[y * stride + x];
      const left = x >= 4 ? rgba[y * stride + x - 4] : 0;
      raw[rowStart + 1 + x] = (cur - left) & 0xff;
    }
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------------------------------------
// Geometry (all coordinates in pixels of the target size; samples are tested at sub-pixel points)

function inRoundedRect(px, py, x0, y0, x1, y1, r) {
  if (px < x0 || px > x1 || py < y0 || py > y1) return false;
  const cx = px < x0 + r ? x0 + r : px > x1 - r ? x1 - r : px;
  const cy = py < y0 + r ? y0 + r : py > y1 - r ? y1 - r : py;
  const dx = px - cx;
  const dy = py - cy;
  return dx * dx + dy * dy <= r * r;
}

function inRect(px, py, x0, y0, x1, y1) {
  return px >= x0 && px < x1 && py >= y0 && py < y1;
}

/** Euro sign: an open ring (gap on the right) crossed by two horizontal strokes on its left. */
function inEuro(px, py, e) {
  const dx = px - e.cx;
  const dy = py - e.cy;
  const d = Math.sqrt(dx * dx + dy * dy);
  const angle = Math.abs((Math.atan2(dy, dx) * 180) / Math.PI); // 0 = right, 180 = left
  if (d >= e.r - e.stroke && d <= e.r && angle >= e.gapDeg) return true;
  const barLeft = e.cx - e.r - e.overhang;
  const barRight = e.cx + e.r * 0.3;
  if (px < barLeft || px > barRight) return false;
  return e.strokes.some(([y0, y1]) => py >= y0 && py < y1);
}

/** Layout of one icon size, tuned so that strokes land on whole pixels where it matters. */
function layout(size) {
  const margin = Math.floor(size / 32);
  const tile = { x0: margin, y0: margin, x1: size - margin, y1: size - margin, r: size * 0.2 };
  const inner = size - 2 * margin;
  const unit = inner / 16; // design grid: the 16 px icon uses one pixel per unit
  const snap = (v) => Math.round(margin + v * unit);

  // Three bars on a 16-unit grid: 2 units wide, 2 units apart, rising to the right.
  const baseline = snap(13);
  const tops = size <= 16 ? [10, 7, 4] : [9.75, 7.75, 3.5];
  const columns = [3, 7, 11];
  const bars = columns.map((c, i) => ({
    x0: snap(c),
    x1: snap(c + 2),
    y0: snap(tops[i]),
    y1: baseline,
  }));

  // A thin baseline under the bars from 32 px upwards.
  const axis =
    size >= 32
      ? {
          x0: snap(2.25),
          x1: snap(13.75),
          y0: baseline,
          y1: baseline + Math.max(1, Math.round(unit * 0.6)),
        }
      : null;

  // Euro sign in the upper-left corner, above the short first bar, from 32 px upwards.
  // Its two horizontal strokes are snapped to whole pixel rows so they do not blur at 32 px.
  let euro = null;
  if (size >= 32) {
    const cx = margin + 5.1 * unit;
    const cy = margin + 4.7 * unit;
    const thickness = Math.max(1, Math.round(0.6 * unit));
    const spacing = Math.max(thickness + 1, Math.round(1.5 * unit));
    const top = Math.round(cy - (spacing + thickness) / 2);
    euro = {
      cx,
      cy,
      r: 2.8 * unit,
      stroke: Math.max(1.6, 0.9 * unit),
      gapDeg: 50,
      overhang: 0.7 * unit,
      strokes: [
        [top, top + thickness],
        [top + spacing, top + spacing + thickness],
      ],
    };
  }
  return { tile, bars, axis, euro };
}

function render(size) {
  const { tile, bars, axis, euro } = layout(size);
  const rgba = Buffer.alloc(size * size * 4);
  const n = SS * SS;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Accumulate premultiplied colour over the samples of this pixel.
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const px = x + (sx + 0.5) / SS;
          const py = y + (sy + 0.5) / SS;
          if (!inRoundedRect(px, py, tile.x0, tile.y0, tile.x1, tile.y1, tile.r)) continue;
          let color;
          if (bars.some((bar) => inRect(px, py, bar.x0, bar.y0, bar.x1, bar.y1))) color = WHITE;
          else if (axis && inRect(px, py, axis.x0, axis.y0, axis.x1, axis.y1)) color = WHITE;
          else if (euro && inEuro(px, py, euro)) color = AMBER;
          else {
            // Vertical gradient across the tile.
            const t = (py - tile.y0) / (tile.y1 - tile.y0);
            color = BLUE_TOP.map((c, i) => c + (BLUE_BOTTOM[i] - c) * t);
          }
          r += color[0];
          g += color[1];
          b += color[2];
          a += 1;
        }
      }
      const o = (y * size + x) * 4;
      if (a > 0) {
        rgba[o] = Math.round(r / a);
        rgba[o + 1] = Math.round(g / a);
        rgba[o + 2] = Math.round(b / a);
        rgba[o + 3] = Math.round((255 * a) / n);
      }
    }
  }
  return rgba;
}

function main() {
  const here = dirname(fileURLToPath(import.meta.url));
  const outDir = process.argv[2] ?? join(here, "..", "assets");
  mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = join(outDir, `icon-${size}.png`);
    writeFileSync(file, encodePng(size, size, render(size)));
    console.log(`wrote ${file}`);
  }
  // The filled logo used by the task pane header and store listing is the 80 px icon.
  copyFileSync(join(outDir, "icon-80.png"), join(outDir, "logo-filled.png"));
  console.log(`wrote ${join(outDir, "logo-filled.png")}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
