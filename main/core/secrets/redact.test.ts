import { describe, expect, it } from 'vitest';
import { REDACTED, redact, secretSpans } from './redact';

describe('redact', () => {
  it('hides sk- keys anywhere in a line', () => {
    const line = 'using key sk-ant-api03-AbCdEf_123-xyz for anthropic; other=sk-or-v1-0123456789abcdef';
    const out = redact(line);
    expect(out).not.toMatch(/AbCdEf|0123456789abcdef/);
    expect(out).toBe(`using key ${REDACTED} for anthropic; other=${REDACTED}`);
  });
  it('hides bearer tokens whatever the case', () => {
    expect(redact('Authorization: Bearer abc.DEF-123_456=')).toBe(`Authorization: Bearer ${REDACTED}`);
    expect(redact('authorization: bearer xyzxyzxyz')).toBe(`authorization: bearer ${REDACTED}`);
  });
  it('hides token URL parameters and JSON token fields', () => {
    expect(redact('open http://127.0.0.1:18789/#token=f00dfeed1234 now')).toBe(`open http://127.0.0.1:18789/#token=${REDACTED} now`);
    expect(redact('{"token":"abcdef012345","mode":"token"}')).toBe(`{"token":"${REDACTED}","mode":"token"}`);
  });
  it('hides known secrets literally, longest first, and leaves short values alone', () => {
    const gatewayToken = '9f8e7d6c5b4a39281706f5e4d3c2b1a0';
    const out = redact(`gateway token ${gatewayToken} and cf key CFKEY-1234567890 and ${gatewayToken}xyz`, ['CFKEY-1234567890', gatewayToken, 'abc']);
    expect(out).toBe(`gateway token ${REDACTED} and cf key ${REDACTED} and ${REDACTED}xyz`);
    expect(redact('abc stays', ['abc'])).toBe('abc stays');
  });
  it('leaves ordinary lines unchanged', () => {
    const line = '[gateway] listening on ws://127.0.0.1:18789 (PID 1234) task-runner skipped';
    expect(redact(line, [])).toBe(line);
  });
  it('hides well-known token shapes: Telegram and Slack bot tokens, GitHub, Google, AWS, JWT', () => {
    const samples = [
      '123456789:AAHfiqksKZ8WmR2zSjiQ7_v4TMAKdiHm9T0',
      'xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx',
      'xapp-1-A0123456789-1234567890123-abcdef0123456789',
      'ghp_0123456789abcdefghijABCDEFGHIJ0123',
      'AIzaSyA-0123456789abcdefghijklmnopqrstu',
      'AKIAIOSFODNN7EXAMPLE',
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
    ];
    for (const secret of samples) {
      const out = redact(`[telegram] polling with ${secret} now`);
      expect(out, secret).toBe(`[telegram] polling with ${REDACTED} now`);
    }
  });

  it('hides values after secret-named flags, assignments and fields, keeping the names', () => {
    expect(redact('node holder.js --api-key=sk-ant-api03-abc --port 9')).toBe(`node holder.js --api-key=${REDACTED} --port 9`);
    expect(redact('node holder.js --token 9f8e7d6c5b4a3928 --port 9')).toBe(`node holder.js --token ${REDACTED} --port 9`);
    expect(redact('srv --password hunter2 --bind lo')).toBe(`srv --password ${REDACTED} --bind lo`);
    expect(redact('connect password=s3cr3t! host=x')).toBe(`connect password=${REDACTED} host=x`);
    expect(redact('export OPENROUTER_API_KEY=or-abcdef0123')).toBe(`export OPENROUTER_API_KEY=${REDACTED}`);
    expect(redact('{"botToken": "12345:abcdef", "password":"pa55word"}')).toBe(`{"botToken": "${REDACTED}", "password":"${REDACTED}"}`);
    expect(redact('https://user:pa55w0rd@example.com/x')).toBe(`https://user:${REDACTED}@example.com/x`);
  });

  it('leaves look-alikes alone: other flags, numbers, modes, words ending in sk-', () => {
    for (const line of [
      'openclaw onboard --auth-choice apiKey --token-provider anthropic',
      'max_tokens=4096 temperature=0.7',
      '{"mode":"token","authMode":"password"}',
      'task-runner-abcdef started; disk-usage 40%',
      'node --no-auth --port 18789',
    ]) expect(redact(line), line).toBe(line);
  });

  it('secretSpans merge overlapping finds and remember where the naming text starts', () => {
    const text = 'x --token abcdefgh12 y';
    expect(secretSpans(text, ['abcdefgh12'])).toEqual([{ start: 10, end: 20, from: 2 }]);
  });
});
