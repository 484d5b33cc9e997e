/**
 * Credential channels (`auth:*`, `models:setDefault`, `env:*`): filled in by the credentials work.
 */
import type { CoreContext, CoreModule } from '../core-context';

/** Handlers for credentials, the default model and the `.env` file. */
export function createAuthModule(_ctx: CoreContext): CoreModule {
  return { handlers: {} };
}
