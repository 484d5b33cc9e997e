import { describe, expect, it } from 'vitest';
import { GatewayFailReason, GatewayStatus } from '../contract';
import { trayStrings } from './tray';

const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('tray strings', () => {
  const en = trayStrings.en;

  it('has words for every gateway status and failure reason of the contract', () => {
    for (const status of GatewayStatus.options) expect(en[`status_${status}`], status).toBeTruthy();
    for (const reason of GatewayFailReason.options) expect(en[`reason_${reason}`], reason).toBeTruthy();
  });

  it.each(Object.entries(trayStrings))('%s has exactly the English keys, with the same variables', (_lang, strings) => {
    expect(Object.keys(strings).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(strings)) {
      expect(text.trim(), key).not.toBe('');
      expect(vars(text), key).toEqual(vars(en[key]!));
    }
  });

  it('is really translated (French and Chinese differ from English for sentences)', () => {
    for (const lang of ['fr', 'zh-CN', 'zh-TW'] as const) {
      for (const key of ['status_ready', 'start', 'stop', 'restart', 'logs', 'settings', 'quit', 'quitAndStop', 'attentionHeader']) {
        expect(trayStrings[lang][key], `${lang}.${key}`).not.toBe(en[key]);
      }
    }
  });
});
