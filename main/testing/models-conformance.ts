/**
 * What `openclaw models status --json` says of each model in use, in the shape the models panel compares with:
 * per model (default, fallbacks in order, image model and its fallbacks) its provider, the credential OpenClaw's
 * output shows serving it (the first profile of the provider's `effectiveProfiles` that is usable and not listed in
 * `unusableProfiles`, else the provider's environment key), its state and expiry, and the profiles it passes over
 * in cooldown with their ends. Read from OpenClaw's output only, never from the app's code, so the conformance
 * tests compare two independent answers.
 */
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { expect } from 'vitest';
import type { ModelsView } from '../../shared/contract';

/** One row as both sides are compared. */
export interface ComparableRow {
  ref: string;
  provider: string;
  credential: string;
  state: string;
  expiresAt?: number;
  cooldowns: { profileId: string; until: number }[];
}

const KEY = `sk-ant-api03-${'Km'.repeat(32)}`;
const SETUP = `sk-ant-oat01-${'Wm'.repeat(42)}`;
const ROUTER = `sk-or-v1-${'Rm'.repeat(24)}`;
const DEFAULT = 'anthropic/claude-opus-4-6';
/** The fallbacks of the Done-when state, in order. */
export const DONE_WHEN_FALLBACKS = ['openrouter/anthropic/claude-sonnet-4.6', 'anthropic/claude-sonnet-4-6'];
/** The secrets the Done-when state holds (none may leak). */
export const DONE_WHEN_SECRETS = [KEY, SETUP, ROUTER];

export type Call = <T = any>(channel: string, input: unknown) => Promise<T>;

/** The Done-when state through the app's channels: key, setup-token, order, `.env` key, default and fallbacks. */
export async function makeDoneWhenState(ok: Call, expiresAt: number): Promise<void> {
  await ok('auth:saveAnthropicKey', { apiKey: KEY });
  await ok('auth:saveSetupToken', { token: SETUP, profileName: 'work', expiresAt });
  await ok('auth:setOrder', { provider: 'anthropic', order: ['anthropic:default', 'anthropic:work'] });
  await ok('env:set', { key: 'OPENROUTER_API_KEY', value: ROUTER });
  await ok('models:setDefault', { model: DEFAULT });
  await ok('models:setFallbacks', { fallbacks: DONE_WHEN_FALLBACKS });
}

/** What both versions must agree on, whatever the app says. */
export function expectDoneWhenRows(view: ModelsView, cooldownUntil: number, expiresAt: number): void {
  expect(appRows(view)).toEqual([
    { ref: DEFAULT, provider: 'anthropic', credential: 'anthropic:work', state: 'expiring', expiresAt, cooldowns: [{ profileId: 'anthropic:default', until: cooldownUntil }] },
    { ref: DONE_WHEN_FALLBACKS[0], provider: 'openrouter', credential: 'env:OPENROUTER_API_KEY', state: 'ready', cooldowns: [] },
    { ref: DONE_WHEN_FALLBACKS[1], provider: 'anthropic', credential: 'anthropic:work', state: 'expiring', expiresAt, cooldowns: [{ profileId: 'anthropic:default', until: cooldownUntil }] },
  ]);
  expect(view.rows[0]).toMatchObject({ action: 'renew', actionProfileId: 'anthropic:work', skipped: [{ profileId: 'anthropic:default', status: 'cooldown', reason: 'rate_limit' }] });
  expect(view.rows[1]!.credential).toEqual({ kind: 'env', envVar: 'OPENROUTER_API_KEY', from: 'env-file' });
  expect([view.headline, view.checkExit]).toEqual(['expiring', 2]);
}


const providerOf = (ref: string) => ref.slice(0, ref.indexOf('/'));

