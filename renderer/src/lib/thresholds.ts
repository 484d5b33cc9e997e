/**
 * The expiry alert thresholds as the settings form edits them: rows of an amount and a unit (hours or days),
 * converted to and from the milliseconds settings store, validated (1-8 distinct positive values).
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** One editable threshold. */
export interface ThresholdRow {
  amount: string;
  unit: 'hours' | 'days';
}

/** The most thresholds settings accept. */
export const MAX_THRESHOLDS = 8;

/** Milliseconds to rows, whole days as days, the rest as hours, most distant first. */
export function thresholdsToRows(ms: readonly number[]): ThresholdRow[] {
  return [...ms]
    .sort((a, b) => b - a)
    .map((v) => (v % DAY === 0 ? { amount: String(v / DAY), unit: 'days' as const } : { amount: String(Math.round((v / HOUR) * 100) / 100), unit: 'hours' as const }));
}

/** Rows to milliseconds (distinct, most distant first), or the key of the error to show. */
export function rowsToThresholds(rows: readonly ThresholdRow[]): { ok: true; value: number[] } | { ok: false; errorKey: string } {
  if (rows.length === 0) return { ok: false, errorKey: 'settings.thresholdsEmpty' };
  if (rows.length > MAX_THRESHOLDS) return { ok: false, errorKey: 'settings.thresholdsTooMany' };
  const values: number[] = [];
  for (const row of rows) {
    const n = Number(row.amount.trim().replace(',', '.'));
    if (!row.amount.trim() || !Number.isFinite(n) || n <= 0 || n > 3650) return { ok: false, errorKey: 'settings.thresholdInvalid' };
    const ms = Math.round(n * (row.unit === 'days' ? DAY : HOUR));
    if (ms < 60_000) return { ok: false, errorKey: 'settings.thresholdInvalid' };
    values.push(ms);
  }
  return { ok: true, value: [...new Set(values)].sort((a, b) => b - a) };
}
