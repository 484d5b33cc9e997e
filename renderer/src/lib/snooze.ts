/**
 * The snooze choices for an alert (1 hour, until tomorrow 9:00 local time, until the next threshold) and the
 * `until` value `alerts:snooze` takes for each. Pure: `now` comes from the caller.
 */

/** The choices, in display order. */
export const SNOOZE_CHOICES = ['hour', 'tomorrow', 'next-threshold'] as const;
export type SnoozeChoice = (typeof SNOOZE_CHOICES)[number];

/** Tomorrow at 9:00 in local time (days with a DST change included). */
export function tomorrowAtNine(now: number): number {
  const d = new Date(now);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1, 9, 0, 0, 0).getTime();
}

/** The `until` for `alerts:snooze`. */
export function snoozeUntil(choice: SnoozeChoice, now: number): number | 'next-threshold' {
  if (choice === 'hour') return now + 3_600_000;
  if (choice === 'tomorrow') return tomorrowAtNine(now);
  return 'next-threshold';
}
