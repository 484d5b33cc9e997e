/**
 * Expiry alerts at scale: 1,000 profiles across 10 agents, written to disk in OpenClaw's format.
 * 1. Pure alert evaluation over those statuses: first pass (raising) and steady state.
 * 2. Auth status + alert evaluation through the real core: `core.resume()` reads every agent's files, computes
 *    each status and evaluates alerts (what a wake from sleep costs).
 * 3. Wake-ups of the whole core over 10 idle minutes on a fake clock: timers fired, against the crossings that
 *    fall in those minutes (random expiries), and with no crossing at all.
 * 4. A short real-time idle check on the system clock: no setInterval, no timer firing, one timer armed.
 * Run: `npx tsx bench/alerts.bench.ts` (or `npm run bench alerts`). Prints numbers; asserts nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_THRESHOLDS_MS, type AuthStatus } from '../shared/contract';
import { evaluateAlerts } from '../main/core/alerts/evaluate';
import { crossingAt, normalizeThresholds, stagesFor } from '../main/core/alerts/stages';
import { createAppCore, type AppCore } from '../main/core/app-core';
import { systemClock, type Clock } from '../main/core/clock';
import { createFakeClock } from '../main/testing/fake-clock';
import { makeTempDir } from '../main/testing/test-support';
import { seededRandom } from '../main/testing/seeded-random';

const AGENTS = 10;
const PER_AGENT = 100;
const M = 60_000;
const H = 60 * M;
const D = 24 * H;

/**
 * Writes 10 agents of 100 profiles: keys without expiry, tokens expired, within 1 h, 24 h, 7 d and beyond, a few
 * OAuth sign-ins, a few keys in cooldown (auth-state.json). `quiet`: every crossing is weeks away.
 */
function writeState(stateDir: string, now: number, quiet: boolean): void {
  const rand = seededRandom(quiet ? 7 : 1);
  fs.mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  fs.writeFileSync(path.join(stateDir, 'openclaw.json'), JSON.stringify({ agents: { defaults: { model: { primary: 'provider1/model' } } } }), { mode: 0o600 });
  for (let a = 0; a < AGENTS; a++) {
    const dir = path.join(stateDir, 'agents', `agent${a}`, 'agent');
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const profiles: Record<string, unknown> = {};
    const usageStats: Record<string, unknown> = {};
    for (let i = 0; i < PER_AGENT; i++) {
      const provider = `provider${i % 7}`;
      const id = `${provider}:p${a}-${i}`;
      const spans = [-D, H, D, 7 * D, 90 * D];
      const span = spans[Math.floor(rand() * spans.length)]!;
      const expires = quiet ? now + 30 * D + (a * PER_AGENT + i) * H : Math.round(now + span * rand()) + 1;
      const r = rand();
      const secret = `sk-bench-${String(a * PER_AGENT + i).padStart(40, '0')}`;
      if (r < 0.2) profiles[id] = { type: 'api_key', provider, key: secret };
      else if (r < 0.3) profiles[id] = { type: 'oauth', provider, access: secret, refresh: `${secret}-r`, expires };
      else if (r < 0.35 && !quiet) {
        profiles[id] = { type: 'api_key', provider, key: secret };
        usageStats[id] = { cooldownUntil: now + Math.round(rand() * H) + 1, cooldownReason: 'rate_limit' };
      } else profiles[id] = { type: 'token', provider, token: secret, expires };
    }
    fs.writeFileSync(path.join(dir, 'auth-profiles.json'), JSON.stringify({ version: 1, profiles }), { mode: 0o600 });
    fs.writeFileSync(path.join(dir, 'auth-state.json'), JSON.stringify({ version: 1, usageStats }), { mode: 0o600 });
  }
}

function stats(samples: number[]): string {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return `median ${q(0.5).toFixed(2)} ms, p95 ${q(0.95).toFixed(2)} ms, min ${s[0]!.toFixed(2)} ms (${s.length} runs)`;
}

function makeCore(root: string, name: string, clock: Clock, shown: { n: number }): AppCore {
  return createAppCore({
    shell: 'web',
    version: '0.0.0-bench',
    dataDir: path.join(root, name, 'data'),
    stateDirOverride: path.join(root, name, 'state'),
    env: {},
    homeDir: path.join(root, name),
    clock,
    notifier: { show: () => void shown.n++ },
  });
}

async function statuses(core: AppCore): Promise<AuthStatus[]> {
  const out: AuthStatus[] = [];
  for (let a = 0; a < AGENTS; a++) {
    const r = await core.dispatch('auth:status', { agentId: `agent${a}` });
    if (!r.ok) throw new Error(r.error.message);
    out.push(r.value);
  }
  return out;
}

