import { describe, expect, it } from 'vitest';
import { profileView, WARN_AFTER_MS } from '../status';
import { recordOf, secretsOf, snapshotOfStore } from './records';
import type { StoredProfile } from './store';

const NOW = Date.parse('2026-06-01T12:00:00Z');
const HOUR = 3_600_000;
const KEY = 'sk-ant-api03-0123456789abcdefghijABCDEFGH';
const TOKEN = `sk-ant-oat01-${'t'.repeat(80)}ZZZZZZZZ`;

/** A stored profile as the status panel shows it: through its record, then the pure status. */
const view = (p: StoredProfile, extra: { env?: Record<string, string>; stats?: Record<string, unknown> } = {}) =>
  profileView(recordOf('anthropic:x', p, extra.stats), { env: extra.env ?? {}, now: NOW })!;

describe('profile status (OpenClaw models status semantics)', () => {
  it('api_key is static; token without expires is static; masked label never carries the secret', () => {
    expect(view({ type: 'api_key', provider: 'anthropic', key: KEY })).toMatchObject({ status: 'static', label: 'sk-a...EFGH', source: 'store' });
    const t = view({ type: 'token', provider: 'anthropic', token: TOKEN });
    expect(t).toMatchObject({ status: 'static', label: 'sk-a...ZZZZ' });
    expect(JSON.stringify(t)).not.toContain(TOKEN);
  });

  it('token expiry: ok beyond 24 h, expiring within (inclusive), expired at or before now', () => {
    const at = (ms: number) => view({ type: 'token', provider: 'anthropic', token: TOKEN, expires: NOW + ms });
    expect(at(WARN_AFTER_MS + 1)).toMatchObject({ status: 'ok', expiresAt: NOW + WARN_AFTER_MS + 1, remainingMs: WARN_AFTER_MS + 1 });
    expect(at(WARN_AFTER_MS).status).toBe('expiring');
    expect(at(HOUR)).toMatchObject({ status: 'expiring', remainingMs: HOUR });
    expect(at(1).status).toBe('expiring');
    expect(at(0).status).toBe('expired');
    expect(at(-HOUR)).toMatchObject({ status: 'expired', expiresAt: NOW - HOUR });
    expect(at(-HOUR).remainingMs).toBeUndefined();
  });

  it('missing secrets and invalid expiries are missing; env refs resolve from the environment', () => {
    expect(view({ type: 'token', provider: 'anthropic' }).status).toBe('missing');
    expect(view({ type: 'api_key', provider: 'anthropic', key: '  ' }).status).toBe('missing');
    for (const expires of ['2026-07-01', -5, 0, Number.NaN, null]) {
      expect(view({ type: 'token', provider: 'anthropic', token: TOKEN, expires }).status).toBe('missing');
    }
    const ref = { type: 'api_key', provider: 'anthropic', keyRef: { source: 'env', provider: 'default', id: 'ANTHROPIC_API_KEY' } };
    expect(view(ref)).toMatchObject({ status: 'missing', source: 'ref', label: 'env:ANTHROPIC_API_KEY' });
    expect(view(ref, { env: { ANTHROPIC_API_KEY: 'x' } }).status).toBe('static');
  });

  it('oauth uses the same 24 h window and is missing without an expiry', () => {
    expect(view({ type: 'oauth', provider: 'anthropic', access: 'a'.repeat(30), refresh: 'r', expires: NOW + 2 * HOUR }).status).toBe('expiring');
    expect(view({ type: 'oauth', provider: 'anthropic', access: 'a'.repeat(30), refresh: 'r' }).status).toBe('missing');
  });

  it('cooldown and disabled come from usage stats while they last; disabled wins', () => {
    const p = { type: 'api_key', provider: 'anthropic', key: KEY };
    const stats = (s: Record<string, unknown>) => ({ stats: s });
    expect(view(p, stats({ cooldownUntil: NOW + 1000, cooldownReason: 'rate_limit' }))).toMatchObject({ status: 'cooldown', until: NOW + 1000, reason: 'rate_limit' });
    expect(view(p, stats({ cooldownUntil: NOW - 1 })).status).toBe('static');
    expect(view(p, stats({ cooldownUntil: NOW + 1000, disabledUntil: NOW + 5000, disabledReason: 'billing' }))).toMatchObject({
      status: 'disabled',
      until: NOW + 5000,
      reason: 'billing',
    });
    const expired = { type: 'token', provider: 'anthropic', token: TOKEN, expires: NOW - 1 };
    expect(view(expired, stats({ cooldownUntil: NOW + 1000 })).status).toBe('expired');
  });

  it('ignores profiles of a type it does not know', () => {
    expect(profileView(recordOf('x:y', { type: 'future' }), { env: {}, now: NOW })).toBeNull();
    expect(profileView(recordOf('x:y', 42), { env: {}, now: NOW })).toBeNull();
  });
});


describe('profiles-file records', () => {
  it('carry no secret: only the masked form, or the reference', () => {
    const r = recordOf('anthropic:k', { type: 'api_key', provider: 'Anthropic ', key: KEY, email: 'a@b.c', metadata: { accountId: 'x', n: 3 } });
    expect(r).toEqual({ id: 'anthropic:k', provider: 'anthropic', type: 'api_key', secret: { kind: 'inline', masked: 'sk-a...EFGH' }, email: 'a@b.c', metadata: { accountId: 'x' }, source: 'own' });
    expect(JSON.stringify(r)).not.toContain(KEY);
    expect(recordOf('x:y', { type: 'token', tokenRef: { source: 'file', id: '/run/t' } }).secret).toEqual({ kind: 'ref', source: 'file', id: '/run/t' });
    expect(recordOf('x:y', { type: 'token', tokenRef: 'nonsense' }).secret).toEqual({ kind: 'ref' });
    expect(recordOf('x:y', { type: 'token', token: TOKEN, expires: 'soon' }).expires).toBe('invalid');
  });

  it('list an entry that is not a credential as unreadable, with the provider from its id', () => {
    expect(recordOf('OpenAI:broken', 'garbage')).toEqual({ id: 'OpenAI:broken', provider: 'openai', type: 'unreadable', secret: { kind: 'none' }, source: 'own' });
  });

  it('a store becomes a snapshot with the merged order and each profile\'s usage; its secrets are listed for redaction', () => {
    const profiles = { 'anthropic:a': { type: 'api_key', provider: 'anthropic', key: KEY }, 'openai:t': { type: 'oauth', access: 'acc-1234567890', refresh: 'ref-1234567890' } };
    const snap = snapshotOfStore('main', { profiles, state: { order: { anthropic: ['anthropic:a'] }, usageStats: { 'anthropic:a': { cooldownUntil: 9, errorCount: 1 } } } }, { credentials: '/a', state: '/b' });
    expect(snap).toMatchObject({ agentId: 'main', order: { anthropic: ['anthropic:a'] }, location: { credentials: '/a', state: '/b' } });
    expect(snap.profiles.map((p) => [p.id, p.type, p.usage])).toEqual([
      ['anthropic:a', 'api_key', { cooldownUntil: 9 }],
      ['openai:t', 'oauth', undefined],
    ]);
    expect(secretsOf(profiles).sort()).toEqual([KEY, 'acc-1234567890', 'ref-1234567890'].sort());
  });
});
