import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type AuthStatus, type Result, type Settings } from '../../shared/contract';
import { createEventHub } from '../core/events';
import { createSettingsService, type SettingsBackend } from '../core/settings';
import type { TrayInput } from './tray-model';
import { trackTrayInput } from './tray-input';

const gateway = { status: 'stopped' as const, port: 18789, owned: false };
const alert = { id: 'a', agentId: 'main', profileId: 'anthropic:x', provider: 'anthropic', kind: 'expired' as const, thresholdMs: 0, expiresAt: 1, raisedAt: 2, inUse: true };
const authOf = (agentId: string) => ({ agentId, profiles: [] }) as unknown as AuthStatus;

function memoryBackend(initial: Partial<Settings> = {}): SettingsBackend {
  let store: Record<string, unknown> = { ...DEFAULT_SETTINGS, ...initial };
  return {
    get store() {
      return store;
    },
    set store(v) {
      store = v;
    },
  };
}

function setup(answers: Record<string, (input: any) => Result<unknown>>, settings: Partial<Settings> = {}, env: Record<string, string> = {}) {
  const events = createEventHub();
  const calls: [string, unknown][] = [];
  const dispatch = async (channel: string, input: unknown): Promise<Result<unknown>> => {
    calls.push([channel, input]);
    return answers[channel]?.(input) ?? { ok: false, error: { code: 'INTERNAL', key: 'errors.unexpected', message: 'no' } };
  };
  const service = createSettingsService(memoryBackend(settings));
  const seen: TrayInput[] = [];
  const tracker = trackTrayInput({ dispatch: dispatch as any, events, settings: service }, { env, onChange: (input) => seen.push(input) });
  return { events, tracker, seen, service, calls };
}

describe('trackTrayInput', () => {
  it('starts from the settings: language (system locale for "system") and whether the gateway is kept running', () => {
    expect(setup({}, {}, { LANG: 'fr_FR.UTF-8' }).tracker.current()).toMatchObject({ language: 'fr', keepGatewayRunning: false, gateway: null, auth: null, alerts: [] });
    expect(setup({}, { language: 'zh-TW', keepGatewayRunning: true }, { LANG: 'fr_FR.UTF-8' }).tracker.current()).toMatchObject({
      language: 'zh-TW',
      keepGatewayRunning: true,
    });
  });

  it('seeds from core once, then follows the three events', async () => {
    const { events, tracker, seen } = setup({
      'gateway:state': () => ({ ok: true, value: gateway }),
      'auth:status': () => ({ ok: true, value: authOf('main') }),
      'alerts:list': () => ({ ok: true, value: { alerts: [alert] } }),
    });
    await tracker.seed();
    expect(tracker.current()).toMatchObject({ gateway, auth: { agentId: 'main' }, alerts: [alert] });
    events.emit('gateway:state', { ...gateway, status: 'ready' });
    events.emit('alerts:changed', { alerts: [] });
    expect(tracker.current()).toMatchObject({ gateway: { status: 'ready' }, alerts: [] });
    expect(seen).toHaveLength(3);
    tracker.dispose();
    events.emit('gateway:state', { ...gateway, status: 'failed' });
    expect(tracker.current().gateway?.status).toBe('ready');
    expect(seen).toHaveLength(3);
  });

  it('lets an event that arrived before the seed answer win', async () => {
    const { events, tracker } = setup({ 'gateway:state': () => ({ ok: true, value: gateway }) });
    events.emit('gateway:state', { ...gateway, status: 'starting' });
    await tracker.seed();
    expect(tracker.current().gateway?.status).toBe('starting');
  });

  it("keeps only the selected agent's auth status", () => {
    const { events, tracker } = setup({});
    events.emit('auth:status', authOf('ops'));
    expect(tracker.current().auth).toBeNull();
    events.emit('auth:status', authOf('main'));
    expect(tracker.current().auth?.agentId).toBe('main');
  });

  it('follows settings: language and kept gateway at once, a new agent by asking core for its status', async () => {
    const { tracker, service, calls, seen } = setup({ 'auth:status': (input) => ({ ok: true, value: authOf(input.agentId) }) });
    service.update({ language: 'zh-CN', keepGatewayRunning: true });
    expect(tracker.current()).toMatchObject({ language: 'zh-CN', keepGatewayRunning: true });
    service.update({ port: 19000 });
    expect(seen).toHaveLength(1);
    service.update({ agentId: 'ops' });
    expect(tracker.current().auth).toBeNull();
    await new Promise((r) => setImmediate(r));
    expect(calls).toContainEqual(['auth:status', { agentId: 'ops' }]);
    expect(tracker.current().auth?.agentId).toBe('ops');
  });

  it("follows the selected agent's models view: seeded, then models:changed, and asked afresh for a new agent", async () => {
    const view = (agentId: string, headline: 'ready' | 'missing') => ({ agentId, headline, rows: [], checkExit: (headline === 'ready' ? 0 : 1) as 0 | 1, inheritsDefault: true, computedAt: 1 });
    const { events, tracker, service, calls } = setup({ 'models:status': (input) => ({ ok: true, value: view(input.agentId, 'ready') }) });
    await tracker.seed();
    expect(tracker.current().models).toMatchObject({ agentId: 'main', headline: 'ready' });
    events.emit('models:changed', view('ops', 'missing'));
    expect(tracker.current().models?.agentId).toBe('main');
    events.emit('models:changed', view('main', 'missing'));
    expect(tracker.current().models?.headline).toBe('missing');
    service.update({ agentId: 'ops' });
    expect(tracker.current().models).toBeNull();
    await new Promise((r) => setImmediate(r));
    expect(calls).toContainEqual(['models:status', { agentId: 'ops' }]);
    expect(tracker.current().models).toMatchObject({ agentId: 'ops', headline: 'ready' });
  });
});