/** Distinct wall times in (from, to] at which some stage is crossed or a cooldown ends. */
function crossingsIn(all: AuthStatus[], from: number, to: number): number {
  const thresholds = normalizeThresholds(DEFAULT_THRESHOLDS_MS);
  const times = new Set<number>();
  for (const s of all) {
    for (const p of s.profiles) {
      if (p.expiresAt !== undefined) for (const st of stagesFor(p, thresholds)) times.add(crossingAt(p.expiresAt, st));
      if ((p.status === 'cooldown' || p.status === 'disabled') && p.until !== undefined) times.add(p.until);
    }
  }
  return [...times].filter((t) => t > from && t <= to).length;
}

async function main(): Promise<void> {
  const root = makeTempDir('clawtray-bench-alerts-');
  try {
    const now = Date.now();
    writeState(path.join(root.dir, 'random', 'state'), now, false);
    writeState(path.join(root.dir, 'quiet', 'state'), now, true);

    // 1 + 2: one core on a fake clock frozen at `now`.
    const clock = createFakeClock(now);
    const shown = { n: 0 };
    const core = makeCore(root.dir, 'random', clock, shown);
    let t0 = performance.now();
    await core.start();
    const startMs = performance.now() - t0;
    const all = await statuses(core);
    const agents = new Map(all.map((s) => [s.agentId, s] as const));
    console.log(`profiles: ${all.reduce((n, s) => n + s.profiles.length, 0)} across ${agents.size} agents`);

    const first: number[] = [];
    let raised = 0;
    let entries = {};
    for (let i = 0; i < 50; i++) {
      t0 = performance.now();
      const r = evaluateAlerts({ agents, entries: {}, thresholdsMs: DEFAULT_THRESHOLDS_MS, now });
      first.push(performance.now() - t0);
      raised = r.notify.length;
      entries = r.entries;
    }
    const steady: number[] = [];
    for (let i = 0; i < 200; i++) {
      t0 = performance.now();
      evaluateAlerts({ agents, entries, thresholdsMs: DEFAULT_THRESHOLDS_MS, now: now + i });
      steady.push(performance.now() - t0);
    }
    console.log(`alert evaluation (pure), first pass raising ${raised} alerts: ${stats(first)}`);
    console.log(`alert evaluation (pure), steady state: ${stats(steady)}`);
    console.log(`core start (auth status of 10 agents from disk, evaluation, ${shown.n} notifications, ledger written): ${startMs.toFixed(0)} ms`);
    const passes: number[] = [];
    for (let i = 0; i < 30; i++) {
      t0 = performance.now();
      await core.resume();
      passes.push(performance.now() - t0);
    }
    console.log(`auth status + alert evaluation, 1,000 profiles / 10 agents (core.resume): ${stats(passes)}`);
    await core.dispose();

    // 3: wake-ups of the whole core over 10 idle minutes, fake clock.
    for (const [name, label] of [
      ['random', 'random expiries'],
      ['quiet', 'no crossing in the window'],
    ] as const) {
      const fake = createFakeClock(now);
      const c = makeCore(root.dir, name, fake, { n: 0 });
      await c.start();
      const data = await statuses(c);
      const set0 = fake.timersSet;
      const fired0 = fake.timersFired;
      const end = now + 10 * M;
      for (let due = fake.nextDueAt(); due !== undefined && due <= end; due = fake.nextDueAt()) {
        fake.advance(due - fake.now());
        await c.dispatch('alerts:list', {});
      }
      fake.advance(end - fake.now());
      await c.dispatch('alerts:list', {});
      console.log(
        `core idle 10 min (${label}): wake-ups ${fake.timersFired - fired0}, timers set ${fake.timersSet - set0}, scheduled crossings in the window ${crossingsIn(data, now, now + 10 * M)}`,
      );
      await c.dispose();
    }

    // 4: real time, system clock, quiet data.
    let intervals = 0;
    const realSetInterval = globalThis.setInterval;
    globalThis.setInterval = ((...args: Parameters<typeof setInterval>) => {
      intervals++;
      return realSetInterval(...args);
    }) as typeof setInterval;
    const counting = { set: 0, fired: 0, cleared: 0 };
    const counted: Clock = {
      now: systemClock.now,
      setTimeout(fn, ms) {
        counting.set++;
        return systemClock.setTimeout(() => {
          counting.fired++;
          fn();
        }, ms);
      },
      clearTimeout(handle) {
        counting.cleared++;
        systemClock.clearTimeout(handle);
      },
    };
    const real = makeCore(root.dir, 'quiet', counted, { n: 0 });
    await real.start();
    const armed = counting.set - counting.fired - counting.cleared;
    const before = { ...counting };
    const idleMs = 3000;
    await new Promise((resolve) => setTimeout(resolve, idleMs));
    console.log(
      `core idle ${idleMs / 1000} s real time: setInterval calls ${intervals}, timers set ${counting.set - before.set}, fired ${counting.fired - before.fired}, armed after start ${armed}`,
    );
    await real.dispose();
    globalThis.setInterval = realSetInterval;
  } finally {
    root.cleanup();
  }
}

void main();
