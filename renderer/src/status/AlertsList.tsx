/**
 * The small list of alerts under the status panel, each with Renew, Snooze (1 hour, until tomorrow 9:00, until
 * the next threshold) and Dismiss. Snoozed alerts stay listed with the time they come back.
 */
import { useState, type KeyboardEvent } from 'react';
import type { Alert, AppErrorShape } from '../../../shared/contract';
import { api } from '../api';
import { ErrorNote } from '../components/ErrorNote';
import { useAppData } from '../hooks/use-app-data';
import { useLocale } from '../hooks/use-locale';
import { useNow } from '../hooks/use-now';
import { formatDateTime } from '../lib/format';
import { snoozeUntil, type SnoozePreset } from '../../../shared/snooze';
import { useAlertText } from './use-alert-text';

const SNOOZE_CHOICES: readonly SnoozePreset[] = ['one-hour', 'tomorrow-morning', 'next-threshold'];

/** Escape closes an open snooze menu and returns the focus to its button. */
function closeOnEscape(e: KeyboardEvent<HTMLDetailsElement>): void {
  if (e.key !== 'Escape' || !e.currentTarget.open) return;
  e.currentTarget.open = false;
  e.currentTarget.querySelector('summary')?.focus();
}

/** The alerts card, or nothing without alerts. */
export function AlertsList({ onRenew }: { onRenew: (alert: Alert) => void }) {
  const { t, locale } = useLocale();
  const { alerts } = useAppData();
  const now = useNow();
  const text = useAlertText();
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const list = alerts.value ?? [];
  if (list.length === 0) return null;

  const run = async (id: string, call: () => Promise<{ ok: boolean; error?: AppErrorShape }>) => {
    setBusy(id);
    setError(null);
    const r = await call();
    setBusy(null);
    if (r.ok) void alerts.reload();
    else setError(r.error ?? null);
  };
  const snooze = (a: Alert, choice: SnoozePreset) => run(a.id, () => api().alertsSnooze({ id: a.id, until: snoozeUntil(choice, Date.now()) }));

  return (
    <section className="card" aria-labelledby="alerts-card-title">
      <h3 id="alerts-card-title">{t('alerts.title')}</h3>
      <ErrorNote error={error} />
      <ul className="alert-list">
        {list.map((a) => {
          const snoozed = a.snoozedUntil !== undefined && a.snoozedUntil > now;
          return (
            <li key={a.id} className="alert-item" data-kind={a.kind} data-snoozed={snoozed || undefined}>
              <p>
                {text(a, now)}
                {snoozed && <span className="muted"> · {t('alerts.snoozedUntil', { when: formatDateTime(a.snoozedUntil!, locale) })}</span>}
              </p>
              <div className="button-row" role="group" aria-label={t('alerts.actionsFor', { profile: a.profileId })}>
                {(a.kind === 'threshold' || a.kind === 'expired') && (
                  <button type="button" onClick={() => onRenew(a)}>
                    {t('alerts.renew')}
                  </button>
                )}
                <details className="menu" onKeyDown={closeOnEscape}>
                  <summary>{t('alerts.snooze')}</summary>
                  <div className="menu-items">
                    {SNOOZE_CHOICES.map((choice) => (
                      <button key={choice} type="button" disabled={busy === a.id} onClick={() => void snooze(a, choice)}>
                        {t(`alerts.snoozeChoice.${choice}`)}
                      </button>
                    ))}
                  </div>
                </details>
                <button type="button" disabled={busy === a.id} onClick={() => void run(a.id, () => api().alertsDismiss({ id: a.id }))}>
                  {t('alerts.dismiss')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
