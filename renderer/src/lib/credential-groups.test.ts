import { describe, expect, it } from 'vitest';
import type { ProfileView } from '../../../shared/contract';
import { expiryScale, filterProfiles, groupByProvider, hasUsableCredential, modelLeftWithout, moveInOrder, showsExpiry, summarizeGroup, withoutCleared } from './credential-groups';

function profile(id: string, status: ProfileView['status'] = 'static'): ProfileView {
  const [provider, name] = id.split(':') as [string, string];
  return { id, provider, name, type: 'api_key', label: 'sk-...', status, source: 'store' };
}

describe('groupByProvider', () => {
  it('groups by provider and follows the explicit order first', () => {
    const groups = groupByProvider([profile('openai:a'), profile('anthropic:a'), profile('anthropic:b'), profile('anthropic:c')], {
      anthropic: ['anthropic:c', 'anthropic:a'],
    });
    expect(groups.map((g) => g.provider)).toEqual(['anthropic', 'openai']);
    expect(groups[0]!.profiles.map((p) => p.id)).toEqual(['anthropic:c', 'anthropic:a', 'anthropic:b']);
  });
});

describe('moveInOrder', () => {
  it('swaps with the neighbour', () => {
    expect(moveInOrder(['a', 'b', 'c'], 'b', -1)).toEqual(['b', 'a', 'c']);
    expect(moveInOrder(['a', 'b', 'c'], 'b', 1)).toEqual(['a', 'c', 'b']);
  });
  it('refuses to move past either end or an unknown id', () => {
    expect(moveInOrder(['a', 'b'], 'a', -1)).toBeNull();
    expect(moveInOrder(['a', 'b'], 'b', 1)).toBeNull();
    expect(moveInOrder(['a', 'b'], 'z', 1)).toBeNull();
  });
});

describe('hasUsableCredential', () => {
  it('is false without status or with only expired or missing credentials', () => {
    expect(hasUsableCredential(null)).toBe(false);
    expect(hasUsableCredential({ profiles: [profile('anthropic:a', 'expired'), profile('openai:a', 'missing')], envProviders: [] })).toBe(false);
  });
  it('is true with a usable profile or a key in .env', () => {
    expect(hasUsableCredential({ profiles: [profile('anthropic:a', 'expiring')], envProviders: [] })).toBe(true);
    expect(hasUsableCredential({ profiles: [], envProviders: ['anthropic'] })).toBe(true);
  });
});

describe('modelLeftWithout', () => {
  const base = { defaultModel: 'anthropic/claude-opus-4-6', defaultProvider: 'anthropic', envProviders: [] as string[] };
  it("names the default model when the profile is its provider's last usable credential", () => {
    const profiles = [profile('anthropic:work'), profile('anthropic:old', 'expired'), profile('anthropic:gone', 'missing'), profile('openai:x')];
    expect(modelLeftWithout({ ...base, profiles }, 'anthropic:work')).toBe('anthropic/claude-opus-4-6');
    expect(modelLeftWithout({ ...base, profiles: [profile('anthropic:cool', 'cooldown')] }, 'anthropic:cool')).toBe('anthropic/claude-opus-4-6');
  });
  it('says nothing when something else still serves the model, or the profile serves nothing', () => {
    const profiles = [profile('anthropic:work'), profile('anthropic:old', 'expired'), profile('openai:x')];
    expect(modelLeftWithout({ ...base, profiles }, 'anthropic:old'), 'already unusable').toBeNull();
    expect(modelLeftWithout({ ...base, profiles }, 'openai:x'), 'another provider').toBeNull();
    expect(modelLeftWithout({ ...base, profiles: [...profiles, profile('anthropic:spare', 'expiring')] }, 'anthropic:work')).toBeNull();
    expect(modelLeftWithout({ ...base, profiles: [...profiles, profile('anthropic:later', 'cooldown')] }, 'anthropic:work')).toBeNull();
    expect(modelLeftWithout({ ...base, profiles, envProviders: ['anthropic'] }, 'anthropic:work'), 'a key in .env').toBeNull();
    expect(modelLeftWithout({ ...base, profiles, configKeyProviders: ['anthropic'] }, 'anthropic:work'), 'a key in openclaw.json').toBeNull();
    expect(modelLeftWithout({ ...base, defaultModel: null, defaultProvider: null, profiles }, 'anthropic:work'), 'no default model').toBeNull();
    expect(modelLeftWithout({ ...base, profiles }, 'anthropic:unknown')).toBeNull();
  });
  it('counts a .env variable or config key the removal also clears as gone, and only those', () => {
    const profiles = [profile('anthropic:work')];
    const env = { ...base, profiles, envProviders: ['anthropic', 'openai'], configKeyProviders: ['anthropic'] };
    const cleared = withoutCleared(env, [{ kind: 'env', serves: 'anthropic' }, { kind: 'backup' }]);
    expect(cleared).toMatchObject({ envProviders: ['openai'], configKeyProviders: ['anthropic'] });
    expect(modelLeftWithout(cleared, 'anthropic:work'), 'the config key still serves it').toBeNull();
    expect(modelLeftWithout(withoutCleared(env, [{ kind: 'env', serves: 'anthropic' }, { kind: 'config', serves: 'anthropic' }]), 'anthropic:work')).toBe('anthropic/claude-opus-4-6');
    expect(withoutCleared(env, [])).toEqual(env);
  });
});

