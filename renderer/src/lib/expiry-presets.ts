/**
 * The setup-token expiry choices (30 days, 90 days, 1 year, no expiry recorded, a custom date) and their
 * translation into the `expiresAt` epoch milliseconds the contract carries. `claude setup-token` tokens last
 * about a year, hence the default. Pure: `now` comes from the caller.
 */

const DAY = 86_400_000;

/** The choices offered, in display order. */
export const EXPIRY_PRESETS = ['30d', '90d', '1y', 'none', 'custom'] as const;
export type ExpiryPreset = (typeof EXPIRY_PRESETS)[number];

/** What a setup-token form starts with. */
export const DEFAULT_EXPIRY_PRESET: ExpiryPreset = '1y';

const PRESET_MS: Record<'30d' | '90d' | '1y', number> = { '30d': 30 * DAY, '90d': 90 * DAY, '1y': 365 * DAY };

/** The result of reading the expiry choice: an expiry (or none), or the key of an error message. */
export type ExpiryChoice = { ok: true; expiresAt: number | undefined } | { ok: false; errorKey: 'expiry.customRequired' | 'expiry.customPast' };

/**
 * Parses a `datetime-local` value ("2026-11-21T22:00") as local wall time. Returns null for anything else,
 * including impossible dates such as the 31st of February.
 */
export function parseLocalDateTime(value: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [number, number, number, number, number, number];
  const date = new Date(y, mo - 1, d, h, mi, s);
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d || date.getHours() !== h || date.getMinutes() !== mi) {
    return null;
  }
  return date.getTime();
}

/** Formats an epoch as a `datetime-local` value in local time, to prefill the custom date field. */
export function toLocalDateTimeValue(epochMs: number): string {
  const d = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The `expiresAt` for a choice at `now`; a custom date must parse and lie in the future. */
export function expiresAtFor(preset: ExpiryPreset, now: number, customValue = ''): ExpiryChoice {
  if (preset === 'none') return { ok: true, expiresAt: undefined };
  if (preset === 'custom') {
    const at = parseLocalDateTime(customValue);
    if (at === null) return { ok: false, errorKey: 'expiry.customRequired' };
    if (at <= now) return { ok: false, errorKey: 'expiry.customPast' };
    return { ok: true, expiresAt: at };
  }
  return { ok: true, expiresAt: now + PRESET_MS[preset] };
}
