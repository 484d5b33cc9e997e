import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../testing/test-support';
import { alive, freePort, killLone, makeTestGateway, scaledClock, startLoneFake, treeOf, type TestGatewayOptions } from '../../testing/gateway-test-support';
import { systemClock } from '../clock';
import { isPortFree } from './port-holder';
import { waitUntil } from '../process/process-tree';
import { REDACTED } from '../secrets/redact';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});
async function gateway(o: TestGatewayOptions = {}) {
  const g = await makeTestGateway(o);
  cleanups.push(g.cleanup);
  return g;
}
const fastCadence = { intervalMs: 100, maxMs: 200 };

describe('GatewaySupervisor with the fake gateway', () => {
  it('goes starting -> running -> ready, writes the config it needs, and stops the whole tree', async () => {
    const g = await gateway({ config: { agents: { defaults: { model: 'anthropic/x' } }, gateway: { port: 1 } } });
    const started = await g.sup.start();
    expect(started).toMatchObject({ status: 'starting', owned: true, port: g.port });
    const ready = await g.waitFor('ready');
    expect(g.statuses()).toEqual(['stopped', 'starting', 'running', 'ready']);
    expect(ready.pid).toBe(started.pid);
    expect(ready.installation).toMatchObject({ source: 'settings', version: '2026.5.28' });
    const config = JSON.parse(fs.readFileSync(g.configPath, 'utf8'));
    expect(config.agents).toEqual({ defaults: { model: 'anthropic/x' } });
    expect(config.gateway).toMatchObject({ port: 1, mode: 'local', bind: 'loopback', auth: { mode: 'token' } });
    expect(config.gateway.auth.token).toMatch(/^[0-9a-f]{48}$/);
    expect(fs.statSync(g.configPath).mode & 0o777).toBe(0o600);

    expect((await g.sup.start()).pid).toBe(started.pid);
    const tree = treeOf(started.pid!);
    const stopped = await g.sup.stop();
    expect(stopped).toEqual(expect.objectContaining({ status: 'stopped', owned: false }));
    expect(stopped.pid).toBeUndefined();
    expect(g.statuses().slice(-2)).toEqual(['stopping', 'stopped']);
    expect(alive(tree)).toEqual([]);
    expect(await isPortFree(g.port)).toBe(true);
  });

  it('keeps the same persisted token across restarts and redacts it and known secrets from the log', async () => {
    const g = await gateway({ env: { FAKE_GATEWAY_ECHO: 'key in use sk-ant-api03-SECRETSECRET and app key CFKEY-000111222333' }, secrets: () => ['CFKEY-000111222333'] });
    await g.sup.start();
    await g.waitFor('ready');
    const token = JSON.parse(fs.readFileSync(g.configPath, 'utf8')).gateway.auth.token as string;
    const first = (await g.sup.restart()).pid;
    await g.waitFor('ready');
    expect(JSON.parse(fs.readFileSync(g.configPath, 'utf8')).gateway.auth.token).toBe(token);
    await g.sup.stop();
    const text = g.sup.logs().lines.map((l) => l.text).join('\n');
    expect(text).toContain(`token ${REDACTED}`);
    expect(text).toContain(`key in use ${REDACTED} and app key ${REDACTED}`);
    expect(text).not.toContain(token);
    expect(text).not.toContain('SECRETSECRET');
    expect(text).not.toContain('CFKEY-000111222333');
    expect(g.logs.map((l) => l.seq)).toEqual(g.sup.logs().lines.map((l) => l.seq));
    expect(first).toBeGreaterThan(0);
  });

  it('restart replaces the child: new pid, old tree gone', async () => {
    const g = await gateway({ env: { FAKE_GATEWAY_MODE: 'grandchild' } });
    const a = await g.sup.start();
    await g.waitFor('ready');
    const oldTree = treeOf(a.pid!);
    expect(oldTree.length).toBeGreaterThanOrEqual(2);
    const b = await g.sup.restart();
    expect(b.status).toBe('starting');
    expect(b.pid).not.toBe(a.pid);
    expect(alive(oldTree)).toEqual([]);
    await g.waitFor('ready');
  });

  it('stays starting during a slow start, then becomes running and ready', async () => {
    const g = await gateway({ env: { FAKE_GATEWAY_MODE: 'slow-start', FAKE_GATEWAY_LIVE_MS: '600', FAKE_GATEWAY_READY_MS: '400' } });
    await g.sup.start();
    await new Promise((r) => setTimeout(r, 400));
    expect(g.sup.state().status).toBe('starting');
    await g.waitFor('running');
    expect(g.sup.state().status).toBe('running');
    await g.waitFor('ready');
  });

  it('stays running (not ready) when readiness never comes, and still stops', async () => {
    const g = await gateway({ env: { FAKE_GATEWAY_MODE: 'never-ready' } });
    await g.sup.start();
    await g.waitFor('running');
    await new Promise((r) => setTimeout(r, 700));
    expect(g.sup.state().status).toBe('running');
    expect((await g.sup.stop()).status).toBe('stopped');
  });

  it('reports running (degraded) when readiness drops, and ready again when it returns', async () => {
    const g = await gateway({ env: { FAKE_GATEWAY_MODE: 'unready-later', FAKE_GATEWAY_UNREADY_AFTER_MS: '150', FAKE_GATEWAY_UNREADY_FOR_MS: '400' }, cadence: fastCadence });
    await g.sup.start();
    await g.waitFor('ready');
    const degraded = await g.waitFor('running', 5000, (s) => s.degraded === true);
    expect(degraded.owned).toBe(true);
    const back = await g.waitFor('ready', 5000);
    expect(back.degraded).toBe(false);
    expect(back.pid).toBe(degraded.pid);
  });

  it('fails with reason config and the last stderr lines on exit 78, and does not restart', async () => {
    const g = await gateway({ env: { FAKE_GATEWAY_MODE: 'exit-78' }, clock: scaledClock(20) });
    await g.sup.start();
    const failed = await g.waitFor('failed');
    expect(failed).toMatchObject({ reason: 'config', owned: false });
    expect(failed.lastStderr).toEqual(['Config invalid', 'Problem: gateway.mode: Invalid input (fake exit-78 mode)']);
    await new Promise((r) => setTimeout(r, 300));
    expect(g.statuses().filter((s) => s === 'starting')).toHaveLength(1);
  });

  it('detects a crash from the exit event, kills its leftover workers, and restarts after the backoff', async () => {
    const g = await gateway({ env: { FAKE_GATEWAY_MODE: 'grandchild' } });
    const first = await g.sup.start();
    await g.waitFor('ready');
    const tree = treeOf(first.pid!);
    process.kill(first.pid!, 'SIGKILL');
    const crashed = await g.waitFor('crashed', 2000);
    expect(crashed).toMatchObject({ crashCount: 1, owned: false });
    expect(crashed.restartAt! - Date.now()).toBeGreaterThan(500);
    expect(crashed.message).toMatch(/SIGKILL.*1 s/);
    expect(await waitUntil(systemClock, () => alive(tree).length > 0, 2000)).toBe(true);
    const again = await g.waitFor('ready', 5000);
    expect(again.pid).not.toBe(first.pid);
    expect(again.crashCount).toBe(1);
  });

  it('gives up after 5 crashes within 3 minutes (crash-loop), with growing delays', { timeout: 45_000 }, async () => {
    // 20x: the 3-minute crash window is 9 s of real time, room for five slow spawns on a busy machine.
    const g = await gateway({ env: { FAKE_GATEWAY_MODE: 'crash', FAKE_GATEWAY_CRASH_MS: '100' }, clock: scaledClock(20) });
    await g.sup.start();
    const failed = await g.waitFor('failed', 30_000);
    expect(failed).toMatchObject({ reason: 'crash-loop', crashCount: 5 });
    const crashes = g.states.filter((s) => s.status === 'crashed');
    expect(crashes.map((s) => s.crashCount)).toEqual([1, 2, 3, 4]);
    expect(failed.lastStderr?.at(-1)).toMatch(/crashing on purpose/);
    await new Promise((r) => setTimeout(r, 300));
    expect(g.sup.state().status).toBe('failed');
    expect(g.statuses().filter((s) => s === 'starting')).toHaveLength(5);
    expect((await g.sup.start()).status).toBe('starting');
  });

  it('a stop during the restart wait cancels the restart', async () => {
    const g = await gateway({ env: { FAKE_GATEWAY_MODE: 'crash', FAKE_GATEWAY_CRASH_MS: '100' } });
    await g.sup.start();
    await g.waitFor('crashed', 5000);
    expect((await g.sup.stop()).status).toBe('stopped');
    await new Promise((r) => setTimeout(r, 1300));
    expect(g.sup.state().status).toBe('stopped');
  });

  it('SIGKILLs the group after the grace when the gateway and its worker ignore SIGTERM', async () => {
    const g = await gateway({ env: { FAKE_GATEWAY_MODE: 'ignore-sigterm,grandchild' }, stopGraceMs: 400 });
    const s = await g.sup.start();
    await g.waitFor('ready');
    const tree = treeOf(s.pid!);
    expect(tree.length).toBeGreaterThanOrEqual(2);
    const t0 = Date.now();
    expect((await g.sup.stop()).status).toBe('stopped');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(380);
    expect(alive(tree)).toEqual([]);
    expect(g.sup.logs().lines.some((l) => /did not stop within 400 ms/.test(l.text))).toBe(true);
  });

  it('waits for a worker that outlives its parent, then kills it', async () => {
    const g = await gateway({ env: { FAKE_GATEWAY_MODE: 'stubborn-grandchild' }, stopGraceMs: 300 });
    const s = await g.sup.start();
    await g.waitFor('ready');
    const tree = treeOf(s.pid!);
    expect(tree.length).toBe(2);
    const t0 = Date.now();
    await g.sup.stop();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(280);
    expect(alive(tree)).toEqual([]);
  });

  it('stop twice (even at once) is safe', async () => {
    const g = await gateway({ env: { FAKE_GATEWAY_MODE: 'slow-stop', FAKE_GATEWAY_STOP_MS: '200' } });
    await g.sup.start();
    await g.waitFor('ready');
    const [a, b] = await Promise.all([g.sup.stop(), g.sup.stop()]);
    expect([a.status, b.status]).toEqual(['stopped', 'stopped']);
    expect((await g.sup.stop()).status).toBe('stopped');
    expect(g.statuses()).toEqual(['stopped', 'starting', 'running', 'ready', 'stopping', 'stopped']);
  });

  it('attaches to an external gateway, never stops it, and notices when it goes away', async () => {
    const port = await freePort();
    const tmp = makeTempDir();
    cleanups.push(tmp.cleanup);
    const lone = await startLoneFake(port, '', tmp.dir);
    cleanups.push(() => killLone(lone));
    const g = await gateway({ port, cadence: fastCadence });
    const s = await g.sup.start();
    expect(s).toMatchObject({ status: 'external', owned: false, version: '2026.5.28' });
    expect(s.pid).toBeUndefined();
    expect((await g.sup.stop()).status).toBe('external');
    await g.sup.dispose(false);
    expect(alive([lone.pid!])).toEqual([lone.pid]);
    const g2 = await gateway({ port, cadence: fastCadence });
    await g2.sup.start();
    await killLone(lone);
    expect((await g2.waitFor('stopped', 5000)).owned).toBe(false);
  });

  it('shows an external gateway at refresh, even when OpenClaw is not installed here', async () => {
    const port = await freePort();
    const tmp = makeTempDir();
    cleanups.push(tmp.cleanup);
    const lone = await startLoneFake(port, '', tmp.dir);
    cleanups.push(() => killLone(lone));
    const g = await gateway({ port, openclawPath: '/nonexistent/openclaw', env: { PATH: '' } });
    expect((await g.sup.refresh()).status).toBe('external');
    expect((await g.sup.start()).status).toBe('external');
    expect(g.sup.logs().lines.filter((l) => /already answers/.test(l.text))).toHaveLength(1);
  });

  it('reports port-in-use with the holder pid and command, and leaves the holder alone', async () => {
    const port = await freePort();
    const tmp = makeTempDir();
    cleanups.push(tmp.cleanup);
    const holder = await startLoneFake(port, 'hold-port', tmp.dir);
    cleanups.push(() => killLone(holder));
    const g = await gateway({ port });
    const t0 = Date.now();
    const s = await g.sup.start();
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(s).toMatchObject({ status: 'failed', reason: 'port-in-use' });
    if (process.platform === 'linux' || process.platform === 'darwin') {
      expect(s.portHolder?.pid).toBe(holder.pid);
      expect(s.portHolder?.command).toContain('fake-gateway.mjs');
    }
    expect(s.message).toMatch(new RegExp(`Port ${port} is used by .*not an OpenClaw gateway`));
    expect(s.detail?.key).toMatch(/^gateway\.detail\.portHeld/);
    expect(alive([holder.pid!])).toEqual([holder.pid]);
  });

  it('reports not-installed with what was searched', async () => {
    const g = await gateway({ openclawPath: '/nonexistent/openclaw', env: { PATH: '' } });
    const s = await g.sup.start();
    expect(s.status).toBe('not-installed');
    expect(s.installation?.searched[0]).toBe('/nonexistent/openclaw');
    expect(s.installation?.openclawPath).toBeNull();
  });

  it('reports a spawn error when the launcher cannot be executed', async () => {
    const g = await gateway({
      locate: async () => ({
        installation: { openclawPath: '/x/openclaw', nodePath: '/nonexistent/node', version: '1', source: 'settings', searched: [] },
        launch: { command: path.join('/nonexistent', 'node'), prefixArgs: [] },
      }),
    });
    const s = await g.sup.start();
    expect(s).toMatchObject({ status: 'failed', reason: 'spawn-error' });
    expect(s.message).toMatch(/ENOENT/);
    expect(s.detail).toMatchObject({ key: 'gateway.detail.spawnFailed', params: { said: expect.stringMatching(/ENOENT/) } });
  });

  it('dispose stops a gateway it started; with keep-running it leaves it alive, still writing output', async () => {
    const g = await gateway();
    const s = await g.sup.start();
    await g.waitFor('ready');
    const tree = treeOf(s.pid!);
    await g.sup.dispose(false);
    expect(alive(tree)).toEqual([]);

    const k = await gateway({ env: { FAKE_GATEWAY_MODE: 'strict-stdout', FAKE_GATEWAY_TICK_MS: '20' } });
    const ks = await k.sup.start();
    await k.waitFor('ready');
    await k.sup.dispose(true);
    await new Promise((r) => setTimeout(r, 400));
    expect(alive([ks.pid!])).toEqual([ks.pid]);
    expect((await k.health.get(k.port, '/healthz')).status).toBe(200);
    process.kill(-ks.pid!, 'SIGKILL');
  });
});
