#!/usr/bin/env node
/**
 * Regenerates the lockfiles of the package sets "Install for me" installs (`main/core/installer/package-sets/`):
 * for each `<set>.package.json` it runs `npm install --package-lock-only --ignore-scripts` in a temp folder and
 * writes the result to `<set>.package-lock.json` (exact versions and integrity of every package, for every
 * platform). Run it after changing a version in a `<set>.package.json`, then commit both files:
 *
 *   node scripts/installer-lockfiles.mjs [openclaw|node]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'main', 'core', 'installer', 'package-sets');
const wanted = process.argv[2] ? [process.argv[2]] : ['openclaw', 'node'];
for (const set of wanted) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `clawtray-lock-${set}-`));
  try {
    fs.copyFileSync(path.join(dir, `${set}.package.json`), path.join(tmp, 'package.json'));
    const r = spawnSync('npm', ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: tmp,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
    if (r.status !== 0) throw new Error(`npm failed for ${set} (exit ${r.status}).`);
    fs.copyFileSync(path.join(tmp, 'package-lock.json'), path.join(dir, `${set}.package-lock.json`));
    console.log(`wrote ${set}.package-lock.json`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
