/**
 * The gateway while OpenClaw's own background service runs it. ClawTray never spawns a second gateway beside it and
 * never signals its process: Start, Stop and Restart run `openclaw gateway start|stop|restart` (with progress in the
 * state and the command's output in the log), the health endpoints and `gateway status --json` tell the state, and
 * OpenClaw's log file is followed. A service that keeps restarting a crashing gateway is reported, not fought.
 */
import { say } from './gateway-machine';
import type { GatewayState } from '../../../shared/contract';
import type { Clock, TimerHandle } from '../clock';
import type { Located } from '../openclaw/locate';
import { CoreError } from '../errors';
import { CRASH_WINDOW_MS } from './backoff';
import { isOpenClawLive, type HealthClient } from './health';
import { LogFileTail } from './log-file-tail';
import type { ServiceAction, ServiceCli } from './service-cli';
import { serviceGaveUp, type ServiceStatus } from './service-status';


/**
 * `GATEWAY` for an `openclaw gateway <action>` that failed (or found no service to act on): the command as a
 * parameter, OpenClaw's own words as data (`details.said`).
 */
export function serviceCommandError(action: ServiceAction, said: string | undefined, missing = false): CoreError {
  const command = `openclaw gateway ${action}`;
  return new CoreError('GATEWAY', missing ? 'errors.gateway.serviceMissing' : 'errors.gateway.serviceCommand', {
    params: { command },
    details: { command, ...(said ? { said } : {}) },
  });
}

/** How often the service's gateway is checked: when healthy, and while it is down or starting. */
export const SERVICE_WATCH = { healthyMs: 10_000, downMs: 2000 };
/** How long a service that was just started may take before its gateway answers (it is `starting` meanwhile). */
export const STARTING_GRACE_MS = 60_000;
/** Restarts by the service within the crash window that count as a crash loop. */
export const SERVICE_LOOP_RESTARTS = 3;

/** What the service view needs. */
export interface ServiceGatewayDeps {
  clock: Clock;
  health: HealthClient;
  cli: ServiceCli;
  port: () => number;
  located: () => Located | undefined;
  logFile: () => Promise<string | undefined>;
  emitState: (s: GatewayState) => void;
  note: (line: string) => void;
  line: (stream: 'stdout' | 'stderr', text: string) => void;
  watch?: { healthyMs: number; downMs: number };
  followMs?: number;
}

/** The service-run gateway's state and controls. Public methods are serialised. */
export class ServiceGateway {
  private current: GatewayState;
  private status: ServiceStatus | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private timer: TimerHandle | undefined;
  private tail: LogFileTail | undefined;
  private active = false;
  private restarts: { at: number; count: number }[] = [];
  /** Until when a service just started (or restarted) counts as starting while its gateway does not answer yet. */
  private startingUntil = 0;
  private failure: ({ reason: 'service-command' | 'service-crash-loop' | 'service-missing' } & Pick<GatewayState, 'message' | 'detail'>) | undefined;

  constructor(private readonly d: ServiceGatewayDeps) {
    this.current = { status: 'stopped', port: d.port(), owned: false, owner: 'service' };
  }

  /** The state shown while the service owns the gateway. */
  state(): GatewayState {
    return this.current;
  }

  /** Reads `gateway status --json`; undefined when OpenClaw is not found or did not answer. */
  async query(): Promise<ServiceStatus | undefined> {
    const located = this.d.located();
    if (!located || located.problem) return undefined;
    const r = await this.d.cli.status();
    if (r.problem) this.d.note(`Could not read OpenClaw's service status: ${r.problem}`);
    return r.status;
  }

  /** Takes over the view with what `status` says; starts watching and following OpenClaw's log file. */
  activate(status: ServiceStatus | undefined): Promise<GatewayState> {
    return this.serial(async () => {
      this.active = true;
      this.restarts = [];
      this.failure = status?.installed || status?.loaded ? undefined : { reason: 'service-missing', ...say('gateway.detail.serviceMissing', { name: this.d.cli.name }) };
      await this.follow();
      return this.check(status);
    });
  }

  /** Stops watching (the app runs the gateway itself again, or quits). Leaves the service alone. */
  deactivate(): void {
    this.active = false;
    if (this.timer) this.d.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.tail?.stop();
    this.tail = undefined;
  }

  /** `openclaw gateway start`. */
  start(): Promise<GatewayState> {
    return this.serial(() => this.run('start', 'starting'));
  }

  /** `openclaw gateway stop` (never a signal to the service's process). */
  stop(): Promise<GatewayState> {
    return this.serial(() => this.run('stop', 'stopping'));
  }

  /** `openclaw gateway restart`. */
  restart(): Promise<GatewayState> {
    return this.serial(() => this.run('restart', 'starting'));
  }

