/**
 * Conformance with the real OpenClaw 2026.9.6 without a running gateway: every credential flow of the window goes
 * through the app's channels (the openclaw-managed backend, i.e. OpenClaw's CLI), and OpenClaw's own
 * `models status --json` (exit 0, the same statuses and expiries as the app's `auth:status`), `models status
 * --check` and `config validate` judge the result. No `auth-profiles.json` is ever written, and no secret appears
 * on any command line while saving. One state dir for all flows: the CLI costs seconds per write.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthStatus } from '../../../shared/contract';
import { sampleCommandLines } from '../../testing/cmdline-sampler';
import { expectSameAsOpenClaw, managedScenario, type ManagedScenario } from '../../testing/managed-conformance';
import { makeTempDir } from '../../testing/test-support';
import { remaskLabel } from '../../../shared/masking';
import { openclawMask } from '../credentials/openclaw-managed/status-parse';

/** How the window shows a secret OpenClaw keeps: OpenClaw's own mask (8 + 8), cut to the app's rule. */
const shown = (secret: string) => remaskLabel(openclawMask(secret)!);

const DAY = 86_400_000;
const KEY = `sk-ant-api03-${'Kc'.repeat(40)}-cli`;
const SETUP = `sk-ant-oat01-${'Sc'.repeat(45)}-cli`;
const SETUP_WORK = `sk-ant-oat01-${'Wc'.repeat(45)}-own`;
const ROUTER = `sk-or-v1-${'Rc'.repeat(24)}`;
const SECRETS = [KEY, SETUP, SETUP_WORK, ROUTER];

const root = makeTempDir('clawtray-managed-cli-');
let s: ManagedScenario;
const result = {} as {
  expiries: { work: number; router: number };
  main: { app: AuthStatus; theirs: any; code: number | null };
  work: { app: AuthStatus; theirs: any };
  check: number | null;
  validate: any;
  leaks: string[];
  samples: number;
  legacy: string[];
  places: { id: string; kind: string; likely?: boolean }[];
  holdingKey: string[];
};

beforeAll(async () => {
  s = await managedScenario(root.dir, 'cli');
  const sampler = sampleCommandLines(() => SECRETS);
  try {
    const info = await s.ok('app:info', {});
    expect(info.openclaw).toMatchObject({ version: '2026.9.6', backend: 'openclaw-managed' });
    result.expiries = { work: Date.now() + 30 * DAY, router: Date.now() + 2 * 3_600_000 };
    // The key also goes to .env (as "write it to .env" does), so removing it must take it from there too.
    expect(await s.ok('auth:saveAnthropicKey', { apiKey: KEY, writeEnv: true })).toMatchObject({ profileId: 'anthropic:default', agentId: 'main' });
    await s.ok('auth:saveSetupToken', { token: SETUP, profileName: 'work', expiresAt: result.expiries.work });
    await s.ok('auth:saveToken', { provider: 'openrouter', token: ROUTER, expiresAt: result.expiries.router });
    await s.ok('auth:setOrder', { provider: 'anthropic', order: ['anthropic:work', 'anthropic:default'] });
    await s.ok('models:setDefault', { model: 'anthropic/claude-sonnet-4-6' });
    // A second agent, made as the user would, gets its own copy of the setup-token by pasting it again ("Give this agent its own copy": replace: true).
    const added = await s.openclaw(['agents', 'add', 'work', '--non-interactive', '--workspace', `${s.home}/ws-work`, '--json']);
    expect(added.code, added.stderr).toBe(0);
    await s.ok('auth:saveSetupToken', { token: SETUP_WORK, profileName: 'work', agentId: 'work', expiresAt: result.expiries.work, replace: true });
    // Removing the shared key from the default agent removes it for the second agent too, and from .env (every place
    // the remove dialog lists, all ticked).
    result.places = (await s.ok('auth:secretPlaces', { profileId: 'anthropic:default' })).places;
    await s.ok('auth:removeProfile', { profileId: 'anthropic:default' });
  } finally {
    sampler.stop();
    result.leaks = sampler.leaks();
    result.samples = sampler.samples();
  }
  // `--check` with `--json` prints the status and sets the exit code (0 ok, 1 missing/expired, 2 expiring).
  const [main, work] = await Promise.all([s.openclaw(['models', 'status', '--json', '--check', '--agent', 'main']), s.openclaw(['models', 'status', '--json', '--agent', 'work'])]);
  const validate = await s.openclaw(['config', 'validate', '--json']);
  const check = main;
  result.main = { app: await s.ok('auth:status', { agentId: 'main' }), theirs: main.json, code: main.code };
  result.work = { app: await s.ok('auth:status', { agentId: 'work' }), theirs: work.json };
  result.check = check.code;
  result.validate = validate.json;
  result.legacy = s.legacyFiles();
  const textFiles = fs.readdirSync(s.stateDir).filter((n) => n === '.env' || n.startsWith('openclaw.json'));
  result.holdingKey = textFiles.filter((n) => fs.readFileSync(path.join(s.stateDir, n), 'utf8').includes(KEY));
}, 900_000);

