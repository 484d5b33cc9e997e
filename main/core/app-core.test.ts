import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS } from '../../shared/contract';
import { assembleHandlers } from './app-core';
import { makeTestCore } from '../testing/test-support';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});
function core() {
  const t = makeTestCore();
  cleanups.push(t.cleanup);
  return t;
}

describe('createAppCore', () => {
  it('has exactly one handler per contract channel', () => {
    const { core: c } = core();
    expect(Object.keys(c.handlers).sort()).toEqual([...INVOKE_CHANNELS].sort());
    for (const channel of INVOKE_CHANNELS) expect(typeof c.handlers[channel]).toBe('function');
  });

  it('refuses two handlers for one channel', () => {
    const h = async () => ({ ok: true as const });
    expect(() => assembleHandlers([{ 'env:set': h }, { 'env:set': h }])).toThrow(/Two handlers/);
  });

  it('lists the channels whose behaviour has not landed yet, and they answer INTERNAL', async () => {
    const { core: c } = core();
    // Shrinks as issues land; an empty list means every channel is implemented.
    expect(c.pendingChannels).toEqual(PENDING);
    for (const channel of c.pendingChannels) {
      await expect((c.handlers[channel] as (i: unknown) => Promise<unknown>)({})).rejects.toMatchObject({ code: 'INTERNAL' });
    }
  });

  it('answers app:info with the resolved paths and the shell', async () => {
    const { core: c, stateDir } = core();
    const r = await c.dispatch('app:info', {});
    expect(r).toEqual({
      ok: true,
      value: { version: '0.0.0-test', shell: 'web', stateDir, configPath: path.join(stateDir, 'openclaw.json'), agentId: 'main' },
    });
  });

  it('returns VALIDATION with field details for bad input, and NOT_FOUND for an unknown channel', async () => {
    const { core: c } = core();
    const bad = await c.dispatch('gateway:logs', { limit: 'many', extra: 1 });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.error.code).toBe('VALIDATION');
    expect(Object.keys(bad.error.fields ?? {}).sort()).toEqual(['extra', 'limit']);
    const unknown = await c.dispatch('nope:nothing', {});
    expect(unknown.ok ? null : unknown.error.code).toBe('NOT_FOUND');
  });

  it('persists settings in the data dir and rejects invalid updates without changing them', async () => {
    const t = core();
    const updated = await t.core.dispatch('settings:update', { port: 19001, language: 'fr' });
    expect(updated.ok).toBe(true);
    const bad = await t.core.dispatch('settings:update', { port: 80 });
    expect(bad.ok ? null : bad.error.fields).toHaveProperty('port');
    const got = await t.core.dispatch('settings:get', {});
    expect(got.ok && got.value.port).toBe(19001);
    expect(got.ok && got.value.language).toBe('fr');
    expect(fs.readdirSync(t.dataDir)).toContain('settings.json');
  });
});

const PENDING = INVOKE_CHANNELS.filter((c) => !['app:info', 'settings:get', 'settings:update', 'alerts:list', 'alerts:snooze', 'alerts:dismiss', 'gateway:state', 'gateway:start', 'gateway:stop', 'gateway:restart', 'gateway:logs', 'gateway:install', 'gateway:cancelInstall', 'auth:status', 'auth:saveAnthropicKey', 'auth:saveSetupToken', 'auth:saveCloudflare', 'auth:saveToken', 'auth:removeProfile', 'auth:setOrder', 'auth:copyProfile', 'models:setDefault', 'env:list', 'env:set', 'env:unset'].includes(c));
