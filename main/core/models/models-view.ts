/**
 * Pure: the models panel of one agent. From its credential status (profiles with their statuses, cooldowns and
 * order), `openclaw.json` (default, fallbacks, image model, aliases, per-agent models, provider keys) and the
 * environment (`.env` and the gateway's own), computes one row per model in use with the credential OpenClaw will
 * actually use, its state and the action that fixes it, and the headline `openclaw models status --check` gives.
 * The headline follows the installed OpenClaw's rule (see `HeadlineRules`). No I/O, no clock.
 */
import type { AuthStatus, ModelCredential, ModelRow, ModelRowState, ModelsView, ProfileView } from '../../../shared/contract';
import { hasOwn } from '../../../shared/own-keys';
import { expiryStatus, nextStatusChange } from '../../../shared/profile-status';
import { agentModels, providerOfRef } from './agent-models';

/**
 * How `models status --check` sums up, which changed between OpenClaw versions:
 * - `provider-health` (up to 2026.5): per provider in use, every profile in its effective order counts (a provider
 *   with an expired token is `missing` even beside a good key; one with an expiring token is `expiring`), unless a
 *   key from the environment or config serves it; a profile in cooldown still counts as usable.
 * - `selected-credential` (2026.6+): per model in use, only the credential OpenClaw selects counts (the first usable
 *   profile after order and cooldowns, else the environment); no usable one, cooldowns included, is `missing`.
 */
export type HeadlineRules = 'provider-health' | 'selected-credential';

/** The headline rule of an OpenClaw version (`null`: none found, today's rule). */
export function headlineRulesFor(version: string | null | undefined): HeadlineRules {
  const m = /^(\d+)\.(\d+)/.exec(version ?? '');
  if (!m) return 'selected-credential';
  const [year, month] = [Number(m[1]), Number(m[2])];
  return year < 2026 || (year === 2026 && month <= 5) ? 'provider-health' : 'selected-credential';
}

/** Everything the view depends on. */
export interface ModelsViewInput {
  status: Pick<AuthStatus, 'agentId' | 'profiles' | 'order' | 'models'>;
  config: Record<string, unknown>;
  /** `$STATE/.env` as parsed. */
  envFile: Record<string, string>;
  /** The environment the gateway gets from the app (it wins over `.env`). */
  processEnv: Record<string, string | undefined>;
  rules: HeadlineRules;
  now: number;
}

const USABLE = new Set<ProfileView['status']>(['static', 'ok', 'expiring']);
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

/** The variables OpenClaw reads a provider's key from, in its order. */
export function envVarsFor(provider: string): string[] {
  const up = provider.toUpperCase().replace(/[^A-Z0-9]/g, '_');
  return [...(provider === 'anthropic' ? ['ANTHROPIC_OAUTH_TOKEN'] : []), `${up}_API_KEY`, `${up}_API_KEYS`, `OPENCLAW_LIVE_${up}_KEYS`];
}

function envCredential(provider: string, input: ModelsViewInput): ModelCredential | null {
  for (const envVar of envVarsFor(provider)) {
    if (nonEmpty(input.processEnv[envVar])) return { kind: 'env', envVar, from: 'environment' };
    if (hasOwn(input.envFile, envVar) && nonEmpty(input.envFile[envVar])) return { kind: 'env', envVar, from: 'env-file' };
  }
  return null;
}

function configKey(provider: string, config: Record<string, unknown>): boolean {
  const providers = (config.models as Record<string, unknown> | undefined)?.providers as Record<string, unknown> | undefined;
  const block = providers && hasOwn(providers, provider) ? providers[provider] : undefined;
  return typeof block === 'object' && block !== null && nonEmpty((block as Record<string, unknown>).apiKey);
}

/**
 * A provider's profiles in the order OpenClaw tries them: its explicit order when there is one (only the ids named;
 * an empty list means none), else every profile; those in cooldown or disabled go last.
 */
export function effectiveProfiles(provider: string, status: ModelsViewInput['status']): ProfileView[] {
  const mine = status.profiles.filter((p) => p.provider === provider);
  const explicit = hasOwn(status.order, provider) ? status.order[provider] : undefined;
  const ordered = explicit ? explicit.map((id) => mine.find((p) => p.id === id)).filter((p): p is ProfileView => !!p) : mine;
  const resting = (p: ProfileView) => p.status === 'cooldown' || p.status === 'disabled';
  return [...ordered.filter((p) => !resting(p)), ...ordered.filter(resting)];
}

/** The state a token would have without its cooldown (a cooldown hides the expiry state). */
function expiryState(p: ProfileView, now: number): ProfileView['status'] {
  if ((p.type === 'token' || p.type === 'oauth') && p.expiresAt !== undefined) return expiryStatus(p.expiresAt, now).status;
  return p.status === 'cooldown' || p.status === 'disabled' ? 'static' : p.status;
}

type Use = { role: ModelRow['role']; position: number; ref: string };

