/**
 * Keeps the gateway RPC connected exactly while a gateway is up: the app's own once it answers (`running`,
 * `ready`), or an external one on the configured port, whose token is `gateway.auth.token` in openclaw.json. Any
 * other state disconnects; `ready` also reconnects at once if the connection was waiting out its backoff.
 */
import type { GatewayState } from '../../../shared/contract';
import type { EventSource } from '../events';
import { readConfig, valueAt } from './config-file';
import type { GatewayRpc } from './gateway-rpc';

const UP: ReadonlySet<GatewayState['status']> = new Set(['running', 'ready', 'external']);

/** The gateway token in openclaw.json, or undefined (no file, no token, unreadable). */
export async function gatewayToken(configPath: string): Promise<string | undefined> {
  try {
    const token = valueAt((await readConfig(configPath)).config, ['gateway', 'auth', 'token']);
    return typeof token === 'string' && token.trim() ? token.trim() : undefined;
  } catch {
    return undefined;
  }
}

/** Follows `gateway:state` events; returns the unsubscribe function. */
export function followGateway(rpc: Pick<GatewayRpc, 'setTarget' | 'nudge'>, events: EventSource, readToken: () => Promise<string | undefined>): () => void {
  let latest = 0;
  return events.on('gateway:state', (state) => {
    const mine = ++latest;
    if (!UP.has(state.status)) {
      rpc.setTarget(null);
      return;
    }
    void readToken().then((token) => {
      if (mine !== latest) return;
      rpc.setTarget(token ? { port: state.port, token } : null);
      if (state.status === 'ready') rpc.nudge();
    });
  });
}
