import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { GatewayState } from '../../../shared/contract';
import { FAKE_OPENCLAW, freePort } from '../../testing/gateway-test-support';
import { fakeService, killFakeService, setFakeServiceMode } from '../../testing/fake-service';
import { makeTempDir, testFakeVariable } from '../../testing/test-support';
import { createCoreContext } from '../context';
import { isGroupAlive, waitUntil } from '../process/process-tree';
import { isPidAlive as isAlive } from '../process/pid';
import { systemClock } from '../clock';
import { createGatewayModule } from './handlers';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  while (cleanups.length) await cleanups.pop()!();
});

/** A gateway module over temp dirs with the fake OpenClaw, fast watches and short deadlines. */
async function gatewayModule(o: { installService?: boolean; crash?: boolean } = {}) {
  const tmp = makeTempDir('clawtray-svc-');
  const stateDir = path.join(tmp.dir, 'state');
  const dataDir = path.join(tmp.dir, 'data');
  fs.mkdirSync(stateDir, { recursive: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const calls = path.join(tmp.dir, 'calls.txt');
  fs.writeFileSync(path.join(stateDir, 'openclaw.json'), JSON.stringify({ gateway: { mode: 'local', bind: 'loopback' }, logging: { file: path.join(tmp.dir, 'openclaw.log') } }));
  if (o.crash) fs.writeFileSync(path.join(stateDir, 'fake-gateway.json'), JSON.stringify({ mode: 'crash', crashMs: 150 }));
  const env = { PATH: process.env.PATH, HOME: tmp.dir, FAKE_OPENCLAW_CALLS: calls };
  const ctx = createCoreContext({ shell: 'web', version: '0.0.0-test', dataDir, stateDirOverride: stateDir, env, homeDir: tmp.dir, childEnvPassthrough: testFakeVariable });
  cleanups.push(() => ctx.cli.dispose());
  const port = await freePort();
  ctx.settings.update({ openclawPath: FAKE_OPENCLAW, port, stopGraceMs: 2000 });
  const states: GatewayState[] = [];
  ctx.events.on('gateway:state', (s) => states.push(s));
  if (o.installService) {
    const r = spawnSync(process.execPath, [FAKE_OPENCLAW, 'gateway', 'install', '--port', String(port), '--json'], { env: { ...env, OPENCLAW_STATE_DIR: stateDir }, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
  }
  const mod = createGatewayModule(ctx, undefined, { serviceWatch: { healthyMs: 300, downMs: 150 }, serviceTimeouts: { stop: 2000 }, followMs: 100 });
  cleanups.push(() => tmp.cleanup());
  cleanups.push(() => killFakeService(stateDir));
  cleanups.push(() => mod.dispose?.());
  const h = mod.handlers as Required<typeof mod.handlers>;
  const state = () => h['gateway:state']({}) as Promise<GatewayState>;
  const waitFor = async (pred: (s: GatewayState) => boolean, ms = 15_000) => {
    const end = Date.now() + ms;
    for (;;) {
      const s = await state();
      if (pred(s)) return s;
      if (Date.now() > end) throw new Error(`timed out; last ${JSON.stringify(s)}; saw ${states.map((x) => x.status).join(',')}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return { mod, h, ctx, stateDir, port, states, state, waitFor, calls: () => (fs.existsSync(calls) ? fs.readFileSync(calls, 'utf8') : ''), logText: () => mod.supervisor.logs().lines.map((l) => l.text).join('\n') };
}

/** Records every signal the app sends (signal 0, a liveness check, aside). */
function watchSignals(): { sent: [number, string | number][] } {
  const sent: [number, string | number][] = [];
  const real = process.kill.bind(process);
  vi.spyOn(process, 'kill').mockImplementation((pid: number, signal?: string | number) => {
    if (signal !== 0 && signal !== undefined) sent.push([pid, signal]);
    return real(pid, signal);
  });
  return { sent };
}

describe.runIf(process.platform === 'linux')('a gateway run by OpenClaw\'s background service (fake service manager)', () => {
  it('is shown as the service\'s; Stop, Start and Restart go through `openclaw gateway ...` and never signal its process', async () => {
    const g = await gatewayModule({ installService: true });
    const { sent } = watchSignals();
    await g.mod.start!();
    const ready = await g.waitFor((s) => s.status === 'ready');
    expect(ready).toMatchObject({ owner: 'service', owned: false, service: { name: 'openclaw-gateway.service', installed: true, loaded: true, manager: 'systemd user' } });
    const first = fakeService(g.stateDir);
    expect(ready.pid).toBe(first.gatewayPid);

    const stopped = (await g.h['gateway:stop']({})) as GatewayState;
    expect(stopped).toMatchObject({ status: 'stopped', owner: 'service' });
    expect(isGroupAlive(first.runnerPid!)).toBe(false);
    const started = (await g.h['gateway:start']({})) as GatewayState;
    expect(['starting', 'running', 'ready']).toContain(started.status);
    const again = await g.waitFor((s) => s.status === 'ready');
    await g.h['gateway:restart']({});
    await g.waitFor((s) => s.status === 'ready' && s.pid !== again.pid);

    const calls = g.calls().split('\n').filter((l) => l.startsWith('gateway '));
    expect(calls.filter((l) => /^gateway (start|stop|restart)/.test(l))).toEqual(['gateway stop --json', 'gateway start --json', 'gateway restart --json']);
    expect(calls.some((l) => l.startsWith('gateway run'))).toBe(false);
    const servicePids = [first.runnerPid!, first.gatewayPid!, again.pid!];
    expect(sent.filter(([pid]) => servicePids.includes(Math.abs(pid)))).toEqual([]);
    expect(g.logText()).toContain('$ openclaw gateway stop');
    expect(g.logText()).toContain('fake-gateway: ready');
  });

  it('with the service loaded, Start never spawns a second gateway beside it, even when ClawTray is the chosen owner', async () => {
    const g = await gatewayModule({ installService: true });
    await g.mod.start!();
    await g.waitFor((s) => s.status === 'ready');
    expect(g.ctx.settings.get().gatewayOwner).toBe('clawtray');
    await g.h['gateway:start']({});
    expect(g.calls()).not.toContain('gateway run');
    expect(g.mod.supervisor.ownsGateway()).toBe(false);
  });

  it('a service that keeps restarting a crashing gateway is reported, and Stop stops it through OpenClaw', async () => {
    const g = await gatewayModule({ installService: true, crash: true });
    await g.mod.start!();
    const failed = await g.waitFor((s) => s.status === 'failed', 20_000);
    expect(failed).toMatchObject({ reason: 'service-crash-loop', owner: 'service' });
    expect(failed.message).toContain('keeps restarting a gateway that keeps crashing');
    expect(failed.detail?.key).toMatch(/^gateway\.detail\.serviceLoop/);
    const runner = fakeService(g.stateDir).runnerPid!;
    expect(isAlive(runner)).toBe(true);
    expect(await g.h['gateway:stop']({})).toMatchObject({ status: 'stopped' });
    expect(isGroupAlive(runner)).toBe(false);
  });

  it('a `gateway stop` that hangs is ended at its deadline, with a message saying so; the service is left as it was', async () => {
    const g = await gatewayModule({ installService: true });
    await g.mod.start!();
    await g.waitFor((s) => s.status === 'ready');
    setFakeServiceMode(g.stateDir, 'stop-hangs');
    const t0 = Date.now();
    await expect(g.h['gateway:stop']({})).rejects.toMatchObject({
      code: 'GATEWAY',
      key: 'errors.gateway.serviceCommand',
      params: { command: 'openclaw gateway stop' },
      details: { said: expect.stringContaining('did not finish within 2 s') },
    });
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(await g.state()).toMatchObject({ status: 'ready', owner: 'service' });
    const hung = () => fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p)).some((p) => {
      try {
        return fs.readFileSync(`/proc/${p}/cmdline`, 'utf8').includes('gateway\0stop') && fs.readFileSync(`/proc/${p}/environ`, 'utf8').includes(g.stateDir);
      } catch {
        return false;
      }
    });
    expect(await waitUntil(systemClock, hung, 3000)).toBe(true);
    expect(isAlive(fakeService(g.stateDir).runnerPid!)).toBe(true);
  });

  it('switching owner stops the old one first: ClawTray -> service (install) -> ClawTray (stop, uninstall, own gateway again)', async () => {
    const g = await gatewayModule();
    await g.mod.start!();
    const own = (await g.h['gateway:start']({})) as GatewayState;
    await g.waitFor((s) => s.status === 'ready' && s.owner === 'app');
    const toService = (await g.h['gateway:setOwner']({ owner: 'service' })) as GatewayState;
    expect(isAlive(own.pid!)).toBe(false);
    expect(toService.owner).toBe('service');
    expect(g.ctx.settings.get().gatewayOwner).toBe('service');
    const svc = await g.waitFor((s) => s.status === 'ready' && s.owner === 'service');
    expect(fakeService(g.stateDir)).toMatchObject({ installed: true, loaded: true });
    expect(g.calls()).toContain(`gateway install --json --port ${g.port}`);

    const back = (await g.h['gateway:setOwner']({ owner: 'clawtray' })) as GatewayState;
    expect(back.owner).toBe('app');
    expect(isAlive(svc.pid!)).toBe(false);
    expect(fakeService(g.stateDir)).toMatchObject({ installed: false, loaded: false });
    expect(g.ctx.settings.get().gatewayOwner).toBe('clawtray');
    await g.waitFor((s) => s.status === 'ready' && s.owner === 'app');
  });

  it('a failed install changes nothing: OpenClaw\'s message, ClawTray\'s gateway running again, the setting unchanged', async () => {
    const g = await gatewayModule();
    await g.mod.start!();
    await g.h['gateway:start']({});
    await g.waitFor((s) => s.status === 'ready');
    setFakeServiceMode(g.stateDir, 'install-fails');
    await expect(g.h['gateway:setOwner']({ owner: 'service' })).rejects.toMatchObject({
      code: 'GATEWAY',
      key: 'errors.gateway.serviceCommand',
      params: { command: 'openclaw gateway install' },
      details: { said: expect.stringContaining('systemctl not available') },
    });
    expect(g.ctx.settings.get().gatewayOwner).toBe('clawtray');
    await g.waitFor((s) => s.status === 'ready' && s.owner === 'app');
  });

  it('ClawTray\'s service choice without a service installed says so and offers nothing to stop', async () => {
    const g = await gatewayModule();
    g.ctx.settings.update({ gatewayOwner: 'service' });
    await g.mod.start!();
    expect(await g.waitFor((s) => s.owner === 'service')).toMatchObject({ status: 'failed', reason: 'service-missing' });
    await expect(g.h['gateway:start']({})).rejects.toMatchObject({ code: 'GATEWAY', key: 'errors.gateway.serviceMissing', details: { said: 'Gateway service disabled.' } });
    expect(await g.state(), JSON.stringify(await g.state())).toMatchObject({ status: 'failed', reason: 'service-missing' });
  });
});
