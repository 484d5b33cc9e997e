/**
 * Changes to credentials that already exist: remove one, set the order a provider's profiles are tried in, copy
 * one to another agent (a new agent does not inherit keys; this fixes "No API key found for provider" there),
 * and set the default model. Same discipline as the onboarding flows: check first, store before config, and an
 * error names the failed step.
 */
import { ModelRef, ProfileId, ProviderId } from '../../../../shared/schemas';
import { listAgents, requireKnownAgent } from '../../openclaw/agents';
import { authStorePaths, readAuthStore, removeProfile, setOrder, updateAuthStore, upsertProfile } from '../profiles-file/store';
import { removeProfileMeta, setConfigOrder, setDefaultModel, setProfileMeta } from '../../openclaw/config-patches';
import { CoreError } from '../../errors';
import { field, preflight, StepRunner, type FlowContext, type SaveResult } from './save';
import { updateConfig } from '../../openclaw/config-file';
import { agentDir } from '../../openclaw/paths';

function lockOpts(ctx: FlowContext) {
  return { now: ctx.now(), ...(ctx.lock ? { lock: ctx.lock } : {}) };
}

/** Whether any other known agent's store still holds `profileId` (config metadata is shared by all agents). */
async function heldElsewhere(ctx: FlowContext, agents: string[], except: string, profileId: string): Promise<boolean> {
  for (const id of agents) {
    if (id === except) continue;
    const store = await readAuthStore(agentDir(ctx.paths, id), { now: ctx.now() }).catch(() => null);
    if (store && profileId in store.profiles) return true;
  }
  return false;
}

/** Removes a profile from an agent's store (and its order/usage entries), then its config metadata if no agent uses it. */
export async function removeProfileFlow(ctx: FlowContext, input: { profileId: string; agentId?: string | undefined }): Promise<{ ok: true }> {
  const profileId = field(ProfileId, input.profileId, 'profileId');
  const steps = new StepRunner();
  const pre = await steps.run('check', async () => {
    const p = await preflight(ctx, input.agentId);
    if (!(profileId in p.store.file.profiles)) {
      throw new CoreError('NOT_FOUND', `Agent "${p.agentId}" has no profile "${profileId}".`, { fields: { profileId: 'Not found.' } });
    }
    return p;
  });
  await steps.run('credential', () => updateAuthStore(pre.dir, (d) => removeProfile(d, profileId), lockOpts(ctx)), authStorePaths(pre.dir).authPath);
  const agents = await listAgents(ctx.paths, pre.config);
  if (!(await heldElsewhere(ctx, agents, pre.agentId, profileId))) {
    await steps.run('config', () => updateConfig(ctx.paths.configPath, (cfg) => removeProfileMeta(cfg, profileId), { now: ctx.now() }));
  }
  return { ok: true };
}

/** Sets the order of a provider's profiles: in the agent's store (where its layout keeps it) and in `auth.order`. */
export async function setOrderFlow(
  ctx: FlowContext,
  input: { provider: string; order: string[]; agentId?: string | undefined },
): Promise<{ ok: true }> {
  const provider = field(ProviderId, input.provider, 'provider');
  const order = input.order.map((id, i) => field(ProfileId, id, `order.${i}`));
  if (new Set(order).size !== order.length) throw new CoreError('VALIDATION', 'Some fields need attention.', { fields: { order: 'A profile is listed twice.' } });
  const foreign = order.find((id) => !id.startsWith(`${provider}:`));
  if (foreign) throw new CoreError('VALIDATION', 'Some fields need attention.', { fields: { order: `"${foreign}" is not a ${provider} profile.` } });
  const steps = new StepRunner();
  const pre = await steps.run('check', async () => {
    const p = await preflight(ctx, input.agentId);
    const unknown = order.find((id) => !(id in p.store.file.profiles));
    if (unknown) throw new CoreError('NOT_FOUND', `Agent "${p.agentId}" has no profile "${unknown}".`, { fields: { order: `Unknown profile "${unknown}".` } });
    return p;
  });
  await steps.run('credential', () => updateAuthStore(pre.dir, (d) => setOrder(d, provider, order), lockOpts(ctx)));
  await steps.run('config', () => updateConfig(ctx.paths.configPath, (cfg) => setConfigOrder(cfg, provider, order), { now: ctx.now() }));
  return { ok: true };
}

/** Copies one credential, as it is, from one agent's store to another's. OAuth sign-ins are not copied. */
export async function copyProfileFlow(
  ctx: FlowContext,
  input: { profileId: string; toAgentId: string; fromAgentId?: string | undefined },
): Promise<SaveResult> {
  const profileId = field(ProfileId, input.profileId, 'profileId');
  const steps = new StepRunner();
  const { source, target, targetDir } = await steps.run('check', async () => {
    const from = await preflight(ctx, input.fromAgentId);
    await requireKnownAgent(ctx.paths, from.config, input.toAgentId, 'toAgentId');
    const to = await preflight(ctx, input.toAgentId);
    if (to.agentId === from.agentId) throw new CoreError('VALIDATION', 'Some fields need attention.', { fields: { toAgentId: 'Choose another agent.' } });
    const credential = from.store.file.profiles[profileId];
    const parsed = from.store.profiles[profileId];
    if (!credential || !parsed) throw new CoreError('NOT_FOUND', `Agent "${from.agentId}" has no profile "${profileId}".`, { fields: { profileId: 'Not found.' } });
    if (parsed.type === 'oauth') {
      throw new CoreError('VALIDATION', 'A sign-in (OAuth) cannot be copied; sign in again for that agent with OpenClaw.', { fields: { profileId: 'OAuth profile.' } });
    }
    return { source: { credential, parsed }, target: to.agentId, targetDir: to.dir };
  });
  await steps.run(
    'credential',
    () => updateAuthStore(targetDir, (d) => upsertProfile(d, profileId, structuredClone(source.credential) as Record<string, unknown>), lockOpts(ctx)),
    authStorePaths(targetDir).authPath,
  );
  const mode = source.parsed.type === 'token' ? 'token' : 'api_key';
  const provider = source.parsed.provider ?? profileId.slice(0, profileId.indexOf(':'));
  await steps.run('config', () => updateConfig(ctx.paths.configPath, (cfg) => setProfileMeta(cfg, profileId, provider, mode), { now: ctx.now() }), ctx.paths.configPath);
  return { profileId, agentId: target, files: steps.files };
}

/** Sets `agents.defaults.model.primary` (and allows it when an allowlist exists). */
export async function setDefaultModelFlow(ctx: FlowContext, input: { model: string }): Promise<{ ok: true }> {
  const model = field(ModelRef, input.model, 'model');
  const steps = new StepRunner();
  await steps.run('config', () => updateConfig(ctx.paths.configPath, (cfg) => void setDefaultModel(cfg, model), { now: ctx.now() }));
  return { ok: true };
}
