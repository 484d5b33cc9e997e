/**
 * The credential flows, each one user action: Anthropic API key, Anthropic setup-token, Cloudflare AI Gateway, and
 * any provider's token. Every flow validates its input and checks that each file it will touch can be read
 * before writing anything, then writes the credential (store, then `.env` when asked) before the config that
 * points to it. When a step fails, the files already written are valid, the others are untouched, and the error
 * says which step failed (`details.step`) and which were done (`details.done`).
 */
import type { z } from 'zod';
import { AgentId, CloudflareAccountId, CloudflareGatewayId, EpochMs, ProfileName, ProviderId, Secret, SetupToken } from '../../../../shared/schemas';
import { requireKnownAgent } from '../../openclaw/agents';
import { authStorePaths, readAuthStore, updateAuthStore, upsertProfile, type StoredProfile } from '../profiles-file/store';
import {
  ANTHROPIC_DEFAULT_MODEL,
  CLOUDFLARE_DEFAULT_MODEL,
  CLOUDFLARE_PROFILE_ID,
  CLOUDFLARE_PROVIDER,
  setCloudflareProvider,
  setDefaultModel,
  setProfileMeta,
} from '../../openclaw/config-patches';
import { readEnvFile, setEnvVar } from '../../openclaw/env-file';
import { CoreError } from '../../errors';
import type { LockOptions } from '../../fs/file-lock';
import { readConfig, updateConfig, type OpenClawConfig } from '../../openclaw/config-file';
import { agentDir, type OpenClawPaths } from '../../openclaw/paths';

/** What flows need from the app: where the files are, the time, and lock tuning (tests shorten it). */
export interface FlowContext {
  paths: OpenClawPaths;
  now(): number;
  lock?: LockOptions;
}

/** What a flow wrote, for the confirmation message. */
export interface SaveResult {
  profileId: string;
  agentId: string;
  files: string[];
}

/** The steps a flow goes through, named in errors. */
export type FlowStep = 'check' | 'credential' | 'env' | 'config';

const STEP_WORDS: Record<FlowStep, string> = {
  check: 'Checking the files',
  credential: 'Saving the credential',
  env: 'Writing the .env file',
  config: 'Updating openclaw.json',
};

/** Runs steps in order, turning a failure into an error naming the failed step and the completed ones. */
export class StepRunner {
  readonly done: FlowStep[] = [];
  readonly files: string[] = [];

  async run<T>(step: FlowStep, fn: () => Promise<T>, file?: string): Promise<T> {
    try {
      const value = await fn();
      this.done.push(step);
      if (file && !this.files.includes(file)) this.files.push(file);
      return value;
    } catch (err) {
      const e = err instanceof CoreError ? err : new CoreError('INTERNAL', (err as Error)?.message ?? String(err), { cause: err });
      const extra = { ...e.details, step, done: this.done.join(',') };
      const message = step === 'check' ? e.message : `${STEP_WORDS[step]} failed: ${e.message}`;
      throw new CoreError(e.code, message, { ...(e.fields ? { fields: e.fields } : {}), details: extra, cause: err });
    }
  }
}

/** Parses one field with its schema, or throws `VALIDATION` naming the field. */
export function field<S extends z.ZodType>(schema: S, value: unknown, name: string): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw new CoreError('VALIDATION', 'Some fields need attention.', { fields: { [name]: r.error.issues[0]?.message ?? 'Invalid.' } });
  return r.data;
}

/** Validates the agent id and reads every file the flow may write, so a broken file stops it before any write. */
export async function preflight(ctx: FlowContext, agentId: string | undefined, opts: { env?: boolean } = {}) {
  const id = field(AgentId, agentId ?? 'main', 'agentId');
  const now = ctx.now();
  const { config } = await readConfig(ctx.paths.configPath, { now });
  await requireKnownAgent(ctx.paths, config, id);
  const dir = agentDir(ctx.paths, id);
  const store = await readAuthStore(dir, { now });
  if (opts.env) await readEnvFile(ctx.paths.envPath);
  return { agentId: id, dir, config, store };
}

function carryIdentity(existing: StoredProfile | undefined, next: Record<string, unknown>): Record<string, unknown> {
  if (existing?.email) next.email = existing.email;
  if (existing?.displayName) next.displayName = existing.displayName;
  return next;
}

interface CredentialPlan {
  agentId: string | undefined;
  profileId: string;
  provider: string;
  credential: Record<string, unknown>;
  env?: { key: string; value: string } | undefined;
  config: (cfg: OpenClawConfig) => void;
}

async function runFlow(ctx: FlowContext, plan: CredentialPlan): Promise<SaveResult> {
  const steps = new StepRunner();
  const pre = await steps.run('check', () => preflight(ctx, plan.agentId, { env: !!plan.env }));
  const { authPath } = authStorePaths(pre.dir);
  await steps.run(
    'credential',
    () =>
      updateAuthStore(
        pre.dir,
        (draft) => upsertProfile(draft, plan.profileId, carryIdentity(pre.store.profiles[plan.profileId], plan.credential)),
        { now: ctx.now(), ...(ctx.lock ? { lock: ctx.lock } : {}) },
      ),
    authPath,
  );
  if (plan.env) {
    const { key, value } = plan.env;
    await steps.run('env', () => setEnvVar(ctx.paths.envPath, key, value), ctx.paths.envPath);
  }
  await steps.run('config', () => updateConfig(ctx.paths.configPath, plan.config, { now: ctx.now() }), ctx.paths.configPath);
  return { profileId: plan.profileId, agentId: pre.agentId, files: steps.files };
}

