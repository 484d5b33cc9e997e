/**
 * Reads an agent's credentials from OpenClaw 2026.6+ without touching its private stores: the gateway's
 * `models.authStatus` when connected (~10 ms), else `openclaw models status --json --agent A` (seconds), kept in
 * memory per agent so every later read is answered at once from the cache. OpenClaw's state files are watched
 * (debounced): a change marks the cache stale and reloads it in the background, then tells the watchers. A read
 * never throws: what could not be read is the snapshot's `problem`. Masked labels come from CLI reads and from the
 * app's own saves (the gateway does not report them); own/inherited comes from the gateway, or on the CLI path
 * from comparing with the default agent (whose store is the shared one).
 */
import path from 'node:path';
import { ownValue } from '../../../../shared/own-keys';
import { remaskLabel } from '../../../../shared/masking';
import type { Clock, TimerHandle } from '../../clock';
import type { Logger } from '../../context';
import { toErrorShape } from '../../errors';
import { createDirWatcher, type DirWatcher } from '../../fs/dir-watcher';
import { DEFAULT_AGENT_ID } from '../../openclaw/agents';
import type { RpcAuthStatus } from '../../openclaw/gateway-rpc-schemas';
import { rpcFallsBackToCli, type RpcConnection } from '../../openclaw/gateway-rpc';
import { agentDir, type OpenClawPaths } from '../../openclaw/paths';
import type { CredentialRecord, CredentialSnapshot } from '../backend';
import { cliError, modelsStatusArgs, type CliOutcome } from './cli-commands';
import { markInherited, openclawMask, parseCliModelsStatus, readFromRpc, type ManagedRead } from './status-parse';

/** Runs OpenClaw's CLI (the shared runner of `openclaw/cli.ts` fits). */
export interface ManagedCli {
  run(args: string[], options?: { stdin?: string; write?: boolean; timeoutMs?: number }): Promise<CliOutcome>;
}

/** The reading half of the gateway RPC. */
export interface ManagedRpcReads {
  connection(): RpcConnection;
  authStatus(params: { agentId?: string; refresh?: boolean }): Promise<RpcAuthStatus>;
}

/** What the reader needs. */
export interface ReaderDeps {
  paths: OpenClawPaths;
  clock: Clock;
  cli: ManagedCli;
  rpc: ManagedRpcReads;
  logger?: Logger | undefined;
  redact(text: string): string;
  /** Debounce of file changes before a background reload (default 300 ms). */
  debounceMs?: number;
}

/** How long after one of the app's own writes the store's file events are taken as that write's. */
const OWN_WRITE_QUIET_MS = 1_500;

/** A cached answer: what was read, or why it could not be (kept until the files change, so a broken install is not re-run on every read). */
type Entry = { read: ManagedRead; via: 'rpc' | 'cli'; at: number } | { error: unknown; at: number };

/** The reader; one per backend. */
export class ManagedReader {
  private readonly cache = new Map<string, Entry>();
  private readonly loading = new Map<string, Promise<ManagedRead>>();
  /** profile id -> masked label, per agent (own copies of one id may hold different secrets). */
  private readonly labels = new Map<string, Record<string, string>>();
  private readonly listeners = new Set<() => void>();
  private readonly stale = new Set<string>();
  /**
   * The gateway may not have seen the app's latest CLI write yet: it answers `models.authStatus` from a snapshot it
   * prepared earlier until it notices the store changed, so after a CLI write (another process) the next read per
   * agent asks it to refresh (`refresh: true`) instead of overwriting the cache with the old answer. `changes` counts
   * those writes, `gatewaySeen` the count each agent was last read with a refresh at (0 when never). File events do
   * not count: the gateway's own activity fires them too, and a refresh costs far more than a plain read.
   */
  private changes = 0;
  private readonly gatewaySeen = new Map<string, number>();
  private watcher: DirWatcher | undefined;
  private writing = 0;
  private quietUntil = 0;
  private debounce: TimerHandle | undefined;
  private disposed = false;

  constructor(private readonly d: ReaderDeps) {}

  /** The agent's credentials: fresh from the gateway when connected, else the cached CLI read (loaded once). */
  async snapshot(agentId: string): Promise<CredentialSnapshot> {
    try {
      return this.toSnapshot(agentId, await this.load(agentId, false));
    } catch (err) {
      return { agentId, profiles: [], order: {}, location: this.location(agentId), problem: { scope: 'credentials', error: toErrorShape(err) } };
    }
  }

  /** Like `snapshot` but never from a stale cache, and throwing what could not be read (before a write). */
  async fresh(agentId: string): Promise<CredentialSnapshot> {
    return this.toSnapshot(agentId, await this.load(agentId, true));
  }

  /** The last read of an agent (for what the snapshot does not carry: which orders config decides). */
  lastRead(agentId: string): ManagedRead | undefined {
    const entry = this.cache.get(agentId);
    return entry && 'read' in entry ? entry.read : undefined;
  }

  /** The masked forms OpenClaw prints for secrets (to redact them from logs too). */
  maskedForms(): string[] {
    return [...this.labels.values()].flatMap((l) => Object.values(l)).filter((m) => m.length >= 8);
  }

