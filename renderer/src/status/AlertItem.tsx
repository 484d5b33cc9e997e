/**
 * One alert of the alerts card: its sentence (with the time it comes back when snoozed) and Renew, Snooze (1 hour,
 * until tomorrow 9:00, until the next threshold) and Dismiss. Memoised, and it reads the window's one clock itself,
 * so a tick re-renders the alerts and not the card around them.
 */
import { memo, type KeyboardEvent } from 'react';
import type { Alert } from '../../../shared/contract';
import { useLocale } from '../hooks/use-locale';
import { useNow } from '../hooks/use-now';
import { formatDateTime } from '../lib/format';
import type { SnoozePreset } from '../../../shared/snooze';
import { tickNear } from '../lib/timed-status';
import { useAlertText } from './use-alert-text';

const SNOOZE_CHOICES: readonly SnoozePreset[] = ['one-hour', 'tomorrow-morning', 'next-threshold'];

/** What an alert's buttons ask for. */
export type AlertAction = { kind: 'renew' } | { kind: 'dismiss' } | { kind: 'snooze'; choice: SnoozePreset };

/** Escape closes an open snooze menu and returns the focus to its button. */
function closeOnEscape(e: KeyboardEvent<HTMLDetailsElement>): void {
  if (e.key !== 'Escape' || !e.currentTarget.open) return;
  e.currentTarget.open = false;
  e.currentTarget.querySelector('summary')?.focus();
}

/** One alert; `onAction` is stable across renders. */
export const AlertItem = memo(function AlertItem({ alert: a, busy, onAction }: { alert: Alert; busy: boolean; onAction: (alert: Alert, action: AlertAction) => void }) {
  const { t, locale } = useLocale();
  const now = useNow(tickNear([a.expiresAt, a.snoozedUntil]));
  const text = useAlertText();
  const snoozed = a.snoozedUntil !== undefined && a.snoozedUntil > now;
  return (
    <li className="alert-item" data-kind={a.kind} data-snoozed={snoozed || undefined} tabIndex={-1}>
      <p>
        {text(a, now)}
        {snoozed && <span className="muted"> · {t('alerts.snoozedUntil', { when: formatDateTime(a.snoozedUntil!, locale) })}</span>}
      </p>
      <div className="button-row" role="group" aria-label={t('alerts.actionsFor', { profile: a.profileId })}>
        {(a.kind === 'threshold' || a.kind === 'expired') && (
          <button type="button" onClick={() => onAction(a, { kind: 'renew' })}>
            {t('alerts.renew')}
          </button>
        )}
        <details className="menu" onKeyDown={closeOnEscape}>
          <summary>{t('alerts.snooze')}</summary>
          <div className="menu-items">
            {SNOOZE_CHOICES.map((choice) => (
              <button key={choice} type="button" disabled={busy} onClick={() => onAction(a, { kind: 'snooze', choice })}>
                {t(`alerts.snoozeChoice.${choice}`)}
              </button>
            ))}
          </div>
        </details>
        <button type="button" disabled={busy} onClick={() => onAction(a, { kind: 'dismiss' })}>
          {t('alerts.dismiss')}
        </button>
      </div>
    </li>
  );
});
