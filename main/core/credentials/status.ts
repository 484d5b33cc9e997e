/**
 * Pure: what the gateway will make of an agent's credentials. From a backend's snapshot (records and order), the
 * config, the environment (process env over `.env`) and the time, computes each profile's status with OpenClaw's
 * semantics (`models status`: `static | ok | expiring | expired | missing`, 24 h warning window) plus
 * `cooldown | disabled` from usage stats, the default model and whether its provider has a usable credential.
 * No I/O, no clock: everything comes in as arguments.
 */
import type { AppErrorShape, AuthStatus, ProfileView } from '../../../shared/contract';
import type { CredentialRecord, CredentialSnapshot } from './backend';
import { hasOwn, setOwn } from '../../../shared/own-keys';
import { expiryStatus, WARN_AFTER_MS } from '../../../shared/profile-status';

/** OpenClaw's warning window, re-exported for the backends and tests that read it from here. */
export { WARN_AFTER_MS };

/** Everything the status depends on. */
export interface StatusInput {
  agentId: string;
  agents: string[];
  /** The agent's credentials and own order, as a backend reported them. */
  credentials: Pick<CredentialSnapshot, 'profiles' | 'order'>;
  config: Record<string, unknown>;
  /** The environment the gateway would see: the process env overriding `.env`. */
  env: Record<string, string | undefined>;
  now: number;
  files: AuthStatus['files'];
  problem?: AppErrorShape;
}

const USABLE = new Set(['static', 'ok', 'expiring']);
const SHOWN_TYPES = new Set(['api_key', 'token', 'oauth']);

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function at(root: unknown, ...keys: string[]): unknown {
  let node = root;
  for (const k of keys) node = isObject(node) && hasOwn(node, k) ? node[k] : undefined;
  return node;
}

const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

/**
 * The provider whose key an environment variable holds, as OpenClaw reads them (`ANTHROPIC_API_KEY`,
 * `OPENCLAW_LIVE_OPENROUTER_KEYS`, `CLOUDFLARE_AI_GATEWAY_API_KEY`, `ANTHROPIC_OAUTH_TOKEN`), else undefined. Pure.
 */
export function envKeyProvider(key: string): string | undefined {
  if (key === 'ANTHROPIC_OAUTH_TOKEN') return 'anthropic';
  const m = /^OPENCLAW_LIVE_([A-Z0-9_]+)_KEYS$|^([A-Z0-9_]+?)_API_KEYS?$/.exec(key);
  return m ? (m[1] ?? m[2]!).toLowerCase().replace(/_/g, '-') : undefined;
}

/** Whether a secret reference resolves: env refs must name a set variable; file/exec refs are trusted. */
function refResolves(secret: CredentialRecord['secret'], env: StatusInput['env']): boolean {
  if (secret.kind !== 'ref' || secret.id === undefined) return false;
  if (secret.source === 'env') return nonEmpty(env[secret.id]);
  return secret.source === 'file' || secret.source === 'exec';
}

function labelOf(secret: CredentialRecord['secret']): string {
  if (secret.kind === 'inline') return secret.masked;
  return secret.kind === 'ref' && secret.id !== undefined ? `${secret.source}:${secret.id}` : '';
}

/**
 * One profile's view, or null for a type the app does not show. `expiresAt` is kept for expired tokens too
 * (OpenClaw drops it) so alerts can name the date.
 */
export function profileView(record: CredentialRecord, input: Pick<StatusInput, 'env' | 'now'>): ProfileView | null {
  if (!SHOWN_TYPES.has(record.type)) return null;
  const { id, secret } = record;
  const colon = id.indexOf(':');
  const view: ProfileView = {
    id,
    provider: record.provider,
    name: colon >= 0 ? id.slice(colon + 1) : id,
    type: record.type as ProfileView['type'],
    label: labelOf(secret),
    status: 'static',
    source: secret.kind === 'ref' ? 'ref' : 'store',
  };
  if (record.source !== 'own') view.origin = record.source;
  if (nonEmpty(record.email)) view.email = record.email;
  if (nonEmpty(record.displayName)) view.displayName = record.displayName;
  if (record.metadata && Object.keys(record.metadata).length) view.metadata = { ...record.metadata };
  const reported = record.reported?.status;
  if (secret.kind !== 'inline' && !refResolves(secret, input.env)) view.status = 'missing';
  else if (record.type === 'token' && record.expires !== undefined) Object.assign(view, expiryStatus(record.expires, input.now, WARN_AFTER_MS));
  else if (record.type === 'oauth' && (record.expires !== undefined || reported !== 'expired')) Object.assign(view, expiryStatus(record.expires, input.now, WARN_AFTER_MS));
  else if (reported === 'expired') view.status = 'expired';
  if (USABLE.has(view.status)) {
    const { disabledUntil, disabledReason, cooldownUntil, cooldownReason } = record.usage ?? {};
    if (typeof disabledUntil === 'number' && disabledUntil > input.now) {
      Object.assign(view, { status: 'disabled', until: disabledUntil });
      if (nonEmpty(disabledReason)) view.reason = disabledReason;
    } else if (typeof cooldownUntil === 'number' && cooldownUntil > input.now) {
      Object.assign(view, { status: 'cooldown', until: cooldownUntil });
      if (nonEmpty(cooldownReason)) view.reason = cooldownReason;
    } else if (!record.usage && (reported === 'cooldown' || reported === 'disabled')) {
      view.status = reported;
      if (nonEmpty(record.reported?.reason)) view.reason = record.reported.reason;
    }
  }
  return view;
}

