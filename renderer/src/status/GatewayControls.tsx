/**
 * Start, Stop and Restart, each enabled only when it makes sense for the current state, with the last action's
 * error shown beneath. Shared by the status panel, the wizard and the gateway page. The pressed button keeps the
 * focus while its action runs and after it fails; when it succeeds and no longer applies (Start once started), the
 * focus moves to the group's first button that does (Stop).
 */
import { useEffect, useRef, useState } from 'react';
import type { AppErrorShape, GatewayState, Result } from '../../../shared/contract';
import { api } from '../api';
import { ErrorNote } from '../components/ErrorNote';
import { BusyButton } from '../components/BusyButton';
import { useLocale } from '../hooks/use-locale';
import { focusFirst, focusLost } from '../lib/focus';
import { gatewayActions } from '../../../shared/gateway-actions';

type Action = 'start' | 'stop' | 'restart';

/** The three buttons for `state`; `onState` receives the state each action answers with; `labels` renames them. */
export function GatewayControls(props: { state: GatewayState | null; onState: (s: GatewayState) => void; primary?: Action | undefined; labels?: Partial<Record<Action, string>> }) {
  const { state, onState, primary, labels } = props;
  const { t } = useLocale();
  const [busy, setBusy] = useState<Action | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const enabled = gatewayActions(state);
  const group = useRef<HTMLDivElement>(null);
  const pressed = useRef(false);

  // After an action, a button the state has just disabled must not take the focus down with it.
  useEffect(() => {
    if (busy !== null || !pressed.current || !group.current) return;
    pressed.current = false;
    const el = document.activeElement;
    const ours = !el || el === document.body || group.current.contains(el);
    if (ours && focusLost()) focusFirst(...group.current.querySelectorAll('button'));
  });

  const run = async (action: Action) => {
    pressed.current = true;
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
    <BusyButton
      className={primary === action ? 'button-primary' : undefined}
      disabled={!enabled[action] || busy !== null}
      busy={busy === action}
      busyLabel={t(`gateway.busy.${action}`)}
      onClick={() => void run(action)}
    >
      {labels?.[action] ?? t(`gateway.action.${action}`)}
    </BusyButton>
  );

  return (
    <div className="gateway-controls">
      <div className="button-row" ref={group}>
        {button('start')}
        {button('stop')}
        {button('restart')}
      </div>
      <ErrorNote error={error} />
    </div>
  );
}
