import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TrayModel } from '../tray/tray-model';
import { makeTempDir, makeTestCore } from '../testing/test-support';
import { startWebServer } from './server';
import { createTrayRoute } from './tray-route';

const H = 3_600_000;
const SETUP = `sk-ant-oat01-${'T'.repeat(84)}`;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** A started core behind the web server with the tray route, as `cli.ts` wires them. */
async function webShell() {
  const t = makeTestCore();
  const r = makeTempDir();
  fs.writeFileSync(path.join(r.dir, 'index.html'), '<!doctype html><title>x</title>');
  const tray = createTrayRoute(t.core, { LANG: 'en_US.UTF-8' });
  const server = await startWebServer({ core: t.core, rendererDir: r.dir, shellRoutes: { tray: tray.route } });
  cleanups.push(async () => {
    await server.close();
    tray.dispose();
    await t.cleanup();
    r.cleanup();
  });
  await t.core.start();
  await tray.seed();
  const get = async (token = server.token) => fetch(`http://127.0.0.1:${server.port}/api/shell/tray`, { headers: { authorization: `Bearer ${token}` } });
  const model = async () => (await (await get()).json()) as TrayModel;
  const call = async (channel: string, input: unknown) => {
    const res = await t.core.dispatch(channel, input);
    if (!res.ok) throw new Error(`${channel}: ${JSON.stringify(res.error)}`);
    return res.value;
  };
  return { get, model, call };
}

async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('GET /api/shell/tray', () => {
  it('serves the tray model, behind the same token as the rest of the API', async () => {
    const shell = await webShell();
    expect((await shell.get('wrong')).status).toBe(403);
    const res = await shell.get();
    expect(res.status).toBe(200);
    const model = (await res.json()) as TrayModel;
    expect(model.icon).toBe('stopped');
    const items = model.menu.filter((e) => e.type === 'item') as Extract<TrayModel['menu'][number], { type: 'item' }>[];
    expect(items.map((e) => e.id)).toEqual(expect.arrayContaining(['status', 'start', 'stop', 'restart', 'open', 'logs', 'settings', 'quit']));
    expect(items[0]!.label).toMatch(/^(OpenClaw is not installed|Gateway: stopped)$/);
    expect(model.tooltip).toBe(`ClawTray\n${items[0]!.label}`);
  });

  it('turns to attention for a setup-token 2 hours from expiry, lists it, and clears when renewed', async () => {
    const shell = await webShell();
    await shell.call('models:setDefault', { model: 'anthropic/claude-sonnet-4-6' });
    await shell.call('auth:saveSetupToken', { token: SETUP, profileName: 'work', expiresAt: Date.now() + 2 * H });
    const attention = await eventually(async () => {
      const m = await shell.model();
      return m.icon === 'attention' ? m : undefined;
    });
    const line = attention.menu.find((e) => e.type === 'item' && e.id === 'credential:main:anthropic:work');
    expect(line).toMatchObject({
      label: expect.stringMatching(/^Renew Anthropic “work”: expires /),
      enabled: true,
      action: { kind: 'open-view', request: { view: 'renew', agentId: 'main', profileId: 'anthropic:work', provider: 'anthropic', profileName: 'work' } },
    });
    expect(attention.tooltip).toMatch(/\nAnthropic “work” expires on /);

    await shell.call('auth:saveSetupToken', { token: SETUP, profileName: 'work', expiresAt: Date.now() + 300 * 24 * H, replace: true });
    const cleared = await eventually(async () => {
      const m = await shell.model();
      return m.icon !== 'attention' ? m : undefined;
    });
    expect(cleared.menu.some((e) => e.type === 'item' && e.id.startsWith('credential:'))).toBe(false);
  });

  it('follows the language setting', async () => {
    const shell = await webShell();
    await shell.call('settings:update', { language: 'zh-CN' });
    const model = await shell.model();
    expect(model.menu.find((e) => e.type === 'item' && e.id === 'quit')).toMatchObject({ label: '退出 ClawTray' });
  });
});
