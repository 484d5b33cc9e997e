/**
 * Gateway channels (`gateway:*`): filled in by the gateway work.
 */
import type { CoreContext, CoreModule } from '../core-context';

/** Handlers for finding, installing, starting and stopping the gateway. */
export function createGatewayModule(_ctx: CoreContext): CoreModule {
  return { handlers: {} };
}
