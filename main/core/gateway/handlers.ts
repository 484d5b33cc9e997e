/**
 * Gateway channels (`gateway:*`): find, install, start, watch, restart and stop the OpenClaw gateway. Wires the
 * supervisor and the installer to the context (settings, clock, events, paths); the work lives in `../gateway/`.
 */
import type { AppLanguage } from '../../../shared/i18n/notifications';
import { resolveLanguage, systemLocalesFromEnv } from '../../../shared/i18n/language';
import { gatewayFailureText } from '../alerts/notification-text';
import type { GatewayState, InvokeChannel } from '../../../shared/contract';
import type { CoreContext, CoreModule, NotificationRequest } from '../context';
import { ensureGatewayConfig } from './gateway-config';
import { createHealthClient } from './health';
import { Installer } from './install';
import { GatewaySupervisor } from './supervisor';
import { ownerRecordPath } from './owner-record';

/** A desktop notification, in the user's language, when the gateway gives up (crash loop) or refuses its config. Pure. */
export function failureNotice(prev: GatewayState | undefined, next: GatewayState, lang: AppLanguage = 'en'): NotificationRequest | undefined {
  if (next.status !== 'failed' || (prev?.status === 'failed' && prev.reason === next.reason)) return undefined;
  if (next.reason !== 'crash-loop' && next.reason !== 'config') return undefined;
  return { id: `gateway-${next.reason}`, ...gatewayFailureText(next.reason, lang), action: { view: 'gateway' } };
}

/** The channels this module answers: every `gateway:*` channel of the contract. */
export type GatewayChannel = Extract<InvokeChannel, `gateway:${string}`>;

/**
 * Handlers for finding, installing, starting and stopping the gateway. `secrets` lists values to redact from the
 * gateway's output (the keys the app wrote); the gateway token is always redacted.
 */
export function createGatewayModule(ctx: CoreContext, secrets?: () => string[]): CoreModule<GatewayChannel> {
  const health = createHealthClient();
  let last: GatewayState | undefined;
  const supervisor = new GatewaySupervisor({
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
    ensureConfig: () => ensureGatewayConfig(ctx.paths.configPath, ctx.clock.now()),
    health,
    emitState: (state) => {
      const prev = last;
      last = state;
      ctx.events.emit('gateway:state', state);
      const alert = failureNotice(prev, state, resolveLanguage(ctx.settings.get().language, systemLocalesFromEnv(ctx.env)));
      if (alert) ctx.notifier.show(alert);
    },
    emitLog: (lines) => ctx.events.emit('gateway:log', { lines }),
    secrets: () => secrets?.() ?? [],
    ownerRecord: ownerRecordPath(ctx.dataDir),
  });
  const installer = new Installer({
    platform: ctx.platform,
    env: ctx.env,
    dataDir: ctx.dataDir,
    findNpm: () => ctx.installation.findNpm(),
    findNode: (range) => ctx.installation.findNode(range),
    emitProgress: (p) => ctx.events.emit('gateway:install', p),
    note: (line) => supervisor.note(line),
    onInstalled: async () => {
      await ctx.installation.refresh();
      await supervisor.refresh();
    },
  });
  const unsubscribe = ctx.settings.onChange((next, prev) => {
    if (next.port !== prev.port) supervisor.portChanged();
    if (next.openclawPath !== prev.openclawPath) void supervisor.refresh();
  });
  return {
    handlers: {
      'gateway:state': async () => supervisor.state(),
      'gateway:start': () => supervisor.start(),
      'gateway:stop': () => supervisor.stop(),
      'gateway:restart': () => supervisor.restart(),
      'gateway:logs': async ({ limit }) => supervisor.logs(limit),
      'gateway:install': () => installer.start(),
      'gateway:cancelInstall': () => installer.cancel(),
    },
    async start() {
      await supervisor.refresh();
      if (ctx.settings.get().autoStartGateway) await supervisor.start();
    },
    async dispose() {
      unsubscribe();
      await installer.cancel();
      await supervisor.dispose(ctx.settings.get().keepGatewayRunning);
      await health.close();
    },
  };
}
