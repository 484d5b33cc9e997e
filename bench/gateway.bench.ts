/**
 * Gateway benchmark (`npm run bench gateway`, or `npx tsx bench/gateway.bench.ts`). Prints, asserts nothing:
 *  - readiness overhead: `gateway:start` -> `running` event, minus the gateway's own spawn -> first /healthz 200,
 *    for the fake gateway and for the real reference OpenClaw (measured side by side by spawning it directly);
 *  - crash detection latency: SIGKILL to the child -> `crashed` event;
 *  - stop latency: `gateway:stop` -> `stopped`, against the child's own exit time after SIGTERM;
 *  - idle CPU of the core process over 60 s with a ready gateway.
 * Goals (issue 4): overhead and crash detection under 50 ms, idle CPU under 0.2 % of one core.
 * Set BENCH_GATEWAY_REAL=0 to skip the real gateway, BENCH_GATEWAY_IDLE_S / BENCH_GATEWAY_SETTLE_MS to change the
 * idle window (60 s) and the settle time before it (30 s).
 */
import { spawn } from 'node:child_process';
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import type { GatewayState } from '../shared/contract';
import type { AppCore } from '../main/core/app-core';
import { createHealthClient } from '../main/core/gateway/health';
import { FAKE_GATEWAY, FAKE_OPENCLAW, freePort } from '../main/testing/gateway-test-support';
import { makeTempDir, makeTestCore } from '../main/testing/test-support';
import { ensureReferenceOpenClaw } from '../scripts/reference-openclaw.mjs';

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / Math.max(1, s.length);
  return `median ${s[Math.floor(s.length / 2)]!.toFixed(1)} ms, mean ${mean.toFixed(1)} ms, min ${s[0]!.toFixed(1)}, max ${s.at(-1)!.toFixed(1)} (n=${s.length})`;
};

interface Bench {
  core: AppCore;
  stateDir: string;
  port: number;
  /** Epoch ms of each status's latest event. */
  seen: Map<string, number>;
  lines: string[];
  waitFor(status: string, ms?: number): Promise<GatewayState>;
  cleanup(): Promise<void>;
}

async function bench(openclawPath: string, env: Record<string, string | undefined>, config: unknown = {}): Promise<Bench> {
  const t = makeTestCore({ env: { PATH: process.env.PATH, ...env } });
  const port = await freePort();
  fs.writeFileSync(path.join(t.stateDir, 'openclaw.json'), JSON.stringify(config), { mode: 0o600 });
  await t.core.dispatch('settings:update', { openclawPath, port, stopGraceMs: 15_000 });
  const seen = new Map<string, number>();
  const lines: string[] = [];
  let last: GatewayState | undefined;
  const waiters = new Set<() => void>();
  t.core.events.on('gateway:state', (s) => {
    seen.set(s.status, now());
    last = s;
    for (const w of [...waiters]) w();
  });
  t.core.events.on('gateway:log', (p) => lines.push(...p.lines.map((l) => l.text)));
  await t.core.start();
  return {
    core: t.core,
    stateDir: t.stateDir,
    port,
    seen,
    lines,
    waitFor: (status, ms = 120_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timeout waiting for ${status}`)), ms);
        const check = () => {
          if (last?.status === status) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(last);
          }
        };
        waiters.add(check);
        check();
      }),
    cleanup: t.cleanup,
  };
}

/** Spawns a gateway directly and measures its own spawn -> first /healthz 200 (and /readyz 200), then SIGTERM -> exit. */
async function direct(command: string, args: string[], env: NodeJS.ProcessEnv, port: number, cwd?: string, pollMs = 2): Promise<{ live: number; ready: number; exit: number }> {
  const health = createHealthClient({ connectMs: 200, requestMs: 1000 });
  const t0 = now();
  const child = spawn(command, [...args, 'gateway', 'run', '--port', String(port), '--bind', 'loopback'], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  child.stdout!.resume();
  child.stderr!.resume();
  const exited = new Promise<number>((r) => child.once('exit', () => r(now())));
  while ((await health.get(port, '/healthz')).status !== 200) await sleep(pollMs);
  const live = now() - t0;
  while ((await health.get(port, '/readyz')).status !== 200) await sleep(10);
  const ready = now() - t0;
  const t1 = now();
  process.kill(-child.pid!, 'SIGTERM');
  const exit = (await exited) - t1;
  await health.close();
  return { live, ready, exit };
}

async function fakeSection(): Promise<void> {
  const b = await bench(FAKE_OPENCLAW, {});
  const overhead: number[] = [];
  const preSpawn: number[] = [];
  const detect: number[] = [];
  const stop: number[] = [];
  for (let i = 0; i < 15; i++) {
    b.lines.length = 0;
    const t0 = now();
    const r = await b.core.dispatch('gateway:start', {});
    const startedAt = r.ok ? (r.value as GatewayState).startedAt! : 0;
    await b.waitFor('running');
    const running = b.seen.get('running')!;
    await b.waitFor('ready');
    await sleep(60);
    const liveAt = Number(/fake-gateway: live at (\d+)/.exec(b.lines.join('\n'))?.[1]);
    const own = liveAt - startedAt;
    overhead.push(running - t0 - own);
    preSpawn.push(startedAt - t0);
    detect.push(running - liveAt);
    const s0 = now();
    await b.core.dispatch('gateway:stop', {});
    stop.push(now() - s0);
  }
  const ownDirect: { live: number; ready: number; exit: number }[] = [];
  for (let i = 0; i < 10; i++) {
    ownDirect.push(await direct(process.execPath, [FAKE_GATEWAY], { ...process.env, FAKE_GATEWAY_SKIP_CONFIG: '1' }, await freePort()));
  }
  console.log('fake gateway:');
  console.log(`  readiness overhead (start -> running minus the fake's spawn -> live): ${stats(overhead)}`);
  console.log(`    of which before spawn (locate cache, /healthz probe, port check, config): ${stats(preSpawn)}`);
  console.log(`    of which live -> running detected: ${stats(detect)}`);
  console.log(`  fake's own spawn -> first /healthz 200, spawned directly and polled every 2 ms: ${stats(ownDirect.map((d) => d.live))}`);
  console.log(`  stop latency (gateway:stop -> stopped): ${stats(stop)}`);
  console.log(`  the fake's own SIGTERM -> exit, spawned directly: ${stats(ownDirect.map((d) => d.exit))}`);

  const crash: number[] = [];
  for (let i = 0; i < 10; i++) {
    const r = await b.core.dispatch('gateway:start', {});
    await b.waitFor('ready');
    const pid = r.ok ? (r.value as GatewayState).pid! : 0;
    const t0 = now();
    process.kill(pid, 'SIGKILL');
    await b.waitFor('crashed');
    crash.push(b.seen.get('crashed')! - t0);
    await b.core.dispatch('gateway:stop', {});
  }
  console.log(`  crash detection (SIGKILL -> crashed event): ${stats(crash)}`);

  await b.cleanup();
}

/**
 * Idle CPU of a core with a ready fake gateway, in a plain Node process running a bundle (no tsx), measured after a
 * 30 s settle (V8 still collects start-up garbage before that). Runs beside the other sections: only its own CPU
 * time is counted, so their load does not inflate it.
 */
async function idleSection(): Promise<void> {
  const idleS = Number(process.env.BENCH_GATEWAY_IDLE_S ?? 60);
  const tmp = makeTempDir('clawtray-bench-idle-');
  const bundle = path.join(tmp.dir, 'idle.cjs');
  await build({ entryPoints: [path.join(__dirname, 'gateway-idle.ts')], outfile: bundle, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' });
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, FAKE_OPENCLAW, String(idleS)], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, BENCH_GATEWAY_SETTLE_MS: process.env.BENCH_GATEWAY_SETTLE_MS ?? '30000' },
    });
    let text = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => (text += d));
    child.once('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`idle probe exited ${code}`))));
  });
  tmp.cleanup();
  const r = JSON.parse(out.trim().split('\n').at(-1)!) as { userMs: number; systemMs: number; wallMs: number };
  const pct = ((r.userMs + r.systemMs) / r.wallMs) * 100;
  console.log(`idle CPU of the core process with a ready (fake) gateway over ${idleS} s: ${pct.toFixed(3)} % of one core (user ${r.userMs.toFixed(1)} ms, system ${r.systemMs.toFixed(1)} ms)`);
}

