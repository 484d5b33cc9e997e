/**
 * The gateway's timing rules as pure functions: restart delays after a crash, the tight probe backoff while a
 * gateway starts, the health-check cadence once it is ready, and the crash window that stops a restart loop.
 */

/** A crash loop is this many crashes within `CRASH_WINDOW_MS`. */
export const CRASH_LIMIT = 5;
/** The window in which `CRASH_LIMIT` crashes mean "stop trying" (3 minutes). */
export const CRASH_WINDOW_MS = 180_000;
/** The longest wait before a restart. */
export const MAX_RESTART_DELAY_MS = 30_000;

/** Delay before restart number `consecutive` (1-based): 1, 2, 4, 8, 16, 30, 30 ... seconds. */
export function restartDelayMs(consecutive: number): number {
  const n = Math.max(1, Math.floor(consecutive));
  if (n > 16) return MAX_RESTART_DELAY_MS;
  return Math.min(MAX_RESTART_DELAY_MS, 1000 * 2 ** (n - 1));
}

/** Options of the startup probe backoff. */
export interface ProbeBackoff {
  initialMs: number;
  factor: number;
  maxMs: number;
}

/**
 * Starts at 25 ms and settles at 50 ms, so `running` is seen at most ~50 ms after the first possible 200. A refused
 * loopback connection costs well under a millisecond of CPU, so even a 10 s start costs little.
 */
export const DEFAULT_PROBE_BACKOFF: ProbeBackoff = { initialMs: 25, factor: 1.25, maxMs: 50 };

/** Delay before probe attempt `attempt` (0-based). */
export function probeDelayMs(attempt: number, b: ProbeBackoff = DEFAULT_PROBE_BACKOFF): number {
  const n = Math.max(0, Math.floor(attempt));
  if (n > 64) return b.maxMs;
  return Math.min(b.maxMs, Math.round(b.initialMs * b.factor ** n));
}

/** Options of the light health check run while a gateway is ready (or attached as external). */
export interface HealthCadence {
  intervalMs: number;
  maxMs: number;
}

/** Every 10 s; after failures 20, 40, then at most 60 s apart, so a sick gateway is not hammered. */
export const DEFAULT_HEALTH_CADENCE: HealthCadence = { intervalMs: 10_000, maxMs: 60_000 };

/** Delay before the next health check after `failures` consecutive failed checks. */
export function healthCheckDelayMs(failures: number, c: HealthCadence = DEFAULT_HEALTH_CADENCE): number {
  const n = Math.max(0, Math.floor(failures));
  if (n > 32) return c.maxMs;
  return Math.min(c.maxMs, c.intervalMs * 2 ** n);
}

/** Keeps the crash times still inside the window ending at `now`, plus `now` itself. */
export function recordCrash(times: readonly number[], now: number, windowMs = CRASH_WINDOW_MS): number[] {
  return [...times.filter((t) => now - t < windowMs), now];
}

/** True when the recorded crashes (already pruned by `recordCrash`) amount to a crash loop. */
export function isCrashLoop(times: readonly number[], limit = CRASH_LIMIT): boolean {
  return times.length >= limit;
}
