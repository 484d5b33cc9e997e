import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../shared/contract';
import { notificationStrings } from '../../../shared/i18n/notifications';
import { alertNotification, formatTimeLeft, notificationText } from './notification-text';

const H = 3_600_000;
const D = 24 * H;
const NOW = Date.UTC(2026, 5, 1, 8);

function alert(kind: Alert['kind'], thresholdMs: number, expiresAt: number, extra: Partial<Alert> = {}): Alert {
  return { id: 'x', agentId: 'main', profileId: 'anthropic:work', provider: 'anthropic', kind, thresholdMs, expiresAt, raisedAt: NOW, inUse: true, ...extra };
}
const token = { name: 'work', type: 'token' as const };
/** Intl puts (narrow) no-break spaces in French: compare with plain spaces. */
const plain = (s: string) => s.replace(/\s/g, ' ');

describe('notification text', () => {
  it('formats the time left with Intl in one readable unit', () => {
    expect(formatTimeLeft(7 * D, 'en')).toBe('7 days');
    expect(formatTimeLeft(24 * H, 'en')).toBe('24 hours');
    expect(formatTimeLeft(H, 'en')).toBe('1 hour');
    expect(formatTimeLeft(59 * 60_000 + 1, 'en')).toBe('60 minutes');
    expect(formatTimeLeft(10_000, 'en')).toBe('1 minute');
    expect(plain(formatTimeLeft(24 * H, 'fr'))).toBe('24 heures');
    expect(formatTimeLeft(7 * D, 'zh-CN')).toBe('7天');
    expect(formatTimeLeft(H, 'zh-TW')).toBe('1 小時');
  });

  it('names the provider, the profile and the time left, in each language', () => {
    const a = alert('threshold', 24 * H, NOW + 24 * H);
    const cases = {
      en: ['Anthropic token expires in 24 hours', 'Profile “work” expires in 24 hours'],
      fr: ['Le jeton Anthropic expire dans 24 heures', 'Le profil « work » expire dans 24 heures'],
      'zh-CN': ['Anthropic Token 将在24小时后过期', '配置文件“work”将在24小时后过期'],
      'zh-TW': ['Anthropic 權杖將於 24 小時後到期', '設定檔「work」將於 24 小時後到期'],
    } as const;
    for (const [lang, [title, body]] of Object.entries(cases)) {
      const text = notificationText({ alert: a, profile: token, reminder: false, lang: lang as keyof typeof cases, now: NOW, showAgent: false });
      expect(plain(text.title)).toBe(title);
      expect(plain(text.body).startsWith(body)).toBe(true);
    }
  });

  it('words keys, tokens and expired OAuth sign-ins differently, and names a non-default agent', () => {
    const key = notificationText({
      alert: alert('threshold', 7 * D, NOW + 7 * D, { provider: 'cloudflare-ai-gateway', agentId: 'work' }),
      profile: { name: 'default', type: 'api_key' },
      reminder: false,
      lang: 'en',
      now: NOW,
      showAgent: true,
    });
    expect(key.title).toBe('Cloudflare AI Gateway API key expires in 7 days');
    expect(key.body).toContain('Profile “default” (agent “work”) expires in 7 days');
    const oauth = notificationText({ alert: alert('expired', 0, NOW - H), profile: { name: 'me', type: 'oauth' }, reminder: true, lang: 'fr', now: NOW, showAgent: false });
    expect(oauth.title).toBe('Rappel\u00a0: La connexion Anthropic a expiré');
    expect(oauth.body).toContain('OpenClaw n’a pas pu le rafraîchir');
  });

  it('asks the shell to open the renew form for that profile', () => {
    const n = alertNotification({ alert: alert('expired', 0, NOW - H, { id: 'the-id' }), profile: token, reminder: false, lang: 'en', now: NOW, showAgent: false });
    expect(n).toMatchObject({
      id: 'the-id',
      title: 'Anthropic token has expired',
      action: { view: 'renew', agentId: 'main', profileId: 'anthropic:work', provider: 'anthropic', profileName: 'work' },
    });
  });

  it('has the same keys and variables in every language', () => {
    const vars = (s: string) => [...s.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    const en = notificationStrings.en;
    for (const strings of Object.values(notificationStrings)) {
      expect(Object.keys(strings).sort()).toEqual(Object.keys(en).sort());
      for (const [key, value] of Object.entries(strings)) expect(vars(value)).toEqual(vars(en[key]!));
    }
  });
});
