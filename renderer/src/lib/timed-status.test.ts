import { describe, expect, it } from 'vitest';
import type { AuthStatus, ProfileView } from '../../../shared/contract';
import { manualClock } from '../testing/manual-clock';
import { alertKindAt } from '../status/use-alert-text';
import { authAt, nextChange, tickNear, watchMoment } from './timed-status';

const NOW = 1_800_000_000_000;
const HOUR = 3_600_000;

const profile = (id: string, extra: Partial<ProfileView>): ProfileView => ({ id, provider: 'anthropic', name: id, type: 'token', label: 'sk-a…', status: 'ok', source: 'store', ...extra });

function status(profiles: ProfileView[]): AuthStatus {
  return {
    agentId: 'main',
    agents: ['main'],
    profiles,
    order: {},
    defaultModel: null,
    defaultProvider: null,
    defaultModelUsable: false,
    missingProvidersInUse: [],
    envProviders: [],
    models: [],
    files: { authProfiles: '', authState: '', config: '', env: '' },
    computedAt: NOW,
  };
}

describe('authAt', () => {
  it('turns an expiring token expired at its expiry and keeps everything else as it was', () => {
    const soon = profile('anthropic:soon', { status: 'expiring', expiresAt: NOW + 5000 });
    const key = profile('anthropic:key', { type: 'api_key', status: 'static' });
    const s = status([soon, key]);
    expect(authAt(s, NOW + 4999)).toBe(s);
    const later = authAt(s, NOW + 5000);
    expect(later.profiles[0]).toMatchObject({ id: 'anthropic:soon', status: 'expired', expiresAt: NOW + 5000 });
    expect(later.profiles[1]).toBe(key);
    expect(s.profiles[0]!.status).toBe('expiring');
  });

  it('never goes back before the moment main computed the status', () => {
    const s = { ...status([profile('a:x', { status: 'expired', expiresAt: NOW - 10 })]), computedAt: NOW };
    expect(authAt(s, NOW - HOUR)).toBe(s);
  });

  it('drops the end and reason of a cooldown that is over', () => {
    const s = status([profile('a:x', { type: 'api_key', status: 'cooldown', until: NOW + 10, reason: 'rate_limit' })]);
    const p = authAt(s, NOW + 10).profiles[0]!;
    expect(p.status).toBe('static');
    expect(p).not.toHaveProperty('until');
    expect(p).not.toHaveProperty('reason');
  });
});

describe('nextChange', () => {
  it('is the earliest change of any profile', () => {
    const s = status([profile('a', { status: 'ok', expiresAt: NOW + 30 * HOUR }), profile('b', { status: 'expiring', expiresAt: NOW + 2 * HOUR }), profile('c', { status: 'static' })]);
    expect(nextChange(s.profiles, NOW)).toBe(NOW + 2 * HOUR);
    expect(nextChange([profile('c', { status: 'static' })], NOW)).toBeNull();
  });
});

describe('watchMoment', () => {
  it('ticks slowly while the moment is far, every second in the last minute, and fires within a second of it', () => {
    const { clock, advance, intervals } = manualClock(NOW);
    const at = NOW + 10 * 60_000 + 300;
    const fired: number[] = [];
    watchMoment(clock, at, (t) => fired.push(t));
    expect(intervals()).toEqual([30_000]);
    advance(9 * 60_000);
    expect(intervals(), '60.3 s before: still slow').toEqual([30_000]);
    advance(30_000);
    expect(intervals()).toEqual([1000]);
    advance(30_000);
    expect(fired).toEqual([]);
    advance(1000);
    expect(fired).toHaveLength(1);
    expect(fired[0]! - at).toBeGreaterThanOrEqual(0);
    expect(fired[0]! - at).toBeLessThan(1000);
    expect(clock.timers()).toBe(0);
  });

  it('fires at once for a moment already past, and not at all once stopped', () => {
    const { clock, advance } = manualClock(NOW);
    const fired: number[] = [];
    watchMoment(clock, NOW - 1, (t) => fired.push(t));
    expect(fired).toEqual([NOW]);
    const stop = watchMoment(clock, NOW + 5000, (t) => fired.push(t));
    stop();
    advance(10_000);
    expect(fired).toEqual([NOW]);
    expect(clock.timers()).toBe(0);
  });
});

describe('tickNear', () => {
  it('ticks every second within a minute of a moment, either side, else every 30 s', () => {
    const tick = tickNear([undefined, NOW + 10 * 60_000]);
    expect(tick(NOW)).toBe(30_000);
    expect(tick(NOW + 9 * 60_000)).toBe(1000);
    expect(tick(NOW + 11 * 60_000)).toBe(1000);
    expect(tick(NOW + 11 * 60_000 + 1)).toBe(30_000);
  });
});

describe('alertKindAt', () => {
  it('reads a warning whose expiry has passed as expired, and leaves the others', () => {
    expect(alertKindAt({ kind: 'threshold', expiresAt: NOW }, NOW - 1)).toBe('threshold');
    expect(alertKindAt({ kind: 'threshold', expiresAt: NOW }, NOW)).toBe('expired');
    expect(alertKindAt({ kind: 'cooldown', expiresAt: NOW }, NOW + 1)).toBe('cooldown');
  });
});
