import { describe, expect, it } from 'vitest';
import { snoozeUntil, tomorrowAtNine } from './snooze';

describe('snoozeUntil', () => {
  const now = new Date(2026, 10, 21, 23, 30).getTime();
  it('adds an hour', () => {
    expect(snoozeUntil('hour', now)).toBe(now + 3_600_000);
  });
  it('waits until 9:00 the next local day, even just before midnight', () => {
    expect(snoozeUntil('tomorrow', now)).toBe(new Date(2026, 10, 22, 9, 0).getTime());
    expect(tomorrowAtNine(new Date(2026, 11, 31, 0, 5).getTime())).toBe(new Date(2027, 0, 1, 9, 0).getTime());
  });
  it('leaves the next threshold to main', () => {
    expect(snoozeUntil('next-threshold', now)).toBe('next-threshold');
  });
});
