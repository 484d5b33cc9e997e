/**
 * The gateway an earlier run of the app left running, from the supervisor's side: take it back when its owner
 * record still matches (`adoption.ts`), follow OpenClaw's log file instead of its drained output, hear its end,
 * stop it, and record the gateway the app leaves running at quit so the next run can take it back.
 */
import type { GatewayState } from '../../../shared/contract';
import type { Clock } from '../clock';
import type { ProcessIdentity } from '../process/process-identity';
import type { AdoptedGateway } from './adopted-gateway';
import type { HealthClient } from './health';
import { adoptRecorded, recordKeptGateway } from './adoption';
import type { MachineEvent } from './gateway-machine';
import type { GatewayLog } from './log-buffer';
import { LogFileTail } from './log-file-tail';
import { removeOwnerRecord } from './owner-record';

/** What it needs from the supervisor. */
export interface EarlierHost {
  clock: Clock;
  platform: NodeJS.Platform;
  stateDir: string;
  configPath: string;
  health: HealthClient;
  /** Where the owner record is; no adoption (nor record at quit) without one. */
  ownerRecord?: string | undefined;
  identify?: ((pid: number) => Promise<ProcessIdentity | undefined>) | undefined;
  followMs?: number | undefined;
  log: GatewayLog;
  state(): GatewayState;
  apply(e: MachineEvent): void;
  disposed(): boolean;
  /** The re-owned gateway ended on its own. */
  ended(): void;
}

/** The re-owned gateway, while there is one. */
export class EarlierGateway {
  private adopted: AdoptedGateway | undefined;
  private tail: LogFileTail | undefined;

  constructor(private readonly h: EarlierHost) {}

  /** Its pid while it runs. */
  runningPid(): number | undefined {
    return this.adopted && !this.adopted.done ? this.adopted.pid : undefined;
  }

  /** Its pid while one is held (ended or not). */
  heldPid(): number | undefined {
    return this.adopted?.pid;
  }

  /** Takes it back when the record matches; returns its gateway token (for redaction), or false when there is none. */
  async adopt(port: number): Promise<{ token: string | undefined } | false> {
    const h = this.h;
    if (!h.ownerRecord) return false;
    const found = await adoptRecorded({ ...h, recordFile: h.ownerRecord, port, followMs: h.followMs, note: (l) => h.log.note(l) });
    if (!found) return false;
    if (h.disposed()) {
      found.adopted.release();
      return false;
    }
    this.adopted = found.adopted;
    h.apply({ type: 'log-file', logFile: found.logFile });
    h.apply({ type: 'adopted', pid: found.adopted.pid, at: h.clock.now() });
    // Its output goes to a drain now: show OpenClaw's own log file instead.
    this.tail = new LogFileTail({ clock: h.clock, file: () => h.state().logFile, onLine: (t) => h.log.line('stdout', t), ...(h.followMs ? { everyMs: h.followMs } : {}) });
    void this.tail.start();
    void found.adopted.exited.then(() => this.onExit(found.adopted));
    return { token: found.token };
  }

  /** Stops following its log file (timers cleared by the supervisor). */
  stopFollowing(): void {
    this.tail?.stop();
    this.tail = undefined;
  }

  /** Stops it (bounded by `graceMs`) and forgets its record. */
  async stop(graceMs: number, note: (line: string) => void): Promise<void> {
    const adopted = this.adopted;
    if (!adopted) return;
    await adopted.stop(graceMs, note);
    this.adopted = undefined;
    if (this.h.ownerRecord) await removeOwnerRecord(this.h.ownerRecord).catch(() => undefined);
  }

  /** Leaves `pid` running at quit (ours now or re-owned) and records it so the next run can take it back. */
  async keep(pid: number): Promise<void> {
    const h = this.h;
    this.adopted?.release();
    if (!h.ownerRecord) return;
    const { port, logFile } = h.state();
    const recorded = await recordKeptGateway(pid, { ...h, recordFile: h.ownerRecord, port, logFile, now: h.clock.now() }).catch(() => false);
    if (!recorded) h.log.note('Could not record the gateway left running; the next start will show it as external.');
  }

  private onExit(adopted: AdoptedGateway): void {
    if (this.adopted !== adopted || this.h.state().status === 'stopping') return;
    this.adopted = undefined;
    if (this.h.ownerRecord) void removeOwnerRecord(this.h.ownerRecord).catch(() => undefined);
    this.h.log.note('The gateway ClawTray started earlier has ended.');
    this.h.ended();
  }
}
