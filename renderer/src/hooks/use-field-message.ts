/**
 * Words a field error (a translation key and its parameters, from the schemas, main or the window itself) in the
 * user's language.
 */
import { useCallback } from 'react';
import type { FieldError } from '../../../shared/contract';
import { fieldErrorText } from '../lib/error-words';
import { useLocale } from './use-locale';

/** A function from a field error to the text to show. */
export function useFieldMessage(): (error: FieldError | undefined) => string | undefined {
  const { t } = useLocale();
  return useCallback((error) => (error ? fieldErrorText(t, error) : undefined), [t]);
}