async function realSection(): Promise<void> {
  const ref = await ensureReferenceOpenClaw();
  const nodeDir = path.dirname(ref.nodeBin);
  const tmp = makeTempDir('clawtray-bench-real-');
  const env = { PATH: `${nodeDir}${path.delimiter}${process.env.PATH}`, HOME: tmp.dir };
  const config = { logging: { file: path.join(tmp.dir, 'openclaw.log') } };
  const own: { live: number; ready: number; exit: number }[] = [];
  const viaCore: number[] = [];
  const ready: number[] = [];
  const stop: number[] = [];
  for (let i = -1; i < 2; i++) {
    const stateDir = path.join(tmp.dir, `direct-${i}`);
    fs.mkdirSync(stateDir, { recursive: true });
    fs.writeFileSync(path.join(stateDir, 'openclaw.json'), JSON.stringify({ ...config, gateway: { mode: 'local', bind: 'loopback', auth: { mode: 'token', token: 'bench-token-0123456789abcdef' } } }));
    const directEnv = { ...env, OPENCLAW_STATE_DIR: stateDir, OPENCLAW_NO_RESPAWN: '1', OPENCLAW_DISABLE_BONJOUR: '1', OPENCLAW_NO_AUTO_UPDATE: '1', OPENCLAW_EXEC_SHELL_SNAPSHOT: '0', NO_COLOR: '1' };
    const d = await direct(ref.nodeBin, [ref.openclawBin], directEnv, await freePort(), stateDir, 10);
    if (i < 0) continue;
    own.push(d);
    const b = await bench(ref.openclawBin, env, config);
    const t0 = now();
    await b.core.dispatch('gateway:start', {});
    await b.waitFor('running');
    viaCore.push(b.seen.get('running')! - t0);
    await b.waitFor('ready');
    ready.push(b.seen.get('ready')! - t0);
    const s0 = now();
    await b.core.dispatch('gateway:stop', {});
    stop.push(now() - s0);
    await b.cleanup();
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  console.log(`real OpenClaw ${ref.version} (Node ${nodeDir}), one warm-up, then direct and through the core alternately:`);
  console.log(`  own spawn -> first /healthz 200, spawned directly and polled every 10 ms: ${stats(own.map((d) => d.live))}`);
  console.log(`  gateway:start -> running through the core: ${stats(viaCore)}`);
  console.log(`  readiness overhead (difference of means; start-up varies by seconds on 2 shared cores): ${(mean(viaCore) - mean(own.map((d) => d.live))).toFixed(1)} ms`);
  console.log(`  own spawn -> /readyz 200: ${stats(own.map((d) => d.ready))}; gateway:start -> ready: ${stats(ready)}`);
  console.log(`  stop latency once ready (gateway:stop -> stopped): ${stats(stop)}; own SIGTERM -> exit once ready: ${stats(own.map((d) => d.exit))}`);
  tmp.cleanup();
}

async function main(): Promise<void> {
  const idle = idleSection();
  await fakeSection();
  if (process.env.BENCH_GATEWAY_REAL !== '0') await realSection();
  await idle;
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
