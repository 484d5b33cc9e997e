import { describe, expect, it } from 'vitest';
import type { LogLine } from '../../../shared/contract';
import { filterLines, linesToText, mergeLines } from './log-lines';

const line = (seq: number, text = `line ${seq}`, stream: LogLine['stream'] = 'stdout'): LogLine => ({ seq, ts: Date.UTC(2026, 0, 1, 0, 0, seq), stream, text });

describe('mergeLines', () => {
  it('appends newer lines', () => {
    expect(mergeLines([line(1), line(2)], [line(3)]).map((l) => l.seq)).toEqual([1, 2, 3]);
  });
  it('drops duplicates and sorts when a page overlaps live events', () => {
    expect(mergeLines([line(3), line(4)], [line(1), line(2), line(3)]).map((l) => l.seq)).toEqual([1, 2, 3, 4]);
  });
  it('keeps only the last max lines', () => {
    const many = Array.from({ length: 10 }, (_, i) => line(i));
    expect(mergeLines([], many, 4).map((l) => l.seq)).toEqual([6, 7, 8, 9]);
  });
});

describe('filterLines and linesToText', () => {
  it('filters case-insensitively', () => {
    const lines = [line(1, 'Gateway READY'), line(2, 'listening'), line(3, 'ready again')];
    expect(filterLines(lines, ' ready ').map((l) => l.seq)).toEqual([1, 3]);
    expect(filterLines(lines, '')).toHaveLength(3);
  });
  it('copies one line per entry with time and stream', () => {
    expect(linesToText([line(1, 'hello', 'stderr')])).toBe('2026-01-01T00:00:01.000Z [stderr] hello');
  });
});
