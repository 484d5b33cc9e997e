/**
 * Start, Stop and Restart, each enabled only when it makes sense for the current state, with the last action's
 * error shown beneath. Shared by the status panel, the wizard and the gateway page.
 */
import { useState } from 'react';
import type { AppErrorShape, GatewayState, Result } from '../../../shared/contract';
import { api } from '../api';
import { ErrorNote } from '../components/ErrorNote';
import { useLocale } from '../hooks/use-locale';
import { gatewayActions } from '../../../shared/gateway-actions';

type Action = 'start' | 'stop' | 'restart';

/** The three buttons for `state`; `onState` receives the state each action answers with; `labels` renames them. */
export function GatewayControls(props: { state: GatewayState | null; onState: (s: GatewayState) => void; primary?: Action | undefined; labels?: Partial<Record<Action, string>> }) {
  const { state, onState, primary, labels } = props;
  const { t } = useLocale();
  const [busy, setBusy] = useState<Action | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const enabled = gatewayActions(state);

  const run = async (action: Action) => {
    setBusy(action);
    setError(null);
    const calls: Record<Action, () => Promise<Result<GatewayState>>> = {
      start: () => api().gatewayStart(),
      stop: () => api().gatewayStop(),
      restart: () => api().gatewayRestart(),
    };
    const r = await calls[action]();
    setBusy(null);
    if (r.ok) onState(r.value);
    else setError(r.error);
  };

  const button = (action: Action) => (
    <button
      type="button"
      className={primary === action ? 'button-primary' : undefined}
      disabled={!enabled[action] || busy !== null}
      aria-busy={busy === action || undefined}
      onClick={() => void run(action)}
    >
      {busy === action ? t(`gateway.busy.${action}`) : (labels?.[action] ?? t(`gateway.action.${action}`))}
    </button>
  );

  return (
    <div className="gateway-controls">
      <div className="button-row">
        {button('start')}
        {button('stop')}
        {button('restart')}
      </div>
      <ErrorNote error={error} />
    </div>
  );
}
