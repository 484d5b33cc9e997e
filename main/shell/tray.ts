/**
 * Renders a `TrayModel` with Electron's `Tray` and `Menu`, rebuilding the whole menu on every update (Linux only
 * picks up changes to a menu that is set again), and carries out clicked actions. Clicking the icon opens the
 * window. The model comes from `tray-model.ts`, its input from `main/tray/tray-input.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { GatewayState } from '../../shared/contract';
import type { Logger } from '../core/context';
import { defaultLogFile } from '../core/gateway/gateway-config';
import type { ElectronSurface, MenuItemOptionsLike, TrayLike } from './electron-surface';
import { trayIconFile, type TrayAction, type TrayModel } from '../tray/tray-model';

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

/** The folder of OpenClaw's log: from the gateway's state when known, else OpenClaw's default for `now`. */
export function logsFolder(gateway: Pick<GatewayState, 'logFile'> | null, now: Date): string {
  return path.dirname(gateway?.logFile ?? defaultLogFile(now));
}

/**
 * Opens the logs folder in the desktop's file manager, creating it (0700) first: OpenClaw creates it only once
 * the gateway has logged, and an empty folder is a better answer than an error.
 */
export async function openLogsFolder(gateway: Pick<GatewayState, 'logFile'> | null, now: Date, openPath: (target: string) => Promise<string>): Promise<void> {
  const folder = logsFolder(gateway, now);
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  const error = await openPath(folder);
  if (error) throw new Error(`${folder}: ${error}`);
}

/** What tray actions can do. */
export interface TrayActionContext {
  /** Shows the window, optionally on a view (`{ view: 'renew', profileId }`). */
  openView(request?: Record<string, string>): void;
  /** Runs a gateway channel through core (`gateway:start` ...); resolves once core has answered. */
  gateway(op: 'start' | 'stop' | 'restart'): Promise<{ ok: boolean; message?: string }>;
  openLogsFolder(): Promise<void>;
  /** Opens OpenClaw's dashboard in the browser (`gateway:openDashboard`); resolves once core has answered. */
  openDashboard(): Promise<{ ok: boolean; message?: string }>;
  quit(): void;
  logger: Logger;
}

/** Carries out a clicked tray action. Failures are logged (the tray has nowhere to show them; the window does). */
export async function handleTrayAction(action: TrayAction, ctx: TrayActionContext): Promise<void> {
  const gateway = async (op: 'start' | 'stop' | 'restart') => {
    const result = await ctx.gateway(op).catch((err: unknown) => ({ ok: false, message: err instanceof Error ? err.message : String(err) }));
    if (!result.ok) ctx.logger.warn(`tray: gateway ${op} failed: ${result.message ?? 'unknown error'}`);
    return result.ok;
  };
  switch (action.kind) {
    case 'open-window':
      ctx.openView();
      return;
    case 'open-view':
      ctx.openView(action.request);
      return;
    case 'gateway':
      await gateway(action.op);
      return;
    case 'open-logs':
      await ctx.openLogsFolder().catch((err: unknown) => ctx.logger.warn(`tray: could not open the logs folder: ${err instanceof Error ? err.message : String(err)}`));
      return;
    case 'open-dashboard': {
      const result = await ctx.openDashboard().catch((err: unknown) => ({ ok: false, message: err instanceof Error ? err.message : String(err) }));
      if (!result.ok) ctx.logger.warn(`tray: could not open the dashboard: ${result.message ?? 'unknown error'}`);
      return;
    }
    case 'quit':
      ctx.quit();
      return;
    case 'quit-and-stop-gateway':
      await gateway('stop');
      ctx.quit();
      return;
  }
}
