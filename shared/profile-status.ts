/**
 * The part of a credential's status that follows the clock, with OpenClaw's semantics (`models status`: a token with
 * less than 24 hours left is `expiring`, none left is `expired`; a cooldown or a disabled state lasts until its end).
 * Main computes statuses with it when it reads the files; the window recomputes them at every moment a status
 * changes, so a chip turns "Expired" when the countdown beside it reaches zero, without waiting for main.
 * Pure: the time comes in as an argument.
 */
import type { ProfileStatus, ProfileView } from './contract';

/** OpenClaw's `auth.oauth.warnAfterMs`: a token with less than this left is `expiring`. */
export const WARN_AFTER_MS = 86_400_000;

/** A token's status from its expiry (epoch ms), as OpenClaw reports it; a missing or unusable expiry is `missing`. */
export function expiryStatus(expires: unknown, now: number, warnMs = WARN_AFTER_MS): { status: ProfileStatus; expiresAt?: number; remainingMs?: number } {
  if (typeof expires !== 'number' || !Number.isFinite(expires) || expires <= 0) return { status: 'missing' };
  const remainingMs = expires - now;
  if (remainingMs <= 0) return { status: 'expired', expiresAt: expires };
  return { status: remainingMs <= warnMs ? 'expiring' : 'ok', expiresAt: expires, remainingMs };
}

/** What the clock-dependent status needs of a profile. */
export type TimedProfile = Pick<ProfileView, 'status' | 'expiresAt' | 'until'>;

const EXPIRY_STATES = new Set<ProfileStatus>(['ok', 'expiring', 'expired']);

/**
 * `profile`'s status at `now`, given the status it had when it was computed (at or before `now`): an expiry state
 * moves on with the time left; a cooldown or disabled state ends at `until`, leaving the expiry state (or `static` for
 * a credential without expiry). Other states (`static`, `missing`) do not depend on the time.
 */
export function statusAt(profile: TimedProfile, now: number): ProfileStatus {
  const { status, expiresAt, until } = profile;
  if (EXPIRY_STATES.has(status)) return expiresAt === undefined ? status : expiryStatus(expiresAt, now).status;
  if ((status === 'cooldown' || status === 'disabled') && until !== undefined && until <= now) {
    return expiresAt === undefined ? 'static' : expiryStatus(expiresAt, now).status;
  }
  return status;
}

/** The next moment after `now` when `statusAt(profile, ·)` changes, or null when it never will. */
export function nextStatusChange(profile: TimedProfile, now: number): number | null {
  const current = statusAt(profile, now);
  const { expiresAt, until } = profile;
  const moments = [until, expiresAt === undefined ? undefined : expiresAt - WARN_AFTER_MS, expiresAt]
    .filter((m): m is number => m !== undefined && m > now)
    .sort((a, b) => a - b);
  return moments.find((m) => statusAt(profile, m) !== current) ?? null;
}
