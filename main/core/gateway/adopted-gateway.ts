/**
 * A gateway the app started in an earlier run and re-owned (see `owner-record.ts`). It is not this process's child,
 * so there is no `exit` event: its identity is checked on a short timer, and it is stopped like a child (SIGTERM to
 * its group, a bounded grace, SIGKILL to the group) with one extra rule: the group is signalled only while its
 * leader is still the recorded process, or while the leader is gone but members of its group live on (the group's
 * number cannot be reused while they do). A pid now used by another program is never signalled.
 */
import type { Clock, TimerHandle } from '../clock';
import { sameProcess, readProcessIdentity, type ProcessIdentity } from '../process/process-identity';
import { isGroupAlive, signalGroup, taskkillTree, waitUntil } from '../process/process-tree';

/** How often an adopted gateway's identity is checked to notice that it ended. */
export const ADOPTED_CHECK_MS = 1000;

/** What an adopted gateway needs. */
export interface AdoptedOptions {
  clock: Clock;
  platform: NodeJS.Platform;
  /** Reads a pid's identity now (tests pass their own). */
  identify?: (pid: number) => Promise<ProcessIdentity | undefined>;
  checkMs?: number;
}

/** A re-owned gateway process. */
export class AdoptedGateway {
  /** Resolves once the process is gone (stopped here, or ended on its own). */
  readonly exited: Promise<void>;
  private resolveExit!: () => void;
  private timer: TimerHandle | undefined;
  private gone = false;
  private released = false;

  constructor(
    readonly identity: ProcessIdentity,
    private readonly o: AdoptedOptions,
  ) {
    this.exited = new Promise((r) => (this.resolveExit = r));
    this.schedule();
  }

  get pid(): number {
    return this.identity.pid;
  }

  /** True once the recorded process is gone. */
  get done(): boolean {
    return this.gone;
  }

  /** Stops watching (the app quits and leaves it running). */
  release(): void {
    this.released = true;
    if (this.timer) this.o.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Stops the whole group: SIGTERM, up to `graceMs` for every member to end, then SIGKILL. Never signals a stranger. */
  async stop(graceMs: number, note: (line: string) => void): Promise<void> {
    this.release();
    if (this.o.platform === 'win32') {
      if (await this.stillOurs()) await taskkillTree(this.pid);
      this.markGone();
      return;
    }
    const pgid = this.identity.pgid;
    if (await this.mayHitGroup()) signalGroup(pgid, 'SIGTERM');
    const ended = await waitUntil(this.o.clock, () => isGroupAlive(pgid), graceMs, 50);
    if (!ended && (await this.mayHitGroup())) {
      note(`OpenClaw did not stop within ${graceMs} ms; killing its process group.`);
      signalGroup(pgid, 'SIGKILL');
      await waitUntil(this.o.clock, () => isGroupAlive(pgid), 5000, 50);
    }
    this.markGone();
  }

  private async stillOurs(): Promise<boolean> {
    return sameProcess(this.identity, await this.identify(this.pid));
  }

  /** The leader is still ours, or it is gone while its group lives on (its number stays reserved meanwhile). */
  private async mayHitGroup(): Promise<boolean> {
    const leader = await this.identify(this.pid);
    if (leader) return sameProcess(this.identity, leader);
    return isGroupAlive(this.identity.pgid);
  }

  private identify(pid: number): Promise<ProcessIdentity | undefined> {
    return (this.o.identify ?? ((p) => readProcessIdentity(p, this.o.platform)))(pid);
  }

  private markGone(): void {
    if (this.gone) return;
    this.gone = true;
    this.resolveExit();
  }

  private schedule(): void {
    if (this.released || this.gone) return;
    this.timer = this.o.clock.setTimeout(() => {
      this.timer = undefined;
      void this.stillOurs().then((ours) => {
        if (this.released || this.gone) return;
        if (ours) this.schedule();
        else this.markGone();
      });
    }, this.o.checkMs ?? ADOPTED_CHECK_MS);
  }
}
