import { describe, expect, it } from 'vitest';
import { buildCredentialInput, emptyValues, formRequestFor, formRequestForProvider } from './credential-input';

const now = new Date(2026, 10, 21, 12).getTime();
const token = `sk-ant-oat01-${'x'.repeat(80)}`;

describe('buildCredentialInput', () => {
  it('builds the Anthropic key input, trimmed, with writeEnv only when ticked', () => {
    const v = { ...emptyValues('main'), apiKey: ' sk-ant-api03-abc ', writeEnv: true };
    expect(buildCredentialInput('anthropic-key', v, now)).toEqual({ ok: true, input: { apiKey: 'sk-ant-api03-abc', agentId: 'main', writeEnv: true } });
    expect(buildCredentialInput('anthropic-key', { ...v, writeEnv: false }, now)).toEqual({ ok: true, input: { apiKey: 'sk-ant-api03-abc', agentId: 'main' } });
  });
  it('adds the expiry of the chosen preset to a setup-token', () => {
    const r = buildCredentialInput('setup-token', { ...emptyValues('main'), token, expiryPreset: '30d' }, now);
    expect(r).toEqual({ ok: true, input: { token, agentId: 'main', expiresAt: now + 30 * 86_400_000 } });
    const none = buildCredentialInput('setup-token', { ...emptyValues('main'), token, expiryPreset: 'none' }, now);
    expect(none).toEqual({ ok: true, input: { token, agentId: 'main' } });
  });
  it('reports the schema error and the expiry error together', () => {
    const r = buildCredentialInput('setup-token', { ...emptyValues('main'), token: 'sk-ant-oat01-short', expiryPreset: 'custom', expiryCustom: '' }, now);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.token).toEqual({ key: 'validation.setupTokenLength' });
    expect(r.errors.expiresAt).toEqual({ key: 'expiry.customRequired' });
  });
  it('refuses a malformed Cloudflare account id and never builds a URL from it', () => {
    const v = { ...emptyValues('main'), accountId: '../../etc', gatewayId: 'my-gw', apiKey: 'sk-ant-api03-x' };
    const r = buildCredentialInput('cloudflare', v, now);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors)).toEqual(['accountId']);
  });
  it('defaults setup-tokens to a year and other tokens to no expiry', () => {
    expect(emptyValues('main').expiryPreset).toBe('1y');
    expect(emptyValues('main', 'provider-token').expiryPreset).toBe('none');
  });
  it('sends the provider of a generic token', () => {
    const v = { ...emptyValues('main'), provider: 'openrouter', token: 'sk-or-v1-abc', profileName: 'work', expiryPreset: 'none' as const };
    expect(buildCredentialInput('provider-token', v, now)).toEqual({
      ok: true,
      input: { provider: 'openrouter', token: 'sk-or-v1-abc', profileName: 'work', agentId: 'main' },
    });
  });
});

describe('formRequestFor', () => {
  it('renews a setup-token with its name and agent', () => {
    expect(formRequestFor({ id: 'anthropic:work', provider: 'anthropic', name: 'work', type: 'token' }, 'ops')).toEqual({
      kind: 'setup-token',
      profileId: 'anthropic:work',
      prefill: { agentId: 'ops', profileName: 'work' },
    });
  });
  it('replaces an Anthropic key with the key form', () => {
    expect(formRequestFor({ id: 'anthropic:default', provider: 'anthropic', name: 'default', type: 'api_key' }, 'main').kind).toBe('anthropic-key');
  });
  it('prefills the Cloudflare ids from the profile metadata', () => {
    const r = formRequestFor(
      { id: 'cloudflare-ai-gateway:default', provider: 'cloudflare-ai-gateway', name: 'default', type: 'api_key', metadata: { accountId: 'a'.repeat(32), gatewayId: 'gw' } },
      'main',
    );
    expect(r).toMatchObject({ kind: 'cloudflare', prefill: { accountId: 'a'.repeat(32), gatewayId: 'gw' } });
  });
  it('opens the generic form for other providers', () => {
    expect(formRequestFor({ id: 'openrouter:manual', provider: 'openrouter', name: 'manual', type: 'token' }, 'main')).toMatchObject({
      kind: 'provider-token',
      prefill: { provider: 'openrouter', profileName: 'manual' },
    });
    expect(formRequestForProvider('openai', 'main')).toEqual({ kind: 'provider-token', prefill: { agentId: 'main', provider: 'openai' } });
  });
});
