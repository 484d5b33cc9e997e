/**
 * The app frame: a header with the gateway state, navigation between the four screens, and the current screen.
 */
import { useEffect, useState } from 'react';
import type { AppInfo } from '../../shared/contract';
import { api } from './api';
import { useGatewayState } from './use-gateway-state';

const VIEWS = ['status', 'credentials', 'gateway', 'settings'] as const;
type View = (typeof VIEWS)[number];
const TITLES: Record<View, string> = { status: 'Status', credentials: 'Credentials', gateway: 'Gateway', settings: 'Settings' };

/** The whole window. */
export function App() {
  const [view, setView] = useState<View>('status');
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const gateway = useGatewayState();

  useEffect(() => {
    void api()
      .appInfo()
      .then((r) => (r.ok ? setInfo(r.value) : setError(r.error.message)));
  }, []);

  return (
    <div className="app">
      <header className="app-header">
        <h1>ClawTray</h1>
        <span className="gateway-pill" data-status={gateway?.status ?? 'unknown'} aria-live="polite">
          Gateway: {gateway?.status ?? '…'}
        </span>
      </header>
      <nav className="app-nav" aria-label="Main">
        {VIEWS.map((v) => (
          <button key={v} type="button" aria-current={view === v ? 'page' : undefined} onClick={() => setView(v)}>
            {TITLES[v]}
          </button>
        ))}
      </nav>
      <main className="app-main">
        <h2>{TITLES[view]}</h2>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        {view === 'status' && info && (
          <dl className="app-info" aria-label="About this ClawTray">
            <dt>Version</dt>
            <dd data-testid="app-version">{info.version}</dd>
            <dt>Shell</dt>
            <dd data-testid="app-shell">{info.shell}</dd>
            <dt>OpenClaw state folder</dt>
            <dd data-testid="app-state-dir">{info.stateDir}</dd>
            <dt>Configuration file</dt>
            <dd data-testid="app-config-path">{info.configPath}</dd>
            <dt>Agent</dt>
            <dd data-testid="app-agent">{info.agentId}</dd>
          </dl>
        )}
      </main>
    </div>
  );
}
