import { describe, expect, it } from 'vitest';
import { AppErrorShape } from '../../shared/contract';
import { CoreError, toErrorShape } from './errors';

describe('CoreError', () => {
  it('carries a key and params across the boundary, with the English sentence of the same key for logs', () => {
    const err = new CoreError('LOCKED', 'errors.file.locked', { params: { path: '/s/auth-profiles.json', pid: '42' }, details: { path: '/s/auth-profiles.json' } });
    expect(err.message).toBe('/s/auth-profiles.json is being changed by another program (process 42). Try again in a moment.');
    const shape = err.toShape();
    expect(AppErrorShape.parse(shape)).toEqual(shape);
    expect(shape).toEqual({ code: 'LOCKED', key: 'errors.file.locked', params: { path: '/s/auth-profiles.json', pid: '42' }, message: err.message, details: { path: '/s/auth-profiles.json' } });
  });

  it('sends field errors as keys', () => {
    const shape = new CoreError('NOT_FOUND', 'errors.agent.unknown', { params: { agent: 'x', known: 'main' }, fields: { agentId: { key: 'validation.unknownAgent' } } }).toShape();
    expect(shape).toMatchObject({ key: 'errors.agent.unknown', fields: { agentId: { key: 'validation.unknownAgent' } } });
  });

  it('anything else thrown becomes INTERNAL with the "unexpected" key', () => {
    expect(toErrorShape(new Error('boom'))).toEqual({ code: 'INTERNAL', key: 'errors.unexpected', message: 'boom' });
    expect(toErrorShape('')).toEqual({ code: 'INTERNAL', key: 'errors.unexpected', message: 'Something unexpected went wrong.' });
  });
});
