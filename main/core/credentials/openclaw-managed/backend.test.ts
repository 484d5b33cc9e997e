/**
 * The openclaw-managed backend at its seam, over a model of OpenClaw 2026.9.6 (`main/testing/fake-openclaw-*`):
 * the shared backend contract with and without a gateway, then what only this backend does: secrets on stdin only,
 * `--agent` always, the gateway for API keys only when it picks the wanted id, tokens always through the CLI, exit
 * 78 retried, deadlines, garbage output, a connection lost mid-save, config through `config.patch` or a validated
 * batch file, inherited credentials protected, the cache and its watch.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeBackendContract } from '../../../testing/backend-contract';
import { FakeOpenClaw } from '../../../testing/fake-openclaw-managed';
import { FakeOpenClawRpc } from '../../../testing/fake-openclaw-rpc';
import { makeTempDir } from '../../../testing/test-support';
import { systemClock, type Clock } from '../../clock';
import { CoreError } from '../../errors';
import { resolveOpenClawPaths } from '../../openclaw/paths';
import type { CredentialBackend } from '../backend';
import { remaskLabel } from '../../../../shared/masking';
import { openclawMask } from './status-parse';
import { createOpenClawManagedBackend } from './backend';
import { persistedAnyway } from './writer';

const KEY = `sk-ant-api03-${'k'.repeat(60)}-managed1`;
const KEY2 = `sk-ant-api03-${'q'.repeat(60)}-managed2`;
const TOKEN = `sk-ant-oat01-${'t'.repeat(80)}-managed`;
const DAY = 86_400_000;
/** How the window shows a secret OpenClaw keeps: its own mask, cut to the app's rule. */
const shown = (secret: string) => remaskLabel(openclawMask(secret)!);

function setup(connected: boolean, now?: () => number) {
  const root = makeTempDir('clawtray-managed-');
  const stateDir = path.join(root.dir, 'state');
  // Frozen time with real timers: the expiry the backend hands OpenClaw as a duration comes back exact.
  const t0 = Date.now();
  const clock: Clock = { now: now ?? (() => t0), setTimeout: systemClock.setTimeout, clearTimeout: systemClock.clearTimeout };
  const model = new FakeOpenClaw(stateDir, clock.now);
  const rpc = new FakeOpenClawRpc(model);
  rpc.state = connected ? 'connected' : 'idle';
  const paths = resolveOpenClawPaths({ env: {}, homeDir: root.dir, stateDirOverride: stateDir });
  const backend = createOpenClawManagedBackend({ paths, clock, cli: model.cli, rpc, raceDelayMs: 1, debounceMs: 20 });
  return { root, model, rpc, backend, paths, clock };
}

for (const connected of [true, false]) {
  describeBackendContract(`openclaw-managed (${connected ? 'gateway connected' : 'CLI only'})`, async () => {
    const { root, model, backend, paths } = setup(connected);
    return {
      backend,
      addAgent: async (agentId) => model.addAgent(agentId),
      async breakStore(agentId) {
        model.broken.add(agentId);
        model.touch();
      },
      async addOutside(agentId, profileId) {
        model.ownerStore(agentId, profileId, false).set(profileId, { type: 'api_key', provider: profileId.split(':')[0]!, secret: `sk-outside-${profileId}-1234567890` });
        model.touch();
      },
      readConfig: async () => model.readConfig(),
      paths,
      cleanup: async () => root.cleanup(),
    };
  });
}

