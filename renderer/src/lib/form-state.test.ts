import { describe, expect, it } from 'vitest';
import { invokeChannels } from '../../../shared/contract';
import { compactInput, pasteTrimmed, validateField, validateForm } from './form-state';

const cloudflare = invokeChannels['auth:saveCloudflare'].input;
const anthropic = invokeChannels['auth:saveAnthropicKey'].input;

describe('validateField', () => {
  it('returns the shared schema key for a malformed value', () => {
    expect(validateField(cloudflare, 'accountId', 'not-hex')).toEqual({ key: 'validation.accountId' });
    expect(validateField(cloudflare, 'accountId', ` ${'a'.repeat(32)} `)).toBeUndefined();
  });
  it('accepts an empty optional field and refuses an empty required one', () => {
    expect(validateField(anthropic, 'profileName', '')).toBeUndefined();
    expect(validateField(anthropic, 'apiKey', '', 'auth:saveAnthropicKey')).toEqual({ key: 'validation.missing.anthropicKey' });
    expect(validateField(anthropic, 'apiKey', '   ', 'auth:saveAnthropicKey')).toEqual({ key: 'validation.missing.anthropicKey' });
    expect(validateField(cloudflare, 'apiKey', '', 'auth:saveCloudflare')).toEqual({ key: 'validation.missing.providerKey' });
  });
  it('ignores fields the schema does not know', () => {
    expect(validateField(anthropic, 'nothing', 'x')).toBeUndefined();
  });
});

describe('validateForm', () => {
  it('returns trimmed data without the blank optional fields', () => {
    const r = validateForm(anthropic, { apiKey: '  sk-ant-api03-abc  ', profileName: '', writeEnv: true });
    expect(r).toEqual({ ok: true, data: { apiKey: 'sk-ant-api03-abc', writeEnv: true } });
  });
  it('collects one error per field: the schema key, or what to put in an empty required field', () => {
    const r = validateForm(cloudflare, { accountId: 'xyz', gatewayId: 'Bad Id', apiKey: '' }, 'auth:saveCloudflare');
    expect(r).toEqual({
      ok: false,
      errors: { accountId: { key: 'validation.accountId' }, gatewayId: { key: 'validation.gatewayId' }, apiKey: { key: 'validation.missing.providerKey' } },
    });
  });
});

describe('compactInput', () => {
  it('keeps false and numbers, drops blanks', () => {
    expect(compactInput({ a: '', b: ' ', c: false, d: 0, e: undefined, f: 'x' })).toEqual({ c: false, d: 0, f: 'x' });
  });
});

describe('pasteTrimmed', () => {
  it('trims the pasted text and replaces the selection', () => {
    expect(pasteTrimmed('', 0, 0, '  sk-ant-123\n')).toEqual({ value: 'sk-ant-123', caret: 10 });
    expect(pasteTrimmed('abcdef', 2, 4, ' XY ')).toEqual({ value: 'abXYef', caret: 4 });
  });
  it('clamps a selection outside the value', () => {
    expect(pasteTrimmed('ab', 5, 9, 'c')).toEqual({ value: 'abc', caret: 3 });
  });
});
