/**
 * The credential flows, each one user action: Anthropic API key, Anthropic setup-token, Cloudflare AI Gateway, and
 * any provider's token. Every flow validates its input and checks that each file it will touch can be read
 * before writing anything, then writes the credential (through the backend, then `.env` when asked) before the
 * config that points to it (through the backend's `applyConfig`). When a step fails, the files already written are valid, the others are untouched, and the error
 * says which step failed (`details.step`) and which were done (`details.done`).
 */
import { CloudflareAccountId, CloudflareGatewayId, EpochMs, ProfileName, ProviderId, Secret, SetupToken } from '../../../../shared/schemas';
import {
  ANTHROPIC_DEFAULT_MODEL,
  CLOUDFLARE_DEFAULT_MODEL,
  CLOUDFLARE_PROFILE_ID,
  CLOUDFLARE_PROVIDER,
  setCloudflareProvider,
  setDefaultModel,
  setProfileMeta,
} from '../../openclaw/config-patches';
import { setEnvVar } from '../../openclaw/env-file';
import { CoreError } from '../../errors';
import type { ConfigEdit, CredentialInput } from '../backend';
import { field, preflight, StepRunner, type FlowContext, type SaveResult } from './steps';
import { refuseSurpriseReplace } from './no-surprise';
import { keyShapeProblem, type KeyTarget } from '../../../../shared/key-shape';

export type { FlowContext, SaveResult } from './steps';

interface CredentialPlan {
  agentId: string | undefined;
  credential: CredentialInput;
  env?: { key: string; value: string } | undefined;
  /** The config edit, given the profile id the backend saved under. */
  config: (profileId: string) => ConfigEdit;
  /** The user chose to replace what is saved under this id (Renew, Replace, "Replace it"); else an existing id is refused. */
  replace?: boolean | undefined;
  /** The id is the only one this kind of credential can have (Cloudflare): no other name is suggested. */
  fixedId?: boolean;
}

async function runFlow(ctx: FlowContext, plan: CredentialPlan): Promise<SaveResult> {
  const steps = new StepRunner();
  const pre = await steps.run('check', async () => {
    const p = await preflight(ctx, plan.agentId, { env: !!plan.env });
    refuseSurpriseReplace(p.snapshot, { profileId: plan.credential.profileId, type: plan.credential.type, replace: plan.replace, fixedId: plan.fixedId === true });
    return p;
  });
  const { profileId } = await steps.write('credential', () => ctx.backend.upsert(pre.agentId, plan.credential));
  if (plan.env) {
    const { key, value } = plan.env;
    await steps.write('env', async () => (await setEnvVar(ctx.paths.envPath, key, value), { files: [ctx.paths.envPath] }));
  }
  await steps.write('config', () => ctx.backend.applyConfig(plan.config(profileId)));
  return { profileId, agentId: pre.agentId, files: steps.files };
}

/** Refuses (`VALIDATION` on `name`) a key without its provider's known shape, unless it is only unusual and accepted. */
function keyShapeField(value: string, target: KeyTarget, name: string, acceptUnusual: boolean | undefined): string {
  const problem = keyShapeProblem(target, value);
  if (problem && !(problem.unusualOnly && acceptUnusual)) {
    const error = problem.params ? { key: problem.key, params: problem.params } : { key: problem.key };
    throw new CoreError('VALIDATION', 'errors.fields', { fields: { [name]: error }, details: { unusualKey: String(problem.unusualOnly) } });
  }
  return value;
}

function expiresField(expiresAt: number | undefined, now: number): number | undefined {
  if (expiresAt === undefined) return undefined;
  const value = field(EpochMs, expiresAt, 'expiresAt');
  if (value <= now) throw new CoreError('VALIDATION', 'errors.fields', { fields: { expiresAt: { key: 'validation.future' } } });
  return value;
}