/** OpenClaw's rows, from its `models status --json` output. */
export function openclawRows(theirs: any): ComparableRow[] {
  const refs: string[] = [theirs.resolvedDefault ?? theirs.defaultModel, ...(theirs.fallbacks ?? []), ...(theirs.imageModel ? [theirs.imageModel] : []), ...(theirs.imageFallbacks ?? [])].filter(Boolean);
  const unusable = new Map<string, { until: number; kind: string }>((theirs.auth.unusableProfiles ?? []).map((u: any) => [u.profileId, u]));
  return refs.map((ref) => {
    const provider = providerOf(ref);
    const health = (theirs.auth.oauth.providers ?? []).find((p: any) => p.provider === provider);
    const effective: any[] = health?.effectiveProfiles ?? [];
    const chosen = effective.find((p) => !unusable.has(p.profileId) && ['static', 'ok', 'expiring'].includes(p.status));
    const cooldowns = effective.filter((p) => unusable.has(p.profileId)).map((p) => ({ profileId: p.profileId, until: unusable.get(p.profileId)!.until }));
    if (chosen) {
      return { ref, provider, credential: chosen.profileId, state: chosen.status === 'expiring' ? 'expiring' : 'ready', ...(chosen.expiresAt !== undefined ? { expiresAt: chosen.expiresAt } : {}), cooldowns };
    }
    const auth = (theirs.auth.providers ?? []).find((p: any) => p.provider === provider);
    if (auth?.effective?.kind === 'env') return { ref, provider, credential: `env:${String(auth.env?.source ?? '').replace(/^env:\s*/, '')}`, state: 'ready', cooldowns };
    return { ref, provider, credential: 'none', state: cooldowns.length ? 'cooldown' : 'missing', cooldowns };
  });
}

/** The app's rows in the same shape. */
export function appRows(view: ModelsView): ComparableRow[] {
  return view.rows.map((r) => ({
    ref: r.ref,
    provider: r.provider,
    credential: r.credential.kind === 'profile' ? r.credential.profileId : r.credential.kind === 'env' ? `env:${r.credential.envVar}` : r.credential.kind,
    state: r.state,
    ...(r.expiresAt !== undefined && r.credential.kind === 'profile' ? { expiresAt: r.expiresAt } : {}),
    cooldowns: r.skipped.filter((s) => s.status === 'cooldown' || s.status === 'disabled').map((s) => ({ profileId: s.profileId, until: s.until! })),
  }));
}

/** `--check`'s word for an exit code. */
export const headlineOfExit = (code: number | null): ModelsView['headline'] | 'unknown' => (code === 0 ? 'ready' : code === 1 ? 'missing' : code === 2 ? 'expiring' : 'unknown');

/**
 * Records a cooldown for `profileId` the way OpenClaw 2026.6+'s runner does after a rate limit: `usageStats` in the
 * agent's runtime auth state (`agents/<id>/agent/openclaw-agent.sqlite`, table `auth_profile_state`, row `primary`),
 * beside the order kept there. A test fixture standing in for a failed request (the app itself never writes
 * OpenClaw's private stores); run with the reference Node, which has `node:sqlite`.
 */
export function recordManagedCooldown(nodeBin: string, stateDir: string, agentId: string, usage: { profileId: string; until: number; reason: string }): void {
  const db = path.join(stateDir, 'agents', agentId, 'agent', 'openclaw-agent.sqlite');
  const script = `
    const { DatabaseSync } = require('node:sqlite');
    const [db, profileId, until, reason] = process.argv.slice(1);
    const d = new DatabaseSync(db);
    const row = d.prepare("select state_json from auth_profile_state where state_key = 'primary'").get();
    const state = row ? JSON.parse(row.state_json) : { version: 1 };
    state.usageStats = { ...(state.usageStats || {}), [profileId]: { cooldownUntil: Number(until), cooldownReason: reason, errorCount: 3, lastFailureAt: Date.now() } };
    if (row) d.prepare("update auth_profile_state set state_json = ?, updated_at = ? where state_key = 'primary'").run(JSON.stringify(state), Date.now());
    else d.prepare("insert into auth_profile_state (state_key, state_json, updated_at) values ('primary', ?, ?)").run(JSON.stringify(state), Date.now());
    d.close();`;
  const r = spawnSync(nodeBin, ['--no-warnings', '-e', script, db, usage.profileId, String(usage.until), usage.reason], { encoding: 'utf8', timeout: 30_000 });
  if (r.status !== 0) throw new Error(`recording the cooldown failed: ${r.stderr}`);
}
