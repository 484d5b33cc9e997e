/**
 * A fake gateway RPC client over the `FakeOpenClaw` model, with the real client's error behaviour (errors made by
 * `rpcError`, as `GatewayRpc` makes them): connected or not, a request that never leaves, one whose answer is
 * lost after (or before) the gateway applied it, and the gateway's refusals (locked order, partial order, stale
 * config hash). With `lagging`, `models.authStatus` answers from the snapshot it last prepared, as the real gateway
 * does: a change made by another process (the CLI) shows only after its own writes or a `refresh: true` read.
 */
import { rpcError, type RpcConnection } from '../core/openclaw/gateway-rpc';
import type { RpcAuthStatus } from '../core/openclaw/gateway-rpc-schemas';
import type { ManagedRpc } from '../core/credentials/openclaw-managed/backend';
import type { FakeOpenClaw } from './fake-openclaw-managed';

/** What can go wrong with the next request of a method. */
/** `unavailable`: refused before applying, as OpenClaw's gateway does while it re-prepares its auth state. `persisted-not-applied`: written, then refused as OpenClaw's `config.patch` does when its gateway cannot take the change in at once. */
export type FakeRpcFault = 'not-sent' | 'lost-after-apply' | 'lost-before-apply' | 'persisted-not-applied' | 'unavailable';

const refused = (method: string, message: string, code = 'INVALID_REQUEST') => rpcError(method, Object.assign(new Error(message), { gatewayCode: code }), true);

/** The fake client, plus its controls. */
export class FakeOpenClawRpc implements ManagedRpc {
  state: RpcConnection = 'connected';
  readonly calls: { method: string; params: Record<string, unknown> }[] = [];
  private readonly faults = new Map<string, FakeRpcFault[]>();
  private readonly listeners = new Set<() => void>();
  /** Answer `models.authStatus` from the last prepared snapshot until a refresh or an RPC write. */
  lagging = false;
  /** Answer `models.authStatus` with no providers and `unavailable`, as a gateway still preparing its model auth does. */
  preparing = false;
  private readonly prepared = new Map<string, RpcAuthStatus>();

  constructor(private readonly model: FakeOpenClaw) {}

  connection(): RpcConnection {
    return this.state;
  }

  /** Changes the connection state and tells listeners, as the real client does. */
  setConnection(state: RpcConnection): void {
    this.state = state;
    for (const l of [...this.listeners]) l();
  }

