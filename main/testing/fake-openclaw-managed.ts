/**
 * An in-memory model of OpenClaw 2026.9.6's credential behaviour, with a fake CLI over it, for testing the
 * `openclaw-managed` backend at its seam (the real CLI costs 10-15 s per write). What it models was checked on the
 * real 2026.9.6 (see docs/notes/issue-10-managed.md): a shared store owned by the default agent `main`; agents
 * read it through and may hold their own profiles of the same id; `paste-token --agent A` always writes A's own
 * copy, while `paste-api-key` with an id A only inherits replaces the shared one; `logout` on an agent that only
 * inherits removes the shared profile; `models status --json` prints masked labels and drops `expiresAt` of
 * expired tokens; once two agents exist `models auth` needs `--agent`. Config lives in the real openclaw.json of
 * the temp state dir; every write touches `state/openclaw.sqlite` so watchers see it. Faults can be queued.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openclawMask } from '../core/credentials/openclaw-managed/status-parse';
import type { CliOutcome } from '../core/credentials/openclaw-managed/cli-commands';

/** One stored credential. */
export interface FakeCredential {
  type: 'api_key' | 'token';
  provider: string;
  secret: string;
  expires?: number;
}

/** A fault for the next matching run: a 78 race, a deadline, garbage output, or an exit with a message. */
export type FakeFault = { kind: 'race' } | { kind: 'timeout' } | { kind: 'garbage' } | { kind: 'fail'; code: number; stderr: string };

const WARN_MS = 86_400_000;

/** The model plus its CLI. */
export class FakeOpenClaw {
  readonly shared = new Map<string, FakeCredential>();
  readonly local = new Map<string, Map<string, FakeCredential>>();
  readonly orders = new Map<string, Map<string, string[]>>();
  /** Agents whose store is broken (`models status` and writes fail as with a pending migration). */
  readonly broken = new Set<string>();
  /** Every CLI run: its arguments and what was on stdin. */
  readonly runs: { args: string[]; stdin?: string | undefined }[] = [];
  private readonly faults: { match: (args: string[]) => boolean; fault: FakeFault }[] = [];

  constructor(
    readonly stateDir: string,
    readonly now: () => number = Date.now,
  ) {
    fs.mkdirSync(path.join(stateDir, 'state'), { recursive: true, mode: 0o700 });
    if (!fs.existsSync(this.configPath)) this.writeConfig({ gateway: { mode: 'local', bind: 'loopback' } });
  }

  get configPath(): string {
    return path.join(this.stateDir, 'openclaw.json');
  }

  readConfig(): Record<string, any> {
    return JSON.parse(fs.readFileSync(this.configPath, 'utf8'));
  }

