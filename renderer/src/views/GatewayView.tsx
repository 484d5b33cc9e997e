/**
 * The gateway page: state and controls, where OpenClaw was found (or installing or updating it), the import into
 * OpenClaw when one is needed, the port, OpenClaw's own log file, and the live log tail.
 */
import { ErrorNote } from '../components/ErrorNote';
import { DiagnosticsCard } from '../gateway/DiagnosticsCard';
import { InstallCard } from '../gateway/InstallCard';
import { LogTail } from '../gateway/LogTail';
import { useAppData } from '../hooks/use-app-data';
import { MigrationCard } from '../migration/MigrationCard';
import type { Route } from '../lib/navigate';
import { GatewayFacts, GatewayHead, GatewayProblem } from '../status/GatewayCard';
import { GatewayControls } from '../status/GatewayControls';
import { DashboardButton } from '../gateway/DashboardButton';

/** The gateway screen; `navigate` leads to Settings when that is where a failure is fixed. */
export function GatewayView({ navigate }: { navigate: (route: Route) => void }) {
  const { gateway } = useAppData();
  const state = gateway.value;
  return (
    <div className="stack">
      <section className="card" aria-labelledby="gw-state-title">
        <GatewayHead state={state} titleId="gw-state-title" testId="gateway-page-status" />
        {!state && <ErrorNote error={gateway.error} />}
        {state && <GatewayFacts state={state} />}
        {state && state.status !== 'not-installed' && <GatewayProblem state={state} here="gateway" onOpen={(place, focus) => navigate({ view: place, ...(focus ? { focus } : {}) })} />}
        <GatewayControls state={state} onState={gateway.set} />
        <DashboardButton state={state} />
      </section>
      <InstallCard installation={state?.installation} />
      <MigrationCard />
      <LogTail />
      <DiagnosticsCard />
    </div>
  );
}
