/**
 * Credentials on the real OpenClaw 2026.9.6, through the app (the openclaw-managed backend) side by side with
 * OpenClaw's own CLI doing the same thing on the same state dir:
 * - save an API key without a gateway (CLI) and with the app's gateway up (RPC; goal <= 1 s), and save a token;
 * - status without a gateway: first paint from the cache (goal <= 50 ms) and a fresh read (goal <= one
 *   `models status` run); with the gateway up, after connect (goal <= 50 ms);
 * - the same reads with 1,000 profiles (imported by OpenClaw's own `doctor --fix` from an auth-profiles.json).
 * Run: `npm run bench credentials` (installs the reference 2026.9.6 once, ~1 GB in .cache/). Takes minutes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CURRENT_VERSION, ensureReferenceOpenClaw, openclawEnv, runOpenClaw, type ReferenceOpenClaw } from '../scripts/reference-openclaw.mjs';
import { createAppCore, type AppCore } from '../main/core/app-core';
import type { GatewayState } from '../shared/contract';
import { freePort } from '../main/testing/gateway-test-support';
import { makeTempDir, seededSettings } from '../main/testing/test-support';
import { percentile } from './percentile';

const READS = 20;
const PROFILES = 1_000;
const ms = (n: number) => (n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${n.toFixed(1)} ms`);
const key = (tag: string) => `sk-ant-api03-${tag.padEnd(80, 'x')}-bench`;
const token = (tag: string) => `sk-ant-oat01-${tag.padEnd(90, 'y')}-bench`;

interface Bench {
  ref: ReferenceOpenClaw;
  stateDir: string;
  home: string;
  port: number;
  newCore(): Promise<AppCore>;
  openclaw(args: string[], stdin?: string): Promise<number>;
}

async function setup(root: string, name: string): Promise<Bench> {
  const ref = await ensureReferenceOpenClaw(CURRENT_VERSION);
  const base = path.join(root, name);
  const stateDir = path.join(base, 'state');
  const home = path.join(base, 'home');
  for (const d of [stateDir, home]) fs.mkdirSync(d, { recursive: true, mode: 0o700 });
  const port = await freePort();
  const config = { gateway: { mode: 'local', bind: 'loopback', port, auth: { mode: 'token', token: `bench-${port}-0123456789abcdef` } }, logging: { file: path.join(base, 'openclaw.log') } };
  fs.writeFileSync(path.join(stateDir, 'openclaw.json'), JSON.stringify(config, null, 2), { mode: 0o600 });
  let cores = 0;
  return {
    ref,
    stateDir,
    home,
    port,
    async newCore() {
      const dataDir = path.join(base, `data-${cores++}`);
      const core = createAppCore({
        shell: 'web',
        version: 'bench',
        dataDir,
        stateDirOverride: stateDir,
        env: { PATH: `${path.dirname(ref.nodeBin)}:/usr/bin:/bin`, HOME: home },
        homeDir: home,
        settingsBackend: seededSettings(dataDir, { openclawPath: ref.openclawBin, port }),
      });
      await core.start();
      return core;
    },
    /** One run of OpenClaw's own CLI (a secret on stdin, as a careful user would), timed; throws unless it exits 0. */
    async openclaw(args, stdin) {
      const env = openclawEnv({ home, stateDir, extra: { OPENCLAW_GATEWAY_PORT: String(port) } });
      const t0 = performance.now();
      const r = await runOpenClaw(ref, args, { env, cwd: home, ...(stdin !== undefined ? { input: `${stdin}\n` } : {}) });
      if (r.code !== 0) throw new Error(`openclaw ${args.join(' ')} exited ${r.code}: ${r.stderr.slice(-500)}`);
      return performance.now() - t0;
    },
  };
}

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const value = await fn();
  return [performance.now() - t0, value];
}

async function ok(core: AppCore, channel: string, input: unknown): Promise<any> {
  const r = await core.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value;
}

