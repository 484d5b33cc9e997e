/**
 * The alerts under the status panel, most urgent first, each with Renew, Snooze and Dismiss (`AlertItem`).
 * Snoozed alerts stay listed with the time they come back. A long list shows its first few alerts and a button for
 * the next ones (the focus moves to the first of them), so hundreds of alerts cost no more than a handful.
 */
import { useCallback, useRef, useState } from 'react';
import type { Alert, AppErrorShape } from '../../../shared/contract';
import { api } from '../api';
import { ErrorNote } from '../components/ErrorNote';
import { useAppData } from '../hooks/use-app-data';
import { useLocale } from '../hooks/use-locale';
import { usePaged } from '../hooks/use-paged';
import { snoozeUntil } from '../../../shared/snooze';
import { AlertItem, type AlertAction } from './AlertItem';

/** Alerts shown before "Show more", and how many more each press shows. */
export const ALERTS_PREVIEW = 5;
export const ALERTS_STEP = 50;

/** The alerts card, or nothing without alerts. */
export function AlertsList({ onRenew }: { onRenew: (alert: Alert) => void }) {
  const { t } = useLocale();
  const { alerts } = useAppData();
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const list = alerts.value ?? [];
  const { shown, hidden, next, showMore, listRef } = usePaged<HTMLUListElement>(list.length, ALERTS_PREVIEW, ALERTS_STEP);
  const latest = useRef({ alerts, onRenew });
  latest.current = { alerts, onRenew };

  const onAction = useCallback((a: Alert, action: AlertAction) => {
    if (action.kind === 'renew') return latest.current.onRenew(a);
    const call = action.kind === 'dismiss' ? () => api().alertsDismiss({ id: a.id }) : () => api().alertsSnooze({ id: a.id, until: snoozeUntil(action.choice, Date.now()) });
    setBusy(a.id);
    setError(null);
    void call().then((r) => {
      setBusy(null);
      if (r.ok) void latest.current.alerts.reload();
      else setError(r.error);
    });
  }, []);

  if (list.length === 0) return null;

  return (
    <section className="card" aria-labelledby="alerts-card-title">
      <div className="card-head">
        <h3 id="alerts-card-title">{t('alerts.title')}</h3>
        {list.length > ALERTS_PREVIEW && <span className="muted">{t('alerts.count', { count: list.length })}</span>}
      </div>
      <ErrorNote error={error} />
      <ul className="alert-list" ref={listRef}>
        {list.slice(0, shown).map((a) => (
          <AlertItem key={a.id} alert={a} busy={busy === a.id} onAction={onAction} />
        ))}
      </ul>
      {hidden > 0 && (
        <button type="button" className="show-more" onClick={showMore}>
          {next === hidden ? t('alerts.showRest', { count: next }) : t('alerts.showMore', { count: next, hidden })}
        </button>
      )}
    </section>
  );
}
