/**
 * The import into OpenClaw 2026.6+ (`npm run bench migration`), real OpenClaw: a state folder written by the app on
 * 2026.5.28 and touched by the real 2026.5.28 CLI, imported by the app into the real 2026.9.6 ("Import into
 * OpenClaw"), with the time of each step (from the `migration:state` events), printed beside OpenClaw's own
 * `doctor --fix --yes --non-interactive` run by hand on an identical copy. Prints, asserts nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { MigrationState } from '../shared/contract';
import { createAppCore, type AppCore } from '../main/core/app-core';
import { makeTempDir } from '../main/testing/test-support';
import { CURRENT_VERSION, ensureReferenceOpenClaw, openclawEnv, runOpenClaw } from '../scripts/reference-openclaw.mjs';

const ms = (x: number) => `${Math.round(x).toLocaleString('en')} ms`;

async function ok(core: AppCore, channel: string, input: unknown): Promise<unknown> {
  const r = await core.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value;
}

function size(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) (files++, (bytes += fs.statSync(p).size));
    }
  };
  walk(dir);
  return { files, bytes };
}

async function main(): Promise<void> {
  const old = await ensureReferenceOpenClaw();
  const current = await ensureReferenceOpenClaw(CURRENT_VERSION);
  const tmp = makeTempDir('clawtray-bench-migration-');
  try {
    const stateDir = path.join(tmp.dir, 'state');
    const home = path.join(tmp.dir, 'home');
    fs.mkdirSync(home, { recursive: true });
    const env = openclawEnv({ home, stateDir });
    const writer = createAppCore({ shell: 'web', version: 'bench', dataDir: path.join(tmp.dir, 'data'), stateDirOverride: stateDir, env: {}, homeDir: home });
    await ok(writer, 'auth:saveAnthropicKey', { apiKey: `sk-ant-api03-${'B'.repeat(64)}` });
    await ok(writer, 'auth:saveSetupToken', { token: `sk-ant-oat01-${'S'.repeat(84)}`, profileName: 'sub', expiresAt: Date.now() + 72 * 3_600_000 });
    await ok(writer, 'auth:saveToken', { provider: 'openrouter', token: `sk-or-v1-${'R'.repeat(48)}` });
    await writer.dispose();
    await runOpenClaw(old, ['config', 'set', 'gateway.mode', 'local'], { env, cwd: home });
    const copy = path.join(tmp.dir, 'copy');
    fs.cpSync(stateDir, copy, { recursive: true });

    const app = createAppCore({ shell: 'web', version: 'bench', dataDir: path.join(tmp.dir, 'data'), stateDirOverride: stateDir, env: { PATH: `${path.dirname(current.nodeBin)}:/usr/bin:/bin` }, homeDir: home });
    const marks: [string, number][] = [];
    app.events.on('migration:state', (s) => {
      const label = s.phase === 'running' ? `step ${s.step}` : s.phase;
      if (marks.at(-1)?.[0] !== label) marks.push([label, performance.now()]);
    });
    await ok(app, 'settings:update', { openclawPath: current.openclawBin });
    const t0 = performance.now();
    await app.start();
    let state = (await ok(app, 'migration:state', {})) as MigrationState;
    while (state.phase !== 'needed') {
      await new Promise((r) => setTimeout(r, 50));
      state = (await ok(app, 'migration:state', {})) as MigrationState;
    }
    const found = performance.now() - t0;
    const started = performance.now();
    await ok(app, 'migration:start', {});
    while (state.phase !== 'done' && state.phase !== 'failed') {
      await new Promise((r) => setTimeout(r, 100));
      state = (await ok(app, 'migration:state', {})) as MigrationState;
    }
    const total = performance.now() - started;
    await app.dispose();

    console.log(`\nImport of a 2026.5.28 state (3 credentials) into OpenClaw ${CURRENT_VERSION}: ${state.phase}`);
    console.log(`  found needed after start (config validate run)      ${ms(found)}`);
    const steps = marks.filter(([l]) => l.startsWith('step '));
    steps.forEach(([label, at], i) => {
      const next = steps[i + 1]?.[1] ?? marks.find(([l]) => l === 'done' || l === 'failed')?.[1] ?? at;
      console.log(`  ${label.padEnd(52)} ${ms(next - at)}`);
    });
    console.log(`  whole import (backup, doctor, checks)                ${ms(total)}`);
    if (state.backupDir) {
      const b = size(state.backupDir);
      console.log(`  backup: ${b.files} files, ${(b.bytes / 1024).toFixed(1)} KiB`);
    }
    const d0 = performance.now();
    const direct = await runOpenClaw(current, ['doctor', '--fix', '--yes', '--non-interactive'], { env: openclawEnv({ home, stateDir: copy }), cwd: home });
    console.log(`  OpenClaw's own doctor --fix by hand (exit ${direct.code})           ${ms(performance.now() - d0)}`);
  } finally {
    tmp.cleanup();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
