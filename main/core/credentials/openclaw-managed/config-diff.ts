/**
 * Pure: a flow's config edit turned into what OpenClaw 2026.6+ accepts, since the app may not write openclaw.json
 * itself there. The edit runs on a copy of the config; the difference becomes `set` operations for
 * `openclaw config set --batch-file` (plus `unset`s, which the batch format has not) and one JSON merge patch for
 * the gateway's `config.patch`. Objects are compared key by key; arrays and other values as a whole.
 */
import { isDeepStrictEqual } from 'node:util';

/** One change at a config path: a new value, or the key removed. */
export type ConfigOp = { path: string[]; value: unknown } | { path: string[]; unset: true };

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The changes that turn `before` into `after`, parents before children, in key order. */
export function configChanges(before: unknown, after: unknown, at: string[] = []): ConfigOp[] {
  if (isDeepStrictEqual(before, after)) return [];
  if (!isPlainObject(before) || !isPlainObject(after)) return after === undefined ? [{ path: at, unset: true }] : [{ path: at, value: after }];
  const ops: ConfigOp[] = [];
  for (const key of Object.keys(after)) {
    if (!(key in before)) ops.push({ path: [...at, key], value: after[key] });
    else ops.push(...configChanges(before[key], after[key], [...at, key]));
  }
  for (const key of Object.keys(before)) if (!(key in after)) ops.push({ path: [...at, key], unset: true });
  return ops;
}

/** A path as `openclaw config set` reads it: dots, with `["..."]` for keys that are not plain words. */
export function configPath(path: string[]): string {
  return path.map((key, i) => (/^[A-Za-z0-9_:-]+$/.test(key) ? `${i ? '.' : ''}${key}` : `[${JSON.stringify(key)}]`)).join('');
}

/** The `--batch-file` content for the `set` operations. */
export function batchFile(ops: ConfigOp[]): { path: string; value: unknown }[] {
  return ops.filter((op): op is { path: string[]; value: unknown } => !('unset' in op)).map((op) => ({ path: configPath(op.path), value: op.value }));
}

/** The JSON merge patch (RFC 7396) with the same effect: changed values, `null` for removed keys. */
export function mergePatch(ops: ConfigOp[]): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const op of ops) {
    let node = patch;
    op.path.forEach((key, i) => {
      if (i === op.path.length - 1) node[key] = 'unset' in op ? null : op.value;
      else node = (isPlainObject(node[key]) ? node[key] : (node[key] = {})) as Record<string, unknown>;
    });
  }
  return patch;
}
