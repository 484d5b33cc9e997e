/**
 * Which of Start, Stop and Restart make sense in each gateway state. The window's gateway card and the tray menu
 * both offer these buttons, so the rule lives once, here.
 */
import type { GatewayState, GatewayStatus } from './contract';

/** Buttons enabled for a state. */
export interface GatewayActions {
  start: boolean;
  stop: boolean;
  restart: boolean;
}

const NONE: GatewayActions = { start: false, stop: false, restart: false };

const ACTIONS: Record<GatewayStatus, GatewayActions> = {
  'not-installed': NONE,
  stopped: { start: true, stop: false, restart: false },
  starting: { start: false, stop: true, restart: false },
  running: { start: false, stop: true, restart: true },
  ready: { start: false, stop: true, restart: true },
  stopping: NONE,
  crashed: { start: false, stop: true, restart: true },
  failed: { start: true, stop: false, restart: false },
  external: NONE,
};

/** The enabled buttons; an external gateway belongs to someone else and is never stopped from here. */
export function gatewayActions(state: Pick<GatewayState, 'status'> | null | undefined): GatewayActions {
  return state ? ACTIONS[state.status] : NONE;
}
