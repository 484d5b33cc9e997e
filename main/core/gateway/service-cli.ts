/**
 * Runs `openclaw gateway status|start|stop|restart|install|uninstall --json` through the app's OpenClaw CLI runner
 * (own process group, deadline, the managed gateway's environment), for the state dir and profile the app manages,
 * and reads OpenClaw's answers. A hung `gateway stop` is ended at its deadline and says so.
 */
import path from 'node:path';
import semver from 'semver';
import { CoreError } from '../errors';
import type { OpenClawCli } from '../openclaw/cli';
import { parseServiceAction, parseServiceStatus, serviceName, type ServiceStatus } from './service-status';

/** The service commands the app runs. */
export type ServiceAction = 'start' | 'stop' | 'restart' | 'install' | 'uninstall';

/** Deadlines per command (ms). */
export const SERVICE_TIMEOUTS: Record<ServiceAction | 'status', number> = { status: 30_000, start: 60_000, stop: 60_000, restart: 120_000, install: 120_000, uninstall: 120_000 };

/** Which OpenClaw profile a state dir is (`~/.openclaw-NAME`), if any. Pure. */
export function profileOf(stateDir: string, home: string): string | undefined {
  if (path.resolve(path.dirname(stateDir)) !== path.resolve(home)) return undefined;
  const m = /^\.openclaw-([a-z0-9][a-z0-9_-]{0,63})$/i.exec(path.basename(stateDir));
  return m && m[1]!.toLowerCase() !== 'default' ? m[1] : undefined;
}

/** The argv for one command. `stop` needs `--force` from 2026.6 on (there is no terminal to confirm it). Pure. */
export function serviceArgs(action: ServiceAction | 'status', o: { version?: string | null | undefined; profile?: string | undefined; port?: number }): string[] {
  const v = semver.coerce(o.version ?? '');
  const extra = action === 'stop' && v && semver.gte(v, '2026.6.0') ? ['--force'] : action === 'install' && o.port ? ['--port', String(o.port)] : [];
  return [...(o.profile ? ['--profile', o.profile] : []), 'gateway', action, '--json', ...extra];
}

/** How a service command ended, in words the user can act on. */
export interface ServiceActionResult {
  ok: boolean;
  /** OpenClaw's own message (or ClawTray's when OpenClaw said nothing, e.g. on a timeout). */
  message?: string;
  /** OpenClaw's one-word outcome, e.g. `not-loaded` when there is no service to start. */
  result?: string;
  timedOut?: boolean;
  /** Everything the command printed, for the log. */
  output: string;
}

/** What the service commands need. */
export interface ServiceCliDeps {
  cli: OpenClawCli;
  version: () => string | null | undefined;
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  stateDir: string;
  homeDir: string;
  timeouts?: Partial<Record<ServiceAction | 'status', number>>;
}

/** Runs OpenClaw's service commands for the managed state dir. */
export class ServiceCli {
  constructor(private readonly d: ServiceCliDeps) {}

  /** The OpenClaw profile the managed state dir belongs to. */
  get profile(): string | undefined {
    return profileOf(this.d.stateDir, this.d.env.OPENCLAW_HOME?.trim() || this.d.homeDir);
  }

  /** The service's name on this platform (unit, agent or task). */
  get name(): string {
    return serviceName(this.d.platform, this.profile);
  }

  /** `gateway status --json`, parsed; a reason instead when it could not be read. */
  async status(): Promise<{ status?: ServiceStatus; problem?: string }> {
    const r = await this.run('status');
    if ('problem' in r) return { problem: r.problem };
    if (r.ended === 'timeout') return { problem: `openclaw gateway status did not answer within ${this.timeout('status') / 1000} s.` };
    const status = parseServiceStatus(r.stdout);
    return status ? { status } : { problem: parseServiceAction(r.code, r.stdout, r.stderr).message ?? 'openclaw gateway status printed no status.' };
  }

  /** Runs one service command and reports OpenClaw's answer. */
  async action(action: ServiceAction, port?: number): Promise<ServiceActionResult> {
    const r = await this.run(action, port);
    if ('problem' in r) return { ok: false, output: '', message: r.problem };
    const output = `${r.stdout}${r.stderr}`;
    if (r.ended !== 'exit') {
      const seconds = Math.round(this.timeout(action) / 1000);
      return { ok: false, timedOut: true, output, message: `openclaw gateway ${action} did not finish within ${seconds} s, so ClawTray stopped waiting for it. The service may still be busy: look at the Gateway page again in a moment, or run openclaw gateway status.` };
    }
    return { ...parseServiceAction(r.code, r.stdout, r.stderr), output };
  }

  private timeout(k: ServiceAction | 'status'): number {
    return this.d.timeouts?.[k] ?? SERVICE_TIMEOUTS[k];
  }

  private async run(k: ServiceAction | 'status', port?: number) {
    const args = serviceArgs(k, { version: this.d.version(), profile: this.profile, ...(port ? { port } : {}) });
    try {
      return await this.d.cli.run(args, { timeoutMs: this.timeout(k) });
    } catch (err) {
      return { problem: err instanceof CoreError || err instanceof Error ? err.message : String(err) };
    }
  }
}
