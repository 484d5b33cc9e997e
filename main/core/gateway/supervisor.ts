/**
 * Runs one OpenClaw gateway for the app: attach to an external one, refuse a port someone else holds, spawn
 * `openclaw gateway run` in its own process group, watch it become live and ready, restart it after crashes,
 * and stop the whole tree. Decisions live in `gateway-machine.ts`; this file does the I/O and feeds it events.
 */
import type { GatewayState, LogLine } from '../../../shared/contract';
import type { Clock, TimerHandle } from '../clock';
import type { HealthCadence, ProbeBackoff } from './backoff';
import { hasChild, initialMachine, transition, type Machine, type MachineEvent } from './gateway-machine';
import type { GatewayConfigInfo } from './gateway-config';
import { EarlierGateway } from './earlier-gateway';
import type { ProcessIdentity } from '../process/process-identity';
import type { HealthClient } from './health';
import type { Located } from '../openclaw/locate';
import { GatewayLog } from './log-buffer';
import { GatewayWatch } from './gateway-watch';
import type { ConfigReport } from './config-report';
import { checkPort, locatedEvent, prepareConfig } from './start-checks';
import { detachGateway, stopGateway } from './gateway-process';
import { readChildEnd, startChildRun, type ChildRun } from './child-run';

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
  /** Where the app records a gateway it leaves running at quit (see owner-record.ts); no adoption without it. */
  ownerRecord?: string;
  /** Reads a process's identity (tests fake a recycled pid with it). */
  identify?: (pid: number) => Promise<ProcessIdentity | undefined>;
  /** How often an adopted gateway's identity, and OpenClaw's log file, are checked. */
  followMs?: number;
  /** Extra variable names the gateway child may get besides the allow-list (test fakes only). */
  envPassthrough?: (name: string) => boolean;
}

/** The gateway supervisor. All public methods are serialised: a stop waits for a start in flight, and so on. */
export class GatewaySupervisor {
  private machine: Machine;
  private readonly log: GatewayLog;
  private queue: Promise<unknown> = Promise.resolve();
  private run: ChildRun | undefined;
  /** A gateway started by an earlier run of the app and re-owned. */
  private readonly earlier: EarlierGateway;
  private readonly watch: GatewayWatch;
  private restartTimer: TimerHandle | undefined;
  private gatewayToken: string | undefined;
  private disposed = false;

