import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppCore, type AppCore, type CoreDeps } from '../core/app-core';
import { makeTempDir } from '../core/test-support';
import { createFakeElectron } from './fake-electron';
import type { StoreFactory } from './preferences';
import { startShell, type ShellOptions } from './shell';

const CSP = "default-src 'none'; script-src 'self'";
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const confStore: StoreFactory = ({ name, ...rest }) => new Conf<Record<string, unknown>>({ ...rest, configName: name, projectName: 'clawtray' });
const nextTick = () => new Promise((r) => setImmediate(r));

function setup(overrides: Partial<ShellOptions> = {}, fakeOptions: Parameters<typeof createFakeElectron>[0] = {}) {
  const tmp = makeTempDir();
  const dirs = { userData: path.join(tmp.dir, 'userData'), state: path.join(tmp.dir, 'state'), renderer: path.join(tmp.dir, 'renderer') };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  fs.writeFileSync(path.join(dirs.renderer, 'index.html'), `<meta http-equiv="Content-Security-Policy" content="${CSP}"><div id="root"></div>`);
  const fake = createFakeElectron({ userData: dirs.userData, ...fakeOptions });
  const cores: AppCore[] = [];
  const createCore = (deps: CoreDeps) => {
    const core = createAppCore({ ...deps, stateDirOverride: dirs.state, env: {}, homeDir: tmp.dir });
    vi.spyOn(core, 'dispose');
    cores.push(core);
    return core;
  };
  const errors: string[] = [];
  const handle = startShell(fake.surface, {
    createCore,
    createStore: confStore,
    rendererRoot: dirs.renderer,
    preloadPath: '/app/dist/preload/index.cjs',
    trayIconDir: '/app/resources/tray',
    platform: 'linux',
    env: { DISPLAY: ':0', XDG_CURRENT_DESKTOP: 'KDE' },
    argv: ['electron', '.'],
    logger: { info() {}, warn() {}, error: (m) => errors.push(m) },
    ...overrides,
  });
  cleanups.push(async () => {
    for (const c of cores) await c.dispose();
    tmp.cleanup();
  });
  const started = async () => {
    await fake.ready();
    const running = await handle.ready;
    if (!running) throw new Error('shell did not start');
    return running;
  };
  return { fake, handle, dirs, cores, errors, started, window: () => fake.windows[0]! };
}

