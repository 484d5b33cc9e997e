/**
 * Conformance with the real OpenClaw (the pinned reference version, installed once into `.cache/`): state dirs
 * written only by the app's flows are read by `openclaw config validate`, `models status` and `models list`, and
 * what OpenClaw sees must match what the app computes. Hermetic: HOME and OPENCLAW_STATE_DIR in temp dirs,
 * `logging.file` set, none of the real user's OPENCLAW_* or provider variables. CLI runs go in parallel.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthStatus } from '../../../shared/contract';
import { ensureReferenceOpenClaw, openclawEnv, runOpenClaw, type ReferenceOpenClaw } from '../../../scripts/reference-openclaw.mjs';
import { createAppCore, type AppCore } from '../app-core';
import { systemClock, type Clock } from '../clock';
import { updateConfig } from '../openclaw/config-file';
import { makeTempDir, seededSettings } from '../../testing/test-support';

const HOUR = 3_600_000;
const ACCOUNT = '0123456789abcdef0123456789abcdef';
const GATEWAY = 'conformance-gw';
const key = (c: string) => `sk-ant-api03-${c.repeat(64)}`;
const setupToken = (c: string) => `sk-ant-oat01-${c.repeat(84)}`;

let ref: ReferenceOpenClaw;
const root = makeTempDir('clawtray-conformance-');
afterAll(() => root.cleanup());

interface Scenario {
  stateDir: string;
  home: string;
  core(clock?: Clock): Promise<AppCore>;
  /** Copies the state dir as it is now, to validate it later (in parallel with the rest). */
  snapshot(label: string): void;
  snapshots: { label: string; stateDir: string }[];
}

async function scenario(name: string): Promise<Scenario> {
  const base = path.join(root.dir, name);
  const stateDir = path.join(base, 'state');
  const home = path.join(base, 'home');
  fs.mkdirSync(home, { recursive: true });
  await updateConfig(path.join(stateDir, 'openclaw.json'), (cfg) => {
    cfg.logging = { file: path.join(base, 'openclaw.log') };
  });
  const snapshots: Scenario['snapshots'] = [];
  return {
    stateDir,
    home,
    snapshots,
    async core(clock = systemClock) {
      const dataDir = path.join(base, 'data');
      const settingsBackend = seededSettings(dataDir, { openclawPath: ref.openclawBin });
      const c = createAppCore({ shell: 'web', version: '0.0.0-conformance', dataDir, stateDirOverride: stateDir, env: {}, homeDir: home, clock, settingsBackend });
      return c;
    },
    snapshot(label) {
      const copy = path.join(base, `snap-${snapshots.length}`);
      fs.cpSync(stateDir, copy, { recursive: true });
      snapshots.push({ label, stateDir: copy });
    },
  };
}

async function ok<T = unknown>(core: AppCore, channel: string, input: unknown): Promise<T> {
  const r = await core.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel} failed: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

/** Runs CLI invocations at most `limit` at a time (the machine has 2 cores shared with other suites). */
async function pool<T>(tasks: (() => Promise<T>)[], limit = 3): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, tasks.length) }, async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await tasks[i]!();
      }
    }),
  );
  return results;
}

async function cli(s: { stateDir: string; home: string }, args: string[]): Promise<any> {
  const r = await runOpenClaw(ref, args, { env: openclawEnv({ home: s.home, stateDir: s.stateDir }), cwd: s.home, timeoutMs: 120_000 });
  const start = r.stdout.indexOf('{');
  if (start < 0) throw new Error(`openclaw ${args.join(' ')} printed no JSON (exit ${r.code}): ${r.stderr.slice(-2000)}`);
  return JSON.parse(r.stdout.slice(start));
}

const results = {} as {
  tokens: { app: AuthStatus; status: any; validations: any[]; labels: string[] };
  cloudflare: { list: any; config: any; validations: any[]; labels: string[] };
  env: { app: AuthStatus; status: any; validations: any[]; labels: string[] };
  gone: { app: AuthStatus; status: any; validations: any[]; labels: string[]; placesBefore: string[]; holding: string[][] };
};

/** The files under `dir` whose bytes hold `value`. */
function filesHolding(dir: string, value: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((rel) => fs.statSync(path.join(dir, rel)).isFile() && fs.readFileSync(path.join(dir, rel)).includes(value));
}

