/**
 * Renders a `TrayModel` with Electron's `Tray` and `Menu`, rebuilding the whole menu on every update (Linux only
 * picks up changes to a menu that is set again), and keeps the tray's input current from core's events.
 * Clicking the icon opens the window.
 */
import path from 'node:path';
import type { Dispatch } from '../core/dispatch';
import type { EventSource } from '../core/events';
import type { ElectronSurface, MenuItemOptionsLike, TrayLike } from './electron-surface';
import { EMPTY_TRAY_INPUT, trayIconFile, type TrayAction, type TrayInput, type TrayModel } from './tray-model';

/** What the tray needs. */
export interface TrayDeps {
  Tray: ElectronSurface['Tray'];
  Menu: ElectronSurface['Menu'];
  /** Folder holding the PNGs from `resources/tray/`. */
  iconDir: string;
  platform: NodeJS.Platform;
  onAction(action: TrayAction): void;
}

/** The live tray. */
export interface TrayController {
  render(model: TrayModel): void;
  dispose(): void;
}

/** Maps model entries to Electron menu items. */
export function toMenuTemplate(model: TrayModel, onAction: (action: TrayAction) => void): MenuItemOptionsLike[] {
  return model.menu.map((entry) => {
    if (entry.type === 'separator') return { type: 'separator' };
    const { action } = entry;
    return action
      ? { type: 'normal', label: entry.label, enabled: entry.enabled, click: () => onAction(action) }
      : { type: 'normal', label: entry.label, enabled: entry.enabled };
  });
}

/** Creates the tray icon showing `initial`. */
export function createTray(deps: TrayDeps, initial: TrayModel): TrayController {
  const iconPath = (model: TrayModel) => path.join(deps.iconDir, trayIconFile(model.icon, deps.platform));
  let tray: TrayLike | null = new deps.Tray(iconPath(initial));
  tray.on('click', () => deps.onAction({ kind: 'open-window' }));
  const render = (model: TrayModel) => {
    if (!tray) return;
    tray.setImage(iconPath(model));
    tray.setToolTip(model.tooltip);
    tray.setContextMenu(deps.Menu.buildFromTemplate(toMenuTemplate(model, deps.onAction)));
  };
  render(initial);
  return {
    render,
    dispose() {
      tray?.destroy();
      tray = null;
    },
  };
}

/** What tray actions can do. */
export interface TrayActionContext {
  /** Shows the window, optionally on a view (`{ view: 'renew', profileId }`). */
  openView(action?: Record<string, string>): void;
  quit(): void;
}

/** Carries out a clicked tray action. */
export function handleTrayAction(action: TrayAction, ctx: TrayActionContext): void {
  switch (action.kind) {
    case 'open-window':
      ctx.openView();
      return;
    case 'quit':
      ctx.quit();
      return;
  }
}

/** Follows the tray's input. */
export interface TrayInputTracker {
  current(): TrayInput;
  /** Asks core once for the current state (events that arrived first win). */
  seed(): Promise<void>;
  dispose(): void;
}

/** Keeps a `TrayInput` from core's `gateway:state`, `auth:status` and `alerts:changed`, calling `onChange` on each. */
export function trackTrayInput(core: { dispatch: Dispatch; events: EventSource }, onChange: (input: TrayInput) => void): TrayInputTracker {
  let input: TrayInput = EMPTY_TRAY_INPUT;
  const heard = { gateway: false, auth: false, alerts: false };
  const set = (patch: Partial<TrayInput>) => {
    input = { ...input, ...patch };
    onChange(input);
  };
  const offs = [
    core.events.on('gateway:state', (gateway) => ((heard.gateway = true), set({ gateway }))),
    core.events.on('auth:status', (auth) => ((heard.auth = true), set({ auth }))),
    core.events.on('alerts:changed', ({ alerts }) => ((heard.alerts = true), set({ alerts }))),
  ];
  return {
    current: () => input,
    async seed() {
      const [gateway, auth, alerts] = await Promise.all([
        core.dispatch('gateway:state', {}),
        core.dispatch('auth:status', {}),
        core.dispatch('alerts:list', {}),
      ]);
      const patch: Partial<TrayInput> = {};
      if (gateway.ok && !heard.gateway) patch.gateway = gateway.value as TrayInput['gateway'];
      if (auth.ok && !heard.auth) patch.auth = auth.value as TrayInput['auth'];
      if (alerts.ok && !heard.alerts) patch.alerts = (alerts.value as { alerts: TrayInput['alerts'] }).alerts;
      if (Object.keys(patch).length) set(patch);
    },
    dispose() {
      for (const off of offs) off();
    },
  };
}
