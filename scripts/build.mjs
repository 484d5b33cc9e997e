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
import { mainBundle, preloadBundle, webBundle } from './bundle-options.mjs';

process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const quiet = process.argv.includes('--quiet');
await Promise.all([
  build({ ...mainBundle(pkg.version), outfile: path.join(root, 'dist/main/index.mjs') }),
  build({ ...webBundle(pkg.version), outfile: path.join(root, 'dist/web/cli.mjs') }),
  build({ ...preloadBundle(), outfile: path.join(root, 'dist/preload/index.cjs') }),
  viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: quiet ? 'warn' : 'info' }),
]);
if (!quiet) console.log('built dist/main, dist/preload, dist/web, dist/renderer');
