import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { assembleAppCore, createAppCore, type AppCore, type CoreDeps } from '../core/app-core';
import { createCoreContext, type CoreContext } from '../core/context';
import { makeTempDir, FAKE_OPENCLAW_528 } from '../testing/test-support';
import { freePort } from '../testing/gateway-test-support';
import { createFakeElectron } from '../testing/fake-electron';
import type { StoreFactory } from './preferences';
import { startShell, type ShellOptions } from './shell';

const CSP = "default-src 'none'; script-src 'self'";
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const confStore: StoreFactory = ({ name, ...rest }) => new Conf<Record<string, unknown>>({ ...rest, configName: name, projectName: 'clawtray' });
const nextTick = () => new Promise((r) => setImmediate(r));
const SETUP = `sk-ant-oat01-${'S'.repeat(84)}`;

function setup(overrides: Partial<ShellOptions> = {}, fakeOptions: Parameters<typeof createFakeElectron>[0] = {}) {
  const tmp = makeTempDir();
  const dirs = {
    userData: path.join(tmp.dir, 'userData'),
    state: path.join(tmp.dir, 'state'),
    renderer: path.join(tmp.dir, 'renderer'),
    config: path.join(tmp.dir, 'config'),
  };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  fs.writeFileSync(path.join(dirs.renderer, 'index.html'), `<meta http-equiv="Content-Security-Policy" content="${CSP}"><div id="root"></div>`);
  const fake = createFakeElectron({ userData: dirs.userData, ...fakeOptions });
  const cores: AppCore[] = [];
  /** Each core's context, to drive its ports (events, the shell's notifier) as core itself would. */
  const contexts: CoreContext[] = [];
  const createCore = (deps: CoreDeps) => {
    const context = createCoreContext({ ...deps, stateDirOverride: dirs.state, env: {}, homeDir: tmp.dir });
    const core = assembleAppCore(context);
    vi.spyOn(core, 'dispose');
    cores.push(core);
    contexts.push(context);
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
    env: { DISPLAY: ':0', XDG_CURRENT_DESKTOP: 'KDE', XDG_CONFIG_HOME: dirs.config, LANG: 'en_US.UTF-8' },
    argv: ['electron', '.'],
    loginLaunch: { exe: '/opt/Claw Tray/clawtray', args: ['--hidden'] },
    homeDir: tmp.dir,
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
  return { fake, handle, dirs, cores, contexts, errors, started, window: () => fake.windows[0]! };
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

  it('passes --state-dir and --data-dir from the command line to core, as the web shell does', async () => {
    const seen: CoreDeps[] = [];
    const tmp = makeTempDir();
    cleanups.push(async () => tmp.cleanup());
    const stateDir = path.join(tmp.dir, 'other-state');
    const dataDir = path.join(tmp.dir, 'other-data');
    const { started, cores } = setup({
      argv: ['electron', '.', '--state-dir', stateDir, `--data-dir=${dataDir}`],
      createCore: (deps) => {
        seen.push(deps);
        const core = createAppCore({ ...deps, env: {}, homeDir: tmp.dir });
        cores.push(core);
        return core;
      },
    });
    await started();
    expect(seen[0]).toMatchObject({ stateDirOverride: stateDir, dataDir });
    const info = await cores[0]!.dispatch('app:info', {});
    expect(info.ok && info.value.stateDir).toBe(stateDir);
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

  it('with unsaved changes in the window, quitting asks first (window close without a tray, tray Quit); hiding to the tray keeps them and asks nothing', async () => {
    const prompt = { title: 'Leave without saving?', message: 'You changed the port in Settings and did not save.', stay: 'Stay', leave: 'Quit without saving' };
    const noTray = setup({ env: { WAYLAND_DISPLAY: 'wayland-0', XDG_CURRENT_DESKTOP: 'GNOME' } });
    await noTray.started();
    const say = (p: typeof prompt | null) => noTray.fake.ipcMain.invoke(noTray.window().invokeEvent(), 'app:setUnsaved', { prompt: p });
    expect(await say(prompt)).toEqual({ ok: true, value: { ok: true } });
    expect(noTray.window().close()).toBe(false);
    await vi.waitFor(() => expect(noTray.fake.messageBoxes).toHaveLength(1));
    expect(noTray.fake.messageBoxes[0]).toMatchObject({ message: prompt.title, detail: prompt.message, buttons: ['Stay', 'Quit without saving'], cancelId: 0 });
    expect(noTray.window()).toMatchObject({ visible: true, focused: true });
    noTray.fake.answerMessageBox('Stay');
    await nextTick();
    expect(noTray.fake.app.quitted).toBe(false);
    expect(noTray.cores[0]!.dispose).not.toHaveBeenCalled();
    noTray.window().close();
    await vi.waitFor(() => expect(noTray.fake.messageBoxes).toHaveLength(2));
    noTray.fake.answerMessageBox('Quit without saving');
    await vi.waitFor(() => expect(noTray.fake.app.quitted).toBe(true));
    expect(noTray.cores[0]!.dispose).toHaveBeenCalledTimes(1);

    const withTray = setup();
    await withTray.started();
    await withTray.fake.ipcMain.invoke(withTray.window().invokeEvent(), 'app:setUnsaved', { prompt });
    withTray.window().show();
    expect(withTray.window().close()).toBe(false);
    expect(withTray.window().visible, 'hidden to the tray, unsaved changes still in it').toBe(false);
    withTray.fake.trays[0]!.clickItem('Quit ClawTray');
    await vi.waitFor(() => expect(withTray.fake.messageBoxes).toHaveLength(1));
    withTray.fake.answerMessageBox('Stay');
    await nextTick();
    expect(withTray.fake.app.quitted).toBe(false);
    // Saved (the window says nothing is unsaved any more): Quit asks nothing. A signal never asks either.
    await withTray.fake.ipcMain.invoke(withTray.window().invokeEvent(), 'app:setUnsaved', { prompt: null });
    withTray.fake.trays[0]!.clickItem('Quit ClawTray');
    await vi.waitFor(() => expect(withTray.fake.app.quitted).toBe(true));
    expect(withTray.fake.messageBoxes).toHaveLength(1);

    const signals = new EventEmitter();
    const signalled = setup({ signals });
    await signalled.started();
    await signalled.fake.ipcMain.invoke(signalled.window().invokeEvent(), 'app:setUnsaved', { prompt });
    signals.emit('SIGTERM');
    await vi.waitFor(() => expect(signalled.fake.app.quitted).toBe(true));
    expect(signalled.fake.messageBoxes).toHaveLength(0);
  });

  it('SIGINT and SIGTERM quit through the guard: core disposed once', async () => {
    const signals = new EventEmitter();
    const { fake, cores, started } = setup({ signals });
    await started();
    signals.emit('SIGINT');
    signals.emit('SIGTERM');
    signals.emit('SIGINT');
    await vi.waitFor(() => expect(fake.app.quitted).toBe(true));
    expect(cores[0]!.dispose).toHaveBeenCalledTimes(1);
  });

  it('a signal before ready quits without ever starting core (nothing left to orphan a gateway)', async () => {
    const signals = new EventEmitter();
    const { fake, cores, handle } = setup({ signals });
    signals.emit('SIGINT');
    await vi.waitFor(() => expect(fake.app.quitted).toBe(true));
    await fake.ready();
    expect(await handle.ready).toBeNull();
    expect(cores).toHaveLength(0);
    expect(fake.windows).toHaveLength(0);
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
    const { fake, contexts, started, window } = setup();
    await started();
    contexts[0]!.notifier.show({ id: 'exp', title: 'Token expiring', body: 'in 1 hour', action: { view: 'renew', profileId: 'anthropic:work' } });
    fake.notifications[0]!.emit('click');
    expect(window()).toMatchObject({ visible: true, focused: true });
    expect(window().webContents.sent).toContainEqual(['app:navigate', { view: 'renew', profileId: 'anthropic:work' }]);
  });

  it('shows the gateway state in the tray, and its Quit item quits through the guard', async () => {
    const { fake, cores, contexts, started } = setup();
    await started();
    const tray = fake.trays[0]!;
    expect(tray.image).toBe(path.join('/app/resources/tray', 'stopped.png'));
    contexts[0]!.events.emit('gateway:state', { status: 'ready', port: 18789, owned: true });
    expect(tray.image).toBe(path.join('/app/resources/tray', 'ready.png'));
    tray.clickItem('Quit ClawTray');
    await vi.waitFor(() => expect(fake.app.quitted).toBe(true));
    expect(cores[0]!.dispose).toHaveBeenCalledTimes(1);
  });

  it('lists a setup-token 2 hours from expiry in the tray (attention), and its line opens the renew form', async () => {
    const { fake, cores, started, window } = setup();
    await started();
    const core = cores[0]!;
    expect((await core.dispatch('settings:update', { openclawPath: FAKE_OPENCLAW_528 })).ok).toBe(true);
    expect((await core.dispatch('models:setDefault', { model: 'anthropic/claude-sonnet-4-6' })).ok).toBe(true);
    const saved = await core.dispatch('auth:saveSetupToken', { token: SETUP, profileName: 'work', expiresAt: Date.now() + 2 * 3_600_000 });
    expect(saved.ok).toBe(true);
    const tray = fake.trays[0]!;
    await vi.waitFor(() => expect(tray.image).toBe(path.join('/app/resources/tray', 'attention.png')), { timeout: 10_000 });
    const line = tray.menu!.template.find((i) => i.label?.startsWith('Renew Anthropic “work”: expires'));
    expect(line).toBeDefined();
    expect(tray.toolTip).toMatch(/^ClawTray\n.*\nAnthropic “work” expires on /);
    line!.click!();
    expect(window()).toMatchObject({ visible: true, focused: true });
    expect(window().webContents.sent).toContainEqual([
      'app:navigate',
      { view: 'renew', agentId: 'main', profileId: 'anthropic:work', provider: 'anthropic', profileName: 'work' },
    ]);
  });

  it('tray items run gateway channels, open Settings and the logs folder', async () => {
    const { fake, cores, contexts, dirs, started, window } = setup();
    await started();
    const core = cores[0]!;
    const dispatch = vi.spyOn(core, 'dispatch');
    const logFile = path.join(dirs.state, 'logs', 'openclaw.log');
    contexts[0]!.events.emit('gateway:state', { status: 'stopped', port: 18789, owned: true, logFile });
    const tray = fake.trays[0]!;
    tray.clickItem('Start the gateway');
    await vi.waitFor(() => expect(dispatch).toHaveBeenCalledWith('gateway:start', {}));
    tray.clickItem('Settings…');
    expect(window().visible).toBe(true);
    expect(window().webContents.sent).toContainEqual(['app:navigate', { view: 'settings' }]);
    tray.clickItem('Open logs folder');
    await vi.waitFor(() => expect(fake.openedPaths).toEqual([path.dirname(logFile)]));
  });

  it("the tray's \"Open the dashboard\" opens OpenClaw's dashboard in the browser, on the gateway's port only", async () => {
    const { fake, cores, contexts, dirs, started } = setup();
    await started();
    const core = cores[0]!;
    const port = await freePort();
    expect((await core.dispatch('settings:update', { openclawPath: FAKE_OPENCLAW_528, port, stopGraceMs: 2000 })).ok).toBe(true);
    expect((await core.dispatch('gateway:start', {})).ok).toBe(true);
    const tray = fake.trays[0]!;
    await vi.waitFor(() => expect(tray.menu!.template.some((i) => i.label === 'Open the dashboard')).toBe(true), { timeout: 15_000, interval: 50 });
    tray.clickItem('Open the dashboard');
    const token = (JSON.parse(fs.readFileSync(path.join(dirs.state, 'openclaw.json'), 'utf8')) as { gateway: { auth: { token: string } } }).gateway.auth.token;
    await vi.waitFor(() => expect(fake.opened).toEqual([`http://127.0.0.1:${port}/#token=${token}`]));
    // Through IPC the window gets no address (the token stays in main), and core's browser refuses other loopback ports.
    const answer = await core.dispatch('gateway:openDashboard', {});
    expect(answer).toEqual({ ok: true, value: { opened: true } });
    await expect(contexts[0]!.browser!.open(`http://127.0.0.1:${port + 1}/`)).rejects.toThrow();
    expect(fake.opened).toHaveLength(2);
    await core.dispatch('gateway:stop', {});
  });

  it('"Quit and stop the gateway" appears when the gateway would outlive the app, and stops it before quitting', async () => {
    const { fake, cores, contexts, started, window } = setup();
    await started();
    const core = cores[0]!;
    await fake.ipcMain.invoke(window().invokeEvent(), 'settings:update', { keepGatewayRunning: true });
    contexts[0]!.events.emit('gateway:state', { status: 'ready', port: 18789, owned: true });
    const tray = fake.trays[0]!;
    expect(tray.menu!.template.map((i) => i.label)).toContain('Quit ClawTray (the gateway keeps running)');
    const dispatch = vi.spyOn(core, 'dispatch');
    tray.clickItem('Quit and stop the gateway');
    await vi.waitFor(() => expect(fake.app.quitted).toBe(true));
    expect(dispatch).toHaveBeenCalledWith('gateway:stop', {});
  });

  it('translates the tray when the language setting changes', async () => {
    const { fake, started, window } = setup();
    await started();
    await fake.ipcMain.invoke(window().invokeEvent(), 'settings:update', { language: 'fr' });
    expect(fake.trays[0]!.menu!.template.map((i) => i.label)).toContain('Quitter ClawTray');
  });

  it('re-evaluates core when the machine wakes or the screen unlocks', async () => {
    const { fake, cores, started } = setup();
    await started();
    const resume = vi.spyOn(cores[0]!, 'resume');
    fake.powerMonitor.emit('resume');
    await vi.waitFor(() => expect(resume).toHaveBeenCalledTimes(1));
    fake.powerMonitor.emit('unlock-screen');
    await vi.waitFor(() => expect(resume).toHaveBeenCalledTimes(2));
  });

  it('Linux: start at login writes and removes the XDG autostart entry as the setting changes', async () => {
    const { fake, dirs, started, window } = setup();
    await started();
    const entry = path.join(dirs.config, 'autostart', 'clawtray.desktop');
    expect(fs.existsSync(entry)).toBe(false);
    await fake.ipcMain.invoke(window().invokeEvent(), 'settings:update', { openAtLogin: true });
    expect(fs.readFileSync(entry, 'utf8')).toContain('Exec="/opt/Claw Tray/clawtray" --hidden\n');
    await fake.ipcMain.invoke(window().invokeEvent(), 'settings:update', { openAtLogin: false });
    expect(fs.existsSync(entry)).toBe(false);
    expect(fake.app.loginItemCalls).toEqual([]);
  });

  it('macOS: start at login is a login item, and a launch from it stays in the tray', async () => {
    const { fake, started, window } = setup({ platform: 'darwin' }, { wasOpenedAtLogin: true });
    await started();
    window().emit('ready-to-show');
    expect(window().visible).toBe(false);
    await fake.ipcMain.invoke(window().invokeEvent(), 'settings:update', { openAtLogin: true });
    expect(fake.app.loginItem).toEqual({ openAtLogin: true });
    expect(fake.trays[0]!.image).toBe(path.join('/app/resources/tray', 'stoppedTemplate.png'));
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
