import { describe, expect, it } from 'vitest';
import type { Result } from '../../shared/contract';
import { createEventHub } from '../core/events';
import { createFakeElectron } from './fake-electron';
import { createTray, handleTrayAction, toMenuTemplate, trackTrayInput } from './tray';
import { buildTrayModel, EMPTY_TRAY_INPUT, type TrayAction } from './tray-model';

function setup(platform: NodeJS.Platform = 'linux') {
  const fake = createFakeElectron();
  const actions: TrayAction[] = [];
  const tray = createTray(
    { Tray: fake.surface.Tray, Menu: fake.surface.Menu, iconDir: '/res/tray', platform, onAction: (a) => actions.push(a) },
    buildTrayModel(EMPTY_TRAY_INPUT),
  );
  return { fake, tray, actions };
}

describe('createTray', () => {
  it('shows the model: icon, tooltip and menu', () => {
    const { fake } = setup();
    const [t] = fake.trays;
    expect(t!.image).toBe('/res/tray/stopped.png');
    expect(t!.toolTip).toBe('ClawTray (Gateway: checking…)');
    expect(t!.menu!.template.map((i) => i.label ?? i.type)).toEqual(['Gateway: checking…', 'separator', 'Open ClawTray', 'separator', 'Quit ClawTray']);
    expect(t!.menu!.template[0]).toMatchObject({ enabled: false });
  });

  it('uses macOS template images on darwin', () => {
    expect(setup('darwin').fake.trays[0]!.image).toBe('/res/tray/stoppedTemplate.png');
  });

  it('turns clicks on items and on the icon into actions', () => {
    const { fake, actions } = setup();
    fake.trays[0]!.clickItem('Quit ClawTray');
    fake.trays[0]!.clickItem('Open ClawTray');
    fake.trays[0]!.emit('click');
    expect(actions).toEqual([{ kind: 'quit' }, { kind: 'open-window' }, { kind: 'open-window' }]);
  });

  it('rebuilds icon and a fresh menu on every render, and stops after dispose', () => {
    const { fake, tray } = setup();
    const first = fake.trays[0]!.menu;
    tray.render(buildTrayModel({ ...EMPTY_TRAY_INPUT, gateway: { status: 'ready', port: 1, owned: true } }));
    expect(fake.trays[0]!.image).toBe('/res/tray/ready.png');
    expect(fake.trays[0]!.menu).not.toBe(first);
    expect(fake.trays[0]!.menu!.template[0]!.label).toBe('Gateway: ready');
    tray.dispose();
    expect(fake.trays[0]!.destroyed).toBe(true);
    tray.render(buildTrayModel({ ...EMPTY_TRAY_INPUT, gateway: { status: 'failed', port: 1, owned: true } }));
    expect(fake.trays[0]!.image).toBe('/res/tray/ready.png');
  });

  it('leaves lines without an action unclickable', () => {
    const template = toMenuTemplate(buildTrayModel(EMPTY_TRAY_INPUT), () => {});
    expect(template[0]!.click).toBeUndefined();
    expect(typeof template[2]!.click).toBe('function');
  });
});

describe('handleTrayAction', () => {
  it('opens the window or quits', () => {
    const done: string[] = [];
    const ctx = { openView: (a?: Record<string, string>) => done.push(`open ${JSON.stringify(a)}`), quit: () => done.push('quit') };
    handleTrayAction({ kind: 'open-window' }, ctx);
    handleTrayAction({ kind: 'quit' }, ctx);
    expect(done).toEqual(['open undefined', 'quit']);
  });
});

describe('trackTrayInput', () => {
  const gateway = { status: 'stopped' as const, port: 18789, owned: false };
  const alert = { id: 'a', agentId: 'main', profileId: 'anthropic:x', provider: 'anthropic', kind: 'expired' as const, thresholdMs: 0, expiresAt: 1, raisedAt: 2, inUse: true };

  function setup(answers: Record<string, Result<unknown>>) {
    const events = createEventHub();
    const dispatch = async (channel: string): Promise<Result<unknown>> => answers[channel] ?? { ok: false, error: { code: 'INTERNAL', message: 'no' } };
    const seen: unknown[] = [];
    const tracker = trackTrayInput({ dispatch, events }, (input) => seen.push(input));
    return { events, tracker, seen };
  }

  it('seeds from core once, then follows the three events', async () => {
    const { events, tracker, seen } = setup({ 'gateway:state': { ok: true, value: gateway }, 'alerts:list': { ok: true, value: { alerts: [alert] } } });
    await tracker.seed();
    expect(tracker.current()).toEqual({ gateway, auth: null, alerts: [alert] });
    events.emit('gateway:state', { ...gateway, status: 'ready' });
    events.emit('alerts:changed', { alerts: [] });
    expect(tracker.current()).toMatchObject({ gateway: { status: 'ready' }, alerts: [] });
    expect(seen).toHaveLength(3);
    tracker.dispose();
    events.emit('gateway:state', { ...gateway, status: 'failed' });
    expect(tracker.current().gateway?.status).toBe('ready');
  });

  it('lets an event that arrived before the seed answer win', async () => {
    const { events, tracker } = setup({ 'gateway:state': { ok: true, value: gateway } });
    events.emit('gateway:state', { ...gateway, status: 'starting' });
    await tracker.seed();
    expect(tracker.current().gateway?.status).toBe('starting');
  });
});
