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
import type { AdoptedGateway } from './adopted-gateway';
import { adoptRecorded, recordKeptGateway } from './adoption';
import { LogFileTail } from './log-file-tail';
import { removeOwnerRecord } from './owner-record';
import type { ProcessIdentity } from '../process/process-identity';
import { isOpenClawLive, versionFromStartupz, type HealthClient } from './health';
import type { Located } from '../openclaw/locate';
import { GatewayLog } from './log-buffer';
import { GatewayWatch } from './gateway-watch';
import { findPortHolder, isPortFree, nextFreePort, type PortHolder } from './port-holder';
import { parseInvalidConfig, type ConfigReport } from './config-report';
import { CoreError } from '../errors';
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
  private run: GatewayProcess | undefined;
  /** A gateway started by an earlier run of the app and re-owned. */
  private adopted: AdoptedGateway | undefined;
  private tail: LogFileTail | undefined;
  private readonly watch: GatewayWatch;
  private restartTimer: TimerHandle | undefined;
  private gatewayToken: string | undefined;
  /** The log's last line before the current child started: its own output comes after. */
  private runFromSeq = 0;
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
        if (!(await this.tryAdopt())) await this.attachExternal(this.machine.state.port);
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
      if ((this.run && !this.run.done) || (this.adopted && !this.adopted.done)) {
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
    this.tail?.stop();
    this.tail = undefined;
    if (this.restartTimer) this.d.clock.clearTimeout(this.restartTimer);
    this.restartTimer = undefined;
  }

  /** Where OpenClaw is, as the shared installation service knows it (it caches and re-checks its answer). */
  private async locate(): Promise<Located | undefined> {
    const located = await this.d.locate();
    if (located.problem?.reason === 'not-installed') this.apply({ type: 'not-installed', installation: located.installation });
    else if (located.problem) this.apply({ type: 'node-missing', installation: located.installation, nodeRange: located.nodeRange });
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
    this.watch.watchExternal();
    return true;
  }

  private async doStart(user: boolean): Promise<GatewayState> {
    if (this.disposed || hasChild(this.machine)) return this.state();
    this.clearTimers();
    if (user) this.apply({ type: 'user-start' });
    this.apply({ type: 'port', port: this.d.options().port });
    const port = this.machine.state.port;
    if ((await this.tryAdopt()) || (await this.attachExternal(port))) return this.state();
    const located = await this.locate();
    if (!located?.launch) return this.state();
    if (!(await isPortFree(port))) {
      const holder: PortHolder | undefined = await findPortHolder(port, this.d.platform);
      this.apply({ type: 'port-in-use', holder, suggestedPort: await nextFreePort(port) });
      return this.state();
    }
    let info: GatewayConfigInfo;
    try {
      info = await this.d.ensureConfig();
    } catch (err) {
      // A config that does not parse is what OpenClaw would refuse too: the same failure, with the parser's words.
      if (err instanceof CoreError && err.code === 'CORRUPT_FILE') {
        this.apply({ type: 'config-invalid', report: { file: this.d.configPath, issues: [{ path: '(file)', message: err.details?.reason ?? err.message }] } });
      } else this.apply({ type: 'spawn-error', prepare: this.d.configPath, said: err instanceof Error ? err.message : String(err) });
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
    this.runFromSeq = this.log.tail(1)[0]?.seq ?? 0;
    const p = await launchGateway({
      launch,
      port,
      platform: this.d.platform,
      env: this.d.env,
      stateDir: this.d.stateDir,
      configPath: this.d.configPath,
      envPassthrough: this.d.envPassthrough,
      onOutput: (stream, chunk) => {
        this.log.write(stream, chunk);
        this.watch.nudge();
      },
    });
    if ('error' in p) {
      this.apply({ type: 'spawn-error', said: p.error });
      return this.state();
    }
    this.run = p;
    this.apply({ type: 'spawned', pid: p.pid, at: this.d.clock.now() });
    void p.exited.then((exit) => this.onExit(p, exit));
    this.watch.startProbing();
    return this.state();
  }

  private async onExit(run: GatewayProcess, exit: { code: number | null; signal: string | null }): Promise<void> {
    run.done = true;
    if (this.run !== run || this.machine.state.status === 'stopping') return;
    this.watch.cancel();
    // Its last words (OpenClaw prints "Invalid config ..." on stdout) are read before the exit is judged.
    await Promise.race([run.outputEnded, new Promise<void>((r) => this.d.clock.setTimeout(r, 250))]);
    this.log.endStreams();
    this.log.note(`OpenClaw exited (${exit.signal ? `signal ${exit.signal}` : `code ${exit.code}`}).`);
    killLeftovers(run, this.d.platform);
    this.run = undefined;
    const output = this.log.tail(400).filter((l) => l.seq > this.runFromSeq && l.stream !== 'app').map((l) => l.text);
    this.afterExit(exit, this.log.lastStderr(), parseInvalidConfig(output));
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
    if (!this.d.ownerRecord) return false;
    const d = this.d;
    const found = await adoptRecorded({ ...d, recordFile: d.ownerRecord!, port: this.machine.state.port, followMs: d.followMs, note: (l) => this.log.note(l) });
    if (!found) return false;
    if (this.disposed) {
      found.adopted.release();
      return false;
    }
    this.gatewayToken = found.token;
    this.adopted = found.adopted;
    this.apply({ type: 'log-file', logFile: found.logFile });
    this.apply({ type: 'adopted', pid: found.adopted.pid, at: this.d.clock.now() });
    // Its output goes to a drain now: show OpenClaw's own log file instead.
    this.tail = new LogFileTail({ clock: d.clock, file: () => this.machine.state.logFile, onLine: (t) => this.log.line('stdout', t), ...(d.followMs ? { everyMs: d.followMs } : {}) });
    void this.tail.start();
    void found.adopted.exited.then(() => this.onAdoptedExit(found.adopted));
    this.watch.startProbing();
    return true;
  }

  private onAdoptedExit(adopted: AdoptedGateway): void {
    if (this.adopted !== adopted || this.machine.state.status === 'stopping') return;
    this.adopted = undefined;
    if (this.d.ownerRecord) void removeOwnerRecord(this.d.ownerRecord).catch(() => undefined);
    this.log.note('The gateway ClawTray started earlier has ended.');
    this.afterExit({ code: null, signal: null }, []);
  }

  private async doStop(): Promise<GatewayState> {
    const { run, adopted } = this;
    this.clearTimers();
    if ((!run && !adopted) || !hasChild(this.machine)) {
      this.apply({ type: 'stopped' });
      return this.state();
    }
    this.apply({ type: 'stopping' });
    this.log.note(`Stopping OpenClaw (pid ${run?.pid ?? adopted!.pid}${run ? '' : ', started by ClawTray earlier'}).`);
    const o = { platform: this.d.platform, clock: this.d.clock, graceMs: this.d.options().stopGraceMs, note: (l: string) => this.log.note(l) };
    let exit: { code: number | null; signal: string | null } = { code: null, signal: null };
    if (run) {
      await stopGateway(run, o);
      run.done = true;
      this.log.endStreams();
      this.run = undefined;
      exit = await run.exited;
    } else {
      await adopted!.stop(o.graceMs, o.note);
      this.adopted = undefined;
      if (this.d.ownerRecord) await removeOwnerRecord(this.d.ownerRecord).catch(() => undefined);
    }
    this.log.note('OpenClaw stopped.');
    this.apply({ type: 'exited', ...exit, at: this.d.clock.now(), lastStderr: [] });
    this.log.flush();
    return this.state();
  }

  /** Leaves the gateway running after the app quits, and records which process it is so the next run can take it back. */
  private async detach(): Promise<void> {
    const pid = this.run?.pid ?? this.adopted?.pid;
    if (pid === undefined) return;
    this.log.note(`Leaving OpenClaw running (pid ${pid}) as asked in Settings.`);
    if (this.run) detachGateway(this.run, this.d.platform);
    this.adopted?.release();
    if (!this.d.ownerRecord) return;
    const { port, logFile } = this.machine.state;
    const recorded = await recordKeptGateway(pid, { ...this.d, recordFile: this.d.ownerRecord, port, logFile, now: this.d.clock.now() }).catch(() => false);
    if (!recorded) this.log.note('Could not record the gateway left running; the next start will show it as external.');
  }
}
