import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../testing/test-support';
import { TRAY_ICON_STATES } from '../tray/tray-model';

const root = path.join(__dirname, '..', '..');
const tmp = makeTempDir();
afterAll(() => tmp.cleanup());

/** Decodes the 8-bit RGBA, filter-0 PNGs `scripts/make-icons.mjs` writes. */
function decode(file: string): { width: number; height: number; rgba: Buffer } {
  const buf = fs.readFileSync(file);
  expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (offset < buf.length) {
    const length = buf.readUInt32BE(offset);
    const type = buf.toString('ascii', offset + 4, offset + 8);
    const data = buf.subarray(offset + 8, offset + 8 + length);
    expect(zlib.crc32(buf.subarray(offset + 4, offset + 8 + length))).toBe(buf.readUInt32BE(offset + 8 + length));
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([...data.subarray(8, 13)]).toEqual([8, 6, 0, 0, 0]);
    }
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const rgba = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) raw.copy(rgba, y * width * 4, y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1));
  return { width, height, rgba };
}

describe('tray icons in resources/tray', () => {
  it('are exactly what scripts/make-icons.mjs draws', () => {
    execFileSync(process.execPath, [path.join(root, 'scripts', 'make-icons.mjs'), '--out', tmp.dir]);
    const committed = fs.readdirSync(path.join(root, 'resources', 'tray')).sort();
    expect(fs.readdirSync(path.join(tmp.dir, 'tray')).sort()).toEqual(committed);
    // Pixels, not bytes: another Node's zlib may compress the same image differently.
    const same = (a: string, b: string) => decode(a).rgba.equals(decode(b).rgba);
    for (const name of committed) expect(same(path.join(root, 'resources', 'tray', name), path.join(tmp.dir, 'tray', name)), name).toBe(true);
    expect(same(path.join(root, 'resources', 'icon.png'), path.join(tmp.dir, 'icon.png'))).toBe(true);
  });

  it.each(TRAY_ICON_STATES)('%s: 16 px and 32 px, colour and macOS template (black with alpha)', (state) => {
    for (const [suffix, size] of [['', 16], ['@2x', 32]] as const) {
      const colour = decode(path.join(root, 'resources', 'tray', `${state}${suffix}.png`));
      const template = decode(path.join(root, 'resources', 'tray', `${state}Template${suffix}.png`));
      for (const img of [colour, template]) expect([img.width, img.height]).toEqual([size, size]);
      const pixels = (img: { rgba: Buffer }) => Array.from({ length: img.rgba.length / 4 }, (_, i) => [...img.rgba.subarray(i * 4, i * 4 + 4)] as number[]);
      const visible = (img: { rgba: Buffer }) => pixels(img).filter((p) => p[3]! > 0);
      expect(visible(template).length).toBeGreaterThan(size);
      expect(visible(template).every((p) => p[0] === 0 && p[1] === 0 && p[2] === 0)).toBe(true);
      expect(visible(colour).some((p) => p[0]! + p[1]! + p[2]! > 0)).toBe(true);
    }
  });

  it('differ from one state to the next', () => {
    const shapes = TRAY_ICON_STATES.map((s) => fs.readFileSync(path.join(root, 'resources', 'tray', `${s}Template@2x.png`)).toString('base64'));
    expect(new Set(shapes).size).toBe(TRAY_ICON_STATES.length);
  });
});