async function reads(core: AppCore, expected?: number): Promise<{ p50: number; p99: number }> {
  const times: number[] = [];
  for (let i = 0; i < READS; i++) {
    const [t, status] = await timed(() => ok(core, 'auth:status', { agentId: 'main' }));
    if (expected !== undefined && status.profiles.length !== expected) throw new Error(`expected ${expected} profiles, got ${status.profiles.length}`);
    times.push(t);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

async function startGateway(core: AppCore): Promise<void> {
  await ok(core, 'gateway:start', {});
  const end = Date.now() + 240_000;
  while ((await ok(core, 'gateway:state', {}) as GatewayState).status !== 'ready') {
    if (Date.now() > end) throw new Error('the gateway did not become ready');
    await new Promise((r) => setTimeout(r, 250));
  }
  await new Promise((r) => setTimeout(r, 1500)); // the RPC connects within ~30 ms of ready; leave it room
}

async function main(): Promise<void> {
  const root = makeTempDir('clawtray-bench-credentials-');
  const rows: [string, string, string][] = [];
  try {
    const b = await setup(root.dir, 'small');
    const core = await b.newCore();
    const [firstKey] = await timed(() => ok(core, 'auth:saveAnthropicKey', { apiKey: key('first') }));
    const [appKey] = await timed(() => ok(core, 'auth:saveAnthropicKey', { apiKey: key('second'), replace: true }));
    const theirKey = await b.openclaw(['models', 'auth', 'paste-api-key', '--provider', 'anthropic', '--profile-id', 'anthropic:default', '--agent', 'main'], key('theirs'));
    rows.push(['save an API key, no gateway (first one: + default model in config)', `${ms(appKey)} (${ms(firstKey)})`, ms(theirKey)]);
    const [appToken] = await timed(() => ok(core, 'auth:saveSetupToken', { token: token('app'), profileName: 'work', expiresAt: Date.now() + 30 * 86_400_000 }));
    const theirToken = await b.openclaw(['models', 'auth', 'paste-token', '--provider', 'anthropic', '--profile-id', 'anthropic:theirs', '--expires-in', '30d', '--agent', 'main'], token('theirs'));
    rows.push(['save a token (always the CLI)', ms(appToken), ms(theirToken)]);
    await core.dispose();

    const fresh = await b.newCore();
    const [appFresh] = await timed(() => ok(fresh, 'auth:status', { agentId: 'main' }));
    const theirStatus = await b.openclaw(['models', 'status', '--json', '--agent', 'main']);
    const cached = await reads(fresh);
    rows.push(['status, no gateway: fresh (one `models status` run)', ms(appFresh), ms(theirStatus)]);
    rows.push([`status, no gateway: from the cache (p50 / p99 of ${READS})`, `${ms(cached.p50)} / ${ms(cached.p99)}`, '-']);

    await startGateway(fresh);
    const [rpcKey] = await timed(() => ok(fresh, 'auth:saveAnthropicKey', { apiKey: key('rpc'), replace: true }));
    const theirKeyUp = await b.openclaw(['models', 'auth', 'paste-api-key', '--provider', 'anthropic', '--profile-id', 'anthropic:default', '--agent', 'main'], key('theirs-up'));
    rows.push(['save an API key, gateway up (RPC)', ms(rpcKey), `${ms(theirKeyUp)} (CLI)`]);
    const up = await reads(fresh);
    const theirStatusUp = await b.openclaw(['models', 'status', '--json', '--agent', 'main']);
    rows.push([`status, gateway up (p50 / p99 of ${READS})`, `${ms(up.p50)} / ${ms(up.p99)}`, `${ms(theirStatusUp)} (CLI)`]);
    await ok(fresh, 'gateway:stop', {});
    await fresh.dispose();

    // 1,000 profiles, brought in the way OpenClaw itself imports them: an auth-profiles.json and `doctor --fix`.
    const big = await setup(root.dir, 'big');
    const dir = path.join(big.stateDir, 'agents', 'main', 'agent');
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const profiles: Record<string, unknown> = {};
    for (let i = 0; i < PROFILES; i++) {
      profiles[`provider${i % 20}:p${i}`] =
        i % 2 ? { type: 'api_key', provider: `provider${i % 20}`, key: key(`k${i}`) } : { type: 'token', provider: `provider${i % 20}`, token: token(`t${i}`), expires: Date.now() + ((i % 96) + 1) * 3_600_000 };
    }
    fs.writeFileSync(path.join(dir, 'auth-profiles.json'), JSON.stringify({ version: 1, profiles }), { mode: 0o600 });
    await big.openclaw(['doctor', '--fix', '--yes', '--non-interactive']);
    for (const f of fs.readdirSync(dir)) if (f.startsWith('auth-profiles.json')) fs.rmSync(path.join(dir, f));
    const bigCore = await big.newCore();
    const [bigFresh] = await timed(() => ok(bigCore, 'auth:status', { agentId: 'main' }));
    const bigTheirs = await big.openclaw(['models', 'status', '--json', '--agent', 'main']);
    const bigCached = await reads(bigCore, PROFILES);
    rows.push([`${PROFILES} profiles, no gateway: fresh`, ms(bigFresh), ms(bigTheirs)]);
    rows.push([`${PROFILES} profiles, no gateway: from the cache (p50 / p99)`, `${ms(bigCached.p50)} / ${ms(bigCached.p99)}`, '-']);
    await startGateway(bigCore);
    const bigUp = await reads(bigCore, PROFILES);
    rows.push([`${PROFILES} profiles, gateway up (p50 / p99)`, `${ms(bigUp.p50)} / ${ms(bigUp.p99)}`, '-']);
    await ok(bigCore, 'gateway:stop', {});
    await bigCore.dispose();
  } finally {
    root.cleanup();
  }
  const width = Math.max(...rows.map((r) => r[0].length));
  console.log(`OpenClaw ${CURRENT_VERSION}; app (openclaw-managed) vs OpenClaw's own CLI doing the same`);
  console.log(`${'what'.padEnd(width)}  ${'app'.padEnd(22)}  openclaw`);
  for (const [what, app, theirs] of rows) console.log(`${what.padEnd(width)}  ${app.padEnd(22)}  ${theirs}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
