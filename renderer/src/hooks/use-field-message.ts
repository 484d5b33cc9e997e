/**
 * Turns a field message (an English schema message from either side, or one of the window's own keys) into
 * words in the user's language.
 */
import { useCallback } from 'react';
import { messageKey } from '../lib/validation-messages';
import { useLocale } from './use-locale';

/** A function from a field message to the text to show. */
export function useFieldMessage(): (message: string | undefined) => string | undefined {
  const { t } = useLocale();
  return useCallback(
    (message) => {
      if (!message) return undefined;
      const key = messageKey(message);
      return key ? t(key) : message;
    },
    [t],
  );
}
