import { describe, expect, it } from 'vitest';
import { isCurrentOpenClaw } from './openclaw-versions';

describe('isCurrentOpenClaw', () => {
  it('is true from 2026.6 on, pre-releases included, and false before or without a version', () => {
    for (const v of ['2026.6.0', '2026.6.0-beta.1', '2026.9.6', 'v2026.12.1', '2027.1.0']) expect(isCurrentOpenClaw(v), v).toBe(true);
    for (const v of ['2026.5.28', '2026.4.29', '2025.12.1', 'unknown', '', null, undefined]) expect(isCurrentOpenClaw(v), String(v)).toBe(false);
  });
});
