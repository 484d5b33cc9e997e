import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS_MS } from '../../../shared/contract';
import { rowsToThresholds, thresholdsToRows } from './thresholds';

const H = 3_600_000;

describe('thresholds', () => {
  it('shows the defaults as 7 days, 1 day and 1 hour', () => {
    expect(thresholdsToRows(DEFAULT_THRESHOLDS_MS)).toEqual([
      { amount: '7', unit: 'days' },
      { amount: '1', unit: 'days' },
      { amount: '1', unit: 'hours' },
    ]);
  });
  it('round-trips rows to milliseconds, deduplicated and sorted', () => {
    expect(rowsToThresholds([{ amount: '1', unit: 'hours' }, { amount: '2', unit: 'days' }, { amount: '48', unit: 'hours' }])).toEqual({
      ok: true,
      value: [48 * H, H],
    });
    expect(rowsToThresholds([{ amount: '1,5', unit: 'hours' }])).toEqual({ ok: true, value: [1.5 * H] });
  });
  it('refuses empty, zero, negative, tiny or too many thresholds', () => {
    expect(rowsToThresholds([])).toEqual({ ok: false, errorKey: 'settings.thresholdsEmpty' });
    expect(rowsToThresholds([{ amount: '0', unit: 'days' }])).toEqual({ ok: false, errorKey: 'settings.thresholdInvalid' });
    expect(rowsToThresholds([{ amount: '-1', unit: 'days' }])).toEqual({ ok: false, errorKey: 'settings.thresholdInvalid' });
    expect(rowsToThresholds([{ amount: 'abc', unit: 'days' }])).toEqual({ ok: false, errorKey: 'settings.thresholdInvalid' });
    expect(rowsToThresholds([{ amount: '0.001', unit: 'hours' }])).toEqual({ ok: false, errorKey: 'settings.thresholdInvalid' });
    expect(rowsToThresholds(Array.from({ length: 9 }, (_, i) => ({ amount: String(i + 1), unit: 'days' as const })))).toEqual({
      ok: false,
      errorKey: 'settings.thresholdsTooMany',
    });
  });
});
