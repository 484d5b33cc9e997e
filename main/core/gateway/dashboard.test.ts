import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GatewayState } from '../../../shared/contract';
import { freePort } from '../../testing/gateway-test-support';
import { makeTempDir } from '../../testing/test-support';
import { useTestCore } from '../../testing/use-test-core';
import { dashboardUrl, normalizeBasePath, readDashboardTarget } from './dashboard';

describe('the dashboard address (as `openclaw dashboard` builds it)', () => {
  it('is loopback http on the gateway port, with the token in the fragment, URL-encoded', () => {
    expect(dashboardUrl({ port: 18789, token: 'abc123' })).toBe('http://127.0.0.1:18789/#token=abc123');
    expect(dashboardUrl({ port: 40000, token: 'a b/c+d#e' })).toBe('http://127.0.0.1:40000/#token=a%20b%2Fc%2Bd%23e');
    expect(dashboardUrl({ port: 18789 })).toBe('http://127.0.0.1:18789/');
  });

  it.each([
    [undefined, ''],
    ['', ''],
    ['  ', ''],
    ['/', ''],
    ['ui', '/ui'],
    ['/ui/', '/ui'],
    [' /a/b ', '/a/b'],
  ])('normalises the base path %j to %j (OpenClaw rules)', (input, expected) => {
    expect(normalizeBasePath(input)).toBe(expected);
  });

  it('puts the page under the base path', () => {
    expect(dashboardUrl({ port: 18789, basePath: 'openclaw/', token: 't' })).toBe('http://127.0.0.1:18789/openclaw/#token=t');
  });

  it('reads the token and base path from openclaw.json (JSON5), else the environment; a SecretRef token stays out', async () => {
    const t = makeTempDir();
    try {
      const config = path.join(t.dir, 'openclaw.json');
      fs.writeFileSync(config, `{ gateway: { auth: { mode: 'token', token: ' tok-1 ' }, controlUi: { basePath: '/x' } } }`);
      expect(await readDashboardTarget(config, 1234, { OPENCLAW_GATEWAY_TOKEN: 'env-tok' })).toEqual({ port: 1234, basePath: '/x', token: 'tok-1' });
      fs.writeFileSync(config, `{ gateway: { auth: { mode: 'token' } } }`);
      expect(await readDashboardTarget(config, 1234, { OPENCLAW_GATEWAY_TOKEN: 'env-tok' })).toMatchObject({ token: 'env-tok' });
      fs.writeFileSync(config, `{ gateway: { auth: { mode: 'token', token: { source: 'env', provider: 'default', id: 'GW' } } } }`);
      expect((await readDashboardTarget(config, 1234, { OPENCLAW_GATEWAY_TOKEN: 'env-tok' })).token).toBeUndefined();
      fs.writeFileSync(config, '{ not json');
      expect(await readDashboardTarget(config, 1234, {})).toEqual({ port: 1234, basePath: undefined, token: undefined });
    } finally {
      t.cleanup();
    }
  });
});

describe('gateway:openDashboard', () => {
  async function started(browser?: { open(url: string): Promise<void> }) {
    const t = useTestCore({ env: { PATH: process.env.PATH }, ...(browser ? { browser } : {}) });
    const port = await freePort();
    await t.core.dispatch('settings:update', { port, stopGraceMs: 2000 });
    return { ...t, port };
  }
  const waitReady = async (t: Awaited<ReturnType<typeof started>>) => {
    for (let i = 0; i < 500; i++) {
      const s = await t.core.dispatch('gateway:state', {});
      if (s.ok && (s.value as GatewayState).status === 'ready') return;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('the gateway did not get ready');
  };
  const token = (stateDir: string) => (JSON.parse(fs.readFileSync(path.join(stateDir, 'openclaw.json'), 'utf8')) as { gateway: { auth: { token: string } } }).gateway.auth.token;

  it('is refused while no gateway answers, and then gives the web shell the address with the token', async () => {
    const t = await started();
    const refused = await t.core.dispatch('gateway:openDashboard', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'GATEWAY', key: 'errors.gateway.dashboardUnavailable' } });
    await t.core.dispatch('gateway:start', {});
    await waitReady(t);
    const r = await t.core.dispatch('gateway:openDashboard', {});
    expect(r).toEqual({ ok: true, value: { opened: false, url: `http://127.0.0.1:${t.port}/#token=${token(t.stateDir)}` } });
  });

  it('in the desktop shell, opens it in the browser and keeps the token out of the answer', async () => {
    const opened: string[] = [];
    let refuse = false;
    const t = await started({
      open: async (url) => {
        if (refuse) throw new Error('ClawTray does not open http://127.0.0.1:1');
        opened.push(url);
      },
    });
    await t.core.dispatch('gateway:start', {});
    await waitReady(t);
    const r = await t.core.dispatch('gateway:openDashboard', {});
    expect(r).toEqual({ ok: true, value: { opened: true } });
    expect(opened).toEqual([`http://127.0.0.1:${t.port}/#token=${token(t.stateDir)}`]);
    refuse = true;
    const failed = await t.core.dispatch('gateway:openDashboard', {});
    expect(failed).toMatchObject({ ok: false, error: { code: 'GATEWAY', key: 'errors.gateway.dashboardNotOpened', details: { said: 'ClawTray does not open http://127.0.0.1:1' } } });
    expect(JSON.stringify(failed)).not.toContain(token(t.stateDir));
  });
});
