/**
 * OpenClaw's gateway RPC, through OpenClaw's own client (`@openclaw/gateway-client`): the fast way to read and write
 * credentials on OpenClaw 2026.6+ while a gateway runs (0.5-1.7 s per write, ~10 ms per read, against 10-15 s for a
 * CLI run). One connection is kept open while the gateway is up (`setTarget` when it comes up, `setTarget(null)`
 * when it goes); the client reconnects by itself, and `nudge()` reconnects at once when the gateway is back.
 * On loopback the gateway token (`gateway.auth.token` in openclaw.json) is the whole handshake; the app asks for
 * `operator.read` + `operator.admin`. Every answer is parsed (`gateway-rpc-schemas.ts`) and every failure becomes a
 * `CoreError`: the gateway's refusals are `GATEWAY` with OpenClaw's message (redacted) and `details.rpc`, which
 * says whether the request left the app (`not-sent`: safe to do the same through the CLI), got no answer
 * (`no-answer`: the outcome is unknown) or was refused (`refused`); an unknown agent is `NOT_FOUND`; an answer the
 * app cannot read is `INTERNAL`.
 */
import { GatewayClient } from '@openclaw/gateway-client';
import { PROTOCOL_VERSION } from '@openclaw/gateway-protocol/version';
import type { z } from 'zod';
import type { Clock, TimerHandle } from '../clock';
import { CoreError } from '../errors';
import { migrationRequiredError } from './refusals';
import {
  RpcAuthStatus,
  RpcConfigPatchResult,
  RpcConfigSnapshot,
  RpcLogoutResult,
  RpcOrderSetResult,
  RpcProbeResult,
  RpcSetApiKeyResult,
} from './gateway-rpc-schemas';

/** Where the gateway listens and the token that opens it. */
export interface RpcTarget {
  port: number;
  token: string;
}

/** The scopes the app asks for: reading statuses and changing credentials and config. */
export const RPC_SCOPES = ['operator.read', 'operator.admin'];

/** What the app needs from a gateway client; `createOpenClawClient` wraps the real one, tests pass a fake. */
export interface RpcClientHandle {
  start(): void;
  stop(): void;
  request(method: string, params: unknown, options: { timeoutMs: number; onSent: () => void }): Promise<unknown>;
}

/** What a client reports about its connection. */
export interface RpcClientEvents {
  onHello(): void;
  onClose(code: number, reason: string): void;
  onConnectError(err: Error): void;
  /** The client gave up reconnecting (a wrong token, an incompatible protocol). */
  onPaused(reason: string): void;
}

/** Makes a client for a target. */
export type RpcClientFactory = (target: RpcTarget, events: RpcClientEvents) => RpcClientHandle;

/** The real client: loopback WebSocket, token auth, no device identity, protocol bounds from OpenClaw's package. */
export const createOpenClawClient: RpcClientFactory = (target, events) => {
  const client = new GatewayClient({
    url: `ws://127.0.0.1:${target.port}`,
    token: target.token,
    minProtocol: PROTOCOL_VERSION,
    maxProtocol: PROTOCOL_VERSION,
    scopes: RPC_SCOPES,
    clientDisplayName: 'ClawTray',
    deviceIdentity: null,
    env: {},
    onHelloOk: () => events.onHello(),
    onClose: (code, reason) => events.onClose(code, reason),
    onConnectError: (err) => events.onConnectError(err),
    onReconnectPaused: (info) => events.onPaused(info.reason),
  });
  return {
    start: () => client.start(),
    stop: () => client.stop(),
    request: (method, params, options) => client.request(method, params, { timeoutMs: options.timeoutMs, onSent: options.onSent }),
  };
};

/** The connection as the rest of the app sees it. */
export type RpcConnection = 'idle' | 'connecting' | 'connected' | 'refused';

/** Tuning and ports. */
export interface GatewayRpcDeps {
  clock: Clock;
  factory?: RpcClientFactory;
  /** Removes secrets from OpenClaw's messages before they reach an error or the log. */
  redact?: (text: string) => string;
  /** How long a request waits for a connection in progress before giving up as `not-sent` (default 3 s). */
  connectWaitMs?: number;
  /** Default deadline of one request (default 20 s). */
  requestTimeoutMs?: number;
}

interface Waiter {
  resolve(connected: boolean): void;
  timer: TimerHandle;
}

