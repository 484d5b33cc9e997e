/**
 * Removing a credential so that it is gone: `secretPlacesFlow` lists every place its secret is (for the dialog, no
 * values), and `removeProfileFlow` clears the places asked for (all by default): the store entry and its order and
 * usage entries, `.env` variables with the same value, the config secrets that belong to it (then its config
 * metadata, when no agent still has the profile), and finally every backup copy still holding a removed value,
 * including the `.bak` this very removal wrote; copies past their time are pruned. Steps as in the save flows:
 * check -> credential -> env -> config -> backups, an error naming the failed one.
 */
import type { SecretPlace } from '../../../../shared/contract';
import { ProfileId } from '../../../../shared/schemas';
import { pruneBackups, scrubFile } from '../../fs/backups';
import { DEFAULT_AGENT_ID, listAgents } from '../../openclaw/agents';
import type { CredentialRecord } from '../backend';
import { deleteAt } from '../../openclaw/config-file';
import { removeProfileMeta } from '../../openclaw/config-patches';
import { readEnvFile, unsetEnvVar } from '../../openclaw/env-file';
import { backupFamilies, backupPlaces, directPlaces, removedValues, type BackupFamily, type FoundPlace } from '../secret-places';
import { field, preflight, requireProfile, StepRunner, type FlowContext } from './steps';

interface Found {
  agentId: string;
  places: FoundPlace[];
  /** Another agent still holds this very profile (its config metadata stays). */
  heldElsewhere: boolean;
  /** The files whose backup copies may hold the secret. */
  families: BackupFamily[];
}

/** Finds every place of `profileId`'s secret for `agentId` (reads only). */
async function findPlaces(ctx: FlowContext, profileIdInput: string, agentIdInput: string | undefined): Promise<Found> {
  const profileId = field(ProfileId, profileIdInput, 'profileId');
  const pre = await preflight(ctx, agentIdInput);
  const record = requireProfile(pre.snapshot, profileId);
  const agents = await listAgents(ctx.paths, pre.config);
  // Where agents share one store (OpenClaw 2026.6+), removing a shared credential (one this agent inherits, or the
  // default agent's, whose store is the shared one) removes it for every agent: their inherited view goes with it.
  const removesShared = ctx.backend.capabilities.removeFromInheritingAgentRemovesForAll && (record.source === 'inherited' || pre.agentId === DEFAULT_AGENT_ID);
  const goesToo = (agentId: string, p: CredentialRecord) => removesShared && p.id === profileId && (p.source === 'inherited' || agentId === DEFAULT_AGENT_ID);
  let heldElsewhere = false;
  let providerElsewhere = pre.snapshot.profiles.some((p) => p.id !== profileId && p.provider === record.provider);
  for (const id of agents) {
    if (id === pre.agentId) continue;
    const left = (await ctx.backend.read(id)).profiles.filter((p) => !goesToo(id, p));
    heldElsewhere ||= left.some((p) => p.id === profileId);
    providerElsewhere ||= left.some((p) => p.provider === record.provider);
  }
  const known = (await ctx.backend.secretOf?.(pre.agentId, profileId)) ?? {};
  const direct = directPlaces({
    provider: record.provider,
    secret: known.value,
    label: known.label ?? (record.secret.kind === 'inline' ? record.secret.masked : undefined),
    storeFile: pre.snapshot.location.credentials,
    env: await readEnvFile(ctx.paths.envPath),
    envPath: ctx.paths.envPath,
    config: pre.config,
    configPath: ctx.paths.configPath,
    providerInUseElsewhere: providerElsewhere,
  });
  const families = backupFamilies(ctx.paths, ctx.backend.copiedFiles?.(pre.agentId) ?? []);
  const backups = await backupPlaces(families, removedValues(direct), ctx.paths.stateDir);
  return { agentId: pre.agentId, places: [...direct, ...backups], heldElsewhere, families };
}

/** Every place the secret of `profileId` is, as the remove dialog lists them. */
export async function secretPlacesFlow(ctx: FlowContext, input: { profileId: string; agentId?: string | undefined }): Promise<{ places: SecretPlace[] }> {
  const found = await findPlaces(ctx, input.profileId, input.agentId);
  return { places: found.places.map((p) => p.view) };
}

/**
 * Removes a profile from an agent and clears the chosen places (`places`: ids from `secretPlacesFlow`; all when
 * omitted; the store always). Ids are looked up in a fresh search, never trusted as paths. `envCleared`: a `.env`
 * key went, which a running gateway keeps until it restarts.
 */
export async function removeProfileFlow(
  ctx: FlowContext,
  input: { profileId: string; agentId?: string | undefined; places?: readonly string[] | undefined },
): Promise<{ ok: true; envCleared: boolean }> {
  const profileId = field(ProfileId, input.profileId, 'profileId');
  const steps = new StepRunner();
  const found = await steps.run('check', () => findPlaces(ctx, profileId, input.agentId));
  const wanted = (p: FoundPlace) => p.view.required || !input.places || input.places.includes(p.view.id);
  const chosen = found.places.filter(wanted);
  await steps.write('credential', () => ctx.backend.remove(found.agentId, profileId));
  const envKeys = chosen.flatMap((p) => (p.target.kind === 'env' ? [p.target.key] : []));
  if (envKeys.length) {
    await steps.write('env', async () => {
      for (const key of envKeys) await unsetEnvVar(ctx.paths.envPath, key);
      return { files: [ctx.paths.envPath] };
    });
  }
  const configPaths = chosen.flatMap((p) => (p.target.kind === 'config' ? [p.target.path] : []));
  if (configPaths.length || !found.heldElsewhere) {
    await steps.write('config', () =>
      ctx.backend.applyConfig((cfg) => {
        for (const path of configPaths) deleteAt(cfg, path);
        if (!found.heldElsewhere) removeProfileMeta(cfg, profileId);
      }),
    );
  }
  // The config write above kept the previous file as `.bak`: look again, and scrub every copy still holding a removed
  // value, unless the user chose to keep that copy.
  const values = removedValues(chosen);
  const keptBackups = found.places.filter((p) => p.target.kind === 'backup' && !wanted(p)).map((p) => p.view.id);
  await steps.write('backups', async () => {
    const files: string[] = [];
    for (const copy of await backupPlaces(found.families, values, ctx.paths.stateDir)) {
      if (copy.target.kind === 'backup' && !keptBackups.includes(copy.view.id) && (await scrubFile(copy.target.file, values))) files.push(copy.target.file);
    }
    for (const family of found.families) await pruneBackups(family.file, ctx.now(), { kinds: family.kinds });
    return { files };
  });
  return { ok: true, envCleared: envKeys.length > 0 };
}
