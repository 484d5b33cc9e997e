import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Alert } from '../../../shared/contract';
import type { NotificationRequest } from '../context';
import { createFakeClock } from '../../testing/fake-clock';
import { makeTestCore } from '../../testing/test-support';

const H = 3_600_000;
const D = 24 * H;
const SETUP = (c: string) => `sk-ant-oat01-${c.repeat(84)}`;

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** A started core over temp dirs whose notifications and alert events are recorded. */
async function startedCore(dataDir?: string) {
  const shown: NotificationRequest[] = [];
  const t = makeTestCore({ notifier: { show: (n) => shown.push(n) }, ...(dataDir ? { dataDir } : {}) });
  cleanups.push(t.cleanup);
  const changes: Alert[][] = [];
  t.core.events.on('alerts:changed', (p) => changes.push(p.alerts));
  await t.core.start();
  const call = async <T = any>(channel: string, input: unknown): Promise<T> => {
    const r = await t.core.dispatch(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
    return r.value as T;
  };
  const alerts = async () => (await call<{ alerts: Alert[] }>('alerts:list', {})).alerts;
  return { ...t, shown, changes, call, alerts };
}

/** Polls `check` in real time until it holds (file watching and its debounce are real here). */
async function eventually<T>(check: () => Promise<T | undefined> | T | undefined, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('alerts through the app core and the real auth module', () => {
  it('raises the 24-hour alert at once for a setup-token saved 2 hours from expiry; renewing clears it', async () => {
    const c = await startedCore();
    await c.call('models:setDefault', { model: 'anthropic/claude-sonnet-4-6' });
    await c.call('auth:saveSetupToken', { token: SETUP('S'), profileName: 'work', expiresAt: Date.now() + 2 * H });
    const [alert] = await eventually(async () => ((await c.alerts()).length ? c.alerts() : undefined));
    expect(alert).toMatchObject({ agentId: 'main', profileId: 'anthropic:work', provider: 'anthropic', kind: 'threshold', thresholdMs: D, inUse: true });
    expect(c.shown).toEqual([
      {
        id: alert!.id,
        title: 'Anthropic token expires in 2 hours',
        body: expect.stringContaining('Profile “work” expires in 2 hours'),
        action: { view: 'renew', agentId: 'main', profileId: 'anthropic:work', provider: 'anthropic', profileName: 'work' },
      },
    ]);
    await c.call('auth:saveSetupToken', { token: SETUP('R'), profileName: 'work', expiresAt: Date.now() + 60 * D, replace: true });
    await eventually(async () => ((await c.alerts()).length === 0 ? true : undefined));
    expect(c.changes.at(-1)).toEqual([]);
    expect(c.shown).toHaveLength(1);
  });

  it('does not repeat an alert when the app restarts', async () => {
    const first = await startedCore();
    await first.call('auth:saveSetupToken', { token: SETUP('S'), expiresAt: Date.now() + 3 * D });
    const raised = await eventually(async () => ((await first.alerts()).length ? first.alerts() : undefined));
    await first.core.dispose();
    const second = makeTestCore({ dataDir: first.dataDir, stateDirOverride: first.stateDir, notifier: { show: () => expect.fail('notified again') } });
    cleanups.push(second.cleanup);
    await second.core.start();
    const again = await second.core.dispatch('alerts:list', {});
    expect(again).toEqual({ ok: true, value: { alerts: raised } });
  });

  it('raises a new alert when another process edits auth-profiles.json', async () => {
    const c = await startedCore();
    await c.call('auth:saveSetupToken', { token: SETUP('S'), expiresAt: Date.now() + 30 * D });
    expect(await c.alerts()).toEqual([]);
    const file = path.join(c.stateDir, 'agents', 'main', 'agent', 'auth-profiles.json');
    const script = `
      const fs = require('fs');
      const [file, token, expires] = process.argv.slice(1);
      const data = JSON.parse(fs.readFileSync(file, 'utf8'));
      data.profiles['openrouter:ops'] = { type: 'token', provider: 'openrouter', token, expires: Number(expires) };
      fs.writeFileSync(file + '.other.tmp', JSON.stringify(data, null, 2), { mode: 0o600 });
      fs.renameSync(file + '.other.tmp', file);`;
    const r = spawnSync(process.execPath, ['-e', script, file, `sk-or-v1-${'O'.repeat(48)}`, String(Date.now() + 30 * 60_000)]);
    expect(r.status, r.stderr.toString()).toBe(0);
    const alerts = await eventually(async () => ((await c.alerts()).length ? c.alerts() : undefined));
    expect(alerts.map((a) => [a.profileId, a.thresholdMs])).toEqual([['openrouter:ops', H]]);
    expect(c.shown.map((n) => n.title)).toEqual(['OpenRouter token expires in 30 minutes']);
    expect(fs.existsSync(path.join(c.dataDir, 'alerts-ledger.json'))).toBe(true);
  });

  it('re-evaluates everything when the shell calls AppCore.resume() after a sleep', async () => {
    const clock = createFakeClock(Date.now());
    const shown: NotificationRequest[] = [];
    const t = makeTestCore({ clock, notifier: { show: (n) => shown.push(n) } });
    cleanups.push(t.cleanup);
    await t.core.start();
    expect((await t.core.dispatch('auth:saveSetupToken', { token: SETUP('S'), expiresAt: clock.now() + 2 * D })).ok).toBe(true);
    await eventually(() => (shown.length === 1 ? true : undefined));
    clock.shiftWall(3 * D);
    await t.core.resume();
    expect(shown.map((n) => n.title)).toEqual(['Anthropic token expires in 2 days', 'Anthropic token has expired']);
  });
});
