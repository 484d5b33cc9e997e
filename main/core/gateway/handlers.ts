/**
 * Gateway channels (`gateway:*` but the install ones of `../installer/`): find, start, watch, restart and stop the
 * OpenClaw gateway, whoever runs it (ClawTray itself, or OpenClaw's background service), and change who does. Wires
 * the supervisor and the service view to the context (settings, clock, events, paths); the work lives beside this
 * file. Other modules drive the gateway through the module's `control`.
 */
import type { AppLanguage } from '../../../shared/i18n/notifications';
import { resolveLanguage, systemLocalesFromEnv } from '../../../shared/i18n/language';
import { gatewayFailureText } from '../alerts/notification-text';
import type { GatewayState, InvokeChannel } from '../../../shared/contract';
import type { CoreContext, CoreModule, NotificationRequest } from '../context';
import type { InstallChannel } from '../installer/handlers';
import { ensureGatewayConfig, readGatewayConfigInfo } from './gateway-config';
import { createHealthClient } from './health';
import { GatewaySupervisor } from './supervisor';
import { ownerRecordPath } from './owner-record';
import { ServiceCli } from './service-cli';
import { ServiceGateway } from './service-gateway';
import { GatewayOwnership } from './ownership';
import { collectDiagnostics } from './diagnostics';
import { assertDashboardAvailable, dashboardUrl, readDashboardTarget } from './dashboard';
import { previewRestore, restoreBackup } from './config-restore';
import { isPortFree, nextFreePort } from './port-holder';
import { redactDeep } from '../secrets/redact';
import { CoreError } from '../errors';

/** A desktop notification, in the user's language, when the gateway gives up (crash loop) or refuses its config. Pure. */
export function failureNotice(prev: GatewayState | undefined, next: GatewayState, lang: AppLanguage = 'en'): NotificationRequest | undefined {
  if (next.status !== 'failed' || (prev?.status === 'failed' && prev.reason === next.reason)) return undefined;
  if (next.reason !== 'crash-loop' && next.reason !== 'config') return undefined;
  return { id: `gateway-${next.reason}`, ...gatewayFailureText(next.reason, lang), action: { view: 'gateway' } };
}

/** The channels this module answers: every `gateway:*` channel of the contract but installing OpenClaw. */
export type GatewayChannel = Exclude<Extract<InvokeChannel, `gateway:${string}`>, InstallChannel>;

/** What other modules (the installer, the import) may do with the gateway. */
export interface GatewayControl {
  state(): GatewayState;
  start(): Promise<GatewayState>;
  stop(): Promise<GatewayState>;
  /** Looks for OpenClaw again (after an install) and updates the state. */
  refresh(): Promise<GatewayState>;
  /** One line for the gateway log, redacted like the gateway's own output. */
  note(line: string): void;
}

/** The gateway module: handlers, lifecycle, and the control other modules use. */
export interface GatewayModule extends CoreModule<GatewayChannel> {
  control: GatewayControl;
}

/** Options for tests: faster watches and shorter deadlines of the service view. */
export interface GatewayModuleOptions {
  serviceTimeouts?: ConstructorParameters<typeof ServiceCli>[0]['timeouts'];
  serviceWatch?: { healthyMs: number; downMs: number };
  followMs?: number;
}

/**
 * Handlers for finding, installing, starting and stopping the gateway. `secrets` lists values to redact from the
 * gateway's output, its state's messages, port holder and last stderr lines (default: every secret core knows,
 * `ctx.secrets`); the gateway token is always redacted.
 */
