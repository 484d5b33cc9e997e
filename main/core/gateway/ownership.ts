/**
 * Who runs the gateway, and routing every control to that owner: ClawTray's own supervisor (a child of the app), or
 * OpenClaw's background service (through its CLI). A loaded service always wins, so the app never spawns a second
 * gateway beside it. Switching owner (Settings, "Who runs the gateway") stops the old owner before the new one starts.
 */
import type { GatewayOwnerChoice, GatewayState } from '../../../shared/contract';
import { CoreError } from '../errors';
import { serviceCommandError, type ServiceGateway } from './service-gateway';
import type { ServiceStatus } from './service-status';
import type { GatewaySupervisor } from './supervisor';

/** Which controller answers for the gateway. */
export type OwnerMode = 'app' | 'service';

/** The owner for a setting and what `gateway status --json` says. A gateway the app runs itself is never dropped. Pure. */
export function chooseOwnerMode(choice: GatewayOwnerChoice, status: ServiceStatus | undefined, appRunsOne: boolean): OwnerMode {
  if (appRunsOne) return 'app';
  if (status?.loaded || choice === 'service') return 'service';
  return 'app';
}

/** What the router needs. */
export interface OwnershipDeps {
  supervisor: GatewaySupervisor;
  service: ServiceGateway;
  choice: () => GatewayOwnerChoice;
  saveChoice: (choice: GatewayOwnerChoice) => void;
  /** Makes `openclaw.json` ready for a gateway (local mode, loopback, token) before a service is installed. */
  prepareConfig: () => Promise<unknown>;
  emit: (s: GatewayState) => void;
  note: (line: string) => void;
}

/** Routes state and controls to the current owner. */
export class GatewayOwnership {
  private current: OwnerMode = 'app';
  private last: ServiceStatus | undefined;
  private checking: Promise<GatewayState> | undefined;
  private disposed = false;

  constructor(private readonly d: OwnershipDeps) {}

  /** The current owner mode. */
  get mode(): OwnerMode {
    return this.current;
  }

  /** The state of the current owner. */
  state(): GatewayState {
    return this.current === 'service' ? this.d.service.state() : this.d.supervisor.state();
  }

  /** Asks OpenClaw whether its service is set up and loaded, and hands the gateway to the right owner. */
  recheck(): Promise<GatewayState> {
    if (this.disposed) return Promise.resolve(this.state());
    this.checking ??= (async () => {
      try {
        this.last = await this.d.service.query();
        await this.switchTo(chooseOwnerMode(this.d.choice(), this.last, this.d.supervisor.ownsGateway()));
        return this.state();
      } finally {
        this.checking = undefined;
      }
    })();
    return this.checking;
  }

  /** Start through the owner; in ClawTray mode, a service seen set up earlier is asked again first. */
  async start(): Promise<GatewayState> {
    if (this.checking) await this.checking;
    else if (this.current === 'app' && this.last?.installed) await this.recheck();
    return this.current === 'service' ? this.d.service.start() : this.d.supervisor.start();
  }

  /** Stop through the owner (the service's process is never signalled by the app). */
  async stop(): Promise<GatewayState> {
    if (this.checking) await this.checking;
    return this.current === 'service' ? this.d.service.stop() : this.d.supervisor.stop();
  }

  /** Restart through the owner. */
  async restart(): Promise<GatewayState> {
    if (this.checking) await this.checking;
    return this.current === 'service' ? this.d.service.restart() : this.d.supervisor.restart();
  }

  /**
   * Changes who runs the gateway: to the service (stop ClawTray's gateway, `gateway install`, which starts it), or
   * back to ClawTray (`gateway stop`, `gateway uninstall`, then ClawTray starts its own if one was running). A
   * failed step puts back what was running and reports OpenClaw's message.
   */
  async setOwner(choice: GatewayOwnerChoice): Promise<GatewayState> {
    if (choice === this.d.choice() && this.current === (choice === 'service' ? 'service' : 'app')) return this.state();
    const wasRunning = ['starting', 'running', 'ready'].includes(this.state().status);
    if (choice === 'service') {
      if (this.current === 'app' && this.d.supervisor.state().status === 'external') {
        throw new CoreError('CONFLICT', 'errors.gateway.externalOnPort', { params: { port: this.state().port } });
      }
      this.d.note("Handing the gateway to OpenClaw's background service.");
      if (this.current === 'app') await this.d.supervisor.stop();
      await this.d.prepareConfig();
      const r = await this.d.service.setUp('install');
      if (!r.ok) {
        if (wasRunning) await this.d.supervisor.start();
        throw serviceCommandError('install', r.message);
      }
      this.d.saveChoice('service');
      const state = await this.recheck();
      return wasRunning && !['starting', 'running', 'ready'].includes(state.status) ? this.d.service.start() : state;
    }
    this.d.note('Handing the gateway back to ClawTray.');
    if (this.current === 'service') {
      const stopped = await this.d.service.stop();
      if (stopped.status === 'failed') throw serviceCommandError('stop', stopped.message);
      const r = await this.d.service.setUp('uninstall');
      if (!r.ok) {
        if (wasRunning) await this.d.service.start();
        throw serviceCommandError('uninstall', r.message);
      }
    }
    this.d.saveChoice('clawtray');
    await this.recheck();
    return wasRunning ? this.d.supervisor.start() : this.state();
  }

  /** Stops watching the service; the supervisor disposes on its own. */
  dispose(): void {
    this.disposed = true;
    this.d.service.deactivate();
  }

  private async switchTo(mode: OwnerMode): Promise<void> {
    if (mode === this.current && mode === 'app') return;
    if (mode === 'service') {
      if (this.current !== 'service') {
        this.d.note(this.last?.loaded ? "OpenClaw's background service runs the gateway; ClawTray controls it through OpenClaw." : "OpenClaw's background service is chosen to run the gateway.");
        await this.d.supervisor.standDown();
      }
      const state = await this.d.service.activate(this.last);
      this.current = 'service';
      this.d.emit(state);
      return;
    }
    this.d.service.deactivate();
    this.current = 'app';
    this.d.emit(await this.d.supervisor.refresh());
  }
}
