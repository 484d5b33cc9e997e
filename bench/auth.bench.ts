/**
 * Credentials benchmark: a store of 1,000 profiles (API keys and tokens with expiries across the 24 h window).
 * Prints the time to compute `auth:status` through the contract (read + parse + status, what the renderer waits
 * for), the pure status computation alone, and p50/p99 of one locked atomic upsert into that store through the
 * profiles-file credential backend.
 * Run: `npx tsx bench/auth.bench.ts` (or `npm run bench auth`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAppCore } from '../main/core/app-core';
import { computeAuthStatus } from '../main/core/credentials/status';
import { backendForVersion } from '../main/core/credentials/choose-backend';
import { resolveOpenClawPaths } from '../main/core/openclaw/paths';
import { percentile } from './percentile';

const PROFILES = 1_000;
const STATUS_RUNS = 50;
const UPSERT_RUNS = 300;
const HOUR = 3_600_000;

const ms = (n: number) => `${n.toFixed(2)} ms`;

async function main(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'clawtray-bench-'));
  try {
    const stateDir = path.join(root, 'state');
    const dir = path.join(stateDir, 'agents', 'main', 'agent');
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const now = Date.now();
    const profiles: Record<string, unknown> = {};
    for (let i = 0; i < PROFILES; i++) {
      profiles[`provider${i % 20}:p${i}`] =
        i % 2
          ? { type: 'api_key', provider: `provider${i % 20}`, key: `sk-test-${String(i).padStart(40, '0')}` }
          : { type: 'token', provider: `provider${i % 20}`, token: `sk-ant-oat01-${String(i).padStart(80, 'x')}`, expires: now + ((i % 96) - 24) * HOUR };
    }
    fs.writeFileSync(path.join(dir, 'auth-profiles.json'), JSON.stringify({ version: 1, profiles }, null, 2), { mode: 0o600 });
    fs.writeFileSync(path.join(stateDir, 'openclaw.json'), JSON.stringify({ agents: { defaults: { model: { primary: 'provider1/model' } } } }), { mode: 0o600 });
    const size = fs.statSync(path.join(dir, 'auth-profiles.json')).size;

    const core = createAppCore({ shell: 'web', version: 'bench', dataDir: path.join(root, 'data'), stateDirOverride: stateDir, env: {}, homeDir: root });
    const statusTimes: number[] = [];
    for (let i = 0; i < STATUS_RUNS; i++) {
      const t0 = performance.now();
      const r = await core.dispatch('auth:status', {});
      statusTimes.push(performance.now() - t0);
      if (!r.ok || (r.value as { profiles: unknown[] }).profiles.length !== PROFILES) throw new Error('auth:status failed');
    }
    const backend = backendForVersion('2026.5.28', { paths: resolveOpenClawPaths({ env: {}, homeDir: root, stateDirOverride: stateDir }), now: Date.now });
    const snap = await backend.read('main');
    const pureTimes: number[] = [];
    for (let i = 0; i < STATUS_RUNS; i++) {
      const t0 = performance.now();
      computeAuthStatus({ agentId: 'main', agents: ['main'], credentials: snap, config: {}, env: {}, now, files: { authProfiles: '', authState: '', config: '', env: '' } });
      pureTimes.push(performance.now() - t0);
    }
    const upsertTimes: number[] = [];
    for (let i = 0; i < UPSERT_RUNS; i++) {
      const t0 = performance.now();
      await backend.upsert('main', { type: 'api_key', profileId: 'anthropic:bench', provider: 'anthropic', key: `sk-ant-api03-${i}` });
      upsertTimes.push(performance.now() - t0);
    }
    await core.dispose();
    await backend.dispose();
    for (const list of [statusTimes, pureTimes, upsertTimes]) list.sort((a, b) => a - b);
    console.log(`store: ${PROFILES} profiles, ${(size / 1024).toFixed(0)} KiB`);
    console.log(`auth:status via dispatch (read, parse, compute), ${STATUS_RUNS} runs: p50 ${ms(percentile(statusTimes, 50))}, p99 ${ms(percentile(statusTimes, 99))}`);
    console.log(`computeAuthStatus alone (pure), ${STATUS_RUNS} runs: p50 ${ms(percentile(pureTimes, 50))}, p99 ${ms(percentile(pureTimes, 99))}`);
    console.log(`locked atomic upsert (lock, read, write 0600 + fsync, rename, unlock), ${UPSERT_RUNS} runs: p50 ${ms(percentile(upsertTimes, 50))}, p99 ${ms(percentile(upsertTimes, 99))}`);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
