import { beforeAll, describe, expect, it } from 'vitest';
import { maskSecret } from '../../../shared/masking';
import { i18n, UI_STRINGS } from '../i18n';
import { maskText } from './mask-text';

describe('maskText', () => {
  beforeAll(async () => {
    for (const lng of ['fr', 'zh-CN', 'zh-TW'] as const) i18n.addResourceBundle(lng, 'translation', await UI_STRINGS[lng](), true, true);
  });
  const inLang = (lng: string) => i18n.getFixedT(lng) as (key: string, options?: Record<string, unknown>) => string;

  it('words a length-only mask in each language and shows the ends of a long one as they are', () => {
    const short = maskSecret('p'.repeat(22));
    expect(maskText(short, inLang('en'), '-')).toBe('22 characters');
    expect(maskText(maskSecret('p'), inLang('en'), '-')).toBe('1 character');
    expect(maskText(short, inLang('fr'), '-')).toBe('22 caractères');
    expect(maskText(short, inLang('zh-CN'), '-')).toBe('22 个字符');
    expect(maskText(short, inLang('zh-TW'), '-')).toBe('22 個字元');
    expect(maskText('4+ characters', inLang('fr'), '-')).toBe('au moins 4 caractères');
    expect(maskText(maskSecret(`sk-ant-api03-${'k'.repeat(40)}WXYZ`), inLang('zh-CN'), '-')).toBe('sk-a...WXYZ');
    expect(maskText('', inLang('en'), '(no secret stored)')).toBe('(no secret stored)');
  });
});
