/**
 * Masks secrets the way OpenClaw prints them (`sk-ant-a...AAAAAAAA`), so nothing main sends to the renderer
 * or writes to a log carries a full secret, and the user still recognises which key is which.
 */

/** First 8 and last 8 characters; short values are fully hidden. */
export function maskSecret(secret: string): string {
  const s = secret.trim();
  if (s.length === 0) return '';
  if (s.length <= 20) return '*'.repeat(Math.min(s.length, 8));
  return `${s.slice(0, 8)}...${s.slice(-8)}`;
}
