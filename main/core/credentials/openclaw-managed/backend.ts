/**
 * The credential backend for OpenClaw 2026.6 and later, which keeps credentials in private SQLite stores: it never
 * touches them (nor `auth-profiles.json`, nor `openclaw.json` directly) and goes through OpenClaw's gateway RPC
 * when a gateway is connected, else its CLI (`reader.ts`, `writer.ts`). Agents inherit the shared store (the
 * default agent's); an agent's own copy means pasting the secret again; removing a credential an agent only
 * inherits removes it for every agent; writes take seconds. An API key is saved under an id the agent only
 * inherits is refused: OpenClaw would replace the shared key for every agent.
 */
import { CoreError } from '../../errors';
import type { Clock } from '../../clock';
import type { Logger } from '../../context';
import { configAgents, DEFAULT_AGENT_ID } from '../../openclaw/agents';
import { readConfig, valueAt } from '../../openclaw/config-file';
import type { OpenClawPaths } from '../../openclaw/paths';
import type { BackendCapabilities, CredentialBackend, CredentialInput, CredentialRecord, CredentialSnapshot } from '../backend';
import { configChanges } from './config-diff';
import { ManagedReader, type ManagedCli, type ManagedRpcReads } from './reader';
import { ManagedWriter, type ManagedRpcWrites } from './writer';
import { maskSecret, remaskLabel } from '../../../../shared/masking';
import { openclawMask } from './status-parse';

/** The gateway RPC as the backend uses it (`openclaw/gateway-rpc.ts` fits). */
export type ManagedRpc = ManagedRpcReads & ManagedRpcWrites & { onConnection?(listener: () => void): () => void };

/** What the backend needs. */
export interface ManagedBackendDeps {
  paths: OpenClawPaths;
  clock: Clock;
  cli: ManagedCli;
  rpc: ManagedRpc;
  logger?: Logger | undefined;
  /** Core's redactor (`ctx.secrets.redact`), applied to everything OpenClaw says before it is kept or shown. */
  redact?: ((text: string) => string) | undefined;
  /** Tuning for tests: exit-78 retries, their pause, the file-change debounce. */
  raceRetries?: number;
  raceDelayMs?: number;
  debounceMs?: number;
}

const CAPABILITIES: BackendCapabilities = Object.freeze({
  inheritsSharedCredentials: true,
  copyIsRepaste: true,
  removeFromInheritingAgentRemovesForAll: true,
  slowWrites: true,
});

/**
 * Pure: how an API key is saved. The gateway's `models.authSetApiKey` cannot choose the id: it replaces the
 * provider's first key. So it is used only when that key is the one wanted (`rpcWouldPick`); anything else goes
 * through the CLI with the id. Refuses (`CONFLICT`) an id the agent only inherits and an id held by a token.
 */
export function apiKeyPlan(snapshot: CredentialSnapshot, wish: { provider: string; profileId: string }, providerConnected: boolean): { rpcWouldPick?: string } {
  const wanted = snapshot.profiles.find((p) => p.id === wish.profileId);
  if (wanted && wanted.type !== 'api_key') {
    throw new CoreError('CONFLICT', 'errors.managed.profileTaken', { params: { profile: wish.profileId, type: wanted.type }, fields: { profileName: { key: 'validation.profileTaken' } } });
  }
  if (wanted?.source === 'inherited') {
    throw new CoreError('CONFLICT', 'errors.managed.sharedProfile', {
      params: { profile: wish.profileId, agent: snapshot.agentId },
      fields: { profileName: { key: 'validation.sharedProfile' } },
    });
  }
  if (providerConnected) return {};
  const keys = snapshot.profiles.filter((p) => p.provider === wish.provider && p.type === 'api_key' && p.secret.kind === 'inline');
  const only = keys.length === 1 ? keys[0] : undefined;
  return only && only.id === wish.profileId && only.source === 'own' ? { rpcWouldPick: only.id } : {};
}

