/**
 * `$STATE/.env`, where a daemonised gateway finds its provider keys. OpenClaw reads it with `dotenv.parse` and
 * never writes it; the app edits it in place: only the value of the key being set (or the key's entry when unset)
 * changes, comments, order, blank lines and other keys stay byte for byte. Values are quoted so that
 * `dotenv.parse` returns exactly what was set, and every edit is checked by parsing the result before writing.
 */
import dotenv from 'dotenv';
import path from 'node:path';
import { EnvKey, EnvValue } from '../../../shared/schemas';
import { fieldErrorOf } from '../../../shared/field-errors';
import { readFileIfExists, writeFileAtomic } from '../fs/atomic-file';
import { CoreError } from '../errors';
import { runExclusive } from '../fs/keyed-queue';

/**
 * dotenv 17's own line pattern (lib/main.js), with the `d` flag added for match positions: the editor must find
 * entries exactly where `dotenv.parse` finds them.
 */
const LINE = /(?:^|^)\s*(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*`(?:\\`|[^`])*`|[^#\r\n]+)?\s*(?:#.*)?(?:$|$)/dgm;

interface Entry {
  key: string;
  /** Start of the key (after leading whitespace) and end of the whole entry. */
  start: number;
  end: number;
  /** Span of the raw value, when there is one. */
  value?: [number, number];
}

/** Finds every entry dotenv would read, with positions, in text whose line breaks are `\n`. */
export function scanEntries(text: string): Entry[] {
  const entries: Entry[] = [];
  LINE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LINE.exec(text)) !== null) {
    const indices = m.indices!;
    const keySpan = indices[1]!;
    let start = keySpan[0];
    const exportAt = text.lastIndexOf('export', start);
    if (exportAt >= indices[0]![0] && /^export\s+$/.test(text.slice(exportAt, start))) start = exportAt;
    // The pattern's trailing `\s*(?:#.*)?` can swallow the next line's comment: an entry ends with its own line.
    const lastOwn = indices[2] ? indices[2][1] : keySpan[1];
    const newline = text.indexOf('\n', lastOwn);
    const end = newline >= 0 ? Math.min(newline, indices[0]![1]) : indices[0]![1];
    const entry: Entry = { key: m[1]!, start, end };
    if (indices[2]) entry.value = [indices[2][0], indices[2][1]];
    entries.push(entry);
    if (m[0].length === 0) LINE.lastIndex++;
  }
  return entries;
}

/**
 * The shortest quoting that `dotenv.parse` reads back as exactly `value`, or `null` when none exists (a value
 * with all three quote characters, and `#`, or a literal `\n` sequence, or surrounding spaces).
 */
export function quoteEnvValue(value: string): string | null {
  if (!value.includes("'")) return `'${value}'`;
  if (!value.includes('"') && !/\\[nr]/.test(value)) return `"${value}"`;
  if (!value.includes('`')) return `\`${value}\``;
  const sameQuoteEnds = value.length > 1 && /^['"`]/.test(value) && value[0] === value[value.length - 1];
  if (value.length && value === value.trim() && !value.includes('#') && !sameQuoteEnds) return value;
  return null;
}

/** Returns `text` with `key` set to `value` (replacing the value of its first entry, dropping later duplicates). */
export function setInText(text: string, key: string, value: string): string {
  const quoted = quoteEnvValue(value);
  if (quoted === null) {
    throw new CoreError('VALIDATION', 'errors.env.unquotable', { fields: { value: { key: 'validation.envUnquotable' } } });
  }
  const entries = scanEntries(text).filter((e) => e.key === key);
  if (!entries.length) {
    const sep = text.length && !text.endsWith('\n') ? '\n' : '';
    return `${text}${sep}${key}=${quoted}\n`;
  }
  let out = text;
  for (const e of [...entries.slice(1)].reverse()) out = removeSpan(out, e);
  const first = entries[0]!;
  if (first.value) return out.slice(0, first.value[0]) + quoted + out.slice(first.value[1]);
  return `${out.slice(0, first.start)}${key}=${quoted}${out.slice(first.end)}`;
}

function removeSpan(text: string, e: Entry): string {
  const lineStart = text.lastIndexOf('\n', e.start - 1) + 1;
  const onlySpaceBefore = /^[ \t]*$/.test(text.slice(lineStart, e.start));
  const from = onlySpaceBefore ? lineStart : e.start;
  const to = text[e.end] === '\n' ? e.end + 1 : e.end;
  return text.slice(0, from) + text.slice(to);
}

/** Returns `text` without any entry for `key`. */
export function unsetInText(text: string, key: string): string {
  let out = text;
  for (const e of scanEntries(text).filter((x) => x.key === key).reverse()) out = removeSpan(out, e);
  return out;
}

function validate(key: string, value?: string): void {
  const k = EnvKey.safeParse(key);
  if (!k.success) throw new CoreError('VALIDATION', 'errors.fields', { fields: { key: fieldErrorOf(k.error.issues[0]!, 'key', key) } });
  if (value === undefined) return;
  const v = EnvValue.safeParse(value);
  if (!v.success) throw new CoreError('VALIDATION', 'errors.fields', { fields: { value: fieldErrorOf(v.error.issues[0]!, 'value', value) } });
}

function normalise(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** Reads and parses the `.env` file exactly as OpenClaw does; a missing file is empty. */
export async function readEnvFile(envPath: string): Promise<Record<string, string>> {
  const text = await readFileIfExists(envPath);
  return text === undefined ? {} : dotenv.parse(text);
}

async function edit(envPath: string, change: (text: string) => string, check: (parsed: Record<string, string>, before: Record<string, string>) => boolean): Promise<void> {
  await runExclusive(path.resolve(envPath), async () => {
    const raw = (await readFileIfExists(envPath)) ?? '';
    const before = normalise(raw);
    const after = change(before);
    if (after === before) return;
    if (!check(dotenv.parse(after), dotenv.parse(before))) {
      throw new CoreError('INTERNAL', 'errors.file.wouldChangeOthers', { params: { path: envPath }, details: { path: envPath } });
    }
    await writeFileAtomic(envPath, raw.includes('\r\n') ? after.replace(/\n/g, '\r\n') : after);
  });
}

function othersEqual(a: Record<string, string>, b: Record<string, string>, except: string): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  keys.delete(except);
  for (const k of keys) if (a[k] !== b[k]) return false;
  return true;
}

/** Sets `key` to `value` in the `.env` file (created 0600 when missing). Invalid keys or values: `VALIDATION`. */
export async function setEnvVar(envPath: string, key: string, value: string): Promise<void> {
  validate(key, value);
  await edit(
    envPath,
    (text) => setInText(text, key, value),
    (parsed, before) => parsed[key] === value && othersEqual(parsed, before, key),
  );
}

/** Removes `key` from the `.env` file; a missing key or file is not an error. */
export async function unsetEnvVar(envPath: string, key: string): Promise<void> {
  validate(key);
  await edit(
    envPath,
    (text) => unsetInText(text, key),
    (parsed, before) => !(key in parsed) && othersEqual(parsed, before, key),
  );
}
