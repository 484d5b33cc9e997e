import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { GatewayState, InstallProgress } from '../../../shared/contract';
import { alive, FAKE_OPENCLAW, freePort, treeOf } from '../../testing/gateway-test-support';
import { systemClock, type Clock } from '../clock';
import { waitUntil } from '../process/process-tree';
import type { NotificationRequest } from '../context';
import { makeTempDir, makeTestCore } from '../../testing/test-support';
import { failureNotice } from './handlers';
import { PINNED_OPENCLAW_VERSION } from '../installer/package-sets';

const FAKE_NPM_DIR = path.resolve(__dirname, '..', '..', '..', 'main', 'testing', 'fixtures', 'fake-npm');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function core(env: Record<string, string | undefined> = {}, settings: Record<string, unknown> = {}, clock?: Clock) {
  const shown: NotificationRequest[] = [];
  const t = makeTestCore({ env: { PATH: process.env.PATH, ...env }, notifier: { show: (n) => shown.push(n) }, ...(clock ? { clock } : {}) });
  cleanups.push(t.cleanup);
  const states: GatewayState[] = [];
  const installs: InstallProgress[] = [];
  t.core.events.on('gateway:state', (s) => states.push(s));
  t.core.events.on('gateway:install', (p) => installs.push(p));
  const port = await freePort();
  const r = await t.core.dispatch('settings:update', { openclawPath: FAKE_OPENCLAW, port, stopGraceMs: 2000, ...settings });
  expect(r.ok).toBe(true);
  const waitFor = async (status: string, ms = 10_000) => {
    const end = Date.now() + ms;
    for (;;) {
      const s = await t.core.dispatch('gateway:state', {});
      if (s.ok && (s.value as GatewayState).status === status) return s.value as GatewayState;
      if (Date.now() > end) throw new Error(`timed out waiting for ${status}; saw ${states.map((x) => x.status).join(',')}`);
      await new Promise((res) => setTimeout(res, 20));
    }
  };
  return { ...t, port, states, installs, shown, waitFor };
}

describe('failureNotice', () => {
  const base = { port: 18789, owned: false };
  it('notifies once when the gateway gives up or refuses its config, and never otherwise', () => {
    expect(failureNotice({ ...base, status: 'crashed' }, { ...base, status: 'failed', reason: 'crash-loop' })?.id).toBe('gateway-crash-loop');
    expect(failureNotice({ ...base, status: 'starting' }, { ...base, status: 'failed', reason: 'config' })?.id).toBe('gateway-config');
    expect(failureNotice({ ...base, status: 'failed', reason: 'config' }, { ...base, status: 'failed', reason: 'config' })).toBeUndefined();
    expect(failureNotice(undefined, { ...base, status: 'failed', reason: 'port-in-use' })).toBeUndefined();
    expect(failureNotice(undefined, { ...base, status: 'crashed' })).toBeUndefined();
  });

  it('speaks the user\'s language', () => {
    const en = failureNotice(undefined, { ...base, status: 'failed', reason: 'crash-loop' }, 'en');
    const fr = failureNotice(undefined, { ...base, status: 'failed', reason: 'crash-loop' }, 'fr');
    const zh = failureNotice(undefined, { ...base, status: 'failed', reason: 'config' }, 'zh-CN');
    expect(en?.title).toBe('OpenClaw gateway keeps crashing');
    expect(fr?.title).toContain('passerelle');
    expect(zh?.title).toContain('网关');
    expect(fr?.action).toEqual({ view: 'gateway' });
  });
});

