import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { INVOKE_CHANNELS, type GatewayState } from '../../shared/contract';
import { assertOneHandlerPerChannel, createModules, type AppChannel } from './app-core';
import type { CoreModule } from './context';
import type { Handlers } from './dispatch';
import type { AlertsChannel } from './alerts/handlers';
import type { AuthModule } from './credentials/handlers';
import type { GatewayChannel } from './gateway/handlers';
import type { ModelsChannel } from './models/handlers';
import type { InstallChannel } from './installer/handlers';
import type { MigrationChannel } from './migration/handlers';
import { useTestCore as core } from '../testing/use-test-core';

/**
 * Compile-time proof that the handler table is total (`npm run typecheck` checks this file; it never runs): each
 * `@ts-expect-error` line must fail to compile, or the typecheck fails. A table missing any contract channel is not
 * a `Handlers`, and a module missing one of the channels it owns is not its `CoreModule`.
 */
export function totalTableFixtures(
  app: CoreModule<AppChannel>['handlers'],
  auth: AuthModule['handlers'],
  gateway: CoreModule<GatewayChannel>['handlers'],
  alerts: CoreModule<AlertsChannel>['handlers'],
  models: CoreModule<ModelsChannel>['handlers'],
  migration: CoreModule<MigrationChannel>['handlers'],
  installer: CoreModule<InstallChannel>['handlers'],
  state: GatewayState,
): unknown[] {
  const complete: Handlers = { ...app, ...auth, ...gateway, ...alerts, ...models, ...migration, ...installer };
  // @ts-expect-error -- no module for the gateway's channels: not a total table
  const withoutGateway: Handlers = { ...app, ...auth, ...alerts, ...models, ...migration, ...installer };
  const { 'env:unset': _unset, ...authButOne } = auth;
  // @ts-expect-error -- one channel without a handler is enough
  const oneMissing: Handlers = { ...app, ...authButOne, ...gateway, ...alerts, ...models, ...migration, ...installer };
  // @ts-expect-error -- a module must answer every channel it owns
  const partialModule: CoreModule<GatewayChannel> = { handlers: { 'gateway:state': async () => state } };
  return [complete, withoutGateway, oneMissing, partialModule];
}

describe('createAppCore', () => {
  it('builds exactly one handler per contract channel, from the feature modules', async () => {
    const t = core();
    const { handlers, modules } = createModules(t.context);
    onTestFinished(async () => {
      for (const m of modules) await m.dispose?.();
    });
    expect(Object.keys(handlers).sort()).toEqual([...INVOKE_CHANNELS].sort());
    for (const channel of INVOKE_CHANNELS) expect(typeof handlers[channel]).toBe('function');
  });

  it('refuses two handlers for one channel', () => {
    const h = async () => ({ ok: true as const });
    expect(() => assertOneHandlerPerChannel([{ 'env:set': h }, { 'env:list': h }])).not.toThrow();
    expect(() => assertOneHandlerPerChannel([{ 'env:set': h }, { 'env:set': h }])).toThrow(/Two handlers for channel "env:set"/);
  });

  it('gives shells a narrow core: dispatch, events, settings to follow, navigate, the quit question and lifecycle, never the context', () => {
    const { core: c } = core();
    expect(Object.keys(c).sort()).toEqual(['dispatch', 'dispose', 'events', 'leavePrompt', 'navigate', 'resume', 'settings', 'start']);
  });

  it('keeps the question the window last gave for quitting with unsaved changes, and refuses a malformed one', async () => {
    const { core: c } = core();
    expect(c.leavePrompt()).toBeNull();
    const prompt = { title: 'Leave without saving?', message: 'You changed the port.', stay: 'Stay', leave: 'Quit without saving' };
    expect(await c.dispatch('app:setUnsaved', { prompt })).toEqual({ ok: true, value: { ok: true } });
    expect(c.leavePrompt()).toEqual(prompt);
    expect(await c.dispatch('app:setUnsaved', { prompt: { ...prompt, title: '' } })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(c.leavePrompt(), 'a refused question changes nothing').toEqual(prompt);
    await c.dispatch('app:setUnsaved', { prompt: null });
    expect(c.leavePrompt()).toBeNull();
  });

  it('navigate emits app:navigate for a valid request only', () => {
    const { core: c } = core();
    const seen: unknown[] = [];
    c.events.on('app:navigate', (r) => seen.push(r));
    expect(c.navigate({ view: 'renew', profileId: 'anthropic:work' })).toBe(true);
    expect(c.navigate({ view: '' })).toBe(false);
    expect(c.navigate({ view: 'renew', profileId: 42 })).toBe(false);
    expect(c.navigate(undefined)).toBe(false);
    expect(seen).toEqual([{ view: 'renew', profileId: 'anthropic:work' }]);
  });

  it('answers app:info with the resolved paths and the shell', async () => {
    const { core: c, stateDir } = core();
    const r = await c.dispatch('app:info', {});
    expect(r).toEqual({
      ok: true,
      value: {
        version: '0.0.0-test',
        shell: 'web',
        stateDir,
        configPath: path.join(stateDir, 'openclaw.json'),
        agentId: 'main',
        gatewayService: { name: process.platform === 'darwin' ? 'ai.openclaw.gateway' : process.platform === 'win32' ? 'OpenClaw Gateway' : 'openclaw-gateway.service', kind: process.platform === 'darwin' ? 'launchd' : process.platform === 'win32' ? 'schtasks' : 'systemd' },
        openclaw: {
          version: '2026.5.28',
          backend: 'profiles-file',
          capabilities: { inheritsSharedCredentials: false, copyIsRepaste: false, removeFromInheritingAgentRemovesForAll: false, slowWrites: false },
        },
      },
    });
  });

  it('refuses to change who runs the gateway through settings:update (gateway:setOwner stops the old owner first)', async () => {
    const { core: c } = core();
    const r = await c.dispatch('settings:update', { gatewayOwner: 'service' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', key: 'errors.gateway.ownerElsewhere', fields: { gatewayOwner: { key: 'validation.invalid' } } } });
    expect(await c.dispatch('settings:get', {})).toMatchObject({ ok: true, value: { gatewayOwner: 'clawtray' } });
    expect((await c.dispatch('settings:update', { gatewayOwner: 'clawtray', port: 18800 })).ok).toBe(true);
  });

  it('with no OpenClaw found, says so in app:info and auth:status, and refuses every save before writing anything', async () => {
    const t = core({ openclawPath: null });
    const info = await t.core.dispatch('app:info', {});
    expect(info.ok && (info.value as { openclaw?: unknown }).openclaw).toMatchObject({ version: null, backend: null });
    for (const [channel, input] of [
      ['auth:saveAnthropicKey', { apiKey: 'sk-ant-api03-0123456789abcdefghij0123456789abcdefghij' }],
      ['auth:saveToken', { provider: 'openrouter', token: 'sk-or-v1-0123456789' }],
      ['auth:setOrder', { provider: 'anthropic', order: [] }],
      ['models:setDefault', { model: 'anthropic/claude-sonnet-4-6' }],
    ] as const) {
      const r = await t.core.dispatch(channel, input);
      expect(r.ok, channel).toBe(false);
      expect(!r.ok && r.error).toMatchObject({ code: 'NOT_FOUND', key: 'errors.openclaw.missing' });
    }
    expect(fs.readdirSync(t.stateDir)).toEqual([]);
    const status = await t.core.dispatch('auth:status', {});
    expect(status.ok && (status.value as { openclaw?: unknown }).openclaw).toMatchObject({ version: null, backend: null });
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
