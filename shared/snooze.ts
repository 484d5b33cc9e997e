/**
 * The snooze choices the window and the tray offer, turned into what `alerts:snooze` takes: an epoch-ms `until`,
 * or `'next-threshold'` which main resolves against the alert's own expiry.
 */

/** The offered choices. */
export type SnoozePreset = 'one-hour' | 'tomorrow-morning' | 'next-threshold';

const HOUR = 3_600_000;

/** 9:00 local time on the day after `now` (the machine's time zone, daylight saving included). */
export function tomorrowAt(now: number, hour = 9): number {
  const d = new Date(now);
  d.setDate(d.getDate() + 1);
  d.setHours(hour, 0, 0, 0);
  return d.getTime();
}

/** The `until` to send for a preset. */
export function snoozeUntil(preset: SnoozePreset, now: number): number | 'next-threshold' {
  if (preset === 'one-hour') return now + HOUR;
  if (preset === 'tomorrow-morning') return tomorrowAt(now);
  return 'next-threshold';
}
