import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../testing/test-support';
import { createFakeElectron } from '../testing/fake-electron';
import { createTray, handleTrayAction, logsFolder, openLogsFolder, toMenuTemplate, type TrayActionContext } from './tray';
import { buildTrayModel, EMPTY_TRAY_INPUT, type TrayAction } from '../tray/tray-model';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function setup(platform: NodeJS.Platform = 'linux') {
  const fake = createFakeElectron();
  const actions: TrayAction[] = [];
  const tray = createTray(
    { Tray: fake.surface.Tray, Menu: fake.surface.Menu, iconDir: '/res/tray', platform, onAction: (a) => actions.push(a) },
    buildTrayModel(EMPTY_TRAY_INPUT),
  );
  return { fake, tray, actions };
}

const ready = { ...EMPTY_TRAY_INPUT, gateway: { status: 'ready' as const, port: 18789, owned: true } };

describe('createTray', () => {
  it('shows the model: icon, tooltip and menu', () => {
    const { fake } = setup();
    const [t] = fake.trays;
    expect(t!.image).toBe('/res/tray/stopped.png');
    expect(t!.toolTip).toBe('ClawTray\nGateway: checking…');
    expect(t!.menu!.template.map((i) => i.label ?? i.type)).toEqual([
      'Gateway: checking…',
      'separator',
      'Start the gateway',
      'Stop the gateway',
      'Restart the gateway',
      'separator',
      'Open ClawTray',
      'Open logs folder',
      'Settings…',
      'separator',
      'Quit ClawTray',
    ]);
    expect(t!.menu!.template[0]).toMatchObject({ enabled: false });
  });

  it('uses macOS template images on darwin', () => {
    expect(setup('darwin').fake.trays[0]!.image).toBe('/res/tray/stoppedTemplate.png');
  });

  it('turns clicks on items and on the icon into actions', () => {
    const { fake, actions, tray } = setup();
    tray.render(buildTrayModel({ ...ready, keepGatewayRunning: true }));
    const t = fake.trays[0]!;
    for (const label of ['Stop the gateway', 'Restart the gateway', 'Open ClawTray', 'Open logs folder', 'Settings…', 'Quit and stop the gateway']) t.clickItem(label);
    t.emit('click');
    expect(actions).toEqual([
      { kind: 'gateway', op: 'stop' },
      { kind: 'gateway', op: 'restart' },
      { kind: 'open-window' },
      { kind: 'open-logs' },
      { kind: 'open-view', request: { view: 'settings' } },
      { kind: 'quit-and-stop-gateway' },
      { kind: 'open-window' },
    ]);
  });

  it('rebuilds icon, tooltip and a fresh menu on every render, and stops after dispose', () => {
    const { fake, tray } = setup();
    const first = fake.trays[0]!.menu;
    tray.render(buildTrayModel(ready));
    expect(fake.trays[0]!.image).toBe('/res/tray/ready.png');
    expect(fake.trays[0]!.toolTip).toBe('ClawTray\nGateway: ready on port 18789');
    expect(fake.trays[0]!.menu).not.toBe(first);
    expect(fake.trays[0]!.menu!.template[0]!.label).toBe('Gateway: ready on port 18789');
    tray.dispose();
    expect(fake.trays[0]!.destroyed).toBe(true);
    tray.render(buildTrayModel({ ...ready, gateway: { status: 'failed', port: 1, owned: true } }));
    expect(fake.trays[0]!.image).toBe('/res/tray/ready.png');
  });

  it('leaves lines without an action unclickable and disabled ones disabled', () => {
    const template = toMenuTemplate(buildTrayModel(EMPTY_TRAY_INPUT), () => {});
    expect(template[0]!.click).toBeUndefined();
    expect(template[2]).toMatchObject({ label: 'Start the gateway', enabled: false });
    expect(typeof template[6]!.click).toBe('function');
  });
});

