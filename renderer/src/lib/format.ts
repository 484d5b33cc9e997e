/**
 * Dates, times and durations in the user's language, through `Intl` only, so every string the window shows about
 * time reads naturally in English, French and Chinese without hand-written unit names. Pure functions of their
 * arguments (no clock): callers pass `now`. Each `Intl` formatter is built once per language and options and then
 * reused: building one costs far more than formatting with it, and a list of credentials formats thousands of times.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type DurationUnit = 'day' | 'hour' | 'minute' | 'second';
const UNITS: [DurationUnit, number][] = [
  ['day', DAY],
  ['hour', HOUR],
  ['minute', MINUTE],
  ['second', 1000],
];

const cache = new Map<string, Intl.NumberFormat | Intl.ListFormat | Intl.RelativeTimeFormat | Intl.DateTimeFormat>();

/** The formatter for `key` (locale and options), built by `make` the first time. */
function cached<T extends Intl.NumberFormat | Intl.ListFormat | Intl.RelativeTimeFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) cache.set(key, (f = make()));
  return f;
}

const unitFormat = (locale: string, unit: DurationUnit, unitDisplay: 'long' | 'short' | 'narrow') =>
  cached(`unit|${locale}|${unit}|${unitDisplay}`, () => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay }));

/** Options for `formatDuration`: how many units at most ("3 days, 4 hours") and how long their names are. */
export interface DurationOptions {
  maxUnits?: number;
  style?: 'long' | 'short' | 'narrow';
}

/**
 * A duration such as "3 days, 4 hours" / "3 jours et 4 heures" / "3天4小时". Seconds only appear for durations under
 * a minute; zero or negative durations read as "0 seconds".
 */
export function formatDuration(ms: number, locale: string, options: DurationOptions = {}): string {
  const maxUnits = options.maxUnits ?? 2;
  const style = options.style ?? 'long';
  let rest = Math.max(0, Math.floor(ms));
  const parts: string[] = [];
  for (const [unit, size] of UNITS) {
    if (parts.length >= maxUnits) break;
    if (unit === 'second' && (ms >= MINUTE || parts.length > 0)) break;
    const n = Math.floor(rest / size);
    if (n > 0) {
      parts.push(unitFormat(locale, unit, style).format(n));
      rest -= n * size;
    } else if (parts.length > 0) {
      break;
    }
  }
  if (parts.length === 0) return unitFormat(locale, 'second', style).format(0);
  const listStyle = style === 'long' ? 'long' : 'narrow';
  return cached(`list|${locale}|${listStyle}`, () => new Intl.ListFormat(locale, { style: listStyle, type: 'unit' })).format(parts);
}

/** A point in time relative to now: "in 9 hours", "3 days ago", "dans 9 heures", "9小时后". */
export function formatRelative(target: number, now: number, locale: string): string {
  const diff = target - now;
  const abs = Math.abs(diff);
  const rtf = cached(`relative|${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  if (abs < MINUTE) return rtf.format(Math.round(diff / 1000), 'second');
  if (abs < HOUR) return rtf.format(Math.round(diff / MINUTE), 'minute');
  if (abs < 2 * DAY) return rtf.format(Math.round(diff / HOUR), 'hour');
  return rtf.format(Math.round(diff / DAY), 'day');
}

/** A date and time with the locale's own order and clock ("21 Nov 2026, 22:00" / "2026年11月21日 22:00"). */
export function formatDateTime(epochMs: number, locale: string, timeZone?: string): string {
  return cached(`datetime|${locale}|${timeZone ?? ''}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) })).format(epochMs);
}

/** A time of day for log lines ("14:03:27"), 24-hour in every locale so columns line up. */
export function formatClock(epochMs: number, locale: string, timeZone?: string): string {
  return cached(
    `clock|${locale}|${timeZone ?? ''}`,
    () => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', ...(timeZone ? { timeZone } : {}) }),
  ).format(epochMs);
}

/** A time of day as the locale writes it, hours and minutes ("2:20 PM" / "14:20"): when a cooldown ends. */
export function formatTimeOfDay(epochMs: number, locale: string, timeZone?: string): string {
  return cached(`time|${locale}|${timeZone ?? ''}`, () => new Intl.DateTimeFormat(locale, { timeStyle: 'short', ...(timeZone ? { timeZone } : {}) })).format(epochMs);
}

/** A plain number in the locale ("18,789" is not wanted for ports: pass `grouping: false`). */
export function formatNumber(n: number, locale: string, grouping = true): string {
  return cached(`number|${locale}|${grouping}`, () => new Intl.NumberFormat(locale, { useGrouping: grouping })).format(n);
}

/**
 * Builds the formatters the status panel uses for `locale` now. The first `Intl` formatter of a page is slow to
 * build (the browser loads its locale data), so the entry point calls this while it waits for the network, and the
 * first rows then format with ready formatters.
 */
export function warmFormatters(locale: string): void {
  const now = Date.now();
  formatRelative(now + HOUR, now, locale);
  formatDateTime(now, locale);
  formatDuration(DAY + HOUR, locale);
  formatNumber(1, locale, false);
}

/** Items joined the locale's way ("a, b and c" / "a、b和c"). */
export function formatList(items: readonly string[], locale: string): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
}
