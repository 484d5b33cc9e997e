/**
 * The expiry monitor: keeps the latest auth status of every managed agent, evaluates alerts (pure, in
 * `alerts/evaluate.ts`), remembers them in the ledger file, shows notifications, emits `alerts:changed`, and sleeps
 * on one timer until the next crossing. It never polls: it wakes on a crossing, on a status change from the auth
 * service (a write by the app or a file edited by someone else), on a settings change, and on `resume()`.
 */
import type { Alert, AuthStatus } from '../../../shared/contract';
import { resolveLanguage, systemLocalesFromEnv } from '../../../shared/i18n/language';
import { evaluateAlerts } from './evaluate';
import { dismissAlert, snoozeAlert, type LedgerEntries } from './ledger';
import { loadLedger, saveLedger } from './ledger-file';
import { alertNotification } from './notification-text';
import { normalizeThresholds } from './stages';
import { createWakeTimer, type WakeInfo } from './wake-timer';
import type { Clock } from '../clock';
import type { Logger, Notifier } from '../context';
import type { EventHub } from '../events';
import type { SettingsService } from '../settings';

/** What the monitor needs from the credentials module: statuses per agent and word when they change. */
export interface AuthStatusSource {
  listAgents(): Promise<readonly string[]> | readonly string[];
  getStatus(agentId?: string): Promise<AuthStatus> | AuthStatus;
  /** Called after every write by the app and when the files change on disk; returns the unsubscribe function. */
  onStatus(listener: (status: AuthStatus) => void): () => void;
}

/** Everything the monitor uses, passed in so tests drive time, files and notifications. */
export interface ExpiryMonitorDeps {
  source: AuthStatusSource;
  clock: Clock;
  ledgerFile: string;
  notifier: Notifier;
  settings: SettingsService;
  events: EventHub;
  logger: Logger;
  env: Record<string, string | undefined>;
  /** A timer firing later than this means sleep or a clock jump: every status is read again. */
  lateToleranceMs?: number;
}

/** The monitor's operations; all of them are serialised. */
export interface ExpiryMonitor {
  /** Loads the ledger, reads every agent's status, evaluates, and arms the timer. */
  start(): Promise<void>;
  /** Reads every status again and re-evaluates at once (the Electron shell calls it on `powerMonitor` resume). */
  resume(): Promise<void>;
  list(): Promise<Alert[]>;
  snooze(id: string, until: number | 'next-threshold'): Promise<void>;
  dismiss(id: string): Promise<void>;
  dispose(): Promise<void>;
}

