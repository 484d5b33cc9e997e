/**
 * The error type core code throws. The dispatcher turns it into the contract's `{ok:false,error}` envelope, so a
 * handler only has to say what went wrong, never how it travels.
 */
import type { AppErrorShape, ErrorCode } from '../../shared/contract';

/** An error with a contract code, optional per-field messages and optional details (a path, a failed step). */
export class CoreError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;
  readonly details?: Record<string, string>;

  constructor(code: ErrorCode, message: string, extra: { fields?: Record<string, string>; details?: Record<string, string>; cause?: unknown } = {}) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.name = 'CoreError';
    this.code = code;
    if (extra.fields) this.fields = extra.fields;
    if (extra.details) this.details = extra.details;
  }

  /** The plain, serialisable shape sent across the boundary. */
  toShape(): AppErrorShape {
    const shape: AppErrorShape = { code: this.code, message: this.message };
    if (this.fields) shape.fields = this.fields;
    if (this.details) shape.details = this.details;
    return shape;
  }
}

/** Turns anything thrown into the envelope's error shape; unknown errors become INTERNAL without a stack. */
export function toErrorShape(err: unknown): AppErrorShape {
  if (err instanceof CoreError) return err.toShape();
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'INTERNAL', message: message || 'Unexpected error.' };
}
