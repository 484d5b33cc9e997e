/**
 * Runs one OpenClaw gateway for the app: attach to an external one, refuse a port someone else holds, spawn
 * `openclaw gateway run` in its own process group, watch it become live and ready, restart it after crashes,
 * and stop the whole tree. Decisions live in `gateway-machine.ts`; this file does the I/O and feeds it events.
 */
import fs from 'node:fs';
import type { GatewayState, LogLine } from '../../../shared/contract';
import type { Clock, TimerHandle } from '../clock';
import { DEFAULT_HEALTH_CADENCE, DEFAULT_PROBE_BACKOFF, healthCheckDelayMs, probeDelayMs, type HealthCadence, type ProbeBackoff } from './backoff';
import { hasChild, initialMachine, transition, type Machine, type MachineEvent } from './gateway-machine';
import type { GatewayConfigInfo } from './gateway-config';
import { isOpenClawLive, versionFromStartupz, type HealthClient } from './health';
import type { Located } from './locate';
import { GatewayLog } from './log-buffer';
import { findPortHolder, isPortFree, type PortHolder } from './port-holder';
import { detachGateway, gatewayArgs, killLeftovers, launchGateway, stopGateway, type GatewayProcess } from './gateway-process';

/** Everything the supervisor needs from the outside; tests pass their own. */
export interface SupervisorDeps {
  clock: Clock;
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  stateDir: string;
  configPath: string;
  /** Read at each start, so settings changes apply without rebuilding anything. */
  options: () => { port: number; stopGraceMs: number };
  locate: () => Promise<Located>;
  ensureConfig: () => Promise<GatewayConfigInfo>;
  health: HealthClient;
  emitState: (state: GatewayState) => void;
  emitLog: (lines: LogLine[]) => void;
  secrets?: () => string[];
  logCapacity?: number;
  probe?: ProbeBackoff;
  cadence?: HealthCadence;
}

/** The gateway supervisor. All public methods are serialised: a stop waits for a start in flight, and so on. */
export class GatewaySupervisor {
  private machine: Machine;
  private readonly log: GatewayLog;
  private queue: Promise<unknown> = Promise.resolve();
  private run: GatewayProcess | undefined;
  /** Bumped whenever probes or timers of an earlier phase must stop acting. */
  private epoch = 0;
  private timer: TimerHandle | undefined;
  private restartTimer: TimerHandle | undefined;
  private gatewayToken: string | undefined;
  private located: Located | undefined;
  private disposed = false;
  /** The epoch whose startup probe is in flight (-1: none), whether output asked for another, and the backoff step. */
  private probingEpoch = -1;
  private nudged = false;
  private probeAttempt = 0;

  constructor(private readonly d: SupervisorDeps) {
    this.machine = initialMachine(d.options().port);
    this.log = new GatewayLog({
      clock: d.clock,
      emit: d.emitLog,
      secrets: () => [...(this.gatewayToken ? [this.gatewayToken] : []), ...(d.secrets?.() ?? [])],
      ...(d.logCapacity ? { capacity: d.logCapacity } : {}),
    });
  }

  /** The current state. */
  state(): GatewayState {
    return this.machine.state;
  }

  /** The newest log lines and OpenClaw's own log file. */
  logs(limit?: number): { lines: LogLine[]; logFile?: string } {
    const lines = this.log.tail(limit);
    return this.machine.state.logFile ? { lines, logFile: this.machine.state.logFile } : { lines };
  }

  /** Adds a line of the app's own to the gateway log (install progress, notes). */
  note(line: string): void {
    this.log.note(line);
  }

  /**
   * Re-reads where OpenClaw is and whether a gateway already answers on the port (shown as external), without
   * starting anything: at app start, after an install, on settings changes.
   */
  refresh(): Promise<GatewayState> {
    return this.serial(async () => {
      this.located = undefined;
      if (hasChild(this.machine) || this.machine.state.status === 'external') return this.state();
      await this.locate();
      if (!this.disposed) {
        this.apply({ type: 'port', port: this.d.options().port });
        await this.attachExternal(this.machine.state.port);
      }
      return this.state();
    });
  }

  /** Starts (or attaches to) the gateway; a no-op while one is already up. */
  start(): Promise<GatewayState> {
    return this.serial(() => this.doStart(true));
  }

  /** Stops a gateway the app started (an external one is never touched). Safe to call twice. */
  stop(): Promise<GatewayState> {
    return this.serial(() => this.doStop());
  }

  /** Stop, then start. */
  restart(): Promise<GatewayState> {
    return this.serial(async () => {
      await this.doStop();
      return this.doStart(true);
    });
  }

  /** Stops the app's gateway unless `keepRunning`; then releases timers and streams. Never touches an external one. */
  dispose(keepRunning: boolean): Promise<void> {
    return this.serial(async () => {
      this.clearTimers();
      if (this.run && !this.run.done) {
        if (keepRunning) this.detach();
        else await this.doStop();
      } else if (this.machine.state.status === 'crashed') this.apply({ type: 'stopped' });
      this.disposed = true;
      this.log.flush();
    });
  }