/** Creates the monitor; nothing happens until `start()`. */
export function createExpiryMonitor(deps: ExpiryMonitorDeps): ExpiryMonitor {
  const { source, clock, logger } = deps;
  const statuses = new Map<string, AuthStatus | null>();
  let entries: LedgerEntries = {};
  let alerts: Alert[] = [];
  let shownJson = '[]';
  let started = false;
  let disposed = false;
  /** While the monitor reads statuses itself, the source's echoes of them need no evaluation of their own. */
  let refreshing = false;
  let queue: Promise<unknown> = Promise.resolve();
  let pendingEvaluation: Promise<void> | undefined;
  const unsubscribers: (() => void)[] = [];

  /** Runs tasks one at a time, in order; a failing task does not stop the ones after it. */
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task);
    queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  };
  /** A task nobody awaits: its failure is logged, never left as an unhandled rejection. */
  const background = (task: () => Promise<unknown>): Promise<void> =>
    serial(task).then(
      () => undefined,
      (err) => logger.error('expiry monitor: evaluation failed', err),
    );

  const timer = createWakeTimer(clock, (info: WakeInfo) => void background(() => (info.late ? refreshAll() : evaluate())), deps.lateToleranceMs);

  /** A status with a problem and no profiles (an unreadable file) does not erase what was known. */
  const accept = (agentId: string, status: AuthStatus | undefined) => {
    const unreadable = !status || (status.problem !== undefined && status.profiles.length === 0);
    if (!unreadable) statuses.set(agentId, status);
    else if (!statuses.get(agentId)) statuses.set(agentId, null);
  };

  const fetchStatus = async (agentId: string) => {
    try {
      accept(agentId, await source.getStatus(agentId));
    } catch (err) {
      logger.warn(`expiry monitor could not read the auth status of agent "${agentId}": ${(err as Error)?.message ?? err}`);
      accept(agentId, undefined);
    }
  };

  const refreshAll = async () => {
    refreshing = true;
    try {
      const agents = new Set(await source.listAgents());
      for (const known of [...statuses.keys()]) if (!agents.has(known)) statuses.delete(known);
      for (const agentId of agents) await fetchStatus(agentId);
    } catch (err) {
      logger.warn(`expiry monitor could not list agents: ${(err as Error)?.message ?? err}`);
      for (const agentId of [...statuses.keys()]) await fetchStatus(agentId);
    } finally {
      refreshing = false;
    }
    await evaluate();
  };

  const persist = async () => {
    try {
      await saveLedger(deps.ledgerFile, entries);
    } catch (err) {
      logger.error(`could not save the alert ledger ${deps.ledgerFile}`, err);
    }
  };

  const notify = (result: ReturnType<typeof evaluateAlerts>['notify'], now: number) => {
    const settings = deps.settings.get();
    const lang = resolveLanguage(settings.language, systemLocalesFromEnv(deps.env));
    for (const due of result) {
      try {
        deps.notifier.show(alertNotification({ ...due, lang, now, showAgent: due.alert.agentId !== settings.agentId }));
      } catch (err) {
        logger.error('the notifier failed to show an alert', err);
      }
    }
  };

  async function evaluate(): Promise<void> {
    if (disposed) return;
    const now = clock.now();
    const result = evaluateAlerts({ agents: statuses, entries, thresholdsMs: deps.settings.get().thresholdsMs, now });
    entries = result.entries;
    if (result.ledgerChanged) await persist();
    alerts = result.alerts;
    const json = JSON.stringify(alerts);
    if (json !== shownJson) {
      shownJson = json;
      deps.events.emit('alerts:changed', { alerts });
    }
    notify(result.notify, now);
    timer.arm(result.nextWakeAt);
  }

  /** Coalesces bursts of status events into one evaluation. */
  const requestEvaluation = (): Promise<void> => {
    pendingEvaluation ??= background(async () => {
      pendingEvaluation = undefined;
      await evaluate();
    });
    return pendingEvaluation;
  };

  const onStatus = (status: AuthStatus) => {
    if (disposed || !started) return;
    accept(status.agentId, status);
    if (refreshing) return;
    const unknown = status.agents.filter((a) => !statuses.has(a));
    if (!unknown.length) return void requestEvaluation();
    void background(async () => {
      await Promise.all(unknown.map(fetchStatus));
      await evaluate();
    });
  };

  return {
    start() {
      return serial(async () => {
        if (started || disposed) return;
        const loaded = await loadLedger(deps.ledgerFile, clock.now());
        if (loaded.corrupt) logger.warn(`the alert ledger could not be read; a copy is kept at ${loaded.corrupt} and alerts start afresh`);
        entries = loaded.entries;
        started = true;
        unsubscribers.push(source.onStatus(onStatus));
        unsubscribers.push(
          deps.settings.onChange((next, prev) => {
            const same = JSON.stringify(normalizeThresholds(next.thresholdsMs)) === JSON.stringify(normalizeThresholds(prev.thresholdsMs));
            if (!same) void requestEvaluation();
          }),
        );
        await refreshAll();
      });
    },
    resume: () => serial(refreshAll),
    list: () => serial(async () => alerts),
    snooze(id, until) {
      return serial(async () => {
        entries = snoozeAlert(entries, id, until, normalizeThresholds(deps.settings.get().thresholdsMs), clock.now());
        await persist();
        await evaluate();
      });
    },
    dismiss(id) {
      return serial(async () => {
        entries = dismissAlert(entries, id, clock.now());
        await persist();
        await evaluate();
      });
    },
    async dispose() {
      disposed = true;
      timer.cancel();
      for (const u of unsubscribers.splice(0)) u();
      await queue;
    },
  };
}
