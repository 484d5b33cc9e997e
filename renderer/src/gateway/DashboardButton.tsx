/**
 * "Open dashboard": OpenClaw's own dashboard (chat, sessions, its settings) on the gateway's port, offered while a
 * gateway answers. Main builds the address with the gateway token; the desktop app opens it in the default
 * browser itself (the token never reaches this window), the web shell gets it back and opens a new tab here.
 */
import { useState } from 'react';
import type { AppErrorShape, GatewayState } from '../../../shared/contract';
import { api } from '../api';
import { BusyButton } from '../components/BusyButton';
import { ErrorNote } from '../components/ErrorNote';
import { useLocale } from '../hooks/use-locale';

/** Gateway states in which the dashboard is offered. */
const OFFERED = new Set<GatewayState['status']>(['ready', 'external']);

/** The button and one line on what it opens; nothing while no gateway answers. */
export function DashboardButton({ state, primary = false }: { state: GatewayState | null; primary?: boolean }) {
  const { t } = useLocale();
  const [busy, setBusy] = useState(false);
  const [opened, setOpened] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  if (!state || !OFFERED.has(state.status)) return null;

  const open = async () => {
    setBusy(true);
    setError(null);
    setOpened(false);
    const r = await api().gatewayOpenDashboard();
    setBusy(false);
    if (!r.ok) return setError(r.error);
    if (!r.value.opened && r.value.url) window.open(r.value.url, '_blank', 'noopener,noreferrer');
    setOpened(true);
  };

  return (
    <div className="dashboard-link">
      <p className="muted">{t('gateway.dashboard.what')}</p>
      <BusyButton className={primary ? 'button-primary' : undefined} busy={busy} busyLabel={t('gateway.dashboard.opening')} onClick={() => void open()}>
        {t('gateway.dashboard.open')}
      </BusyButton>
      {opened && (
        <p className="muted" role="status">
          {t('gateway.dashboard.opened')}
        </p>
      )}
      <ErrorNote error={error} />
    </div>
  );
}
