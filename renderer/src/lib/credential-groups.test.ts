import { describe, expect, it } from 'vitest';
import type { ProfileView } from '../../../shared/contract';
import { expiryFraction, groupByProvider, hasUsableCredential, moveInOrder, showsExpiry } from './credential-groups';

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

describe('expiry display', () => {
  it('shows a countdown only for credentials with an expiry', () => {
    expect(showsExpiry({ status: 'expiring', expiresAt: 1 })).toBe(true);
    expect(showsExpiry({ status: 'static' })).toBe(false);
    expect(showsExpiry({ status: 'cooldown', expiresAt: 1 })).toBe(false);
  });
  it('drains the bar over 30 days or the largest threshold', () => {
    const day = 86_400_000;
    expect(expiryFraction(60 * day, [7 * day])).toBe(1);
    expect(expiryFraction(15 * day, [7 * day])).toBeCloseTo(0.5);
    expect(expiryFraction(30 * day, [60 * day])).toBeCloseTo(0.5);
    expect(expiryFraction(-5, [day])).toBe(0);
  });
});
