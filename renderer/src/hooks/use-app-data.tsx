/**
 * Everything the screens share, fetched once and kept live by main's events: app info, settings, the gateway
 * state, the auth status of the current agent, and the alerts. One subscription per event for the whole window.
 */
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import type { Alert, AppInfo, AuthStatus, GatewayState, Result, Settings } from '../../../shared/contract';
import { api } from '../api';
import { prefetchedOr } from '../boot/prefetch';
import { useAuthNow } from './use-auth-now';
import { useLive, type Live } from './use-live';

/** The shared data, each part with its error (a channel that is not available yet, a corrupt file...). */
export interface AppData {
  info: AppInfo | null;
  settings: Live<Settings>;
  updateSettings: (patch: Partial<Settings>) => Promise<Result<Settings>>;
  gateway: Live<GatewayState>;
  auth: Live<AuthStatus>;
  alerts: Live<Alert[]>;
  /** The agent whose credentials the window shows. */
  agentId: string;
}

const Ctx = createContext<AppData | null>(null);
const noop = () => () => undefined;

/** Provides `useAppData()` to the window. */
export function AppDataProvider({ children }: { children: ReactNode }) {
  // The first fetch of each takes the answer the entry point asked for while the app was loading (boot/prefetch).
  const infoLive = useLive<AppInfo>('info', () => prefetchedOr('app:info', () => api().appInfo()), noop);
  const settings = useLive<Settings>('settings', () => prefetchedOr('settings:get', () => api().settingsGet()), noop);
  const agentId = settings.value?.agentId ?? infoLive.value?.agentId ?? 'main';
  const gateway = useLive<GatewayState>('gateway', () => prefetchedOr('gateway:state', () => api().gatewayState()), (set) => api().onGatewayState(set));
  const authAsSent = useLive<AuthStatus>(
    `auth:${agentId}`,
    () => prefetchedOr('auth:status', () => api().authStatus({ agentId }), (s: AuthStatus) => s.agentId === agentId),
    (set) => api().onAuthStatus((s) => s.agentId === agentId && set(s)),
  );
  // Chips, group summaries and the remove warning follow the clock, not only main's last answer.
  const auth = useAuthNow(authAsSent);
  const alerts = useLive<Alert[]>(
    'alerts',
    async () => {
      const r = await prefetchedOr('alerts:list', () => api().alertsList());
      return r.ok ? { ok: true, value: r.value.alerts } : r;
    },
    (set) => api().onAlertsChanged((p) => set(p.alerts)),
  );

  const setSettings = settings.set;
  const updateSettings = useCallback(
    async (patch: Partial<Settings>) => {
      const r = await api().settingsUpdate(patch);
      if (r.ok) setSettings(r.value);
      return r;
    },
    [setSettings],
  );

  const value = useMemo<AppData>(
    () => ({ info: infoLive.value, settings, updateSettings, gateway, auth, alerts, agentId }),
    [infoLive.value, settings, updateSettings, gateway, auth, alerts, agentId],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

/** The shared data; only inside `AppDataProvider`. */
export function useAppData(): AppData {
  const v = useContext(Ctx);
  if (!v) throw new Error('useAppData outside AppDataProvider');
  return v;
}
