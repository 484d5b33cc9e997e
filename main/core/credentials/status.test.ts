import { describe, expect, it } from 'vitest';
import { computeAuthStatus, profileView, resolveAgentModel, WARN_AFTER_MS, type StatusInput } from './status';
import type { StoredProfile } from './profiles-file/store';

const NOW = Date.parse('2026-06-01T12:00:00Z');
const HOUR = 3_600_000;
const files = { authProfiles: '/s/a.json', authState: '/s/st.json', config: '/s/openclaw.json', env: '/s/.env' };
const KEY = 'sk-ant-api03-0123456789abcdefghijABCDEFGH';
const TOKEN = `sk-ant-oat01-${'t'.repeat(80)}ZZZZZZZZ`;

function input(profiles: Record<string, StoredProfile>, extra: Partial<StatusInput> = {}): StatusInput {
  return { agentId: 'main', agents: ['main'], profiles, state: {}, config: {}, env: {}, now: NOW, files, ...extra };
}
const view = (p: StoredProfile, extra: Partial<StatusInput> = {}) => profileView('anthropic:x', p, input({}, extra))!;

describe('profile status (OpenClaw models status semantics)', () => {
  it('api_key is static; token without expires is static; masked label never carries the secret', () => {
    expect(view({ type: 'api_key', provider: 'anthropic', key: KEY })).toMatchObject({ status: 'static', label: 'sk-ant-a...ABCDEFGH', source: 'store' });
    const t = view({ type: 'token', provider: 'anthropic', token: TOKEN });
    expect(t).toMatchObject({ status: 'static', label: 'sk-ant-o...ZZZZZZZZ' });
    expect(JSON.stringify(t)).not.toContain(TOKEN);
  });

  it('token expiry: ok beyond 24 h, expiring within (inclusive), expired at or before now', () => {
    const at = (ms: number) => view({ type: 'token', provider: 'anthropic', token: TOKEN, expires: NOW + ms });
    expect(at(WARN_AFTER_MS + 1)).toMatchObject({ status: 'ok', expiresAt: NOW + WARN_AFTER_MS + 1, remainingMs: WARN_AFTER_MS + 1 });
    expect(at(WARN_AFTER_MS).status).toBe('expiring');
    expect(at(HOUR)).toMatchObject({ status: 'expiring', remainingMs: HOUR });
    expect(at(1).status).toBe('expiring');
    expect(at(0).status).toBe('expired');
    expect(at(-HOUR)).toMatchObject({ status: 'expired', expiresAt: NOW - HOUR });
    expect(at(-HOUR).remainingMs).toBeUndefined();
  });

  it('missing secrets and invalid expiries are missing; env refs resolve from the environment', () => {
    expect(view({ type: 'token', provider: 'anthropic' }).status).toBe('missing');
    expect(view({ type: 'api_key', provider: 'anthropic', key: '  ' }).status).toBe('missing');
    for (const expires of ['2026-07-01', -5, 0, Number.NaN, null]) {
      expect(view({ type: 'token', provider: 'anthropic', token: TOKEN, expires }).status).toBe('missing');
    }
    const ref = { type: 'api_key', provider: 'anthropic', keyRef: { source: 'env', provider: 'default', id: 'ANTHROPIC_API_KEY' } };
    expect(view(ref)).toMatchObject({ status: 'missing', source: 'ref', label: 'env:ANTHROPIC_API_KEY' });
    expect(view(ref, { env: { ANTHROPIC_API_KEY: 'x' } }).status).toBe('static');
  });

  it('oauth uses the same 24 h window and is missing without an expiry', () => {
    expect(view({ type: 'oauth', provider: 'anthropic', access: 'a'.repeat(30), refresh: 'r', expires: NOW + 2 * HOUR }).status).toBe('expiring');
    expect(view({ type: 'oauth', provider: 'anthropic', access: 'a'.repeat(30), refresh: 'r' }).status).toBe('missing');
  });

  it('cooldown and disabled come from usage stats while they last; disabled wins', () => {
    const p = { type: 'api_key', provider: 'anthropic', key: KEY };
    const stats = (s: Record<string, unknown>) => ({ state: { usageStats: { 'anthropic:x': s } } });
    expect(view(p, stats({ cooldownUntil: NOW + 1000, cooldownReason: 'rate_limit' }))).toMatchObject({ status: 'cooldown', until: NOW + 1000, reason: 'rate_limit' });
    expect(view(p, stats({ cooldownUntil: NOW - 1 })).status).toBe('static');
    expect(view(p, stats({ cooldownUntil: NOW + 1000, disabledUntil: NOW + 5000, disabledReason: 'billing' }))).toMatchObject({
      status: 'disabled',
      until: NOW + 5000,
      reason: 'billing',
    });
    const expired = { type: 'token', provider: 'anthropic', token: TOKEN, expires: NOW - 1 };
    expect(view(expired, stats({ cooldownUntil: NOW + 1000 })).status).toBe('expired');
  });

  it('ignores profiles of a type it does not know', () => {
    expect(profileView('x:y', { type: 'future' }, input({}))).toBeNull();
  });
});

