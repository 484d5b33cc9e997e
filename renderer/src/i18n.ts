/**
 * The window's translations: i18next with react-i18next. Resources live in `shared/i18n/` beside the
 * notification strings main uses (one scheme for the whole app: i18next resources per language, in `shared/`):
 * the window's strings are `ui/<lang>.json`. All bundled (they are small), so switching language is instant and
 * works offline. English is the fallback for any key.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { AppLanguage } from '../../shared/i18n/notifications';
import en from '../../shared/i18n/ui/en.json';
import fr from '../../shared/i18n/ui/fr.json';
import zhCN from '../../shared/i18n/ui/zh-CN.json';
import zhTW from '../../shared/i18n/ui/zh-TW.json';

/** The window's own strings, by language. */
export const UI_STRINGS: Record<AppLanguage, Record<string, unknown>> = { en, fr, 'zh-CN': zhCN, 'zh-TW': zhTW };

/** The app's i18next instance (not the global one, so nothing else can change its language). */
export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: Object.fromEntries(
    (Object.keys(UI_STRINGS) as AppLanguage[]).map((lng) => [lng, { translation: UI_STRINGS[lng] }]),
  ),
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: Object.keys(UI_STRINGS),
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
  showSupportNotice: false,
});

/** Switches the window's language and the document's `lang` (screen readers pick their voice from it). */
export function applyLanguage(lng: AppLanguage): void {
  if (i18n.language !== lng) void i18n.changeLanguage(lng);
  document.documentElement.lang = lng;
}
