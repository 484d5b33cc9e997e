import { describe, expect, it } from 'vitest';
import { redactedErrors } from '../app-core';
import { redactingLogger, type CoreContext } from '../context';
import type { Dispatch } from '../dispatch';
import { createSecretRegistry } from './registry';

describe('secret registry', () => {
  it('knows what the user gave (kept after the source forgets it) and what its sources know; a failing source is skipped', () => {
    const r = createSecretRegistry();
    let fromBackend = ['backend-secret-0123'];
    const remove = r.addSource(() => fromBackend);
    r.addSource(() => {
      throw new Error('unreadable');
    });
    r.remember('typed-by-user-0123', undefined, 'Bearer header-token-0123', 'abc');
    expect(r.secrets().sort()).toEqual(['Bearer header-token-0123', 'backend-secret-0123', 'header-token-0123', 'typed-by-user-0123'].sort());
    fromBackend = [];
    remove();
    expect(r.redact('typed-by-user-0123 / backend-secret-0123 / abc')).toBe('[redacted] / backend-secret-0123 / abc');
  });

  it("redacts core's logger: messages, and an error's message and stack", () => {
    const r = createSecretRegistry();
    r.remember('logged-secret-0123');
    const lines: string[] = [];
    const logger = redactingLogger({ info: (m) => lines.push(m), warn: (m) => lines.push(m), error: (m, e) => lines.push(`${m} ${String(e)}`) }, r.redact);
    logger.info('saved logged-secret-0123');
    logger.error('failed', new Error('OpenClaw said: bad key logged-secret-0123'));
    expect(lines.join('\n')).not.toContain('logged-secret-0123');
    expect(lines[1]).toMatch(/^failed Error: OpenClaw said: bad key \[redacted\]/);
  });

  it('redacts every error that leaves dispatch, whichever module raised it', async () => {
    const r = createSecretRegistry();
    r.remember('quoted-secret-0123');
    const inner = (async () => ({ ok: false, error: { code: 'GATEWAY', message: 'OpenClaw refused quoted-secret-0123', details: { said: 'token quoted-secret-0123' }, fields: { apiKey: 'sk-ant-api03-abcdefgh is wrong' } } })) as unknown as Dispatch;
    const out = await redactedErrors(inner, { secrets: r } as CoreContext)('auth:status', {});
    expect(out).toEqual({ ok: false, error: { code: 'GATEWAY', message: 'OpenClaw refused [redacted]', details: { said: 'token [redacted]' }, fields: { apiKey: '[redacted] is wrong' } } });
  });
});
