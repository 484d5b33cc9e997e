/**
 * Which side of OpenClaw's 2026.6 break a version is on. From 2026.6 OpenClaw keeps credentials in private SQLite
 * stores and refuses the files earlier versions wrote until they are imported; the window offers "Update OpenClaw"
 * below it and core checks for an import from it. Plain parsing (no semver) so the window can use it too.
 */

/** The first release with the SQLite stores. */
export const CURRENT_OPENCLAW_SINCE = '2026.6.0';

/** Whether `version` (`2026.9.6`, `v2026.6.0-beta.1`) is 2026.6 or later; false for null or a version that does not parse. Pure. */
export function isCurrentOpenClaw(version: string | null | undefined): boolean {
  const m = /(\d+)\.(\d+)/.exec(version ?? '');
  if (!m) return false;
  const [major, minor] = [Number(m[1]), Number(m[2])];
  return major > 2026 || (major === 2026 && minor >= 6);
}
