/**
 * An `AuthStatusSource` over the contract itself: statuses from the `auth:status` handler and changes from the
 * `auth:status` event. It lets the monitor follow whatever module answers that channel without importing it.
 */
import type { Handlers } from '../dispatch';
import type { EventSource } from '../events';
import type { AuthStatusSource } from '../expiry-monitor';

/** `handlers` is read lazily, so the table may be assembled after the alerts module is built. */
export function authSourceFromContract(handlers: () => Pick<Handlers, 'auth:status'>, events: EventSource): AuthStatusSource {
  return {
    listAgents: async () => (await handlers()['auth:status']({})).agents,
    getStatus: (agentId) => handlers()['auth:status'](agentId === undefined ? {} : { agentId }),
    onStatus: (listener) => events.on('auth:status', listener),
  };
}
