/**
 * Safe use of a string that came from outside (a request, a file) as an object key. A plain object answers
 * `obj["constructor"]` and `obj["toString"]` with what it inherits, and `obj["__proto__"] = x` changes its
 * prototype instead of adding a key; so ids are looked up as own properties only, written with
 * `defineProperty`, and the three names that reach the prototype machinery are refused as ids altogether.
 */
import type { ValidationKey } from './message-keys';

/** Names never accepted as an id (agent, provider, profile, alert): they address the prototype, not an entry. */
export const RESERVED_IDS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** The message (a translation key) a schema gives for a reserved id. */
export const RESERVED_ID_MESSAGE = 'validation.reservedId' satisfies ValidationKey;

/** True for `__proto__`, `constructor` and `prototype`. */
export function isReservedId(id: string): boolean {
  return RESERVED_IDS.has(id);
}

/** Whether `obj` has `key` as its own property (never an inherited one such as `toString`). */
export function hasOwn(obj: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

/** `obj[key]` when `key` is an own property of `obj`, else undefined. */
export function ownValue<T>(obj: Readonly<Record<string, T>>, key: string): T | undefined {
  return hasOwn(obj, key) ? obj[key] : undefined;
}

/** Sets `obj[key] = value` as an own, enumerable data property, even for `__proto__`. */
export function setOwn<T>(obj: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
}
