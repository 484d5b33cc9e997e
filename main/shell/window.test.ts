import { describe, expect, it } from 'vitest';
import { createFakeElectron } from '../testing/fake-electron';
import { APP_START_URL } from './security';
import { closeAction, createMainWindow } from './window';

const silent = { info() {}, warn() {}, error() {} };

function setup(trayAvailable = true) {
  const fake = createFakeElectron();
  let quitRequests = 0;
  const mainWindow = createMainWindow({
    BrowserWindow: fake.surface.BrowserWindow,
    preloadPath: '/app/dist/preload/index.cjs',
    startUrl: APP_START_URL,
    trayAvailable: () => trayAvailable,
    requestQuit: () => void quitRequests++,
    logger: silent,
  });
  return { fake, mainWindow, quitRequests: () => quitRequests };
}

describe('closeAction', () => {
  it.each([
    [{ quitting: true, trayAvailable: true }, 'close'],
    [{ quitting: true, trayAvailable: false }, 'close'],
    [{ quitting: false, trayAvailable: true }, 'hide'],
    [{ quitting: false, trayAvailable: false }, 'quit'],
  ] as const)('%o -> %s', (state, action) => {
    expect(closeAction(state)).toBe(action);
  });
});

describe('the main window', () => {
  it('is created hidden with the secure preferences and loads app://clawtray', () => {
    const { fake, mainWindow } = setup();
    mainWindow.open({ show: true });
    const [w] = fake.windows;
    expect(w!.options.show).toBe(false);
    expect(w!.options.webPreferences).toMatchObject({ preload: '/app/dist/preload/index.cjs', contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(w!.loadedUrl).toBe('app://clawtray/index.html');
    expect(w!.visible).toBe(false);
    w!.emit('ready-to-show');
    expect(w!.visible && w!.focused).toBe(true);
  });

  it('stays hidden when opened for a login-item launch', () => {
    const { fake, mainWindow } = setup();
    mainWindow.open({ show: false });
    fake.windows[0]!.emit('ready-to-show');
    expect(fake.windows[0]!.visible).toBe(false);
  });

  it('hides on close until quitting, then really closes', () => {
    const { fake, mainWindow, quitRequests } = setup();
    const w = mainWindow.open({ show: false });
    w.show();
    expect(fake.windows[0]!.close()).toBe(false);
    expect(w.isVisible()).toBe(false);
    expect(mainWindow.get()).toBe(w);
    mainWindow.setQuitting();
    expect(fake.windows[0]!.close()).toBe(true);
    expect(mainWindow.get()).toBeNull();
    expect(quitRequests()).toBe(0);
  });

  it('asks to quit on close when there is no tray to come back from', () => {
    const { fake, mainWindow, quitRequests } = setup(false);
    mainWindow.open({ show: true });
    expect(fake.windows[0]!.close()).toBe(false);
    expect(quitRequests()).toBe(1);
  });

  it('showAndFocus restores, shows and focuses, and recreates a closed window', () => {
    const { fake, mainWindow } = setup();
    mainWindow.open({ show: false });
    fake.windows[0]!.minimized = true;
    mainWindow.showAndFocus();
    expect(fake.windows[0]).toMatchObject({ minimized: false, visible: true, focused: true });
    mainWindow.setQuitting();
    fake.windows[0]!.close();
    mainWindow.showAndFocus();
    expect(fake.windows).toHaveLength(2);
    expect(fake.windows[1]).toMatchObject({ visible: true, loadedUrl: APP_START_URL });
  });

  it('opens only one window', () => {
    const { fake, mainWindow } = setup();
    expect(mainWindow.open({ show: true })).toBe(mainWindow.open({ show: true }));
    expect(fake.windows).toHaveLength(1);
  });
});
