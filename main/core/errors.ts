/**
 * The error type core code throws. The dispatcher turns it into the contract's `{ok:false,error}` envelope, so a
 * handler only has to say what went wrong, never how it travels. It says so as a translation key and parameters
 * (`shared/message-keys.ts`), so the window words it in the user's language; its `message` is the English
 * sentence of the same key, for logs.
 */
import { englishText } from '../../shared/app-error';
import type { AppErrorShape, ErrorCode, MessageParams } from '../../shared/contract';
import type { KeyedFieldError } from '../../shared/field-errors';
import { isErrorKey, isValidationKey, type ErrorKey } from '../../shared/message-keys';

/** A field error core raises itself: a shared validation key (+ params). */
export type CoreFieldError = KeyedFieldError;

/** What a `CoreError` may carry besides its code and key. */
export interface CoreErrorExtra {
  params?: MessageParams;
  fields?: Record<string, CoreFieldError>;
  details?: Record<string, string>;
  cause?: unknown;
}

/** What the transitional English form may carry: field messages as text or keys. */
interface LegacyExtra {
  fields?: Record<string, string | CoreFieldError>;
  details?: Record<string, string>;
  cause?: unknown;
}

/** A field error from a legacy field message: its key when it is one, else "not valid". */
function legacyField(message: string | CoreFieldError): CoreFieldError {
  if (typeof message !== 'string') return message;
  return { key: isValidationKey(message) ? message : 'validation.invalid' };
}

/** An error with a contract code, a translation key (+ params), optional field errors and details. */
export class CoreError extends Error {
  readonly code: ErrorCode;
  readonly key: ErrorKey | undefined;
  readonly params?: MessageParams;
  readonly fields?: Record<string, CoreFieldError>;
  readonly details?: Record<string, string>;

  constructor(code: ErrorCode, key: ErrorKey, extra?: CoreErrorExtra);
  /** @deprecated Transitional: an English message the window cannot translate (it shows the code's sentence). */
  constructor(code: ErrorCode, message: string, extra?: LegacyExtra);
  constructor(code: ErrorCode, keyOrMessage: string, extra: CoreErrorExtra | LegacyExtra = {}) {
    const keyed = isErrorKey(keyOrMessage);
    // Transitional: an English wrapper around a keyed error (a flow step) keeps its cause's words.
    const inherited = !keyed && extra.cause instanceof CoreError ? extra.cause : undefined;
    const params = keyed ? (extra as CoreErrorExtra).params : inherited?.params;
    super(keyed ? englishText(keyOrMessage, params) : keyOrMessage, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.name = 'CoreError';
    this.code = code;
    this.key = keyed ? keyOrMessage : inherited?.key;
    if (params) this.params = params;
    if (extra.fields) this.fields = Object.fromEntries(Object.entries(extra.fields).map(([k, v]) => [k, legacyField(v)]));
    if (extra.details) this.details = extra.details;
  }

  /** The plain, serialisable shape sent across the boundary. */
  toShape(): AppErrorShape {
    const shape: AppErrorShape = { code: this.code, key: this.key ?? `errors.fallback.${this.code}`, message: this.message };
    if (this.params) shape.params = this.params;
    if (this.fields) shape.fields = this.fields;
    if (this.details) shape.details = this.details;
    return shape;
  }
}

/** Turns anything thrown into the envelope's error shape; unknown errors become INTERNAL without a stack. */
export function toErrorShape(err: unknown): AppErrorShape {
  if (err instanceof CoreError) return err.toShape();
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'INTERNAL', key: 'errors.unexpected', message: message || englishText('errors.unexpected') };
}
