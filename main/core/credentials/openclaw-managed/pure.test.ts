/**
 * The pure parts of the managed backend against real OpenClaw 2026.9.6 outputs (`main/testing/fixtures/`,
 * captured with hermetic state dirs): status parsing from the CLI and the gateway, own/inherited, config diffs
 * as batch operations and merge patches, the commands' arguments and failures, and the API-key routing rule.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RpcAuthStatus } from '../../openclaw/gateway-rpc-schemas';
import { profileView } from '../status';
import type { CredentialSnapshot } from '../backend';
import { apiKeyPlan } from './backend';
import { cliError, openclawMessage, pasteApiKeyArgs, pasteTokenArgs } from './cli-commands';
import { batchFile, configChanges, configPath, mergePatch } from './config-diff';
import { remaskLabel } from '../../../../shared/masking';
import { markInherited, openclawMask, parseCliModelsStatus, parseLabel, readFromRpc } from './status-parse';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../../../testing/fixtures/openclaw-2026.9.6', name), 'utf8');

describe('models status --json (real 2026.9.6 output)', () => {
  it('reads statuses, expiries and masked labels; statuses computed from them equal OpenClaw\'s', () => {
    const read = parseCliModelsStatus(fixture('models-status-main-tokens.json'));
    // OpenClaw prints 8 + 8 characters; the app shows at most 4 + 4 (and never more than a quarter).
    expect(read.records.map((r) => [r.id, r.type, r.expires, r.secret])).toEqual([
      ['openrouter:exp', 'token', 1795968019193, { kind: 'inline', masked: remaskLabel('sk-or-v1...jklmnop2') }],
      ['openrouter:manual', 'token', undefined, { kind: 'inline', masked: remaskLabel('sk-or-v1...ijklmnop') }],
    ]);
    expect(read.labels['openrouter:exp']).toBe('sk-or-v1...jklmnop2');
    expect(remaskLabel('sk-or-v1...jklmnop2')).toBe('sk...p2');
    const capturedAt = 1795968019193 - 7198039;
    expect(read.records.map((r) => profileView(r, { env: {}, now: capturedAt })?.status)).toEqual(['expiring', 'static']);
    expect(read.storePath).toBe('/home/user/state/state/openclaw.sqlite');
  });

  it('tells own from inherited by comparing with the default agent (the shared store)', () => {
    const main = parseCliModelsStatus(fixture('models-status-main-tokens.json'));
    const work = parseCliModelsStatus(fixture('models-status-work-own-and-inherited.json'));
    // What the default agent's store held then: the key the second agent reads through (same OpenClaw mask).
    const sharedLabels = { ...main.labels, 'anthropic:default': work.labels['anthropic:default']! };
    const marked = markInherited('work', work, sharedLabels);
    expect(marked.records.map((r) => [r.id, r.source])).toEqual([
      ['anthropic:default', 'inherited'],
      ['anthropic:own', 'own'],
    ]);
    expect(markInherited('work', work, { ...sharedLabels, 'anthropic:default': 'sk-ant-a...SOMEELSE' }).records[0]?.source).toBe('own');
    expect(markInherited('main', main, sharedLabels)).toBe(main);
  });

  it('reads the Cloudflare key saved through paste-api-key', () => {
    const read = parseCliModelsStatus(fixture('models-status-main-cloudflare.json'));
    expect(read.records.find((r) => r.id === 'cloudflare-ai-gateway:default')).toMatchObject({ type: 'api_key', provider: 'cloudflare-ai-gateway', secret: { kind: 'inline' } });
    expect(Object.keys(read.labels)).toContain('anthropic:work');
  });

  it("turns OpenClaw's error object into GATEWAY with its message, a pending import or a rejected config into the import's errors, and anything else into INTERNAL", () => {
    const failed = JSON.stringify({ ok: false, error: { type: 'cli_error', message: 'Gateway auth is not configured for this client' } });
    expect(() => parseCliModelsStatus(failed)).toThrow(expect.objectContaining({ code: 'GATEWAY', key: 'errors.cli.refused', details: expect.objectContaining({ said: expect.stringContaining('Gateway auth') }) }));
    const rejected = JSON.stringify({ ok: false, error: { type: 'cli_error', message: 'Invalid config at /home/user/.openclaw/openclaw.json:\n- models: Unrecognized key' } });
    expect(() => parseCliModelsStatus(rejected)).toThrow(expect.objectContaining({ code: 'CONFLICT', key: 'errors.migration.configRejected', details: expect.objectContaining({ said: expect.stringContaining('Invalid config') }) }));
    const migration = JSON.stringify({ ok: false, error: { type: 'cli_error', message: 'Auth profile store ~/.openclaw/agents/main/agent/openclaw-agent.sqlite requires legacy credential migration; affected providers: anthropic, openrouter; run openclaw doctor --fix.' } });
    expect(() => parseCliModelsStatus(migration)).toThrow(expect.objectContaining({ code: 'CONFLICT', key: 'errors.migration.needed', details: expect.objectContaining({ said: expect.stringContaining('requires legacy credential migration') }) }));
    expect(() => parseCliModelsStatus('Installed Gateway service ...')).toThrow(expect.objectContaining({ code: 'INTERNAL' }));
    expect(() => parseCliModelsStatus('{"auth": {}}')).toThrow(expect.objectContaining({ code: 'INTERNAL' }));
  });

  it('masks a secret as OpenClaw prints it (8 + 8), never a short one', () => {
    expect(openclawMask('sk-ant-api03-abcdefghijklmnopqrstuvwxyz-WzispjAA')).toBe('sk-ant-a...WzispjAA');
    expect(openclawMask('short-secret')).toBeUndefined();
  });

  it('parses label entries with and without a type prefix', () => {
    expect(parseLabel('anthropic:work=token:sk-ant-o...XzKJC4ar')).toEqual(['anthropic:work', 'sk-ant-o...XzKJC4ar']);
    expect(parseLabel('anthropic:default=sk-ant-a...DrpZjndU')).toEqual(['anthropic:default', 'sk-ant-a...DrpZjndU']);
    expect(parseLabel('nothing')).toBeNull();
  });
});

describe('models.authStatus (the gateway)', () => {
  it('reads sources, expiries and the order; the default agent owns what it "inherits" from the shared store', () => {
    const status = RpcAuthStatus.parse(JSON.parse(fixture('gateway-models.authStatus.json')));
    const forMain = readFromRpc(status, 'main', {});
    expect(forMain.records.filter((r) => r.provider === 'anthropic').map((r) => [r.id, r.source, r.expires ?? null])).toEqual([
      ['anthropic:default', 'own', null],
      ['anthropic:soon', 'own', 1795997098230],
      ['anthropic:work', 'own', 1798545886711],
    ]);
    expect(forMain.lockedOrder).toContain('anthropic');
    expect(forMain.order).toEqual({});
    expect(readFromRpc(status, 'work', {}).records.every((r) => r.source === 'inherited')).toBe(true);
  });

  it("keeps OpenClaw's status where the app cannot compute it: expired without a date, a cooldown without its end", () => {
    const status = RpcAuthStatus.parse({
      ts: 1,
      providers: [
        {
          provider: 'openrouter',
          status: 'expired',
          profiles: [
            { profileId: 'openrouter:old', type: 'token', status: 'expired', source: 'saved' },
            { profileId: 'openrouter:hot', type: 'token', status: 'cooldown', reasonCode: 'rate_limit', source: 'saved' },
          ],
          profileOrder: ['openrouter:hot', 'openrouter:old'],
          profileOrderStored: true,
        },
      ],
    });
    const read = readFromRpc(status, 'work', {});
    expect(read.records.map((r) => profileView(r, { env: {}, now: 5 })?.status)).toEqual(['expired', 'cooldown']);
    expect(profileView(read.records[1]!, { env: {}, now: 5 })?.reason).toBe('rate_limit');
    expect(read.order).toEqual({ openrouter: ['openrouter:hot', 'openrouter:old'] });
  });
});

describe('config changes', () => {
  const before = { gateway: { mode: 'local' }, auth: { profiles: { 'anthropic:default': { provider: 'anthropic', mode: 'api_key' } }, order: { anthropic: ['a'] } } };
  it('are the leaves that changed, whole arrays, and removals', () => {
    const after = structuredClone(before) as any;
    after.auth.order.anthropic = ['b', 'a'];
    delete after.auth.profiles['anthropic:default'];
    after.agents = { defaults: { models: { 'anthropic/claude-opus-4.8': {} } } };
    const ops = configChanges(before, after);
    expect(ops).toEqual([
      { path: ['auth', 'profiles', 'anthropic:default'], unset: true },
      { path: ['auth', 'order', 'anthropic'], value: ['b', 'a'] },
      { path: ['agents'], value: { defaults: { models: { 'anthropic/claude-opus-4.8': {} } } } },
    ]);
    expect(batchFile(ops)).toEqual([
      { path: 'auth.order.anthropic', value: ['b', 'a'] },
      { path: 'agents', value: { defaults: { models: { 'anthropic/claude-opus-4.8': {} } } } },
    ]);
    expect(mergePatch(ops)).toEqual({ auth: { profiles: { 'anthropic:default': null }, order: { anthropic: ['b', 'a'] } }, agents: { defaults: { models: { 'anthropic/claude-opus-4.8': {} } } } });
    expect(configChanges(before, structuredClone(before))).toEqual([]);
  });

  it('quote keys that are not plain words, as `openclaw config set` reads them', () => {
    expect(configPath(['models', 'providers', 'cloudflare-ai-gateway', 'baseUrl'])).toBe('models.providers.cloudflare-ai-gateway.baseUrl');
    expect(configPath(['agents', 'defaults', 'models', 'openai/gpt-5.6'])).toBe('agents.defaults.models["openai/gpt-5.6"]');
  });
});

describe('CLI commands', () => {
  it('name the profile and the agent, never a secret; the expiry is a duration in ms', () => {
    expect(pasteApiKeyArgs('anthropic', 'anthropic:default', 'main')).toEqual(['models', 'auth', 'paste-api-key', '--provider', 'anthropic', '--profile-id', 'anthropic:default', '--agent', 'main']);
    expect(pasteApiKeyArgs('anthropic', undefined, 'main')).not.toContain('--profile-id');
    expect(pasteTokenArgs('openrouter', 'openrouter:x', 'w', 7_200_000.4)).toContain('7200000ms');
  });

  it("failures say what OpenClaw said, without its noise, and how the run ended", () => {
    const base = { args: ['models', 'auth', 'logout', 'anthropic:x', '--yes', '--agent', 'main'], signal: null, stdout: '' };
    const stderr = 'Installed Gateway service state and config paths could not be verified. Inspect ...\nAuth profile "anthropic:x" not found for agent "main".\n[openclaw] Try: openclaw doctor\n';
    expect(openclawMessage({ stdout: '', stderr })).toBe('Auth profile "anthropic:x" not found for agent "main".');
    expect(cliError({ ...base, code: 0, stderr: '', ended: 'exit' })).toBeUndefined();
    expect(cliError({ ...base, code: 1, stderr, ended: 'exit' })).toMatchObject({ code: 'GATEWAY', details: { cli: 'refused', exit: '1', command: 'openclaw models auth logout anthropic:x --yes --agent main' } });
    expect(cliError({ ...base, code: null, stderr: '', ended: 'timeout' })?.details?.cli).toBe('timeout');
    expect(cliError({ ...base, code: null, stderr: '', ended: 'disposed' })?.code).toBe('INTERNAL');
    const redacted = cliError({ ...base, code: 1, stderr: 'key sk-secret-value-123 bad', ended: 'exit' }, (t) => t.replace('sk-secret-value-123', '***'));
    expect(redacted?.details?.said).toBe('key *** bad');
    expect(JSON.stringify(redacted?.toShape())).not.toContain('sk-secret');
    expect(cliError({ ...base, code: 78, stderr: 'raced', ended: 'exit' })).toMatchObject({ key: 'errors.cli.busy', details: { cli: 'race' } });
    const pending = '{"ok":false,"error":{"type":"cli_error","message":"Auth profile store ~/.openclaw/agents/main/agent/openclaw-agent.sqlite requires legacy credential migration; affected providers: anthropic; run openclaw doctor --fix."}}';
    expect(cliError({ ...base, code: 1, stdout: pending, stderr: '', ended: 'exit' })).toMatchObject({ code: 'CONFLICT', key: 'errors.migration.needed', details: { cli: 'refused', exit: '1' } });
  });
});

describe('apiKeyPlan', () => {
  const snap = (profiles: Partial<CredentialSnapshot['profiles'][number]>[]): CredentialSnapshot => ({
    agentId: 'work',
    order: {},
    location: { credentials: '', state: '' },
    profiles: profiles.map((p) => ({ provider: 'anthropic', type: 'api_key', secret: { kind: 'inline', masked: 'x' }, source: 'own', ...p }) as CredentialSnapshot['profiles'][number]),
  });
  it('uses the gateway only when it would replace exactly the wanted key', () => {
    expect(apiKeyPlan(snap([{ id: 'anthropic:default' }]), { provider: 'anthropic', profileId: 'anthropic:default' }, false)).toEqual({ rpcWouldPick: 'anthropic:default' });
    expect(apiKeyPlan(snap([]), { provider: 'anthropic', profileId: 'anthropic:default' }, false)).toEqual({});
    expect(apiKeyPlan(snap([{ id: 'anthropic:a' }, { id: 'anthropic:default' }]), { provider: 'anthropic', profileId: 'anthropic:default' }, false)).toEqual({});
    expect(apiKeyPlan(snap([{ id: 'anthropic:default' }]), { provider: 'anthropic', profileId: 'anthropic:default' }, true)).toEqual({});
  });
  it('refuses an inherited id and an id held by a token', () => {
    expect(() => apiKeyPlan(snap([{ id: 'anthropic:default', source: 'inherited' }]), { provider: 'anthropic', profileId: 'anthropic:default' }, false)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(() => apiKeyPlan(snap([{ id: 'anthropic:default', type: 'token' }]), { provider: 'anthropic', profileId: 'anthropic:default' }, false)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
  });
});