describe('gateway module', () => {
  it.runIf(process.platform !== 'win32')('kills a login-shell probe still running at quit', async () => {
    const t = makeTempDir();
    const pidFile = path.join(t.dir, 'shell.pid');
    const shell = path.join(t.dir, 'hung-shell');
    fs.writeFileSync(shell, `#!/bin/sh\necho $$ > '${pidFile}'\nsleep 30\n`, { mode: 0o755 });
    // The probe's 3 s deadline never comes: only killing it at quit can end it.
    const noDeadline: Clock = { ...systemClock, setTimeout: (fn, ms) => (ms >= 3000 ? { id: undefined } : systemClock.setTimeout(fn, ms)), clearTimeout: (h) => h.id !== undefined && systemClock.clearTimeout(h) };
    const c = await core({ PATH: '/usr/bin:/bin', SHELL: shell }, { openclawPath: null }, noDeadline);
    const started = c.core.start();
    const end = Date.now() + 5000;
    // The file exists a moment before the shell has written its pid into it.
    const written = () => fs.existsSync(pidFile) && fs.readFileSync(pidFile, 'utf8').trim() !== '';
    while (!written() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    const pid = Number(fs.readFileSync(pidFile, 'utf8'));
    expect(alive([pid])).toEqual([pid]);
    await c.core.dispose();
    await started;
    // SIGKILL is sent at dispose; the kernel ends the process a moment later (it may still be running right now).
    await waitUntil(systemClock, () => alive([pid]).length > 0, 2000);
    expect(alive([pid])).toEqual([]);
    t.cleanup();
  });

  it('shows a notification when the gateway refuses its configuration (exit 78)', async () => {
    const c = await core({ FAKE_GATEWAY_MODE: 'exit-78' });
    await c.core.dispatch('gateway:start', {});
    const failed = await c.waitFor('failed');
    expect(failed.lastStderr).toContain('Config invalid');
    expect(c.shown.map((n) => n.id)).toEqual(['gateway-config']);
  });

  it('auto-starts when the setting says so, answers gateway:* through the contract, and stops the tree on dispose', async () => {
    const c = await core({}, { autoStartGateway: true });
    await c.core.start();
    const ready = await c.waitFor('ready');
    expect(ready).toMatchObject({ owned: true, port: c.port, installation: { source: 'settings' } });
    const logs = await c.core.dispatch('gateway:logs', { limit: 5 });
    expect(logs.ok && logs.value).toMatchObject({ logFile: expect.stringMatching(/openclaw-\d{4}-\d{2}-\d{2}\.log$/) });
    expect(logs.ok && (logs.value as { lines: unknown[] }).lines.length).toBeGreaterThan(0);
    expect(c.states.map((s) => s.status)).toContain('running');
    const tree = treeOf(ready.pid!);
    await c.core.dispose();
    expect(alive(tree)).toEqual([]);
  });

  it('leaves the gateway running on quit when asked to keep it', async () => {
    const c = await core({}, { keepGatewayRunning: true });
    await c.core.start();
    expect((await c.waitFor('stopped')).installation?.version).toBe('2026.5.28');
    const started = await c.core.dispatch('gateway:start', {});
    expect(started.ok && (started.value as GatewayState).status).toBe('starting');
    const ready = await c.waitFor('ready');
    await c.core.dispose();
    expect(alive([ready.pid!])).toEqual([ready.pid]);
    process.kill(-ready.pid!, 'SIGKILL');
  });

  it('restart and stop through the dispatcher', async () => {
    const c = await core();
    await c.core.dispatch('gateway:start', {});
    const first = await c.waitFor('ready');
    const restarted = await c.core.dispatch('gateway:restart', {});
    expect(restarted.ok && (restarted.value as GatewayState).pid).not.toBe(first.pid);
    await c.waitFor('ready');
    const stopped = await c.core.dispatch('gateway:stop', {});
    expect(stopped.ok && (stopped.value as GatewayState).status).toBe('stopped');
    expect((await c.core.dispatch('gateway:stop', {})).ok).toBe(true);
  });

  it('follows port and path changes in settings while stopped', async () => {
    const c = await core();
    await c.core.start();
    const port = await freePort();
    await c.core.dispatch('settings:update', { port, openclawPath: '/nowhere/openclaw' });
    await c.waitFor('not-installed');
    const s = await c.core.dispatch('gateway:state', {});
    expect(s.ok && (s.value as GatewayState).port).toBe(port);
  });

  it('"Install for me" installs into the data folder and the gateway then finds it', async () => {
    const c = await core({ PATH: `${FAKE_NPM_DIR}${path.delimiter}${path.dirname(process.execPath)}` }, { openclawPath: null });
    await c.core.start();
    expect((await c.waitFor('not-installed')).installation?.searched.length).toBeGreaterThan(3);
    const r = await c.core.dispatch('gateway:install', {});
    expect(r.ok && (r.value as InstallProgress).phase).toBe('running');
    const s = await c.waitFor('stopped');
    expect(s.installation).toMatchObject({ source: 'app', version: PINNED_OPENCLAW_VERSION });
    // 'done' follows the re-locate that turned the state to stopped (after its external-gateway probe).
    await vi.waitFor(() => expect(c.installs.at(-1)).toMatchObject({ phase: 'done', percent: 100 }), { timeout: 5000 });
    const cancel = await c.core.dispatch('gateway:cancelInstall', {});
    expect(cancel.ok && (cancel.value as InstallProgress).phase).toBe('done');
    await c.core.dispatch('gateway:start', {});
    await c.waitFor('ready');
  });
});
