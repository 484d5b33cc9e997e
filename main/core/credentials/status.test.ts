import JSON5 from 'json5';
import { describe, expect, it } from 'vitest';
import { computeAuthStatus, profileView, resolveAgentModel, WARN_AFTER_MS, type StatusInput } from './status';
import type { CredentialRecord } from './backend';

const NOW = Date.parse('2026-06-01T12:00:00Z');
const files = { authProfiles: '/s/a.json', authState: '/s/st.json', config: '/s/openclaw.json', env: '/s/.env' };
const MASKED = 'sk-ant-a...ABCDEFGH';

function input(profiles: CredentialRecord[], extra: Partial<StatusInput> = {}): StatusInput {
  return { agentId: 'main', agents: ['main'], credentials: { profiles, order: {} }, config: {}, env: {}, now: NOW, files, ...extra };
}
/** A record as a backend reports it; `id` gives the provider. */
function record(id: string, fields: Partial<CredentialRecord> = {}): CredentialRecord {
  return { id, provider: id.split(':')[0]!, type: 'api_key', secret: { kind: 'inline', masked: MASKED }, source: 'own', ...fields };
}
const view = (r: CredentialRecord, extra: Partial<StatusInput> = {}) => profileView(r, { env: extra.env ?? {}, now: NOW })!;

describe('profile status from a backend\'s record', () => {
  it('uses the masked label and never needs a secret; inherited and config-declared credentials count like own ones', () => {
    for (const source of ['own', 'inherited', 'config'] as const) {
      expect(view(record('anthropic:x', { source }))).toMatchObject({ status: 'static', label: MASKED, source: 'store', name: 'x' });
    }
    expect(view(record('anthropic:x', { type: 'token', secret: { kind: 'inline', masked: '' } })).status).toBe('static');
  });

  it('expiry decides ok / expiring / expired with the 24 h window; an invalid expiry is missing', () => {
    const token = (expires: CredentialRecord['expires']) => view(record('anthropic:t', { type: 'token', expires }));
    expect(token(NOW + WARN_AFTER_MS + 1).status).toBe('ok');
    expect(token(NOW + WARN_AFTER_MS).status).toBe('expiring');
    expect(token(NOW)).toMatchObject({ status: 'expired', expiresAt: NOW });
    expect(token('invalid').status).toBe('missing');
    expect(view(record('anthropic:o', { type: 'oauth' })).status).toBe('missing');
  });

  it('references resolve through the environment it is given; a malformed reference is missing with no label', () => {
    const ref = record('anthropic:r', { secret: { kind: 'ref', source: 'env', id: 'MY_KEY' } });
    expect(view(ref)).toMatchObject({ status: 'missing', source: 'ref', label: 'env:MY_KEY' });
    expect(view(ref, { env: { MY_KEY: 'v' } }).status).toBe('static');
    expect(view(record('anthropic:r', { secret: { kind: 'ref', source: 'exec', id: 'pass show k' } })).status).toBe('static');
    expect(view(record('anthropic:r', { secret: { kind: 'ref' } }))).toMatchObject({ status: 'missing', source: 'ref', label: '' });
    expect(view(record('anthropic:n', { secret: { kind: 'none' } }))).toMatchObject({ status: 'missing', source: 'store' });
  });

  it('usage state: disabled wins over cooldown while it lasts; never hides an expired token', () => {
    expect(view(record('a:b', { usage: { cooldownUntil: NOW + 5, disabledUntil: NOW + 9, disabledReason: 'billing' } }))).toMatchObject({ status: 'disabled', until: NOW + 9, reason: 'billing' });
    expect(view(record('a:b', { usage: { cooldownUntil: NOW + 5 } }))).toMatchObject({ status: 'cooldown', until: NOW + 5 });
    expect(view(record('a:b', { type: 'token', expires: NOW - 1, usage: { cooldownUntil: NOW + 5 } })).status).toBe('expired');
  });

  it('does not show types it does not know, nor unreadable entries', () => {
    expect(profileView(record('x:y', { type: 'future' }), { env: {}, now: NOW })).toBeNull();
    expect(profileView(record('x:y', { type: 'unreadable' }), { env: {}, now: NOW })).toBeNull();
  });
});

