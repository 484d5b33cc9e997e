import { describe, expect, it } from 'vitest';
import { REDACTED, redact } from './redact';

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
});
