import { describe, expect, it } from 'vitest';
import { matchLanguage, resolveLanguage, systemLocalesFromEnv } from './language';

describe('language', () => {
  it('maps locale tags in POSIX and BCP 47 spelling to the app languages', () => {
    expect(matchLanguage('fr_FR.UTF-8')).toBe('fr');
    expect(matchLanguage('fr-CA')).toBe('fr');
    expect(matchLanguage('en_GB@euro')).toBe('en');
    expect(matchLanguage('zh_CN.UTF-8')).toBe('zh-CN');
    expect(matchLanguage('zh-Hans-SG')).toBe('zh-CN');
    expect(matchLanguage('zh_TW')).toBe('zh-TW');
    expect(matchLanguage('zh-Hant')).toBe('zh-TW');
    expect(matchLanguage('zh-HK')).toBe('zh-TW');
    expect(matchLanguage('C.UTF-8')).toBeUndefined();
    expect(matchLanguage('de_DE')).toBeUndefined();
    expect(matchLanguage(undefined)).toBeUndefined();
  });

  it('lets an explicit setting win, and otherwise takes the first supported system locale, else English', () => {
    expect(resolveLanguage('zh-TW', ['fr_FR'])).toBe('zh-TW');
    expect(resolveLanguage('system', ['C', 'de_DE', 'fr_FR.UTF-8'])).toBe('fr');
    expect(resolveLanguage('system', ['C.UTF-8', undefined])).toBe('en');
  });

  it('reads LANGUAGE, LC_ALL, LC_MESSAGES and LANG in that order', () => {
    const locales = systemLocalesFromEnv({ LANGUAGE: 'zh_TW:en', LC_ALL: 'fr_FR', LANG: 'en_US' });
    expect(locales.slice(0, 5)).toEqual(['zh_TW', 'en', 'fr_FR', undefined, 'en_US']);
    expect(resolveLanguage('system', systemLocalesFromEnv({ LANG: 'fr_FR.UTF-8' }))).toBe('fr');
  });
});