describe('handleTrayAction', () => {
  function context(gatewayAnswer: { ok: boolean; message?: string } = { ok: true }) {
    const done: string[] = [];
    const ctx: TrayActionContext = {
      openView: (a) => done.push(`open ${JSON.stringify(a)}`),
      gateway: async (op) => (done.push(`gateway ${op}`), gatewayAnswer),
      openLogsFolder: async () => void done.push('logs'),
      openDashboard: async () => (done.push('dashboard'), gatewayAnswer),
      quit: () => done.push('quit'),
      logger: { info() {}, warn: (m) => done.push(`warn ${m}`), error() {} },
    };
    return { ctx, done };
  }

  const cases: [TrayAction, string[]][] = [
    [{ kind: 'open-window' }, ['open undefined']],
    [{ kind: 'open-view', request: { view: 'renew', profileId: 'anthropic:work' } }, ['open {"view":"renew","profileId":"anthropic:work"}']],
    [{ kind: 'gateway', op: 'start' }, ['gateway start']],
    [{ kind: 'gateway', op: 'restart' }, ['gateway restart']],
    [{ kind: 'open-logs' }, ['logs']],
    [{ kind: 'open-dashboard' }, ['dashboard']],
    [{ kind: 'quit' }, ['quit']],
    [{ kind: 'quit-and-stop-gateway' }, ['gateway stop', 'quit']],
  ];
  it.each(cases)('%j', async (action, expected) => {
    const { ctx, done } = context();
    await handleTrayAction(action, ctx);
    expect(done).toEqual(expected);
  });

  it('logs a refused gateway action, and still quits after a failed stop', async () => {
    const { ctx, done } = context({ ok: false, message: 'port busy' });
    await handleTrayAction({ kind: 'gateway', op: 'start' }, ctx);
    await handleTrayAction({ kind: 'quit-and-stop-gateway' }, ctx);
    expect(done).toEqual(['gateway start', 'warn tray: gateway start failed: port busy', 'gateway stop', 'warn tray: gateway stop failed: port busy', 'quit']);
  });

  it('logs a dashboard that could not be opened', async () => {
    const { ctx, done } = context({ ok: false, message: 'no gateway answers' });
    await handleTrayAction({ kind: 'open-dashboard' }, ctx);
    expect(done).toEqual(['dashboard', 'warn tray: could not open the dashboard: no gateway answers']);
  });

  it('logs a logs folder that cannot be opened', async () => {
    const { ctx, done } = context();
    ctx.openLogsFolder = async () => {
      throw new Error('no file manager');
    };
    await handleTrayAction({ kind: 'open-logs' }, ctx);
    expect(done).toEqual(['warn tray: could not open the logs folder: no file manager']);
  });
});

describe('the logs folder', () => {
  it("is the folder of OpenClaw's log, or OpenClaw's default folder for the day", () => {
    expect(logsFolder({ logFile: '/var/log/oc/openclaw.log' }, new Date())).toBe('/var/log/oc');
    expect(logsFolder(null, new Date(2026, 0, 2))).toBe(path.join(process.platform === 'win32' ? os.tmpdir() : '/tmp', 'openclaw'));
  });

  it('is created (0700) when missing and opened; an error from the desktop is thrown', async () => {
    const tmp = makeTempDir();
    cleanups.push(tmp.cleanup);
    const folder = path.join(tmp.dir, 'logs', 'openclaw');
    const opened: string[] = [];
    await openLogsFolder({ logFile: path.join(folder, 'openclaw.log') }, new Date(), async (p) => (opened.push(p), ''));
    expect(opened).toEqual([folder]);
    expect(fs.statSync(folder).mode & 0o777).toBe(0o700);
    await expect(openLogsFolder({ logFile: path.join(folder, 'x.log') }, new Date(), async () => 'Failed to open path')).rejects.toThrow(`${folder}: Failed to open path`);
  });
});
