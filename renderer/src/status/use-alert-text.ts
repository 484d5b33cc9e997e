/**
 * One sentence per alert in the user's language: which credential, of which provider, and when it expires (or
 * expired, or becomes usable again).
 */
import { useCallback } from 'react';
import type { Alert } from '../../../shared/contract';
import { useLocale } from '../hooks/use-locale';
import { formatDateTime, formatRelative } from '../lib/format';
import { providerDisplayName as providerName } from '../../../shared/provider-names';

/** A function from (alert, now) to its sentence. */
export function useAlertText(): (alert: Alert, now: number) => string {
  const { t, locale } = useLocale();
  return useCallback(
    (alert, now) =>
      t(`alerts.text.${alertKindAt(alert, now)}`, {
        profile: alert.profileId,
        provider: providerName(alert.provider),
        agent: alert.agentId,
        when: formatRelative(alert.expiresAt, now, locale),
        date: formatDateTime(alert.expiresAt, locale),
      }),
    [t, locale],
  );
}

/**
 * The alert's kind at `now`: a warning ("expires in 2 hours") whose expiry has passed reads as expired, as the
 * credential's chip does, until main replaces it with its expired alert.
 */
export function alertKindAt(alert: Pick<Alert, 'kind' | 'expiresAt'>, now: number): Alert['kind'] {
  return alert.kind === 'threshold' && alert.expiresAt <= now ? 'expired' : alert.kind;
}

/** When each of these alerts changes words: its expiry and the end of its snooze (for `useNow`'s `tickNear`). */
export function alertMoments(alerts: readonly Alert[]): number[] {
  return alerts.flatMap((a) => (a.snoozedUntil === undefined ? [a.expiresAt] : [a.expiresAt, a.snoozedUntil]));
}

/** Alerts not currently snoozed. */
export function activeAlerts(alerts: readonly Alert[], now: number): Alert[] {
  return alerts.filter((a) => a.snoozedUntil === undefined || a.snoozedUntil <= now);
}
