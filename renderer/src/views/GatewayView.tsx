/**
 * The gateway page: state and controls, where OpenClaw was found (or installing it), the port, OpenClaw's own
 * log file, and the live log tail.
 */
import { ErrorNote } from '../components/ErrorNote';
import { InstallCard } from '../gateway/InstallCard';
import { LogTail } from '../gateway/LogTail';
import { useAppData } from '../hooks/use-app-data';
import { useLocale } from '../hooks/use-locale';
import { gatewayTone } from '../lib/gateway-view';
import type { Route } from '../lib/navigate';
import { GatewayFacts, GatewayProblem } from '../status/GatewayCard';
import { GatewayControls } from '../status/GatewayControls';

/** The gateway screen; `navigate` leads to Settings when that is where a failure is fixed. */
export function GatewayView({ navigate }: { navigate: (route: Route) => void }) {
  const { t } = useLocale();
  const { gateway } = useAppData();
  const state = gateway.value;
  return (
    <div className="stack">
      <section className="card" aria-labelledby="gw-state-title">
        <div className="card-head">
          <h3 id="gw-state-title">{t('gateway.title')}</h3>
          <span className="chip" data-tone={gatewayTone(state?.status)} data-testid="gateway-page-status">
            {state ? t(`gateway.status.${state.status}`) : t('common.loading')}
          </span>
        </div>
        {!state && <ErrorNote error={gateway.error} />}
        {state && <GatewayFacts state={state} />}
        {state && state.status !== 'not-installed' && <GatewayProblem state={state} here="gateway" onOpen={(place) => navigate({ view: place })} />}
        <GatewayControls state={state} onState={gateway.set} />
      </section>
      <InstallCard installation={state?.installation} />
      <LogTail />
    </div>
  );
}
