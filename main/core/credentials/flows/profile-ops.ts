/**
 * Changes to credentials that already exist (removing one is `remove.ts`): set the order a provider's profiles are
 * tried in, copy one to another agent (a new agent does not inherit keys on OpenClaw <= 2026.5; this fixes "No API
 * key found for provider" there), and set the default model. Same discipline as the save flows: check first, credential before
 * config, and an error names the failed step.
 */
import { AgentId, FallbackList, ModelRef, ProfileId, ProviderId } from '../../../../shared/schemas';
import { setConfigOrder, setDefaultModel, setFallbackModels, setProfileMeta } from '../../openclaw/config-patches';
import { CoreError } from '../../errors';
import { field, preflight, requireProfile, StepRunner, type FlowContext, type SaveResult } from './steps';
import { oauthNotCopied } from '../credential-errors';

/** Sets the order of a provider's profiles: the agent's own order, and `auth.order` in config where agents do not share a store. */
export async function setOrderFlow(
  ctx: FlowContext,
  input: { provider: string; order: string[]; agentId?: string | undefined },
): Promise<{ ok: true }> {
  const provider = field(ProviderId, input.provider, 'provider');
  const order = input.order.map((id, i) => field(ProfileId, id, `order.${i}`));
  if (new Set(order).size !== order.length) throw new CoreError('VALIDATION', 'errors.fields', { fields: { order: { key: 'validation.orderTwice' } } });
  const foreign = order.find((id) => !id.startsWith(`${provider}:`));
  if (foreign) throw new CoreError('VALIDATION', 'errors.fields', { fields: { order: { key: 'validation.orderForeign', params: { profile: foreign, provider } } } });
  const steps = new StepRunner();
  const pre = await steps.run('check', async () => {
    const p = await preflight(ctx, input.agentId);
    for (const id of order) requireProfile(p.snapshot, id, 'order');
    return p;
  });
  await steps.write('credential', () => ctx.backend.setOrder(pre.agentId, provider, order));
  // Where agents share one store (2026.6+) the order is the agent's own override; `auth.order` in openclaw.json
  // would set it for every agent (and lock it against the gateway's order changes), so it is left alone there.
  if (!ctx.backend.capabilities.inheritsSharedCredentials) {
    await steps.write('config', () => ctx.backend.applyConfig((cfg) => setConfigOrder(cfg, provider, order)));
  }
  return { ok: true };
}

/** Copies one credential, as it is, from one agent to another. OAuth sign-ins are not copied. */
export async function copyProfileFlow(
  ctx: FlowContext,
  input: { profileId: string; toAgentId: string; fromAgentId?: string | undefined },
): Promise<SaveResult> {
  const profileId = field(ProfileId, input.profileId, 'profileId');
  const steps = new StepRunner();
  const { from, to, record } = await steps.run('check', async () => {
    const source = await preflight(ctx, input.fromAgentId);
    const target = await ctx.backend.check(field(AgentId, input.toAgentId, 'toAgentId'), { field: 'toAgentId' });
    if (target.agentId === source.agentId) throw new CoreError('VALIDATION', 'errors.fields', { fields: { toAgentId: { key: 'validation.sameAgent' } } });
    const copyable = { ...source.snapshot, profiles: source.snapshot.profiles.filter((p) => p.type !== 'unreadable') };
    const found = requireProfile(copyable, profileId);
    if (found.type === 'oauth') {
      throw oauthNotCopied();
    }
    return { from: source.agentId, to: target.agentId, record: found };
  });
  await steps.write('credential', () => ctx.backend.copy(profileId, from, to));
  const mode = record.type === 'token' ? 'token' : 'api_key';
  await steps.write('config', () => ctx.backend.applyConfig((cfg) => setProfileMeta(cfg, profileId, record.provider, mode)));
  return { profileId, agentId: to, files: steps.files };
}

/** Sets `agents.defaults.model.primary` (and allows it when an allowlist exists). */
/** Sets the default model's fallbacks, in order (checked as model refs, no repeats), through the backend. */
export async function setFallbacksFlow(ctx: FlowContext, input: { fallbacks: string[] }): Promise<{ ok: true }> {
  const fallbacks = field(FallbackList, input.fallbacks, 'fallbacks');
  const steps = new StepRunner();
  await steps.write('config', () => ctx.backend.applyConfig((cfg) => void setFallbackModels(cfg, fallbacks)));
  return { ok: true };
}

export async function setDefaultModelFlow(ctx: FlowContext, input: { model: string }): Promise<{ ok: true }> {
  const model = field(ModelRef, input.model, 'model');
  const steps = new StepRunner();
  await steps.write('config', () => ctx.backend.applyConfig((cfg) => void setDefaultModel(cfg, model)));
  return { ok: true };
}
