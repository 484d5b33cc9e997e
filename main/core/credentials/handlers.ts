/**
 * Credential channels (`auth:*`, `models:setDefault`, `env:*`), each a thin call into the flows, followed by a fresh
 * `auth:status` for the agents it touched, whether it succeeded or not (a failed flow may have written its first
 * step). The module also returns the credentials service (`service`) for the modules that need statuses or the
 * secrets to redact. Flows and service reach credentials only through the module's `CredentialBackend`.
 */
import type { AuthStatus, CredentialTest, GatewayState, InvokeChannel, OpenClawInfo } from '../../../shared/contract';
import { probeCredential } from './probe';
import { unknownProfile } from './credential-errors';
import { maskSecret } from '../../../shared/masking';
import { createAuthService, type AuthService } from './service';
import type { CoreContext, CoreModule } from '../context';
import { readEnvFile, setEnvVar, unsetEnvVar } from '../openclaw/env-file';
import { saveAnthropicKey, saveCloudflare, saveSetupToken, saveToken, type FlowContext } from './flows/save';
import { copyProfileFlow, setDefaultModelFlow, setFallbacksFlow, setOrderFlow } from './flows/profile-ops';
import { removeProfileFlow, secretPlacesFlow } from './flows/remove';
import type { CredentialBackend } from './backend';
import { backendForKind } from './choose-backend';
import { createVersionedBackend } from './versioned-backend';
import { GatewayRpc } from '../openclaw/gateway-rpc';
import { followGateway, gatewayToken } from '../openclaw/gateway-rpc-link';
import { pruneBackups } from '../fs/backups';
import { backupFamilies } from './secret-places';

export type { AuthService } from './service';

/** The channels this module answers: credentials (`auth:*`), the default model and the `.env` file (`env:*`). */
export type AuthChannel = Extract<InvokeChannel, `auth:${string}` | `env:${string}` | 'models:setDefault' | 'models:setFallbacks'>;

/** The auth module: handlers, lifecycle, and the service other modules use. */
export interface AuthModule extends CoreModule<AuthChannel> {
  service: AuthService;
}

/** How the module is built; tests pass their own backend. */
export interface AuthModuleOptions {
  /**
   * The credential backend (the module disposes it). Default: the one the OpenClaw install's version needs,
   * followed as the install changes; writes are refused while no OpenClaw is found.
   */
  backend?: CredentialBackend & { info?(): OpenClawInfo };
}

const GATEWAY_UP: ReadonlySet<GatewayState['status']> = new Set(['running', 'ready', 'external']);