/** A model setting is a string or `{ primary, fallbacks }`. */
function modelSetting(v: unknown): { primary: string | null; fallbacks: string[] } {
  if (nonEmpty(v)) return { primary: v.trim(), fallbacks: [] };
  const primary = at(v, 'primary');
  const fallbacks = at(v, 'fallbacks');
  return {
    primary: nonEmpty(primary) ? primary.trim() : null,
    fallbacks: Array.isArray(fallbacks) ? fallbacks.filter(nonEmpty) : [],
  };
}

/** The agent's model: its own entry in `agents.list` (or `agents.entries`) first, else `agents.defaults.model`. */
export function resolveAgentModel(config: Record<string, unknown>, agentId: string): { primary: string | null; fallbacks: string[] } {
  const list = at(config, 'agents', 'list');
  const own = Array.isArray(list) ? list.find((a) => at(a, 'id') === agentId) : at(config, 'agents', 'entries', agentId);
  const mine = modelSetting(at(own, 'model'));
  return mine.primary ? mine : modelSetting(at(config, 'agents', 'defaults', 'model'));
}

const providerOf = (ref: string) => (ref.includes('/') ? ref.slice(0, ref.indexOf('/')) : null);

/** The models the config knows about: provider blocks and `agents.defaults.models`, plus the default model. */
function configuredModels(config: Record<string, unknown>, extra: (string | null)[]): AuthStatus['models'] {
  const out = new Map<string, AuthStatus['models'][number]>();
  const providers = at(config, 'models', 'providers');
  if (isObject(providers)) {
    for (const [provider, block] of Object.entries(providers)) {
      const models = at(block, 'models');
      if (!Array.isArray(models)) continue;
      for (const m of models) {
        const id = at(m, 'id');
        const name = at(m, 'name');
        if (nonEmpty(id)) out.set(`${provider}/${id}`, { ref: `${provider}/${id}`, provider, ...(nonEmpty(name) ? { name } : {}) });
      }
    }
  }
  const listed = at(config, 'agents', 'defaults', 'models');
  for (const ref of [...(isObject(listed) ? Object.keys(listed) : []), ...extra]) {
    const provider = ref ? providerOf(ref) : null;
    if (ref && provider && !out.has(ref)) out.set(ref, { ref, provider });
  }
  return [...out.values()];
}

/** The providers `models.providers` configures. */
function providerIds(config: Record<string, unknown>): string[] {
  const providers = at(config, 'models', 'providers');
  return isObject(providers) ? Object.keys(providers) : [];
}

/** The whole status of one agent. Profiles are sorted by provider then id, as OpenClaw lists them. */
export function computeAuthStatus(input: StatusInput): AuthStatus {
  const profiles = input.credentials.profiles
    .map((record) => profileView(record, input))
    .filter((v): v is ProfileView => v !== null)
    .sort((a, b) => a.provider.localeCompare(b.provider) || a.id.localeCompare(b.id));
  const envProviders = new Set<string>();
  for (const [key, value] of Object.entries(input.env)) {
    const provider = envKeyProvider(key);
    if (provider && nonEmpty(value)) envProviders.add(provider);
  }
  const configKey = (provider: string) => nonEmpty(at(input.config, 'models', 'providers', provider, 'apiKey'));
  const usable = (provider: string) =>
    profiles.some((p) => p.provider === provider && USABLE.has(p.status)) || envProviders.has(provider) || configKey(provider);
  const model = resolveAgentModel(input.config, input.agentId);
  const inUse = [...new Set([model.primary, ...model.fallbacks].map((m) => (m ? providerOf(m) : null)).filter((p): p is string => !!p))];
  const order: Record<string, string[]> = {};
  const configOrder = at(input.config, 'auth', 'order');
  if (isObject(configOrder)) for (const [p, ids] of Object.entries(configOrder)) if (Array.isArray(ids)) setOwn(order, p, ids.filter(nonEmpty));
  for (const [p, ids] of Object.entries(input.credentials.order)) setOwn(order, p, ids);
  const defaultProvider = model.primary ? providerOf(model.primary) : null;
  const status: AuthStatus = {
    agentId: input.agentId,
    agents: input.agents,
    profiles,
    order,
    defaultModel: model.primary,
    defaultProvider,
    defaultModelUsable: defaultProvider ? usable(defaultProvider) : false,
    missingProvidersInUse: inUse.filter((p) => !usable(p)),
    envProviders: [...envProviders].sort(),
    configKeyProviders: providerIds(input.config).filter(configKey).sort(),
    models: configuredModels(input.config, [model.primary]),
    files: input.files,
    computedAt: input.now,
  };
  if (input.problem) status.problem = input.problem;
  return status;
}
