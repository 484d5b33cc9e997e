import { describe, expect, it } from 'vitest';
import { BoundedOutput } from './bounded-output';

describe('BoundedOutput', () => {
  it('keeps everything under the bound', () => {
    const b = new BoundedOutput(10, 'head');
    b.push('abc');
    b.push(Buffer.from('def'));
    expect([b.text(), b.truncated]).toEqual(['abcdef', false]);
  });
  it('head keeps the first bytes and says it dropped the rest', () => {
    const b = new BoundedOutput(5, 'head');
    for (const c of ['abc', 'defg', 'hij']) b.push(c);
    expect([b.text(), b.truncated]).toEqual(['abcde', true]);
  });
  it('tail keeps the last bytes, across chunk boundaries', () => {
    const b = new BoundedOutput(5, 'tail');
    for (const c of ['abc', 'defg', 'hij']) b.push(c);
    expect([b.text(), b.truncated]).toEqual(['fghij', true]);
    b.push('0123456789');
    expect(b.text()).toBe('56789');
  });
  it('exactly at the bound is not truncated', () => {
    const b = new BoundedOutput(4, 'tail');
    b.push('ab');
    b.push('cd');
    expect([b.text(), b.truncated]).toEqual(['abcd', false]);
  });
});
