/**
 * The Electron composition root: hands the real `electron` module, electron-store and core's factory to the
 * shell, with the paths of the built renderer, preload and tray icons. All behaviour lives in `main/shell`
 * (tested against a fake Electron) and `main/core` (plain Node).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, Notification, powerMonitor, protocol, session, shell, Tray } from 'electron';
import ElectronStore from 'electron-store';
import { createAppCore } from './core/app-core';
import type { ElectronSurface } from './shell/electron-surface';
import { loginLaunchCommand } from './shell/login-item';
import { createLineLogger } from './shell/logger';
import { startShell } from './shell/shell';

const here = path.dirname(fileURLToPath(import.meta.url));
const electron: ElectronSurface = {
  app,
  BrowserWindow,
  dialog: {
    showErrorBox: (title, content) => dialog.showErrorBox(title, content),
    // The shell only ever holds windows it made with `BrowserWindow` above.
    showMessageBox: (window, options) => dialog.showMessageBox(window as BrowserWindow, options),
  },
  ipcMain,
  Menu,
  Notification,
  powerMonitor,
  protocol,
  session,
  shell,
  Tray,
};
const appRoot = path.join(here, '..', '..');

startShell(electron, {
  createCore: createAppCore,
  createStore: (options) => new ElectronStore<Record<string, unknown>>(options),
  rendererRoot: path.join(here, '..', 'renderer'),
  preloadPath: path.join(here, '..', 'preload', 'index.cjs'),
  trayIconDir: app.isPackaged ? path.join(process.resourcesPath, 'tray') : path.join(appRoot, 'resources', 'tray'),
  platform: process.platform,
  env: process.env,
  argv: process.argv,
  loginLaunch: loginLaunchCommand({ execPath: process.execPath, isPackaged: app.isPackaged, appPath: appRoot, env: process.env }),
  logger: createLineLogger((line) => process.stderr.write(`${line}\n`)),
  signals: process,
});
