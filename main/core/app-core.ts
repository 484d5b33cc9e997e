/**
 * The composition root of core: builds the context, the feature modules and the total handler table both shells
 * dispatch to, and hands the shells a narrow `AppCore` (dispatch, events, settings to follow, navigate, lifecycle),
 * never the context itself. It never imports Electron; shells pass what differs between them through `CoreDeps`.
 */
import { NavigateRequest, type InvokeChannel, type LeavePrompt, type OpenClawInfo } from '../../shared/contract';
import { createCoreContext, type CoreContext, type CoreDeps, type CoreModule } from './context';
import { createDispatcher, type Dispatch, type Handlers } from './dispatch';
import { CoreError } from './errors';
import type { EventSource } from './events';
import type { SettingsService } from './settings';
import { createAlertsModule } from './alerts/handlers';
import { createAuthModule } from './credentials/handlers';
import { createGatewayModule } from './gateway/handlers';
import { createModelsModule } from './models/handlers';
import { profileOf } from './gateway/service-cli';
import { serviceKind, serviceName } from './gateway/service-status';
import { redactDeep } from './secrets/redact';
import { createInstallerModule } from './installer/handlers';
import { createMigrationModule } from './migration/handlers';

export type { CoreDeps } from './context';

/** What a shell gets from core, and nothing more. */
export interface AppCore {
  /** Calls a channel with untrusted input (parsed, run, output parsed); always resolves to the result envelope. */
  dispatch: Dispatch;
  /** The contract's events, to forward to the renderer. */
  events: EventSource;
  /** The app's settings, to follow (tray language, login item); changes go through `settings:update`. */
  settings: Pick<SettingsService, 'get' | 'onChange'>;
  /**
   * Asks the window to open a view (a notification's or the tray's action). Untrusted input: emitted as
   * `app:navigate` only when it is a valid `NavigateRequest`; returns whether it was.
   */
  navigate(request: unknown): boolean;
  /** What to ask before quitting, while the window says it holds unsaved changes (`app:setUnsaved`); else null. */
  leavePrompt(): LeavePrompt | null;
  start(): Promise<void>;
  /** Call on the system's resume from sleep (Electron `powerMonitor` 'resume'): time-based state is re-checked. */
  resume(): Promise<void>;
  dispose(): Promise<void>;
}

/** The app's own channels: what the app is and how it is set up. */
export type AppChannel = Extract<InvokeChannel, `app:${string}` | `settings:${string}`>;

/** `app:info`, `app:setUnsaved`, `settings:get` and `settings:update`; `openclaw` says which OpenClaw and credential
 * backend are in use; `leavePrompt` reads what the window last said. */
function createAppModule(ctx: CoreContext, openclaw: () => Promise<OpenClawInfo | undefined>): CoreModule<AppChannel> & { leavePrompt(): LeavePrompt | null } {
  let prompt: LeavePrompt | null = null;
  return {
    leavePrompt: () => prompt,
    handlers: {
      'app:setUnsaved': async (input) => {
        prompt = input.prompt;
        return { ok: true as const };
      },
      'app:info': async () => {
        const info = await openclaw();
        return {
          version: ctx.version,
          shell: ctx.shell,
          stateDir: ctx.paths.stateDir,
          configPath: ctx.paths.configPath,
          agentId: ctx.settings.get().agentId,
          gatewayService: {
            name: serviceName(ctx.platform, profileOf(ctx.paths.stateDir, ctx.env.OPENCLAW_HOME?.trim() || ctx.homeDir)),
            kind: serviceKind(ctx.platform),
          },
          ...(info ? { openclaw: info } : {}),
        };
      },
      'settings:get': async () => ctx.settings.get(),
      'settings:update': async (patch) => {
        if (patch.gatewayOwner !== undefined && patch.gatewayOwner !== ctx.settings.get().gatewayOwner) {
          throw new CoreError('VALIDATION', 'errors.gateway.ownerElsewhere', { fields: { gatewayOwner: { key: 'validation.invalid' } } });
        }
        return ctx.settings.update(patch);
      },
    },
  };
}

/** Throws when two modules claim one channel (a spread would silently keep the last one). */
export function assertOneHandlerPerChannel(groups: object[]): void {
  const seen = new Set<string>();
  for (const group of groups) {
    for (const channel of Object.keys(group)) {
      if (seen.has(channel)) throw new Error(`Two handlers for channel "${channel}".`);
      seen.add(channel);
    }
  }
}

/** Builds core for a shell. Call `start()` once the shell is ready and `dispose()` when quitting. */
export function createAppCore(deps: CoreDeps): AppCore {
  return assembleAppCore(createCoreContext(deps));
}

/** A module's lifecycle steps, in the order `createModules` lists them. */
export type ModuleLifecycle = Pick<CoreModule<never>, 'start' | 'resume' | 'dispose'>;

/** Builds the feature modules over `context` and joins their handlers into the one total table. */
export function createModules(context: CoreContext): { handlers: Handlers; modules: ModuleLifecycle[]; leavePrompt(): LeavePrompt | null } {
  const auth = createAuthModule(context);
  const app = createAppModule(context, () => auth.service.openclaw());
  const gateway = createGatewayModule(context);
  const alerts = createAlertsModule(context, auth.service);
  const models = createModelsModule(context, auth.service);
  const migration = createMigrationModule(context, gateway.control);
  const installer = createInstallerModule(context, {
    note: (line) => gateway.control.note(line),
    refreshGateway: () => gateway.control.refresh(),
    onUpdateReady: () => migration.service.updateReady(),
  });
  const modules = [app, auth, gateway, alerts, models, migration, installer];
  assertOneHandlerPerChannel(modules.map((m) => m.handlers));
  // Typed as the full table: a contract channel that no module handles is a compile error here.
  const handlers: Handlers = { ...app.handlers, ...auth.handlers, ...gateway.handlers, ...alerts.handlers, ...models.handlers, ...migration.handlers, ...installer.handlers };
  return { handlers, modules, leavePrompt: app.leavePrompt };
}

/**
 * The last net before an answer leaves core: an error's message, details and field messages are redacted (an
 * OpenClaw error may quote a secret), whichever module raised it.
 */
export function redactedErrors(dispatch: Dispatch, context: CoreContext): Dispatch {
  return (async (channel: string, input: unknown) => {
    const result = await dispatch(channel, input);
    return result.ok ? result : { ok: false, error: redactDeep(result.error, context.secrets.secrets()) };
  }) as Dispatch;
}

/** Builds core over a context already made (tests keep the context to drive its ports: clock, events, notifier). */
export function assembleAppCore(context: CoreContext): AppCore {
  const { handlers, modules, leavePrompt } = createModules(context);
  let disposed: Promise<void> | undefined;
  return {
    dispatch: redactedErrors(createDispatcher(handlers, (channel, err) => context.logger.error(`channel ${channel} failed`, err)), context),
    events: context.events,
    settings: { get: () => context.settings.get(), onChange: (listener) => context.settings.onChange(listener) },
    navigate(request) {
      const parsed = NavigateRequest.safeParse(request);
      if (parsed.success) context.events.emit('app:navigate', parsed.data);
      return parsed.success;
    },
    leavePrompt,
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
