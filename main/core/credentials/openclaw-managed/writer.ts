/**
 * Writes credentials and config on OpenClaw 2026.6+ the documented ways: the gateway RPC when a gateway is
 * connected (API keys, removal, order, config patch: under two seconds), else the CLI (secrets on stdin, `--agent`
 * always, one write at a time per state dir, retried when a run loses a race and exits 78). Tokens always go
 * through the CLI (`paste-token`; the gateway has no method for them). A request that never reached the gateway,
 * or got no answer, is done again through the CLI: every write here is idempotent (same key, same order, same
 * removal, same config values).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Clock } from '../../clock';
import type { Logger } from '../../context';
import { CoreError } from '../../errors';
import { rpcFallsBackToCli, type RpcConnection } from '../../openclaw/gateway-rpc';
import type { RpcConfigPatchResult, RpcConfigSnapshot, RpcLogoutResult, RpcOrderSetResult, RpcSetApiKeyResult } from '../../openclaw/gateway-rpc-schemas';
import { batchFile, configPath, mergePatch, type ConfigOp } from './config-diff';
import { cliError, configSetBatchArgs, configUnsetArgs, EXIT_RACE, logoutArgs, orderArgs, pasteApiKeyArgs, pasteTokenArgs, type CliOutcome } from './cli-commands';
import type { ManagedCli } from './reader';

/** The writing half of the gateway RPC. */
export interface ManagedRpcWrites {
  connection(): RpcConnection;
  authSetApiKey(params: { provider: string; apiKey: string; agentId?: string }): Promise<RpcSetApiKeyResult>;
  authLogout(params: { provider: string; profileIds?: string[]; agentId?: string }): Promise<RpcLogoutResult>;
  authOrderSet(params: { provider: string; profileIds: string[] | null; agentId?: string }): Promise<RpcOrderSetResult>;
  configGet(): Promise<RpcConfigSnapshot>;
  configPatch(patch: Record<string, unknown>, baseHash: string): Promise<RpcConfigPatchResult>;
}

/** What the writer needs. */
export interface WriterDeps {
  clock: Clock;
  cli: ManagedCli;
  rpc: ManagedRpcWrites;
  redact(text: string): string;
  logger?: Logger | undefined;
  /** Told after every CLI write (whatever its outcome): the gateway learns of it later than the app. */
  onCliWrite?: () => void;
  /** How often a run that exits 78 is tried again (default 2), and the pause before each retry (default 750 ms). */
  raceRetries?: number;
  raceDelayMs?: number;
}

/**
 * Whether a refused `config.patch` still wrote the config: OpenClaw answers UNAVAILABLE with "config.patch persisted
 * but was not applied to the active Gateway" (or "persisted and was accepted for restart") when the file is saved
 * but the running gateway could not take it in at once; it queues a follow-up itself. The change is made.
 */
export function persistedAnyway(err: unknown): boolean {
  const details = (err as { details?: { rpc?: unknown; said?: unknown } } | null)?.details;
  return details?.rpc === 'refused' && typeof details.said === 'string' && /^config\.patch persisted\b/.test(details.said);
}

/** The writer; stateless apart from its ports. */
export class ManagedWriter {
  constructor(private readonly d: WriterDeps) {}

  /** Whether requests go to the gateway now. */
  rpcReady(): boolean {
    return this.d.rpc.connection() === 'connected';
  }

  /** One CLI write, retried while it exits 78; throws OpenClaw's refusal otherwise. */
  async cliWrite(args: string[], stdin?: string): Promise<CliOutcome> {
    const retries = this.d.raceRetries ?? 2;
    for (let attempt = 0; ; attempt++) {
      const result = await this.d.cli.run(args, { write: true, ...(stdin !== undefined ? { stdin: `${stdin}\n` } : {}) }).finally(() => this.d.onCliWrite?.());
      if (result.ended === 'exit' && result.code === EXIT_RACE && attempt < retries) {
        await new Promise<void>((resolve) => this.d.clock.setTimeout(resolve, (this.d.raceDelayMs ?? 750) * (attempt + 1)));
        continue;
      }
      const err = cliError(result, this.d.redact);
      if (err) throw err;
      return result;
    }
  }

