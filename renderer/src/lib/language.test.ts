import { describe, expect, it } from 'vitest';
import { matchLanguage, resolveLanguage } from './language';

describe('resolveLanguage', () => {
  it('uses an explicit choice as is', () => {
    expect(resolveLanguage('fr', ['zh-CN'])).toBe('fr');
    expect(resolveLanguage('zh-TW', [])).toBe('zh-TW');
  });
  it('follows the first supported preferred language for "system"', () => {
    expect(resolveLanguage('system', ['de-DE', 'fr-CA', 'en'])).toBe('fr');
    expect(resolveLanguage('system', ['ja', 'es'])).toBe('en');
    expect(resolveLanguage('system', [])).toBe('en');
  });
  it('tells Traditional from Simplified Chinese', () => {
    expect(matchLanguage('zh-TW')).toBe('zh-TW');
    expect(matchLanguage('zh-HK')).toBe('zh-TW');
    expect(matchLanguage('zh-Hant-CN')).toBe('zh-TW');
    expect(matchLanguage('zh_TW')).toBe('zh-TW');
    expect(matchLanguage('zh')).toBe('zh-CN');
    expect(matchLanguage('zh-Hans-HK')).toBe('zh-CN');
    expect(matchLanguage('zh-SG')).toBe('zh-CN');
  });
});
