/**
 * Translates tray words (`shared/i18n/tray.ts`) with one synchronous i18next instance, the same way the expiry
 * notifications are translated, and formats dates like them (`Intl`, the machine's time zone). No I/O, no
 * Electron: both shells build the tray model with it.
 */
import type { AppLanguage } from '../../shared/i18n/notifications';
import { trayStrings } from '../../shared/i18n/tray';
import { lazyTranslator } from '../../shared/i18n/translator';

export { formatDate } from '../core/alerts/notification-text';

const instance = lazyTranslator('tray', trayStrings);

/** A translate function bound to one language. */
export type TrayTranslate = (key: string, vars?: Record<string, string | number>) => string;

/** The tray's words in `lang` (English for anything a language lacks). */
export function trayTranslator(lang: AppLanguage): TrayTranslate {
  const t = instance();
  return (key, vars) => t.t(key, { ...vars, lng: lang });
}
