/**
 * OpenClaw's sidecar lock for `auth-profiles.json` (see openclaw-reference.md), so the app and a running OpenClaw
 * never lose each other's writes: `<file>.lock` created with `open(path, "wx")`, holding
 * `{"pid": <pid>, "createdAt": "<ISO time>"}` (plus `starttime` on Linux, as OpenClaw writes it), retried with
 * randomised exponential backoff. A lock whose pid is dead (or was reused), or that is older than 30 s, is stale
 * and is removed only if it is still the very lock that was judged stale. After a bounded wait: `LOCKED`.
 *
 * Wall-clock time is deliberate here: the lock is shared with other processes, which stamp it with real time.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ensureDir, fsError } from './atomic-file';
import { CoreError } from '../errors';
import { runExclusive } from './keyed-queue';
import { isPidAlive, processStartTime } from '../process/pid';

/** Tuning for one acquisition; the defaults follow OpenClaw's auth-store lock. */
export interface LockOptions {
  /** A lock older than this is stale (OpenClaw: 30 s). */
  staleMs?: number;
  /** Give up with `LOCKED` after waiting this long. */
  timeoutMs?: number;
  minDelayMs?: number;
  maxDelayMs?: number;
}

/** What a lock file says about its holder, as read from disk. */
export interface LockSnapshot {
  raw: string;
  payload: { pid?: unknown; createdAt?: unknown; starttime?: unknown } | null;
  mtimeMs: number;
  ino: number;
}

/** What the staleness rule needs to know about the machine. */
export interface ProcessProbe {
  isAlive(pid: number): boolean;
  startTime(pid: number): number | null;
}

const DEFAULTS = { staleMs: 30_000, timeoutMs: 10_000, minDelayMs: 20, maxDelayMs: 1_000 };

/** The sidecar path OpenClaw uses for `target`. */
export function lockPathFor(target: string): string {
  return `${target}.lock`;
}

/** The real machine. */
export const systemProbe: ProcessProbe = { isAlive: (pid) => isPidAlive(pid), startTime: processStartTime };

/**
 * A lock file without readable content this long after it was created was left by a holder that died between
 * creating it and writing its pid (both OpenClaw and the app write the pid microseconds after `open`).
 */
export const EMPTY_LOCK_GRACE_MS = 2_000;

/**
 * Pure staleness rule: stale when the holder's pid is dead or was reused (start time differs), when the lock is
 * older than `staleMs` (by `createdAt`, else by mtime), or when it still has no readable content
 * `EMPTY_LOCK_GRACE_MS` after it was created.
 */
export function isLockStale(snapshot: LockSnapshot, now: number, staleMs: number, probe: ProcessProbe): boolean {
  if (snapshot.payload === null) return now - snapshot.mtimeMs > Math.min(staleMs, EMPTY_LOCK_GRACE_MS);
  const pid = snapshot.payload?.pid;
  if (typeof pid === 'number' && Number.isInteger(pid) && pid > 0) {
    if (!probe.isAlive(pid)) return true;
    const recorded = snapshot.payload?.starttime;
    if (typeof recorded === 'number') {
      const current = probe.startTime(pid);
      if (current !== null && current !== recorded) return true;
    }
  }
  const createdAt = typeof snapshot.payload?.createdAt === 'string' ? Date.parse(snapshot.payload.createdAt) : NaN;
  const since = Number.isFinite(createdAt) ? createdAt : snapshot.mtimeMs;
  return now - since > staleMs;
}

async function readSnapshot(lockPath: string): Promise<LockSnapshot | null> {
  try {
    const stat = await fs.promises.lstat(lockPath);
    const raw = await fs.promises.readFile(lockPath, 'utf8');
    let payload: LockSnapshot['payload'] = null;
    try {
      const parsed: unknown = JSON.parse(raw);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) payload = parsed as LockSnapshot['payload'];
    } catch {
      payload = null;
    }
    return { raw, payload, mtimeMs: stat.mtimeMs, ino: stat.ino };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** Removes the lock only if it is still exactly `observed` (same inode and content): never someone else's new lock. */
async function removeIfUnchanged(lockPath: string, observed: LockSnapshot): Promise<void> {
  const current = await readSnapshot(lockPath).catch(() => null);
  if (current && current.ino === observed.ino && current.raw === observed.raw) await fs.promises.rm(lockPath, { force: true });
}

async function tryCreate(lockPath: string, probe: ProcessProbe): Promise<LockSnapshot | null> {
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(lockPath, 'wx', 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return null;
    throw err;
  }
  const payload: Record<string, unknown> = { pid: process.pid, createdAt: new Date().toISOString() };
  const starttime = probe.startTime(process.pid);
  if (starttime !== null) payload.starttime = starttime;
  const raw = `${JSON.stringify(payload, null, 2)}\n`;
  try {
    await handle.writeFile(raw, 'utf8');
    const stat = await handle.stat();
    return { raw, payload, mtimeMs: stat.mtimeMs, ino: stat.ino };
  } catch (err) {
    await fs.promises.rm(lockPath, { force: true }).catch(() => {});
    throw err;
  } finally {
    await handle.close().catch(() => {});
  }
}

/**
 * Runs `fn` while holding `<target>.lock`. Tasks of this process on the same target queue up first (no spinning
 * against ourselves); then the lock is taken with backoff. Throws `LOCKED` (with the lock path and holder pid)
 * when another live holder keeps it past `timeoutMs`. The lock is released even when `fn` throws.
 */
export async function withFileLock<T>(target: string, fn: () => Promise<T>, options: LockOptions = {}, probe: ProcessProbe = systemProbe): Promise<T> {
  const opts = { ...DEFAULTS, ...options };
  const lockPath = lockPathFor(path.resolve(target));
  return runExclusive(lockPath, async () => {
    await ensureDir(path.dirname(lockPath));
    const started = Date.now();
    let attempt = 0;
    let held: LockSnapshot | null = null;
    let holder: LockSnapshot | null = null;
    while (!held) {
      try {
        held = await tryCreate(lockPath, probe);
      } catch (err) {
        throw fsError(err, lockPath, 'lock');
      }
      if (held) break;
      try {
        holder = await readSnapshot(lockPath);
      } catch (err) {
        throw fsError(err, lockPath, 'lock');
      }
      if (!holder) continue;
      if (isLockStale(holder, Date.now(), opts.staleMs, probe)) {
        await removeIfUnchanged(lockPath, holder);
        continue;
      }
      const elapsed = Date.now() - started;
      if (elapsed >= opts.timeoutMs) {
        const pid = typeof holder.payload?.pid === 'number' ? String(holder.payload.pid) : 'unknown';
        throw new CoreError('LOCKED', 'errors.file.locked', { params: { path: target, pid }, details: { path: target, lock: lockPath, pid } });
      }
      const base = Math.min(opts.maxDelayMs, opts.minDelayMs * 2 ** attempt);
      const delay = Math.min(opts.timeoutMs - elapsed, Math.round(base * (0.5 + Math.random())));
      attempt += 1;
      await new Promise((resolve) => setTimeout(resolve, Math.max(1, delay)));
    }
    try {
      return await fn();
    } finally {
      await removeIfUnchanged(lockPath, held).catch(() => {});
    }
  });
}
