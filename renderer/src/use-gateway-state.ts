/**
 * The gateway state as React state: fetched once, then kept current by `gateway:state` events.
 */
import { useEffect, useState } from 'react';
import type { GatewayState } from '../../shared/contract';
import { api } from './api';

/** Current gateway state, or null until the first answer. */
export function useGatewayState(): GatewayState | null {
  const [state, setState] = useState<GatewayState | null>(null);
  useEffect(() => {
    let live = true;
    const off = api().onGatewayState((s) => live && setState(s));
    void api()
      .gatewayState()
      .then((r) => live && r.ok && setState(r.value));
    return () => {
      live = false;
      off();
    };
  }, []);
  return state;
}
