/**
 * Words for the codes main sends: a field error (a key and its parameters) and a failed invoke's sentence. Pure
 * functions of a translation function, so the hooks and the tests that walk every form word them the same way.
 * A key the window has no words for falls back to a sentence (per error code), never to the key or to English.
 */
import type { TFunction } from 'i18next';
import type { AppErrorShape, FieldError } from '../../../shared/contract';

/** The text of a field error. */
export function fieldErrorText(t: TFunction, error: FieldError): string {
  return t([error.key, 'validation.invalid'], { ...error.params });
}

/** What happened, for a failed invoke (its title and next step come from its code). */
export function errorText(t: TFunction, error: Pick<AppErrorShape, 'code' | 'key' | 'params'>): string {
  return t([error.key, `errors.fallback.${error.code}`], { ...error.params });
}
