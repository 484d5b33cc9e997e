import { describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS } from '../../shared/contract';
import { useTestCore } from '../testing/use-test-core';
import { createFakeElectron, FakeSession, FakeWebContents, fakeFrame, type FakeBrowserWindow } from '../testing/fake-electron';
import { ELECTRON_STORE_CHANNEL, registerIpc } from './ipc';

const silent = { info() {}, warn() {}, error() {} };
function setup() {
  const t = useTestCore();
  const fake = createFakeElectron();
  const win = new fake.BrowserWindow({} as never);
  const dispatch = vi.fn(t.core.dispatch);
  const dispose = registerIpc({ ipcMain: fake.surface.ipcMain, dispatch, events: t.core.events, getWindow: () => win, logger: silent });
  return { ...t, fake, win, dispatch, dispose };
}

describe('registerIpc', () => {
  it('handles every contract channel and removes electron-store’s own listener', () => {
    const { fake } = setup();
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
    expect(fake.ipcMain.removedListeners).toEqual([ELECTRON_STORE_CHANNEL]);
  });

  it('dispatches a call from our window to core and returns its envelope', async () => {
    const { fake, win, stateDir } = setup();
    const r = await fake.ipcMain.invoke(win.invokeEvent(), 'app:info', {});
    expect(r).toMatchObject({ ok: true, value: { stateDir, shell: 'web' } });
  });

  it('answers VALIDATION with field details for bad input', async () => {
    const { fake, win } = setup();
    const r = await fake.ipcMain.invoke(win.invokeEvent(), 'gateway:logs', { limit: 'many', extra: true });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', key: 'errors.fields', fields: { limit: { key: 'validation.number' }, extra: { key: 'validation.unknownField' } } },
    });
  });

  it.each([
    ['another web contents', () => ({ sender: new FakeWebContents(new FakeSession()), senderFrame: fakeFrame('app://clawtray/index.html') })],
    ['a subframe of our window', (w: FakeBrowserWindow) => ({ sender: w.webContents, senderFrame: fakeFrame('app://clawtray/index.html', fakeFrame('app://clawtray/index.html')) })],
    ['no frame (navigated away or destroyed)', (w: FakeBrowserWindow) => ({ sender: w.webContents, senderFrame: null })],
    ['a foreign https origin', (w: FakeBrowserWindow) => w.invokeEvent('https://evil.example/index.html')],
    ['a file:// page', (w: FakeBrowserWindow) => w.invokeEvent('file:///tmp/index.html')],
    ['another app:// host', (w: FakeBrowserWindow) => w.invokeEvent('app://evil/index.html')],
    ['app:// with a port', (w: FakeBrowserWindow) => w.invokeEvent('app://clawtray:8080/index.html')],
  ])('refuses %s with FORBIDDEN without reaching core', async (_name, makeEvent) => {
    const { fake, win, dispatch } = setup();
    const r = await fake.ipcMain.invoke(makeEvent(win), 'app:info', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses calls once the window is destroyed', async () => {
    const { fake, win, dispatch } = setup();
    const event = win.invokeEvent();
    expect(win.close()).toBe(true);
    expect(await fake.ipcMain.invoke(event, 'app:info', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('turns a dispatcher that throws into INTERNAL', async () => {
    const fake = createFakeElectron();
    const win = new fake.BrowserWindow({} as never);
    const events = { on: () => () => {}, onAny: () => () => {} };
    const dispatch = async () => {
      throw new Error('boom');
    };
    registerIpc({ ipcMain: fake.surface.ipcMain, dispatch, events, getWindow: () => win, logger: silent });
    expect(await fake.ipcMain.invoke(win.invokeEvent(), 'app:info', {})).toEqual({
      ok: false,
      error: { code: 'INTERNAL', key: 'errors.unexpected', message: 'Something unexpected went wrong.' },
    });
  });

  it('forwards core events to our window, and stops (handlers too) on dispose', async () => {
    const { fake, win, context, dispose } = setup();
    context.events.emit('gateway:log', { lines: [] });
    expect(win.webContents.sent).toEqual([['gateway:log', { lines: [] }]]);
    dispose();
    context.events.emit('gateway:log', { lines: [] });
    expect(win.webContents.sent).toHaveLength(1);
    expect(fake.ipcMain.handlers.size).toBe(0);
    await expect(fake.ipcMain.invoke(win.invokeEvent(), 'app:info', {})).rejects.toThrow(/No handler/);
  });

  it('does not send events to a destroyed window', () => {
    const { win, context } = setup();
    win.webContents.destroyed = true;
    context.events.emit('gateway:log', { lines: [] });
    expect(win.webContents.sent).toEqual([]);
  });
});
