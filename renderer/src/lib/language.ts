/**
 * Which of the window's languages to use: the one chosen in settings, or for `system` the best match among the
 * browser's (in Electron, the OS's) preferred languages. Traditional Chinese is chosen for zh-TW, zh-HK, zh-MO
 * and any `Hant` tag (a `Hans` script wins over the region); any other Chinese gets Simplified.
 */
import type { Language } from '../../../shared/contract';

/** The languages the window is translated into. */
export const UI_LANGUAGES = ['en', 'fr', 'zh-CN', 'zh-TW'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** Maps one BCP 47 tag to a supported language, or null. */
export function matchLanguage(tag: string): UiLanguage | null {
  const lower = tag.toLowerCase().replace(/_/g, '-');
  const [primary] = lower.split('-');
  if (primary === 'en') return 'en';
  if (primary === 'fr') return 'fr';
  if (primary === 'zh') {
    if (/-hans\b/.test(lower)) return 'zh-CN';
    if (/-hant\b/.test(lower) || /-(tw|hk|mo)\b/.test(lower)) return 'zh-TW';
    return 'zh-CN';
  }
  return null;
}

/** The language to show for a settings value and the platform's preferred languages (first match wins). */
export function resolveLanguage(setting: Language, preferred: readonly string[]): UiLanguage {
  if (setting !== 'system') return setting;
  for (const tag of preferred) {
    const match = matchLanguage(tag);
    if (match) return match;
  }
  return 'en';
}
