import { describe, expect, it } from 'vitest';
import { currentStage, EXPIRED_STAGE, nextCrossingAt, normalizeThresholds, stageAfter, stagesFor } from './stages';

const H = 3_600_000;
const D = 24 * H;
const T = normalizeThresholds([H, 7 * D, 24 * H, 24 * H, -5]);

describe('stages', () => {
  it('normalises thresholds: positive, unique, most distant first', () => {
    expect(T).toEqual([7 * D, 24 * H, H]);
  });

  it('gives tokens every threshold, OAuth only "expired", and nothing without an expiry', () => {
    expect(stagesFor({ type: 'token', expiresAt: 5 }, T)).toEqual([7 * D, 24 * H, H, EXPIRED_STAGE]);
    expect(stagesFor({ type: 'api_key', expiresAt: 5 }, T)).toEqual([7 * D, 24 * H, H, EXPIRED_STAGE]);
    expect(stagesFor({ type: 'oauth', expiresAt: 5 }, T)).toEqual([EXPIRED_STAGE]);
    expect(stagesFor({ type: 'token' }, T)).toEqual([]);
  });

  it('finds the most urgent stage crossed, with "expired" at expires <= now', () => {
    const stages = [...T, EXPIRED_STAGE];
    const E = 100 * D;
    expect(currentStage(E, stages, E - 7 * D - 1)).toBeUndefined();
    expect(currentStage(E, stages, E - 7 * D)).toBe(7 * D);
    expect(currentStage(E, stages, E - 2 * H)).toBe(24 * H);
    expect(currentStage(E, stages, E - H)).toBe(H);
    expect(currentStage(E, stages, E - 1)).toBe(H);
    expect(currentStage(E, stages, E)).toBe(EXPIRED_STAGE);
  });

  it('finds the next crossing strictly after now and the stage after a stage', () => {
    const stages = [...T, EXPIRED_STAGE];
    const E = 100 * D;
    expect(nextCrossingAt(E, stages, 0)).toBe(E - 7 * D);
    expect(nextCrossingAt(E, stages, E - 7 * D)).toBe(E - 24 * H);
    expect(nextCrossingAt(E, stages, E - 1)).toBe(E);
    expect(nextCrossingAt(E, stages, E)).toBeUndefined();
    expect(stageAfter(7 * D, stages)).toBe(24 * H);
    expect(stageAfter(H, stages)).toBe(EXPIRED_STAGE);
    expect(stageAfter(EXPIRED_STAGE, stages)).toBeUndefined();
  });
});