  /**
   * Runs one of the app's own writes. The store changes it makes are not news (the write patches the cache), so file
   * events are ignored while it runs and for a moment after; a change someone else makes in that window is seen at
   * the next event or write.
   */
  async ownWrite<T>(write: () => Promise<T>): Promise<T> {
    this.writing++;
    try {
      return await write();
    } finally {
      this.writing--;
      this.quietUntil = this.d.clock.now() + OWN_WRITE_QUIET_MS;
    }
  }

  /**
   * Records what a write just did, so reads show it at once. With `verify` (OpenClaw decided something the app
   * cannot know exactly, such as the expiry of a token it was given as a duration) the agent is read again in the
   * background.
   */
  patch(agentId: string, change: (records: CredentialRecord[], order: Record<string, string[]>) => CredentialRecord[], verify = false): void {
    const entry = this.cache.get(agentId);
    if (entry && 'read' in entry) {
      const order = { ...(entry.read.order ?? {}) };
      entry.read = { ...entry.read, records: change([...entry.read.records], order), order };
    } else this.stale.add(agentId);
    if (verify) this.invalidate([agentId]);
  }

  /**
   * Records a change of the shared store (the default agent's): `change` runs on the default agent's records as its
   * own and on every other cached agent's records as inherited ones.
   */
  patchShared(change: (records: CredentialRecord[], source: 'own' | 'inherited') => CredentialRecord[], verify = false): void {
    for (const [agentId, entry] of this.cache) {
      if ('read' in entry) entry.read = { ...entry.read, records: change([...entry.read.records], agentId === DEFAULT_AGENT_ID ? 'own' : 'inherited') };
    }
    if (verify) this.invalidate();
  }

  /** OpenClaw's own mask of a profile's secret as this agent sees it (its own, else the shared one), if known. */
  label(agentId: string, profileId: string): string | undefined {
    return ownValue(this.labelsOf(agentId), profileId) ?? ownValue(this.labelsOf(DEFAULT_AGENT_ID), profileId);
  }

  /** Remembers how OpenClaw masks a secret the app just saved under `profileId` for `agentId`. */
  rememberSecret(agentId: string, profileId: string, secret: string): void {
    const mask = openclawMask(secret);
    if (mask) this.labelsOf(agentId)[profileId] = mask;
  }

  /** The app changed OpenClaw's stores through its CLI: the gateway's next answers may be from before (see `changes`). */
  cliWrote(): void {
    this.changes++;
  }

  /** Marks agents (default: all) stale and reloads them in the background (debounced). */
  invalidate(agentIds?: string[]): void {
    for (const id of agentIds ?? [...this.cache.keys()]) this.stale.add(id);
    if (this.disposed) return;
    if (this.debounce) this.d.clock.clearTimeout(this.debounce);
    this.debounce = this.d.clock.setTimeout(() => {
      this.debounce = undefined;
      void this.reloadStale();
    }, this.d.debounceMs ?? 300);
  }

  /** Tells `onChange` when a background reload changed what the cache says; returns the unsubscribe. */
  watch(onChange: () => void): () => void {
    this.listeners.add(onChange);
    this.watcher ??= createDirWatcher(
      () => {
        this.syncWatcher();
        if (this.writing === 0 && this.d.clock.now() >= this.quietUntil) this.invalidate();
      },
      (dir, err) => this.d.logger?.warn(`cannot watch ${dir}: ${err.message}`),
    );
    this.syncWatcher();
    return () => {
      this.listeners.delete(onChange);
      if (this.listeners.size || !this.watcher) return;
      this.watcher.close();
      this.watcher = undefined;
    };
  }

  dispose(): void {
    this.disposed = true;
    if (this.debounce) this.d.clock.clearTimeout(this.debounce);
    this.watcher?.close();
    this.watcher = undefined;
    this.listeners.clear();
  }

  private location(agentId: string): CredentialSnapshot['location'] {
    const store = agentId === DEFAULT_AGENT_ID ? path.join(this.d.paths.stateDir, 'state', 'openclaw.sqlite') : path.join(agentDir(this.d.paths, agentId), 'openclaw-agent.sqlite');
    return { credentials: store, state: store };
  }

  private labelsOf(agentId: string): Record<string, string> {
    let l = this.labels.get(agentId);
    if (!l) this.labels.set(agentId, (l = {}));
    return l;
  }

  private syncWatcher(): void {
    const agents = [...new Set([...this.cache.keys(), DEFAULT_AGENT_ID])];
    this.watcher?.sync([this.d.paths.stateDir, path.join(this.d.paths.stateDir, 'state'), this.d.paths.agentsDir, ...agents.map((a) => agentDir(this.d.paths, a))]);
  }

