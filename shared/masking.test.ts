import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskSecret, parseMask, remaskLabel } from './masking';

/** How many characters of `secret` a mask lets through (its visible ends). */
function shown(mask: string): number {
  const p = parseMask(mask);
  return p.kind === 'ends' ? p.head.length + p.tail.length : 0;
}

const secretChars = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.'), minLength: 1, maxLength: 300 });

describe('maskSecret', () => {
  it('shows at most 4 + 4 characters and never more than a quarter of any secret', () => {
    fc.assert(
      fc.property(secretChars, (secret) => {
        const mask = maskSecret(secret);
        const n = shown(mask);
        expect(n).toBeLessThanOrEqual(8);
        expect(n * 4).toBeLessThanOrEqual(secret.length);
        if (secret.length >= 8) expect(mask).not.toContain(secret);
      }),
      { numRuns: 2000 },
    );
  });

  it('a 22-character token shows only its length; 24 shows 3 + 3; 32 and longer 4 + 4', () => {
    expect(maskSecret('a'.repeat(22))).toBe('22 characters');
    expect(maskSecret('x')).toBe('1 character');
    expect(maskSecret(`abc${'m'.repeat(18)}xyz`)).toBe('abc...xyz');
    expect(maskSecret(`sk-ant-api03-${'k'.repeat(40)}WXYZ`)).toBe('sk-a...WXYZ');
    expect(maskSecret('  ')).toBe('');
    expect(parseMask(maskSecret('a'.repeat(22)))).toEqual({ kind: 'length', length: 22 });
    expect(parseMask(maskSecret('a'.repeat(40)))).toEqual({ kind: 'ends', head: 'aaaa', tail: 'aaaa' });
    expect(parseMask('')).toEqual({ kind: 'none' });
  });
});

describe('remaskLabel (a label OpenClaw masked)', () => {
  it("cuts OpenClaw's 8 + 8 to what is safe without knowing the length, and keeps the app's own forms", () => {
    expect(remaskLabel('sk-ant-a...AAAAAAAA')).toBe('sk...AA');
    expect(remaskLabel('22 characters')).toBe('22 characters');
    expect(remaskLabel('')).toBe('');
    expect(remaskLabel('ab...cd')).toBe('4+ characters');
    expect(parseMask('4+ characters')).toEqual({ kind: 'length', length: 4, atLeast: true });
    expect(remaskLabel('not-a-mask-but-a-long-raw-value-0123456789')).toBe('not-...6789');
  });

  it('never shows more than a quarter of the shortest secret the label could come from', () => {
    fc.assert(
      fc.property(secretChars, fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 20 }), (secret, h, t) => {
        fc.pre(h + t < secret.length);
        const label = `${secret.slice(0, h)}...${secret.slice(secret.length - t)}`;
        const n = shown(remaskLabel(label));
        expect(n).toBeLessThanOrEqual(8);
        expect(n * 4).toBeLessThanOrEqual(h + t + 1);
      }),
      { numRuns: 1000 },
    );
  });
});
