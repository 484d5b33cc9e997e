/**
 * `app:info`, `settings:get` and `settings:update`: what the app is and how it is set up.
 */
import type { CoreContext, CoreModule } from '../core-context';

/** Handlers for the app's own identity and preferences. */
export function createAppModule(ctx: CoreContext): CoreModule {
  return {
    handlers: {
      'app:info': async () => ({
        version: ctx.version,
        shell: ctx.shell,
        stateDir: ctx.paths.stateDir,
        configPath: ctx.paths.configPath,
        agentId: ctx.settings.get().agentId,
      }),
      'settings:get': async () => ctx.settings.get(),
      'settings:update': async (patch) => ctx.settings.update(patch),
    },
  };
}
