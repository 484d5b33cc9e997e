import { describe, expect, it } from 'vitest';
import type { AuthStatus } from '../../../shared/contract';
import { evaluateAlerts, type Evaluation } from './evaluate';
import type { LedgerEntries } from './ledger';
import { authStatus, profileView } from '../../testing/status-fixtures';

const H = 3_600_000;
const D = 24 * H;
const THRESHOLDS = [7 * D, 24 * H, H];
const NOW = Date.UTC(2026, 5, 1);

function run(statuses: (AuthStatus | null)[] | Map<string, AuthStatus | null>, entries: LedgerEntries = {}, now = NOW): Evaluation {
  const agents = statuses instanceof Map ? statuses : new Map(statuses.map((s, i) => [s?.agentId ?? `agent${i}`, s]));
  return evaluateAlerts({ agents, entries, thresholdsMs: THRESHOLDS, now });
}
const token = (expiresAt: number | undefined, id = 'anthropic:work', extra = {}) => profileView(id, { type: 'token', expiresAt, ...extra });

describe('evaluateAlerts', () => {
  it('raises nothing before the first threshold and wakes at it', () => {
    const r = run([authStatus('main', [token(NOW + 30 * D)])]);
    expect(r.alerts).toEqual([]);
    expect(r.notify).toEqual([]);
    expect(r.nextWakeAt).toBe(NOW + 23 * D);
    expect(r.ledgerChanged).toBe(false);
  });

  it('raises the 7-day alert once, then wakes for the 24-hour one', () => {
    const expires = NOW + 5 * D;
    const first = run([authStatus('main', [token(expires)])]);
    expect(first.notify).toHaveLength(1);
    expect(first.alerts).toEqual([
      expect.objectContaining({ agentId: 'main', profileId: 'anthropic:work', kind: 'threshold', thresholdMs: 7 * D, expiresAt: expires, raisedAt: NOW, inUse: true }),
    ]);
    expect(first.nextWakeAt).toBe(expires - 24 * H);
    const again = run([authStatus('main', [token(expires)])], first.entries, NOW + H);
    expect(again.notify).toEqual([]);
    expect(again.ledgerChanged).toBe(false);
    expect(again.alerts).toEqual(first.alerts);
  });

  it('raises only the most urgent of several crossings missed while off', () => {
    const expires = NOW + 30 * 60_000;
    const r = run([authStatus('main', [token(expires)])]);
    expect(r.notify.map((n) => n.alert.thresholdMs)).toEqual([H]);
    expect(Object.keys(r.entries)).toHaveLength(1);
    const expired = run([authStatus('main', [token(NOW - D)])]);
    expect(expired.notify.map((n) => n.alert.kind)).toEqual(['expired']);
    expect(expired.nextWakeAt).toBeUndefined();
  });

  it('shows the most urgent stage of an expiry and forgets everything when the expiry changes or the profile goes', () => {
    const expires = NOW + 2 * D;
    const a = run([authStatus('main', [token(expires)])], {}, NOW);
    const b = run([authStatus('main', [token(expires)])], a.entries, expires - 10 * 60_000);
    expect(b.notify.map((n) => n.alert.thresholdMs)).toEqual([H]);
    expect(b.alerts.map((x) => x.thresholdMs)).toEqual([H]);
    expect(Object.keys(b.entries)).toHaveLength(2);
    const renewed = run([authStatus('main', [token(expires + 60 * D)])], b.entries, expires - 10 * 60_000);
    expect(renewed.alerts).toEqual([]);
    expect(renewed.entries).toEqual({});
    expect(renewed.ledgerChanged).toBe(true);
    const removed = run([authStatus('main', [])], b.entries, expires - 10 * 60_000);
    expect(removed.entries).toEqual({});
    const agentGone = run([], b.entries, expires - 10 * 60_000);
    expect(agentGone.entries).toEqual({});
  });

  it('alerts OAuth profiles only once expired', () => {
    const oauth = (e: number) => profileView('openai-codex:me', { type: 'oauth', expiresAt: e });
    expect(run([authStatus('main', [oauth(NOW + 30 * 60_000)])]).alerts).toEqual([]);
    const r = run([authStatus('main', [oauth(NOW - 1)])]);
    expect(r.alerts.map((a) => a.kind)).toEqual(['expired']);
    expect(r.notify).toHaveLength(1);
  });

  it('never alerts keys and tokens without an expiry', () => {
    const r = run([authStatus('main', [profileView('anthropic:default', { type: 'api_key', status: 'static' }), token(undefined)])]);
    expect(r.alerts).toEqual([]);
    expect(r.nextWakeAt).toBeUndefined();
  });

  it('lists cooldown and disabled profiles without notifying, until their end', () => {
    const status = authStatus('main', [
      profileView('anthropic:default', { type: 'api_key', status: 'cooldown', until: NOW + 5 * 60_000, reason: 'rate_limit' }),
      profileView('openrouter:default', { type: 'api_key', status: 'disabled', until: NOW + 2 * H, reason: 'billing' }),
    ]);
    const r = run([status]);
    expect(r.notify).toEqual([]);
    expect(r.alerts.map((a) => [a.kind, a.profileId, a.expiresAt, a.reason, a.inUse])).toEqual([
      ['disabled', 'openrouter:default', NOW + 2 * H, 'billing', false],
      ['cooldown', 'anthropic:default', NOW + 5 * 60_000, 'rate_limit', true],
    ]);
    expect(r.nextWakeAt).toBe(NOW + 5 * 60_000);
    const later = run([status], r.entries, NOW + 5 * 60_000);
    expect(later.alerts.map((a) => a.kind)).toEqual(['disabled']);
    expect(later.alerts[0]!.raisedAt).toBe(NOW);
  });

  it('keeps what it knew about an agent whose status cannot be read, without notifying', () => {
    const first = run([authStatus('main', [token(NOW + 2 * D)])]);
    const r = run(new Map([['main', null]]), first.entries, NOW + 3 * D);
    expect(r.entries).toEqual(first.entries);
    expect(r.notify).toEqual([]);
    expect(r.alerts.map((a) => a.id)).toEqual(first.alerts.map((a) => a.id));
  });

  it('reminds once when a snooze ends, and never shows dismissed alerts', () => {
    const first = run([authStatus('main', [token(NOW + 5 * D)])]);
    const id = first.alerts[0]!.id;
    const snoozed = { ...first.entries, [id]: { ...first.entries[id]!, snoozedUntil: NOW + H } };
    const during = run([authStatus('main', [token(NOW + 5 * D)])], snoozed, NOW + 30 * 60_000);
    expect(during.alerts[0]!.snoozedUntil).toBe(NOW + H);
    expect(during.notify).toEqual([]);
    expect(during.nextWakeAt).toBe(NOW + H);
    const after = run([authStatus('main', [token(NOW + 5 * D)])], during.entries, NOW + H);
    expect(after.notify.map((n) => n.reminder)).toEqual([true]);
    expect(after.alerts[0]!.snoozedUntil).toBeUndefined();
    expect(run([authStatus('main', [token(NOW + 5 * D)])], after.entries, NOW + 2 * H).notify).toEqual([]);
    const dismissed = { ...first.entries, [id]: { ...first.entries[id]!, dismissedAt: NOW } };
    const d = run([authStatus('main', [token(NOW + 5 * D)])], dismissed, NOW + H);
    expect(d.alerts).toEqual([]);
    expect(d.notify).toEqual([]);
    expect(d.nextWakeAt).toBe(NOW + 4 * D);
  });

  it('marks alerts in use when their provider serves the default model, and sorts the most urgent first', () => {
    const status = authStatus(
      'main',
      [token(NOW + 3 * D, 'openrouter:default'), token(NOW - H, 'anthropic:old'), token(NOW + 20 * H, 'anthropic:work')],
      { defaultProvider: 'openrouter' },
    );
    const r = run([status]);
    expect(r.alerts.map((a) => [a.profileId, a.kind, a.inUse])).toEqual([
      ['anthropic:old', 'expired', false],
      ['anthropic:work', 'threshold', false],
      ['openrouter:default', 'threshold', true],
    ]);
  });

  it('keeps separate alerts for the same profile id in two agents', () => {
    const r = run([authStatus('main', [token(NOW + H)]), authStatus('work', [token(NOW + H)])]);
    expect(new Set(r.alerts.map((a) => a.id)).size).toBe(2);
    expect(r.notify).toHaveLength(2);
  });
});
