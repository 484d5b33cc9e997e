import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/contract';
import { createSettingsService, type SettingsBackend } from '../core/settings';
import { makeTempDir } from '../testing/test-support';
import { AUTOSTART_FILE } from './autostart-entry';
import { createFakeElectron } from '../testing/fake-electron';
import { createLoginItem, HIDDEN_FLAG, loginLaunchCommand, syncLoginItem, windowsArgs } from './login-item';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function settingsService(initial: Partial<Settings> = {}) {
  let store: Record<string, unknown> = { ...DEFAULT_SETTINGS, ...initial };
  const backend: SettingsBackend = {
    get store() {
      return store;
    },
    set store(v) {
      store = v;
    },
  };
  return createSettingsService(backend);
}

function setup(platform: NodeJS.Platform, initial: Partial<Settings> = {}) {
  const tmp = makeTempDir();
  cleanups.push(tmp.cleanup);
  const fake = createFakeElectron();
  const logs: string[] = [];
  const logger = { info: (m: string) => logs.push(m), warn: (m: string) => logs.push(m), error: (m: string) => logs.push(m) };
  const launch = { exe: '/Apps/Claw Tray/clawtray', args: [HIDDEN_FLAG] };
  const item = createLoginItem({ platform, app: fake.app, launch, env: { XDG_CONFIG_HOME: path.join(tmp.dir, 'cfg') }, homeDir: tmp.dir, logger });
  const settings = settingsService(initial);
  const entry = path.join(tmp.dir, 'cfg', 'autostart', AUTOSTART_FILE);
  return { fake, item, settings, logs, logger, entry, launch };
}

describe('loginLaunchCommand', () => {
  it('launches the packaged app (the AppImage file when running from one) or Electron with the app folder, hidden', () => {
    expect(loginLaunchCommand({ execPath: '/opt/ClawTray/clawtray', isPackaged: true, appPath: '/x', env: {} })).toEqual({ exe: '/opt/ClawTray/clawtray', args: ['--hidden'] });
    expect(loginLaunchCommand({ execPath: '/tmp/.mount_X/clawtray', isPackaged: true, appPath: '/x', env: { APPIMAGE: '/home/a/ClawTray.AppImage' } })).toEqual({
      exe: '/home/a/ClawTray.AppImage',
      args: ['--hidden'],
    });
    expect(loginLaunchCommand({ execPath: '/repo/electron', isPackaged: false, appPath: '/repo', env: { APPIMAGE: '/no' } })).toEqual({
      exe: '/repo/electron',
      args: ['/repo', '--hidden'],
    });
  });

  it('quotes Windows arguments holding spaces', () => {
    expect(windowsArgs(['--hidden', 'C:\\My App', 'a"b'])).toEqual(['--hidden', '"C:\\My App"', '"a\\"b"']);
  });
});

describe('createLoginItem', () => {
  it('macOS: Electron login item on and off', () => {
    const { fake, item } = setup('darwin');
    item.apply(true);
    expect(fake.app.loginItem).toEqual({ openAtLogin: true });
    item.apply(false);
    expect(fake.app.loginItem).toEqual({ openAtLogin: false });
  });

  it('Windows: the executable with --hidden, skipped at start-up when already set', () => {
    const { fake, item, launch } = setup('win32');
    item.apply(true, { onlyIfDifferent: true });
    expect(fake.app.loginItem).toEqual({ openAtLogin: true, path: launch.exe, args: ['--hidden'] });
    item.apply(true, { onlyIfDifferent: true });
    expect(fake.app.loginItemCalls).toHaveLength(1);
    item.apply(false);
    expect(fake.app.loginItem).toEqual({ openAtLogin: false, path: launch.exe, args: ['--hidden'] });
  });

  it('Linux: writes the XDG autostart entry 0644 and removes it', () => {
    const { fake, item, entry } = setup('linux');
    item.apply(true);
    expect(fs.readFileSync(entry, 'utf8')).toContain('Exec="/Apps/Claw Tray/clawtray" --hidden\n');
    expect(fs.statSync(entry).mode & 0o777).toBe(0o644);
    item.apply(false);
    expect(fs.existsSync(entry)).toBe(false);
    expect(fake.app.loginItemCalls).toEqual([]);
  });
});

describe('syncLoginItem', () => {
  it('is off by default: nothing is written at start-up', () => {
    const { fake, item, settings, logger, entry } = setup('linux');
    syncLoginItem(settings, item, logger);
    expect(fs.existsSync(entry)).toBe(false);
    const mac = setup('darwin');
    syncLoginItem(mac.settings, mac.item, mac.logger);
    expect(mac.fake.app.loginItemCalls).toEqual([]);
    expect(fake.app.loginItemCalls).toEqual([]);
  });

  it('refreshes an enabled item at start-up and follows every change of the setting', () => {
    const { item, settings, logger, entry } = setup('linux', { openAtLogin: true });
    const stop = syncLoginItem(settings, item, logger);
    expect(fs.existsSync(entry)).toBe(true);
    settings.update({ openAtLogin: false });
    expect(fs.existsSync(entry)).toBe(false);
    settings.update({ port: 19000 });
    expect(fs.existsSync(entry)).toBe(false);
    settings.update({ openAtLogin: true });
    expect(fs.existsSync(entry)).toBe(true);
    stop();
    settings.update({ openAtLogin: false });
    expect(fs.existsSync(entry)).toBe(true);
  });

  it('logs a failure and keeps the setting as the user chose it', () => {
    const { settings, logs } = setup('darwin');
    const failing = {
      apply() {
        throw new Error('not allowed');
      },
    };
    syncLoginItem(settings, failing, { info() {}, warn() {}, error: (m) => logs.push(m) });
    expect(settings.update({ openAtLogin: true }).openAtLogin).toBe(true);
    expect(logs).toEqual(['could not turn start at login on']);
  });
});
