/**
 * How the status panel lists credentials: grouped by provider, each group in the order OpenClaw tries them
 * (`order[provider]` first, then the rest as listed), with moves up and down producing the new order to save.
 * Also decides whether the user already has a credential the gateway can use (the wizard's trigger).
 */
import type { AuthStatus, ProfileView, SecretPlace } from '../../../shared/contract';

/** One provider's credentials, in the order OpenClaw tries them. */
export interface ProviderGroup {
  provider: string;
  profiles: ProfileView[];
}

/** Groups profiles by provider (groups sorted by provider id), honouring the explicit order where there is one. */
export function groupByProvider(profiles: readonly ProfileView[], order: Readonly<Record<string, readonly string[]>>): ProviderGroup[] {
  const byProvider = new Map<string, ProfileView[]>();
  for (const p of profiles) {
    const list = byProvider.get(p.provider) ?? [];
    list.push(p);
    byProvider.set(p.provider, list);
  }
  return [...byProvider.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([provider, list]) => {
      const explicit = order[provider] ?? [];
      const rank = new Map<string, number>();
      list.forEach((p, i) => rank.set(p.id, explicit.length + i));
      for (let i = explicit.length - 1; i >= 0; i--) if (rank.has(explicit[i]!)) rank.set(explicit[i]!, i);
      return { provider, profiles: [...list].sort((a, b) => rank.get(a.id)! - rank.get(b.id)!) };
    });
}

/** The group's order after moving `profileId` one place up (-1) or down (+1); null when it cannot move. */
export function moveInOrder(ids: readonly string[], profileId: string, direction: -1 | 1): string[] | null {
  const i = ids.indexOf(profileId);
  const j = i + direction;
  if (i === -1 || j < 0 || j >= ids.length) return null;
  const next = [...ids];
  [next[i], next[j]] = [next[j]!, next[i]!];
  return next;
}

const USABLE = new Set<ProfileView['status']>(['static', 'ok', 'expiring', 'cooldown']);

/** True when some credential (in the store or in `.env`) can serve requests now or after a cooldown. */
export function hasUsableCredential(status: Pick<AuthStatus, 'profiles' | 'envProviders'> | null): boolean {
  if (!status) return false;
  return status.envProviders.length > 0 || status.profiles.some((p) => USABLE.has(p.status));
}

/**
 * The default model that removing `profileId` would leave without any credential it can use (requests to it would
 * stop working), or null: the profile serves the default model's provider, can serve requests (now or after a
 * cooldown), and nothing else can (another usable profile of that provider, a key in `.env` or the environment, or
 * the provider's own key in `openclaw.json`).
 */
export function modelLeftWithout(status: Pick<AuthStatus, 'profiles' | 'envProviders' | 'configKeyProviders' | 'defaultModel' | 'defaultProvider'>, profileId: string): string | null {
  const { defaultModel, defaultProvider: provider } = status;
  const profile = status.profiles.find((p) => p.id === profileId);
  if (!defaultModel || !provider || !profile || profile.provider !== provider || !USABLE.has(profile.status)) return null;
  if (status.envProviders.includes(provider) || status.configKeyProviders?.includes(provider)) return null;
  return status.profiles.some((p) => p.id !== profileId && p.provider === provider && USABLE.has(p.status)) ? null : defaultModel;
}

/**
 * The status as it will be once the ticked places of a removal are cleared too: a provider a cleared `.env` variable
 * or config key served is no longer counted as served by it (it may still be served by another one the window
 * cannot see; the warning errs on the side of saying so).
 */
export function withoutCleared<S extends Pick<AuthStatus, 'envProviders' | 'configKeyProviders'>>(status: S, cleared: readonly Pick<SecretPlace, 'kind' | 'serves'>[]): S {
  const gone = (kind: SecretPlace['kind']) => new Set(cleared.filter((p) => p.kind === kind && p.serves).map((p) => p.serves!));
  const env = gone('env');
  const config = gone('config');
  return { ...status, envProviders: status.envProviders.filter((p) => !env.has(p)), ...(status.configKeyProviders ? { configKeyProviders: status.configKeyProviders.filter((p) => !config.has(p)) } : {}) };
}

/** Statuses that show a countdown and a bar of the time left. */
export function showsExpiry(profile: Pick<ProfileView, 'status' | 'expiresAt'>): boolean {
  return profile.expiresAt !== undefined && (profile.status === 'ok' || profile.status === 'expiring' || profile.status === 'expired');
}

const DAY = 86_400_000;

/** The expiry bar's scale: 0 (expired) to 1 (30 days or more left), with breakpoints at the alert thresholds. */
export interface ExpiryScale {
  value: number;
  /** Where the smallest threshold sits (below it the bar reads as urgent). */
  low: number;
  /** Where the largest threshold sits (below it the bar reads as a warning). */
  high: number;
}

/**
 * Places the time left on a bar whose segments are the spans between alert thresholds (0, 1 h, 24 h, 7 days,
 * 30 days by default), each the same width, linear inside. The bar drains steadily and visibly in every warning
 * period instead of being a sliver for anything under a few days.
 */
export function expiryScale(remainingMs: number, thresholdsMs: readonly number[]): ExpiryScale {
  const points = [...new Set([0, ...thresholdsMs.filter((t) => t > 0)])].sort((a, b) => a - b);
  if (points[points.length - 1]! < 30 * DAY) points.push(30 * DAY);
  const steps = points.length - 1;
  const at = (ms: number): number => {
    if (ms <= 0) return 0;
    for (let i = 0; i < steps; i++) {
      const [a, b] = [points[i]!, points[i + 1]!];
      if (ms <= b) return (i + (ms - a) / (b - a)) / steps;
    }
    return 1;
  };
  const thresholds = points.filter((p) => p > 0 && thresholdsMs.includes(p));
  return { value: at(remainingMs), low: at(thresholds[0] ?? DAY), high: at(thresholds[thresholds.length - 1] ?? 7 * DAY) };
}

/** From the most to the least urgent: the state a collapsed group shows for all its credentials. */
const URGENCY: readonly ProfileView['status'][] = ['expired', 'missing', 'disabled', 'expiring', 'cooldown', 'ok', 'static'];

/** How many of a group's credentials are in each state, most urgent first, and the most urgent one. */
export interface GroupSummary {
  worst: ProfileView['status'];
  counts: { status: ProfileView['status']; count: number }[];
}

/** Counts a group's credentials per state (only the states present), most urgent first. */
export function summarizeGroup(profiles: readonly Pick<ProfileView, 'status'>[]): GroupSummary {
  const counts = new Map<ProfileView['status'], number>();
  for (const p of profiles) counts.set(p.status, (counts.get(p.status) ?? 0) + 1);
  const present = URGENCY.filter((s) => counts.has(s)).map((status) => ({ status, count: counts.get(status)! }));
  return { worst: present[0]?.status ?? 'static', counts: present };
}

/**
 * The credentials whose profile id, provider (id or display name), masked label or e-mail contains every word of
 * `query` (case-insensitive); all of them for a blank query.
 */
export function filterProfiles<P extends Pick<ProfileView, 'id' | 'provider' | 'label' | 'email'>>(profiles: readonly P[], query: string, providerName: (id: string) => string): P[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...profiles];
  return profiles.filter((p) => {
    const text = `${p.id} ${p.provider} ${providerName(p.provider)} ${p.label} ${p.email ?? ''}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}