/** Handlers for credentials, the default model and the `.env` file, plus the credentials service. */
export function createAuthModule(ctx: CoreContext, options: AuthModuleOptions = {}): AuthModule {
  const now = () => ctx.clock.now();
  // One kept-open gateway connection for credentials, up while a gateway is; OpenClaw's words are redacted.
  const rpc = new GatewayRpc({ clock: ctx.clock, redact: (text) => ctx.secrets.redact(text) });
  const backend: CredentialBackend & { info?(): OpenClawInfo } =
    options.backend ??
    createVersionedBackend({
      installation: ctx.installation,
      make: (kind) => backendForKind(kind, { paths: ctx.paths, now, logger: ctx.logger, cli: ctx.cli, rpc, clock: ctx.clock, redact: (text) => ctx.secrets.redact(text) }),
      logger: ctx.logger,
    });
  let gateway: GatewayState | undefined;
  /** A gateway is running now: it read `.env` when it started, so a removed key stays in use until it restarts. */
  const gatewayUp = () => !!gateway && GATEWAY_UP.has(gateway.status);
  const unfollow = [
    followGateway(rpc, ctx.events, () => gatewayToken(ctx.paths.configPath)),
    ctx.events.on('gateway:state', (state) => void (gateway = state)),
  ];
  /** The last test of each credential (agent + id), kept with the masked label it was made with: a new secret drops it. */
  const tests = new Map<string, { label: string; test: CredentialTest }>();
  const testKey = (agentId: string, profileId: string) => `${agentId}\n${profileId}`;
  const decorate = (status: AuthStatus) => {
    for (const p of status.profiles) {
      const known = tests.get(testKey(status.agentId, p.id));
      if (known && known.label === p.label) p.test = known.test;
    }
  };
  const service = createAuthService(ctx, backend, () => backend.info?.(), decorate);
  /** A saved secret has not been tested yet (masked labels of two secrets can be alike): its old answer goes. */
  const forgetTest = async <T extends { agentId: string; profileId: string }>(saving: Promise<T>): Promise<T> => {
    const saved = await saving;
    tests.delete(testKey(saved.agentId, saved.profileId));
    return saved;
  };
  const removeSource = ctx.secrets.addSource(() => service.knownSecrets());
  /** Every secret the user gives is known for redaction from then on, whatever the flow does with it. */
  const remember = (...values: (string | undefined)[]) => ctx.secrets.remember(...values);
  const flow: FlowContext = { paths: ctx.paths, now, backend };
  const agent = (id: string | undefined) => id ?? service.defaultAgent();

  /** Removes backup copies past their time (`fs/backups.ts`) of openclaw.json, .env and every agent's store (no backend read). */
  async function pruneStateBackups(): Promise<void> {
    const stores = (await service.listAgents()).flatMap((id) => backend.copiedFiles?.(id) ?? []);
    for (const family of backupFamilies(ctx.paths, stores)) await pruneBackups(family.file, now(), { kinds: family.kinds });
  }

  /** Runs a change, then emits fresh statuses for `agents` (all agents when omitted), also after a failure. */
  async function change<T>(agents: (string | undefined)[] | undefined, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } finally {
      await service.refresh(agents, { force: true }).catch((err) => ctx.logger.error('auth status refresh failed', err));
    }
  }

  /** Asks OpenClaw to try one credential, remembers the answer for the status, and says whether OpenClaw now rests it. */
  async function testCredential(input: { profileId: string; agentId?: string | undefined }): Promise<CredentialTest> {
    const agentId = agent(input.agentId);
    const before = await service.getStatus(agentId);
    const profile = before.profiles.find((p) => p.id === input.profileId);
    if (!profile) throw unknownProfile(agentId, input.profileId);
    // The gateway's `models.probe` exists from 2026.6 on; before, and with no gateway up, OpenClaw's CLI probes.
    const useRpc = backend.kind === 'openclaw-managed' && rpc.connection() === 'connected';
    const test = await probeCredential(
      { cli: ctx.cli, rpc: useRpc ? rpc : undefined, now, redact: (text) => ctx.secrets.redact(text) },
      { agentId, profileId: profile.id, provider: profile.provider },
    );
    tests.set(testKey(agentId, profile.id), { label: profile.label, test });
    if (test.result !== 'works') {
      await service.refresh([agentId], { force: true }).catch(() => undefined);
      const after = (await service.getStatus(agentId)).profiles.find((p) => p.id === profile.id);
      if (after?.status === 'cooldown' && after.until) test.cooldownUntil = after.until;
    }
    await service.refresh([agentId], { force: true }).catch((err) => ctx.logger.error('auth status refresh failed', err));
    return test;
  }

  return {
    service: {
      getStatus: service.getStatus,
      listAgents: service.listAgents,
      onStatus: service.onStatus,
      getStatusWithInputs: service.getStatusWithInputs,
      knownSecrets: service.knownSecrets,
      openclaw: service.openclaw,
    },
    handlers: {
      'auth:status': (input) => service.getStatus(input.agentId),
      'auth:saveAnthropicKey': (input) => {
        remember(input.apiKey);
        return change([agent(input.agentId)], () => forgetTest(saveAnthropicKey(flow, { ...input, agentId: agent(input.agentId) })));
      },
      'auth:saveSetupToken': (input) => {
        remember(input.token);
        return change([agent(input.agentId)], () => forgetTest(saveSetupToken(flow, { ...input, agentId: agent(input.agentId) })));
      },
      'auth:saveCloudflare': (input) => {
        remember(input.apiKey, input.gatewayAuthToken);
        return change([agent(input.agentId)], () => forgetTest(saveCloudflare(flow, { ...input, agentId: agent(input.agentId) })));
      },
      'auth:saveToken': (input) => {
        remember(input.token);
        return change([agent(input.agentId)], () => forgetTest(saveToken(flow, { ...input, agentId: agent(input.agentId) })));
      },
      'auth:secretPlaces': (input) => secretPlacesFlow(flow, { ...input, agentId: agent(input.agentId) }),
      'auth:removeProfile': (input) =>
        change(undefined, async () => {
          const { envCleared } = await removeProfileFlow(flow, { ...input, agentId: agent(input.agentId) });
          tests.delete(testKey(agent(input.agentId), input.profileId));
          return { ok: true as const, gatewayRestartAdvised: envCleared && gatewayUp() };
        }),
      'auth:setOrder': (input) => change([agent(input.agentId)], () => setOrderFlow(flow, { ...input, agentId: agent(input.agentId) })),
      'auth:copyProfile': (input) =>
        change([agent(input.fromAgentId), input.toAgentId], () => copyProfileFlow(flow, { ...input, fromAgentId: agent(input.fromAgentId) })),
      'auth:test': (input) => testCredential(input),
      'models:setDefault': (input) => change(undefined, () => setDefaultModelFlow(flow, input)),
      'models:setFallbacks': (input) => change(undefined, () => setFallbacksFlow(flow, input)),
      'env:list': async () => {
        const values = await readEnvFile(ctx.paths.envPath);
        return { path: ctx.paths.envPath, entries: Object.entries(values).map(([key, value]) => ({ key, masked: maskSecret(value) })) };
      },
      'env:set': (input) =>
        change(undefined, async () => {
          remember(input.value);
          await setEnvVar(ctx.paths.envPath, input.key, input.value);
          return { ok: true as const };
        }),
      'env:unset': (input) =>
        change(undefined, async () => {
          const had = input.key in (await readEnvFile(ctx.paths.envPath));
          await unsetEnvVar(ctx.paths.envPath, input.key);
          // A gateway reads .env only when it starts: one running now still has the value.
          return { ok: true as const, gatewayRestartAdvised: had && gatewayUp() };
        }),
    },
    async start() {
      await service.start();
      await pruneStateBackups().catch((err) => ctx.logger.warn(`could not prune old backup copies: ${(err as Error)?.message ?? err}`));
    },
    async dispose() {
      removeSource();
      for (const stop of unfollow) stop();
      rpc.dispose();
      await service.dispose();
      await backend.dispose();
    },
  };
}
