import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../testing/test-support';
import { createFakeElectron, FakeSession, FakeWebContents } from '../testing/fake-electron';
import {
  APP_START_URL,
  FALLBACK_CSP,
  applyPreReadySecurity,
  createAppProtocolHandler,
  denyAllPermissions,
  extractMetaCsp,
  hardenApp,
  hardenWebContents,
  createCheckedBrowser,
  isAllowedExternalUrl,
  isAppUrl,
  isDashboardUrl,
  secureWebPreferences,
} from './security';

const warnings: string[] = [];
const logger = { info() {}, warn: (m: string) => warnings.push(m), error() {} };
const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
  warnings.length = 0;
});

function hardened() {
  const opened: string[] = [];
  const contents = new FakeWebContents(new FakeSession());
  hardenWebContents(contents, { openExternal: async (url) => void opened.push(url), logger });
  return { contents, opened };
}

describe('webPreferences', () => {
  it('isolate, sandbox and strip Node from the renderer', () => {
    expect(secureWebPreferences('/p/preload.cjs')).toMatchObject({
      preload: '/p/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});

describe('navigation and new windows', () => {
  it.each(['https://evil.example/', 'app://clawtray/other.html', 'file:///etc/passwd', 'https://github.com/openclaw'])(
    'denies navigating to %s',
    (url) => {
      expect(hardened().contents.navigate(url)).toBe(false);
    },
  );

  it('denies redirects', () => {
    expect(hardened().contents.navigate('https://github.com/', 'will-redirect')).toBe(false);
  });

  it('opens allow-listed https links in the browser, and nothing else', () => {
    const { contents, opened } = hardened();
    contents.navigate('https://docs.openclaw.ai/start');
    contents.navigate('https://evil.example/');
    expect(contents.windowOpenHandler!({ url: 'https://console.anthropic.com/settings/keys' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'http://console.anthropic.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'app://clawtray/index.html' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://docs.openclaw.ai/start', 'https://console.anthropic.com/settings/keys']);
    expect(warnings.join('\n')).not.toContain('/settings');
  });

  it('denies attaching a webview', () => {
    const { contents } = hardened();
    const e = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    contents.emit('will-attach-webview', e);
    expect(e.defaultPrevented).toBe(true);
  });

  it.each([
    ['http://github.com/', false],
    ['https://github.com.evil.example/', false],
    ['https://github.com@evil.example/', false],
    ['https://user:pw@github.com/', false],
    ['https://github.com:8443/', false],
    ['https://api.github.com/', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
    ['https://github.com/openclaw/openclaw', true],
    ['https://dash.cloudflare.com/', true],
  ])('external link %s allowed: %s', (url, allowed) => {
    expect(isAllowedExternalUrl(url)).toBe(allowed);
  });
});

describe("OpenClaw's dashboard", () => {
  it.each([
    ['http://127.0.0.1:18789/#token=abc', true],
    ['http://127.0.0.1:18789/openclaw/#token=abc', true],
    ['http://127.0.0.1:18789/', true],
    ['http://127.0.0.1:18790/#token=abc', false],
    ['http://127.0.0.1/#token=abc', false],
    ['https://127.0.0.1:18789/', false],
    ['http://localhost:18789/', false],
    ['http://127.0.0.2:18789/', false],
    ['http://[::1]:18789/', false],
    ['http://evil.example:18789/', false],
    ['http://127.0.0.1.evil.example:18789/', false],
    ['http://user:pw@127.0.0.1:18789/', false],
    ['http://127.0.0.1:18789/?token=abc', false],
    ['ws://127.0.0.1:18789/', false],
  ])('%s allowed on the gateway port 18789: %s', (url, allowed) => {
    expect(isDashboardUrl(url, [18789])).toBe(allowed);
    expect(isAllowedExternalUrl(url, [18789])).toBe(allowed);
    expect(isAllowedExternalUrl(url)).toBe(false);
  });

  it('is opened by core only through the allow-list, on the ports the shell says the gateway uses', async () => {
    const opened: string[] = [];
    let ports: number[] = [18789];
    const browser = createCheckedBrowser({ openExternal: async (url) => void opened.push(url), logger, gatewayPorts: () => ports });
    await browser.open('http://127.0.0.1:18789/#token=secret-token-value');
    await expect(browser.open('http://127.0.0.1:9999/#token=secret-token-value')).rejects.toThrow('ClawTray does not open http://127.0.0.1:9999');
    ports = [9999];
    await expect(browser.open('http://127.0.0.1:18789/#token=secret-token-value')).rejects.toThrow();
    await browser.open('https://docs.openclaw.ai/');
    expect(opened).toEqual(['http://127.0.0.1:18789/#token=secret-token-value', 'https://docs.openclaw.ai/']);
    expect(warnings.join('\n')).not.toContain('secret-token-value');
  });

  it('may also be opened as a link by the window, on the gateway port only', () => {
    const opened: string[] = [];
    const contents = new FakeWebContents(new FakeSession());
    hardenWebContents(contents, { openExternal: async (url) => void opened.push(url), logger, gatewayPorts: () => [18789] });
    expect(contents.windowOpenHandler!({ url: 'http://127.0.0.1:18789/#token=t' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'http://127.0.0.1:22/' })).toEqual({ action: 'deny' });
    expect(contents.navigate('http://127.0.0.1:18789/')).toBe(false);
    expect(opened).toEqual(['http://127.0.0.1:18789/#token=t', 'http://127.0.0.1:18789/']);
  });
});

describe('permissions', () => {
  it('denies every request and every check', () => {
    const session = new FakeSession();
    denyAllPermissions(session);
    const answers: boolean[] = [];
    for (const p of ['media', 'notifications', 'clipboard-read', 'geolocation']) session.requestHandler!(null, p, (g) => answers.push(g));
    expect(answers).toEqual([false, false, false, false]);
    expect(session.checkHandler!(null, 'clipboard-read')).toBe(false);
  });

  it('hardens every web contents the app creates, and its session', () => {
    const fake = createFakeElectron();
    hardenApp(fake.surface.app, { openExternal: async () => {}, logger });
    const session = new FakeSession();
    const contents = new FakeWebContents(session);
    fake.app.emit('web-contents-created', {}, contents);
    expect(contents.navigate('https://evil.example/')).toBe(false);
    expect(contents.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(session.checkHandler!(null, 'media')).toBe(false);
  });

  it('enables the sandbox and registers app:// as standard and secure before ready', () => {
    const fake = createFakeElectron();
    applyPreReadySecurity(fake.surface.app, fake.surface.protocol);
    expect(fake.app.sandboxEnabled).toBe(true);
    expect(fake.protocol.privileged).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
  });
});

describe('app:// URLs', () => {
  it.each([
    [APP_START_URL, true],
    ['app://clawtray/assets/x.js', true],
    ['app://clawtray:1/index.html', false],
    ['app://other/index.html', false],
    ['https://clawtray/index.html', false],
    ['app://u@clawtray/', false],
  ])('%s is ours: %s', (url, ours) => {
    expect(isAppUrl(url)).toBe(ours);
  });
});

describe('extractMetaCsp', () => {
  it('finds the tag whatever the attribute order and quotes', () => {
    expect(extractMetaCsp(`<meta charset="utf-8"><meta content="default-src 'self'" http-equiv="Content-Security-Policy">`)).toBe("default-src 'self'");
    expect(extractMetaCsp(`<META HTTP-EQUIV='content-security-policy' CONTENT='script-src &quot;x&quot;'>`)).toBe('script-src "x"');
    expect(extractMetaCsp('<meta name="viewport" content="width=device-width">')).toBeNull();
  });
});

describe('the app:// protocol handler', () => {
  const CSP = "default-src 'none'; script-src 'self'; style-src 'self'";

  function site(indexHtml = `<!doctype html><meta http-equiv="Content-Security-Policy" content="${CSP}"><div id="root"></div>`) {
    const tmp = makeTempDir();
    cleanups.push(tmp.cleanup);
    const root = path.join(tmp.dir, 'renderer');
    fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(root, 'index.html'), indexHtml);
    fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(tmp.dir, 'secret.txt'), 'SECRET');
    fs.symlinkSync(path.join(tmp.dir, 'secret.txt'), path.join(root, 'leak.txt'));
    return createAppProtocolHandler({ root, logger });
  }
  const get = (url: string, method = 'GET') => ({ url, method });

  it('serves the page and its assets with the same CSP as the meta tag', async () => {
    const handle = site();
    const index = await handle(get('app://clawtray/'));
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toBe(CSP);
    expect(await index.text()).toContain('<div id="root">');
    const js = await handle(get('app://clawtray/assets/app.js'));
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('content-security-policy')).toBe(CSP);
    expect(js.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it.each([
    'app://clawtray/..%2fsecret.txt',
    'app://clawtray/%2e%2e/secret.txt',
    'app://clawtray/assets/..%2f..%2fsecret.txt',
    'app://clawtray/..%5csecret.txt',
    'app://clawtray/%00index.html',
    'app://clawtray/assets',
    'app://clawtray/missing.js',
    'app://clawtray/leak.txt',
    'app://evil/index.html',
  ])('answers 404 for %s', async (url) => {
    const res = await site()(get(url));
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('SECRET');
  });

  it('refuses methods other than GET and HEAD', async () => {
    const handle = site();
    expect((await handle(get('app://clawtray/index.html', 'POST'))).status).toBe(405);
    const head = await handle(get('app://clawtray/index.html', 'HEAD'));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('falls back to a deny-all CSP, with a warning, when the page has no meta tag', async () => {
    const res = await site('<!doctype html><p>no policy</p>')(get('app://clawtray/index.html'));
    expect(res.headers.get('content-security-policy')).toBe(FALLBACK_CSP);
    expect(warnings.some((w) => w.includes('CSP'))).toBe(true);
  });
});

describe('the real renderer page', () => {
  it('declares a strict CSP that the app:// handler repeats as a header', async () => {
    const root = path.join(__dirname, '..', '..', 'renderer');
    const meta = extractMetaCsp(fs.readFileSync(path.join(root, 'index.html'), 'utf8'));
    expect(meta).toContain("default-src 'none'");
    expect(meta).toContain("script-src 'self'");
    expect(meta).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    const res = await createAppProtocolHandler({ root, logger })({ url: APP_START_URL, method: 'GET' });
    expect(res.headers.get('content-security-policy')).toBe(meta);
  });
});
