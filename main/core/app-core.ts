/**
 * The composition root of core: builds the context, the modules and the handler table both shells dispatch to.
 * It never imports Electron; shells pass what differs between them through `CoreDeps`.
 */
import { INVOKE_CHANNELS, type InvokeChannel } from '../../shared/contract';
import { createCoreContext, type CoreContext, type CoreDeps, type CoreModule } from './context';
import { createDispatcher, type Dispatch, type Handlers } from './dispatch';
import { CoreError } from './errors';
import type { EventSource } from './events';
import { createAlertsModule } from './alerts/handlers';
import { createAuthModule } from './credentials/handlers';
import { createGatewayModule } from './gateway/handlers';

export type { CoreDeps } from './context';

/** What a shell gets: the handler table, a dispatcher over it, the event source, and lifecycle hooks. */
export interface AppCore {
  handlers: Handlers;
  dispatch: Dispatch;
  events: EventSource;
  /** Channels whose behaviour has not landed yet: they answer INTERNAL "not available yet". */
  pendingChannels: InvokeChannel[];
  context: CoreContext;
  start(): Promise<void>;
  /** Call on the system's resume from sleep (Electron `powerMonitor` 'resume'): time-based state is re-checked. */
  resume(): Promise<void>;
  dispose(): Promise<void>;
}

/** Merges module handler groups; a channel claimed twice is a programming error. */
export function assembleHandlers(groups: Partial<Handlers>[]): { handlers: Handlers; pending: InvokeChannel[] } {
  const table: Partial<Record<InvokeChannel, unknown>> = {};
  for (const group of groups) {
    for (const [channel, handler] of Object.entries(group)) {
      if (table[channel as InvokeChannel]) throw new Error(`Two handlers for channel "${channel}".`);
      table[channel as InvokeChannel] = handler;
    }
  }
  const pending: InvokeChannel[] = [];
  for (const channel of INVOKE_CHANNELS) {
    if (!table[channel]) {
      pending.push(channel);
      table[channel] = async () => {
        throw new CoreError('INTERNAL', `"${channel}" is not available yet in this version of ClawTray.`);
      };
    }
  }
  return { handlers: table as Handlers, pending };
}

/** `app:info`, `settings:get` and `settings:update`: what the app is and how it is set up. */
function createAppModule(ctx: CoreContext): CoreModule {
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

/** Builds core for a shell. Call `start()` once the shell is ready and `dispose()` when quitting. */
export function createAppCore(deps: CoreDeps): AppCore {
  const context = createCoreContext(deps);
  const auth = createAuthModule(context);
  const modules: CoreModule[] = [
    createAppModule(context),
    auth,
    createGatewayModule(context, () => auth.service.knownSecrets()),
    createAlertsModule(context, auth.service),
  ];
  const { handlers, pending } = assembleHandlers(modules.map((m) => m.handlers));
  let disposed: Promise<void> | undefined;
  return {
    handlers,
    dispatch: createDispatcher(handlers, (channel, err) => context.logger.error(`channel ${channel} failed`, err)),
    events: context.events,
    pendingChannels: pending,
    context,
    async start() {
      for (const m of modules) await m.start?.();
    },
    async resume() {
      for (const m of modules) await m.resume?.();
    },
    dispose() {
      disposed ??= (async () => {
        // Helper probes and CLI runs end first: a module's dispose may be waiting on one of them.
        context.installation.dispose();
        const cliGone = context.cli.dispose();
        for (const m of [...modules].reverse()) {
          try {
            await m.dispose?.();
          } catch (err) {
            context.logger.error('dispose failed', err);
          }
        }
        await cliGone;
      })();
      return disposed;
    },
  };
}