/** Anthropic API key: `anthropic:<name|default>` `api_key`; default model only when none is set; `.env` on request. */
export async function saveAnthropicKey(
  ctx: FlowContext,
  input: {
    apiKey: string;
    profileName?: string | undefined;
    agentId?: string | undefined;
    writeEnv?: boolean | undefined;
    replace?: boolean | undefined;
    acceptUnusualKey?: boolean | undefined;
  },
): Promise<SaveResult> {
  const key = keyShapeField(field(Secret, input.apiKey, 'apiKey'), { kind: 'api_key', provider: 'anthropic' }, 'apiKey', input.acceptUnusualKey);
  const profileId = `anthropic:${field(ProfileName, input.profileName ?? 'default', 'profileName')}`;
  return runFlow(ctx, {
    agentId: input.agentId,
    replace: input.replace,
    credential: { type: 'api_key', profileId, provider: 'anthropic', key },
    env: input.writeEnv ? { key: 'ANTHROPIC_API_KEY', value: key } : undefined,
    config: (id) => (cfg) => {
      setProfileMeta(cfg, id, 'anthropic', 'api_key');
      setDefaultModel(cfg, ANTHROPIC_DEFAULT_MODEL, { onlyIfUnset: true });
    },
  });
}

/** Claude setup-token: validated as OpenClaw does; `token` with `expires` (epoch ms) only when given. */
export async function saveSetupToken(
  ctx: FlowContext,
  input: { token: string; expiresAt?: number | undefined; profileName?: string | undefined; agentId?: string | undefined; replace?: boolean | undefined },
): Promise<SaveResult> {
  const token = field(SetupToken, input.token, 'token');
  const expires = expiresField(input.expiresAt, ctx.now());
  const profileId = `anthropic:${field(ProfileName, input.profileName ?? 'default', 'profileName')}`;
  return runFlow(ctx, {
    agentId: input.agentId,
    replace: input.replace,
    credential: { type: 'token', profileId, provider: 'anthropic', token, ...(expires !== undefined ? { expires } : {}) },
    config: (id) => (cfg) => {
      setProfileMeta(cfg, id, 'anthropic', 'token');
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
    replace?: boolean | undefined;
    acceptUnusualKey?: boolean | undefined;
  },
): Promise<SaveResult> {
  const accountId = field(CloudflareAccountId, input.accountId, 'accountId');
  const gatewayId = field(CloudflareGatewayId, input.gatewayId, 'gatewayId');
  const key = keyShapeField(field(Secret, input.apiKey, 'apiKey'), { kind: 'api_key', provider: CLOUDFLARE_PROVIDER }, 'apiKey', input.acceptUnusualKey);
  const gatewayAuthToken = input.gatewayAuthToken === undefined ? undefined : field(Secret, input.gatewayAuthToken, 'gatewayAuthToken');
  return runFlow(ctx, {
    agentId: input.agentId,
    replace: input.replace,
    fixedId: true,
    credential: { type: 'api_key', profileId: CLOUDFLARE_PROFILE_ID, provider: CLOUDFLARE_PROVIDER, key, metadata: { accountId, gatewayId } },
    env: input.writeEnv ? { key: 'CLOUDFLARE_AI_GATEWAY_API_KEY', value: key } : undefined,
    config: (id) => (cfg) => {
      setProfileMeta(cfg, id, CLOUDFLARE_PROVIDER, 'api_key');
      setCloudflareProvider(cfg, { accountId, gatewayId, gatewayAuthToken });
      setDefaultModel(cfg, CLOUDFLARE_DEFAULT_MODEL, { onlyIfUnset: !input.setDefaultModel, alias: 'Cloudflare AI Gateway' });
    },
  });
}

/** Any provider's token (OpenRouter, OpenAI, ...): `<provider>:<name|manual>` `token`, as `paste-token` writes it. */
export async function saveToken(
  ctx: FlowContext,
  input: {
    provider: string;
    token: string;
    expiresAt?: number | undefined;
    profileName?: string | undefined;
    agentId?: string | undefined;
    replace?: boolean | undefined;
    acceptUnusualKey?: boolean | undefined;
  },
): Promise<SaveResult> {
  const provider = field(ProviderId, input.provider, 'provider');
  const token = keyShapeField(field(Secret, input.token, 'token'), { kind: 'token', provider }, 'token', input.acceptUnusualKey);
  const expires = expiresField(input.expiresAt, ctx.now());
  const profileId = `${provider}:${field(ProfileName, input.profileName ?? 'manual', 'profileName')}`;
  return runFlow(ctx, {
    agentId: input.agentId,
    replace: input.replace,
    credential: { type: 'token', profileId, provider, token, ...(expires !== undefined ? { expires } : {}) },
    config: (id) => (cfg) => setProfileMeta(cfg, id, provider, 'token'),
  });
}
