/**
 * Secret redaction for gateway output before it is kept or shown: API-key-looking words (`sk-...`), bearer
 * tokens, token-bearing URL parameters, and the exact values the app knows are secret (the gateway token, keys the
 * app wrote). Pure: the caller passes the known secrets.
 */

/** What replaces a secret. */
export const REDACTED = '[redacted]';

/** Known secrets shorter than this are not replaced literally (they would blank ordinary words). */
export const MIN_LITERAL_SECRET = 8;

const PATTERNS: [RegExp, string][] = [
  [/\bsk-[A-Za-z0-9_-]{6,}/g, REDACTED],
  [/\b(bearer\s+)[A-Za-z0-9._~+/=-]+/gi, `$1${REDACTED}`],
  [/([?#&](?:token|access_token|api_key|apikey|key)=)[^&\s"'<>]+/gi, `$1${REDACTED}`],
  [/("(?:token|apiKey|api_key|access|refresh|authorization)"\s*:\s*")[^"]+"/gi, `$1${REDACTED}"`],
];

/** Returns `text` with every secret replaced by `[redacted]`. */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  const literal = [...new Set(secrets.filter((s) => typeof s === 'string' && s.length >= MIN_LITERAL_SECRET))].sort((a, b) => b.length - a.length);
  for (const secret of literal) {
    if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  for (const [re, replacement] of PATTERNS) out = out.replace(re, replacement);
  return out;
}