describe('openclaw-managed backend', () => {
  const made: { backend: CredentialBackend; root: { cleanup(): void } }[] = [];
  afterEach(async () => {
    for (const m of made.splice(0)) {
      await m.backend.dispose();
      m.root.cleanup();
    }
  });
  const make = (connected: boolean, now?: () => number) => {
    const s = setup(connected, now);
    made.push(s);
    return s;
  };
  const rejection = async (p: Promise<unknown>) => {
    const err = await p.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(CoreError);
    return err as CoreError;
  };

  it('never puts a secret on a command line: keys and tokens go on stdin, and --agent is always given', async () => {
    const s = make(false);
    s.model.addAgent('work');
    await s.backend.upsert('main', { type: 'api_key', profileId: 'anthropic:default', provider: 'anthropic', key: KEY });
    await s.backend.upsert('work', { type: 'token', profileId: 'anthropic:work', provider: 'anthropic', token: TOKEN, expires: s.clock.now() + 3 * DAY });
    await s.backend.upsert('work', { type: 'token', profileId: 'openrouter:manual', provider: 'openrouter', token: 'sk-or-v1-0123456789abcdef' });
    const writes = s.model.runs.filter((r) => r.args.includes('auth'));
    expect(writes.map((r) => r.args.slice(0, 3).join(' '))).toEqual(['models auth paste-api-key', 'models auth paste-token', 'models auth paste-token']);
    for (const run of s.model.runs) {
      for (const secret of [KEY, TOKEN, 'sk-or-v1-0123456789abcdef']) expect(run.args.join(' ')).not.toContain(secret);
      if (run.args[0] === 'models') expect(run.args).toContain('--agent');
    }
    expect(writes.map((r) => r.stdin)).toEqual([`${KEY}\n`, `${TOKEN}\n`, 'sk-or-v1-0123456789abcdef\n']);
    expect(writes[1]!.args).toEqual(expect.arrayContaining(['--profile-id', 'anthropic:work', '--expires-in', `${3 * DAY}ms`, '--agent', 'work']));
    expect(s.model.localOf('work').get('anthropic:work')).toMatchObject({ type: 'token', expires: s.clock.now() + 3 * DAY });
  });

  it('with the gateway up, replaces the one key through models.authSetApiKey (no CLI run); a new name or a token goes through the CLI', async () => {
    const s = make(true);
    await s.backend.upsert('main', { type: 'api_key', profileId: 'anthropic:default', provider: 'anthropic', key: KEY });
    expect(s.model.runs.filter((r) => r.args.includes('paste-api-key'))).toHaveLength(1);
    const before = s.model.runs.length;
    const out = await s.backend.upsert('main', { type: 'api_key', profileId: 'anthropic:default', provider: 'anthropic', key: KEY2 });
    expect(out.profileId).toBe('anthropic:default');
    expect(s.rpc.calls.filter((c) => c.method === 'models.authSetApiKey')).toHaveLength(1);
    expect(s.model.runs.length).toBe(before);
    expect(s.model.shared.get('anthropic:default')?.secret).toBe(KEY2);
    await s.backend.upsert('main', { type: 'token', profileId: 'anthropic:sub', provider: 'anthropic', token: TOKEN });
    expect(s.model.runs.at(-1)?.args.slice(0, 3)).toEqual(['models', 'auth', 'paste-token']);
    expect((await s.backend.read('main')).profiles.find((p) => p.id === 'anthropic:default')?.secret).toEqual({ kind: 'inline', masked: shown(KEY2) });
  });

  it('retries a run that exits 78 and then succeeds; gives up with a GATEWAY error after the retries', async () => {
    const s = make(false);
    s.model.fail(['paste-api-key'], { kind: 'race' });
    s.model.fail(['paste-api-key'], { kind: 'race' });
    await s.backend.upsert('main', { type: 'api_key', profileId: 'anthropic:default', provider: 'anthropic', key: KEY });
    expect(s.model.runs.filter((r) => r.args.includes('paste-api-key'))).toHaveLength(3);
    for (let i = 0; i < 3; i++) s.model.fail(['paste-token'], { kind: 'race' });
    const e = await rejection(s.backend.upsert('main', { type: 'token', profileId: 'openrouter:x', provider: 'openrouter', token: 'tok-0123456789' }));
    expect(e).toMatchObject({ code: 'GATEWAY', details: { cli: 'race', exit: '78' } });
    expect(s.model.shared.has('openrouter:x')).toBe(false);
  });

  it("a run past its deadline or refused by OpenClaw is a GATEWAY error with OpenClaw's words, secrets redacted", async () => {
    const s = make(false);
    s.model.fail(['paste-api-key'], { kind: 'timeout' });
    expect(await rejection(s.backend.upsert('main', { type: 'api_key', profileId: 'anthropic:default', provider: 'anthropic', key: KEY }))).toMatchObject({
      code: 'GATEWAY',
      details: { cli: 'timeout' },
    });
    s.model.fail(['paste-api-key'], { kind: 'fail', code: 1, stderr: `Installed Gateway service state and config paths could not be verified.\nError: key ${KEY} was rejected` });
    const e = await rejection(s.backend.upsert('main', { type: 'api_key', profileId: 'anthropic:default', provider: 'anthropic', key: KEY }));
    expect(e).toMatchObject({ code: 'GATEWAY', key: 'errors.cli.refused', details: { exit: '1' } });
    expect(e.details?.said).toContain('was rejected');
    expect(JSON.stringify(e.toShape())).not.toContain(KEY);
    expect(e.details?.said).not.toContain('could not be verified');
    expect(s.backend.knownSecrets()).toContain(KEY);
  });

  it('garbage instead of the status JSON is INTERNAL: read reports it, check refuses', async () => {
    const s = make(false);
    s.model.fail(['status'], { kind: 'garbage' });
    expect((await s.backend.read('main')).problem).toMatchObject({ scope: 'credentials', error: { code: 'INTERNAL' } });
    s.model.fail(['status'], { kind: 'garbage' });
    expect((await rejection(s.backend.check('main'))).code).toBe('INTERNAL');
  });

  it('a gateway connection lost mid-save (before or after it applied) is finished through the CLI, once', async () => {
    for (const fault of ['lost-after-apply', 'lost-before-apply'] as const) {
      const s = make(true);
      await s.backend.upsert('main', { type: 'api_key', profileId: 'anthropic:default', provider: 'anthropic', key: KEY });
      s.rpc.fail('models.authSetApiKey', fault);
      const out = await s.backend.upsert('main', { type: 'api_key', profileId: 'anthropic:default', provider: 'anthropic', key: KEY2 });
      expect(out.profileId).toBe('anthropic:default');
      expect(s.model.runs.filter((r) => r.args.includes('paste-api-key'))).toHaveLength(2);
      expect([...s.model.shared.keys()]).toEqual(['anthropic:default']);
      expect(s.model.shared.get('anthropic:default')?.secret).toBe(KEY2);
    }
  });

  it("a gateway still preparing its model auth (no providers, 'unavailable') or UNAVAILABLE for a read is not 'no credentials'", async () => {
    const s = make(true);
    s.rpc.preparing = true;
    await s.backend.upsert('main', { type: 'token', profileId: 'anthropic:sub', provider: 'anthropic', token: TOKEN });
    expect((await s.backend.check('main')).profiles.map((p) => p.id)).toEqual(['anthropic:sub']);
    s.rpc.preparing = false;
    s.rpc.fail('models.authStatus', 'unavailable');
    const asked = s.rpc.calls.length;
    expect((await s.backend.check('main')).profiles.map((p) => p.id)).toEqual(['anthropic:sub']);
    expect(s.rpc.calls.slice(asked).map((c) => c.method)).toEqual(['models.authStatus']);
  });

  it('a gateway UNAVAILABLE for a write (re-preparing its auth state) is finished through the CLI: key, order, removal', async () => {
    const s = make(true);
    for (const id of ['anthropic:a', 'anthropic:b']) await s.backend.upsert('main', { type: 'token', profileId: id, provider: 'anthropic', token: `${TOKEN}${id}` });
    await s.backend.upsert('main', { type: 'api_key', profileId: 'anthropic:default', provider: 'anthropic', key: KEY });
    s.rpc.fail('models.authSetApiKey', 'unavailable');
    await s.backend.upsert('main', { type: 'api_key', profileId: 'anthropic:default', provider: 'anthropic', key: KEY2 });
    expect(s.model.shared.get('anthropic:default')?.secret).toBe(KEY2);
    s.rpc.fail('models.authOrderSet', 'unavailable');
    await s.backend.setOrder('main', 'anthropic', ['anthropic:b', 'anthropic:a', 'anthropic:default']);
    expect(s.model.orders.get('main')?.get('anthropic')).toEqual(['anthropic:b', 'anthropic:a', 'anthropic:default']);
    expect(s.model.runs.at(-1)?.args.slice(0, 4)).toEqual(['models', 'auth', 'order', 'set']);
    s.rpc.fail('models.authLogout', 'unavailable');
    expect((await s.backend.remove('main', 'anthropic:a')).removed).toBe(true);
    expect(s.model.shared.has('anthropic:a')).toBe(false);
    expect(s.model.runs.at(-1)?.args.slice(0, 3)).toEqual(['models', 'auth', 'logout']);
  });

  it("refuses to save a key under an id the agent only inherits (it would replace every agent's key), and runs nothing", async () => {
    const s = make(true);
    s.model.addAgent('work');
    await s.backend.upsert('main', { type: 'api_key', profileId: 'anthropic:default', provider: 'anthropic', key: KEY });
    const runs = s.model.runs.length;
    const e = await rejection(s.backend.upsert('work', { type: 'api_key', profileId: 'anthropic:default', provider: 'anthropic', key: KEY2 }));
    expect(e).toMatchObject({ code: 'CONFLICT', key: 'errors.managed.sharedProfile', fields: { profileName: { key: 'validation.sharedProfile' } } });
    expect(s.model.runs.length).toBe(runs);
    expect(s.model.shared.get('anthropic:default')?.secret).toBe(KEY);
    await s.backend.upsert('work', { type: 'api_key', profileId: 'anthropic:work', provider: 'anthropic', key: KEY2 });
    expect(s.model.localOf('work').get('anthropic:work')?.secret).toBe(KEY2);
    const work = await s.backend.read('work');
    expect(work.profiles.map((p) => [p.id, p.source])).toEqual([
      ['anthropic:default', 'inherited'],
      ['anthropic:work', 'own'],
    ]);
  });

  it('a token pasted again for an agent becomes its own copy; removing an inherited one removes it for every agent', async () => {
    const s = make(false);
    s.model.addAgent('work');
    await s.backend.upsert('main', { type: 'token', profileId: 'openrouter:manual', provider: 'openrouter', token: 'tok-shared-0123456789' });
    await s.backend.upsert('work', { type: 'token', profileId: 'openrouter:manual', provider: 'openrouter', token: 'tok-own-0123456789xyz' });
    expect(s.model.shared.get('openrouter:manual')?.secret).toBe('tok-shared-0123456789');
    expect((await s.backend.read('work')).profiles).toEqual([expect.objectContaining({ id: 'openrouter:manual', source: 'own' })]);
    await s.backend.upsert('main', { type: 'token', profileId: 'openrouter:other', provider: 'openrouter', token: 'tok-other-0123456789' });
    expect((await s.backend.remove('work', 'openrouter:other')).removed).toBe(true);
    expect(s.model.shared.has('openrouter:other')).toBe(false);
    expect((await s.backend.read('main')).profiles.map((p) => p.id)).toEqual(['openrouter:manual']);
  });

  it('order: the gateway when it names every profile and config does not decide it, else the CLI override', async () => {
    const s = make(true);
    for (const id of ['anthropic:a', 'anthropic:b', 'anthropic:c']) await s.backend.upsert('main', { type: 'token', profileId: id, provider: 'anthropic', token: `${TOKEN}${id}` });
    await s.backend.setOrder('main', 'anthropic', ['anthropic:c', 'anthropic:a', 'anthropic:b']);
    expect(s.rpc.calls.at(-1)?.method).toBe('models.authOrderSet');
    await s.backend.setOrder('main', 'anthropic', ['anthropic:b']);
    expect(s.model.runs.at(-1)?.args).toEqual(['models', 'auth', 'order', 'set', '--provider', 'anthropic', '--agent', 'main', 'anthropic:b']);
    await s.backend.setOrder('main', 'anthropic', []);
    await s.backend.applyConfig((cfg) => void (cfg.auth = { ...(cfg.auth as object), order: { anthropic: ['anthropic:a', 'anthropic:b', 'anthropic:c'] } }));
    const rpcOrders = s.rpc.calls.filter((c) => c.method === 'models.authOrderSet').length;
    await s.backend.read('main');
    await s.backend.setOrder('main', 'anthropic', ['anthropic:c', 'anthropic:b', 'anthropic:a']);
    expect(s.rpc.calls.filter((c) => c.method === 'models.authOrderSet').length).toBe(rpcOrders);
    expect(s.model.orders.get('main')?.get('anthropic')).toEqual(['anthropic:c', 'anthropic:b', 'anthropic:a']);
    expect((await s.backend.read('main')).order.anthropic).toEqual(['anthropic:c', 'anthropic:b', 'anthropic:a']);
  });

  it('config without a gateway: a batch file validated by --dry-run first, private while it holds a secret, then removed; removals are unsets', async () => {
    const s = make(false);
    const seen: { mode: number; dirMode: number; content: string }[] = [];
    const run = s.model.cli.run;
    s.model.cli.run = async (args, options) => {
      const i = args.indexOf('--batch-file');
      if (i >= 0) {
        const file = args[i + 1]!;
        seen.push({ mode: fs.statSync(file).mode & 0o777, dirMode: fs.statSync(path.dirname(file)).mode & 0o777, content: fs.readFileSync(file, 'utf8') });
      }
      return run(args, options);
    };
    const header = 'Bearer cf-secret-token-0123456789';
    await s.backend.applyConfig((cfg) => void (cfg.models = { mode: 'merge', providers: { 'cloudflare-ai-gateway': { baseUrl: 'https://x/anthropic', headers: { 'cf-aig-authorization': header } } } }));
    const batch = s.model.runs.filter((r) => r.args[1] === 'set');
    expect(batch.map((r) => r.args.includes('--dry-run'))).toEqual([true, false]);
    expect(seen.map((x) => [x.mode, x.dirMode])).toEqual([
      [0o600, 0o700],
      [0o600, 0o700],
    ]);
    expect(JSON.parse(seen[0]!.content)).toEqual([{ path: 'models', value: { mode: 'merge', providers: { 'cloudflare-ai-gateway': { baseUrl: 'https://x/anthropic', headers: { 'cf-aig-authorization': header } } } } }]);
    expect(fs.existsSync(batch[0]!.args[3]!)).toBe(false);
    for (const r of s.model.runs) expect(r.args.join(' ')).not.toContain('cf-secret-token');
    expect(s.model.readConfig().models.providers['cloudflare-ai-gateway'].headers['cf-aig-authorization']).toBe(header);
    await s.backend.applyConfig((cfg) => void delete (cfg.models as any).providers['cloudflare-ai-gateway'].headers);
    expect(s.model.runs.at(-1)?.args).toEqual(['config', 'unset', 'models.providers.cloudflare-ai-gateway.headers']);
    expect(s.model.readConfig().models.providers['cloudflare-ai-gateway'].headers).toBeUndefined();
    const runs = s.model.runs.length;
    expect(await s.backend.applyConfig(() => undefined)).toEqual({ files: [] });
    expect(s.model.runs.length).toBe(runs);
    await s.backend.applyConfig((cfg) => void (cfg.agents = { defaults: { model: { primary: 'anthropic/claude-opus-4-8' } } }));
    expect(s.model.runs.slice(runs).map((r) => r.args.includes('--dry-run'))).toEqual([false]);
  });

  it('config with the gateway up: one config.patch naming the hash it was computed from', async () => {
    const s = make(true);
    await s.backend.applyConfig((cfg) => void (cfg.agents = { defaults: { model: { primary: 'anthropic/claude-opus-4-8' } } }));
    expect(s.rpc.calls.map((c) => c.method)).toEqual(['config.get', 'config.patch']);
    expect(s.rpc.calls[1]?.params).toMatchObject({ patch: { agents: { defaults: { model: { primary: 'anthropic/claude-opus-4-8' } } } } });
    expect(s.model.runs.filter((r) => r.args[0] === 'config')).toEqual([]);
    expect(s.model.readConfig()).toMatchObject({ gateway: { mode: 'local' }, agents: { defaults: { model: { primary: 'anthropic/claude-opus-4-8' } } } });
  });

  it('a config.patch OpenClaw saved but its gateway did not apply at once is done (the gateway follows up); any other refusal is an error', async () => {
    const s = make(true);
    s.rpc.fail('config.patch', 'persisted-not-applied');
    await s.backend.applyConfig((cfg) => void (cfg.agents = { defaults: { model: { primary: 'anthropic/claude-sonnet-4-6' } } }));
    expect(s.model.readConfig()).toMatchObject({ agents: { defaults: { model: { primary: 'anthropic/claude-sonnet-4-6' } } } });
    expect(s.model.runs.filter((r) => r.args[0] === 'config')).toEqual([]);
    const refusal = (said: string) => new CoreError('GATEWAY', 'errors.gateway.refused', { details: { rpc: 'refused', said } });
    expect(persistedAnyway(refusal('config.patch persisted but was not applied to the active Gateway (failed); run config.get'))).toBe(true);
    expect(persistedAnyway(refusal('config changed since last load; re-run config.get and retry'))).toBe(false);
    expect(persistedAnyway(new CoreError('GATEWAY', 'errors.gateway.refused', { details: { rpc: 'no-answer', said: 'config.patch persisted' } }))).toBe(false);
  });

  it('without a gateway reads come from the cache after the first CLI run; a change to the stores reloads it and tells the watcher', async () => {
    const s = make(false);
    await s.backend.read('main');
    const statusRuns = () => s.model.runs.filter((r) => r.args[1] === 'status').length;
    expect(statusRuns()).toBe(1);
    let calls = 0;
    const stop = s.backend.watch(() => calls++);
    await s.backend.read('main');
    await s.backend.read('main');
    expect(statusRuns()).toBe(1);
    s.model.shared.set('openai:outside', { type: 'api_key', provider: 'openai', secret: 'sk-outside-0123456789' });
    s.model.touch();
    await expect.poll(() => calls, { timeout: 5000 }).toBeGreaterThan(0);
    expect(statusRuns()).toBe(2);
    expect((await s.backend.read('main')).profiles.map((p) => p.id)).toEqual(['openai:outside']);
    expect(s.backend.knownSecrets()).toContain('sk-outsi...23456789');
    expect((await s.backend.read('main')).profiles[0]?.secret).toEqual({ kind: 'inline', masked: remaskLabel('sk-outsi...23456789') });
    stop();
  });

  it('a token that has expired keeps its last known expiry (OpenClaw stops reporting it), so its alert is still dated', async () => {
    let now = Date.now();
    const s = make(false, () => now);
    const expires = now + DAY;
    await s.backend.upsert('main', { type: 'token', profileId: 'anthropic:sub', provider: 'anthropic', token: TOKEN, expires });
    let calls = 0;
    const stop = s.backend.watch(() => calls++);
    expect((await s.backend.read('main')).profiles.find((p) => p.id === 'anthropic:sub')).toMatchObject({ expires });
    now += 2 * DAY;
    s.model.touch();
    await expect.poll(() => calls, { timeout: 5000 }).toBeGreaterThan(0);
    const after = (await s.backend.read('main')).profiles.find((p) => p.id === 'anthropic:sub');
    expect(after).toMatchObject({ expires });
    stop();
  });

  it("after a CLI write the gateway is asked to refresh once, so a lagging gateway's old answer never hides the new token; its own writes need none", async () => {
    const s = make(true);
    s.rpc.lagging = true;
    await s.backend.read('main');
    await s.backend.upsert('main', { type: 'token', profileId: 'anthropic:sub', provider: 'anthropic', token: TOKEN, expires: Date.now() + 3 * DAY });
    expect(s.model.runs.at(-1)?.args).toContain('paste-token');
    expect((await s.backend.read('main')).profiles.map((p) => p.id)).toEqual(['anthropic:sub']);
    await s.backend.upsert('main', { type: 'token', profileId: 'anthropic:default', provider: 'anthropic', token: `${TOKEN}2` });
    await s.backend.setOrder('main', 'anthropic', ['anthropic:sub', 'anthropic:default']);
    expect(s.model.orders.get('main')?.get('anthropic')).toEqual(['anthropic:sub', 'anthropic:default']);
    const reads = s.rpc.calls.filter((c) => c.method === 'models.authStatus').map((c) => c.params.refresh === true);
    expect(reads[0]).toBe(false);
    expect(reads.filter(Boolean).length).toBeGreaterThanOrEqual(2);
    // The order went through the gateway itself (models.authOrderSet): nothing for it to catch up on.
    expect(s.rpc.calls.at(-1)?.method).toBe('models.authOrderSet');
    const before = s.rpc.calls.length;
    await s.backend.read('main');
    await s.backend.read('main');
    expect(s.rpc.calls.slice(before).map((c) => c.params.refresh ?? false)).toEqual([false, false]);
  });

  it('switches from the CLI to the gateway when it connects, and back when it goes', async () => {
    const s = make(false);
    await s.backend.upsert('main', { type: 'api_key', profileId: 'anthropic:default', provider: 'anthropic', key: KEY });
    s.rpc.setConnection('connected');
    const snap = await s.backend.read('main');
    expect(s.rpc.calls.map((c) => c.method)).toEqual(['models.authStatus']);
    expect(snap.profiles[0]).toMatchObject({ id: 'anthropic:default', secret: { kind: 'inline', masked: shown(KEY) } });
    s.rpc.setConnection('connecting');
    await s.backend.upsert('main', { type: 'api_key', profileId: 'anthropic:default', provider: 'anthropic', key: KEY2 });
    expect(s.model.runs.filter((r) => r.args.includes('paste-api-key'))).toHaveLength(2);
  });
});
