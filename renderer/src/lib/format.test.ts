import { describe, expect, it, vi } from 'vitest';
import { formatClock, formatDateTime, formatDuration, formatNumber, formatRelative, formatTimeOfDay } from './format';

const H = 3_600_000;
const D = 24 * H;

describe('formatDuration', () => {
  it('shows the two largest units in English', () => {
    expect(formatDuration(3 * D + 4 * H + 5 * 60_000, 'en')).toBe('3 days, 4 hours');
    expect(formatDuration(9 * H + 30 * 60_000, 'en')).toBe('9 hours, 30 minutes');
  });
  it('stops at a gap instead of skipping a unit', () => {
    expect(formatDuration(2 * D + 5 * 60_000, 'en')).toBe('2 days');
  });
  it('shows seconds only under a minute, and nothing left as zero seconds', () => {
    expect(formatDuration(42_000, 'en')).toBe('42 seconds');
    expect(formatDuration(0, 'en')).toBe('0 seconds');
    expect(formatDuration(-5 * H, 'en')).toBe('0 seconds');
  });
  it('uses the language of the locale', () => {
    expect(formatDuration(D + 2 * H, 'fr').replace(/\s/g, ' ')).toBe('1 jour et 2 heures');
    expect(formatDuration(D + 2 * H, 'zh-CN')).toMatch(/1\s*天.*2\s*小时/);
    expect(formatDuration(D + 2 * H, 'zh-TW')).toMatch(/1\s*天.*2\s*小時/);
  });
  it('honours maxUnits', () => {
    expect(formatDuration(3 * D + 4 * H, 'en', { maxUnits: 1 })).toBe('3 days');
  });
});

describe('formatRelative', () => {
  const now = Date.UTC(2026, 10, 21, 12);
  it('picks hours inside two days and days beyond', () => {
    expect(formatRelative(now + 10 * H, now, 'en')).toBe('in 10 hours');
    expect(formatRelative(now - 3 * D, now, 'en')).toBe('3 days ago');
    expect(formatRelative(now + 30 * 60_000, now, 'en')).toBe('in 30 minutes');
  });
  it('speaks French and Chinese', () => {
    expect(formatRelative(now + 10 * H, now, 'fr').replace(/\s/g, ' ')).toBe('dans 10 heures');
    expect(formatRelative(now + 10 * H, now, 'zh-CN')).toMatch(/10\s*小时后/);
  });
});

describe('formatDateTime and formatClock', () => {
  const t = Date.UTC(2026, 10, 21, 22, 5, 9);
  it('formats in the given zone and locale', () => {
    expect(formatDateTime(t, 'en-GB', 'UTC')).toBe('21 Nov 2026, 22:05');
    expect(formatDateTime(t, 'zh-CN', 'UTC')).toContain('2026年11月21日');
    expect(formatClock(t, 'en-US', 'UTC')).toBe('22:05:09');
  });
});

describe('formatNumber', () => {
  it('groups unless told not to', () => {
    expect(formatNumber(18789, 'en')).toBe('18,789');
    expect(formatNumber(18789, 'en', false)).toBe('18789');
  });
});

describe('formatters', () => {
  it('are built once per language and reused for every row', () => {
    const made: string[] = [];
    const Real = Intl.RelativeTimeFormat;
    const spy = vi.spyOn(Intl, 'RelativeTimeFormat').mockImplementation(function (this: unknown, locale?: string | string[], options?: Intl.RelativeTimeFormatOptions) {
      made.push(String(locale));
      return new Real(locale, options);
    } as unknown as typeof Intl.RelativeTimeFormat);
    try {
      for (let i = 0; i < 500; i++) formatRelative(i * H, 0, 'de');
      for (let i = 0; i < 500; i++) formatRelative(i * H, 0, 'it');
      expect(formatRelative(3 * H, 0, 'de')).toBe('in 3 Stunden');
    } finally {
      spy.mockRestore();
    }
    expect(made).toEqual(['de', 'it']);
  });

  it('writes a time of day with hours and minutes in each locale', () => {
    const at = Date.UTC(2026, 10, 29, 14, 20, 37);
    expect(formatTimeOfDay(at, 'en', 'UTC')).toBe('2:20 PM');
    expect(formatTimeOfDay(at, 'fr', 'UTC')).toBe('14:20');
    expect(formatTimeOfDay(at, 'zh-CN', 'UTC')).toBe('14:20');
  });
});
