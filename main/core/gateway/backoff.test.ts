import { describe, expect, it } from 'vitest';
import { CRASH_WINDOW_MS, healthCheckDelayMs, isCrashLoop, probeDelayMs, recordCrash, restartDelayMs } from './backoff';

describe('restartDelayMs', () => {
  it('doubles from 1 s and caps at 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 50, 10_000].map(restartDelayMs)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000, 30000]);
  });
  it('treats 0 or less as the first restart', () => {
    expect(restartDelayMs(0)).toBe(1000);
    expect(restartDelayMs(-3)).toBe(1000);
  });
});

describe('probeDelayMs', () => {
  it('starts at 25 ms, grows, and settles at 50 ms', () => {
    expect(probeDelayMs(0)).toBe(25);
    expect(probeDelayMs(1)).toBeGreaterThan(25);
    const seq = Array.from({ length: 20 }, (_, i) => probeDelayMs(i));
    expect([...seq].sort((a, b) => a - b)).toEqual(seq);
    expect(probeDelayMs(19)).toBe(50);
    expect(probeDelayMs(1e9)).toBe(50);
  });
  it('honours a custom backoff', () => {
    expect(probeDelayMs(3, { initialMs: 10, factor: 2, maxMs: 1000 })).toBe(80);
  });
});

describe('healthCheckDelayMs', () => {
  it('checks every 10 s and backs off exponentially on failure up to 60 s', () => {
    expect([0, 1, 2, 3, 4, 100].map((n) => healthCheckDelayMs(n))).toEqual([10_000, 20_000, 40_000, 60_000, 60_000, 60_000]);
  });
  it('honours a custom cadence', () => {
    expect(healthCheckDelayMs(1, { intervalMs: 100, maxMs: 150 })).toBe(150);
  });
});

describe('crash window', () => {
  it('counts only crashes within 3 minutes', () => {
    let times: number[] = [];
    for (const t of [0, 10_000, 20_000, 30_000]) times = recordCrash(times, t);
    expect(isCrashLoop(times)).toBe(false);
    expect(isCrashLoop(recordCrash(times, 40_000))).toBe(true);
    const late = recordCrash(times, CRASH_WINDOW_MS + 5_000);
    expect(late).toEqual([10_000, 20_000, 30_000, CRASH_WINDOW_MS + 5_000]);
    expect(isCrashLoop(late)).toBe(false);
  });
  it('does not mutate its input', () => {
    const times = [1, 2];
    recordCrash(times, 3);
    expect(times).toEqual([1, 2]);
  });
});
