import { describe, expect, it } from 'vitest';
import { alertId, dismissAlert, parseLedger, serializeLedger, snoozeAlert, type LedgerEntries, type LedgerEntry } from './ledger';

const H = 3_600_000;
const D = 24 * H;
const T = [7 * D, 24 * H, H];
const NOW = Date.UTC(2026, 5, 1);
const EXP = NOW + 3 * D;

function entry(kind: LedgerEntry['kind'], thresholdMs: number): LedgerEntry {
  const id = alertId('main', 'anthropic:work', kind, EXP, thresholdMs);
  return { id, agentId: 'main', profileId: 'anthropic:work', provider: 'anthropic', kind, thresholdMs, expiresAt: EXP, raisedAt: NOW };
}
const seven = entry('threshold', 7 * D);
const expired = entry('expired', 0);
const entries: LedgerEntries = { [seven.id]: seven, [expired.id]: expired };

describe('alert ledger', () => {
  it('ids one alert per agent, profile, expiry value and stage', () => {
    expect(seven.id).toBe(`main|anthropic:work|${EXP}|${7 * D}`);
    expect(expired.id).toBe(`main|anthropic:work|${EXP}|expired`);
    expect(alertId('main', 'anthropic:work', 'threshold', EXP + 1, 7 * D)).not.toBe(seven.id);
  });

  it('round-trips through its file text and drops entries that do not validate', () => {
    expect(parseLedger(serializeLedger(entries))).toEqual(entries);
    const text = JSON.stringify({ version: 1, entries: { ...entries, bad: { id: 'bad', kind: 'nope' }, mismatch: { ...seven } } });
    expect(parseLedger(text)).toEqual(entries);
    expect(() => parseLedger('{"version":2,"entries":{}}')).toThrow(/version 1/);
    expect(() => parseLedger('{not json')).toThrow();
  });

  it('snoozes until a time in the future, or until the next threshold of the same expiry', () => {
    expect(snoozeAlert(entries, seven.id, NOW + H, T, NOW)[seven.id]!.snoozedUntil).toBe(NOW + H);
    expect(snoozeAlert(entries, seven.id, 'next-threshold', T, NOW)[seven.id]!.snoozedUntil).toBe(EXP - 24 * H);
    expect(entries[seven.id]!.snoozedUntil).toBeUndefined();
    expect(() => snoozeAlert(entries, seven.id, NOW, T, NOW)).toThrow(
      expect.objectContaining({ code: 'VALIDATION', key: 'errors.alert.snoozePast', fields: { until: { key: 'validation.future' } } }),
    );
    expect(() => snoozeAlert(entries, expired.id, 'next-threshold', T, NOW)).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    expect(() => snoozeAlert(entries, 'nope', NOW + H, T, NOW)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('dismisses for good, clearing any snooze; a dismissed alert cannot be snoozed or dismissed again', () => {
    const snoozed = snoozeAlert(entries, seven.id, NOW + H, T, NOW);
    const dismissed = dismissAlert(snoozed, seven.id, NOW + 5);
    expect(dismissed[seven.id]).toMatchObject({ dismissedAt: NOW + 5 });
    expect(dismissed[seven.id]!.snoozedUntil).toBeUndefined();
    expect(() => dismissAlert(dismissed, seven.id, NOW)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => snoozeAlert(dismissed, seven.id, NOW + H, T, NOW)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('looks ids up as own keys: inherited names are not alerts, and a __proto__ entry in the file changes nothing', () => {
    for (const id of ['toString', 'valueOf', 'constructor', 'hasOwnProperty']) {
      expect(() => dismissAlert(entries, id, NOW), id).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
      expect(() => snoozeAlert(entries, id, NOW + H, T, NOW), id).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    }
    const text = `{"version":1,"entries":{"__proto__":${JSON.stringify({ ...seven, id: '__proto__' })},${JSON.stringify(seven.id)}:${JSON.stringify(seven)}}}`;
    const parsed = parseLedger(text);
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.keys(parsed)).toEqual([seven.id]);
  });
});
