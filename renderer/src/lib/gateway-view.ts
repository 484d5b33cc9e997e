/**
 * What the gateway card offers in each state: which of Start, Stop and Restart make sense, whether a failure
 * needs explaining, and the translation keys of the explanation and the next step.
 */
import type { GatewayState, GatewayStatus } from '../../../shared/contract';

/** Buttons enabled for a state. */
export interface GatewayActions {
  start: boolean;
  stop: boolean;
  restart: boolean;
}

const ACTIONS: Record<GatewayStatus, GatewayActions> = {
  'not-installed': { start: false, stop: false, restart: false },
  stopped: { start: true, stop: false, restart: false },
  starting: { start: false, stop: true, restart: false },
  running: { start: false, stop: true, restart: true },
  ready: { start: false, stop: true, restart: true },
  stopping: { start: false, stop: false, restart: false },
  crashed: { start: false, stop: true, restart: true },
  failed: { start: true, stop: false, restart: false },
  external: { start: false, stop: false, restart: false },
};

/** The enabled buttons; an external gateway belongs to someone else and is never stopped from here. */
export function gatewayActions(state: Pick<GatewayState, 'status'> | null): GatewayActions {
  if (!state) return { start: false, stop: false, restart: false };
  return ACTIONS[state.status];
}

/** The tone of a status for chips and the header pill. */
export function gatewayTone(status: GatewayStatus | undefined): 'ok' | 'busy' | 'warn' | 'error' | 'idle' {
  switch (status) {
    case 'ready':
    case 'external':
      return 'ok';
    case 'starting':
    case 'running':
    case 'stopping':
      return 'busy';
    case 'crashed':
    case 'not-installed':
      return 'warn';
    case 'failed':
      return 'error';
    default:
      return 'idle';
  }
}

/** Translation keys explaining a failure ("what happened" and "what to do next"), or null when all is well. */
export function failureHelp(state: Pick<GatewayState, 'status' | 'reason'>): { what: string; next: string } | null {
  if (state.status === 'not-installed') return { what: 'gateway.reason.not-installed', next: 'gateway.next.not-installed' };
  if (state.status !== 'failed' && state.status !== 'crashed') return null;
  const reason = state.reason ?? 'unknown';
  return { what: `gateway.reason.${reason}`, next: `gateway.next.${reason}` };
}

/** The failure reasons the contract knows (tests check each has words in every language). */
export const FAILURE_REASONS = ['config', 'crash-loop', 'port-in-use', 'spawn-error', 'node-missing', 'not-installed', 'unknown'] as const;
