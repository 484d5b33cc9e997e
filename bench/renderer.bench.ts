/**
 * The window's weight: builds the renderer for production (Vite, the same config as `npm run build`) into a temp
 * folder and prints the raw and gzip size of every JavaScript and CSS file, with the JavaScript total against the
 * goal (under 200 KB gzip). Building here measures the current sources, never a stale dist/.
 * Run from the repository root: `npx tsx bench/renderer.bench.ts` (or `npm run bench renderer`). Prints numbers; asserts nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';

/** The repository root: the runner starts benchmarks from there. */
const ROOT = process.cwd();
const GOAL_KB = 200;

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

async function main(): Promise<void> {
  process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';
  const { build } = await import('vite');
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clawtray-renderer-bench-'));
  try {
    const started = performance.now();
    await build({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    const buildMs = performance.now() - started;
    const assets = path.join(outDir, 'assets');
    const rows = fs
      .readdirSync(assets)
      .filter((f) => /\.(js|css)$/.test(f))
      .map((f) => {
        const bytes = fs.readFileSync(path.join(assets, f));
        return { file: f, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
      })
      .sort((a, b) => b.gzip - a.gzip);
    for (const r of rows) console.log(`${r.file.padEnd(32)} ${kb(r.raw).padStart(10)} raw ${kb(r.gzip).padStart(10)} gzip`);
    const js = rows.filter((r) => r.file.endsWith('.js'));
    const jsGzip = js.reduce((s, r) => s + r.gzip, 0);
    const jsRaw = js.reduce((s, r) => s + r.raw, 0);
    console.log(`renderer JavaScript: ${kb(jsRaw)} raw, ${kb(jsGzip)} gzip (goal < ${GOAL_KB} KB gzip: ${jsGzip < GOAL_KB * 1024 ? 'met' : 'NOT met'})`);
    console.log(`production build: ${(buildMs / 1000).toFixed(1)} s`);
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