describe('computeAuthStatus', () => {
  const config = {
    agents: { defaults: { model: { primary: 'anthropic/claude-opus-4-8', fallbacks: ['openrouter/some-model'] } }, list: [{ id: 'work', model: 'cloudflare-ai-gateway/claude-sonnet-4-6' }] },
    auth: { order: { anthropic: ['anthropic:b', 'anthropic:a'], openai: ['openai:x'] } },
    models: { providers: { 'cloudflare-ai-gateway': { models: [{ id: 'claude-sonnet-4-6', name: 'Claude Sonnet 4.6' }] } } },
  };

  it('sorts profiles, resolves the default model and says whether its provider is usable', () => {
    const s = computeAuthStatus(
      input(
        {
          'anthropic:b': { type: 'token', provider: 'anthropic', token: TOKEN, expires: NOW - 1 },
          'anthropic:a': { type: 'api_key', provider: 'anthropic', key: KEY },
          'cloudflare-ai-gateway:default': { type: 'api_key', provider: 'cloudflare-ai-gateway', key: KEY, metadata: { accountId: 'a', gatewayId: 'g' } },
        },
        { config, state: { order: { anthropic: ['anthropic:a'] } } },
      ),
    );
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
    const s = computeAuthStatus(input({}, { agentId: 'work', config }));
    expect(s).toMatchObject({ defaultModel: 'cloudflare-ai-gateway/claude-sonnet-4-6', defaultModelUsable: false, missingProvidersInUse: ['cloudflare-ai-gateway'] });
  });

  it('an env key makes a provider usable (process env or .env, merged by the caller)', () => {
    const s = computeAuthStatus(input({}, { config, env: { ANTHROPIC_API_KEY: 'k', OPENCLAW_LIVE_OPENROUTER_KEYS: 'a,b', CLOUDFLARE_AI_GATEWAY_API_KEY: 'c', HOME: '/h' } }));
    expect(s.envProviders).toEqual(['anthropic', 'cloudflare-ai-gateway', 'openrouter']);
    expect(s).toMatchObject({ defaultModelUsable: true, missingProvidersInUse: [] });
  });

  it('with no default model nothing is usable and the problem is passed through', () => {
    const problem = { code: 'CORRUPT_FILE' as const, message: 'broken' };
    const s = computeAuthStatus(input({}, { problem }));
    expect(s).toMatchObject({ defaultModel: null, defaultProvider: null, defaultModelUsable: false, problem });
  });

  it('reads a string default model and agents.entries models', () => {
    expect(resolveAgentModel({ agents: { defaults: { model: 'a/b' } } }, 'main')).toEqual({ primary: 'a/b', fallbacks: [] });
    expect(resolveAgentModel({ agents: { entries: { main: { model: { primary: 'c/d' } } } } }, 'main').primary).toBe('c/d');
  });
});
