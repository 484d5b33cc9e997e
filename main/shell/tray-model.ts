/**
 * Pure builder of what the tray shows: icon state, tooltip and menu entries as plain data. This is the
 * foundation's placeholder (status line, Open ClawTray, Quit); the tray issue replaces `buildTrayModel` with the
 * full menu (Start/Stop/Restart, credentials needing attention, logs folder, Settings, "Quit and stop the
 * gateway") and extends `TrayAction` and `TrayInput`; `tray.ts` renders whatever it returns.
 */
import type { Alert, AuthStatus, GatewayState, GatewayStatus } from '../../shared/contract';

/** The icon families in `resources/tray/` (see `scripts/make-icons.mjs`). */
export const TRAY_ICON_STATES = ['stopped', 'starting', 'ready', 'attention', 'error'] as const;
export type TrayIconState = (typeof TRAY_ICON_STATES)[number];

/** What a menu entry does when clicked; the shell maps each kind to a real effect. */
export type TrayAction = { kind: 'open-window' } | { kind: 'quit' };

/** One menu line: a label (clickable when it has an action and is enabled) or a separator. */
export type TrayMenuEntry = { type: 'item'; label: string; enabled: boolean; action?: TrayAction } | { type: 'separator' };

/** Everything the tray shows. */
export interface TrayModel {
  icon: TrayIconState;
  tooltip: string;
  menu: TrayMenuEntry[];
}

/** The state the tray is built from (kept current by `trackTrayInput`); null until core has reported it. */
export interface TrayInput {
  gateway: GatewayState | null;
  auth: AuthStatus | null;
  alerts: Alert[];
}

/** Before core has said anything. */
export const EMPTY_TRAY_INPUT: TrayInput = { gateway: null, auth: null, alerts: [] };

const ICON_FOR_STATUS: Record<GatewayStatus, TrayIconState> = {
  'not-installed': 'stopped',
  stopped: 'stopped',
  starting: 'starting',
  running: 'starting',
  stopping: 'starting',
  ready: 'ready',
  external: 'ready',
  crashed: 'error',
  failed: 'error',
};

/** The placeholder model: the gateway's status, a way back to the window, and Quit. */
export function buildTrayModel(input: TrayInput): TrayModel {
  const status = input.gateway?.status;
  const statusLine = status ? `Gateway: ${status}` : 'Gateway: checking…';
  return {
    icon: status ? ICON_FOR_STATUS[status] : 'stopped',
    tooltip: `ClawTray (${statusLine})`,
    menu: [
      { type: 'item', label: statusLine, enabled: false },
      { type: 'separator' },
      { type: 'item', label: 'Open ClawTray', enabled: true, action: { kind: 'open-window' } },
      { type: 'separator' },
      { type: 'item', label: 'Quit ClawTray', enabled: true, action: { kind: 'quit' } },
    ],
  };
}

/** The PNG for an icon state: monochrome template images on macOS (the name must end in `Template`), colour elsewhere. */
export function trayIconFile(state: TrayIconState, platform: NodeJS.Platform): string {
  return platform === 'darwin' ? `${state}Template.png` : `${state}.png`;
}
