import { describe, expect, it } from 'vitest';
import { buildCredentialInput, emptyValues, formRequestFor, formRequestForProvider } from './credential-input';

const now = new Date(2026, 10, 21, 12).getTime();
const token = `sk-ant-oat01-${'x'.repeat(80)}`;

describe('buildCredentialInput', () => {
  it('builds the Anthropic key input, trimmed, with writeEnv only when ticked', () => {
    const v = { ...emptyValues('main'), apiKey: ' sk-ant-api03-abcdefghijklmnopqrstuvwxyz0123456789ABCD ', writeEnv: true };
    expect(buildCredentialInput('anthropic-key', v, now)).toEqual({ ok: true, input: { apiKey: 'sk-ant-api03-abcdefghijklmnopqrstuvwxyz0123456789ABCD', agentId: 'main', writeEnv: true } });
    expect(buildCredentialInput('anthropic-key', { ...v, writeEnv: false }, now)).toEqual({ ok: true, input: { apiKey: 'sk-ant-api03-abcdefghijklmnopqrstuvwxyz0123456789ABCD', agentId: 'main' } });
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
    const v = { ...emptyValues('main'), accountId: '../../etc', gatewayId: 'my-gw', apiKey: 'sk-ant-api03-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' };
    const r = buildCredentialInput('cloudflare', v, now);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors)).toEqual(['accountId']);
  });
  it('checks the key shape as main does: an OpenAI key in the Anthropic form is refused, an unusual OpenAI key saved only when accepted', () => {
    const openaiInAnthropic = buildCredentialInput('anthropic-key', { ...emptyValues('main'), apiKey: `sk-proj-${'a'.repeat(60)}`, acceptUnusualKey: true }, now);
    expect(openaiInAnthropic).toEqual({ ok: false, errors: { apiKey: { key: 'validation.keyShape.anthropicPrefix' } } });
    const unusual = { ...emptyValues('main'), provider: 'openai', token: 'proj-0123456789', expiryPreset: 'none' as const };
    expect(buildCredentialInput('provider-token', unusual, now)).toEqual({ ok: false, errors: { token: { key: 'validation.keyShape.usualPrefix', params: { provider: 'openai', prefix: 'sk-' } } } });
    expect(buildCredentialInput('provider-token', { ...unusual, acceptUnusualKey: true }, now)).toEqual({
      ok: true,
      input: { provider: 'openai', token: 'proj-0123456789', agentId: 'main', acceptUnusualKey: true },
    });
    // An empty key gets its "paste it here" sentence, not a shape message.
    const empty = buildCredentialInput('anthropic-key', emptyValues('main'), now);
    expect(empty.ok ? null : empty.errors.apiKey?.key).toBe('validation.missing.anthropicKey');
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
