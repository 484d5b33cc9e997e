/**
 * Which of the app's languages to speak: the user's setting, or for `system` the first usable locale the shell
 * knows (main: `LANGUAGE`, `LC_ALL`, `LC_MESSAGES`, `LANG`, then Intl's default; renderer: `navigator.languages`).
 */
import type { Language } from '../contract';
import type { AppLanguage } from './notifications';

/** Maps one locale tag (`fr_FR.UTF-8`, `zh-Hant-HK`, `en-GB`) to an app language, or undefined when unsupported. */
export function matchLanguage(locale: string | undefined): AppLanguage | undefined {
  if (!locale) return undefined;
  const tag = locale.split(/[.@]/)[0]!.replace(/_/g, '-').toLowerCase();
  if (!tag || tag === 'c' || tag === 'posix') return undefined;
  const [lang, ...rest] = tag.split('-');
  if (lang === 'en') return 'en';
  if (lang === 'fr') return 'fr';
  if (lang === 'zh') return rest.some((p) => p === 'hant' || p === 'tw' || p === 'hk' || p === 'mo') ? 'zh-TW' : 'zh-CN';
  return undefined;
}

/** The language to use: an explicit setting wins; `system` tries each candidate locale in turn, then English. */
export function resolveLanguage(setting: Language, systemLocales: readonly (string | undefined)[]): AppLanguage {
  if (setting !== 'system') return setting;
  for (const locale of systemLocales) {
    const match = matchLanguage(locale);
    if (match) return match;
  }
  return 'en';
}

/** Main's candidate locales: GNU `LANGUAGE` (a `:` list), then POSIX precedence, then the runtime's default. */
export function systemLocalesFromEnv(env: Record<string, string | undefined>): (string | undefined)[] {
  const gnu = env.LANGUAGE ? env.LANGUAGE.split(':') : [];
  return [...gnu, env.LC_ALL, env.LC_MESSAGES, env.LANG, Intl.DateTimeFormat().resolvedOptions().locale];
}
