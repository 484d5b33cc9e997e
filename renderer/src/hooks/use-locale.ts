/**
 * The translation function plus the locale `Intl` formats with, so components format dates and durations in
 * the language they speak.
 */
import { useTranslation } from 'react-i18next';

/** `t`, the current language (an Intl locale such as `zh-TW`), and i18next itself. */
export function useLocale() {
  const { t, i18n } = useTranslation();
  return { t, locale: i18n.language || 'en', i18n };
}
