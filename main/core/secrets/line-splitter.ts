/**
 * Splits a stream of text chunks into lines (LF or CRLF) and, when given the known secrets, redacts each line
 * before any cut: a complete line is redacted whole and only then cut to `maxChars`; a runaway line without a line
 * break is emitted in pieces only at points outside every secret, keeping an overlap at least as long as the
 * longest known secret (and the context a shape rule needs) unemitted until more text shows where it ends. So a
 * secret split across chunks, or across the cut of a long line, never comes out in two visible halves.
 */
import { applySpans, secretSpans, type Span } from './redact';

/** Lines longer than this are cut (a runaway line must not grow memory without bound). */
export const MAX_LINE_CHARS = 8192;
/** Text kept back at the end of an unfinished line, at least: room for a flag or key name and its value. */
export const MIN_OVERLAP = 256;
/** An unfinished line longer than this many times `maxChars` is cut even inside a secret (which is then hidden whole). */
const HARD_LIMIT_FACTOR = 4;
/** Characters that may continue a secret cut by a forced cut. */
const SECRET_CHARS = /^[^\s"'<>&;,]*/;

/** Options of a splitter. */
export interface LineSplitterOptions {
  maxChars?: number;
  /** The known secrets, asked for at each line; without it lines are only split, not redacted. */
  secrets?: () => readonly string[];
}

/** Splits (and redacts) a stream of text into lines, keeping the unfinished tail for the next chunk. */
export class LineSplitter {
  private pending = '';
  /** A forced cut fell inside a secret: the rest of that secret starts the next piece. */
  private insideSecret = false;
  private readonly maxChars: number;

  constructor(
    private readonly onLine: (line: string) => void,
    options: LineSplitterOptions | number = {},
  ) {
    const o = typeof options === 'number' ? { maxChars: options } : options;
    this.maxChars = o.maxChars ?? MAX_LINE_CHARS;
    this.secrets = o.secrets;
  }

  private readonly secrets: (() => readonly string[]) | undefined;

  /** Feeds a chunk; complete lines (and safe pieces of a runaway line) go to `onLine`. */
  push(chunk: string): void {
    let text = this.pending + chunk;
    let nl = text.indexOf('\n');
    while (nl !== -1) {
      this.emitLine(text.slice(0, nl));
      text = text.slice(nl + 1);
      nl = text.indexOf('\n');
    }
    this.pending = this.emitPieces(text);
  }

  /** Emits the unfinished tail, if any (at end of stream). */
  flush(): void {
    if (this.pending) this.emitLine(this.pending);
    this.pending = '';
  }

  private known(): readonly string[] {
    return this.secrets?.() ?? [];
  }

  /** A complete line: redacted whole, then cut into pieces of `maxChars`. */
  private emitLine(raw: string): void {
    let line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    line = this.continueSecret(line);
    const text = this.secrets ? applySpans(line, secretSpans(line, this.known())) : line;
    if (text.length <= this.maxChars) this.onLine(text);
    else for (let i = 0; i < text.length; i += this.maxChars) this.onLine(text.slice(i, i + this.maxChars));
  }

  /** Emits safe pieces of an unfinished line while it is too long; returns what stays pending. */
  private emitPieces(text: string): string {
    if (!this.secrets) {
      while (text.length > this.maxChars) {
        this.onLine(text.slice(0, this.maxChars));
        text = text.slice(this.maxChars);
      }
      return text;
    }
    const secrets = this.known();
    const overlap = Math.max(MIN_OVERLAP, secrets.reduce((n, s) => Math.max(n, s.length), 0));
    while (text.length > this.maxChars + overlap) {
      text = this.continueSecret(text);
      const spans = secretSpans(text, secrets);
      const forced = text.length > HARD_LIMIT_FACTOR * this.maxChars + overlap;
      const cut = safeCut(spans, this.maxChars, text.length - overlap, forced);
      if (cut === undefined) break;
      const piece = spans.filter((s) => s.start < cut.at).map((s) => ({ start: s.start, end: Math.min(s.end, cut.at) }));
      this.onLine(applySpans(text.slice(0, cut.at), piece));
      this.insideSecret = cut.inside;
      text = text.slice(cut.at);
    }
    return text;
  }

  /**
   * After a forced cut inside a secret (whose visible start already reads `[redacted]`), the characters that
   * continue it are dropped, across as many chunks as it takes.
   */
  private continueSecret(text: string): string {
    if (!this.insideSecret) return text;
    const rest = SECRET_CHARS.exec(text)![0];
    this.insideSecret = rest.length === text.length;
    return text.slice(rest.length);
  }
}

/**
 * Where to cut an unfinished line: at `want` unless a secret (with the flag or key naming it) spans it (then before
 * them, or after the secret when they start the line), never past `limit` (what is known not to be followed by more of a secret). Undefined: wait for
 * more text. With `forced`, cuts at `want` even inside a secret (`inside: true`). Pure.
 */
export function safeCut(spans: readonly Span[], want: number, limit: number, forced: boolean): { at: number; inside: boolean } | undefined {
  let at = Math.min(want, limit);
  const crossing = spans.find((s) => (s.from ?? s.start) < at && s.end > at);
  if (!crossing) return at > 0 ? { at, inside: false } : undefined;
  const from = crossing.from ?? crossing.start;
  if (from > 0) return { at: from, inside: false };
  if (crossing.end <= limit) return { at: crossing.end, inside: false };
  if (!forced) return undefined;
  at = want;
  return { at, inside: true };
}
