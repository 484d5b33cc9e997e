/**
 * What in a state folder belongs to OpenClaw <= 2026.5 and what an import left behind: each agent's
 * `auth-profiles.json` (OpenClaw 2026.6+ refuses to run beside one until `doctor --fix` imported it) and the
 * `auth-profiles.json.migrated-*` archives the import leaves (they still hold every secret in plain text). The
 * legacy files are also read, only to check after an import that each credential arrived with the same secret and
 * expiry, and to know the secrets to redact from the import's output.
 */
import fs from 'node:fs';
import path from 'node:path';

/** The credential file OpenClaw <= 2026.5 kept per agent. */
export const LEGACY_STORE = 'auth-profiles.json';
/** What OpenClaw's import renames it to: `auth-profiles.json.migrated-<time>-<uuid>`. */
export const LEFTOVER_PATTERN = /^auth-profiles\.json\.migrated-[A-Za-z0-9._:-]+$/;

/** One agent's legacy file. */
export interface LegacyStore {
  agentId: string;
  file: string;
}

/** The legacy credential files and the leftover archives in a state folder. */
export interface StateScan {
  legacyStores: LegacyStore[];
  leftovers: string[];
}

/** One credential of a legacy file, reduced to what an import must keep. The secret never leaves core. */
export interface LegacyCredential {
  agentId: string;
  profileId: string;
  type: string;
  secret?: string;
  expires?: number;
}

/** Lists `agents/*\/agent/auth-profiles.json` and their `.migrated-*` archives. Never throws. */
export function scanState(agentsDir: string): StateScan {
  const scan: StateScan = { legacyStores: [], leftovers: [] };
  let agents: fs.Dirent[];
  try {
    agents = fs.readdirSync(agentsDir, { withFileTypes: true });
  } catch {
    return scan;
  }
  for (const agent of agents.filter((d) => d.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const dir = path.join(agentsDir, agent.name, 'agent');
    let names: string[];
    try {
      names = fs.readdirSync(dir).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      const file = path.join(dir, name);
      if (name === LEGACY_STORE && isFile(file)) scan.legacyStores.push({ agentId: agent.name, file });
      else if (LEFTOVER_PATTERN.test(name) && isFile(file)) scan.leftovers.push(file);
    }
  }
  return scan;
}

function isFile(file: string): boolean {
  try {
    return fs.lstatSync(file).isFile();
  } catch {
    return false;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v : undefined);

/** The credentials of legacy files (a file that does not parse contributes nothing). */
export function readLegacyCredentials(stores: LegacyStore[]): LegacyCredential[] {
  const out: LegacyCredential[] = [];
  for (const store of stores) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(fs.readFileSync(store.file, 'utf8'));
    } catch {
      continue;
    }
    const profiles = isObject(parsed) && isObject(parsed.profiles) ? parsed.profiles : {};
    for (const [profileId, raw] of Object.entries(profiles)) {
      if (!isObject(raw)) continue;
      const type = typeof raw.type === 'string' ? raw.type : 'unknown';
      const secret = type === 'api_key' ? text(raw.key) : type === 'token' ? text(raw.token) : type === 'oauth' ? text(raw.access) ?? text(raw.refresh) : undefined;
      const credential: LegacyCredential = { agentId: store.agentId, profileId, type };
      if (secret) credential.secret = secret;
      if (typeof raw.expires === 'number' && Number.isFinite(raw.expires) && raw.expires > 0) credential.expires = raw.expires;
      out.push(credential);
    }
  }
  return out;
}

/** Every secret value in legacy files (keys, tokens, OAuth access and refresh tokens), for redaction. */
export function legacySecrets(stores: LegacyStore[]): string[] {
  const out = new Set<string>();
  for (const store of stores) {
    try {
      const parsed: unknown = JSON.parse(fs.readFileSync(store.file, 'utf8'));
      const profiles = isObject(parsed) && isObject(parsed.profiles) ? parsed.profiles : {};
      for (const raw of Object.values(profiles)) {
        if (!isObject(raw)) continue;
        for (const k of ['key', 'token', 'access', 'refresh']) if (text(raw[k])) out.add(raw[k] as string);
      }
    } catch {
      // an unreadable file has no secret to redact
    }
  }
  return [...out];
}