function errorInfo(err: unknown): { gatewayCode?: string; message: string; details?: unknown; requestSent?: boolean } {
  const e = (err ?? {}) as { gatewayCode?: unknown; code?: unknown; message?: unknown; details?: unknown; requestSent?: unknown };
  const info: { gatewayCode?: string; message: string; details?: unknown; requestSent?: boolean } = {
    message: typeof e.message === 'string' ? e.message : String(err),
  };
  if (typeof e.gatewayCode === 'string') info.gatewayCode = e.gatewayCode;
  if (e.details !== undefined) info.details = e.details;
  if (typeof e.requestSent === 'boolean') info.requestSent = e.requestSent;
  return info;
}

/**
 * Whether a request's error (from `rpcError`) means "ask the CLI instead": the request did not reach the gateway or
 * got no answer, or the gateway was UNAVAILABLE for it (OpenClaw 2026.9.6 answers "prepared model auth owner is
 * unavailable" while it re-prepares its auth state, e.g. just after a refresh). The CLI works on the stores itself.
 */
export function rpcFallsBackToCli(err: unknown): boolean {
  const details = (err as { details?: { rpc?: unknown; gatewayCode?: unknown } } | null)?.details;
  return details?.rpc === 'not-sent' || details?.rpc === 'no-answer' || (details?.rpc === 'refused' && details.gatewayCode === 'UNAVAILABLE');
}

/**
 * Turns what a request threw into a `CoreError`. Pure. `sent`: whether the request frame left the app (a timeout
 * error says so itself). OpenClaw's own words (redacted) are data: `details.said`, beside the translated sentence.
 */
export function rpcError(method: string, err: unknown, sent: boolean, redact: (s: string) => string = (s) => s): CoreError {
  const info = errorInfo(err);
  const said = redact(info.message);
  const params = { method };
  if (info.gatewayCode) {
    const detailCode = (info.details as { code?: unknown } | undefined)?.code;
    const details: Record<string, string> = { method, rpc: 'refused', gatewayCode: info.gatewayCode, said };
    if (typeof detailCode === 'string') details.gatewayDetail = detailCode;
    if (detailCode === 'UNKNOWN_AGENT_ID') return new CoreError('NOT_FOUND', 'errors.gateway.unknownAgent', { params, details, cause: err });
    const migration = migrationRequiredError(said, details, err);
    if (migration) return migration;
    return new CoreError('GATEWAY', 'errors.gateway.refused', { params, details, cause: err });
  }
  const reached = info.requestSent ?? sent;
  const details = { method, rpc: reached ? 'no-answer' : 'not-sent', said };
  return new CoreError('GATEWAY', reached ? 'errors.gateway.noAnswer' : 'errors.gateway.unreachable', { params, details, cause: err });
}

/** One kept-open connection to the gateway, with typed calls for the methods the app uses. */
export class GatewayRpc {
  private client: RpcClientHandle | undefined;
  private target: RpcTarget | null = null;
  private conn: RpcConnection = 'idle';
  private problem: string | undefined;
  private generation = 0;
  private readonly waiters = new Set<Waiter>();
  private readonly listeners = new Set<(connection: RpcConnection) => void>();
  private readonly factory: RpcClientFactory;
  private readonly redact: (s: string) => string;
  private disposed = false;

  constructor(private readonly deps: GatewayRpcDeps) {
    this.factory = deps.factory ?? createOpenClawClient;
    this.redact = deps.redact ?? ((s) => s);
  }

  /** The connection now; `connected` means requests go out at once. */
  connection(): RpcConnection {
    return this.conn;
  }

  /** Why the last connection failed or was refused (redacted), if it did. */
  lastProblem(): string | undefined {
    return this.problem;
  }

