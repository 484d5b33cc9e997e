/**
 * The copies left beside a file: `<file>.bak` (the previous `openclaw.json`; OpenClaw itself also keeps a ring of
 * `<file>.bak.1` to `.bak.4` when it writes its config) and `<file>.corrupt-<time>` (a file that could not be parsed,
 * kept for the user). Both may hold secrets, so they are kept only as long as they
 * are useful (a week, and the last 3 corrupt copies of a file) and a value the user removes is scrubbed out of
 * them. Generic: no OpenClaw knowledge.
 */
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './atomic-file';

/** Copies older than this are removed. */
export const BACKUP_MAX_AGE_MS = 7 * 24 * 3_600_000;
/** Corrupt copies of one file beyond the newest this many are removed. */
export const CORRUPT_COPIES_KEPT = 3;

/** One copy beside a file, with the time it stands for. */
export interface BackupCopy {
  file: string;
  kind: 'bak' | 'corrupt';
  /** When it was made: the stamp in a corrupt copy's name (the app's clock), else the file's mtime. */
  at: number;
}

const STAMP = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/;

/** The time in a `.corrupt-<stamp>` name (`keepCorruptCopy`'s ISO stamp with `:` and `.` as `-`), if it is one. Pure. */
export function stampTime(stamp: string): number | undefined {
  const m = STAMP.exec(stamp);
  if (!m) return undefined;
  const t = Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`);
  return Number.isFinite(t) ? t : undefined;
}

/** The `.bak`, `.bak.<n>` and `.corrupt-*` copies of `original` that exist, by name. */
export async function listBackups(original: string): Promise<BackupCopy[]> {
  const dir = path.dirname(original);
  const base = path.basename(original);
  const names = await fs.promises.readdir(dir).catch(() => [] as string[]);
  const out: BackupCopy[] = [];
  for (const name of [...names].sort()) {
    const rest = name.startsWith(base) ? name.slice(base.length) : '';
    const kind = /^\.bak(?:\.\d+)?$/.test(rest) ? 'bak' : rest.startsWith('.corrupt-') ? 'corrupt' : undefined;
    if (!kind) continue;
    const file = path.join(dir, name);
    const stat = await fs.promises.lstat(file).catch(() => undefined);
    if (!stat?.isFile()) continue;
    out.push({ file, kind, at: (kind === 'corrupt' ? stampTime(name.slice(base.length + '.corrupt-'.length)) : undefined) ?? stat.mtimeMs });
  }
  return out;
}

/** Which copies to remove at `now`: any older than the age limit, and corrupt copies beyond the newest few. Pure. */
export function backupsToPrune(copies: readonly BackupCopy[], now: number, keep: readonly string[] = []): string[] {
  const out = new Set<string>();
  for (const c of copies) if (now - c.at > BACKUP_MAX_AGE_MS) out.add(c.file);
  const corrupt = copies.filter((c) => c.kind === 'corrupt').sort((a, b) => b.at - a.at || b.file.localeCompare(a.file));
  for (const c of corrupt.slice(CORRUPT_COPIES_KEPT)) out.add(c.file);
  for (const k of keep) out.delete(k);
  return [...out];
}

/**
 * Removes the copies of `original` that are too old or too many (never one named in `keep`; only the `kinds`
 * asked for, default both); returns them.
 */
export async function pruneBackups(original: string, now: number, o: { keep?: readonly string[]; kinds?: readonly BackupCopy['kind'][] } = {}): Promise<string[]> {
  const kinds = o.kinds ?? ['bak', 'corrupt'];
  const doomed = backupsToPrune((await listBackups(original)).filter((c) => kinds.includes(c.kind)), now, o.keep);
  const removed: string[] = [];
  for (const file of doomed) {
    if (await fs.promises.rm(file, { force: true }).then(() => true, () => false)) removed.push(file);
  }
  return removed;
}

/** The forms a value takes in a file: as it is, and escaped inside a JSON string. Pure. */
export function writtenForms(value: string): string[] {
  return [...new Set([value, JSON.stringify(value).slice(1, -1)])].filter((v) => v.length > 0);
}

/** Whether `text` holds any of `values` (in any written form). Pure. */
export function holdsAny(text: string, values: readonly string[]): boolean {
  return values.some((v) => writtenForms(v).some((f) => text.includes(f)));
}

/** `text` with every written form of `values` cut out (longest first). Pure. */
export function scrubText(text: string, values: readonly string[]): string {
  const forms = [...new Set(values.flatMap(writtenForms))].sort((a, b) => b.length - a.length);
  let out = text;
  for (const f of forms) out = out.split(f).join('');
  return out;
}

/** A value's written forms as the latin1 text of its UTF-8 bytes, to search a file read as bytes. Pure. */
function byteForms(values: readonly string[]): string[] {
  return values.flatMap(writtenForms).map((v) => Buffer.from(v, 'utf8').toString('latin1'));
}

/** Whether `file` holds any of `values` (false when it cannot be read). */
export async function fileHoldsAny(file: string, values: readonly string[]): Promise<boolean> {
  const bytes = await fs.promises.readFile(file).catch(() => undefined);
  return bytes !== undefined && holdsAny(bytes.toString('latin1'), byteForms(values));
}

/**
 * Rewrites `file` (atomically, 0600) without any of `values`; true when it held one. Works on bytes (a corrupt copy
 * need not be valid UTF-8, and every other byte stays as it was). A missing file is left alone.
 */
export async function scrubFile(file: string, values: readonly string[]): Promise<boolean> {
  const bytes = await fs.promises.readFile(file).catch(() => undefined);
  if (bytes === undefined) return false;
  const text = bytes.toString('latin1');
  const forms = byteForms(values);
  if (!holdsAny(text, forms)) return false;
  await writeFileAtomic(file, Buffer.from(scrubText(text, forms), 'latin1'));
  return true;
}
