import { describe, expect, it } from 'vitest';
import { createLineLogger } from './logger';

describe('createLineLogger', () => {
  it('writes timestamped lines with the level, and error details', () => {
    const lines: string[] = [];
    const logger = createLineLogger((l) => lines.push(l), () => new Date('2026-01-01T00:00:00.000Z'));
    logger.info('started');
    logger.warn('careful');
    logger.error('failed', 'plain reason');
    logger.error('failed again', new Error('with stack'));
    expect(lines.slice(0, 3)).toEqual(['2026-01-01T00:00:00.000Z info started', '2026-01-01T00:00:00.000Z warn careful', '2026-01-01T00:00:00.000Z error failed: plain reason']);
    expect(lines[3]).toMatch(/^2026-01-01T00:00:00.000Z error failed again: Error: with stack\n\s+at /);
  });
});
