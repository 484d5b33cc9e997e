/**
 * "Remove means gone" benchmark: the remove dialog asks `auth:secretPlaces` when it opens, and the removal itself
 * searches `.env`, `openclaw.json` and every backup copy. Over a large state dir (1,000 profiles, a `.env` of 500
 * variables, a config of 200 providers with keys, the `.bak` ring and 3 corrupt copies of that config) it prints
 * p50/p99 of `auth:secretPlaces` (what the dialog waits for) and of `auth:removeProfile` with every place ticked
 * (store, `.env`, config key, scrubbing every copy), through the contract on the profiles-file backend.
 * Run: `npx tsx bench/remove.bench.ts` (or `npm run bench remove`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { makeTestCore } from '../main/testing/test-support';
import { percentile } from './percentile';

const PROFILES = 1_000;
const RUNS = 40;
const ms = (n: number) => `${n.toFixed(1)} ms`;
const keyOf = (i: number) => `sk-test-${String(i).padStart(40, '0')}`;

async function main(): Promise<void> {
  // A core as the tests make it: temp dirs, and the fake OpenClaw 2026.5.28 install (the profiles-file backend).
  const t = makeTestCore();
  try {
    const stateDir = t.stateDir;
    const dir = path.join(stateDir, 'agents', 'main', 'agent');
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const profiles: Record<string, unknown> = {};
    for (let i = 0; i < PROFILES; i++) profiles[`provider${i}:default`] = { type: 'api_key', provider: `provider${i}`, key: keyOf(i) };
    fs.writeFileSync(path.join(dir, 'auth-profiles.json'), JSON.stringify({ version: 1, profiles }, null, 2), { mode: 0o600 });
    const providers: Record<string, unknown> = {};
    for (let i = 0; i < 200; i++) providers[`provider${i}`] = { baseUrl: `https://example.invalid/${i}`, apiKey: keyOf(i), headers: { authorization: `Bearer ${keyOf(i)}` }, models: [] };
    const config = JSON.stringify({ models: { providers }, agents: { defaults: { model: { primary: 'provider1/model' } } } }, null, 2);
    fs.writeFileSync(path.join(stateDir, 'openclaw.json'), config, { mode: 0o600 });
    for (const copy of ['.bak', '.bak.1', '.bak.2', '.bak.3', '.bak.4']) fs.writeFileSync(path.join(stateDir, `openclaw.json${copy}`), config, { mode: 0o600 });
    for (let h = 1; h <= 3; h++) {
      const stamp = new Date(Date.now() - h * 3_600_000).toISOString().replace(/[:.]/g, '-');
      fs.writeFileSync(path.join(stateDir, `openclaw.json.corrupt-${stamp}`), `{ broken ${config}`, { mode: 0o600 });
    }
    fs.writeFileSync(path.join(stateDir, '.env'), Array.from({ length: 500 }, (_, i) => `PROVIDER${i}_API_KEY=${keyOf(i)}`).join('\n') + '\n', { mode: 0o600 });
    const copyBytes = fs.statSync(path.join(stateDir, 'openclaw.json.bak')).size;

    const core = t.core;
    const places: number[] = [];
    const removals: number[] = [];
    let listed = 0;
    for (let i = 0; i < RUNS; i++) {
      const profileId = `provider${i}:default`;
      let t0 = performance.now();
      const r = await core.dispatch('auth:secretPlaces', { profileId });
      places.push(performance.now() - t0);
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      listed = (r.value as { places: unknown[] }).places.length;
      t0 = performance.now();
      const gone = await core.dispatch('auth:removeProfile', { profileId });
      removals.push(performance.now() - t0);
      if (!gone.ok) throw new Error(JSON.stringify(gone.error));
    }
    const show = (label: string, xs: number[]) => {
      xs.sort((a, b) => a - b);
      console.log(`${label.padEnd(58)} p50 ${ms(percentile(xs, 50)).padStart(9)}  p99 ${ms(percentile(xs, 99)).padStart(9)}`);
    };
    console.log(`${PROFILES} profiles, .env of 500 variables, config of 200 providers (${Math.round(copyBytes / 1024)} KB) with 5 .bak and 3 corrupt copies; ${listed} places per credential`);
    show('auth:secretPlaces (the dialog opening)', places);
    show('auth:removeProfile, every place ticked (incl. scrubbing)', removals);
  } finally {
    await t.cleanup();
  }
}

void main();
