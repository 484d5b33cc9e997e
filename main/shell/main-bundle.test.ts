/**
 * Runs the real composition root, bundled as `scripts/build.mjs` bundles it (ESM, packages external), in a child
 * Node process whose `electron` import resolves to the fake surface. This proves what the unit tests cannot: the
 * bundle's imports (named imports from `electron`, ESM-only electron-store) and its paths work together.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mainBundle } from '../../scripts/bundle-options.mjs';
import { makeTempDir } from '../testing/test-support';

const root = path.join(__dirname, '..', '..');
const tmp = makeTempDir('clawtray-bundle-');
afterAll(() => tmp.cleanup());

const CSP = "default-src 'none'; script-src 'self'";

const FAKE_MODULE = `
import { createFakeElectron } from './fake-electron.mjs';
const fake = createFakeElectron({ userData: process.env.SMOKE_USER_DATA, version: '1.2.3' });
// electron-store registers a sync listener with ipcMain.on; the shell must remove it again.
fake.ipcMain.on = (channel) => { fake.storeListener = channel; };
globalThis.fake = fake;
export const { app, BrowserWindow, ipcMain, protocol, session, shell, dialog, Notification, Tray, Menu, powerMonitor } = fake.surface;
export default fake.surface;
`;

const HOOKS = `
const repo = ${JSON.stringify(pathToFileURL(path.join(root, 'package.json')).href)};
export async function resolve(specifier, context, next) {
  if (specifier === 'electron') return { url: new URL('./electron.mjs', import.meta.url).href, shortCircuit: true };
  const bare = !specifier.startsWith('.') && !specifier.startsWith('/') && !specifier.includes(':');
  return next(specifier, bare ? { ...context, parentURL: repo } : context);
}
`;

const DRIVER = `
import { register } from 'node:module';
register('./hooks.mjs', import.meta.url);
await import('./main/index.mjs');
const fake = globalThis.fake;
const out = { callsBeforeReady: [...fake.calls] };
await fake.ready();
for (let i = 0; i < 200 && !(fake.windows.length && fake.ipcMain.handlers.size); i++) await new Promise((r) => setTimeout(r, 25));
const win = fake.windows[0];
out.url = win.loadedUrl;
out.preload = win.options.webPreferences.preload;
out.storeListener = fake.storeListener;
out.removedListeners = fake.ipcMain.removedListeners;
out.info = await fake.ipcMain.invoke(win.invokeEvent(), 'app:info', {});
out.foreign = await fake.ipcMain.invoke(win.invokeEvent('https://evil.example/'), 'app:info', {});
out.update = await fake.ipcMain.invoke(win.invokeEvent(), 'settings:update', { port: 19555 });
const page = await fake.protocol.handlers.get('app')(new Request('app://clawtray/index.html'));
out.page = { status: page.status, csp: page.headers.get('content-security-policy') };
fake.app.quit();
for (let i = 0; i < 200 && !fake.app.quitted; i++) await new Promise((r) => setTimeout(r, 25));
out.quitted = fake.app.quitted;
console.log(JSON.stringify(out));
process.exit(0);
`;

let result: Record<string, any>;

beforeAll(async () => {
  await build({ ...mainBundle('0.0.0-test'), outfile: path.join(tmp.dir, 'main', 'index.mjs'), logLevel: 'silent' });
  await build({
    entryPoints: [path.join(root, 'main', 'testing', 'fake-electron.ts')],
    outfile: path.join(tmp.dir, 'fake-electron.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'silent',
  });
  fs.writeFileSync(path.join(tmp.dir, 'electron.mjs'), FAKE_MODULE);
  fs.writeFileSync(path.join(tmp.dir, 'hooks.mjs'), HOOKS);
  fs.writeFileSync(path.join(tmp.dir, 'run.mjs'), DRIVER);
  fs.mkdirSync(path.join(tmp.dir, 'renderer'));
  fs.writeFileSync(path.join(tmp.dir, 'renderer', 'index.html'), `<meta http-equiv="Content-Security-Policy" content="${CSP}">`);
  const stdout = execFileSync(process.execPath, [path.join(tmp.dir, 'run.mjs')], {
    cwd: tmp.dir,
    encoding: 'utf8',
    timeout: 30_000,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH,
      HOME: tmp.dir,
      SMOKE_USER_DATA: path.join(tmp.dir, 'userData'),
      OPENCLAW_STATE_DIR: path.join(tmp.dir, 'state'),
    },
  });
  result = JSON.parse(stdout.trim().split('\n').at(-1)!);
});

describe('the bundled main process against the fake Electron', () => {
  it('applies the pre-ready security before ready', () => {
    expect(result.callsBeforeReady).toEqual(['app.enableSandbox', 'protocol.registerSchemesAsPrivileged']);
  });

  it('opens the window on app://clawtray with the preload next to the bundle', () => {
    expect(result.url).toBe('app://clawtray/index.html');
    expect(result.preload).toBe(path.join(tmp.dir, 'preload', 'index.cjs'));
  });

  it('answers IPC from the window through core, refuses other origins, and keeps settings in userData', () => {
    expect(result.info).toEqual({
      ok: true,
      value: expect.objectContaining({ shell: 'electron', version: '1.2.3', stateDir: path.join(tmp.dir, 'state') }),
    });
    expect(result.foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(result.update).toMatchObject({ ok: true, value: { port: 19555 } });
    expect(JSON.parse(fs.readFileSync(path.join(tmp.dir, 'userData', 'settings.json'), 'utf8'))).toMatchObject({ port: 19555 });
  });

  it('leaves no IPC listener of electron-store behind', () => {
    expect(result.storeListener).toBe('electron-store-get-data');
    expect(result.removedListeners).toEqual(['electron-store-get-data']);
  });

  it('serves the renderer next to the bundle with its CSP, and quits cleanly', () => {
    expect(result.page).toEqual({ status: 200, csp: CSP });
    expect(result.quitted).toBe(true);
  });
});
