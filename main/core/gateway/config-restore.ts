/**
 * "Restore the previous openclaw.json": the way out of a gateway that refuses its config. The previous version is
 * `openclaw.json.bak` (written by OpenClaw's own config writes and by the app's, before each change). The window
 * first shows what a restore changes (key paths only: values may be secrets), then restores exactly what it
 * showed (a fingerprint of both files), and the refused version becomes the new `.bak`, so nothing is lost and a
 * second restore undoes the first.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { CoreError } from '../errors';
import { readFileIfExists, writeFileAtomic } from '../fs/atomic-file';
import { runExclusive } from '../fs/keyed-queue';
import { parseConfigText } from '../openclaw/config-file';

/** One key a restore changes: it comes back (`added`), goes (`removed`) or gets its earlier value (`changed`). */
export interface ConfigChange {
  path: string;
  change: 'added' | 'removed' | 'changed';
}

/** What the window shows before a restore. */
export interface RestorePreview {
  available: boolean;
  backupPath: string;
  /** False when the current file does not even parse (then every key of the backup comes back). */
  currentReadable: boolean;
  changes: ConfigChange[];
  /** Changes not listed (beyond `MAX_CHANGES`). */
  more: number;
  /** Names the two files as shown; a restore of anything else is refused. */
  fingerprint?: string;
}

/** Changes listed at most; the rest are counted. */
export const MAX_CHANGES = 30;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The key paths whose value differs between `current` and `backup`, as a restore would change them. Pure. */
export function configChanges(current: unknown, backup: unknown, prefix = ''): ConfigChange[] {
  if (!isObject(current) || !isObject(backup)) {
    return JSON.stringify(current) === JSON.stringify(backup) ? [] : [{ path: prefix || '(whole file)', change: 'changed' }];
  }
  const out: ConfigChange[] = [];
  for (const key of new Set([...Object.keys(current), ...Object.keys(backup)])) {
    const at = prefix ? `${prefix}.${key}` : key;
    const inCurrent = Object.prototype.hasOwnProperty.call(current, key);
    const inBackup = Object.prototype.hasOwnProperty.call(backup, key);
    if (!inCurrent) out.push({ path: at, change: 'added' });
    else if (!inBackup) out.push({ path: at, change: 'removed' });
    else out.push(...configChanges(current[key], backup[key], at));
  }
  return out;
}

const fingerprintOf = (current: string | undefined, backup: string) => createHash('sha256').update(`${current ?? ''}\0${backup}`).digest('hex').slice(0, 32);

function parses(text: string | undefined): { ok: true; value: unknown } | { ok: false } {
  if (text === undefined) return { ok: true, value: {} };
  try {
    return { ok: true, value: parseConfigText(text) };
  } catch {
    return { ok: false };
  }
}

/** What restoring `<configPath>.bak` would change; `available: false` without a readable backup. */
export async function previewRestore(configPath: string): Promise<RestorePreview> {
  const backupPath = `${configPath}.bak`;
  const [current, backup] = await Promise.all([readFileIfExists(configPath), readFileIfExists(backupPath)]);
  const parsedBackup = parses(backup);
  if (backup === undefined || !parsedBackup.ok) return { available: false, backupPath, currentReadable: true, changes: [], more: 0 };
  const parsedCurrent = parses(current);
  const all = parsedCurrent.ok ? configChanges(parsedCurrent.value, parsedBackup.value) : configChanges({}, parsedBackup.value);
  return {
    available: all.length > 0 || !parsedCurrent.ok,
    backupPath,
    currentReadable: parsedCurrent.ok,
    changes: all.slice(0, MAX_CHANGES),
    more: Math.max(0, all.length - MAX_CHANGES),
    fingerprint: fingerprintOf(current, backup),
  };
}

/**
 * Puts the backup back as `openclaw.json` and keeps the refused file as the new `.bak`, under the same per-file
 * queue as every other config write. Refused (`CONFLICT`) when either file changed since `fingerprint` was shown.
 */
export async function restoreBackup(configPath: string, fingerprint: string): Promise<{ keptAs: string }> {
  const backupPath = `${configPath}.bak`;
  return runExclusive(path.resolve(configPath), async () => {
    const [current, backup] = await Promise.all([readFileIfExists(configPath), readFileIfExists(backupPath)]);
    if (backup === undefined || !parses(backup).ok) throw new CoreError('NOT_FOUND', 'errors.config.noBackup', { params: { path: backupPath } });
    if (fingerprintOf(current, backup) !== fingerprint) throw new CoreError('CONFLICT', 'errors.config.changedSinceShown', { params: { path: configPath } });
    // The backup goes in first: were the app stopped in between, the good version is in place and only the
    // refused one is lost, never the other way round.
    await writeFileAtomic(configPath, backup);
    if (current !== undefined) await writeFileAtomic(backupPath, current);
    return { keptAs: backupPath };
  });
}
