/**
 * The window's translations: i18next with react-i18next. Resources live in `shared/i18n/` beside the
 * notification strings main uses (one scheme for the whole app: i18next resources per language, in `shared/`):
 * the window's strings are `ui/<lang>.json`. English (the fallback for any key) comes with the app; the other
 * languages load on first use, a few milliseconds from local files, so the window does not parse four languages to
 * show one. `applyLanguage` resolves once the language is ready.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { AppLanguage } from '../../shared/i18n/notifications';
import en from '../../shared/i18n/ui/en.json';

type Strings = Record<string, unknown>;

/** Where each language's strings come from. */
export const UI_STRINGS: Record<AppLanguage, () => Promise<Strings>> = {
  en: async () => en,
  fr: async () => (await import('../../shared/i18n/ui/fr.json')).default,
  'zh-CN': async () => (await import('../../shared/i18n/ui/zh-CN.json')).default,
  'zh-TW': async () => (await import('../../shared/i18n/ui/zh-TW.json')).default,
};

/** The app's i18next instance (not the global one, so nothing else can change its language). */
export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en } },
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: Object.keys(UI_STRINGS),
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
  showSupportNotice: false,
});

let wanted: AppLanguage = 'en';

/**
 * Switches the window's language and the document's `lang` (screen readers pick their voice from it) once its
 * strings are loaded. When several switches overlap, the last one asked for wins.
 */
export async function applyLanguage(lng: AppLanguage): Promise<void> {
  wanted = lng;
  if (!i18n.hasResourceBundle(lng, 'translation')) {
    const strings = await UI_STRINGS[lng]();
    i18n.addResourceBundle(lng, 'translation', strings, true, true);
  }
  if (wanted !== lng) return;
  if (i18n.language !== lng) await i18n.changeLanguage(lng);
  document.documentElement.lang = lng;
}
