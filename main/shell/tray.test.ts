import { describe, expect, it } from 'vitest';
import { createFakeElectron } from './fake-electron';
import { createTray, toMenuTemplate } from './tray';
import { buildTrayModel, type TrayAction } from './tray-model';

function setup(platform: NodeJS.Platform = 'linux') {
  const fake = createFakeElectron();
  const actions: TrayAction[] = [];
  const tray = createTray(
    { Tray: fake.surface.Tray, Menu: fake.surface.Menu, iconDir: '/res/tray', platform, onAction: (a) => actions.push(a) },
    buildTrayModel({ gateway: null }),
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
    tray.render(buildTrayModel({ gateway: { status: 'ready', port: 1, owned: true } }));
    expect(fake.trays[0]!.image).toBe('/res/tray/ready.png');
    expect(fake.trays[0]!.menu).not.toBe(first);
    expect(fake.trays[0]!.menu!.template[0]!.label).toBe('Gateway: ready');
    tray.dispose();
    expect(fake.trays[0]!.destroyed).toBe(true);
    tray.render(buildTrayModel({ gateway: { status: 'failed', port: 1, owned: true } }));
    expect(fake.trays[0]!.image).toBe('/res/tray/ready.png');
  });

  it('leaves lines without an action unclickable', () => {
    const template = toMenuTemplate(buildTrayModel({ gateway: null }), () => {});
    expect(template[0]!.click).toBeUndefined();
    expect(typeof template[2]!.click).toBe('function');
  });
});