function expiresField(expiresAt: number | undefined, now: number): number | undefined {
  if (expiresAt === undefined) return undefined;
  const value = field(EpochMs, expiresAt, 'expiresAt');
  if (value <= now) throw new CoreError('VALIDATION', 'Some fields need attention.', { fields: { expiresAt: 'This date is already past.' } });
  return value;
}

/** Anthropic API key: `anthropic:<name|default>` `api_key`; default model only when none is set; `.env` on request. */
export async function saveAnthropicKey(
  ctx: FlowContext,
  input: { apiKey: string; profileName?: string | undefined; agentId?: string | undefined; writeEnv?: boolean | undefined },
): Promise<SaveResult> {
  const key = field(Secret, input.apiKey, 'apiKey');
  const profileId = `anthropic:${field(ProfileName, input.profileName ?? 'default', 'profileName')}`;
  return runFlow(ctx, {
    agentId: input.agentId,
    profileId,
    provider: 'anthropic',
    credential: { type: 'api_key', provider: 'anthropic', key },
    env: input.writeEnv ? { key: 'ANTHROPIC_API_KEY', value: key } : undefined,
    config: (cfg) => {
      setProfileMeta(cfg, profileId, 'anthropic', 'api_key');
      setDefaultModel(cfg, ANTHROPIC_DEFAULT_MODEL, { onlyIfUnset: true });
    },
  });
}

/** Claude setup-token: validated as OpenClaw does; `token` with `expires` (epoch ms) only when given. */
export async function saveSetupToken(
  ctx: FlowContext,
  input: { token: string; expiresAt?: number | undefined; profileName?: string | undefined; agentId?: string | undefined },
): Promise<SaveResult> {
  const token = field(SetupToken, input.token, 'token');
  const expires = expiresField(input.expiresAt, ctx.now());
  const profileId = `anthropic:${field(ProfileName, input.profileName ?? 'default', 'profileName')}`;
  return runFlow(ctx, {
    agentId: input.agentId,
    profileId,
    provider: 'anthropic',
    credential: { type: 'token', provider: 'anthropic', token, ...(expires !== undefined ? { expires } : {}) },
    config: (cfg) => {
      setProfileMeta(cfg, profileId, 'anthropic', 'token');
      setDefaultModel(cfg, ANTHROPIC_DEFAULT_MODEL, { onlyIfUnset: true });
    },
  });
}

/** Cloudflare AI Gateway: profile with the ids as metadata, the provider block, default model, `.env` on request. */
export async function saveCloudflare(
  ctx: FlowContext,
  input: {
    accountId: string;
    gatewayId: string;
    apiKey: string;
    gatewayAuthToken?: string | undefined;
    agentId?: string | undefined;
    setDefaultModel?: boolean | undefined;
    writeEnv?: boolean | undefined;
  },
): Promise<SaveResult> {
  const accountId = field(CloudflareAccountId, input.accountId, 'accountId');
  const gatewayId = field(CloudflareGatewayId, input.gatewayId, 'gatewayId');
  const key = field(Secret, input.apiKey, 'apiKey');
  const gatewayAuthToken = input.gatewayAuthToken === undefined ? undefined : field(Secret, input.gatewayAuthToken, 'gatewayAuthToken');
  return runFlow(ctx, {
    agentId: input.agentId,
    profileId: CLOUDFLARE_PROFILE_ID,
    provider: CLOUDFLARE_PROVIDER,
    credential: { type: 'api_key', provider: CLOUDFLARE_PROVIDER, key, metadata: { accountId, gatewayId } },
    env: input.writeEnv ? { key: 'CLOUDFLARE_AI_GATEWAY_API_KEY', value: key } : undefined,
    config: (cfg) => {
      setProfileMeta(cfg, CLOUDFLARE_PROFILE_ID, CLOUDFLARE_PROVIDER, 'api_key');
      setCloudflareProvider(cfg, { accountId, gatewayId, gatewayAuthToken });
      setDefaultModel(cfg, CLOUDFLARE_DEFAULT_MODEL, { onlyIfUnset: !input.setDefaultModel, alias: 'Cloudflare AI Gateway' });
    },
  });
}

/** Any provider's token (OpenRouter, OpenAI, ...): `<provider>:<name|manual>` `token`, as `paste-token` writes it. */
export async function saveToken(
  ctx: FlowContext,
  input: { provider: string; token: string; expiresAt?: number | undefined; profileName?: string | undefined; agentId?: string | undefined },
): Promise<SaveResult> {
  const provider = field(ProviderId, input.provider, 'provider');
  const token = field(Secret, input.token, 'token');
  const expires = expiresField(input.expiresAt, ctx.now());
  const profileId = `${provider}:${field(ProfileName, input.profileName ?? 'manual', 'profileName')}`;
  return runFlow(ctx, {
    agentId: input.agentId,
    profileId,
    provider,
    credential: { type: 'token', provider, token, ...(expires !== undefined ? { expires } : {}) },
    config: (cfg) => setProfileMeta(cfg, profileId, provider, 'token'),
  });
}
