#!/usr/bin/env node
/**
 * `npm run web -- [--state-dir DIR] [--data-dir DIR] [--port N]`: builds when a source file is newer than the
 * bundle, then runs the web shell in this process's place (signals reach it, its exit code is ours).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'dist/web/cli.mjs');
const renderer = path.join(root, 'dist/renderer/index.html');

function newestSource(dir) {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (/\.(ts|tsx|css|html|json)$/.test(e.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

const built = Math.min(...[bundle, renderer].map((f) => (fs.existsSync(f) ? fs.statSync(f).mtimeMs : 0)));
const sources = Math.max(...['main', 'shared', 'renderer'].map((d) => newestSource(path.join(root, d))));
if (built < sources) {
  console.error('Building ClawTray…');
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--quiet'], { stdio: ['ignore', 2, 2] });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const child = spawn(process.execPath, [bundle, ...process.argv.slice(2)], { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
