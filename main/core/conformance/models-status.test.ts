/**
 * Conformance of the models panel with the real OpenClaw, on both reference versions: the Done-when state (a default
 * and two fallbacks over two providers; Anthropic with a key in cooldown ahead of a setup-token expiring in 5 h,
 * OpenRouter only in `.env`) is made through the app's channels (fallbacks chosen as the picker does, with
 * `models:setFallbacks`), a cooldown is recorded as OpenClaw's runner records one after a rate limit, and the app's
 * `models:status` must equal what `openclaw models status --json --check` says: the same rows (model, provider,
 * credential serving it, state, expiry, cooldowns passed over) and the same headline as the exit code.
 * One `models status` run per version judges everything (the 2026.9.6 CLI costs seconds per write).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelsView } from '../../../shared/contract';
import { ensureReferenceOpenClaw, openclawEnv, REFERENCE_VERSION, runOpenClaw, type ReferenceOpenClaw } from '../../../scripts/reference-openclaw.mjs';
import { createAppCore, type AppCore } from '../app-core';
import { appRows, DONE_WHEN_FALLBACKS, expectDoneWhenRows, headlineOfExit, makeDoneWhenState, openclawRows, type Call } from '../../testing/models-conformance';
import { makeTempDir, seededSettings } from '../../testing/test-support';

const H = 3_600_000;

const root = makeTempDir('clawtray-models-conformance-');
afterAll(() => root.cleanup());

describe(`models panel = openclaw models status on ${REFERENCE_VERSION} (auth-profiles.json)`, () => {
  let ref: ReferenceOpenClaw;
  const result = {} as { view: ModelsView; theirs: any; code: number | null; cooldownUntil: number; expiresAt: number };

  beforeAll(async () => {
    ref = await ensureReferenceOpenClaw();
    const base = path.join(root.dir, 'v528');
    const stateDir = path.join(base, 'state');
    const home = path.join(base, 'home');
    const dataDir = path.join(base, 'data');
    for (const d of [stateDir, home]) fs.mkdirSync(d, { recursive: true, mode: 0o700 });
    fs.writeFileSync(path.join(stateDir, 'openclaw.json'), JSON.stringify({ logging: { file: path.join(base, 'openclaw.log') } }), { mode: 0o600 });
    const core: AppCore = createAppCore({ shell: 'web', version: '0.0.0-conformance', dataDir, stateDirOverride: stateDir, env: {}, homeDir: home, settingsBackend: seededSettings(dataDir, { openclawPath: ref.openclawBin }) });
    const ok: Call = async (channel, input) => {
      const r = await core.dispatch(channel, input);
      if (!r.ok) throw new Error(`${channel} failed: ${JSON.stringify(r.error)}`);
      return r.value as never;
    };
    try {
      result.expiresAt = Date.now() + 5 * H;
      await makeDoneWhenState(ok, result.expiresAt);
      // OpenClaw's runner records a rate limit in auth-state.json's usageStats, beside the order the app wrote.
      result.cooldownUntil = Date.now() + H;
      const statePath = path.join(stateDir, 'agents', 'main', 'agent', 'auth-state.json');
      const state = JSON.parse(fs.readFileSync(statePath, 'utf8'));
      state.usageStats = { 'anthropic:default': { cooldownUntil: result.cooldownUntil, cooldownReason: 'rate_limit', errorCount: 3, lastFailureAt: Date.now() } };
      fs.writeFileSync(statePath, JSON.stringify(state, null, 2), { mode: 0o600 });
      result.view = await ok('models:status', {});
      const r = await runOpenClaw(ref, ['models', 'status', '--json', '--check'], { env: openclawEnv({ home, stateDir }), cwd: home, timeoutMs: 120_000 });
      result.code = r.code;
      result.theirs = JSON.parse(r.stdout.slice(r.stdout.indexOf('{')));
    } finally {
      await core.dispose();
    }
  }, 240_000);

  it('the rows equal OpenClaw\'s: credential serving each model, state, expiry, the key in cooldown passed over', () => {
    expect(result.theirs.fallbacks).toEqual(DONE_WHEN_FALLBACKS);
    expect(appRows(result.view)).toEqual(openclawRows(result.theirs));
    expectDoneWhenRows(result.view, result.cooldownUntil, result.expiresAt);
  });

  it('the headline is what --check exits with (2: expiring within 24 h)', () => {
    expect(result.view.headline).toBe(headlineOfExit(result.code));
    expect(result.view.checkExit).toBe(result.code);
  });
});
