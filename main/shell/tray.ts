/**
 * Renders a `TrayModel` with Electron's `Tray` and `Menu`, rebuilding the whole menu on every update (Linux only
 * picks up changes to a menu that is set again). Clicking the icon opens the window.
 */
import path from 'node:path';
import type { ElectronSurface, MenuItemOptionsLike, TrayLike } from './electron-surface';
import { trayIconFile, type TrayAction, type TrayModel } from './tray-model';

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