function modelRow(use: Use, input: ModelsViewInput): ModelRow {
  const provider = providerOfRef(use.ref);
  const profiles = effectiveProfiles(provider, input.status);
  const chosen = profiles.find((p) => USABLE.has(p.status));
  const skipped = profiles
    .filter((p) => !USABLE.has(p.status))
    .map((p) => ({ profileId: p.id, status: p.status, ...(p.until !== undefined ? { until: p.until } : {}), ...(p.reason ? { reason: p.reason } : {}) }));
  const name = input.status.models.find((m) => m.ref === use.ref)?.name;
  const base = { ...use, provider, ...(name ? { name } : {}), skipped };
  if (chosen) {
    const credential: ModelCredential = { kind: 'profile', profileId: chosen.id, label: chosen.label, type: chosen.type };
    const expiring = chosen.status === 'expiring';
    return {
      ...base,
      credential,
      state: expiring ? 'expiring' : 'ready',
      ...(chosen.expiresAt !== undefined ? { expiresAt: chosen.expiresAt } : {}),
      action: expiring ? 'renew' : 'none',
      ...(expiring ? { actionProfileId: chosen.id } : {}),
    };
  }
  const direct = envCredential(provider, input) ?? (configKey(provider, input.config) ? ({ kind: 'config' } as const) : null);
  if (direct) return { ...base, credential: direct, state: 'ready', action: 'none' };
  const none = { ...base, credential: { kind: 'none' } as const };
  const resting = profiles.filter((p) => (p.status === 'cooldown' || p.status === 'disabled') && p.until !== undefined);
  if (resting.length) {
    const first = resting.reduce((a, b) => (b.until! < a.until! ? b : a));
    const state: ModelRowState = resting.some((p) => p.status === 'cooldown') ? 'cooldown' : 'disabled';
    return { ...none, state, until: first.until!, ...(first.reason ? { reason: first.reason } : {}), action: 'wait-or-next' };
  }
  const expired = profiles.find((p) => p.status === 'expired');
  if (expired) return { ...none, state: 'expired', ...(expired.expiresAt !== undefined ? { expiresAt: expired.expiresAt } : {}), action: 'renew', actionProfileId: expired.id };
  return { ...none, state: 'missing', action: 'add-credential' };
}

/** `--check`'s exit code for the rows under OpenClaw 2026.6+'s rule: the selected credential of each model. */
function selectedCredentialExit(rows: ModelRow[]): 0 | 1 | 2 {
  if (rows.some((r) => r.state !== 'ready' && r.state !== 'expiring')) return 1;
  return rows.some((r) => r.state === 'expiring') ? 2 : 0;
}

/** `--check`'s exit code under OpenClaw 2026.5's rule: the health of every provider in use. */
function providerHealthExit(rows: ModelRow[], input: ModelsViewInput): 0 | 1 | 2 {
  let exit: 0 | 1 | 2 = 0;
  for (const provider of new Set(rows.map((r) => r.provider))) {
    const direct = envCredential(provider, input) !== null || configKey(provider, input.config);
    const states = effectiveProfiles(provider, input.status).map((p) => (p.type === 'api_key' ? 'static' : expiryState(p, input.now)));
    if (!direct && !states.some((s) => s !== 'expired' && s !== 'missing')) return 1;
    if (direct) continue;
    if (states.some((s) => s === 'expired' || s === 'missing')) return 1;
    if (states.includes('expiring')) exit = 2;
  }
  return exit;
}

const HEADLINE = { 0: 'ready', 1: 'missing', 2: 'expiring' } as const;

/** The models view of one agent at `now`. */
export function computeModelsView(input: ModelsViewInput): ModelsView {
  const models = agentModels(input.config, input.status.agentId);
  const uses: Use[] = [
    ...(models.primary ? [{ role: 'default' as const, position: 0, ref: models.primary }] : []),
    ...models.fallbacks.map((ref, position) => ({ role: 'fallback' as const, position, ref })),
    ...(models.image ? [{ role: 'image' as const, position: 0, ref: models.image }] : []),
    ...models.imageFallbacks.map((ref, position) => ({ role: 'image-fallback' as const, position, ref })),
  ];
  const rows = uses.map((use) => modelRow(use, input));
  const checkExit = input.rules === 'provider-health' ? providerHealthExit(rows, input) : selectedCredentialExit(rows);
  const inUse = new Set(rows.map((r) => r.provider));
  const changes = input.status.profiles
    .filter((p) => inUse.has(p.provider))
    .map((p) => nextStatusChange(p, input.now))
    .filter((t): t is number => t !== null);
  return {
    agentId: input.status.agentId,
    inheritsDefault: models.inheritsDefault,
    rows,
    headline: HEADLINE[checkExit],
    checkExit,
    ...(changes.length ? { nextChangeAt: Math.min(...changes) } : {}),
    computedAt: input.now,
  };
}