  /** Applies a settings change of port while nothing runs. */
  portChanged(): void {
    if (!hasChild(this.machine) && this.machine.state.status !== 'external') this.apply({ type: 'port', port: this.d.options().port });
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private apply(e: MachineEvent): void {
    const before = this.machine.state;
    this.machine = transition(this.machine, e);
    if (this.machine.state !== before && JSON.stringify(this.machine.state) !== JSON.stringify(before)) this.d.emitState(this.machine.state);
  }

  private clearTimers(): void {
    this.epoch++;
    if (this.timer) this.d.clock.clearTimeout(this.timer);
    if (this.restartTimer) this.d.clock.clearTimeout(this.restartTimer);
    this.timer = this.restartTimer = undefined;
  }

  private schedule(ms: number, fn: () => void): void {
    const epoch = this.epoch;
    if (this.timer) this.d.clock.clearTimeout(this.timer);
    this.timer = this.d.clock.setTimeout(() => {
      if (epoch === this.epoch && !this.disposed) fn();
    }, ms);
  }

  /** Where OpenClaw is: the last answer while its files still exist, else a new search. */
  private async locate(fresh = true): Promise<Located | undefined> {
    const cached = this.located?.launch;
    if (!fresh && cached && [cached.command, ...cached.prefixArgs].every((f) => fs.existsSync(f))) return this.located;
    const located = await this.d.locate();
    this.located = located.problem ? undefined : located;
    if (located.problem?.reason === 'not-installed') this.apply({ type: 'not-installed', installation: located.installation });
    else if (located.problem) this.apply({ type: 'node-missing', installation: located.installation, message: located.problem.message });
    else this.apply({ type: 'located', installation: located.installation, version: located.installation.version ?? undefined });
    return located.problem ? undefined : located;
  }

  /** Attaches to a gateway that already answers on `port` as OpenClaw; true when there is one. */
  private async attachExternal(port: number): Promise<boolean> {
    if (!isOpenClawLive(await this.d.health.get(port, '/healthz'))) return false;
    const version = versionFromStartupz(await this.d.health.get(port, '/startupz'));
    const wasExternal = this.machine.state.status === 'external';
    this.apply({ type: 'external', version });
    if (!wasExternal) this.log.note(`An OpenClaw gateway already answers on port ${port}${version ? ` (version ${version})` : ''}; attached to it without taking it over.`);
    this.watchExternal(0);
    return true;
  }

  private async doStart(user: boolean): Promise<GatewayState> {
    if (this.disposed || hasChild(this.machine)) return this.state();
    this.clearTimers();
    if (user) this.apply({ type: 'user-start' });
    this.apply({ type: 'port', port: this.d.options().port });
    const port = this.machine.state.port;
    if (await this.attachExternal(port)) return this.state();
    const located = await this.locate(false);
    if (!located?.launch) return this.state();
    if (!(await isPortFree(port))) {
      const holder: PortHolder | undefined = await findPortHolder(port, this.d.platform);
      this.apply({ type: 'port-in-use', holder });
      return this.state();
    }
    let info: GatewayConfigInfo;
    try {
      info = await this.d.ensureConfig();
    } catch (err) {
      this.apply({ type: 'spawn-error', message: `Could not prepare ${this.d.configPath}: ${err instanceof Error ? err.message : String(err)}` });
      return this.state();
    }
    this.gatewayToken = info.token;
    this.apply({ type: 'log-file', logFile: info.logFile });
    return this.spawnGateway(located, port);
  }

  private async spawnGateway(located: Located, port: number): Promise<GatewayState> {
    const launch = located.launch!;
    this.log.resetStderr();
    this.log.note(`$ ${[launch.command, ...gatewayArgs(launch, port)].join(' ')}`);
    const p = await launchGateway({
      launch,
      port,
      platform: this.d.platform,
      env: this.d.env,
      stateDir: this.d.stateDir,
      configPath: this.d.configPath,
      onOutput: (stream, chunk) => {
        this.log.write(stream, chunk);
        this.nudge();
      },
    });
    if ('error' in p) {
      this.apply({ type: 'spawn-error', message: `Could not start OpenClaw: ${p.error}` });
      return this.state();
    }
    this.run = p;
    this.apply({ type: 'spawned', pid: p.pid, at: this.d.clock.now() });
    void p.exited.then((exit) => this.onExit(p, exit));
    this.probeAttempt = 0;
    this.probe();
    return this.state();
  }

  /**
   * Startup probes: `/healthz` until live, then `/readyz` until ready, with the tight backoff. One probe is in flight
   * at a time; a nudge (new output from the child, which often means "listening") probes again as soon as it can.
   */
  private probe(): void {
    if (this.probingEpoch === this.epoch) {
      this.nudged = true;
      return;
    }
    const epoch = this.epoch;
    this.probingEpoch = epoch;
    this.nudged = false;
    if (this.timer) this.d.clock.clearTimeout(this.timer);
    const path = this.machine.state.status === 'starting' ? '/healthz' : '/readyz';
    void this.d.health.get(this.machine.state.port, path).then((r) => {
      if (this.probingEpoch === epoch) this.probingEpoch = -1;
      if (epoch !== this.epoch || this.disposed) return;
      if (path === '/healthz' && r.status === 200) {
        this.apply({ type: 'live' });
        this.probeAttempt = 0;
        return this.probe();
      }
      if (path === '/readyz' && r.status === 200) {
        this.apply({ type: 'ready' });
        return this.watchReady(0);
      }
      if (this.nudged) return this.probe();
      this.schedule(probeDelayMs(this.probeAttempt++, this.d.probe ?? DEFAULT_PROBE_BACKOFF), () => this.probe());
    });
  }

  /** New output while starting: probe now rather than at the next backoff step. */
  private nudge(): void {
    const s = this.machine.state;
    if (s.owned && (s.status === 'starting' || (s.status === 'running' && !s.degraded))) this.probe();
  }

  /** The light health check of a ready gateway: degraded when `/readyz` stops answering 200. */
  private watchReady(failures: number): void {
    const cadence = this.d.cadence ?? DEFAULT_HEALTH_CADENCE;
    this.schedule(healthCheckDelayMs(failures, cadence), () => {
      const epoch = this.epoch;
      void this.d.health.get(this.machine.state.port, '/readyz').then((r) => {
        if (epoch !== this.epoch || this.disposed) return;
        if (r.status === 200) {
          this.apply({ type: 'ready' });
          return this.watchReady(0);
        }
        this.apply({ type: 'unready' });
        this.watchReady(failures + 1);
      });
    });
  }

  /** Watches an external gateway until it stops answering. */
  private watchExternal(failures: number): void {
    const cadence = this.d.cadence ?? DEFAULT_HEALTH_CADENCE;
    this.schedule(failures ? Math.min(1000, cadence.intervalMs) : cadence.intervalMs, () => {
      const epoch = this.epoch;
      void this.d.health.get(this.machine.state.port, '/healthz').then((r) => {
        if (epoch !== this.epoch || this.disposed || this.machine.state.status !== 'external') return;
        if (isOpenClawLive(r)) return this.watchExternal(0);
        if (failures >= 1) {
          this.log.note('The external gateway stopped answering.');
          this.apply({ type: 'external-gone' });
          return;
        }
        this.watchExternal(failures + 1);
      });
    });
  }

  private async onExit(run: GatewayProcess, exit: { code: number | null; signal: string | null }): Promise<void> {
    run.done = true;
    if (this.run !== run || this.machine.state.status === 'stopping') return;
    this.epoch++;
    if (exit.code === 78) {
      await Promise.race([run.stderrEnded, new Promise<void>((r) => this.d.clock.setTimeout(r, 250))]);
      this.log.endStreams();
    }
    this.log.note(`OpenClaw exited (${exit.signal ? `signal ${exit.signal}` : `code ${exit.code}`}).`);
    killLeftovers(run, this.d.platform);
    this.apply({ type: 'exited', code: exit.code, signal: exit.signal, at: this.d.clock.now(), lastStderr: this.log.lastStderr() });
    this.run = undefined;
    const restartAt = this.machine.state.status === 'crashed' ? this.machine.state.restartAt : undefined;
    if (restartAt !== undefined && !this.disposed) {
      this.restartTimer = this.d.clock.setTimeout(() => {
        this.restartTimer = undefined;
        void this.serial(() => (this.machine.state.status === 'crashed' ? this.doStart(false) : Promise.resolve(this.state())));
      }, Math.max(0, restartAt - this.d.clock.now()));
    }
  }

  private async doStop(): Promise<GatewayState> {
    const run = this.run;
    if (!run || !hasChild(this.machine)) {
      this.clearTimers();
      this.apply({ type: 'stopped' });
      return this.state();
    }
    this.clearTimers();
    this.apply({ type: 'stopping' });
    this.log.note(`Stopping OpenClaw (pid ${run.pid}).`);
    await stopGateway(run, { platform: this.d.platform, clock: this.d.clock, graceMs: this.d.options().stopGraceMs, note: (l) => this.log.note(l) });
    run.done = true;
    this.log.endStreams();
    this.log.note('OpenClaw stopped.');
    this.run = undefined;
    const exit = await run.exited;
    this.apply({ type: 'exited', code: exit.code, signal: exit.signal, at: this.d.clock.now(), lastStderr: [] });
    this.log.flush();
    return this.state();
  }

  /** Leaves the gateway running after the app quits. */
  private detach(): void {
    if (!this.run) return;
    this.log.note(`Leaving OpenClaw running (pid ${this.run.pid}) as asked in Settings.`);
    detachGateway(this.run, this.d.platform);
  }
}
