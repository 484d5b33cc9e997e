/**
 * Every place a credential's secret is, so "Remove" can mean gone: the credential store, a `.env` variable with the
 * same value, the secrets in `openclaw.json` that belong to it (its provider's `apiKey` and auth headers such as
 * `cf-aig-authorization`, or the same value under any secret-named key), and the backup copies holding any of those.
 * Backend-neutral: a backend that knows the secret (`CredentialBackend.secretOf`) gives exact matches;
 * without it (OpenClaw 2026.6+ for a secret not given this session) the provider's config secrets are still found,
 * and `.env` variables of the provider whose value has the visible ends of the masked label (OpenClaw's 8 + 8 where
 * known), marked `likely`. Values never leave core: a place
 * carries them only for the removal.
 */
import type { SecretPlace } from '../../../shared/contract';
import { parseMask } from '../../../shared/masking';
import { fileHoldsAny, listBackups, type BackupCopy } from '../fs/backups';
import type { OpenClawConfig } from '../openclaw/config-file';
import type { OpenClawPaths } from '../openclaw/paths';
import { isSecretKeyName } from '../secrets/known-secrets';
import { envKeyProvider } from './status';

/** What to clear for a place. */
export type PlaceTarget = { kind: 'store' } | { kind: 'env'; key: string } | { kind: 'config'; path: string[] } | { kind: 'backup'; file: string };

/** A place as core keeps it: what the window sees, the secret values it holds, and how to clear it. */
export interface FoundPlace {
  view: SecretPlace;
  values: string[];
  target: PlaceTarget;
}

/** What the places are found from. */
export interface PlaceSources {
  provider: string;
  /** The secret itself, when the backend can read it back. */
  secret?: string | undefined;
  /** The masked label the snapshot shows (for likely `.env` matches when the secret is unknown). */
  label?: string | undefined;
  /** Where the store keeps it (a file or a database). */
  storeFile: string;
  env: Readonly<Record<string, string>>;
  envPath: string;
  config: OpenClawConfig;
  configPath: string;
  /** Another agent still has a credential of this provider: its config secrets are left alone. */
  providerInUseElsewhere: boolean;
}

/** Whether `value` is `secret` or carries it as `Bearer <secret>`. Pure. */
function sameSecret(value: string, secret: string | undefined): boolean {
  if (!secret) return false;
  const v = value.trim();
  return v === secret || /^(?:Bearer|Basic)\s+(.+)$/i.exec(v)?.[1] === secret;
}

/** Whether `value` shows the visible ends of a masked `label` (a label of the app's or OpenClaw's making). Pure. */
export function matchesLabel(value: string, label: string | undefined): boolean {
  const m = label ? parseMask(label) : undefined;
  return m?.kind === 'ends' && value.length > m.head.length + m.tail.length && value.startsWith(m.head) && value.endsWith(m.tail);
}

/** Every secret-named string in the config with its path. Pure. */
function configSecrets(config: OpenClawConfig): { path: string[]; value: string }[] {
  const out: { path: string[]; value: string }[] = [];
  const walk = (node: unknown, at: string[]): void => {
    if (!node || typeof node !== 'object' || Array.isArray(node) || at.length > 32) return;
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string' && isSecretKeyName(key) && value.trim()) out.push({ path: [...at, key], value });
      else walk(value, [...at, key]);
    }
  };
  walk(config, []);
  return out;
}

/** The store, `.env` and config places of a credential (no I/O). Pure. */
export function directPlaces(s: PlaceSources): FoundPlace[] {
  const places: FoundPlace[] = [
    { view: { id: 'store', kind: 'store', file: s.storeFile, required: true }, values: s.secret ? [s.secret] : [], target: { kind: 'store' } },
  ];
  for (const [key, value] of Object.entries(s.env)) {
    const exact = sameSecret(value, s.secret);
    const likely = !s.secret && envKeyProvider(key) === s.provider && matchesLabel(value, s.label);
    if (!exact && !likely) continue;
    const serves = envKeyProvider(key);
    places.push({
      view: { id: `env:${key}`, kind: 'env', file: s.envPath, name: key, required: false, ...(likely ? { likely: true } : {}), ...(serves ? { serves } : {}) },
      values: [value],
      target: { kind: 'env', key },
    });
  }
  const providerBlock = ['models', 'providers', s.provider];
  for (const { path, value } of configSecrets(s.config)) {
    const ofProvider = !s.providerInUseElsewhere && providerBlock.every((k, i) => path[i] === k);
    if (!ofProvider && !sameSecret(value, s.secret)) continue;
    const bearer = /^(?:Bearer|Basic)\s+(.+)$/i.exec(value.trim())?.[1];
    places.push({
      view: {
        id: `config:${JSON.stringify(path)}`,
        kind: 'config',
        file: s.configPath,
        name: path.join('.'),
        required: false,
        ...(path.length === 4 && path[0] === 'models' && path[1] === 'providers' && path[3] === 'apiKey' ? { serves: path[2] } : {}),
      },
      values: [value, ...(bearer ? [bearer] : [])],
      target: { kind: 'config', path },
    });
  }
  return places;
}

/**
 * Files whose copies may hold a credential's secret, and which copies are the app's to touch: `openclaw.json`'s and
 * `.env`'s `.bak` (OpenClaw's ring included) and `.corrupt-*` copies, and of the credential store only the
 * `.corrupt-*` copies the app itself made of `auth-profiles.json` / `auth-state.json` (a `.bak` beside a store is
 * OpenClaw's own; OpenClaw 2026.6+'s SQLite stores are private and never copied). The same whatever the backend.
 */
export interface BackupFamily {
  file: string;
  kinds: readonly BackupCopy['kind'][];
}

/** The families of a state dir and of the store files the backend names (`CredentialBackend.copiedFiles`). Pure. */
export function backupFamilies(paths: Pick<OpenClawPaths, 'configPath' | 'envPath'>, stores: readonly string[]): BackupFamily[] {
  return [
    { file: paths.configPath, kinds: ['bak', 'corrupt'] },
    { file: paths.envPath, kinds: ['bak', 'corrupt'] },
    ...stores.map((file) => ({ file, kinds: ['corrupt'] as const })),
  ];
}

/** The backup copies of `families` that hold any of `values`. */
export async function backupPlaces(families: readonly BackupFamily[], values: readonly string[], stateDir: string): Promise<FoundPlace[]> {
  if (!values.length) return [];
  const out: FoundPlace[] = [];
  for (const family of families) {
    for (const copy of await listBackups(family.file)) {
      if (!family.kinds.includes(copy.kind)) continue;
      if (!(await fileHoldsAny(copy.file, values))) continue;
      const rel = copy.file.startsWith(`${stateDir}/`) || copy.file.startsWith(`${stateDir}\\`) ? copy.file.slice(stateDir.length + 1) : copy.file;
      out.push({ view: { id: `backup:${rel}`, kind: 'backup', file: copy.file, required: false }, values: [...values], target: { kind: 'backup', file: copy.file } });
    }
  }
  return out;
}

/** The secret values the chosen places hold (what must not survive in any backup). Pure. */
export function removedValues(places: readonly FoundPlace[]): string[] {
  return [...new Set(places.flatMap((p) => p.values))].filter((v) => v.length > 0);
}
