/**
 * Keeps the tray's input current from core, for both shells: the Electron shell renders a native tray from it,
 * the web shell serves the same model at `/api/shell/tray`. Seeded once from `gateway:state`, `auth:status`,
 * `models:status` and `alerts:list`, then follows their events and the settings (language, kept gateway, selected agent). No Electron.
 */
import type { Settings } from '../../shared/contract';
import { resolveLanguage, systemLocalesFromEnv } from '../../shared/i18n/language';
import type { Dispatch } from '../core/dispatch';
import type { EventSource } from '../core/events';
import type { SettingsService } from '../core/settings';
import { EMPTY_TRAY_INPUT, type TrayInput } from './tray-model';

/** The part of `AppCore` the tracker reads. */
export interface TrayInputSource {
  dispatch: Dispatch;
  events: EventSource;
  settings: Pick<SettingsService, 'get' | 'onChange'>;
}

/** Follows the tray's input. */
export interface TrayInputTracker {
  current(): TrayInput;
  /** Asks core once for the current state (events that arrived first win). */
  seed(): Promise<void>;
  dispose(): void;
}

/** What the tracker takes from the settings. */
function fromSettings(settings: Settings, env: Record<string, string | undefined>): Pick<TrayInput, 'language' | 'keepGatewayRunning'> {
  return { language: resolveLanguage(settings.language, systemLocalesFromEnv(env)), keepGatewayRunning: settings.keepGatewayRunning };
}

/**
 * Keeps a `TrayInput` from core's `gateway:state`, `auth:status` and `models:changed` (of the agent chosen in
 * settings only) and `alerts:changed` events and from settings changes, calling `onChange` with each new input.
 */
export function trackTrayInput(
  core: TrayInputSource,
  options: { env: Record<string, string | undefined>; onChange?: (input: TrayInput) => void },
): TrayInputTracker {
  const settings = core.settings;
  let agentId = settings.get().agentId;
  let input: TrayInput = { ...EMPTY_TRAY_INPUT, ...fromSettings(settings.get(), options.env) };
  const heard = { gateway: false, auth: false, alerts: false, models: false };
  let disposed = false;
  const set = (patch: Partial<TrayInput>) => {
    if (disposed) return;
    input = { ...input, ...patch };
    options.onChange?.(input);
  };
  const readAuth = async () => {
    const asked = agentId;
    const auth = await core.dispatch('auth:status', { agentId: asked });
    if (auth.ok && asked === agentId && !heard.auth) set({ auth: auth.value as TrayInput['auth'] });
  };
  const readModels = async () => {
    const asked = agentId;
    const models = await core.dispatch('models:status', { agentId: asked });
    if (models.ok && asked === agentId && !heard.models) set({ models: models.value as TrayInput['models'] });
  };
  const offs = [
    core.events.on('gateway:state', (gateway) => ((heard.gateway = true), set({ gateway }))),
    core.events.on('auth:status', (auth) => {
      if (auth.agentId !== agentId) return;
      heard.auth = true;
      set({ auth });
    }),
    core.events.on('models:changed', (models) => {
      if (models.agentId !== agentId) return;
      heard.models = true;
      set({ models });
    }),
    core.events.on('alerts:changed', ({ alerts }) => ((heard.alerts = true), set({ alerts }))),
    settings.onChange((next, prev) => {
      const patch: Partial<TrayInput> = fromSettings(next, options.env);
      if (next.agentId !== agentId) {
        agentId = next.agentId;
        heard.auth = false;
        heard.models = false;
        patch.auth = null;
        patch.models = null;
        void readAuth().catch(() => undefined);
        void readModels().catch(() => undefined);
      }
      if (next.agentId !== prev.agentId || next.language !== prev.language || next.keepGatewayRunning !== prev.keepGatewayRunning) set(patch);
    }),
  ];
  return {
    current: () => input,
    async seed() {
      const [gateway, auth, alerts, models] = await Promise.all([
        core.dispatch('gateway:state', {}),
        core.dispatch('auth:status', { agentId }),
        core.dispatch('alerts:list', {}),
        core.dispatch('models:status', { agentId }),
      ]);
      const patch: Partial<TrayInput> = {};
      if (gateway.ok && !heard.gateway) patch.gateway = gateway.value as TrayInput['gateway'];
      const authValue = auth.ok ? (auth.value as NonNullable<TrayInput['auth']>) : null;
      if (authValue && !heard.auth && authValue.agentId === agentId) patch.auth = authValue;
      if (alerts.ok && !heard.alerts) patch.alerts = (alerts.value as { alerts: TrayInput['alerts'] }).alerts;
      const modelsValue = models.ok ? (models.value as NonNullable<TrayInput['models']>) : null;
      if (modelsValue && !heard.models && modelsValue.agentId === agentId) patch.models = modelsValue;
      if (Object.keys(patch).length) set(patch);
    },
    dispose() {
      disposed = true;
      for (const off of offs) off();
    },
  };
}
