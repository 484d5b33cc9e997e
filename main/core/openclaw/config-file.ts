/**
 * `openclaw.json`, the gateway's main config: read as JSON5 (as OpenClaw does), patched through a mutator, written
 * back as 2-space JSON at 0600 with the previous version kept as `openclaw.json.bak`. Only the keys a mutator
 * touches change; every other key comes back equal as data (comments and JSON5 syntax are not preserved, exactly
 * like OpenClaw's own writes). A file that does not parse is never overwritten: `CORRUPT_FILE` with a kept copy.
 *
 * Usage (other modules):
 * ```ts
 * await updateConfig(ctx.paths.configPath, (cfg) => {
 *   const gateway = objectAt(cfg, ['gateway']);
 *   gateway.mode = 'local';
 * });
 * ```
 */
import JSON5 from 'json5';
import path from 'node:path';
import { hasOwn, setOwn } from '../../../shared/own-keys';
import { readParsedFile, writeFileAtomic } from '../fs/atomic-file';
import { runExclusive } from '../fs/keyed-queue';

/** The config as plain data; unknown keys are kept as they are. */
export type OpenClawConfig = Record<string, unknown>;

/** Changes `config` in place, or returns a replacement object. May be async. Throwing aborts the update. */
export type ConfigMutator = (config: OpenClawConfig) => void | OpenClawConfig | Promise<void | OpenClawConfig>;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Parses config text as JSON5; the top level must be an object. Throws on anything else. */
export function parseConfigText(text: string): OpenClawConfig {
  const value: unknown = JSON5.parse(text);
  if (!isPlainObject(value)) throw new Error('the top level is not an object');
  return value;
}

/** Serialises config the way OpenClaw writes it: 2-space JSON and a final newline. */
export function formatConfig(config: OpenClawConfig): string {
  return `${JSON.stringify(config, null, 2)}\n`;
}

/**
 * Reads the config; a missing file is `{}` with `exists: false`. A file that does not parse (after one retry)
 * throws `CORRUPT_FILE` with `details.path` and `details.copy`.
 */
export async function readConfig(configPath: string, options: { now?: number } = {}): Promise<{ config: OpenClawConfig; exists: boolean }> {
  const read = await readParsedFile(configPath, parseConfigText, { now: options.now ?? Date.now() });
  return read ? { config: read.value, exists: true } : { config: {}, exists: false };
}

/**
 * Applies `mutate` to the current config and writes the result atomically (0600, parent dirs 0700), keeping the
 * previous file as `<config>.bak`. Nothing is written when the mutator leaves the data unchanged. Returns the
 * config as written (or as found when unchanged). Throws `CORRUPT_FILE` without writing when the file does not
 * parse; throws whatever the mutator throws, also without writing.
 */
export async function updateConfig(configPath: string, mutate: ConfigMutator, options: { now?: number } = {}): Promise<OpenClawConfig> {
  return runExclusive(path.resolve(configPath), async () => {
    const read = await readParsedFile(configPath, parseConfigText, { now: options.now ?? Date.now() });
    const before = read ? JSON.stringify(read.value) : undefined;
    const draft: OpenClawConfig = read ? parseConfigText(read.raw) : {};
    const returned = await mutate(draft);
    const next = returned ?? draft;
    if (!isPlainObject(next)) throw new Error('A config mutator must leave an object.');
    if (before !== undefined && JSON.stringify(next) === before) return next;
    if (read) await writeFileAtomic(`${configPath}.bak`, read.raw);
    await writeFileAtomic(configPath, formatConfig(next));
    return next;
  });
}

/**
 * The object at `keys` inside `root`, created (as `{}`) along the way; a non-object in the way is replaced. Keys are
 * own properties only, so a key such as `constructor` or `__proto__` is an ordinary entry, never the prototype.
 */
export function objectAt(root: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  let node = root;
  for (const key of keys) {
    const child = hasOwn(node, key) ? node[key] : undefined;
    if (isPlainObject(child)) node = child;
    else {
      const created: Record<string, unknown> = {};
      setOwn(node, key, created);
      node = created;
    }
  }
  return node;
}

/** The own value at `keys`, or `undefined` when any step is missing or not an object. Never creates anything. */
export function valueAt(root: unknown, keys: readonly string[]): unknown {
  let node: unknown = root;
  for (const key of keys) {
    if (!isPlainObject(node) || !hasOwn(node, key)) return undefined;
    node = node[key];
  }
  return node;
}

/** Deletes the key at `keys`, then removes parents the deletion left empty (up to, not including, `root`). */
export function deleteAt(root: Record<string, unknown>, keys: readonly string[]): void {
  if (!keys.length) return;
  const parents: Record<string, unknown>[] = [root];
  for (const key of keys.slice(0, -1)) {
    const parent = parents[parents.length - 1]!;
    const child = hasOwn(parent, key) ? parent[key] : undefined;
    if (!isPlainObject(child)) return;
    parents.push(child);
  }
  delete parents[parents.length - 1]![keys[keys.length - 1]!];
  for (let i = parents.length - 1; i > 0; i--) {
    if (Object.keys(parents[i]!).length) break;
    delete parents[i - 1]![keys[i - 1]!];
  }
}
