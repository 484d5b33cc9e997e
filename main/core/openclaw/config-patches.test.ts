import { describe, expect, it } from 'vitest';
import { cloudflareBaseUrl, removeProfileMeta, setCloudflareProvider, setDefaultModel, setProfileMeta } from './config-patches';

describe('config patches', () => {
  it('refuses to build a Cloudflare URL from unvalidated ids', () => {
    expect(() => cloudflareBaseUrl('../x', 'gw')).toThrow();
    expect(() => cloudflareBaseUrl('0123456789abcdef0123456789abcdef', 'a/../b')).toThrow();
    expect(cloudflareBaseUrl('0123456789abcdef0123456789abcdef', 'gw')).toBe('https://gateway.ai.cloudflare.com/v1/0123456789abcdef0123456789abcdef/gw/anthropic');
  });

  it('sets the default model keeping fallbacks, adds it to an existing allowlist, and respects onlyIfUnset', () => {
    const cfg: Record<string, unknown> = { agents: { defaults: { model: { primary: 'a/x', fallbacks: ['b/y'] }, models: { 'a/x': {} } } } };
    expect(setDefaultModel(cfg, 'c/z', { onlyIfUnset: true })).toBe(false);
    expect(setDefaultModel(cfg, 'c/z')).toBe(true);
    expect(cfg.agents).toEqual({ defaults: { model: { primary: 'c/z', fallbacks: ['b/y'] }, models: { 'a/x': {}, 'c/z': {} } } });
    const bare: Record<string, unknown> = {};
    setDefaultModel(bare, 'c/z', { onlyIfUnset: true });
    expect(bare).toEqual({ agents: { defaults: { model: { primary: 'c/z' } } } });
  });

  it('keeps the user\'s Cloudflare models, mode and other headers', () => {
    const cfg: Record<string, unknown> = {
      models: { mode: 'replace', providers: { 'cloudflare-ai-gateway': { models: [{ id: 'mine' }], headers: { 'x-other': '1', 'cf-aig-authorization': 'Bearer old' } } } },
    };
    setCloudflareProvider(cfg, { accountId: '0123456789abcdef0123456789abcdef', gatewayId: 'gw' });
    const models = cfg.models as { mode: string; providers: Record<string, { models: { id: string }[]; headers: unknown }> };
    expect(models.mode).toBe('replace');
    expect(models.providers['cloudflare-ai-gateway']!.models.map((m) => m.id)).toEqual(['mine', 'claude-sonnet-4-6']);
    expect(models.providers['cloudflare-ai-gateway']!.headers).toEqual({ 'x-other': '1' });
  });

  it('profile metadata keeps unknown keys and removal clears order mentions', () => {
    const cfg: Record<string, unknown> = { auth: { profiles: { 'a:b': { provider: 'a', mode: 'token', email: 'e' } }, order: { a: ['a:b', 'a:c'] } } };
    setProfileMeta(cfg, 'a:b', 'a', 'api_key');
    expect(cfg.auth).toMatchObject({ profiles: { 'a:b': { provider: 'a', mode: 'api_key', email: 'e' } } });
    removeProfileMeta(cfg, 'a:b');
    expect(cfg.auth).toEqual({ order: { a: ['a:c'] } });
  });

  it('removing the last profile of an order drops the order (OpenClaw reads [] as "use no profile")', () => {
    const cfg: Record<string, unknown> = { auth: { profiles: { 'a:b': { provider: 'a', mode: 'token' } }, order: { a: ['a:b'], c: ['c:d'] } } };
    removeProfileMeta(cfg, 'a:b');
    expect(cfg).toEqual({ auth: { order: { c: ['c:d'] } } });
    removeProfileMeta(cfg, 'c:d');
    expect(cfg).toEqual({});
  });
});
