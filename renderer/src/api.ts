/**
 * The one module that reads `window.clawtray`. Components call `api()` and never touch the global, so either
 * shell (Electron preload or the web bridge) can stand behind it.
 */
import type { ClawtrayApi } from '../../shared/api';
import type { AppErrorShape, Result } from '../../shared/contract';

declare global {
  interface Window {
    clawtray?: ClawtrayApi;
  }
}

/** The bridge to main. */
export function api(): ClawtrayApi {
  if (!window.clawtray) throw new Error('ClawTray bridge missing: the page was opened outside ClawTray.');
  return window.clawtray;
}

/** Thrown by `unwrap` so callers can use try/catch and still reach `code` and `fields`. */
export class ApiError extends Error {
  constructor(readonly shape: AppErrorShape) {
    super(shape.message);
    this.name = 'ApiError';
  }
}

/** Resolves to the value of an ok result, or throws `ApiError` with the contract error. */
export async function unwrap<T>(result: Promise<Result<T>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new ApiError(r.error);
  return r.value;
}
