import { describe, expect, it } from 'vitest';
import { expiryStatus, nextStatusChange, statusAt, WARN_AFTER_MS } from './profile-status';

const NOW = 1_800_000_000_000;

describe('expiryStatus', () => {
  it('is expiring within 24 h, expired at the expiry itself, missing without a usable expiry', () => {
    expect(expiryStatus(NOW + WARN_AFTER_MS + 1, NOW)).toEqual({ status: 'ok', expiresAt: NOW + WARN_AFTER_MS + 1, remainingMs: WARN_AFTER_MS + 1 });
    expect(expiryStatus(NOW + WARN_AFTER_MS, NOW).status).toBe('expiring');
    expect(expiryStatus(NOW + 1, NOW).status).toBe('expiring');
    expect(expiryStatus(NOW, NOW)).toEqual({ status: 'expired', expiresAt: NOW });
    for (const bad of [undefined, 0, -5, Number.NaN, Infinity, '1800000000000']) expect(expiryStatus(bad, NOW).status).toBe('missing');
  });
});

describe('statusAt', () => {
  it('moves an expiry state on with the time left, never back before it', () => {
    const p = { status: 'ok' as const, expiresAt: NOW + 2 * WARN_AFTER_MS };
    expect(statusAt(p, NOW)).toBe('ok');
    expect(statusAt(p, NOW + WARN_AFTER_MS)).toBe('expiring');
    expect(statusAt(p, NOW + 2 * WARN_AFTER_MS)).toBe('expired');
    expect(statusAt({ status: 'expired', expiresAt: NOW + 10 }, NOW + 10)).toBe('expired');
  });

  it('ends a cooldown or a disabled state at its end, leaving the expiry state or static', () => {
    expect(statusAt({ status: 'cooldown', until: NOW + 1000 }, NOW + 999)).toBe('cooldown');
    expect(statusAt({ status: 'cooldown', until: NOW + 1000 }, NOW + 1000)).toBe('static');
    expect(statusAt({ status: 'disabled', until: NOW + 1000, expiresAt: NOW + 5000 }, NOW + 2000)).toBe('expiring');
    expect(statusAt({ status: 'disabled', until: NOW + 1000, expiresAt: NOW + 500 }, NOW + 2000)).toBe('expired');
  });

  it('leaves states that do not depend on the time alone', () => {
    for (const status of ['static', 'missing'] as const) expect(statusAt({ status, expiresAt: NOW }, NOW + WARN_AFTER_MS)).toBe(status);
    expect(statusAt({ status: 'expiring' }, NOW)).toBe('expiring');
  });
});

describe('nextStatusChange', () => {
  it('is the warning moment, then the expiry, then never', () => {
    const p = { status: 'ok' as const, expiresAt: NOW + 3 * WARN_AFTER_MS };
    expect(nextStatusChange(p, NOW)).toBe(NOW + 2 * WARN_AFTER_MS);
    expect(nextStatusChange(p, NOW + 2 * WARN_AFTER_MS)).toBe(NOW + 3 * WARN_AFTER_MS);
    expect(nextStatusChange(p, NOW + 3 * WARN_AFTER_MS)).toBeNull();
    expect(nextStatusChange({ status: 'static' }, NOW)).toBeNull();
  });

  it('skips a moment that changes nothing: a cooldown ending after the expiry goes straight to expired', () => {
    const p = { status: 'cooldown' as const, until: NOW + 5000, expiresAt: NOW + 1000 };
    expect(nextStatusChange(p, NOW)).toBe(NOW + 5000);
    expect(statusAt(p, NOW + 5000)).toBe('expired');
  });

  it('agrees with statusAt at every moment it names, for random profiles', () => {
    for (let i = 0; i < 500; i++) {
      const rnd = () => NOW + Math.round((Math.random() - 0.3) * 3 * WARN_AFTER_MS);
      const statuses = ['ok', 'expiring', 'expired', 'cooldown', 'disabled', 'static'] as const;
      const p = { status: statuses[i % statuses.length]!, expiresAt: i % 3 ? rnd() : undefined, until: i % 2 ? rnd() : undefined };
      let t = NOW;
      for (let step = 0; step < 4; step++) {
        const next = nextStatusChange(p, t);
        if (next === null) break;
        expect(next).toBeGreaterThan(t);
        expect(statusAt(p, next)).not.toBe(statusAt(p, t));
        expect(statusAt(p, next - 1)).toBe(statusAt(p, t));
        t = next;
      }
    }
  });
});
