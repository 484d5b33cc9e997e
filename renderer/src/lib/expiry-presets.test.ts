import { describe, expect, it } from 'vitest';
import { expiresAtFor, parseLocalDateTime, toLocalDateTimeValue } from './expiry-presets';

const DAY = 86_400_000;
const now = new Date(2026, 10, 21, 12, 0, 0).getTime();

describe('expiresAtFor', () => {
  it('adds the preset length to now', () => {
    expect(expiresAtFor('30d', now)).toEqual({ ok: true, expiresAt: now + 30 * DAY });
    expect(expiresAtFor('90d', now)).toEqual({ ok: true, expiresAt: now + 90 * DAY });
    expect(expiresAtFor('1y', now)).toEqual({ ok: true, expiresAt: now + 365 * DAY });
  });
  it('records nothing for "no expiry"', () => {
    expect(expiresAtFor('none', now)).toEqual({ ok: true, expiresAt: undefined });
  });
  it('reads a custom local date in the future', () => {
    expect(expiresAtFor('custom', now, '2026-11-21T22:00')).toEqual({ ok: true, expiresAt: new Date(2026, 10, 21, 22, 0).getTime() });
  });
  it('refuses an empty, malformed or past custom date', () => {
    expect(expiresAtFor('custom', now, '')).toEqual({ ok: false, errorKey: 'expiry.customRequired' });
    expect(expiresAtFor('custom', now, 'tomorrow')).toEqual({ ok: false, errorKey: 'expiry.customRequired' });
    expect(expiresAtFor('custom', now, '2026-11-21T11:59')).toEqual({ ok: false, errorKey: 'expiry.customPast' });
    expect(expiresAtFor('custom', now, '2026-11-21T12:00')).toEqual({ ok: false, errorKey: 'expiry.customPast' });
  });
});

describe('local date-time values', () => {
  it('round-trips through the datetime-local format', () => {
    const t = new Date(2027, 0, 5, 7, 9).getTime();
    expect(toLocalDateTimeValue(t)).toBe('2027-01-05T07:09');
    expect(parseLocalDateTime(toLocalDateTimeValue(t))).toBe(t);
  });
  it('accepts seconds and refuses impossible dates', () => {
    expect(parseLocalDateTime('2027-01-05T07:09:30')).toBe(new Date(2027, 0, 5, 7, 9, 30).getTime());
    expect(parseLocalDateTime('2027-02-31T07:09')).toBeNull();
    expect(parseLocalDateTime('2027-13-01T07:09')).toBeNull();
  });
});
