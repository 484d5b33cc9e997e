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
      t(`alerts.text.${alert.kind}`, {
        profile: alert.profileId,
        provider: providerName(alert.provider),
        agent: alert.agentId,
        when: formatRelative(alert.expiresAt, now, locale),
        date: formatDateTime(alert.expiresAt, locale),
      }),
    [t, locale],
  );
}

/** Alerts not currently snoozed. */
export function activeAlerts(alerts: readonly Alert[], now: number): Alert[] {
  return alerts.filter((a) => a.snoozedUntil === undefined || a.snoozedUntil <= now);
}
