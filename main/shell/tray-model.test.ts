import { describe, expect, it } from 'vitest';
import { GatewayStatus, type GatewayState } from '../../shared/contract';
import { buildTrayModel, EMPTY_TRAY_INPUT, TRAY_ICON_STATES, trayIconFile } from './tray-model';

const gateway = (status: GatewayState['status']): GatewayState => ({ status, port: 18789, owned: true });

describe('buildTrayModel (placeholder)', () => {
  it('maps every gateway status to an icon state', () => {
    const icons = Object.fromEntries(GatewayStatus.options.map((s) => [s, buildTrayModel({ ...EMPTY_TRAY_INPUT, gateway: gateway(s) }).icon]));
    expect(icons).toEqual({
      'not-installed': 'stopped',
      stopped: 'stopped',
      starting: 'starting',
      running: 'starting',
      ready: 'ready',
      stopping: 'starting',
      crashed: 'error',
      failed: 'error',
      external: 'ready',
    });
    for (const icon of Object.values(icons)) expect(TRAY_ICON_STATES).toContain(icon);
  });

  it('shows the status line, Open and Quit', () => {
    const model = buildTrayModel({ ...EMPTY_TRAY_INPUT, gateway: gateway('ready') });
    expect(model.tooltip).toBe('ClawTray (Gateway: ready)');
    expect(model.menu).toEqual([
      { type: 'item', label: 'Gateway: ready', enabled: false },
      { type: 'separator' },
      { type: 'item', label: 'Open ClawTray', enabled: true, action: { kind: 'open-window' } },
      { type: 'separator' },
      { type: 'item', label: 'Quit ClawTray', enabled: true, action: { kind: 'quit' } },
    ]);
  });

  it('says it is checking before core has reported the gateway', () => {
    const model = buildTrayModel(EMPTY_TRAY_INPUT);
    expect(model.icon).toBe('stopped');
    expect(model.menu[0]).toEqual({ type: 'item', label: 'Gateway: checking…', enabled: false });
  });

  it('uses template images on macOS only', () => {
    expect(trayIconFile('attention', 'darwin')).toBe('attentionTemplate.png');
    expect(trayIconFile('attention', 'linux')).toBe('attention.png');
    expect(trayIconFile('error', 'win32')).toBe('error.png');
  });
});