  /**
   * Saves an API key. `profileId` undefined: where OpenClaw's own "set key" puts it (the provider's first key, or
   * `<provider>:manual`), through the gateway when connected. A named id always goes through the CLI unless the
   * gateway would choose that same id (`rpcWouldPick`). Returns the id OpenClaw saved under.
   */
  async setApiKey(input: { provider: string; key: string; agentId: string; profileId?: string; rpcWouldPick?: string }): Promise<string> {
    const viaRpc = input.profileId === undefined || input.profileId === input.rpcWouldPick;
    if (viaRpc && this.rpcReady()) {
      try {
        return (await this.d.rpc.authSetApiKey({ provider: input.provider, apiKey: input.key, agentId: input.agentId })).profileId;
      } catch (err) {
        if (!rpcFallsBackToCli(err)) throw err;
      }
    }
    const result = await this.cliWrite(pasteApiKeyArgs(input.provider, input.profileId ?? input.rpcWouldPick, input.agentId), input.key);
    return input.profileId ?? input.rpcWouldPick ?? savedProfileId(result) ?? `${input.provider}:manual`;
  }

  /** Saves a token (always the CLI); the expiry becomes a duration from now, to the millisecond. */
  async setToken(input: { provider: string; token: string; agentId: string; profileId: string; expires?: number | undefined }): Promise<void> {
    const inMs = input.expires === undefined ? undefined : input.expires - this.d.clock.now();
    if (inMs !== undefined && inMs <= 0) throw new CoreError('VALIDATION', 'errors.fields', { fields: { expiresAt: { key: 'validation.future' } } });
    await this.cliWrite(pasteTokenArgs(input.provider, input.profileId, input.agentId, inMs), input.token);
  }

  /** Removes one profile from an agent (from the shared store when the agent only inherits it). */
  async remove(input: { provider: string; profileId: string; agentId: string }): Promise<void> {
    if (this.rpcReady()) {
      try {
        await this.d.rpc.authLogout({ provider: input.provider, profileIds: [input.profileId], agentId: input.agentId });
        return;
      } catch (err) {
        if (!rpcFallsBackToCli(err)) throw err;
      }
    }
    await this.cliWrite(logoutArgs(input.profileId, input.agentId));
  }

  /**
   * The agent's order for a provider. The gateway takes it only when it names every profile of the provider and
   * openclaw.json does not decide the order (`viaRpc`); otherwise the CLI's per-agent override is used.
   */
  async setOrder(input: { provider: string; agentId: string; profileIds: string[]; viaRpc: boolean }): Promise<void> {
    if (input.viaRpc && this.rpcReady()) {
      try {
        await this.d.rpc.authOrderSet({ provider: input.provider, profileIds: input.profileIds.length ? input.profileIds : null, agentId: input.agentId });
        return;
      } catch (err) {
        if (!rpcFallsBackToCli(err)) throw err;
      }
    }
    await this.cliWrite(orderArgs(input.provider, input.agentId, input.profileIds));
  }

  /**
   * Applies config changes: one `config.patch` (with the hash of the config it was computed from) through the
   * gateway, else `config set --batch-file` (validated first with `--dry-run` when it sets a provider block), then
   * a `config unset` per removal.
   * The batch file may hold a secret (Cloudflare's header): it lives in a private temp folder only while it runs.
   */
  async applyConfig(ops: ConfigOp[]): Promise<void> {
    if (!ops.length) return;
    if (this.rpcReady()) {
      try {
        const snapshot = await this.d.rpc.configGet();
        await this.d.rpc.configPatch(mergePatch(ops), snapshot.hash);
        return;
      } catch (err) {
        if (persistedAnyway(err)) {
          this.d.logger?.warn(`OpenClaw saved the config but its gateway did not apply it yet: ${(err as { details: { said: string } }).details.said}`);
          return;
        }
        if (!rpcFallsBackToCli(err)) throw err;
      }
    }
    const sets = batchFile(ops);
    if (sets.length) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clawtray-config-'));
      try {
        const file = path.join(dir, 'config-set.batch.json');
        fs.writeFileSync(file, JSON.stringify(sets), { mode: 0o600 });
        // A provider block (Cloudflare's) is validated by a dry run first; a model or an order is a plain value.
        if (ops.some((op) => op.path[0] === 'models' && (op.path.length === 1 || op.path[1] === 'providers'))) await this.cliWrite(configSetBatchArgs(file, true));
        await this.cliWrite(configSetBatchArgs(file, false));
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
    for (const op of ops) if ('unset' in op) await this.cliWrite(configUnsetArgs(configPath(op.path)));
  }
}

/** The id a `paste-api-key` without `--profile-id` saved under, from its `Auth profile: <id> (...)` line. */
export function savedProfileId(result: Pick<CliOutcome, 'stdout' | 'stderr'>): string | undefined {
  return /^Auth profile: (\S+) \(/m.exec(`${result.stdout}\n${result.stderr}`)?.[1];
}
