/**
 * The core's one set of known secrets and the redactor over it. Everything the user gave this session is
 * remembered (kept after a removal: a log line may still quote it); modules add sources for what they know (the
 * credential backend's `knownSecrets()`, the secrets found in `openclaw.json`, `.env` and the environment, the
 * gateway token). Every line and message that leaves core goes through `redact` (or a `LineSplitter` given
 * `secrets`), including OpenClaw's CLI output on 2026.6+ (`ctx.secrets.redact`).
 */
import { collectSecret } from './known-secrets';
import { literalSecrets, redact } from './redact';

/** Something that knows secret values, asked each time the list is needed (so new ones count at once). */
export type SecretSource = () => Iterable<string>;

/** The known secrets of one core, and redaction with them. */
export interface SecretRegistry {
  /** Remembers values the user gave (keys, tokens, passwords) for the rest of the session. */
  remember(...values: (string | undefined)[]): void;
  /** Adds a source; returns the function that removes it. */
  addSource(source: SecretSource): () => void;
  /** Every known secret long enough to search for, deduplicated, longest first. */
  secrets(): string[];
  /** `text` with every known secret and every shape match replaced by `[redacted]`. */
  redact(text: string): string;
}

/** Creates an empty registry. */
export function createSecretRegistry(): SecretRegistry {
  const given = new Set<string>();
  const sources = new Set<SecretSource>();
  const secrets = (): string[] => {
    const all = new Set(given);
    for (const source of sources) {
      try {
        for (const value of source()) collectSecret(all, value);
      } catch {
        // a failing source knows nothing this time; the others still count
      }
    }
    return literalSecrets(all);
  };
  return {
    remember(...values) {
      for (const v of values) collectSecret(given, v);
    },
    addSource(source) {
      sources.add(source);
      return () => void sources.delete(source);
    },
    secrets,
    redact: (text) => redact(text, secrets()),
  };
}
