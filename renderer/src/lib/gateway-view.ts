/**
 * What the gateway card shows in each state: its tone, whether a failure needs explaining, and the translation
 * keys of the explanation and the next step (the enabled buttons come from shared/gateway-actions).
 */
import type { GatewayState, GatewayStatus } from '../../../shared/contract';

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