describe('startShell', () => {
  it('enables the sandbox and registers app:// before ready, and hardens new web contents', () => {
    const { fake } = setup();
    expect(fake.calls).toEqual(['app.enableSandbox', 'protocol.registerSchemesAsPrivileged']);
    expect(fake.app.listenerCount('web-contents-created')).toBe(1);
    expect(fake.windows).toHaveLength(0);
  });

  it('on ready: serves the renderer over app://, opens the window and answers IPC from it', async () => {
    const { fake, dirs, started, window } = setup();
    await started();
    const page = await fake.protocol.handlers.get('app')!(new Request('app://clawtray/index.html'));
    expect(page.headers.get('content-security-policy')).toBe(CSP);
    expect(window().loadedUrl).toBe('app://clawtray/index.html');
    window().emit('ready-to-show');
    expect(window().visible).toBe(true);
    expect(fake.defaultSession.checkHandler!(null, 'media')).toBe(false);

    const info = await fake.ipcMain.invoke(window().invokeEvent(), 'app:info', {});
    expect(info).toEqual({ ok: true, value: expect.objectContaining({ shell: 'electron', version: '9.9.9-fake', stateDir: dirs.state }) });
    const foreign = await fake.ipcMain.invoke(window().invokeEvent('https://evil.example/'), 'app:info', {});
    expect(foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('keeps preferences in electron-store under userData', async () => {
    const { fake, dirs, started, window } = setup();
    await started();
    const r = await fake.ipcMain.invoke(window().invokeEvent(), 'settings:update', { port: 19001 });
    expect(r).toMatchObject({ ok: true, value: { port: 19001 } });
    expect(JSON.parse(fs.readFileSync(path.join(dirs.userData, 'settings.json'), 'utf8'))).toMatchObject({ port: 19001 });
  });

  it('focuses the window when a second instance starts', async () => {
    const { fake, started, window } = setup();
    await started();
    expect(window().visible).toBe(false);
    fake.app.emit('second-instance', {}, [], '/');
    await nextTick();
    expect(window()).toMatchObject({ visible: true, focused: true });
  });

  it('hides on close, and quitting disposes core once before the app goes', async () => {
    const { fake, cores, started, window } = setup();
    await started();
    window().show();
    expect(window().close()).toBe(false);
    expect(window().visible).toBe(false);

    fake.app.quit();
    fake.app.quit();
    expect(fake.app.quitted).toBe(false);
    await vi.waitFor(() => expect(fake.app.quitted).toBe(true));
    expect(cores[0]!.dispose).toHaveBeenCalledTimes(1);
    expect(window().destroyed).toBe(true);
    expect(fake.ipcMain.handlers.size).toBe(0);
    expect(fake.trays[0]!.destroyed).toBe(true);
  });

  it('quits on close where Linux has no tray host, and creates no tray', async () => {
    const { fake, cores, started, window } = setup({ env: { WAYLAND_DISPLAY: 'wayland-0', XDG_CURRENT_DESKTOP: 'GNOME' } });
    await started();
    expect(fake.trays).toHaveLength(0);
    expect(window().close()).toBe(false);
    await vi.waitFor(() => expect(fake.app.quitted).toBe(true));
    expect(cores[0]!.dispose).toHaveBeenCalledTimes(1);
  });

  it('opens the window on the view a clicked notification names', async () => {
    const { fake, cores, started, window } = setup();
    await started();
    cores[0]!.context.notifier.show({ id: 'exp', title: 'Token expiring', body: 'in 1 hour', action: { view: 'renew', profileId: 'anthropic:work' } });
    fake.notifications[0]!.emit('click');
    expect(window()).toMatchObject({ visible: true, focused: true });
    expect(window().webContents.sent).toContainEqual(['app:navigate', { view: 'renew', profileId: 'anthropic:work' }]);
  });

  it('shows the gateway state in the tray, and its Quit item quits through the guard', async () => {
    const { fake, cores, started } = setup();
    await started();
    const tray = fake.trays[0]!;
    expect(tray.image).toBe(path.join('/app/resources/tray', 'stopped.png'));
    cores[0]!.context.events.emit('gateway:state', { status: 'ready', port: 18789, owned: true });
    expect(tray.image).toBe(path.join('/app/resources/tray', 'ready.png'));
    tray.clickItem('Quit ClawTray');
    await vi.waitFor(() => expect(fake.app.quitted).toBe(true));
    expect(cores[0]!.dispose).toHaveBeenCalledTimes(1);
  });

  it('starts hidden in the tray when launched with --hidden', async () => {
    const { started, window } = setup({ argv: ['clawtray', '--hidden'] });
    await started();
    window().emit('ready-to-show');
    expect(window().visible).toBe(false);
  });

  it('sets the Windows app user model id (needed for notifications)', () => {
    expect(setup({ platform: 'win32' }).fake.app.appUserModelId).toBe('ai.clawtray.app');
  });

  it('steps aside when another instance holds the lock', async () => {
    const { fake, handle } = setup({}, { lock: false });
    await fake.ready();
    expect(await handle.ready).toBeNull();
    expect(fake.app.quitCalls).toBe(1);
    expect(fake.protocol.handlers.size).toBe(0);
    expect(fake.windows).toHaveLength(0);
  });

  it('says why and quits when start-up fails', async () => {
    const { fake, handle, errors } = setup({
      createCore: () => {
        throw new Error('data folder is read-only');
      },
    });
    await fake.ready();
    await expect(handle.ready).rejects.toThrow('read-only');
    expect(fake.errorBoxes).toEqual([['ClawTray could not start', 'data folder is read-only']]);
    expect(errors).toContain('ClawTray could not start');
    expect(fake.app.quitted).toBe(true);
  });
});
