/**
 * Expiry alert channels (`alerts:list`, `alerts:snooze`, `alerts:dismiss`) over the expiry monitor, which reads
 * the auth service's statuses and keeps its ledger in the app's data folder.
 */
import type { InvokeChannel } from '../../../shared/contract';
import type { CoreContext, CoreModule } from '../context';
import { ledgerPath } from './ledger-file';
import { createExpiryMonitor, type AuthStatusSource } from './monitor';

/** The channels this module answers: every `alerts:*` channel of the contract. */
export type AlertsChannel = Extract<InvokeChannel, `alerts:${string}`>;

/**
 * Handlers for listing, snoozing and dismissing expiry alerts, fed by the auth service's statuses; `resume` is
 * reached through `AppCore.resume()` when the machine wakes.
 */
export function createAlertsModule(ctx: CoreContext, auth: AuthStatusSource): CoreModule<AlertsChannel> {
  const monitor = createExpiryMonitor({
    source: auth,
    clock: ctx.clock,
    ledgerFile: ledgerPath(ctx.dataDir),
    notifier: ctx.notifier,
    settings: ctx.settings,
    events: ctx.events,
    logger: ctx.logger,
    env: ctx.env,
  });
  return {
    handlers: {
      'alerts:list': async () => ({ alerts: await monitor.list() }),
      'alerts:snooze': async ({ id, until }) => {
        await monitor.snooze(id, until);
        return { ok: true as const };
      },
      'alerts:dismiss': async ({ id }) => {
        await monitor.dismiss(id);
        return { ok: true as const };
      },
    },
    start: () => monitor.start(),
    resume: () => monitor.resume(),
    dispose: () => monitor.dispose(),
  };
}
