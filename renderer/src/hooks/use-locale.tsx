/**
 * The translation function plus the locale `Intl` formats with, so components format dates and durations in
 * the language they speak. One `useTranslation` at the top of the window (`LocaleProvider`) hands them to every
 * component through a context: a list of many rows costs one i18next subscription, not one per row and chip.
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type Locale = { t: ReturnType<typeof useTranslation>['t']; locale: string; i18n: ReturnType<typeof useTranslation>['i18n'] };

const Ctx = createContext<Locale | null>(null);

/** Provides `useLocale()` below it; re-renders its consumers when the language changes. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language || 'en';
  const value = useMemo(() => ({ t, locale, i18n }), [t, locale, i18n]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

/** `t`, the current language (an Intl locale such as `zh-TW`), and i18next itself; only inside `LocaleProvider`. */
export function useLocale(): Locale {
  const v = useContext(Ctx);
  if (!v) throw new Error('useLocale outside LocaleProvider');
  return v;
}
