/**
 * The alert ledger: every alert raised, snoozed or dismissed, keyed so that an alert is raised once per (agent,
 * profile, expiry value, stage) and never again after a restart. Pure data and pure operations here; reading and
 * writing the file is `ledger-file.ts`.
 */
import { z } from 'zod';
import { Alert } from '../../../shared/contract';
import { hasOwn, isReservedId, setOwn } from '../../../shared/own-keys';
import { CoreError } from '../errors';
import { EXPIRED_STAGE, stageAfter } from './stages';

/** One remembered alert. `dismissedAt` hides it for good; `snoozedUntil` silences it until then. */
export const LedgerEntry = Alert.omit({ inUse: true }).extend({ dismissedAt: z.number().int().positive().optional() });
export type LedgerEntry = z.infer<typeof LedgerEntry>;

/** Entries by alert id. */
export type LedgerEntries = Record<string, LedgerEntry>;

/** The file's shape. */
export interface LedgerFileContent {
  version: 1;
  entries: LedgerEntries;
}

/**
 * The alert id: stable for one (agent, profile, expiry value, stage), so a new expiry is a new alert. Cooldown
 * and disabled alerts are keyed by the end of that state instead.
 */
export function alertId(agentId: string, profileId: string, kind: Alert['kind'], expiresAt: number, thresholdMs: number): string {
  return `${agentId}|${profileId}|${expiresAt}|${kind === 'threshold' ? String(thresholdMs) : kind}`;
}

/** Entries that belong to the same expiry of the same profile share this key; usage alerts stand alone. */
export function groupKey(entry: Pick<LedgerEntry, 'id' | 'agentId' | 'profileId' | 'expiresAt' | 'kind'>): string {
  return entry.kind === 'threshold' || entry.kind === 'expired' ? `${entry.agentId}|${entry.profileId}|${entry.expiresAt}` : entry.id;
}

/**
 * Parses the file's text. Entries that do not validate are dropped one by one (a bad entry costs at most one
 * repeated alert); a file that is not a ledger at all throws, so the caller keeps it aside instead of replacing it.
 */
export function parseLedger(text: string): LedgerEntries {
  const data: unknown = JSON.parse(text);
  if (!data || typeof data !== 'object' || (data as { version?: unknown }).version !== 1) throw new Error('not an alert ledger (version 1)');
  const raw = (data as { entries?: unknown }).entries;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error('entries missing');
  const out: LedgerEntries = {};
  for (const [id, value] of Object.entries(raw)) {
    const parsed = LedgerEntry.safeParse(value);
    if (parsed.success && parsed.data.id === id && !isReservedId(id)) setOwn(out, id, parsed.data);
  }
  return out;
}

/** The file's text for `entries`. */
export function serializeLedger(entries: LedgerEntries): string {
  const content: LedgerFileContent = { version: 1, entries };
  return `${JSON.stringify(content, null, 2)}\n`;
}

/** The entry `id` names, looked up as an own key: `constructor` or `toString` is no alert. */
function liveEntry(entries: LedgerEntries, id: string): LedgerEntry {
  const entry = hasOwn(entries, id) ? entries[id] : undefined;
  if (!entry || entry.dismissedAt !== undefined) throw new CoreError('NOT_FOUND', 'errors.alert.unknown', { params: { id }, fields: { id: { key: 'validation.unknownAlert' } } });
  return entry;
}

/**
 * Silences an alert until `until` (epoch ms, in the future) or until the next threshold of the same expiry
 * (`'next-threshold'`: the next alert then comes on its own). Returns new entries; the input is not changed.
 */
export function snoozeAlert(
  entries: LedgerEntries,
  id: string,
  until: number | 'next-threshold',
  thresholds: readonly number[],
  now: number,
): LedgerEntries {
  const entry = liveEntry(entries, id);
  let at: number;
  if (until === 'next-threshold') {
    const next = entry.kind === 'threshold' ? stageAfter(entry.thresholdMs, [...thresholds, EXPIRED_STAGE]) : undefined;
    if (next === undefined) {
      throw new CoreError('VALIDATION', 'errors.alert.noNextThreshold', { fields: { until: { key: 'validation.noNextThreshold' } } });
    }
    at = entry.expiresAt - next;
  } else {
    at = until;
  }
  if (at <= now) throw new CoreError('VALIDATION', 'errors.alert.snoozePast', { fields: { until: { key: 'validation.future' } } });
  return { ...entries, [id]: { ...entry, snoozedUntil: at } };
}

/** Hides an alert for good (the next threshold of the same expiry still raises its own). */
export function dismissAlert(entries: LedgerEntries, id: string, now: number): LedgerEntries {
  const { snoozedUntil: _snoozed, ...rest } = liveEntry(entries, id);
  return { ...entries, [id]: { ...rest, dismissedAt: now } };
}
