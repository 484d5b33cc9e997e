/**
 * Expiry alert channels (`alerts:*`): filled in by the expiry alerts work.
 */
import type { CoreContext, CoreModule } from '../core-context';

/** Handlers for listing, snoozing and dismissing expiry alerts. */
export function createAlertsModule(_ctx: CoreContext): CoreModule {
  return { handlers: {} };
}
