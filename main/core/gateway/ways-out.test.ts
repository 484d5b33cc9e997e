import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { GatewayState } from '../../../shared/contract';
import { freePort } from '../../testing/gateway-test-support';
import { useTestCore } from '../../testing/use-test-core';

async function core() {
  const t = useTestCore({ env: { PATH: process.env.PATH } });
  const states: GatewayState[] = [];
  t.core.events.on('gateway:state', (s) => states.push(s));
  const port = await freePort();
  await t.core.dispatch('settings:update', { port, stopGraceMs: 2000 });
  const waitFor = async (status: string) => {
    for (let i = 0; i < 750; i++) {
      const s = await t.core.dispatch('gateway:state', {});
      if (s.ok && (s.value as GatewayState).status === status) return s.value as GatewayState;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`no ${status}; saw ${states.map((x) => x.status).join(',')}`);
  };
  return { ...t, port, states, waitFor };
}

async function holdPort(port: number): Promise<void> {
  const holder = net.createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => holder.listen(port, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((resolve) => holder.close(() => resolve())));
}

describe('ways out of a port someone else holds', () => {
  it('suggests the next free port, and "Use port N" saves it and starts the gateway there', async () => {
    const c = await core();
    await holdPort(c.port);
    await c.core.dispatch('gateway:start', {});
    const failed = await c.waitFor('failed');
    expect(failed).toMatchObject({ reason: 'port-in-use', port: c.port });
    expect(failed.suggestedPort).toBeGreaterThan(c.port);
    const used = await c.core.dispatch('gateway:usePort', { port: failed.suggestedPort! });
    expect(used.ok).toBe(true);
    const ready = await c.waitFor('ready');
    expect(ready.port).toBe(failed.suggestedPort);
    const settings = await c.core.dispatch('settings:get', {});
    expect(settings.ok && (settings.value as { port: number }).port).toBe(failed.suggestedPort);
    // Between the failure and the start, the state never said the new port was held.
    expect(c.states.filter((s) => s.port === failed.suggestedPort && s.reason === 'port-in-use')).toEqual([]);
    await c.core.dispatch('gateway:stop', {});
  });

  it('refuses a suggested port taken meanwhile, naming the next free one, and changes nothing', async () => {
    const c = await core();
    const taken = await freePort();
    await holdPort(taken);
    const r = await c.core.dispatch('gateway:usePort', { port: taken });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', key: 'errors.gateway.portTaken', params: { port: taken } } });
    const settings = await c.core.dispatch('settings:get', {});
    expect(settings.ok && (settings.value as { port: number }).port).toBe(c.port);
  });

  it('a port changed in settings clears the old port-in-use failure', async () => {
    const c = await core();
    await holdPort(c.port);
    await c.core.dispatch('gateway:start', {});
    await c.waitFor('failed');
    const other = await freePort();
    await c.core.dispatch('settings:update', { port: other });
    expect(await c.waitFor('stopped')).toEqual(expect.objectContaining({ status: 'stopped', port: other }));
    expect((await c.waitFor('stopped')).portHolder).toBeUndefined();
  });
});

describe('a gateway that refuses its config', () => {
  const GOOD = { gateway: { mode: 'local', bind: 'loopback', auth: { mode: 'token', token: 'a'.repeat(48) } }, agents: { defaults: { model: 'anthropic/claude-sonnet-4-6' } } };

  it('is a config failure at its first exit (OpenClaw 2026.5.28 exits 1), shows the keys, and the .bak restores it', async () => {
    const c = await core();
    const configPath = path.join(c.stateDir, 'openclaw.json');
    fs.writeFileSync(configPath, JSON.stringify({ ...GOOD, agents: { defaults: { model: 42, bogus: true } } }));
    fs.writeFileSync(`${configPath}.bak`, JSON.stringify(GOOD));
    await c.core.dispatch('gateway:start', {});
    const failed = await c.waitFor('failed');
    expect(failed).toMatchObject({ reason: 'config', configFile: configPath, configIssues: [{ path: 'agents.defaults.model', message: 'Invalid input' }, { path: 'agents.defaults', message: 'Invalid input' }] });
    expect(c.states.filter((s) => s.status === 'crashed')).toEqual([]);
    expect(c.states.filter((s) => s.status === 'starting')).toHaveLength(1);

    // The gateway settings were already there, so the app's start wrote nothing and the user's .bak is intact.
    const preview = await c.core.dispatch('gateway:configBackup', {});
    expect(preview.ok).toBe(true);
    const shown = preview.ok ? preview.value : undefined;
    expect(shown?.changes).toEqual([
      { path: 'agents.defaults.model', change: 'changed' },
      { path: 'agents.defaults.bogus', change: 'removed' },
    ]);
    const restored = await c.core.dispatch('gateway:restoreConfig', { fingerprint: shown!.fingerprint! });
    expect(restored).toMatchObject({ ok: true, value: { keptAs: `${configPath}.bak`, state: { status: 'stopped' } } });
    await c.core.dispatch('gateway:start', {});
    await c.waitFor('ready');
    await c.core.dispatch('gateway:stop', {});
  });

  it('an openclaw.json that does not parse is the same failure, without starting OpenClaw', async () => {
    const c = await core();
    fs.writeFileSync(path.join(c.stateDir, 'openclaw.json'), '{ "gateway": ');
    await c.core.dispatch('gateway:start', {});
    const failed = await c.waitFor('failed');
    expect(failed).toMatchObject({ reason: 'config', configIssues: [{ path: '(file)' }] });
    expect(c.states.filter((s) => s.status === 'starting')).toEqual([]);
  });
});