  constructor(private readonly d: SupervisorDeps) {
    this.machine = initialMachine(d.options().port);
    this.log = new GatewayLog({
      clock: d.clock,
      emit: d.emitLog,
      secrets: () => [...(this.gatewayToken ? [this.gatewayToken] : []), ...(d.secrets?.() ?? [])],
      ...(d.logCapacity ? { capacity: d.logCapacity } : {}),
    });
    this.watch = new GatewayWatch({
      clock: d.clock,
      health: d.health,
      ...(d.probe ? { probe: d.probe } : {}),
      ...(d.cadence ? { cadence: d.cadence } : {}),
      state: () => this.machine.state,
      disposed: () => this.disposed,
      apply: (e) => this.apply(e),
      note: (line) => this.log.note(line),
    });
    this.earlier = new EarlierGateway({
      ...d,
      log: this.log,
      state: () => this.machine.state,
      apply: (e) => this.apply(e),
      disposed: () => this.disposed,
      ended: () => this.afterExit({ code: null, signal: null }, []),
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

  /** Adds a line read elsewhere (OpenClaw's log file, a CLI run) to the gateway log, redacted. */
  logLine(stream: 'stdout' | 'stderr', text: string): void {
    this.log.line(stream, text);
  }


  /**
   * Re-reads where OpenClaw is and whether a gateway already answers on the port (shown as external), without
   * starting anything: at app start, after an install, on settings changes.
   */
  refresh(): Promise<GatewayState> {
    return this.serial(async () => {
      if (hasChild(this.machine) || this.machine.state.status === 'external') return this.state();
      await this.locate();
      if (!this.disposed) {
        this.apply({ type: 'port', port: this.d.options().port });
        if (!(await this.tryAdopt())) await this.watch.attachExternal(this.machine.state.port);
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
      if ((this.run && !this.run.process.done) || this.earlier.runningPid() !== undefined) {
        if (keepRunning) await this.detach();
        else await this.doStop();
      } else if (this.machine.state.status === 'crashed') this.apply({ type: 'stopped' });
      this.disposed = true;
      this.log.flush();
    });
  }

  /** True while the app runs a gateway of its own (started now or earlier). */
  ownsGateway(): boolean {
    return hasChild(this.machine);
  }

  /** Stops watching an external gateway because another owner (OpenClaw's service) answers for it now. */
  standDown(): Promise<void> {
    return this.serial(async () => {
      if (hasChild(this.machine)) return;
      this.clearTimers();
      this.apply({ type: 'external-gone' });
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
    this.watch.cancel();
    this.earlier.stopFollowing();
    if (this.restartTimer) this.d.clock.clearTimeout(this.restartTimer);
    this.restartTimer = undefined;
  }

  /** Where OpenClaw is, as the shared installation service knows it (it caches and re-checks its answer). */
  private async locate(): Promise<Located | undefined> {
    const located = await this.d.locate();
    this.apply(locatedEvent(located));
    return located.problem ? undefined : located;
  }

  private async doStart(user: boolean): Promise<GatewayState> {
    if (this.disposed || hasChild(this.machine)) return this.state();
    this.clearTimers();
    if (user) this.apply({ type: 'user-start' });
    this.apply({ type: 'port', port: this.d.options().port });
    const port = this.machine.state.port;
    if ((await this.tryAdopt()) || (await this.watch.attachExternal(port))) return this.state();
    const located = await this.locate();
    if (!located?.launch) return this.state();
    const held = await checkPort(port, this.d.platform);
    if (held) {
      this.apply(held);
      return this.state();
    }
    const ready = await prepareConfig(this.d.ensureConfig, this.d.configPath);
    if ('failure' in ready) {
      this.apply(ready.failure);
      return this.state();
    }
    const { info } = ready;
    this.gatewayToken = info.token;
    this.apply({ type: 'log-file', logFile: info.logFile });
    return this.spawnGateway(located, port);
  }

  private async spawnGateway(located: Located, port: number): Promise<GatewayState> {
    const d = this.d;
    const started = await startChildRun({ ...d, launch: located.launch!, port, log: this.log, onOutput: () => this.watch.nudge() });
    if ('error' in started) {
      this.apply({ type: 'spawn-error', said: started.error });
      return this.state();
    }
    this.run = started;
    this.apply({ type: 'spawned', pid: started.process.pid, at: d.clock.now() });
    void started.process.exited.then((exit) => this.onExit(started, exit));
    this.watch.startProbing();
    return this.state();
  }

  private async onExit(run: ChildRun, exit: { code: number | null; signal: string | null }): Promise<void> {
    run.process.done = true;
    if (this.run !== run || this.machine.state.status === 'stopping') return;
    this.watch.cancel();
    const end = await readChildEnd(run, exit, { log: this.log, clock: this.d.clock, platform: this.d.platform });
    this.run = undefined;
    this.afterExit(exit, end.lastStderr, end.config);
  }

  /** Applies an unexpected exit and arms the restart the machine asks for. */
  private afterExit(exit: { code: number | null; signal: string | null }, lastStderr: string[], config?: ConfigReport): void {
    this.clearTimers();
    this.apply({ type: 'exited', code: exit.code, signal: exit.signal, at: this.d.clock.now(), lastStderr, config });
    const restartAt = this.machine.state.status === 'crashed' ? this.machine.state.restartAt : undefined;
    if (restartAt !== undefined && !this.disposed) {
      this.restartTimer = this.d.clock.setTimeout(() => {
        this.restartTimer = undefined;
        void this.serial(() => (this.machine.state.status === 'crashed' ? this.doStart(false) : Promise.resolve(this.state())));
      }, Math.max(0, restartAt - this.d.clock.now()));
    }
  }

  /** Re-owns the gateway an earlier run of the app left running, when the record still matches (see adoption.ts). */
  private async tryAdopt(): Promise<boolean> {
    const found = await this.earlier.adopt(this.machine.state.port);
    if (!found) return false;
    this.gatewayToken = found.token;
    this.watch.startProbing();
    return true;
  }

  private async doStop(): Promise<GatewayState> {
    const run = this.run;
    const earlierPid = this.earlier.heldPid();
    this.clearTimers();
    if ((!run && earlierPid === undefined) || !hasChild(this.machine)) {
      this.apply({ type: 'stopped' });
      return this.state();
    }
    this.apply({ type: 'stopping' });
    this.log.note(`Stopping OpenClaw (pid ${run?.process.pid ?? earlierPid}${run ? '' : ', started by ClawTray earlier'}).`);
    const o = { platform: this.d.platform, clock: this.d.clock, graceMs: this.d.options().stopGraceMs, note: (l: string) => this.log.note(l) };
    let exit: { code: number | null; signal: string | null } = { code: null, signal: null };
    if (run) {
      await stopGateway(run.process, o);
      run.process.done = true;
      this.log.endStreams();
      this.run = undefined;
      exit = await run.process.exited;
    } else await this.earlier.stop(o.graceMs, o.note);
    this.log.note('OpenClaw stopped.');
    this.apply({ type: 'exited', ...exit, at: this.d.clock.now(), lastStderr: [] });
    this.log.flush();
    return this.state();
  }

  /** Leaves the gateway running after the app quits, and records which process it is so the next run can take it back. */
  private async detach(): Promise<void> {
    const pid = this.run?.process.pid ?? this.earlier.heldPid();
    if (pid === undefined) return;
    this.log.note(`Leaving OpenClaw running (pid ${pid}) as asked in Settings.`);
    if (this.run) detachGateway(this.run.process, this.d.platform);
    await this.earlier.keep(pid);
  }
}
