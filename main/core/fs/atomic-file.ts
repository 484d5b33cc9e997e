/**
 * Crash-safe file writes: a reader (the app, a running OpenClaw) sees either the old file or the new one, never a
 * half-written one. Temp file in the same directory (mode 0600), fsync, rename over the target, fsync the
 * directory. Directories created on the way are 0700. File-system errors come out as `CoreError`s that say which
 * path failed and why, in words a user can act on.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CoreError } from '../errors';
import { isPidAlive } from '../process/pid';
import { pruneBackups } from './backups';

/** Mode for every file the app writes into OpenClaw's state: owner read/write only. */
export const FILE_MODE = 0o600;
/** Mode for directories the app creates: owner only. */
export const DIR_MODE = 0o700;

/** Turns a Node file-system error into a `CoreError` naming the path (and, as a parameter, the action that failed). */
export function fsError(err: unknown, filePath: string, action: 'read' | 'write' | 'create' | 'lock'): CoreError {
  if (err instanceof CoreError) return err;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const details = { path: filePath, ...(code ? { errno: code } : {}) };
  const extra = { params: { path: filePath, action }, details, cause: err };
  switch (code) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new CoreError('FORBIDDEN', 'errors.file.forbidden', extra);
    case 'EISDIR':
    case 'ENOTDIR':
      return new CoreError('CONFLICT', 'errors.file.folderInTheWay', extra);
    case 'ENOSPC':
    case 'EDQUOT':
      return new CoreError('INTERNAL', 'errors.file.diskFull', extra);
    case 'ENOENT':
      return new CoreError('NOT_FOUND', 'errors.file.missing', extra);
    default:
      return new CoreError('INTERNAL', 'errors.file.failed', extra);
  }
}

/** Creates `dir` (and missing parents) with mode 0700; existing directories are left as they are. */
export async function ensureDir(dir: string): Promise<void> {
  try {
    await fs.promises.mkdir(dir, { recursive: true, mode: DIR_MODE });
  } catch (err) {
    throw fsError(err, dir, 'create');
  }
}

/** Flushes a directory entry (the rename) to disk; a no-op where directories cannot be opened (Windows). */
async function fsyncDir(dir: string): Promise<void> {
  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await fs.promises.open(dir, 'r');
    await handle.sync();
  } catch {
    // Directory fsync is best effort: some platforms and file systems refuse it.
  } finally {
    await handle?.close().catch(() => {});
  }
}

/** A temp name beside `target`, unique per process and call, hidden, recognisable as ours. */
export function tempPathFor(target: string): string {
  const rand = crypto.randomBytes(6).toString('hex');
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${rand}.tmp`);
}

/**
 * Replaces `target` with `data` atomically at mode 0600 (or `mode`). On any failure the old file is untouched and
 * the temp file is removed. The target's parent directory is created (0700) when missing.
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array, options: { mode?: number } = {}): Promise<void> {
  const mode = options.mode ?? FILE_MODE;
  const dir = path.dirname(target);
  await ensureDir(dir);
  const tmp = tempPathFor(target);
  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await fs.promises.open(tmp, 'wx', mode);
    await handle.chmod(mode);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.promises.rename(tmp, target);
  } catch (err) {
    await handle?.close().catch(() => {});
    await fs.promises.rm(tmp, { force: true }).catch(() => {});
    throw fsError(err, target, 'write');
  }
  await fsyncDir(dir);
  await removeOrphanTemps(target);
}

/** Removes temp files of `target` left by writers that were killed mid-write (their pid no longer exists). */
async function removeOrphanTemps(target: string): Promise<void> {
  const base = path.basename(target);
  const names = await fs.promises.readdir(path.dirname(target)).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(`.${base}.`) || !name.endsWith('.tmp')) continue;
    const m = /^\.(.+)\.(\d+)\.[0-9a-f]{12}\.tmp$/.exec(name);
    if (m && m[1] === base && Number(m[2]) !== process.pid && !isPidAlive(Number(m[2]))) {
      await fs.promises.rm(path.join(path.dirname(target), name), { force: true }).catch(() => {});
    }
  }
}

/** Reads a file as UTF-8, or `undefined` when it does not exist. Other failures become `CoreError`s. */
export async function readFileIfExists(filePath: string): Promise<string | undefined> {
  try {
    return await fs.promises.readFile(filePath, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw fsError(err, filePath, 'read');
  }
}

/**
 * Keeps a copy of a file that could not be parsed (`<file>.corrupt-<timestamp>`, 0600) so the user can recover it;
 * returns the copy's path. Older copies past the last 3, or a week old, are removed (`backups.ts`). The original is never modified. An earlier copy with the same bytes is reused, so
 * reading the same broken file again does not pile up copies.
 */
export async function keepCorruptCopy(filePath: string, now: number): Promise<string> {
  let content: Buffer;
  try {
    content = await fs.promises.readFile(filePath);
  } catch (err) {
    throw fsError(err, filePath, 'read');
  }
  const dir = path.dirname(filePath);
  const prefix = `${path.basename(filePath)}.corrupt-`;
  const siblings = await fs.promises.readdir(dir).catch(() => [] as string[]);
  for (const name of siblings.filter((n) => n.startsWith(prefix)).sort().reverse()) {
    const existing = await fs.promises.readFile(path.join(dir, name)).catch(() => undefined);
    if (existing && existing.equals(content)) return path.join(dir, name);
  }
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  const copy = path.join(dir, `${prefix}${stamp}`);
  await writeFileAtomic(copy, content);
  await pruneBackups(filePath, now, { keep: [copy], kinds: ['corrupt'] }).catch(() => undefined);
  return copy;
}

/**
 * The `CORRUPT_FILE` error every store throws for a file it will not overwrite: path and kept copy in `details`
 * (no `copy` when none could be written, e.g. a read-only folder: the file is still corrupt, and says so).
 */
export function corruptFileError(filePath: string, copy: string | undefined, why: string): CoreError {
  const details = { path: filePath, ...(copy ? { copy } : {}), reason: why };
  if (copy) return new CoreError('CORRUPT_FILE', 'errors.file.corrupt', { params: { path: filePath, copy }, details });
  return new CoreError('CORRUPT_FILE', 'errors.file.corruptNoCopy', { params: { path: filePath }, details });
}

/**
 * Reads and parses a file, tolerating a writer that replaces it in place (OpenClaw 2026.3): a parse failure is
 * retried once after `retryDelayMs` before the file is called corrupt, a copy kept, and `CORRUPT_FILE` thrown.
 * Returns `undefined` when the file does not exist. `parse` throws to reject the content.
 */
export async function readParsedFile<T>(
  filePath: string,
  parse: (text: string) => T,
  options: { now: number; retryDelayMs?: number },
): Promise<{ value: T; raw: string } | undefined> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 2; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, options.retryDelayMs ?? 50));
    const raw = await readFileIfExists(filePath);
    if (raw === undefined) return undefined;
    try {
      return { value: parse(raw), raw };
    } catch (err) {
      lastError = err;
    }
  }
  const copy = await keepCorruptCopy(filePath, options.now).catch(() => undefined);
  throw corruptFileError(filePath, copy, parseFailureReason(lastError));
}

/** A parse error's first line without the file text V8 quotes in JSON errors (it may be a piece of a secret). */
function parseFailureReason(err: unknown): string {
  if (!(err instanceof Error)) return 'invalid content';
  return err.message.split('\n')[0]!.replace(/,\s*(?:\.\.\.)?"[\s\S]*"(?:\.\.\.)? is not valid JSON/, ' (not valid JSON)').slice(0, 200);
}
