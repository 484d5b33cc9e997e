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

/**
 * What OpenClaw's background service allows when it is in trouble: a service restarting a crashing gateway can be
 * stopped or restarted (through OpenClaw); after a failed command the user may try again; a missing service is set
 * up in Settings, not here.
 */
const SERVICE_FAILED: Partial<Record<string, GatewayActions>> = {
  'service-crash-loop': { start: false, stop: true, restart: true },
  'service-command': { start: true, stop: true, restart: false },
  'service-missing': NONE,
};

/** The enabled buttons; an external gateway belongs to someone else and is never stopped from here. */
export function gatewayActions(state: Pick<GatewayState, 'status' | 'reason'> | null | undefined): GatewayActions {
  if (!state) return NONE;
  if (state.status === 'failed' && state.reason && SERVICE_FAILED[state.reason]) return SERVICE_FAILED[state.reason]!;
  return ACTIONS[state.status];
}
