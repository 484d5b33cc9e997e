/**
 * What the gateway card shows in each state: its tone, whether a failure needs explaining, and the translation
 * keys of the explanation and the next step (the enabled buttons come from shared/gateway-actions).
 */
import { GatewayFailReason, type GatewayState, type GatewayStatus } from '../../../shared/contract';

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

/** The screen where the next step of a failure is taken (a button leads there), when there is one. */
export type FixPlace = 'gateway' | 'settings';

/** The field the fix is made in, focused when its screen opens (Settings' Port for a port someone holds). */
export type FixFocus = 'port' | 'openclawPath';

/** What a failure needs: translation keys of "what happened" and "what to do next", and where to do it. */
export interface FailureHelp {
  what: string;
  next: string;
  place?: FixPlace;
  focus?: FixFocus;
}

const FOCUS: Partial<Record<string, FixFocus>> = { 'port-in-use': 'port', 'spawn-error': 'openclawPath' };

const PLACES: Partial<Record<string, FixPlace>> = {
  'not-installed': 'gateway',
  'node-missing': 'gateway',
  'crash-loop': 'gateway',
  unknown: 'gateway',
  'port-in-use': 'settings',
  'spawn-error': 'settings',
  'service-crash-loop': 'gateway',
  'service-command': 'gateway',
  'service-missing': 'settings',
};

/** How to explain a failure, or null when all is well. */
export function failureHelp(state: Pick<GatewayState, 'status' | 'reason'>): FailureHelp | null {
  if (state.status !== 'not-installed' && state.status !== 'failed' && state.status !== 'crashed') return null;
  const reason = state.status === 'not-installed' ? 'not-installed' : (state.reason ?? 'unknown');
  const place = PLACES[reason];
  const focus = FOCUS[reason];
  return { what: `gateway.reason.${reason}`, next: `gateway.next.${reason}`, ...(place ? { place } : {}), ...(focus ? { focus } : {}) };
}

/** The failure reasons the contract knows (tests check each has words in every language). */
export const FAILURE_REASONS = GatewayFailReason.options;
