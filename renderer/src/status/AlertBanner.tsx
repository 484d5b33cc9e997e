/**
 * The banner at the top of the status panel: the most urgent alert that is not snoozed, with a button to fix it
 * (the renew form of that credential), and how many more there are.
 */
import type { Alert } from '../../../shared/contract';
import { useAppData } from '../hooks/use-app-data';
import { useLocale } from '../hooks/use-locale';
import { useNow } from '../hooks/use-now';
import { tickNear } from '../lib/timed-status';
import { activeAlerts, alertKindAt, alertMoments, useAlertText } from './use-alert-text';

/** The banner, or nothing when all is well. `onRenew` opens the renew form for the alert's credential. */
export function AlertBanner({ onRenew }: { onRenew: (alert: Alert) => void }) {
  const { t } = useLocale();
  const { alerts } = useAppData();
  const now = useNow(tickNear(alertMoments(alerts.value ?? [])));
  const text = useAlertText();
  const active = activeAlerts(alerts.value ?? [], now);
  const first = active[0];
  if (!first) return null;
  const kind = alertKindAt(first, now);
  const severe = kind === 'expired' || kind === 'disabled';
  return (
    <section className="banner" data-tone={severe ? 'error' : 'warn'} aria-labelledby="alert-banner-text">
      <p id="alert-banner-text" className="banner-text">
        <strong>{severe ? t('alerts.bannerSevere') : t('alerts.banner')}</strong> {text(first, now)}
        {active.length > 1 && <span className="muted"> {t('alerts.more', { count: active.length - 1 })}</span>}
      </p>
      {(first.kind === 'threshold' || first.kind === 'expired') && (
        <button type="button" className="button-primary" onClick={() => onRenew(first)}>
          {t('alerts.renew')}
        </button>
      )}
    </section>
  );
}