function upserted(records: CredentialRecord[], next: CredentialRecord): CredentialRecord[] {
  const i = records.findIndex((r) => r.id === next.id);
  if (i < 0) return [...records, next];
  const copy = [...records];
  copy[i] = { ...next, ...(records[i]!.email ? { email: records[i]!.email } : {}), ...(records[i]!.displayName ? { displayName: records[i]!.displayName } : {}) };
  return copy;
}

/** Creates the backend over one OpenClaw state dir. */
export function createOpenClawManagedBackend(deps: ManagedBackendDeps): CredentialBackend {
  /** Secrets given to this backend this session, kept even once removed: a log line may still quote one. */
  const given = new Set<string>();
  /** The secret given this session for each agent's profile (`agent\nprofile`), to find it elsewhere on removal. */
  const givenFor = new Map<string, string>();
  const slot = (agentId: string, profileId: string) => `${agentId}\n${profileId}`;
  const known = (): string[] => [...given, ...reader.maskedForms()];
  /** OpenClaw's words without a secret: core's redactor (every secret it knows), and what this backend knows. */
  const redactKnown = (text: string): string => {
    let out = deps.redact ? deps.redact(text) : text;
    for (const secret of known()) if (secret.length >= 8) out = out.split(secret).join('[redacted]');
    return out;
  };
  const reader: ManagedReader = new ManagedReader({ paths: deps.paths, clock: deps.clock, cli: deps.cli, rpc: deps.rpc, logger: deps.logger, redact: redactKnown, ...(deps.debounceMs !== undefined ? { debounceMs: deps.debounceMs } : {}) });
  const writer = new ManagedWriter({
    clock: deps.clock,
    cli: deps.cli,
    rpc: deps.rpc,
    redact: redactKnown,
    logger: deps.logger,
    onCliWrite: () => reader.cliWrote(),
    ...(deps.raceRetries !== undefined ? { raceRetries: deps.raceRetries } : {}),
    ...(deps.raceDelayMs !== undefined ? { raceDelayMs: deps.raceDelayMs } : {}),
  });
  // Reads switch between gateway and CLI with the connection: what was cached may be from the other source.
  const unsubscribe = deps.rpc.onConnection?.(() => reader.invalidate());

  const readConfigNow = async () => (await readConfig(deps.paths.configPath, { now: deps.clock.now() })).config;

  async function requireAgent(agentId: string, field = 'agentId'): Promise<void> {
    const agents = [DEFAULT_AGENT_ID, ...configAgents(await readConfigNow())];
    if (!agents.includes(agentId)) {
      throw new CoreError('NOT_FOUND', 'errors.agent.unknown', { params: { agent: agentId, known: [...new Set(agents)].join(', ') }, fields: { [field]: { key: 'validation.unknownAgent' } } });
    }
  }

  async function saveApiKey(agentId: string, snapshot: CredentialSnapshot, c: Extract<CredentialInput, { type: 'api_key' }>): Promise<string> {
    const connected = valueAt(await readConfigNow(), ['models', 'providers', c.provider]) !== undefined;
    const plan = apiKeyPlan(snapshot, c, connected);
    return writer.setApiKey({ provider: c.provider, key: c.key, agentId, profileId: c.profileId, ...plan });
  }

  return {
    kind: 'openclaw-managed',
    capabilities: CAPABILITIES,
    read: (agentId) => reader.snapshot(agentId),
    async check(agentId, options = {}) {
      await requireAgent(agentId, options.field);
      return reader.fresh(agentId);
    },
    async upsert(agentId, credential) {
      const secret = credential.type === 'api_key' ? credential.key : credential.token;
      given.add(secret);
      const snapshot = await reader.fresh(agentId);
      let profileId = credential.profileId;
      await reader.ownWrite(async () => {
        if (credential.type === 'api_key') profileId = await saveApiKey(agentId, snapshot, credential);
        else await writer.setToken({ provider: credential.provider, token: credential.token, agentId, profileId, expires: credential.expires });
      });
      // A token's expiry went to OpenClaw as a duration: read back the exact time it stored.
      const verify = credential.type === 'token' && credential.expires !== undefined;
      reader.rememberSecret(agentId, profileId, secret);
      givenFor.set(slot(agentId, profileId), secret);
      const record: CredentialRecord = {
        id: profileId,
        provider: credential.provider,
        type: credential.type,
        // Shown as OpenClaw's own mask cut to this app's rule, the same form every later read gives.
        secret: { kind: 'inline', masked: remaskLabel(openclawMask(secret) ?? maskSecret(secret)) },
        source: 'own',
        ...(credential.type === 'api_key' && credential.metadata ? { metadata: { ...credential.metadata } } : {}),
        ...(credential.type === 'token' && credential.expires !== undefined ? { expires: credential.expires } : {}),
      };
      if (agentId === DEFAULT_AGENT_ID) {
        // The default agent's store is the shared one: agents without their own copy now inherit the new value.
        reader.patchShared((records, source) => (source === 'own' || !records.some((r) => r.id === profileId && r.source === 'own') ? upserted(records, { ...record, source }) : records), verify);
      } else reader.patch(agentId, (records) => upserted(records, record), verify);
      return { profileId, files: [snapshot.location.credentials] };
    },
    async remove(agentId, profileId) {
      const snapshot = await reader.fresh(agentId);
      const record = snapshot.profiles.find((p) => p.id === profileId);
      if (!record) return { removed: false, files: [] };
      await reader.ownWrite(() => writer.remove({ provider: record.provider, profileId, agentId }));
      reader.patch(agentId, (records, order) => {
        for (const [provider, ids] of Object.entries(order)) {
          const left = ids.filter((id) => id !== profileId);
          if (left.length) order[provider] = left;
          else delete order[provider];
        }
        return records.filter((r) => r.id !== profileId);
      });
      // Removing a shared credential (from the default agent, or from an agent that only inherits it) removes it for all.
      if (record.source === 'inherited' || agentId === DEFAULT_AGENT_ID) reader.patchShared((records, source) => records.filter((r) => r.id !== profileId || (source === 'inherited' && r.source === 'own')));
      return { removed: true, files: [snapshot.location.credentials] };
    },
    async setOrder(agentId, provider, profileIds) {
      const snapshot = await reader.fresh(agentId);
      const all = snapshot.profiles.filter((p) => p.provider === provider).map((p) => p.id);
      const locked = reader.lastRead(agentId)?.lockedOrder?.includes(provider) ?? true;
      const covers = profileIds.length === 0 || (profileIds.length === all.length && all.every((id) => profileIds.includes(id)));
      await reader.ownWrite(() => writer.setOrder({ provider, agentId, profileIds, viaRpc: !locked && covers }));
      reader.patch(agentId, (records, order) => {
        if (profileIds.length) order[provider] = [...profileIds];
        else delete order[provider];
        return records;
      });
      return { files: [snapshot.location.state] };
    },
    async copy(_profileId, _fromAgentId, toAgentId) {
      throw new CoreError('VALIDATION', 'errors.managed.repaste', { params: { agent: toAgentId }, fields: { profileId: { key: 'validation.repaste' } } });
    },
    async applyConfig(edit) {
      const before = await readConfigNow();
      const after = structuredClone(before);
      edit(after);
      const ops = configChanges(before, after);
      await reader.ownWrite(() => writer.applyConfig(ops));
      return { files: ops.length ? [deps.paths.configPath] : [] };
    },
    async secretOf(agentId, profileId) {
      // OpenClaw never gives a secret back: the value only when it was given this session (an inherited credential's
      // is the default agent's), else OpenClaw's own 8 + 8 mask of it.
      const record = reader.lastRead(agentId)?.records.find((r) => r.id === profileId);
      const value = givenFor.get(slot(agentId, profileId)) ?? (record?.source === 'inherited' ? givenFor.get(slot(DEFAULT_AGENT_ID, profileId)) : undefined);
      const label = reader.label(agentId, profileId);
      return { ...(value ? { value } : {}), ...(label ? { label } : {}) };
    },
    watch: (onChange) => reader.watch(onChange),
    knownSecrets: () => known(),
    async dispose() {
      unsubscribe?.();
      reader.dispose();
    },
  };
}