describe('computeAuthStatus', () => {
  const config = {
    agents: { defaults: { model: { primary: 'anthropic/claude-opus-4-8', fallbacks: ['openrouter/some-model'] } }, list: [{ id: 'work', model: 'cloudflare-ai-gateway/claude-sonnet-4-6' }] },
    auth: { order: { anthropic: ['anthropic:b', 'anthropic:a'], openai: ['openai:x'] } },
    models: { providers: { 'cloudflare-ai-gateway': { models: [{ id: 'claude-sonnet-4-6', name: 'Claude Sonnet 4.6' }] } } },
  };

  it('sorts profiles, resolves the default model and says whether its provider is usable', () => {
    const s = computeAuthStatus({
      ...input([], { config }),
      credentials: {
        profiles: [
          record('anthropic:b', { type: 'token', expires: NOW - 1 }),
          record('anthropic:a'),
          record('cloudflare-ai-gateway:default', { metadata: { accountId: 'a', gatewayId: 'g' } }),
        ],
        order: { anthropic: ['anthropic:a'] },
      },
    });
    expect(s.profiles.map((p) => p.id)).toEqual(['anthropic:a', 'anthropic:b', 'cloudflare-ai-gateway:default']);
    expect(s.profiles[2]!.metadata).toEqual({ accountId: 'a', gatewayId: 'g' });
    expect(s).toMatchObject({ defaultModel: 'anthropic/claude-opus-4-8', defaultProvider: 'anthropic', defaultModelUsable: true, missingProvidersInUse: ['openrouter'] });
    expect(s.order).toEqual({ anthropic: ['anthropic:a'], openai: ['openai:x'] });
    expect(s.models).toEqual([
      { ref: 'cloudflare-ai-gateway/claude-sonnet-4-6', provider: 'cloudflare-ai-gateway', name: 'Claude Sonnet 4.6' },
      { ref: 'anthropic/claude-opus-4-8', provider: 'anthropic' },
    ]);
    expect(s.computedAt).toBe(NOW);
  });

  it('an agent with its own model, no credential for it: not usable, listed as missing', () => {
    const s = computeAuthStatus(input([], { agentId: 'work', config }));
    expect(s).toMatchObject({ defaultModel: 'cloudflare-ai-gateway/claude-sonnet-4-6', defaultModelUsable: false, missingProvidersInUse: ['cloudflare-ai-gateway'] });
  });

  it('an env key makes a provider usable (process env or .env, merged by the caller)', () => {
    const s = computeAuthStatus(input([], { config, env: { ANTHROPIC_API_KEY: 'k', OPENCLAW_LIVE_OPENROUTER_KEYS: 'a,b', CLOUDFLARE_AI_GATEWAY_API_KEY: 'c', HOME: '/h' } }));
    expect(s.envProviders).toEqual(['anthropic', 'cloudflare-ai-gateway', 'openrouter']);
    expect(s).toMatchObject({ defaultModelUsable: true, missingProvidersInUse: [] });
  });

  it("a provider's own key in openclaw.json makes it usable without a profile, and is listed", () => {
    const withKey = { ...config, models: { providers: { anthropic: { apiKey: 'sk-ant-config' }, openai: { apiKey: ' ' }, openrouter: { baseUrl: 'x' } } } };
    const s = computeAuthStatus(input([], { config: withKey }));
    expect(s.configKeyProviders).toEqual(['anthropic']);
    expect(s).toMatchObject({ defaultModelUsable: true });
    expect(computeAuthStatus(input([], { config })).configKeyProviders).toEqual([]);
  });

  it('with no default model nothing is usable and the problem is passed through', () => {
    const problem = { code: 'CORRUPT_FILE' as const, key: 'errors.file.corrupt', message: 'broken' };
    const s = computeAuthStatus(input([], { problem }));
    expect(s).toMatchObject({ defaultModel: null, defaultProvider: null, defaultModelUsable: false, problem });
  });

  it('reads a string default model and agents.entries models', () => {
    expect(resolveAgentModel({ agents: { defaults: { model: 'a/b' } } }, 'main')).toEqual({ primary: 'a/b', fallbacks: [] });
    expect(resolveAgentModel({ agents: { entries: { main: { model: { primary: 'c/d' } } } } }, 'main').primary).toBe('c/d');
  });

  it('own keys only: a config with __proto__ / constructor keys neither changes a prototype nor invents a model or order', () => {
    const config = JSON5.parse('{ auth: { order: { "__proto__": ["anthropic:a"], anthropic: ["anthropic:a"] } }, agents: { defaults: {} } }') as Record<string, unknown>;
    const s = computeAuthStatus(input([record('anthropic:a')], { config, agentId: 'constructor', credentials: { profiles: [], order: JSON.parse('{"__proto__":["x:y"]}') } }));
    expect(Object.getPrototypeOf(s.order)).toBe(Object.prototype);
    expect(Object.keys(s.order).sort()).toEqual(['__proto__', 'anthropic']);
    expect(s.order.anthropic).toEqual(['anthropic:a']);
    expect(s.defaultModel).toBeNull();
    expect(resolveAgentModel({ agents: {} }, 'toString')).toEqual({ primary: null, fallbacks: [] });
  });
});
