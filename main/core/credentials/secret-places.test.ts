import { describe, expect, it } from 'vitest';
import { maskSecret } from '../../../shared/masking';
import { directPlaces, matchesLabel, removedValues, type PlaceSources } from './secret-places';

const KEY = `sk-ant-api03-${'Q'.repeat(40)}-tail9876`;
const TOKEN = `cf-${'T'.repeat(30)}`;

const sources = (over: Partial<PlaceSources> = {}): PlaceSources => ({
  provider: 'anthropic',
  secret: KEY,
  storeFile: '/s/agents/main/agent/auth-profiles.json',
  env: {},
  envPath: '/s/.env',
  config: {},
  configPath: '/s/openclaw.json',
  providerInUseElsewhere: false,
  ...over,
});
const summary = (s: PlaceSources) => directPlaces(s).map((p) => [p.view.id, p.view.likely ?? false]);

describe('secret places', () => {
  it('finds the value in .env under any name, also as a Bearer header anywhere in the config; never a different value', () => {
    const s = sources({
      env: { ANTHROPIC_API_KEY: KEY, OTHER: KEY, ANTHROPIC_OTHER_KEY: `${KEY}x`, UNRELATED: 'x' },
      config: { tools: { web: { search: { apiKey: KEY } } }, hooks: { headers: { authorization: `Bearer ${KEY}` } }, x: { apiKey: 'other-secret-123456789' } },
    });
    expect(summary(s)).toEqual([
      ['store', false],
      ['env:ANTHROPIC_API_KEY', false],
      ['env:OTHER', false],
      ['config:["tools","web","search","apiKey"]', false],
      ['config:["hooks","headers","authorization"]', false],
    ]);
    expect(removedValues(directPlaces(s))).toEqual([KEY, `Bearer ${KEY}`]);
    expect(directPlaces(s).map((p) => p.view.serves ?? null)).toEqual([null, 'anthropic', null, null, null]);
    expect(JSON.stringify(directPlaces(s).map((p) => p.view))).not.toContain(KEY);
  });

  it("takes the provider's own config secrets (apiKey, auth header), unless another agent still uses that provider", () => {
    const config = { models: { providers: { 'cloudflare-ai-gateway': { baseUrl: 'https://x', apiKey: 'cf-key-0123456789', headers: { 'cf-aig-authorization': `Bearer ${TOKEN}`, 'x-mode': 'plain' } } } } };
    const cf = sources({ provider: 'cloudflare-ai-gateway', secret: 'sk-other', config });
    expect(directPlaces(cf).map((p) => p.view.name ?? p.view.kind)).toEqual([
      'store',
      'models.providers.cloudflare-ai-gateway.apiKey',
      'models.providers.cloudflare-ai-gateway.headers.cf-aig-authorization',
    ]);
    expect(removedValues(directPlaces(cf))).toContain(TOKEN);
    expect(directPlaces(cf).map((p) => p.view.serves ?? null)).toEqual([null, 'cloudflare-ai-gateway', null]);
    expect(directPlaces({ ...cf, providerInUseElsewhere: true }).map((p) => p.view.kind)).toEqual(['store']);
  });

  it('without the secret (a backend that never gives it back) a provider variable with the same visible ends is a likely place', () => {
    const label = maskSecret(KEY);
    expect(matchesLabel(KEY, label)).toBe(true);
    expect(matchesLabel(`x${KEY}`, label)).toBe(false);
    expect(matchesLabel(KEY, '22 characters')).toBe(false);
    const s = sources({ secret: undefined, label, env: { ANTHROPIC_API_KEY: KEY, OPENAI_API_KEY: KEY, ANTHROPIC_OAUTH_TOKEN: 'short' } });
    expect(summary(s)).toEqual([
      ['store', false],
      ['env:ANTHROPIC_API_KEY', true],
    ]);
  });
});