  writeConfig(config: Record<string, unknown>): void {
    fs.writeFileSync(this.configPath, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  }

  /** A sha256 of openclaw.json, as the gateway's `config.get` hash. */
  configHash(): string {
    return `sha256:${createHash('sha256').update(fs.readFileSync(this.configPath)).digest('hex')}`;
  }

  /** Makes `agentId` a configured agent (`agents.entries`). */
  addAgent(agentId: string): void {
    const config = this.readConfig();
    config.agents ??= {};
    config.agents.entries ??= { main: {} };
    config.agents.entries[agentId] = { name: agentId };
    this.writeConfig(config);
  }

  agents(): string[] {
    return ['main', ...Object.keys(this.readConfig().agents?.entries ?? {}).filter((a) => a !== 'main')];
  }

  /** Queues a fault for the next run whose arguments contain all of `words`. */
  fail(words: string[], fault: FakeFault): void {
    this.faults.push({ match: (args) => words.every((w) => args.includes(w)), fault });
  }

  localOf(agentId: string): Map<string, FakeCredential> {
    let m = this.local.get(agentId);
    if (!m) this.local.set(agentId, (m = new Map()));
    return m;
  }

  /** What `agentId` sees: the shared store overridden by its own profiles; `own` says which are its own. */
  visible(agentId: string): Map<string, FakeCredential & { own: boolean }> {
    const out = new Map<string, FakeCredential & { own: boolean }>();
    for (const [id, c] of this.shared) out.set(id, { ...c, own: agentId === 'main' });
    for (const [id, c] of this.localOf(agentId)) out.set(id, { ...c, own: true });
    return out;
  }

  /** Where a write for `agentId` of `profileId` goes, as OpenClaw decides it (`preferOwner`: API keys follow the owner). */
  ownerStore(agentId: string, profileId: string, preferOwner: boolean): Map<string, FakeCredential> {
    if (agentId === 'main') return this.shared;
    const own = this.localOf(agentId);
    if (preferOwner && !own.has(profileId) && this.shared.has(profileId)) return this.shared;
    return own;
  }

  /** The first API key OpenClaw's "set key" would replace, else `<provider>:manual`. */
  apiKeyPick(agentId: string, provider: string): string {
    const order = this.orders.get(agentId)?.get(provider) ?? [...this.visible(agentId).keys()];
    return order.find((id) => this.visible(agentId).get(id)?.type === 'api_key' && this.visible(agentId).get(id)?.provider === provider) ?? `${provider}:manual`;
  }

  setMeta(profileId: string, provider: string, mode: string | null): void {
    const config = this.readConfig();
    config.auth ??= {};
    config.auth.profiles ??= {};
    if (mode) config.auth.profiles[profileId] = { provider, mode };
    else delete config.auth.profiles[profileId];
    this.writeConfig(config);
  }

  /** Signals a store change to file watchers, as a SQLite write would. */
  touch(): void {
    fs.writeFileSync(path.join(this.stateDir, 'state', 'openclaw.sqlite'), String(this.now()));
  }

  /** Status of one credential as OpenClaw reports it. */
  statusOf(c: FakeCredential): { status: string; expiresAt?: number; remainingMs?: number } {
    if (c.type !== 'token' || c.expires === undefined) return { status: 'static' };
    const remainingMs = c.expires - this.now();
    if (remainingMs <= 0) return { status: 'expired' };
    return { status: remainingMs <= WARN_MS ? 'expiring' : 'ok', expiresAt: c.expires, remainingMs };
  }

  /** The fake `openclaw` CLI (the backend's `ManagedCli` port). */
  readonly cli = {
    run: async (args: string[], options: { stdin?: string; write?: boolean } = {}): Promise<CliOutcome> => {
      this.runs.push({ args: [...args], stdin: options.stdin });
      await new Promise((resolve) => setImmediate(resolve));
      const i = this.faults.findIndex((f) => f.match(args));
      if (i >= 0) {
        const fault = this.faults.splice(i, 1)[0]!.fault;
        if (fault.kind === 'race') return this.out(args, 78, '', 'Error: migration inputs changed during startup; retry.');
        if (fault.kind === 'timeout') return { ...this.out(args, null, '', ''), ended: 'timeout' };
        if (fault.kind === 'garbage') return this.out(args, 0, '<<<not json at all>>>', '');
        return this.out(args, fault.code, '', fault.stderr);
      }
      try {
        return this.out(args, 0, this.exec(args, (options.stdin ?? '').trim()), '');
      } catch (err) {
        const e = err as { json?: boolean; message: string };
        return e.json ? this.out(args, 1, JSON.stringify({ ok: false, error: { type: 'cli_error', message: e.message } }), '') : this.out(args, 1, '', e.message);
      }
    },
  };

  private out(args: string[], code: number | null, stdout: string, stderr: string): CliOutcome {
    return { args, code, signal: null, stdout, stderr, ended: 'exit' };
  }

  private flag(args: string[], name: string): string | undefined {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  }

  private agentOf(args: string[], json = false): string {
    const agent = this.flag(args, '--agent');
    if (!agent && this.agents().length > 1) throw Object.assign(new Error('Multiple agents are configured, but the model command has no explicit owner. Pass --agent <id>.'), { json });
    const id = agent ?? 'main';
    if (!this.agents().includes(id)) throw Object.assign(new Error(`Unknown agent id "${id}".`), { json });
    if (this.broken.has(id)) throw Object.assign(new Error(`Auth profile store for agent ${id} requires legacy credential migration; run openclaw doctor --fix.`), { json });
    return id;
  }

  private exec(args: string[], stdin: string): string {
    const [a, b, c] = args;
    if (a === 'models' && b === 'status') return JSON.stringify(this.modelsStatus(this.agentOf(args, true)));
    if (a === 'models' && b === 'set') {
      const config = this.readConfig();
      config.agents ??= {};
      config.agents.defaults ??= {};
      config.agents.defaults.model = { primary: c };
      this.writeConfig(config);
      return `Default model: ${c}\n`;
    }
    if (a === 'config' && b === 'set') return this.configSet(args);
    if (a === 'config' && b === 'unset') return this.configUnset(c!);
    if (a !== 'models' || b !== 'auth') throw new Error(`fake openclaw: unknown command ${args.join(' ')}`);
    const agentId = this.agentOf(args);
    const provider = this.flag(args, '--provider') ?? '';
    if (c === 'paste-api-key' || c === 'paste-token') {
      if (!stdin) throw new Error('Required');
      const token = c === 'paste-token';
      if (token && provider === 'anthropic' && (!stdin.startsWith('sk-ant-oat01-') || stdin.length < 80)) throw new Error('Expected token starting with ***-');
      const id = this.flag(args, '--profile-id') ?? (token ? `${provider}:manual` : this.apiKeyPick(agentId, provider));
      const store = this.ownerStore(agentId, id, !token);
      const existing = store.get(id);
      if (!token && existing && existing.type !== 'api_key') throw new Error('The API-key profile belongs to another sign-in. Manage that saved sign-in first.');
      const inMs = this.flag(args, '--expires-in');
      store.set(id, { type: token ? 'token' : 'api_key', provider, secret: stdin, ...(inMs ? { expires: this.now() + Number.parseInt(inMs, 10) } : {}) });
      this.setMeta(id, provider, token ? 'token' : 'api_key');
      this.touch();
      return `Updated config: ${this.configPath}\nAuth profile: ${id} (${provider}/${token ? 'token' : 'api_key'})\n`;
    }
    if (c === 'logout') {
      const id = args[3]!;
      const own = this.localOf(agentId);
      const store = own.has(id) ? own : this.shared.has(id) ? this.shared : undefined;
      if (!store) throw new Error(`Auth profile "${id}" not found for agent "${agentId}".`);
      store.delete(id);
      for (const orders of this.orders.values()) for (const [p, ids] of orders) orders.set(p, ids.filter((x) => x !== id));
      this.setMeta(id, '', null);
      this.touch();
      return `Removed auth profile: ${id}\n`;
    }
    if (c === 'order') {
      let orders = this.orders.get(agentId);
      if (!orders) this.orders.set(agentId, (orders = new Map()));
      if (args[3] === 'clear') orders.delete(provider);
      else orders.set(provider, args.slice(args.indexOf(agentId) + 1));
      this.touch();
      return `Agent: ${agentId}\n`;
    }
    throw new Error(`fake openclaw: unknown command ${args.join(' ')}`);
  }

  private modelsStatus(agentId: string): Record<string, unknown> {
    const visible = this.visible(agentId);
    const byProvider = new Map<string, string[]>();
    const profiles = [...visible].map(([id, c]) => {
      byProvider.set(c.provider, [...(byProvider.get(c.provider) ?? []), `${id}=${c.type === 'token' ? 'token:' : ''}${openclawMask(c.secret) ?? c.secret.length}`]);
      return { profileId: id, provider: c.provider, type: c.type, source: 'store', label: id, ...this.statusOf(c) };
    });
    const storePath = agentId === 'main' || !this.localOf(agentId).size ? path.join(this.stateDir, 'state', 'openclaw.sqlite') : path.join(this.stateDir, 'agents', agentId, 'agent', 'openclaw-agent.sqlite');
    return {
      agentId,
      auth: {
        storePath,
        providers: [...byProvider].map(([provider, labels]) => ({ provider, profiles: { count: labels.length, labels } })),
        unusableProfiles: [],
        oauth: { warnAfterMs: WARN_MS, profiles },
      },
    };
  }

  private parsePath(p: string): string[] {
    return [...p.matchAll(/\["((?:[^"\\]|\\.)*)"\]|([^.[\]]+)/g)].map((m) => (m[1] !== undefined ? JSON.parse(`"${m[1]}"`) : m[2]));
  }

  private configSet(args: string[]): string {
    const file = this.flag(args, '--batch-file')!;
    const ops = JSON.parse(fs.readFileSync(file, 'utf8')) as { path: string; value: unknown }[];
    const config = this.readConfig();
    for (const op of ops) {
      if (op.value === undefined) throw new Error(`Dry run failed: config schema validation failed.\n- ${op.path}: Invalid input`);
      const keys = this.parsePath(op.path);
      let node = config;
      keys.slice(0, -1).forEach((k) => (node = node[k] ??= {}));
      node[keys.at(-1)!] = op.value;
    }
    if (args.includes('--dry-run')) return `Dry run successful: ${ops.length} update(s) validated.\n`;
    this.writeConfig(config);
    return `Updated ${ops.length} config paths.\n`;
  }

  private configUnset(p: string): string {
    const config = this.readConfig();
    const keys = this.parsePath(p);
    let node = config;
    for (const k of keys.slice(0, -1)) node = node?.[k];
    if (node) delete node[keys.at(-1)!];
    this.writeConfig(config);
    return `Removed ${p}.\n`;
  }
}