  onConnection(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** Queues a fault for the next request of `method`. */
  fail(method: string, fault: FakeRpcFault): void {
    this.faults.set(method, [...(this.faults.get(method) ?? []), fault]);
  }

  private async call<T>(method: string, params: Record<string, unknown>, apply: () => T): Promise<T> {
    await new Promise((resolve) => setImmediate(resolve));
    if (this.state !== 'connected') throw rpcError(method, new Error('gateway not connected'), false);
    const fault = this.faults.get(method)?.shift();
    if (fault === 'not-sent') throw rpcError(method, new Error('gateway not connected'), false);
    this.calls.push({ method, params });
    if (fault === 'lost-before-apply') throw rpcError(method, new Error('gateway closed (1012): service restart'), true);
    if (fault === 'unavailable') throw refused(method, 'Error: prepared model auth owner is unavailable (main)', 'UNAVAILABLE');
    const result = apply();
    if (method !== 'models.authStatus') this.prepared.clear();
    if (fault === 'lost-after-apply') throw rpcError(method, new Error('gateway closed (1012): service restart'), true);
    if (fault === 'persisted-not-applied') {
      throw refused(method, `${method} persisted but was not applied to the active Gateway (failed); run config.get, then use config.apply to reapply the saved config or restart the Gateway`, 'UNAVAILABLE');
    }
    return result;
  }

  private agent(params: { agentId?: string | undefined }): string {
    const id = params.agentId ?? 'main';
    if (!this.model.agents().includes(id)) throw rpcError('agent', Object.assign(new Error(`unknown agent id "${id}"`), { gatewayCode: 'INVALID_REQUEST', details: { code: 'UNKNOWN_AGENT_ID' } }), true);
    if (this.model.broken.has(id)) throw refused('agent', `Auth profile store for agent ${id} requires legacy credential migration; run openclaw doctor --fix.`, 'UNAVAILABLE');
    return id;
  }

  private locked(agentId: string, provider: string): boolean {
    return !this.model.orders.get(agentId)?.has(provider) && Array.isArray(this.model.readConfig().auth?.order?.[provider]);
  }

  authStatus(params: { agentId?: string; refresh?: boolean }): Promise<RpcAuthStatus> {
    return this.call('models.authStatus', params, () => {
      const agentId = this.agent(params);
      if (this.preparing) return { ts: this.model.now(), providers: [], unavailable: { code: 'PREPARED_MODEL_AUTH_UNAVAILABLE', message: 'Model authentication status is unavailable.' } };
      const earlier = this.prepared.get(agentId);
      if (this.lagging && earlier && !params.refresh) return structuredClone(earlier);
      const answer = this.prepare(agentId);
      this.prepared.set(agentId, answer);
      return structuredClone(answer);
    });
  }

  private prepare(agentId: string): RpcAuthStatus {
    const providers = new Map<string, RpcAuthStatus['providers'][number]>();
    for (const [id, c] of this.model.visible(agentId)) {
      const s = this.model.statusOf(c);
      const p = providers.get(c.provider) ?? { provider: c.provider, status: 'static', profiles: [] };
      p.profiles.push({
        profileId: id,
        type: c.type,
        status: s.status,
        source: c.own && agentId !== 'main' ? 'saved' : 'inherited',
        ...(s.expiresAt !== undefined ? { expiry: { at: s.expiresAt, remainingMs: s.remainingMs! } } : {}),
        logoutSupported: true,
      });
      providers.set(c.provider, p);
    }
    for (const p of providers.values()) {
      const stored = this.model.orders.get(agentId)?.get(p.provider);
      if (stored) Object.assign(p, { profileOrder: stored, profileOrderStored: true });
      else if (this.locked(agentId, p.provider)) Object.assign(p, { profileOrder: this.model.readConfig().auth.order[p.provider], profileOrderLocked: 'auth-config' });
    }
    return { ts: this.model.now(), providers: [...providers.values()] };
  }

  authSetApiKey(params: { provider: string; apiKey: string; agentId?: string }) {
    return this.call('models.authSetApiKey', params, () => {
      const agentId = this.agent(params);
      const id = this.model.apiKeyPick(agentId, params.provider);
      this.model.ownerStore(agentId, id, true).set(id, { type: 'api_key', provider: params.provider, secret: params.apiKey });
      this.model.setMeta(id, params.provider, 'api_key');
      this.model.touch();
      return { provider: params.provider, profileId: id };
    });
  }

  authLogout(params: { provider: string; profileIds?: string[]; agentId?: string }) {
    return this.call('models.authLogout', params, () => {
      const agentId = this.agent(params);
      const removed: string[] = [];
      for (const id of params.profileIds ?? []) {
        const own = this.model.localOf(agentId);
        const store = own.has(id) ? own : this.model.shared.has(id) ? this.model.shared : undefined;
        if (!store) throw refused('models.authLogout', 'profileIds contain unavailable auth profiles');
        store.delete(id);
        for (const orders of this.model.orders.values()) for (const [p, ids] of orders) orders.set(p, ids.filter((x) => x !== id));
        this.model.setMeta(id, '', null);
        removed.push(id);
      }
      this.model.touch();
      return { provider: params.provider, removedProfiles: removed };
    });
  }

  authOrderSet(params: { provider: string; profileIds: string[] | null; agentId?: string }) {
    return this.call('models.authOrderSet', params, () => {
      const agentId = this.agent(params);
      if (this.locked(agentId, params.provider)) throw refused('models.authOrderSet', `profile priority for provider ${params.provider} is controlled by auth configuration`);
      const all = [...this.model.visible(agentId)].filter(([, c]) => c.provider === params.provider).map(([id]) => id);
      if (params.profileIds && (params.profileIds.length !== all.length || !all.every((id) => params.profileIds!.includes(id)))) {
        throw refused('models.authOrderSet', `profileIds must include every available profile for provider ${params.provider}`);
      }
      let orders = this.model.orders.get(agentId);
      if (!orders) this.model.orders.set(agentId, (orders = new Map()));
      if (params.profileIds) orders.set(params.provider, [...params.profileIds]);
      else orders.delete(params.provider);
      this.model.touch();
      return { provider: params.provider, profileIds: params.profileIds };
    });
  }

  configGet() {
    return this.call('config.get', {}, () => ({ hash: this.model.configHash(), valid: true, exists: true }));
  }

  configPatch(patch: Record<string, unknown>, baseHash: string) {
    return this.call('config.patch', { patch, baseHash }, () => {
      if (baseHash !== this.model.configHash()) throw refused('config.patch', 'config changed since last load; re-run config.get and retry');
      const merge = (target: Record<string, any>, p: Record<string, unknown>) => {
        for (const [k, v] of Object.entries(p)) {
          if (v === null) delete target[k];
          else if (typeof v === 'object' && !Array.isArray(v)) merge((target[k] = typeof target[k] === 'object' && target[k] && !Array.isArray(target[k]) ? target[k] : {}), v as Record<string, unknown>);
          else target[k] = v;
        }
      };
      const config = this.model.readConfig();
      merge(config, patch);
      this.model.writeConfig(config);
      return { ok: true as const, hash: this.model.configHash() };
    });
  }
}