beforeAll(async () => {
  ref = await ensureReferenceOpenClaw();

  // Scenario 1: an API key and setup-tokens expired, inside and beyond the 24 h window, and another provider's token.
  const tokens = await scenario('tokens');
  const past = await tokens.core({ ...systemClock, now: () => Date.now() - 2 * 24 * HOUR });
  await ok(past, 'auth:saveSetupToken', { token: setupToken('O'), profileName: 'old', expiresAt: Date.now() - HOUR });
  await past.dispose();
  tokens.snapshot('expired setup-token');
  const t = await tokens.core();
  // Each distinct flow gets its state validated; repeats of the same flow (more setup-tokens) do not.
  const steps: [string | null, string, unknown][] = [
    ['Anthropic key', 'auth:saveAnthropicKey', { apiKey: key('A') }],
    [null, 'auth:saveSetupToken', { token: setupToken('S'), profileName: 'soon', expiresAt: Date.now() + 2 * HOUR }],
    [null, 'auth:saveSetupToken', { token: setupToken('L'), profileName: 'later', expiresAt: Date.now() + 72 * HOUR }],
    ['setup-tokens with and without expiry', 'auth:saveSetupToken', { token: setupToken('F'), profileName: 'forever' }],
    ['OpenRouter token', 'auth:saveToken', { provider: 'openrouter', token: `sk-or-v1-${'R'.repeat(48)}` }],
    ['order', 'auth:setOrder', { provider: 'anthropic', order: ['anthropic:later', 'anthropic:default'] }],
    ['default model', 'models:setDefault', { model: 'anthropic/claude-sonnet-4-6' }],
  ];
  for (const [label, channel, input] of steps) {
    await ok(t, channel, input);
    if (label) tokens.snapshot(label);
  }

  // Scenario 2: Cloudflare AI Gateway with its auth header, as the default model, key also in .env.
  const cf = await scenario('cloudflare');
  const c = await cf.core();
  await ok(c, 'auth:saveCloudflare', { accountId: ACCOUNT, gatewayId: GATEWAY, apiKey: key('C'), gatewayAuthToken: `cf-${'T'.repeat(40)}`, setDefaultModel: true, writeEnv: true });
  cf.snapshot('Cloudflare with header');
  await ok(c, 'auth:saveCloudflare', { accountId: ACCOUNT, gatewayId: GATEWAY, apiKey: key('C'), replace: true });
  cf.snapshot('Cloudflare without header');

  // Scenario 3: a key written to .env with writeEnv, then removed from the store only (the .env place unticked).
  const envScenario = await scenario('env');
  const e = await envScenario.core();
  await ok(e, 'auth:saveAnthropicKey', { apiKey: key('E'), writeEnv: true });
  envScenario.snapshot('Anthropic key with .env');
  await ok(e, 'auth:removeProfile', { profileId: 'anthropic:default', places: [] });
  envScenario.snapshot('profile removed');

  // Scenario 4 (issue 13, "remove means gone"): an Anthropic key also in .env, Cloudflare with its auth header as the
  // default model, then both removed with every place the dialog lists.
  const goneScenario = await scenario('gone');
  const g = await goneScenario.core();
  await ok(g, 'auth:saveAnthropicKey', { apiKey: key('G'), writeEnv: true });
  await ok(g, 'auth:saveCloudflare', { accountId: ACCOUNT, gatewayId: GATEWAY, apiKey: key('H'), gatewayAuthToken: `cf-${'U'.repeat(40)}`, setDefaultModel: true });
  await ok(g, 'auth:saveToken', { provider: 'openrouter', token: `sk-or-v1-${'K'.repeat(48)}` });
  const placesBefore = await ok<{ places: { kind: string }[] }>(g, 'auth:secretPlaces', { profileId: 'cloudflare-ai-gateway:default' });
  await ok(g, 'auth:removeProfile', { profileId: 'cloudflare-ai-gateway:default' });
  await ok(g, 'auth:removeProfile', { profileId: 'anthropic:default' });
  goneScenario.snapshot('both removed');

  const validate = (s: Scenario) => s.snapshots.map((snap) => () => cli({ stateDir: snap.stateDir, home: s.home }, ['config', 'validate', '--json']));
  const runs = await pool<any>([
    () => cli(tokens, ['models', 'status', '--json']),
    () => cli(envScenario, ['models', 'status', '--json']),
    () => cli(cf, ['models', 'list', '--provider', 'cloudflare-ai-gateway', '--json']),
    () => cli(goneScenario, ['models', 'status', '--json']),
    ...validate(tokens),
    ...validate(cf),
    ...validate(envScenario),
    ...validate(goneScenario),
  ]);
  const [tokenStatus, envStatus, cfList, goneStatus, ...validations] = runs;
  const nT = tokens.snapshots.length;
  const nC = cf.snapshots.length;
  results.tokens = { app: await ok(t, 'auth:status', {}), status: tokenStatus, validations: validations.slice(0, nT), labels: tokens.snapshots.map((s) => s.label) };
  results.cloudflare = {
    list: cfList,
    config: JSON.parse(fs.readFileSync(path.join(cf.stateDir, 'openclaw.json'), 'utf8')),
    validations: validations.slice(nT, nT + nC),
    labels: cf.snapshots.map((s) => s.label),
  };
  const nE = envScenario.snapshots.length;
  results.env = { app: await ok(e, 'auth:status', {}), status: envStatus, validations: validations.slice(nT + nC, nT + nC + nE), labels: envScenario.snapshots.map((s) => s.label) };
  results.gone = {
    app: await ok(g, 'auth:status', {}),
    status: goneStatus,
    validations: validations.slice(nT + nC + nE),
    labels: goneScenario.snapshots.map((s) => s.label),
    placesBefore: placesBefore.places.map((p) => p.kind),
    holding: [key('G'), key('H'), `cf-${'U'.repeat(40)}`].map((secret) => filesHolding(goneScenario.stateDir, secret)),
  };
  for (const core of [t, c, e, g]) await core.dispose();
}, 600_000);