  /** Called with every change of `connection()`; returns the unsubscribe function. */
  onConnection(listener: (connection: RpcConnection) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** Connects to `target` (null: disconnects). The same target again changes nothing. */
  setTarget(target: RpcTarget | null): void {
    if (this.disposed) return;
    if (target && this.target && target.port === this.target.port && target.token === this.target.token) return;
    this.target = target ? { ...target } : null;
    this.restart();
  }

  /** Reconnects now unless connected (the gateway is back: no need to wait for the client's backoff). */
  nudge(): void {
    if (this.disposed || !this.target || this.conn === 'connected') return;
    this.restart();
  }

  /** Resolves true once connected, false when `ms` pass first or there is nothing to connect to. */
  waitConnected(ms: number): Promise<boolean> {
    if (this.conn === 'connected') return Promise.resolve(true);
    if (this.conn !== 'connecting') return Promise.resolve(false);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        resolve: (ok) => {
          this.deps.clock.clearTimeout(waiter.timer);
          this.waiters.delete(waiter);
          resolve(ok);
        },
        timer: this.deps.clock.setTimeout(() => waiter.resolve(false), ms),
      };
      this.waiters.add(waiter);
    });
  }

  /** Stops the connection for good (safe to call twice). */
  dispose(): void {
    this.disposed = true;
    this.target = null;
    this.restart();
    this.listeners.clear();
  }

  /** `models.authStatus`: every provider's credentials for one agent, as the gateway sees them now. */
  authStatus(params: { agentId?: string; refresh?: boolean } = {}): Promise<RpcAuthStatus> {
    return this.call('models.authStatus', params, RpcAuthStatus);
  }

  /** `models.authSetApiKey`: saves a key into the provider's configured or first api_key profile, else `<provider>:manual`. */
  authSetApiKey(params: { provider: string; apiKey: string; agentId?: string }): Promise<RpcSetApiKeyResult> {
    return this.call('models.authSetApiKey', params, RpcSetApiKeyResult);
  }

  /** `models.authLogout`: removes the given profiles (or all of the provider's). */
  authLogout(params: { provider: string; profileIds?: string[]; agentId?: string }): Promise<RpcLogoutResult> {
    return this.call('models.authLogout', params, RpcLogoutResult);
  }

  /** `models.authOrderSet`: the agent's order for a provider (it must name every profile); null clears it. */
  authOrderSet(params: { provider: string; profileIds: string[] | null; agentId?: string }): Promise<RpcOrderSetResult> {
    const { profileIds, ...rest } = params;
    return this.call('models.authOrderSet', profileIds ? { ...rest, profileIds } : rest, RpcOrderSetResult);
  }

  /** `models.probe`: tries one provider's credential (or all of them) with a tiny request; waits past its own timeout. */
  probe(params: { provider: string; profileId?: string; agentId?: string; timeoutMs: number }): Promise<RpcProbeResult> {
    return this.call('models.probe', params, RpcProbeResult, params.timeoutMs + 15_000);
  }

  /** `config.get`: the config's hash (for `configPatch`) and whether OpenClaw accepts it. */
  configGet(): Promise<RpcConfigSnapshot> {
    return this.call('config.get', {}, RpcConfigSnapshot);
  }

  /** `config.patch`: a JSON merge patch applied to openclaw.json, refused when the file changed since `baseHash`. */
  configPatch(patch: Record<string, unknown>, baseHash: string): Promise<RpcConfigPatchResult> {
    return this.call('config.patch', { raw: JSON.stringify(patch), baseHash }, RpcConfigPatchResult);
  }

  private async call<S extends z.ZodType>(method: string, params: unknown, schema: S, timeoutMs = this.deps.requestTimeoutMs ?? 20_000): Promise<z.output<S>> {
    if (this.conn !== 'connected' && !(await this.waitConnected(this.deps.connectWaitMs ?? 3000))) {
      throw rpcError(method, new Error(this.problem ?? 'not connected'), false, this.redact);
    }
    const client = this.client;
    let sent = false;
    let answer: unknown;
    try {
      if (!client) throw new Error('not connected');
      answer = await client.request(method, params, { timeoutMs, onSent: () => (sent = true) });
    } catch (err) {
      throw rpcError(method, err, sent, this.redact);
    }
    const parsed = schema.safeParse(answer);
    if (!parsed.success) {
      throw new CoreError('INTERNAL', 'errors.gateway.badAnswer', {
        params: { method },
        details: { method, issue: parsed.error.issues[0]?.path.join('.') ?? '' },
      });
    }
    return parsed.data;
  }

  private setConnection(next: RpcConnection): void {
    if (this.conn === next) return;
    this.conn = next;
    if (next !== 'connecting') for (const w of [...this.waiters]) w.resolve(next === 'connected');
    for (const l of [...this.listeners]) l(next);
  }

  private restart(): void {
    const old = this.client;
    this.client = undefined;
    const generation = ++this.generation;
    old?.stop();
    if (!this.target || this.disposed) {
      this.setConnection('idle');
      return;
    }
    const current = () => generation === this.generation;
    this.problem = undefined;
    this.setConnection('connecting');
    const client = this.factory(this.target, {
      onHello: () => {
        if (!current()) return;
        this.problem = undefined;
        this.setConnection('connected');
      },
      onClose: (code, reason) => {
        if (current() && this.conn === 'connected') {
          this.problem = this.redact(`closed (${code}) ${reason}`.trim());
          this.setConnection('connecting');
        }
      },
      onConnectError: (err) => {
        if (current()) this.problem = this.redact(err.message);
      },
      onPaused: (reason) => {
        if (!current()) return;
        this.problem = this.redact(reason || this.problem || 'refused');
        this.setConnection('refused');
      },
    });
    this.client = client;
    client.start();
  }
}
