#!/usr/bin/env node
/**
 * Draws ClawTray's icons as PNG files with nothing but node:zlib (no image library, no download), so they can be
 * regenerated anywhere: `node scripts/make-icons.mjs [--out DIR]` (default: resources/).
 *
 * - `tray/<state>.png` and `tray/<state>@2x.png` (16 and 32 px), one colour per state, for Windows and Linux;
 * - `tray/<state>Template.png` and `@2x` (black with alpha), which macOS recolours for light and dark menu bars;
 * - `icon.png` (1024 px), the application icon electron-builder turns into .icns/.ico.
 *
 * States: stopped (empty ring), starting (half-filled), ready (filled), attention (ring with "!"), error (ring
 * with a cross). The output is deterministic; a unit test checks the committed files match it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const STATES = ['stopped', 'starting', 'ready', 'attention', 'error'];
const COLOURS = {
  stopped: [138, 143, 152],
  starting: [240, 160, 32],
  ready: [47, 180, 99],
  attention: [240, 140, 0],
  error: [229, 72, 77],
};
const BLACK = [0, 0, 0];

// Shapes over the unit square (x right, y down), centre (0.5, 0.5).
const C = 0.5;
const dot = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const disc = (r) => dot(C, C, r);
const ring = (outer, inner) => (x, y) => disc(outer)(x, y) && !disc(inner)(x, y);
const union = (...shapes) => (x, y) => shapes.some((s) => s(x, y));
const leftHalf = (shape) => (x, y) => x <= C && shape(x, y);
const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const bar = (width, angle, r) => (x, y) => {
  const dx = x - C;
  const dy = y - C;
  const along = dx * Math.cos(angle) + dy * Math.sin(angle);
  const across = -dx * Math.sin(angle) + dy * Math.cos(angle);
  return Math.abs(across) <= width / 2 && Math.abs(along) <= r;
};
const roundedSquare = (margin, radius) => (x, y) => {
  const cx = Math.min(Math.max(x, margin + radius), 1 - margin - radius);
  const cy = Math.min(Math.max(y, margin + radius), 1 - margin - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius * radius;
};

const RING = ring(0.46, 0.31);
const MARKS = {
  stopped: RING,
  starting: union(RING, leftHalf(disc(0.31))),
  ready: disc(0.46),
  attention: union(RING, rect(0.44, 0.25, 0.56, 0.58), dot(C, 0.7, 0.07)),
  error: union(RING, bar(0.12, Math.PI / 4, 0.22), bar(0.12, -Math.PI / 4, 0.22)),
};

/** Renders layers (`{ shape, colour }`, painted in order) to RGBA with `samples`² supersampling. */
function render(size, layers, samples) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (const { shape, colour } of layers) {
        let hits = 0;
        for (let sy = 0; sy < samples; sy++) {
          for (let sx = 0; sx < samples; sx++) {
            if (shape((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size)) hits++;
          }
        }
        const cover = hits / (samples * samples);
        if (cover === 0) continue;
        const outA = cover + a * (1 - cover);
        r = (colour[0] * cover + r * a * (1 - cover)) / outA;
        g = (colour[1] * cover + g * a * (1 - cover)) / outA;
        b = (colour[2] * cover + b * a * (1 - cover)) / outA;
        a = outA;
      }
      const i = (py * size + px) * 4;
      rgba[i] = Math.round(r);
      rgba[i + 1] = Math.round(g);
      rgba[i + 2] = Math.round(b);
      rgba[i + 3] = Math.round(a * 255);
    }
  }
  return rgba;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** Encodes RGBA pixels as an 8-bit truecolour-with-alpha PNG (filter 0 on every row). */
export function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Every icon file, by path relative to the output folder. */
export function renderIcons() {
  const files = new Map();
  for (const state of STATES) {
    for (const [suffix, size] of [['', 16], ['@2x', 32]]) {
      files.set(`tray/${state}${suffix}.png`, encodePng(size, render(size, [{ shape: MARKS[state], colour: COLOURS[state] }], 4)));
      files.set(`tray/${state}Template${suffix}.png`, encodePng(size, render(size, [{ shape: MARKS[state], colour: BLACK }], 4)));
    }
  }
  const app = [
    { shape: roundedSquare(0.06, 0.2), colour: [31, 36, 48] },
    { shape: ring(0.3, 0.2), colour: [255, 107, 74] },
    { shape: disc(0.12), colour: [255, 107, 74] },
  ];
  files.set('icon.png', encodePng(1024, render(1024, app, 2)));
  return files;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const outIndex = process.argv.indexOf('--out');
  const out = outIndex > 0 ? path.resolve(process.argv[outIndex + 1] ?? '') : path.join(root, 'resources');
  const icons = renderIcons();
  for (const [name, png] of icons) {
    fs.mkdirSync(path.dirname(path.join(out, name)), { recursive: true });
    fs.writeFileSync(path.join(out, name), png);
  }
  console.log(`wrote ${icons.size} icons to ${out}`);
}