export function createGatewayModule(ctx: CoreContext, secrets?: () => string[], o: GatewayModuleOptions = {}): GatewayModule & { ownership: GatewayOwnership; supervisor: GatewaySupervisor } {
  const health = createHealthClient();
  const known = secrets ?? (() => ctx.secrets.secrets());
  /** Every state that leaves the module: messages, the port holder's command line and stderr lines redacted. */
  const clean = (state: GatewayState): GatewayState => redactDeep(state, known());
  let last: GatewayState | undefined;
  const emit = (raw: GatewayState) => {
    const state = clean(raw);
    const prev = last;
    last = state;
    ctx.events.emit('gateway:state', state);
    const alert = failureNotice(prev, state, resolveLanguage(ctx.settings.get().language, systemLocalesFromEnv(ctx.env)));
    if (alert) ctx.notifier.show(alert);
  };
  const supervisor: GatewaySupervisor = new GatewaySupervisor({
    clock: ctx.clock,
    platform: ctx.platform,
    env: ctx.env,
    stateDir: ctx.paths.stateDir,
    configPath: ctx.paths.configPath,
    options: () => {
      const s = ctx.settings.get();
      return { port: s.port, stopGraceMs: s.stopGraceMs };
    },
    locate: () => ctx.installation.get(),
    ensureConfig: async () => {
      const info = await ensureGatewayConfig(ctx.paths.configPath, ctx.clock.now());
      ctx.secrets.remember(info.token);
      return info;
    },
    health,
    emitState: (state) => {
      if (ownership.mode !== 'app') return;
      const wasExternal = last?.status === 'external';
      emit(state);
      // A gateway someone else runs may be OpenClaw's own service: ask OpenClaw once, when it appears.
      if (state.status === 'external' && !wasExternal) void ownership.recheck();
    },
    emitLog: (lines) => ctx.events.emit('gateway:log', { lines }),
    secrets: known,
    ...(ctx.childEnvPassthrough ? { envPassthrough: ctx.childEnvPassthrough } : {}),
    ownerRecord: ownerRecordPath(ctx.dataDir),
    ...(o.followMs ? { followMs: o.followMs } : {}),
  });
  const service = new ServiceGateway({
    clock: ctx.clock,
    health,
    cli: new ServiceCli({ cli: ctx.cli, version: () => ctx.installation.version(), platform: ctx.platform, env: ctx.env, stateDir: ctx.paths.stateDir, homeDir: ctx.homeDir, ...(o.serviceTimeouts ? { timeouts: o.serviceTimeouts } : {}) }),
    port: () => ctx.settings.get().port,
    located: () => ctx.installation.current(),
    logFile: async () => (await readGatewayConfigInfo(ctx.paths.configPath, ctx.clock.now())).logFile,
    emitState: emit,
    note: (line) => supervisor.note(line),
    line: (stream, text) => supervisor.logLine(stream, text),
    ...(o.serviceWatch ? { watch: o.serviceWatch } : {}),
    ...(o.followMs ? { followMs: o.followMs } : {}),
  });
  const ownership: GatewayOwnership = new GatewayOwnership({
    supervisor,
    service,
    choice: () => ctx.settings.get().gatewayOwner,
    saveChoice: (gatewayOwner) => ctx.settings.update({ gatewayOwner }),
    prepareConfig: () => ensureGatewayConfig(ctx.paths.configPath, ctx.clock.now()),
    emit,
    note: (line) => supervisor.note(line),
  });
  const refresh = async () => {
    if (ownership.mode === 'app') await supervisor.refresh();
    await ownership.recheck();
  };
  const unsubscribe = ctx.settings.onChange((next, prev) => {
    if (next.port !== prev.port) supervisor.portChanged();
    if (next.openclawPath !== prev.openclawPath) void refresh();
  });
  return {
    ownership,
    supervisor,
    control: {
      state: () => clean(ownership.state()),
      start: async () => clean(await ownership.start()),
      stop: async () => clean(await ownership.stop()),
      refresh: async () => {
        await refresh();
        return clean(ownership.state());
      },
      note: (line) => supervisor.note(line),
    },
    handlers: {
      'gateway:state': async () => clean(ownership.state()),
      'gateway:start': async () => clean(await ownership.start()),
      'gateway:stop': async () => clean(await ownership.stop()),
      'gateway:restart': async () => clean(await ownership.restart()),
      'gateway:setOwner': async ({ owner }) => clean(await ownership.setOwner(owner)),
      'gateway:diagnostics': async () => ({
        text: await collectDiagnostics({
          version: ctx.version,
          shell: ctx.shell,
          platform: ctx.platform,
          stateDir: ctx.paths.stateDir,
          configPath: ctx.paths.configPath,
          envPath: ctx.paths.envPath,
          now: ctx.clock.now(),
          located: ctx.installation.current(),
          state: ownership.state(),
          logs: (limit) => supervisor.logs(limit).lines,
          cli: ctx.cli,
          secrets: known,
        }),
      }),
      'gateway:logs': async ({ limit }) => supervisor.logs(limit),
      'gateway:openDashboard': async () => {
        const state = ownership.state();
        assertDashboardAvailable(state.status);
        const url = dashboardUrl(await readDashboardTarget(ctx.paths.configPath, state.port, ctx.env));
        if (!ctx.browser) return { opened: false, url };
        try {
          await ctx.browser.open(url);
        } catch (err) {
          throw new CoreError('GATEWAY', 'errors.gateway.dashboardNotOpened', { details: { said: err instanceof Error ? err.message : String(err) }, cause: err });
        }
        ctx.logger.info(`opened OpenClaw's dashboard on port ${state.port} in the browser`);
        return { opened: true };
      },
      'gateway:usePort': async ({ port }) => {
        if (port !== ctx.settings.get().port && !(await isPortFree(port))) {
          const next = await nextFreePort(port);
          throw new CoreError('CONFLICT', 'errors.gateway.portTaken', { params: { port, next: next ?? '' } });
        }
        await ctx.settings.update({ port });
        return clean(await ownership.start());
      },
      'gateway:configBackup': async () => previewRestore(ctx.paths.configPath),
      'gateway:restoreConfig': async ({ fingerprint }) => {
        const { keptAs } = await restoreBackup(ctx.paths.configPath, fingerprint);
        ctx.logger.info(`restored ${ctx.paths.configPath} from its .bak; the refused version is kept as ${keptAs}`);
        supervisor.note(`Restored the previous openclaw.json; the refused version is kept as ${keptAs}.`);
        const state = ownership.state();
        return { keptAs, state: clean(state.status === 'failed' && state.reason === 'config' ? await ownership.stop() : state) };
      },
    },
    async start() {
      await supervisor.refresh();
      // Asking OpenClaw about its service takes seconds with the real CLI: only an auto-start waits for the answer
      // (a Start clicked meanwhile waits for it too), so the rest of the app starts at once.
      const checked = ownership.recheck().catch((err: unknown) => ctx.logger.error("could not read OpenClaw's service status", err));
      if (!ctx.settings.get().autoStartGateway) return;
      await checked;
      if (!['starting', 'running', 'ready', 'external'].includes(ownership.state().status)) await ownership.start();
    },
    async dispose() {
      unsubscribe();
      ownership.dispose();
      await supervisor.dispose(ctx.settings.get().keepGatewayRunning);
      await health.close();
    },
  };
}
