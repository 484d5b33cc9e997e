/**
 * Expiry alerts at scale: 1,000 profiles across 10 agents.
 * 1. Time of one alert evaluation (pure), first pass (raising) and steady state.
 * 2. Time of one full monitor pass (read every agent's status, evaluate, persist the ledger).
 * 3. Wake-ups of the core over 10 simulated idle minutes (fake clock), against the crossings that fall in them.
 * 4. A short real-time idle check on the system clock: no interval timer, no timer firing, one timer armed.
 * Run: `npx tsx bench/alerts.bench.ts` (or `npm run bench alerts`). Prints numbers; asserts nothing.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { AuthStatus, ProfileView } from '../shared/contract';
import { DEFAULT_THRESHOLDS_MS } from '../shared/contract';
import { evaluateAlerts } from '../main/core/alerts/evaluate';
import { ledgerPath } from '../main/core/alerts/ledger-file';
import { crossingAt, normalizeThresholds, stagesFor } from '../main/core/alerts/stages';
import { authStatus, profileView } from '../main/core/alerts/status-fixtures';
import { systemClock, type Clock } from '../main/core/clock';
import { createEventHub } from '../main/core/events';
import { createExpiryMonitor, type AuthStatusSource } from '../main/core/expiry-monitor';
import { createFakeClock } from '../main/core/fake-clock';
import { createSettingsService } from '../main/core/settings';
import { makeTempDir } from '../main/core/test-support';

const AGENTS = 10;
const PER_AGENT = 100;
const M = 60_000;
const H = 60 * M;
const D = 24 * H;

/** Deterministic random numbers, so every run measures the same data. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A spread like a real user's: keys without expiry, tokens past, within 1 h, 24 h, 7 d and beyond, some OAuth. */
function makeStatuses(now: number, seed = 1): AuthStatus[] {
  const rand = rng(seed);
  const out: AuthStatus[] = [];
  for (let a = 0; a < AGENTS; a++) {
    const profiles: ProfileView[] = [];
    for (let i = 0; i < PER_AGENT; i++) {
      const id = `provider${i % 7}:p${a}-${i}`;
      const r = rand();
      const spans = [-D, H, D, 7 * D, 90 * D];
      const span = spans[Math.floor(rand() * spans.length)]!;
      const expiresAt = Math.round(now + (span < 0 ? span * rand() : span * rand()) + 1);
      if (r < 0.2) profiles.push(profileView(id, { type: 'api_key', status: 'static' }));
      else if (r < 0.3) profiles.push(profileView(id, { type: 'oauth', expiresAt }));
      else if (r < 0.35) profiles.push(profileView(id, { type: 'api_key', status: 'cooldown', until: now + Math.round(rand() * H) + 1 }));
      else profiles.push(profileView(id, { type: 'token', expiresAt }));
    }
    out.push(authStatus(`agent${a}`, profiles, { agents: Array.from({ length: AGENTS }, (_, k) => `agent${k}`) }));
  }
  return out;
}

/** Profiles with expiries whose crossings all lie outside the idle window (the "nothing happens" case). */
function makeQuietStatuses(now: number): AuthStatus[] {
  return makeStatuses(now, 7).map((s) => ({
    ...s,
    profiles: s.profiles.map((p, i) => (p.expiresAt !== undefined ? { ...p, expiresAt: now + 30 * D + i * H } : { ...p, status: 'static' as const, until: undefined })),
  }));
}

function stats(samples: number[]): string {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return `median ${q(0.5).toFixed(3)} ms, p95 ${q(0.95).toFixed(3)} ms, min ${s[0]!.toFixed(3)} ms (${s.length} runs)`;
}

function staticSource(statuses: AuthStatus[]): AuthStatusSource & { reads: number } {
  const byId = new Map(statuses.map((s) => [s.agentId, s]));
  const src = {
    reads: 0,
    listAgents: () => [...byId.keys()],
    getStatus: async (id = 'agent0') => {
      src.reads++;
      return byId.get(id)!;
    },
    onStatus: () => () => {},
  };
  return src;
}

function monitorOver(clock: Clock, source: AuthStatusSource, dataDir: string) {
  return createExpiryMonitor({
    source,
    clock,
    ledgerFile: ledgerPath(dataDir),
    notifier: { show() {} },
    settings: createSettingsService({ store: {} }),
    events: createEventHub(),
    logger: { info() {}, warn() {}, error: (m) => console.error(m) },
    env: {},
  });
}

