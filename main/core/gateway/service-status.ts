/**
 * OpenClaw's own background service (launchd `ai.openclaw.gateway`, systemd user unit `openclaw-gateway.service`,
 * Windows task `OpenClaw Gateway`), as `openclaw gateway status --json` reports it (2026.5.28 and 2026.9.6 shapes),
 * and the service's names per platform and profile (OpenClaw's `daemon/constants`). Pure.
 */

/** What the app needs from `gateway status --json`. */
export interface ServiceStatus {
  /** The service is set up (a unit, agent or task exists). */
  installed: boolean;
  /** The service manager has it loaded/enabled (it starts at login and is kept running). */
  loaded: boolean;
  /** How OpenClaw names the manager ("systemd user", "LaunchAgent", ...). */
  manager?: string;
  runtime: 'running' | 'stopped' | 'unknown';
  pid?: number;
  /** The manager's own words: state/substate (e.g. `activating`/`auto-restart`) and restarts so far. */
  state?: string;
  subState?: string;
  restarts?: number;
  lastExitStatus?: number;
  detail?: string;
  port?: number;
  logFile?: string;
  version?: string;
  rpcOk: boolean;
}

const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);
const int = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) ? v : undefined);

/** The first JSON object in a CLI's stdout (OpenClaw may print warnings around it); undefined when there is none. */
export function parseJsonOutput(stdout: string): Record<string, unknown> | undefined {
  const start = stdout.indexOf('{');
  const end = stdout.lastIndexOf('}');
  if (start === -1 || end < start) return undefined;
  try {
    const v: unknown = JSON.parse(stdout.slice(start, end + 1));
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Parses `openclaw gateway status --json` output; undefined when it is not that JSON. */
export function parseServiceStatus(stdout: string): ServiceStatus | undefined {
  const o = parseJsonOutput(stdout);
  if (!o || !('service' in o)) return undefined;
  const service = obj(o.service);
  const runtime = obj(service.runtime);
  const systemd = obj(runtime.systemd);
  const loaded = service.loaded === true;
  const status = runtime.status === 'running' || runtime.status === 'stopped' ? runtime.status : 'unknown';
  const installed = loaded || (service.command !== null && service.command !== undefined) || runtime.missingUnit === false;
  const out: ServiceStatus = { installed, loaded, runtime: status, rpcOk: obj(o.rpc).ok === true };
  const set = <K extends keyof ServiceStatus>(k: K, v: ServiceStatus[K] | undefined) => {
    if (v !== undefined) out[k] = v;
  };
  set('manager', str(service.label));
  set('pid', int(runtime.pid));
  set('state', str(runtime.state));
  set('subState', str(runtime.subState));
  set('restarts', int(systemd.nRestarts) ?? int(runtime.restarts));
  set('lastExitStatus', int(runtime.lastExitStatus));
  set('detail', str(runtime.detail));
  set('port', int(obj(o.gateway).port) ?? int(obj(o.port).port));
  set('logFile', str(o.logFile));
  set('version', str(obj(o.cli).version));
  return out;
}

/**
 * A service manager that gave up on a crashing gateway (systemd's `failed` after its start limit). A service still
 * restarting it is told by its restart count growing between readings (see service-gateway.ts). Pure.
 */
export function serviceGaveUp(s: ServiceStatus): boolean {
  return s.state === 'failed';
}

/** The name of OpenClaw's service for a profile on a platform, as OpenClaw itself derives it. Pure. */
export function serviceName(platform: NodeJS.Platform, profile: string | undefined): string {
  const p = profile?.trim() && profile.trim().toLowerCase() !== 'default' ? profile.trim() : undefined;
  if (platform === 'darwin') return p ? `ai.openclaw.${p}` : 'ai.openclaw.gateway';
  if (platform === 'win32') return p ? `OpenClaw Gateway (${p})` : 'OpenClaw Gateway';
  return p ? `openclaw-gateway-${p}.service` : 'openclaw-gateway.service';
}

/** What kind of thing the service is on a platform (for the confirmation text). Pure. */
export function serviceKind(platform: NodeJS.Platform): 'launchd' | 'systemd' | 'schtasks' {
  return platform === 'darwin' ? 'launchd' : platform === 'win32' ? 'schtasks' : 'systemd';
}

/** The outcome of `openclaw gateway start|stop|restart|install|uninstall --json`: ok, and OpenClaw's own message. Pure. */
export function parseServiceAction(code: number | null, stdout: string, stderr: string): { ok: boolean; message?: string; result?: string } {
  const o = parseJsonOutput(stdout);
  const error = o?.error;
  const message = str(error) ?? str(obj(error).message) ?? str(o?.message);
  const ok = code === 0 && o?.ok !== false;
  const fallback = stderr.trim().split('\n').filter(Boolean).slice(-3).join(' ') || undefined;
  const out: { ok: boolean; message?: string; result?: string } = { ok };
  const m = message ?? (ok ? undefined : fallback);
  if (m) out.message = m;
  if (str(o?.result)) out.result = str(o?.result)!;
  return out;
}
