/**
 * Which values the app knows are secret, found where they live: every credential-like value in `openclaw.json`
 * by its key's name at any depth (`token`, `key`, `secret`, `password`, `auth`, `bearer`: provider keys and
 * headers, channel bot tokens, `tools.web.search.apiKey`, `gateway.remote.password`, the gateway token...), the
 * contents of the files a `tokenFile`-like key names, every `.env` value, and secret-named environment variables.
 * The walkers are pure; `readSecretFiles` does the one read.
 */
import fs from 'node:fs';
import { MIN_LITERAL_SECRET } from './redact';

/** A key whose string value is a secret. */
export const SECRET_KEY_NAME = /token|key|secret|password|passwd|auth|bearer|credential/i;
/** Secret-named keys that hold something else: a mode, a reference, an id, a place. */
const NOT_A_SECRET_VALUE = /(?:mode|type|kind|source|provider|ref|id|ids|name|names|url|uri|path|dir|file|choice|profile|profiles|order|env|header|headers|strategy|method)$/i;
/** A key whose value is a file holding a secret (`tokenFile`, `passwordFile`, `keyFile`). */
const SECRET_FILE_KEY = /(?:token|key|secret|password|passwd|credential)s?_?file$/i;
/** Environment variables whose value is a secret. */
export const SECRET_ENV_NAME = /KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|AUTH/i;
/** The most of a secret file that is read. */
const MAX_SECRET_FILE_BYTES = 64 * 1024;
const MAX_DEPTH = 32;

/** Whether a config key's string value is a secret (`apiKey`, `botToken`, `cf-aig-authorization`; not `authMode`). Pure. */
export function isSecretKeyName(key: string): boolean {
  return SECRET_KEY_NAME.test(key) && !NOT_A_SECRET_VALUE.test(key);
}

/** Adds `value` (trimmed) and, for `Bearer X` / `Basic X`, also `X`, when long enough to search for. Pure. */
export function collectSecret(out: Set<string>, value: unknown): void {
  if (typeof value !== 'string') return;
  const v = value.trim();
  if (v.length >= MIN_LITERAL_SECRET) out.add(v);
  const scheme = /^(?:Bearer|Basic)\s+(.+)$/i.exec(v);
  if (scheme?.[1] && scheme[1].length >= MIN_LITERAL_SECRET) out.add(scheme[1]);
}

/** The secret values in a config (any depth, by key name) and the files that hold more of them. Pure. */
export function configSecrets(config: unknown): { values: Set<string>; files: Set<string> } {
  const values = new Set<string>();
  const files = new Set<string>();
  const walk = (node: unknown, depth: number): void => {
    if (depth > MAX_DEPTH || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const item of node) walk(item, depth + 1);
      return;
    }
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string') {
        if (SECRET_FILE_KEY.test(key)) files.add(value.trim());
        else if (isSecretKeyName(key)) collectSecret(values, value);
      } else if (Array.isArray(value) && isSecretKeyName(key)) {
        for (const item of value) if (typeof item === 'string') collectSecret(values, item);
        walk(value, depth + 1);
      } else walk(value, depth + 1);
    }
  };
  walk(config, 0);
  files.delete('');
  return { values, files };
}

/** Secret-named environment variables' values (or every value, for `.env`, which exists to hold secrets). Pure. */
export function envSecrets(env: Readonly<Record<string, string | undefined>>, options: { all?: boolean } = {}): Set<string> {
  const out = new Set<string>();
  for (const [name, value] of Object.entries(env)) if (options.all || SECRET_ENV_NAME.test(name)) collectSecret(out, value);
  return out;
}

/** The contents of secret files (first 64 KB, trimmed, and each line); files that cannot be read are skipped. */
export async function readSecretFiles(files: Iterable<string>, homeDir: string): Promise<Set<string>> {
  const out = new Set<string>();
  for (const file of files) {
    const p = file.startsWith('~/') ? `${homeDir}/${file.slice(2)}` : file;
    let handle: fs.promises.FileHandle | undefined;
    try {
      handle = await fs.promises.open(p, 'r');
      const buf = Buffer.alloc(MAX_SECRET_FILE_BYTES);
      const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
      const text = buf.subarray(0, bytesRead).toString('utf8');
      collectSecret(out, text);
      for (const line of text.split(/\r?\n/)) collectSecret(out, line);
    } catch {
      // a missing or unreadable file holds nothing the gateway could print either
    } finally {
      await handle?.close().catch(() => undefined);
    }
  }
  return out;
}
