/**
 * The stages a credential's expiry goes through (each threshold, then "expired") and when it crosses them. Pure
 * functions of (expiry, thresholds, now): the monitor and its tests share them, and nothing here reads a clock.
 */
import type { ProfileView } from '../../../shared/contract';

/** The "expired" stage, ordered after every threshold (a stage is "more urgent" when it is smaller). */
export const EXPIRED_STAGE = 0;

/** Thresholds as the monitor uses them: positive, integer, unique, most distant first. */
export function normalizeThresholds(thresholdsMs: readonly number[]): number[] {
  const clean = thresholdsMs.filter((t) => Number.isInteger(t) && t > 0);
  return [...new Set(clean)].sort((a, b) => b - a);
}

/**
 * The stages that alert for one profile, most distant first. Tokens and keys with an expiry alert at every
 * threshold and when expired; OAuth profiles are refreshed by OpenClaw itself, so they alert only once expired
 * (the refresh failed); a profile without an expiry never alerts.
 */
export function stagesFor(profile: Pick<ProfileView, 'type' | 'expiresAt'>, thresholds: readonly number[]): number[] {
  if (profile.expiresAt === undefined) return [];
  if (profile.type === 'oauth') return [EXPIRED_STAGE];
  return [...thresholds, EXPIRED_STAGE];
}

/** The wall time at which `stage` is crossed for this expiry. */
export function crossingAt(expiresAt: number, stage: number): number {
  return expiresAt - stage;
}

/**
 * The most urgent stage already crossed at `now`, or undefined. Expired means `expiresAt <= now` (OpenClaw's rule);
 * a threshold `t` is crossed once no more than `t` remains.
 */
export function currentStage(expiresAt: number, stages: readonly number[], now: number): number | undefined {
  let best: number | undefined;
  for (const s of stages) if (crossingAt(expiresAt, s) <= now && (best === undefined || s < best)) best = s;
  return best;
}

/** The next crossing strictly after `now`, or undefined when every stage is behind. */
export function nextCrossingAt(expiresAt: number, stages: readonly number[], now: number): number | undefined {
  let next: number | undefined;
  for (const s of stages) {
    const at = crossingAt(expiresAt, s);
    if (at > now && (next === undefined || at < next)) next = at;
  }
  return next;
}

/** The stage after `stage` (the next more urgent one), or undefined after "expired". */
export function stageAfter(stage: number, stages: readonly number[]): number | undefined {
  let next: number | undefined;
  for (const s of stages) if (s < stage && (next === undefined || s > next)) next = s;
  return next;
}
