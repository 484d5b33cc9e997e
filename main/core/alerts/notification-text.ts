/**
 * Turns an alert into the notification the shell shows: title and body in the user's language naming the
 * provider, the profile and the time left, and the action that opens the renew form for that profile. Strings
 * live in `shared/i18n/notifications.ts`; durations and dates are formatted by `Intl`.
 */
import type { Alert, ProfileView } from '../../../shared/contract';
import { notificationStrings, type AppLanguage } from '../../../shared/i18n/notifications';
import { lazyTranslator } from '../../../shared/i18n/translator';
import { providerDisplayName } from '../../../shared/provider-names';
import type { NotificationRequest } from '../context';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const t = lazyTranslator('notifications', notificationStrings);

/** Intl formatters are costly to build: one per language and unit, kept. */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function formatter<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => F): F {
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = make()));
  return f as F;
}

/** "7 days", "24 heures", "45分钟": one unit, the largest that reads well (days from 2 days, hours from 1 hour). */
export function formatTimeLeft(ms: number, lang: AppLanguage): string {
  const unit = (u: 'day' | 'hour' | 'minute', n: number) =>
    formatter(`${lang}|${u}`, () => new Intl.NumberFormat(lang, { style: 'unit', unit: u, unitDisplay: 'long' })).format(n);
  if (ms >= 2 * DAY) return unit('day', Math.round(ms / DAY));
  if (ms >= HOUR) return unit('hour', Math.round(ms / HOUR));
  return unit('minute', Math.max(1, Math.ceil(ms / MINUTE)));
}

/** The expiry date and time in the user's language and the machine's time zone. */
export function formatDate(epochMs: number, lang: AppLanguage): string {
  return formatter(`${lang}|date`, () => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' })).format(new Date(epochMs));
}

/** What the text needs to know beyond the alert. */
export interface NotificationTextInput {
  alert: Alert;
  profile: Pick<ProfileView, 'name' | 'type'>;
  reminder: boolean;
  lang: AppLanguage;
  now: number;
  /** Name the agent in the body (when it is not the one the app shows by default). */
  showAgent: boolean;
}

/** Title and body of an expiry notification. */
export function notificationText(input: NotificationTextInput): { title: string; body: string } {
  const { alert, profile, lang } = input;
  const tr = t();
  const vars = {
    lng: lang,
    context: profile.type,
    provider: providerDisplayName(alert.provider),
    profile: profile.name,
    agent: input.showAgent ? tr.t('agentSuffix', { lng: lang, agent: alert.agentId }) : '',
    timeLeft: formatTimeLeft(Math.max(0, alert.expiresAt - input.now), lang),
    date: formatDate(alert.expiresAt, lang),
  };
  const expired = alert.kind === 'expired';
  const title = tr.t(expired ? 'expiredTitle' : 'thresholdTitle', vars);
  const body = tr.t(expired ? 'expiredBody' : 'thresholdBody', vars);
  return { title: input.reminder ? tr.t('reminderTitle', { lng: lang, title }) : title, body };
}

/** The full request for `ctx.notifier.show`: clicking it opens the renew form for this profile. */
export function alertNotification(input: NotificationTextInput): NotificationRequest {
  const { alert, profile } = input;
  return {
    id: alert.id,
    ...notificationText(input),
    action: { view: 'renew', agentId: alert.agentId, profileId: alert.profileId, provider: alert.provider, profileName: profile.name },
  };
}

/** Title and body of the notice shown when the gateway gives up (crash loop) or refuses its configuration. */
export function gatewayFailureText(reason: 'crash-loop' | 'config', lang: AppLanguage): { title: string; body: string } {
  const key = reason === 'crash-loop' ? 'gatewayCrashLoop' : 'gatewayConfig';
  return { title: t().t(`${key}Title`, { lng: lang }), body: t().t(`${key}Body`, { lng: lang }) };
}
