import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuthStatus } from '../../../shared/contract';
import { createAuthModule } from './handlers';
import { makeTestCore, recordingCall } from '../../testing/test-support';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const API_KEY = 'sk-ant-api03-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA-1234567890';
const SETUP = `sk-ant-oat01-${'B'.repeat(80)}`;
const ACCOUNT = '0123456789abcdef0123456789abcdef';
const CF_TOKEN = 'cf-token-CCCCCCCCCCCCCCCCCCCC';

function setup(env: Record<string, string> = {}) {
  const t = makeTestCore({ env });
  cleanups.push(t.cleanup);
  const events: AuthStatus[] = [];
  t.core.events.on('auth:status', (s) => events.push(s));
  const { outputs, call } = recordingCall(t.core);
  const file = (...p: string[]) => path.join(t.stateDir, ...p);
  const json = (...p: string[]) => JSON.parse(fs.readFileSync(file(...p), 'utf8'));
  const store = (agent = 'main') => json('agents', agent, 'agent', 'auth-profiles.json');
  const listing = () => (fs.existsSync(t.stateDir) ? fs.readdirSync(t.stateDir, { recursive: true }).sort() : []);
  return { ...t, events, outputs, call, file, json, store, listing };
}

describe('auth handlers', () => {
  it('saves an Anthropic key: store, config metadata, default model, .env on request; status and events masked', async () => {
    const s = setup();
    const r = await s.call('auth:saveAnthropicKey', { apiKey: `  ${API_KEY}  `, writeEnv: true });
    expect(r).toEqual({ ok: true, value: { profileId: 'anthropic:default', agentId: 'main', files: [s.file('agents/main/agent/auth-profiles.json'), s.file('.env'), s.file('openclaw.json')] } });
    expect(s.store().profiles['anthropic:default']).toEqual({ type: 'api_key', provider: 'anthropic', key: API_KEY });
    const cfg = s.json('openclaw.json');
    expect(cfg.auth.profiles['anthropic:default']).toEqual({ provider: 'anthropic', mode: 'api_key' });
    expect(cfg.agents.defaults.model.primary).toBe('anthropic/claude-opus-4-8');
    expect(fs.readFileSync(s.file('.env'), 'utf8')).toBe(`ANTHROPIC_API_KEY='${API_KEY}'\n`);
    const status = await s.call('auth:status', {});
    expect(status.ok && status.value).toMatchObject({ defaultModelUsable: true, envProviders: ['anthropic'], profiles: [{ id: 'anthropic:default', status: 'static', label: 'sk-a...7890' }] });
    expect(s.events.at(-1)?.profiles.map((p) => p.id)).toEqual(['anthropic:default']);
    const list = await s.call('env:list', {});
    expect(list.ok && list.value.entries).toEqual([{ key: 'ANTHROPIC_API_KEY', masked: 'sk-a...7890' }]);
    expect(JSON.stringify([s.outputs, s.events])).not.toContain(API_KEY);
  });

  it('keeps an existing default model and saves a setup-token with its expiry', async () => {
    const s = setup();
    fs.writeFileSync(s.file('openclaw.json'), '{ agents: { defaults: { model: "openrouter/x" } }, other: 1 }');
    const expiresAt = Date.now() + 30 * 86_400_000;
    const r = await s.call('auth:saveSetupToken', { token: SETUP, expiresAt, profileName: 'work' });
    expect(r.ok).toBe(true);
    expect(s.store().profiles['anthropic:work']).toEqual({ type: 'token', provider: 'anthropic', token: SETUP, expires: expiresAt });
    expect(s.json('openclaw.json')).toEqual({
      agents: { defaults: { model: 'openrouter/x' } },
      other: 1,
      auth: { profiles: { 'anthropic:work': { provider: 'anthropic', mode: 'token' } } },
    });
    expect(fs.readFileSync(s.file('openclaw.json.bak'), 'utf8')).toContain('other: 1');
  });

  it.each([
    ['a short setup-token', 'auth:saveSetupToken', { token: 'sk-ant-oat01-short' }, 'token'],
    ['a setup-token with the wrong prefix', 'auth:saveSetupToken', { token: `sk-ant-api03-${'x'.repeat(80)}` }, 'token'],
    ['an expiry in the past', 'auth:saveSetupToken', { token: SETUP, expiresAt: 1000 }, 'expiresAt'],
    ['a key with a line break', 'auth:saveAnthropicKey', { apiKey: 'sk-ant\nx' }, 'apiKey'],
    ['a profile name with ../', 'auth:saveAnthropicKey', { apiKey: API_KEY, profileName: '../x' }, 'profileName'],
    ['an agent id with ../', 'auth:saveAnthropicKey', { apiKey: API_KEY, agentId: '../../etc' }, 'agentId'],
    ['an unknown agent', 'auth:saveAnthropicKey', { apiKey: API_KEY, agentId: 'nobody' }, 'agentId'],
    ['a short account id', 'auth:saveCloudflare', { accountId: 'abc', gatewayId: 'gw', apiKey: API_KEY }, 'accountId'],
    ['a gateway id with ../', 'auth:saveCloudflare', { accountId: ACCOUNT, gatewayId: '../gw', apiKey: API_KEY }, 'gatewayId'],
    ['a gateway id with a slash', 'auth:saveCloudflare', { accountId: ACCOUNT, gatewayId: 'a/b', apiKey: API_KEY }, 'gatewayId'],
    ['a provider id with a colon', 'auth:saveToken', { provider: 'open:ai', token: 'tok-123456789' }, 'provider'],
    ['an unknown field', 'auth:saveToken', { provider: 'openai', token: 'tok-123456789', extra: 1 }, 'extra'],
    ['an OpenAI key as the Anthropic key', 'auth:saveAnthropicKey', { apiKey: `sk-proj-${'p'.repeat(60)}` }, 'apiKey'],
    ['a bare sk-ant- as the Anthropic key, even with "save anyway"', 'auth:saveAnthropicKey', { apiKey: 'sk-ant-', acceptUnusualKey: true }, 'apiKey'],
    ['a setup-token as the Anthropic key', 'auth:saveAnthropicKey', { apiKey: SETUP }, 'apiKey'],
    ['an unusual OpenAI key without "save anyway"', 'auth:saveToken', { provider: 'openai', token: 'proj-0123456789' }, 'token'],
    ['an unusual key behind Cloudflare without "save anyway"', 'auth:saveCloudflare', { accountId: ACCOUNT, gatewayId: 'gw', apiKey: 'not-a-key-123' }, 'apiKey'],
  ])('refuses %s with a field error and writes nothing', async (_n, channel, input, fieldName) => {
    const s = setup();
    const before = s.listing();
    const r = await s.call(channel, input);
    expect(r.ok).toBe(false);
    expect(r.ok ? null : r.error.fields).toHaveProperty(fieldName);
    expect(s.listing()).toEqual(before);
  });

  it('saves an unusual key where the provider\'s format is not certain once the user says "save anyway"', async () => {
    const s = setup();
    const r = await s.call('auth:saveToken', { provider: 'openai', token: 'proj-0123456789' });
    expect(r.ok ? null : [r.error.fields?.token?.key, r.error.details?.unusualKey]).toEqual(['validation.keyShape.usualPrefix', 'true']);
    expect((await s.call('auth:saveToken', { provider: 'openai', token: 'proj-0123456789', acceptUnusualKey: true })).ok).toBe(true);
    expect(s.store().profiles['openai:manual'].token).toBe('proj-0123456789');
  });

  it('Cloudflare: provider block from the ids, header only while a token is given, default model on request', async () => {
    const s = setup();
    await s.call('models:setDefault', { model: 'anthropic/claude-opus-4-8' });
    const r = await s.call('auth:saveCloudflare', { accountId: ` ${ACCOUNT} `, gatewayId: 'my-gw_1', apiKey: API_KEY, gatewayAuthToken: CF_TOKEN, writeEnv: true });
    expect(r.ok).toBe(true);
    expect(s.store().profiles['cloudflare-ai-gateway:default']).toEqual({
      type: 'api_key',
      provider: 'cloudflare-ai-gateway',
      key: API_KEY,
      metadata: { accountId: ACCOUNT, gatewayId: 'my-gw_1' },
    });
    let cfg = s.json('openclaw.json');
    const block = cfg.models.providers['cloudflare-ai-gateway'];
    expect(block).toMatchObject({ baseUrl: `https://gateway.ai.cloudflare.com/v1/${ACCOUNT}/my-gw_1/anthropic`, api: 'anthropic-messages', headers: { 'cf-aig-authorization': `Bearer ${CF_TOKEN}` } });
    expect(block.models.map((m: { id: string }) => m.id)).toEqual(['claude-sonnet-4-6']);
    expect(cfg.models.mode).toBe('merge');
    expect(cfg.plugins.entries['cloudflare-ai-gateway']).toEqual({ enabled: true });
    expect(cfg.agents.defaults.model.primary).toBe('anthropic/claude-opus-4-8');
    expect(fs.readFileSync(s.file('.env'), 'utf8')).toContain('CLOUDFLARE_AI_GATEWAY_API_KEY=');
    const mod = createAuthModule(s.context);
    await mod.service.getStatus();
    expect(mod.service.knownSecrets()).toEqual(expect.arrayContaining([API_KEY, CF_TOKEN, `Bearer ${CF_TOKEN}`]));
    await mod.dispose?.();

    await s.call('auth:saveCloudflare', { accountId: ACCOUNT, gatewayId: 'my-gw_1', apiKey: API_KEY, setDefaultModel: true, replace: true });
    cfg = s.json('openclaw.json');
    expect(cfg.models.providers['cloudflare-ai-gateway']).not.toHaveProperty('headers');
    expect(cfg.agents.defaults.model.primary).toBe('cloudflare-ai-gateway/claude-sonnet-4-6');
    expect(JSON.stringify([s.outputs, s.events])).not.toContain(CF_TOKEN);
  });

  it('generic tokens, order, copy to a declared agent, remove', async () => {
    const s = setup();
    fs.writeFileSync(s.file('openclaw.json'), JSON.stringify({ agents: { list: [{ id: 'main' }, { id: 'work' }] } }));
    expect((await s.call('auth:saveToken', { provider: 'openrouter', token: 'sk-or-token-123456789' })).ok).toBe(true);
    expect((await s.call('auth:saveToken', { provider: 'openrouter', token: 'sk-or-token-abcdefghi', profileName: 'second' })).ok).toBe(true);
    expect(Object.keys(s.store().profiles)).toEqual(['openrouter:manual', 'openrouter:second']);

    const order = await s.call('auth:setOrder', { provider: 'openrouter', order: ['openrouter:second', 'openrouter:manual'] });
    expect(order.ok).toBe(true);
    expect(s.json('agents/main/agent/auth-state.json').order).toEqual({ openrouter: ['openrouter:second', 'openrouter:manual'] });
    expect(s.json('openclaw.json').auth.order).toEqual({ openrouter: ['openrouter:second', 'openrouter:manual'] });
    const bad = await s.call('auth:setOrder', { provider: 'openrouter', order: ['anthropic:default'] });
    expect(bad.ok ? null : bad.error.fields).toHaveProperty('order');

    const before = s.events.length;
    const copy = await s.call('auth:copyProfile', { profileId: 'openrouter:second', toAgentId: 'work' });
    expect(copy).toMatchObject({ ok: true, value: { profileId: 'openrouter:second', agentId: 'work' } });
    expect(s.store('work').profiles['openrouter:second']).toEqual(s.store().profiles['openrouter:second']);
    expect(s.events.slice(before).map((e) => e.agentId).sort()).toEqual(['main', 'work']);
    const unknown = await s.call('auth:copyProfile', { profileId: 'openrouter:second', toAgentId: 'ghost' });
    expect(unknown.ok ? null : unknown.error).toMatchObject({ code: 'NOT_FOUND', key: 'errors.agent.unknown', fields: { toAgentId: { key: 'validation.unknownAgent' } } });

    expect((await s.call('auth:removeProfile', { profileId: 'openrouter:second' })).ok).toBe(true);
    expect(Object.keys(s.store().profiles)).toEqual(['openrouter:manual']);
    expect(s.json('agents/main/agent/auth-state.json').order).toEqual({ openrouter: ['openrouter:manual'] });
    expect(s.json('openclaw.json').auth.profiles).toHaveProperty('openrouter:second');
    expect((await s.call('auth:removeProfile', { profileId: 'openrouter:second', agentId: 'work' })).ok).toBe(true);
    expect(s.json('openclaw.json').auth.profiles).not.toHaveProperty('openrouter:second');
    expect(s.json('openclaw.json').auth.order).toEqual({ openrouter: ['openrouter:manual'] });
    const gone = await s.call('auth:removeProfile', { profileId: 'openrouter:second' });
    expect(gone.ok ? null : gone.error.code).toBe('NOT_FOUND');
  });

  it('stores tokens with quotes, =, # and unicode exactly, and a garbage .env keeps its bytes around a new key', async () => {
    const s = setup();
    const token = 'tök"en=with#odd\'chars-密钥-🔑';
    expect((await s.call('auth:saveToken', { provider: 'some-provider', token })).ok).toBe(true);
    expect(s.store().profiles['some-provider:manual'].token).toBe(token);
    const garbage = '\u0001\u0002 not = a valid line\n=oops\n';
    fs.writeFileSync(s.file('.env'), garbage);
    expect((await s.call('env:set', { key: 'OPENAI_API_KEY', value: token })).ok).toBe(true);
    expect(fs.readFileSync(s.file('.env'), 'utf8').startsWith(garbage)).toBe(true);
    const status = await s.call('auth:status', {});
    expect(status.ok && status.value.envProviders).toEqual(['openai']);
  });

  it('a corrupt openclaw.json stops a flow before any write, with the path and a kept copy', async () => {
    const s = setup();
    fs.writeFileSync(s.file('openclaw.json'), '{ "gateway": ');
    const r = await s.call('auth:saveAnthropicKey', { apiKey: API_KEY });
    expect(r.ok ? null : r.error).toMatchObject({ code: 'CORRUPT_FILE', details: { path: s.file('openclaw.json'), step: 'check', done: '' } });
    expect(fs.existsSync(s.file('agents'))).toBe(false);
    expect(fs.readFileSync(s.file('openclaw.json'), 'utf8')).toBe('{ "gateway": ');
    const status = await s.call('auth:status', {});
    expect(status.ok && status.value.problem?.code).toBe('CORRUPT_FILE');
  });

  it('when the config step fails the credential is saved, the config is untouched, and the error says so', async () => {
    const s = setup();
    fs.writeFileSync(s.file('openclaw.json'), '{"keep":true}');
    fs.mkdirSync(s.file('openclaw.json.bak'));
    const r = await s.call('auth:saveAnthropicKey', { apiKey: API_KEY });
    expect(r.ok ? null : r.error).toMatchObject({
      code: 'CONFLICT',
      key: 'errors.file.folderInTheWay',
      params: { path: s.file('openclaw.json.bak'), step: 'config' },
      details: { step: 'config', done: 'check,credential' },
    });
    expect(s.store().profiles['anthropic:default'].key).toBe(API_KEY);
    expect(fs.readFileSync(s.file('openclaw.json'), 'utf8')).toBe('{"keep":true}');
    expect(s.events.at(-1)?.profiles.map((p) => p.id)).toEqual(['anthropic:default']);
  });

  it('env:set and env:unset edit .env and refuse bad keys and values', async () => {
    const s = setup();
    expect((await s.call('env:set', { key: 'OPENROUTER_API_KEY', value: 'a "b" #c' })).ok).toBe(true);
    const list = await s.call('env:list', {});
    expect(list.ok && list.value).toEqual({ path: s.file('.env'), entries: [{ key: 'OPENROUTER_API_KEY', masked: '8 characters' }] });
    expect(s.events.at(-1)?.envProviders).toEqual(['openrouter']);
    for (const input of [{ key: 'bad key', value: 'x' }, { key: 'A', value: 'x\ny' }, { key: 'A', value: 'nul\u0000' }]) {
      const r = await s.call('env:set', input);
      expect(r.ok ? null : r.error.code).toBe('VALIDATION');
    }
    expect((await s.call('env:unset', { key: 'OPENROUTER_API_KEY' })).ok).toBe(true);
    expect(fs.readFileSync(s.file('.env'), 'utf8')).toBe('');
  });

  it('removing a .env key (with a credential or alone) advises a gateway restart only while a gateway runs', async () => {
    const s = setup();
    const advised = async (r: Promise<{ ok: boolean; value?: unknown }>) => ((await r) as { value?: { gatewayRestartAdvised?: boolean } }).value?.gatewayRestartAdvised;
    const saveWithEnv = () => s.call('auth:saveAnthropicKey', { apiKey: API_KEY, writeEnv: true, replace: true });
    expect((await saveWithEnv()).ok).toBe(true);
    expect(await advised(s.call('auth:removeProfile', { profileId: 'anthropic:default' }))).toBe(false);
    expect(fs.readFileSync(s.file('.env'), 'utf8')).toBe('');

    s.context.events.emit('gateway:state', { status: 'ready', port: 18789, owned: true });
    expect((await saveWithEnv()).ok).toBe(true);
    const places = await s.call('auth:secretPlaces', { profileId: 'anthropic:default' });
    const storeOnly = places.ok ? (places.value as { places: { id: string; required: boolean }[] }).places.filter((p) => p.required).map((p) => p.id) : [];
    expect(await advised(s.call('auth:removeProfile', { profileId: 'anthropic:default', places: storeOnly }))).toBe(false);
    expect(fs.readFileSync(s.file('.env'), 'utf8')).toContain('ANTHROPIC_API_KEY=');
    expect((await saveWithEnv()).ok).toBe(true);
    expect(await advised(s.call('auth:removeProfile', { profileId: 'anthropic:default' }))).toBe(true);
    expect(await advised(s.call('env:unset', { key: 'ANTHROPIC_API_KEY' }))).toBe(false);
    expect((await s.call('env:set', { key: 'OPENROUTER_API_KEY', value: 'sk-or-v1-0123456789' })).ok).toBe(true);
    expect(await advised(s.call('env:unset', { key: 'OPENROUTER_API_KEY' }))).toBe(true);
    s.context.events.emit('gateway:state', { status: 'stopped', port: 18789, owned: true });
    expect((await s.call('env:set', { key: 'OPENROUTER_API_KEY', value: 'sk-or-v1-0123456789' })).ok).toBe(true);
    expect(await advised(s.call('env:unset', { key: 'OPENROUTER_API_KEY' }))).toBe(false);
  });

  it('auth:status for an unknown agent is NOT_FOUND; the agent list includes folders and config entries', async () => {
    const s = setup();
    fs.mkdirSync(s.file('agents', 'ops', 'agent'), { recursive: true });
    fs.writeFileSync(s.file('openclaw.json'), JSON.stringify({ agents: { entries: { desk: {} } } }));
    const r = await s.call('auth:status', { agentId: 'ghost' });
    expect(r.ok ? null : r.error.code).toBe('NOT_FOUND');
    const ok = await s.call('auth:status', { agentId: 'desk' });
    expect(ok.ok && ok.value.agents).toEqual(['main', 'desk', 'ops']);
  });

  it('emits auth:status when someone else edits the files, and stops watching on dispose', async () => {
    const s = setup();
    await s.call('auth:saveAnthropicKey', { apiKey: API_KEY });
    await s.core.start();
    const seen = () => s.events.at(-1)?.profiles.map((p) => p.id) ?? [];
    const storePath = s.file('agents/main/agent/auth-profiles.json');
    const data = s.store();
    data.profiles['openai:other'] = { type: 'api_key', provider: 'openai', key: 'sk-openai-1234567890' };
    fs.writeFileSync(storePath, JSON.stringify(data));
    await expect.poll(seen, { timeout: 5_000 }).toEqual(['anthropic:default', 'openai:other']);
    fs.writeFileSync(s.file('openclaw.json'), JSON.stringify({ agents: { defaults: { model: 'openai/gpt-x' } } }));
    await expect.poll(() => s.events.at(-1)?.defaultModel, { timeout: 5_000 }).toBe('openai/gpt-x');
    await s.core.dispose();
    const count = s.events.length;
    fs.writeFileSync(storePath, JSON.stringify({ version: 1, profiles: {} }));
    await new Promise((r) => setTimeout(r, 400));
    expect(s.events.length).toBe(count);
  });

  it('auth:test asks OpenClaw to probe the one credential; the answer shows in the status until the secret changes; a refusal says the cooldown it caused', async () => {
    const s = setup();
    await s.call('auth:saveToken', { provider: 'openrouter', token: 'sk-or-v1-first-0123456789' });
    let answer = 'ok';
    const runs: string[][] = [];
    Object.assign(s.context, {
      cli: {
        run: async (args: string[]) => {
          runs.push(args);
          if (answer === 'auth') {
            // As OpenClaw 2026.5.28 does after a refused probe: the profile rests ~30 s.
            fs.writeFileSync(s.file('agents', 'main', 'agent', 'auth-state.json'), JSON.stringify({ version: 1, usageStats: { 'openrouter:manual': { cooldownUntil: Date.now() + 30_000, cooldownReason: 'auth', errorCount: 1 } } }));
          }
          const stdout = JSON.stringify({ auth: { probes: { results: [{ profileId: 'openrouter:manual', status: answer, model: 'openrouter/auto', latencyMs: 12, ...(answer === 'ok' ? {} : { error: 'LLM error authentication_error: invalid key' }) }] } } });
          return { args, code: 0, signal: null, stdout, stderr: '', stdoutTruncated: false, stderrTruncated: false, ended: 'exit', durationMs: 5 };
        },
        dispose: async () => undefined,
      },
    });
    const works = await s.call('auth:test', { profileId: 'openrouter:manual' });
    expect(works.ok && works.value).toMatchObject({ result: 'works', latencyMs: 12, model: 'openrouter/auto' });
    expect(runs[0]).toEqual(expect.arrayContaining(['--probe', '--probe-profile', 'openrouter:manual', '--agent', 'main']));
    const profileOf = async () => {
      const r = await s.call('auth:status', {});
      return r.ok ? r.value.profiles.find((p: { id: string }) => p.id === 'openrouter:manual') : undefined;
    };
    const shown = await profileOf();
    expect(shown.test).toMatchObject({ result: 'works' });
    expect(s.events.at(-1)!.profiles.find((p) => p.id === 'openrouter:manual')!.test).toMatchObject({ result: 'works' });

    answer = 'auth';
    const refused = await s.call('auth:test', { profileId: 'openrouter:manual' });
    expect(refused.ok && refused.value).toMatchObject({ result: 'refused', detail: 'LLM error authentication_error: invalid key', cooldownUntil: expect.any(Number) });

    await s.call('auth:saveToken', { provider: 'openrouter', token: 'sk-or-v1-second-0123456789', replace: true });
    const after = await profileOf();
    expect(after).toBeDefined();
    expect(after.test, 'a new secret is not tested yet').toBeUndefined();
    const missing = await s.call('auth:test', { profileId: 'openrouter:nope' });
    expect(missing.ok ? null : missing.error.code).toBe('NOT_FOUND');
  });
});