describe(`conformance with the reference OpenClaw`, () => {
  it('openclaw config validate accepts the config after every flow', () => {
    for (const group of [results.tokens, results.cloudflare, results.env, results.gone]) {
      group.validations.forEach((v, i) => expect(v, group.labels[i]).toMatchObject({ valid: true }));
    }
    expect(results.tokens.validations).toHaveLength(6);
  });

  it('models status shows every profile the app wrote with the same type and status the app computes', () => {
    const { app, status } = results.tokens;
    const theirs = new Map<string, { type: string; status: string }>(status.auth.oauth.profiles.map((p: any) => [p.profileId, p]));
    expect(app.profiles.map((p) => [p.id, p.status])).toEqual([
      ['anthropic:default', 'static'],
      ['anthropic:forever', 'static'],
      ['anthropic:later', 'ok'],
      ['anthropic:old', 'expired'],
      ['anthropic:soon', 'expiring'],
      ['openrouter:manual', 'static'],
    ]);
    for (const p of app.profiles) expect({ id: p.id, type: theirs.get(p.id)?.type, status: theirs.get(p.id)?.status }).toEqual({ id: p.id, type: p.type, status: p.status });
    expect(status.defaultModel).toBe(app.defaultModel);
    expect(status.auth.missingProvidersInUse).toEqual(app.missingProvidersInUse);
  });

  it('models list shows the Cloudflare model as available, and the config carries the base URL built from the ids', () => {
    const models = results.cloudflare.list.models.map((m: any) => ({ key: m.key, available: m.available }));
    expect(models).toContainEqual({ key: 'cloudflare-ai-gateway/claude-sonnet-4-6', available: true });
    const block = results.cloudflare.config.models.providers['cloudflare-ai-gateway'];
    expect(block.baseUrl).toBe(`https://gateway.ai.cloudflare.com/v1/${ACCOUNT}/${GATEWAY}/anthropic`);
    expect(block).not.toHaveProperty('headers');
    expect(results.cloudflare.config.agents.defaults.model.primary).toBe('cloudflare-ai-gateway/claude-sonnet-4-6');
  });

  it('a key written with writeEnv is seen by models status from .env when the store has none', () => {
    const { app, status } = results.env;
    expect(app.profiles).toEqual([]);
    expect(app).toMatchObject({ envProviders: ['anthropic'], defaultModelUsable: true });
    const anthropic = status.auth.providers.find((p: any) => p.provider === 'anthropic');
    expect(anthropic).toMatchObject({ effective: { kind: 'env' }, env: { source: 'env: ANTHROPIC_API_KEY', value: 'sk-ant-a...EEEEEEEE' }, profiles: { count: 0 } });
    expect(status.auth.missingProvidersInUse).toEqual([]);
  });

  it('after removing with every place ticked the secrets are in no file, and models status agrees the default model has no credential', () => {
    const { app, status, placesBefore, holding } = results.gone;
    expect(placesBefore).toEqual(['store', 'config', 'backup']);
    expect(holding).toEqual([[], [], []]);
    expect(app).toMatchObject({ profiles: [{ id: 'openrouter:manual' }], envProviders: [], defaultModelUsable: false, missingProvidersInUse: ['cloudflare-ai-gateway'] });
    expect(status.defaultModel).toBe(app.defaultModel);
    expect(status.auth.missingProvidersInUse).toEqual(app.missingProvidersInUse);
    const theirs = (status.auth.oauth?.profiles ?? []).map((p: any) => p.profileId);
    expect(theirs).toEqual(app.profiles.map((p) => p.id));
    const anthropic = status.auth.providers.find((p: any) => p.provider === 'anthropic');
    expect(anthropic?.effective?.kind ?? 'none').not.toBe('env');
  });
});
