/**
 * The monitor's pure core: from every agent's auth status, the ledger, the thresholds and `now`, decide which
 * alerts to raise (and notify), which to show, which ledger entries still matter, and when to wake up next.
 * No clock, no files, no timers: the same inputs always give the same answer.
 */
import type { Alert, AuthStatus, ProfileView } from '../../../shared/contract';
import { hasOwn, ownValue } from '../../../shared/own-keys';
import { alertId, groupKey, type LedgerEntries, type LedgerEntry } from './ledger';
import { currentStage, EXPIRED_STAGE, nextCrossingAt, normalizeThresholds, stagesFor } from './stages';

/** What one evaluation looks at. An agent mapped to `null` could not be read: what the ledger knows is kept. */
export interface EvaluationInput {
  agents: ReadonlyMap<string, AuthStatus | null>;
  entries: LedgerEntries;
  thresholdsMs: readonly number[];
  now: number;
}

/** An alert to show as a notification now: newly raised, or back from a snooze. */
export interface DueNotification {
  alert: Alert;
  profile: ProfileView;
  reminder: boolean;
}

/** What one evaluation decided. */
export interface Evaluation {
  /** The ledger to keep: entries of renewed or removed profiles are gone. */
  entries: LedgerEntries;
  ledgerChanged: boolean;
  /** What `alerts:list` shows, most urgent first. */
  alerts: Alert[];
  notify: DueNotification[];
  /** The next time something changes on its own (a crossing, a snooze or a cooldown ending). */
  nextWakeAt: number | undefined;
}

const KIND_RANK: Record<Alert['kind'], number> = { expired: 0, threshold: 1, disabled: 2, cooldown: 3 };

/** Most urgent first: expired, then thresholds, then unusable states; sooner before later. */
export function compareAlerts(a: Alert, b: Alert): number {
  return KIND_RANK[a.kind] - KIND_RANK[b.kind] || a.expiresAt - b.expiresAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function toAlert(e: LedgerEntry, inUse: boolean): Alert {
  const alert: Alert = {
    id: e.id,
    agentId: e.agentId,
    profileId: e.profileId,
    provider: e.provider,
    kind: e.kind,
    thresholdMs: e.thresholdMs,
    expiresAt: e.expiresAt,
    raisedAt: e.raisedAt,
    inUse,
  };
  if (e.snoozedUntil !== undefined) alert.snoozedUntil = e.snoozedUntil;
  if (e.reason !== undefined) alert.reason = e.reason;
  return alert;
}

/** The entry a group shows: its most urgent stage (usage groups hold one entry). */
function visibleOf(group: readonly LedgerEntry[]): LedgerEntry | undefined {
  let best: LedgerEntry | undefined;
  for (const e of group) if (!best || e.thresholdMs < best.thresholdMs) best = e;
  return best;
}

/** Runs one evaluation; see `Evaluation`. */
export function evaluateAlerts(input: EvaluationInput): Evaluation {
  const { now, entries: prev } = input;
  const thresholds = normalizeThresholds(input.thresholdsMs);
  const groups = new Map<string, LedgerEntry[]>();
  for (const e of Object.values(prev)) {
    const key = groupKey(e);
    const list = groups.get(key);
    if (list) list.push(e);
    else groups.set(key, [e]);
  }

  const next: LedgerEntries = {};
  const alerts: Alert[] = [];
  const notify: DueNotification[] = [];
  let changed = false;
  let nextWakeAt: number | undefined;
  const wakeAt = (t: number | undefined) => {
    if (t !== undefined && t > now && (nextWakeAt === undefined || t < nextWakeAt)) nextWakeAt = t;
  };
  const keep = (e: LedgerEntry) => {
    next[e.id] = e;
  };

  const expiry = (agentId: string, p: ProfileView, inUse: boolean) => {
    const stages = stagesFor(p, thresholds);
    if (!stages.length || p.expiresAt === undefined) return;
    const expiresAt = p.expiresAt;
    const group = (groups.get(`${agentId}|${p.id}|${expiresAt}`) ?? []).map((e) => ({ ...e }));
    const stage = currentStage(expiresAt, stages, now);
    const raisedUpTo = visibleOf(group)?.thresholdMs;
    let raised: LedgerEntry | undefined;
    if (stage !== undefined && (raisedUpTo === undefined || stage < raisedUpTo)) {
      const kind = stage === EXPIRED_STAGE ? 'expired' : 'threshold';
      raised = { id: alertId(agentId, p.id, kind, expiresAt, stage), agentId, profileId: p.id, provider: p.provider, kind, thresholdMs: stage, expiresAt, raisedAt: now };
      group.push(raised);
      changed = true;
    }
    const visible = visibleOf(group);
    for (const e of group) {
      if (e !== visible && e.snoozedUntil !== undefined) {
        delete e.snoozedUntil;
        changed = true;
      }
      keep(e);
    }
    wakeAt(nextCrossingAt(expiresAt, stages, now));
    if (!visible || visible.dismissedAt !== undefined) return;
    let reminder = false;
    if (visible.snoozedUntil !== undefined && visible.snoozedUntil <= now) {
      delete visible.snoozedUntil;
      changed = true;
      reminder = visible !== raised;
    }
    const alert = toAlert(visible, inUse);
    alerts.push(alert);
    wakeAt(visible.snoozedUntil);
    if (visible === raised || reminder) notify.push({ alert, profile: p, reminder });
  };

  const usage = (agentId: string, p: ProfileView, inUse: boolean) => {
    if ((p.status !== 'cooldown' && p.status !== 'disabled') || p.until === undefined || p.until <= now) return;
    const id = alertId(agentId, p.id, p.status, p.until, 0);
    const known = ownValue(prev, id);
    const e: LedgerEntry = known
      ? { ...known }
      : { id, agentId, profileId: p.id, provider: p.provider, kind: p.status, thresholdMs: 0, expiresAt: p.until, raisedAt: now, ...(p.reason ? { reason: p.reason } : {}) };
    if (!known) changed = true;
    if (e.snoozedUntil !== undefined && e.snoozedUntil <= now) {
      delete e.snoozedUntil;
      changed = true;
    }
    keep(e);
    wakeAt(p.until);
    if (e.dismissedAt === undefined) {
      alerts.push(toAlert(e, inUse));
      wakeAt(e.snoozedUntil);
    }
  };

  const unreadable = (agentId: string) => {
    for (const group of groups.values()) {
      if (group[0]?.agentId !== agentId) continue;
      group.forEach(keep);
      const visible = visibleOf(group);
      const stale = visible && (visible.kind === 'cooldown' || visible.kind === 'disabled') && visible.expiresAt <= now;
      if (visible && visible.dismissedAt === undefined && !stale) alerts.push(toAlert(visible, false));
    }
  };

  for (const [agentId, status] of input.agents) {
    if (!status) {
      unreadable(agentId);
      continue;
    }
    for (const p of status.profiles) {
      const inUse = status.defaultProvider !== null && p.provider === status.defaultProvider;
      expiry(agentId, p, inUse);
      usage(agentId, p, inUse);
    }
  }
  if (!changed) changed = Object.keys(prev).some((id) => !hasOwn(next, id));
  alerts.sort(compareAlerts);
  return { entries: next, ledgerChanged: changed, alerts, notify, nextWakeAt };
}
