/**
 * The error type core code throws. The dispatcher turns it into the contract's `{ok:false,error}` envelope, so a
 * handler only has to say what went wrong, never how it travels. It says so as a translation key and parameters
 * (`shared/message-keys.ts`; the sentences are in `shared/i18n/ui/<lang>.json`), so the window words it in the
 * user's language; its `message` is the English sentence of the same key, for logs only.
 */
import { englishText } from '../../shared/app-error';
import type { AppErrorShape, ErrorCode, MessageParams } from '../../shared/contract';
import type { KeyedFieldError } from '../../shared/field-errors';
import type { ErrorKey } from '../../shared/message-keys';

/** A field error core raises itself: a shared validation key (+ params). */
export type CoreFieldError = KeyedFieldError;

/** What a `CoreError` may carry besides its code and key. */
export interface CoreErrorExtra {
  /** Values the sentence shows (ids, paths, counts; never a secret). */
  params?: MessageParams;
  /** What is wrong with each form field. */
  fields?: Record<string, CoreFieldError>;
  /** Data about where it happened (`path`, `step`, `done`, `copy`, ...), shown as a list under the sentence. */
  details?: Record<string, string>;
  cause?: unknown;
}

/** An error with a contract code, a translation key (+ params), optional field errors and details. */
export class CoreError extends Error {
  readonly code: ErrorCode;
  readonly key: ErrorKey;
  readonly params?: MessageParams;
  readonly fields?: Record<string, CoreFieldError>;
  readonly details?: Record<string, string>;

  constructor(code: ErrorCode, key: ErrorKey, extra: CoreErrorExtra = {}) {
    super(englishText(key, extra.params), extra.cause === undefined ? undefined : { cause: extra.cause });
    this.name = 'CoreError';
    this.code = code;
    this.key = key;
    if (extra.params) this.params = extra.params;
    if (extra.fields) this.fields = extra.fields;
    if (extra.details) this.details = extra.details;
  }

  /** The plain, serialisable shape sent across the boundary. */
  toShape(): AppErrorShape {
    const shape: AppErrorShape = { code: this.code, key: this.key, message: this.message };
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
