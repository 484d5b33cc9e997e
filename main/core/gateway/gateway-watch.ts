/**
 * The supervisor's HTTP watching of one gateway, over a single epoch-guarded timer: the startup probes (`/healthz`
 * until live, then `/readyz` until ready, tight backoff, nudged by new output), the light health check of a ready
 * gateway (degraded when `/readyz` stops answering 200), and attaching to an external gateway and watching it until
 * it goes away.
 */
import type { GatewayState } from '../../../shared/contract';
import type { Clock, TimerHandle } from '../clock';
import { DEFAULT_HEALTH_CADENCE, DEFAULT_PROBE_BACKOFF, healthCheckDelayMs, probeDelayMs, type HealthCadence, type ProbeBackoff } from './backoff';
import type { MachineEvent } from './gateway-machine';
import { isOpenClawLive, versionFromStartupz, type HealthClient } from './health';

/** What the watch reads from and reports to its supervisor. */
export interface WatchHost {
  clock: Clock;
  health: HealthClient;
  probe?: ProbeBackoff;
  cadence?: HealthCadence;
  state: () => GatewayState;
  disposed: () => boolean;
  apply: (e: MachineEvent) => void;
  note: (line: string) => void;
}

/** Probes and health checks of the supervised (or external) gateway; `cancel()` makes everything in flight moot. */
export class GatewayWatch {
  /** Bumped whenever probes or timers of an earlier phase must stop acting. */
  private epoch = 0;
  private timer: TimerHandle | undefined;
  /** The epoch whose startup probe is in flight (-1: none), whether output asked for another, and the backoff step. */
  private probingEpoch = -1;
  private nudged = false;
  private probeAttempt = 0;

  constructor(private readonly h: WatchHost) {}

  /** Stops acting on every probe and timer started so far. */
  cancel(): void {
    this.epoch++;
    if (this.timer) this.h.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** A child was just spawned: probe it until live, then ready, then keep checking. */
  startProbing(): void {
    this.probeAttempt = 0;
    this.probe();
  }

  /** New output while starting: probe now rather than at the next backoff step. */
  nudge(): void {
    const s = this.h.state();
    if (s.owned && (s.status === 'starting' || (s.status === 'running' && !s.degraded))) this.probe();
  }

  /** Attaches to a gateway that already answers on `port` as OpenClaw (state `external`); true when there is one. */
  async attachExternal(port: number): Promise<boolean> {
    if (!isOpenClawLive(await this.h.health.get(port, '/healthz'))) return false;
    const version = versionFromStartupz(await this.h.health.get(port, '/startupz'));
    const wasExternal = this.h.state().status === 'external';
    this.h.apply({ type: 'external', version });
    if (!wasExternal) this.h.note(`An OpenClaw gateway already answers on port ${port}${version ? ` (version ${version})` : ''}; attached to it without taking it over.`);
    this.watchExternal();
    return true;
  }

  /** Watches an external gateway until it stops answering. */
  watchExternal(failures = 0): void {
    const cadence = this.h.cadence ?? DEFAULT_HEALTH_CADENCE;
    this.schedule(failures ? Math.min(1000, cadence.intervalMs) : cadence.intervalMs, () => {
      const epoch = this.epoch;
      void this.h.health.get(this.h.state().port, '/healthz').then((r) => {
        if (epoch !== this.epoch || this.h.disposed() || this.h.state().status !== 'external') return;
        if (isOpenClawLive(r)) return this.watchExternal(0);
        if (failures >= 1) {
          this.h.note('The external gateway stopped answering.');
          this.h.apply({ type: 'external-gone' });
          return;
        }
        this.watchExternal(failures + 1);
      });
    });
  }

  private schedule(ms: number, fn: () => void): void {
    const epoch = this.epoch;
    if (this.timer) this.h.clock.clearTimeout(this.timer);
    this.timer = this.h.clock.setTimeout(() => {
      if (epoch === this.epoch && !this.h.disposed()) fn();
    }, ms);
  }

  /** One startup probe in flight at a time; a nudge while one is in flight asks for another as soon as it ends. */
  private probe(): void {
    if (this.probingEpoch === this.epoch) {
      this.nudged = true;
      return;
    }
    const epoch = this.epoch;
    this.probingEpoch = epoch;
    this.nudged = false;
    if (this.timer) this.h.clock.clearTimeout(this.timer);
    const path = this.h.state().status === 'starting' ? '/healthz' : '/readyz';
    void this.h.health.get(this.h.state().port, path).then((r) => {
      if (this.probingEpoch === epoch) this.probingEpoch = -1;
      if (epoch !== this.epoch || this.h.disposed()) return;
      if (path === '/healthz' && r.status === 200) {
        this.h.apply({ type: 'live' });
        this.probeAttempt = 0;
        return this.probe();
      }
      if (path === '/readyz' && r.status === 200) {
        this.h.apply({ type: 'ready' });
        return this.watchReady(0);
      }
      if (this.nudged) return this.probe();
      this.schedule(probeDelayMs(this.probeAttempt++, this.h.probe ?? DEFAULT_PROBE_BACKOFF), () => this.probe());
    });
  }

  /** The light health check of a ready gateway: degraded when `/readyz` stops answering 200. */
  private watchReady(failures: number): void {
    const cadence = this.h.cadence ?? DEFAULT_HEALTH_CADENCE;
    this.schedule(healthCheckDelayMs(failures, cadence), () => {
      const epoch = this.epoch;
      void this.h.health.get(this.h.state().port, '/readyz').then((r) => {
        if (epoch !== this.epoch || this.h.disposed()) return;
        if (r.status === 200) {
          this.h.apply({ type: 'ready' });
          return this.watchReady(0);
        }
        this.h.apply({ type: 'unready' });
        this.watchReady(failures + 1);
      });
    });
  }
}
