/**
 * A synchronous i18next instance for one namespace of main-process strings (notifications, tray menu), created on
 * first use. Both share this so their strings resolve plurals and fallbacks the same way.
 */
import { createInstance, type i18n } from 'i18next';

/** Returns a getter for a lazily created i18next instance serving `strings[lng]` under namespace `ns`. */
export function lazyTranslator(ns: string, strings: Record<string, object>): () => i18n {
  let instance: i18n | undefined;
  return () => {
    if (!instance) {
      instance = createInstance();
      void instance.init({
        resources: Object.fromEntries(Object.entries(strings).map(([lng, s]) => [lng, { [ns]: s }])),
        ns: [ns],
        defaultNS: ns,
        lng: 'en',
        fallbackLng: 'en',
        interpolation: { escapeValue: false },
        initAsync: false,
        showSupportNotice: false,
      });
    }
    return instance;
  };
}
