import { describe, expect, it } from 'vitest';
import { snoozeUntil, tomorrowAt } from './snooze';

describe('snooze presets', () => {
  it('gives one hour later, tomorrow 9:00 local time, or the next threshold', () => {
    const now = new Date(2026, 2, 14, 22, 30).getTime();
    expect(snoozeUntil('one-hour', now)).toBe(now + 3_600_000);
    const tomorrow = new Date(snoozeUntil('tomorrow-morning', now) as number);
    expect([tomorrow.getFullYear(), tomorrow.getMonth(), tomorrow.getDate(), tomorrow.getHours(), tomorrow.getMinutes()]).toEqual([2026, 2, 15, 9, 0]);
    expect(snoozeUntil('next-threshold', now)).toBe('next-threshold');
  });

  it('means the next day even just after midnight, and crosses month ends', () => {
    const d = new Date(tomorrowAt(new Date(2026, 0, 31, 0, 5).getTime()));
    expect([d.getMonth(), d.getDate(), d.getHours()]).toEqual([1, 1, 9]);
  });
});