/** Distinct wall times in (from, to] at which some stage is crossed or a cooldown ends. */
function crossingsIn(statuses: AuthStatus[], from: number, to: number): number {
  const thresholds = normalizeThresholds(DEFAULT_THRESHOLDS_MS);
  const times = new Set<number>();
  for (const s of statuses) {
    for (const p of s.profiles) {
      if (p.expiresAt !== undefined) for (const st of stagesFor(p, thresholds)) times.add(crossingAt(p.expiresAt, st));
      if ((p.status === 'cooldown' || p.status === 'disabled') && p.until !== undefined) times.add(p.until);
    }
  }
  return [...times].filter((t) => t > from && t <= to).length;
}

async function main() {
  const now = Date.now();
  const statuses = makeStatuses(now);
  const agents = new Map(statuses.map((s) => [s.agentId, s] as const));
  const profiles = statuses.reduce((n, s) => n + s.profiles.length, 0);
  console.log(`profiles: ${profiles} across ${AGENTS} agents`);

  // 1. Pure evaluation.
  const first: number[] = [];
  let raised = 0;
  let entries = {};
  for (let i = 0; i < 50; i++) {
    const t0 = performance.now();
    const r = evaluateAlerts({ agents, entries: {}, thresholdsMs: DEFAULT_THRESHOLDS_MS, now });
    first.push(performance.now() - t0);
    raised = r.notify.length;
    entries = r.entries;
  }
  const steady: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    evaluateAlerts({ agents, entries, thresholdsMs: DEFAULT_THRESHOLDS_MS, now: now + i });
    steady.push(performance.now() - t0);
  }
  console.log(`evaluation, first pass (raises ${raised} alerts): ${stats(first)}`);
  console.log(`evaluation, steady state (nothing new): ${stats(steady)}`);

  // 2. Full monitor pass: read every status, evaluate, persist the ledger when it changed.
  const dir = makeTempDir('clawtray-bench-');
  try {
    const fake = createFakeClock(now);
    const source = staticSource(statuses);
    const monitor = monitorOver(fake, source, dir.dir);
    let t0 = performance.now();
    await monitor.start();
    const startMs = performance.now() - t0;
    const passes: number[] = [];
    for (let i = 0; i < 50; i++) {
      t0 = performance.now();
      await monitor.resume();
      passes.push(performance.now() - t0);
    }
    console.log(`monitor start (load ledger, read 10 statuses, evaluate, write ledger): ${startMs.toFixed(2)} ms`);
    console.log(`monitor resume (read 10 statuses, evaluate): ${stats(passes)}`);

    // 3. Wake-ups over 10 simulated idle minutes.
    for (const [label, data] of [
      ['random expiries', statuses],
      ['no crossing in the window', makeQuietStatuses(now)],
    ] as const) {
      const clock = createFakeClock(now);
      const m = monitorOver(clock, staticSource(data), path.join(dir.dir, label));
      await m.start();
      const set0 = clock.timersSet;
      const fired0 = clock.timersFired;
      const evals0 = m.evaluations;
      for (let s = 0; s < 600; s++) {
        clock.advance(1000);
        await m.list();
      }
      const crossings = crossingsIn(data, now, now + 10 * M);
      console.log(
        `idle 10 min (${label}): wake-ups ${clock.timersFired - fired0}, timers set ${clock.timersSet - set0}, evaluations ${m.evaluations - evals0}, scheduled crossings in window ${crossings}`,
      );
      await m.dispose();
    }

    // 4. Real time: no interval timer, nothing fires while idle, one timer armed.
    const intervals = { count: 0 };
    const realSetInterval = globalThis.setInterval;
    globalThis.setInterval = ((...args: Parameters<typeof setInterval>) => {
      intervals.count++;
      return realSetInterval(...args);
    }) as typeof setInterval;
    const counting = { set: 0, fired: 0, cleared: 0 };
    const clock: Clock = {
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
    const quiet = makeQuietStatuses(Date.now());
    const real = monitorOver(clock, staticSource(quiet), path.join(dir.dir, 'real-time'));
    await real.start();
    const armed = counting.set - counting.fired - counting.cleared;
    const before = { ...counting };
    const idleMs = 3000;
    await new Promise((resolve) => setTimeout(resolve, idleMs));
    console.log(
      `real-time idle ${idleMs / 1000} s: setInterval calls ${intervals.count}, timers set ${counting.set - before.set}, fired ${counting.fired - before.fired}, armed after start ${armed}`,
    );
    await real.dispose();
    globalThis.setInterval = realSetInterval;
  } finally {
    dir.cleanup();
  }
}

void main();
