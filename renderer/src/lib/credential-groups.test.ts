import { describe, expect, it } from 'vitest';
import type { ProfileView } from '../../../shared/contract';
import { expiryScale, groupByProvider, hasUsableCredential, moveInOrder, showsExpiry } from './credential-groups';

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