describe('expiry display', () => {
  it('shows a countdown only for credentials with an expiry', () => {
    expect(showsExpiry({ status: 'expiring', expiresAt: 1 })).toBe(true);
    expect(showsExpiry({ status: 'static' })).toBe(false);
    expect(showsExpiry({ status: 'cooldown', expiresAt: 1 })).toBe(false);
  });
  it('drains the bar evenly across the threshold periods', () => {
    const h = 3_600_000;
    const day = 24 * h;
    const thresholds = [7 * day, day, h];
    expect(expiryScale(60 * day, thresholds).value).toBe(1);
    expect(expiryScale(-5, thresholds).value).toBe(0);
    expect(expiryScale(h, thresholds)).toEqual({ value: 0.25, low: 0.25, high: 0.75 });
    expect(expiryScale(day, thresholds).value).toBeCloseTo(0.5);
    expect(expiryScale(7 * day, thresholds).value).toBeCloseTo(0.75);
    expect(expiryScale(12.5 * h, thresholds).value).toBeCloseTo(0.375);
    expect(expiryScale(18.5 * day, thresholds).value).toBeCloseTo(0.875);
  });
  it('keeps working with a single threshold or one beyond 30 days', () => {
    const day = 86_400_000;
    expect(expiryScale(15 * day, [30 * day]).value).toBeCloseTo(0.5);
    expect(expiryScale(45 * day, [60 * day])).toMatchObject({ value: 0.75, low: 1 });
  });
});

describe('summarizeGroup', () => {
  it('counts each state present, most urgent first, and names the most urgent', () => {
    const s = summarizeGroup([profile('a:1', 'ok'), profile('a:2', 'expired'), profile('a:3', 'ok'), profile('a:4', 'expiring'), profile('a:5', 'static')]);
    expect(s.worst).toBe('expired');
    expect(s.counts).toEqual([
      { status: 'expired', count: 1 },
      { status: 'expiring', count: 1 },
      { status: 'ok', count: 2 },
      { status: 'static', count: 1 },
    ]);
  });
  it('reads as "no expiry" for an empty group', () => {
    expect(summarizeGroup([])).toEqual({ worst: 'static', counts: [] });
  });
});

describe('filterProfiles', () => {
  const list = [
    { ...profile('anthropic:work'), email: 'me@example.com' },
    { ...profile('openai:team-0180'), label: 'sk-proj-...WXYZ' },
    profile('openrouter:home'),
  ];
  const names = (id: string) => ({ anthropic: 'Anthropic', openai: 'OpenAI', openrouter: 'OpenRouter' })[id] ?? id;
  it('keeps every credential for a blank query', () => {
    expect(filterProfiles(list, '  ', names)).toHaveLength(3);
  });
  it('matches id, provider name, masked label and e-mail, case-insensitively, every word', () => {
    expect(filterProfiles(list, 'TEAM-0180', names).map((p) => p.id)).toEqual(['openai:team-0180']);
    expect(filterProfiles(list, 'open', names).map((p) => p.id)).toEqual(['openai:team-0180', 'openrouter:home']);
    expect(filterProfiles(list, 'wxyz', names).map((p) => p.id)).toEqual(['openai:team-0180']);
    expect(filterProfiles(list, 'example anthropic', names).map((p) => p.id)).toEqual(['anthropic:work']);
    expect(filterProfiles(list, 'example openai', names)).toEqual([]);
  });
});

describe('groupByProvider at scale', () => {
  it('orders a provider of 2,000 credentials by its explicit order, the rest as listed', () => {
    const profiles = Array.from({ length: 2000 }, (_, i) => profile(`anthropic:p${i}`));
    const order = { anthropic: ['anthropic:p1999', 'anthropic:p5', 'anthropic:gone', 'anthropic:p5'] };
    const ids = groupByProvider(profiles, order)[0]!.profiles.map((p) => p.id);
    expect(ids.slice(0, 4)).toEqual(['anthropic:p1999', 'anthropic:p5', 'anthropic:p0', 'anthropic:p1']);
    expect(ids).toHaveLength(2000);
  });
});
