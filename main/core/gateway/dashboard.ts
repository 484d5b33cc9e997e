/**
 * OpenClaw's own dashboard (its Control UI), served by the gateway on the gateway's port. The address is built the
 * way `openclaw dashboard` builds it in both reference versions (2026.5.28 `commands/dashboard.ts`, 2026.9.6
 * `commands/control-ui-handoff.ts`): `http://127.0.0.1:<port><basePath>/`, with the gateway token in the fragment
 * (`#token=<token>`, never in the query, so it reaches no server log) unless the token is a SecretRef. 2026.9.6's CLI
 * opens a one-time pairing link instead, minted in its private device store; its Control UI still accepts
 * `#token=` on loopback, which is what the app uses for both versions (no private file written, no 10 s CLI run).
 */
import { CoreError } from '../errors';
import { readConfig, valueAt } from '../openclaw/config-file';

/** What the dashboard address is built from. */
export interface DashboardTarget {
  port: number;
  /** `gateway.controlUi.basePath`, as written in the config (normalised here). */
  basePath?: string | undefined;
  /** The gateway token, when it may travel in the address. */
  token?: string | undefined;
}

/** OpenClaw's `normalizeControlUiBasePath`: leading slash, no trailing slash, "" for the root. */
export function normalizeBasePath(basePath: string | undefined): string {
  let normalized = basePath?.trim() ?? '';
  if (!normalized) return '';
  if (!normalized.startsWith('/')) normalized = `/${normalized}`;
  if (normalized === '/') return '';
  return normalized.endsWith('/') ? normalized.slice(0, -1) : normalized;
}

/** The dashboard's address on loopback, with the token in the fragment when there is one. Pure. */
export function dashboardUrl(target: DashboardTarget): string {
  const base = normalizeBasePath(target.basePath);
  const url = `http://127.0.0.1:${target.port}${base ? `${base}/` : '/'}`;
  return target.token ? `${url}#token=${encodeURIComponent(target.token)}` : url;
}

/**
 * Reads the token and base path from `openclaw.json` (falling back to `OPENCLAW_GATEWAY_TOKEN`, as OpenClaw does).
 * A token given as a SecretRef object is not put in the address, as OpenClaw's own command does not either.
 */
export async function readDashboardTarget(configPath: string, port: number, env: Record<string, string | undefined>): Promise<DashboardTarget> {
  let config: unknown = {};
  try {
    config = (await readConfig(configPath)).config;
  } catch {
    // An unreadable config still has a dashboard; the page asks for the token itself.
  }
  const token = valueAt(config, ['gateway', 'auth', 'token']);
  const basePath = valueAt(config, ['gateway', 'controlUi', 'basePath']);
  const fromConfig = typeof token === 'string' && token.trim() ? token.trim() : undefined;
  const isRef = token !== undefined && typeof token !== 'string';
  const fromEnv = env.OPENCLAW_GATEWAY_TOKEN?.trim() || undefined;
  return { port, basePath: typeof basePath === 'string' ? basePath : undefined, token: isRef ? undefined : (fromConfig ?? fromEnv) };
}

/** Gateway states in which the dashboard answers: a live gateway, the app's or someone else's. */
export const DASHBOARD_STATES: ReadonlySet<string> = new Set(['running', 'ready', 'external']);

/** Refuses when no gateway answers: the button is only offered while one does, but a state can change under it. */
export function assertDashboardAvailable(status: string): void {
  if (!DASHBOARD_STATES.has(status)) throw new CoreError('GATEWAY', 'errors.gateway.dashboardUnavailable');
}
