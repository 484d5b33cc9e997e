import { describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS, invokeChannels } from './contract';
import { issuesToFields, missingKey } from './field-errors';
import { isValidationKey } from './message-keys';

const parse = (channel: keyof typeof invokeChannels, input: Record<string, unknown>) => {
  const r = invokeChannels[channel].input.safeParse(input);
  if (r.success) throw new Error(`${channel} accepted ${JSON.stringify(input)}`);
  return issuesToFields(r.error.issues, input, channel);
};

describe('zod issues as field errors', () => {
  it('an empty required field says what to put in it, per field and per channel', () => {
    expect(parse('auth:saveCloudflare', {})).toEqual({
      accountId: { key: 'validation.missing.accountId' },
      gatewayId: { key: 'validation.missing.gatewayId' },
      apiKey: { key: 'validation.missing.providerKey' },
    });
    expect(parse('auth:saveAnthropicKey', { apiKey: '   ' })).toEqual({ apiKey: { key: 'validation.missing.anthropicKey' } });
    expect(parse('auth:saveSetupToken', { token: '' })).toEqual({ token: { key: 'validation.missing.setupToken' } });
    expect(parse('auth:saveToken', {})).toEqual({ provider: { key: 'validation.missing.provider' }, token: { key: 'validation.missing.token' } });
    expect(missingKey('somethingElse')).toBe('validation.missing.field');
  });

  it("keeps a schema's own key, adds a bound as a parameter, and names unknown keys", () => {
    expect(parse('auth:saveSetupToken', { token: 'sk-ant-wrong' })).toEqual({ token: { key: 'validation.setupTokenPrefix' } });
    expect(parse('auth:saveAnthropicKey', { apiKey: 'k'.repeat(16_385) })).toEqual({ apiKey: { key: 'validation.tooLong', params: { maximum: 16_384 } } });
    expect(parse('gateway:logs', { limit: 0, extra: 1 })).toEqual({
      limit: { key: 'validation.tooSmall', params: { minimum: 1 } },
      extra: { key: 'validation.unknownField' },
    });
    expect(parse('gateway:logs', { limit: 1.5 })).toEqual({ limit: { key: 'validation.wholeNumber' } });
    expect(parse('settings:update', { language: 'de' })).toEqual({ language: { key: 'validation.choose' } });
    expect(parse('settings:update', { thresholdsMs: [] })).toEqual({ thresholdsMs: { key: 'validation.tooFew', params: { minimum: 1 } } });
    expect(parse('auth:setOrder', { provider: 'openai', order: ['openai:a', 'Bad'] })).toEqual({ 'order.1': { key: 'validation.profileId' } });
  });

  // Whatever arrives, from the window or from anyone else, every field error is one of the keys the window words.
  const ODD_VALUES: unknown[] = [undefined, null, '', '  ', 42, -1, 1.5, true, {}, [], ['x'], 'x'.repeat(20_000), 'a b\nc', 'Not-Valid!'];
  it.each(INVOKE_CHANNELS)('%s: every odd value of every field gets a shared validation key', (channel) => {
    const schema = invokeChannels[channel].input as unknown as { shape: Record<string, unknown> };
    for (const field of [...Object.keys(schema.shape), 'unknownField']) {
      for (const value of ODD_VALUES) {
        const input = { [field]: value };
        const r = invokeChannels[channel].input.safeParse(input);
        if (r.success) continue;
        for (const [name, error] of Object.entries(issuesToFields(r.error.issues, input, channel))) {
          expect(isValidationKey(error.key), `${channel} ${name}=${JSON.stringify(value)?.slice(0, 20)} -> ${error.key}`).toBe(true);
        }
      }
    }
  });
});