  /** Runs `install`/`uninstall` (Settings' "Who runs the gateway"); true when OpenClaw says it worked. */
  setUp(action: 'install' | 'uninstall'): Promise<{ ok: boolean; message?: string }> {
    return this.serial(async () => {
      const r = await this.command(action);
      return r.message ? { ok: r.ok, message: r.message } : { ok: r.ok };
    });
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async command(action: ServiceAction): Promise<{ ok: boolean; message?: string; result?: string }> {
    this.d.note(`$ openclaw gateway ${action}`);
    const r = await this.d.cli.action(action, this.d.port());
    for (const l of r.output.split('\n')) if (l.trim()) this.d.line(r.ok ? 'stdout' : 'stderr', l);
    this.d.note(r.ok ? `openclaw gateway ${action}: done.` : `openclaw gateway ${action} failed: ${r.message ?? 'no message'}`);
    return { ok: r.ok, ...(r.message ? { message: r.message } : {}), ...(r.result ? { result: r.result } : {}) };
  }

  private async run(action: 'start' | 'stop' | 'restart', busy: 'starting' | 'stopping'): Promise<GatewayState> {
    this.failure = undefined;
    this.restarts = [];
    this.show({ ...this.base(), status: busy, ...say('gateway.detail.serviceRunning', { action }) });
    const r = await this.command(action);
    this.startingUntil = r.ok && action !== 'stop' ? this.d.clock.now() + STARTING_GRACE_MS : 0;
    if (r.result === 'not-loaded') this.failure = { reason: 'service-missing', ...say('gateway.detail.serviceMissing', { name: this.d.cli.name }) };
    else if (!r.ok) this.failure = { reason: 'service-command', ...say('gateway.detail.serviceCommand', { action, said: r.message ?? '' }) };
    const state = await this.check(await this.query());
    // The state stays what the gateway really is; a failed command is the answer to the click, in OpenClaw's words.
    if (!r.ok || r.result === 'not-loaded') throw serviceCommandError(action, r.message, r.result === 'not-loaded');
    return state;
  }

  /** Recomputes the state from a status reading and the health endpoints, and schedules the next check. */
  private async check(status: ServiceStatus | undefined): Promise<GatewayState> {
    if (status) this.status = status;
    const port = this.status?.port ?? this.d.port();
    const live = isOpenClawLive(await this.d.health.get(port, '/healthz'));
    const ready = live && (await this.d.health.get(port, '/readyz')).status === 200;
    if (status?.restarts !== undefined) {
      const now = this.d.clock.now();
      this.restarts = [...this.restarts.filter((r) => now - r.at < CRASH_WINDOW_MS), { at: now, count: status.restarts }];
    }
    const looping = !!status && ((!live && serviceGaveUp(status)) || this.restartsInWindow() >= SERVICE_LOOP_RESTARTS);
    if (looping) this.failure = { reason: 'service-crash-loop', ...this.loopMessage(status!) };
    else if (live && this.failure?.reason === 'service-crash-loop' && this.restartsInWindow() < SERVICE_LOOP_RESTARTS) this.failure = undefined;
    const s = this.base(port);
    if (this.failure && (this.failure.reason === 'service-crash-loop' || !live)) this.show({ ...s, status: 'failed', reason: this.failure.reason, ...(this.failure.message ? { message: this.failure.message } : {}), ...(this.failure.detail ? { detail: this.failure.detail } : {}) });
    else if (ready) this.show({ ...s, status: 'ready', ...(this.status?.pid ? { pid: this.status.pid } : {}) });
    else if (live || this.status?.runtime === 'running' || (this.status?.runtime !== 'stopped' && this.d.clock.now() < this.startingUntil)) this.show({ ...s, status: live ? 'running' : 'starting', ...(this.status?.pid ? { pid: this.status.pid } : {}) });
    else this.show({ ...s, status: 'stopped' });
    this.schedule(ready ? (this.d.watch ?? SERVICE_WATCH).healthyMs : (this.d.watch ?? SERVICE_WATCH).downMs);
    return this.current;
  }

  private restartsInWindow(): number {
    if (this.restarts.length < 2) return 0;
    return this.restarts.at(-1)!.count - this.restarts[0]!.count;
  }

  private loopMessage(s: ServiceStatus): Pick<GatewayState, 'message' | 'detail'> {
    const restarts = s.restarts ?? '?';
    return s.lastExitStatus !== undefined ? say('gateway.detail.serviceLoopCode', { restarts, code: s.lastExitStatus }) : say('gateway.detail.serviceLoop', { restarts });
  }

  private base(port = this.status?.port ?? this.d.port()): GatewayState {
    const located = this.d.located();
    const s: GatewayState = { status: 'stopped', port, owned: false, owner: 'service' };
    if (located) s.installation = located.installation;
    const version = this.status?.version ?? located?.installation.version;
    if (version) s.version = version;
    if (this.current.logFile) s.logFile = this.current.logFile;
    s.service = { name: this.d.cli.name, installed: !!this.status?.installed, loaded: !!this.status?.loaded, ...(this.status?.manager ? { manager: this.status.manager } : {}) };
    return s;
  }

  private show(s: GatewayState): void {
    const changed = JSON.stringify(s) !== JSON.stringify(this.current);
    this.current = s;
    if (changed && this.active) this.d.emitState(s);
  }

  private schedule(ms: number): void {
    if (this.timer) this.d.clock.clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.active) return;
    this.timer = this.d.clock.setTimeout(() => {
      this.timer = undefined;
      void this.serial(async () => {
        if (!this.active) return;
        const port = this.status?.port ?? this.d.port();
        const live = isOpenClawLive(await this.d.health.get(port, '/healthz'));
        await this.check(live && this.current.status === 'ready' ? undefined : await this.query());
      });
    }, ms);
  }

  private async follow(): Promise<void> {
    this.tail?.stop();
    const file = (await this.d.logFile()) ?? this.status?.logFile;
    if (file) this.current = { ...this.current, logFile: file };
    this.tail = new LogFileTail({ clock: this.d.clock, file: () => this.current.logFile, onLine: (t) => this.d.line('stdout', t), ...(this.d.followMs ? { everyMs: this.d.followMs } : {}) });
    await this.tail.start();
  }
}
