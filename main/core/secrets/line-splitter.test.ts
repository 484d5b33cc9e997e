import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineSplitter, MAX_LINE_CHARS, safeCut } from './line-splitter';
import { REDACTED } from './redact';

/** Feeds `chunks` and returns every emitted line. */
function run(chunks: string[], options: ConstructorParameters<typeof LineSplitter>[1]): string[] {
  const lines: string[] = [];
  const s = new LineSplitter((l) => lines.push(l), options);
  for (const c of chunks) s.push(c);
  s.flush();
  return lines;
}

/** Splits `text` at the given (sorted, deduplicated) points. */
function splitAt(text: string, points: number[]): string[] {
  const cuts = [...new Set(points.map((p) => p % (text.length + 1)))].sort((a, b) => a - b);
  const out: string[] = [];
  let at = 0;
  for (const c of cuts) {
    out.push(text.slice(at, c));
    at = c;
  }
  out.push(text.slice(at));
  return out;
}

const token = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'), minLength: min, maxLength: max });
const filler = fc.string({ unit: fc.constantFrom(...'abc xyz.:/=-\n'), maxLength: 3000 });

describe('LineSplitter', () => {
  it('joins chunks, splits LF and CRLF, and flushes the tail', () => {
    const lines: string[] = [];
    const s = new LineSplitter((l) => lines.push(l));
    s.push('hel');
    s.push('lo\r\nwor');
    s.push('ld\n\nlast');
    expect(lines).toEqual(['hello', 'world', '']);
    s.flush();
    expect(lines).toEqual(['hello', 'world', '', 'last']);
  });

  it('cuts runaway lines (no secrets given: no redaction)', () => {
    expect(run(['abcdefghij'], 4)).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('redacts a secret that straddles the 8,192-character cut instead of showing it in two halves', () => {
    const secret = 'k3y-0123456789abcdefghij-ZYXWVUTSRQ';
    const line = `${'x'.repeat(MAX_LINE_CHARS - 10)}${secret}${'y'.repeat(100)}\n`;
    const out = run([line], { secrets: () => [secret] });
    expect(out.join('')).not.toContain(secret);
    expect(out.join('')).toContain(REDACTED);
    for (const piece of out) {
      expect(piece.length).toBeLessThanOrEqual(MAX_LINE_CHARS);
      expect(piece).not.toContain(secret.slice(0, 10));
      expect(piece).not.toContain(secret.slice(-10));
    }
  });

  it('emits a runaway line without a line break in pieces only between secrets, and stays bounded', () => {
    const secret = `sk-ant-api03-${'Q'.repeat(60)}`;
    const lines: string[] = [];
    const s = new LineSplitter((l) => lines.push(l), { secrets: () => [] });
    for (let i = 0; i < 40; i++) s.push(`${'z'.repeat(997)} ${secret} `);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.every((l) => l.length <= MAX_LINE_CHARS + REDACTED.length)).toBe(true);
    expect(lines.join('')).not.toContain('QQQQQQQQ');
  });

  it('hides the whole of a secret longer than the hard limit, also the part after a forced cut', () => {
    const giant = `--token ${'G'.repeat(6 * MAX_LINE_CHARS)} after`;
    const out = run(splitAt(giant, [1000, 9000, 20_000, 33_000, 40_000]), { secrets: () => [] });
    expect(out.join('\n')).not.toMatch(/G{8}/);
    expect(out.join('')).toContain(' after');
  });

  it('property: secrets planted in output split at random points never come out whole (known ones and shapes)', () => {
    fc.assert(
      fc.property(
        token(12, 600),
        token(20, 80),
        filler,
        filler,
        fc.array(fc.nat(20_000), { maxLength: 12 }),
        fc.constantFrom('plain', 'sk', 'flag', 'bearer', 'json'),
        (known, shaped, before, after, points, form) => {
          const shapedText = { plain: `x${shaped}`, sk: `sk-ant-api03-${shaped}`, flag: `--api-key=${shaped}`, bearer: `Authorization: Bearer ${shaped}`, json: `{"apiKey": "${shaped}"}` }[form];
          const hidden = form === 'plain' ? undefined : shaped;
          const text = `${before} ${known} ${before} ${shapedText} ${after} ${known} ${after}`;
          const lines = run(splitAt(text, points), { secrets: () => [known] });
          const joined = lines.join('');
          expect(joined).not.toContain(known);
          if (hidden) expect(joined).not.toContain(hidden);
          for (const l of lines) expect(l.length).toBeLessThanOrEqual(MAX_LINE_CHARS);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('property: a long line with a secret at a random place, cut anywhere, never shows the secret or a half of it', () => {
    fc.assert(
      fc.property(token(16, 300), fc.nat(3 * MAX_LINE_CHARS), fc.array(fc.nat(5 * MAX_LINE_CHARS), { maxLength: 8 }), (secret, at, points) => {
        const text = `${'w'.repeat(at)}${secret}${'v'.repeat(2 * MAX_LINE_CHARS)}`;
        const lines = run(splitAt(text, points), { secrets: () => [secret] });
        const half = Math.ceil(secret.length / 2);
        for (const l of lines) {
          expect(l).not.toContain(secret.slice(0, half));
          expect(l).not.toContain(secret.slice(-half));
        }
        expect(lines.join('')).not.toContain(secret);
      }),
      { numRuns: 150 },
    );
  });
});

describe('safeCut', () => {
  it('cuts before a secret that spans the wanted point, after one that starts the text, or waits', () => {
    expect(safeCut([], 10, 50, false)).toEqual({ at: 10, inside: false });
    expect(safeCut([{ start: 5, end: 20 }], 10, 50, false)).toEqual({ at: 5, inside: false });
    expect(safeCut([{ start: 0, end: 20 }], 10, 50, false)).toEqual({ at: 20, inside: false });
    expect(safeCut([{ start: 0, end: 60 }], 10, 50, false)).toBeUndefined();
    expect(safeCut([{ start: 0, end: 60 }], 10, 50, true)).toEqual({ at: 10, inside: true });
  });
});