  private toSnapshot(agentId: string, read: ManagedRead): CredentialSnapshot {
    const labels = { ...this.labelsOf(DEFAULT_AGENT_ID), ...this.labelsOf(agentId) };
    const profiles = read.records.map((r) => (r.secret.kind === 'inline' && !r.secret.masked && labels[r.id] ? { ...r, secret: { kind: 'inline' as const, masked: remaskLabel(labels[r.id]!) } } : r));
    const loc = this.location(agentId);
    return { agentId, profiles, order: { ...(read.order ?? {}) }, location: read.storePath ? { credentials: read.storePath, state: read.storePath } : loc };
  }

  private async load(agentId: string, fresh: boolean): Promise<ManagedRead> {
    if (this.d.rpc.connection() === 'connected') {
      try {
        const changes = this.changes;
        const refresh = (this.gatewaySeen.get(agentId) ?? 0) < changes;
        const answer = await this.d.rpc.authStatus(refresh ? { agentId, refresh } : { agentId });
        // While the gateway still prepares its model auth it answers no providers and says `unavailable`: that is
        // not "no credentials", so the CLI (or the cache) answers instead.
        if (!answer.unavailable) {
          const read = readFromRpc(answer, agentId, {});
          if (refresh) this.gatewaySeen.set(agentId, changes);
          this.store(agentId, read, 'rpc');
          return read;
        }
      } catch (err) {
        if (!rpcFallsBackToCli(err)) throw err;
      }
    }
    const cached = this.cache.get(agentId);
    // The cache is trusted only while OpenClaw's files are watched; unwatched, a fresh read asks OpenClaw again.
    if (fresh && !this.watcher) this.stale.add(agentId);
    if (cached && !(fresh && this.stale.has(agentId))) {
      if (this.stale.has(agentId)) this.invalidate([agentId]);
      if ('error' in cached) throw cached.error;
      return cached.read;
    }
    return this.loadCli(agentId);
  }

  private loadCli(agentId: string): Promise<ManagedRead> {
    const running = this.loading.get(agentId);
    if (running) return running;
    const p = (async () => {
      this.stale.delete(agentId);
      try {
        const own = await this.runStatus(agentId);
        // The CLI does not report orders: keep the last one known (from the gateway or the app's own writes).
        const previous = this.lastRead(agentId)?.order;
        if (previous) own.order = { ...previous };
        if (agentId !== DEFAULT_AGENT_ID) await this.sharedRead();
        const read = markInherited(agentId, own, agentId === DEFAULT_AGENT_ID ? undefined : this.labelsOf(DEFAULT_AGENT_ID));
        this.store(agentId, read, 'cli');
        return read;
      } catch (err) {
        this.cache.set(agentId, { error: err, at: this.d.clock.now() });
        throw err;
      }
    })();
    this.loading.set(agentId, p);
    const clear = () => this.loading.delete(agentId);
    p.then(clear, clear);
    return p;
  }

  /** The default agent's read (its store is the shared one), loading it if needed; undefined if it cannot be read. */
  private async sharedRead(): Promise<ManagedRead | undefined> {
    const cached = this.cache.get(DEFAULT_AGENT_ID);
    if (cached && 'read' in cached && !this.stale.has(DEFAULT_AGENT_ID)) return cached.read;
    return this.loadCli(DEFAULT_AGENT_ID).catch(() => undefined);
  }

  private async runStatus(agentId: string): Promise<ManagedRead> {
    const result = await this.d.cli.run(modelsStatusArgs(agentId));
    // `models status` exits 1 with its error as JSON on stdout: the parser turns that into OpenClaw's message.
    if (result.ended !== 'exit' || (result.code !== 0 && !result.stdout.trim().startsWith('{'))) throw cliError(result, this.d.redact);
    const read = parseCliModelsStatus(result.stdout, this.d.redact);
    Object.assign(this.labelsOf(agentId), read.labels);
    return read;
  }

  private store(agentId: string, read: ManagedRead, via: 'rpc' | 'cli'): void {
    if (via === 'rpc') this.stale.delete(agentId);
    // OpenClaw stops reporting a token's expiry once it has passed; the last one known still dates the alert.
    const before = this.lastRead(agentId);
    if (before) {
      const known = new Map(before.records.map((r) => [r.id, r.expires]));
      read.records = read.records.map((r) => (r.expires === undefined && r.reported?.status === 'expired' && typeof known.get(r.id) === 'number' ? { ...r, expires: known.get(r.id)! } : r));
    }
    this.cache.set(agentId, { read, via, at: this.d.clock.now() });
    this.syncWatcher();
  }

  private async reloadStale(): Promise<void> {
    const agents = [...this.stale];
    let changed = false;
    for (const agentId of agents) {
      if (this.disposed) return;
      const entry = this.cache.get(agentId);
      const before = JSON.stringify(entry && 'read' in entry ? entry.read.records : null);
      try {
        this.stale.delete(agentId);
        const read = this.d.rpc.connection() === 'connected' ? await this.load(agentId, true) : await this.loadCli(agentId);
        if (JSON.stringify(read.records) !== before) changed = true;
      } catch (err) {
        this.d.logger?.warn(`reading OpenClaw's credentials for agent ${agentId} failed: ${this.d.redact((err as Error).message)}`);
        changed = true;
      }
    }
    if (changed && !this.disposed) for (const l of [...this.listeners]) l();
  }
}