afterAll(async () => {
  await s?.dispose();
  root.cleanup();
});

describe('OpenClaw 2026.9.6 without a gateway (the CLI)', () => {
  it("OpenClaw's models status reports what the app reports: statuses and expiries", () => {
    expectSameAsOpenClaw(result.main.app, result.main.theirs);
    const app = new Map(result.main.app.profiles.map((p) => [p.id, p]));
    expect([...app.keys()].sort()).toEqual(['anthropic:work', 'openrouter:manual']);
    expect(app.get('anthropic:work')).toMatchObject({ type: 'token', status: 'ok' });
    expect(app.get('anthropic:work')?.origin).toBeUndefined();
    expect(app.get('openrouter:manual')?.status).toBe('expiring');
    // The expiry given as a duration lands where the user asked, give or take OpenClaw's start-up time.
    expect(Math.abs(app.get('anthropic:work')!.expiresAt! - result.expiries.work)).toBeLessThan(120_000);
    expect(Math.abs(app.get('openrouter:manual')!.expiresAt! - result.expiries.router)).toBeLessThan(120_000);
    expect(app.get('anthropic:work')?.label).toBe(shown(SETUP));
  });

  it('the default model is the one set, usable (through the setup-token), and `models status --check` exits 0; the config validates', () => {
    expect(result.main.app).toMatchObject({ defaultModel: 'anthropic/claude-sonnet-4-6', defaultModelUsable: true, missingProvidersInUse: [] });
    expect(result.main.theirs.defaultModel).toBe('anthropic/claude-sonnet-4-6');
    expect(result.check).toBe(0);
    expect(result.validate).toMatchObject({ valid: true });
  });

  it('the second agent has its own copy and inherits the rest (the removed shared key is gone there too), as OpenClaw reports it', () => {
    expectSameAsOpenClaw(result.work.app, result.work.theirs);
    const work = new Map(result.work.app.profiles.map((p) => [p.id, p]));
    expect([...work.keys()].sort()).toEqual(['anthropic:work', 'openrouter:manual']);
    expect(work.get('openrouter:manual')?.origin).toBe('inherited');
    expect(work.get('anthropic:work')?.label).toBe(shown(SETUP_WORK));
    expect(work.get('anthropic:work')?.origin).toBeUndefined();
    expect(result.main.app.profiles.find((p) => p.id === 'anthropic:work')?.label).toBe(shown(SETUP));
  });

  it('remove means gone: the key was listed in the store and in .env (found by value), and after removing it neither .env nor any openclaw.json copy holds it; OpenClaw sees no key from .env either', () => {
    expect(result.places.map((p) => [p.id, p.likely ?? false])).toEqual([
      ['store', false],
      ['env:ANTHROPIC_API_KEY', false],
    ]);
    expect(result.holdingKey).toEqual([]);
    const anthropic = result.main.theirs.auth.providers.find((p: any) => p.provider === 'anthropic');
    expect(anthropic?.effective?.kind).not.toBe('env');
    expect(result.main.app.envProviders).toEqual([]);
  });

  it('wrote no auth-profiles.json and put no secret on any command line', () => {
    expect(result.legacy).toEqual([]);
    expect(result.samples).toBeGreaterThan(10);
    expect(result.leaks).toEqual([]);
  });
});
