/**
 * The one redactor for text that leaves core (log lines, gateway state messages, port-holder command lines, the
 * last stderr lines, CLI output, diagnostics): the exact values the app knows are secret, plus shape rules for
 * well-known secret formats and for values after secret-named flags and keys. Pure: the caller passes the known
 * secrets. `secretSpans` says where the secrets are, so a stream can be cut only between them
 * (`line-splitter.ts`).
 */

/** What replaces a secret. */
export const REDACTED = '[redacted]';

/** Known secrets shorter than this are not replaced literally (they would blank ordinary words). */
export const MIN_LITERAL_SECRET = 6;

/** Words that make a flag, key or field name secret-bearing. */
const SECRET_WORD = '(?:token|api[_-]?key|apikey|secret|password|passwd|pwd|bearer|credential|authorization|private[_-]?key|access[_-]?key)';

/** A shape rule: where `group` (or the whole match) is a secret. Every regex has the `g` and `d` flags. */
interface ShapeRule {
  name: string;
  re: RegExp;
  group?: number;
}

/** Well-known formats, then secrets named by what precedes them. */
export const SHAPE_RULES: readonly ShapeRule[] = [
  { name: 'sk- key (Anthropic, OpenAI, OpenRouter...)', re: /\bsk-[A-Za-z0-9_-]{6,}/dg },
  { name: 'Bearer / Basic credentials', re: /\b(?:bearer|basic)\s+([A-Za-z0-9._~+/=-]{6,})/dgi, group: 1 },
  { name: 'Telegram bot token', re: /(?<![0-9])[0-9]{6,12}:[A-Za-z0-9_-]{30,}/dg },
  { name: 'Slack token', re: /\bx(?:ox[abeoprs]|app)-[A-Za-z0-9-]{10,}/dg },
  { name: 'GitHub token', re: /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})/dg },
  { name: 'Google API key', re: /\bAIza[0-9A-Za-z_-]{30,}/dg },
  { name: 'AWS access key id', re: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/dg },
  { name: 'JSON Web Token', re: /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/dg },
  {
    name: 'value of a secret-named flag (--token X, --api-key=X, --password X)',
    re: new RegExp(`(--(?:[a-z0-9]+-)*(?:${SECRET_WORD}|key|auth)(?:=|\\s+))(?!-)("[^"]*"|'[^']*'|[^\\s"']+)`, 'dgi'),
    group: 2,
  },
  {
    name: 'value of a secret-named assignment or URL parameter (password=X, FOO_API_KEY=X, ?token=X)',
    re: new RegExp(`((?:^|[?#&;\\s,"'(])[A-Za-z0-9_.-]*${SECRET_WORD}s?[A-Za-z0-9_]*=)(?![0-9]+(?:[\\s&;,]|$))([^\\s&"'<>;,]+)`, 'dgim'),
    group: 2,
  },
  {
    name: 'value of a secret-named JSON/YAML field ("apiKey": "X")',
    re: new RegExp(`((?<![A-Za-z0-9_-])["']?(?:[A-Za-z0-9_-]*${SECRET_WORD}[A-Za-z0-9_-]*|access|refresh|key)["']?\\s*:\\s*["'])([^"'\\n]{4,})`, 'dgi'),
    group: 2,
  },
  { name: 'password in a URL', re: /(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:)([^\s@/]+)(?=@)/dgi, group: 2 },
];

/**
 * A part of a text to hide: `[start, end)`. `from` is where the text that makes it a secret begins (a flag or key
 * name before the value), when earlier: a stream is never cut between the two.
 */
export interface Span {
  start: number;
  end: number;
  from?: number;
}

/** The literal secrets worth searching for: long enough, deduplicated, longest first. Pure. */
export function literalSecrets(secrets: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const s of secrets) if (typeof s === 'string' && s.length >= MIN_LITERAL_SECRET) out.add(s);
  return [...out].sort((a, b) => b.length - a.length);
}

/** Where the secrets of `text` are, sorted and merged (overlapping and touching spans join). Pure. */
export function secretSpans(text: string, secrets: readonly string[] = []): Span[] {
  const spans: Span[] = [];
  for (const secret of literalSecrets(secrets)) {
    for (let at = text.indexOf(secret); at !== -1; at = text.indexOf(secret, at + 1)) spans.push({ start: at, end: at + secret.length });
  }
  for (const rule of SHAPE_RULES) {
    for (const m of text.matchAll(rule.re)) {
      const where = m.indices?.[rule.group ?? 0];
      if (where && where[1] > where[0]) spans.push(m.index < where[0] ? { start: where[0], end: where[1], from: m.index } : { start: where[0], end: where[1] });
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) {
      last.end = Math.max(last.end, s.end);
      if (s.from !== undefined) last.from = Math.min(last.from ?? last.start, s.from);
    } else merged.push({ ...s });
  }
  return merged;
}

/** `text` with each span replaced by `[redacted]`; spans must come from `secretSpans` of the same text. Pure. */
export function applySpans(text: string, spans: readonly Span[]): string {
  if (!spans.length) return text;
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.start) + REDACTED;
    at = s.end;
  }
  return out + text.slice(at);
}

/** Returns `text` with every secret (known ones and shape matches) replaced by `[redacted]`. Pure. */
export function redact(text: string, secrets: readonly string[] = []): string {
  return applySpans(text, secretSpans(text, secrets));
}

/** A copy of a JSON-like value (a state, an error) with every string in it redacted. Pure. */
export function redactDeep<T>(value: T, secrets: readonly string[] = []): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return redact(v, secrets);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}
