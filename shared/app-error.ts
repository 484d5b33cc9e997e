/**
 * Builds the contract's error shape from a code and a translation key: the one place that turns a key into the
 * English `message` kept for logs (from the window's own English strings, so the two never drift apart). Used by
 * core's `CoreError` and by the transports (web server, IPC, web bridge) for the answers they make themselves.
 */
import type { AppErrorShape, ErrorCode, MessageParams } from './contract';
import { lazyTranslator } from './i18n/translator';
import en from './i18n/ui/en.json';
import type { ErrorKey } from './message-keys';

const english = lazyTranslator('ui', { en });

/** The English sentence for `key` with `params`, for logs (the window translates the key itself). */
export function englishText(key: string, params?: MessageParams): string {
  return english().t(key, { ...params });
}

/** An error shape with its English log message. */
export function appError(code: ErrorCode, key: ErrorKey, params?: MessageParams): AppErrorShape {
  return { code, key, ...(params ? { params } : {}), message: englishText(key, params) };
}
