import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import type { GatewayState } from '../../shared/contract';
import { FAKE_OPENCLAW, freePort } from '../testing/gateway-test-support';
import { fakeService, killFakeService } from '../testing/fake-service';
import { makeTempDir, makeTestCore } from '../testing/test-support';
import { buildTrayModel } from '../tray/tray-model';
import { handleTrayAction, type TrayActionContext } from './tray';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  while (cleanups.length) await cleanups.pop()!();
});

it.runIf(process.platform === 'linux')("with OpenClaw's service loaded, the tray's Stop, Start and Restart go through `openclaw gateway ...`, never a signal", async () => {
  const port = await freePort();
  const scratch = makeTempDir();
  cleanups.push(scratch.cleanup);
  const calls = path.join(scratch.dir, 'calls.txt');
  const t = makeTestCore({ env: { PATH: process.env.PATH, FAKE_OPENCLAW_CALLS: calls } });
  cleanups.push(t.cleanup, () => killFakeService(t.stateDir));
  fs.writeFileSync(path.join(t.stateDir, 'openclaw.json'), JSON.stringify({ gateway: { mode: 'local', bind: 'loopback' } }));
  const installed = spawnSync(process.execPath, [FAKE_OPENCLAW, 'gateway', 'install', '--port', String(port), '--json'], { env: { ...process.env, OPENCLAW_STATE_DIR: t.stateDir }, encoding: 'utf8' });
  expect(installed.status, installed.stderr).toBe(0);
  expect((await t.core.dispatch('settings:update', { openclawPath: FAKE_OPENCLAW, port })).ok).toBe(true);
  const sent: [number, string | number][] = [];
  const kill = process.kill.bind(process);
  vi.spyOn(process, 'kill').mockImplementation((pid: number, signal?: string | number) => {
    if (signal !== 0 && signal !== undefined) sent.push([pid, signal]);
    return kill(pid, signal);
  });
  await t.core.start();
  const state = async () => ((await t.core.dispatch('gateway:state', {})) as { ok: true; value: GatewayState }).value;
  await vi.waitFor(async () => expect(await state()).toMatchObject({ status: 'ready', owner: 'service' }), { timeout: 15_000, interval: 100 });
  const first = fakeService(t.stateDir);

  const menu = buildTrayModel({ language: 'en', keepGatewayRunning: false, gateway: await state(), auth: null, alerts: [] }).menu;
  expect(menu.filter((e) => e.type === 'item' && ['start', 'stop', 'restart'].includes(e.id)).map((e) => e.type === 'item' && [e.id, e.enabled])).toEqual([
    ['start', false],
    ['stop', true],
    ['restart', true],
  ]);
  const warnings: string[] = [];
  const ctx: TrayActionContext = {
    openView() {},
    gateway: async (op) => {
      const r = await t.core.dispatch(`gateway:${op}`, {});
      return r.ok ? { ok: true } : { ok: false, message: r.error.message };
    },
    openLogsFolder: async () => undefined,
    openDashboard: async () => ({ ok: true }),
    quit() {},
    logger: { info() {}, warn: (m) => warnings.push(m), error() {} },
  };
  await handleTrayAction({ kind: 'gateway', op: 'stop' }, ctx);
  expect(await state()).toMatchObject({ status: 'stopped', owner: 'service' });
  await handleTrayAction({ kind: 'gateway', op: 'start' }, ctx);
  await vi.waitFor(async () => expect((await state()).status).toBe('ready'), { timeout: 15_000, interval: 100 });
  await handleTrayAction({ kind: 'gateway', op: 'restart' }, ctx);
  await vi.waitFor(async () => expect((await state()).status).toBe('ready'), { timeout: 15_000, interval: 100 });
  expect(warnings).toEqual([]);

  const ran = fs.readFileSync(calls, 'utf8').split('\n').filter((l) => /^gateway (start|stop|restart|run)/.test(l));
  expect(ran).toEqual(['gateway stop --json', 'gateway start --json', 'gateway restart --json']);
  const servicePids = [first.runnerPid!, first.gatewayPid!, fakeService(t.stateDir).runnerPid!, fakeService(t.stateDir).gatewayPid!];
  expect(sent.filter(([pid]) => servicePids.includes(Math.abs(pid)))).toEqual([]);
}, 60_000);
