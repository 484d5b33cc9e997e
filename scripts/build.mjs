#!/usr/bin/env node
/**
 * `npm run build`: esbuild bundles the Electron main process (ESM), the sandboxed preload (one CommonJS file that
 * requires only `electron`) and the web shell; Vite builds the renderer. Output goes to dist/.
 */
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as viteBuild } from 'vite';

process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const quiet = process.argv.includes('--quiet');
const define = { __CLAWTRAY_VERSION__: JSON.stringify(pkg.version) };

const node = { bundle: true, platform: 'node', format: 'esm', packages: 'external', sourcemap: true, define, logLevel: 'warning' };

await Promise.all([
  build({ ...node, entryPoints: [path.join(root, 'main/index.ts')], outfile: path.join(root, 'dist/main/index.mjs'), target: 'node22' }),
  build({ ...node, entryPoints: [path.join(root, 'main/web/cli.ts')], outfile: path.join(root, 'dist/web/cli.mjs'), target: 'node20' }),
  build({
    entryPoints: [path.join(root, 'preload/index.ts')],
    outfile: path.join(root, 'dist/preload/index.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['electron'],
    target: 'chrome140',
    logLevel: 'warning',
  }),
  viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: quiet ? 'warn' : 'info' }),
]);
if (!quiet) console.log('built dist/main, dist/preload, dist/web, dist/renderer');
