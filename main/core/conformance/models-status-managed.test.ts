/**
 * Conformance of the models panel with the real OpenClaw 2026.9.6 (credentials in its SQLite stores, written only
 * through its CLI by the openclaw-managed backend): the Done-when state is made through the app's channels, the
 * fallbacks chosen as the picker does (`models:setFallbacks`, i.e. `openclaw config set`), a cooldown recorded as
 * OpenClaw's runner records one (see `recordManagedCooldown`), and the app's `models:status` must equal what
 * `openclaw models status --json --check` says, rows and headline (exit code). OpenClaw lists the chosen fallbacks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelsView } from '../../../shared/contract';
import { managedScenario, type ManagedScenario } from '../../testing/managed-conformance';
import { appRows, DONE_WHEN_FALLBACKS, expectDoneWhenRows, headlineOfExit, makeDoneWhenState, openclawRows, recordManagedCooldown } from '../../testing/models-conformance';
import { makeTempDir } from '../../testing/test-support';

const H = 3_600_000;
const root = makeTempDir('clawtray-models-managed-');
let s: ManagedScenario;
const result = {} as { view: ModelsView; theirs: any; code: number | null; cooldownUntil: number; info: any };

beforeAll(async () => {
  s = await managedScenario(root.dir, 'models');
  result.info = await s.ok('app:info', {});
  await makeDoneWhenState(s.ok, Date.now() + 5 * H);
  result.cooldownUntil = Date.now() + H;
  recordManagedCooldown(s.ref.nodeBin, s.stateDir, 'main', { profileId: 'anthropic:default', until: result.cooldownUntil, reason: 'rate_limit' });
  const theirs = await s.openclaw(['models', 'status', '--json', '--check']);
  result.code = theirs.code;
  result.theirs = theirs.json;
  // The app sees the cooldown once its watcher has re-read OpenClaw's state (no polling in the app: the test waits).
  const end = Date.now() + 120_000;
  for (;;) {
    result.view = await s.ok('models:status', {});
    if (result.view.rows[0]?.skipped.length || Date.now() > end) break;
    await new Promise((r) => setTimeout(r, 500));
  }
}, 600_000);

afterAll(async () => {
  await s?.dispose();
  root.cleanup();
});

describe('models panel = openclaw models status on 2026.9.6 (openclaw-managed)', () => {
  it('runs on the managed backend, and OpenClaw lists the fallbacks chosen through the app', () => {
    expect(result.info.openclaw).toMatchObject({ version: '2026.9.6', backend: 'openclaw-managed' });
    expect(result.theirs.defaultModel).toBe('anthropic/claude-opus-4-6');
    expect(result.theirs.fallbacks).toEqual(DONE_WHEN_FALLBACKS);
    expect(s.legacyFiles()).toEqual([]);
  });

  it("the rows equal OpenClaw's: credential serving each model, state, expiry, the key in cooldown passed over", () => {
    const theirs = openclawRows(result.theirs);
    expect(appRows(result.view)).toEqual(theirs);
    expectDoneWhenRows(result.view, result.cooldownUntil, theirs[0]!.expiresAt!);
  });

  it('the headline is what --check exits with (2: expiring within 24 h)', () => {
    expect(result.view.headline).toBe(headlineOfExit(result.code));
    expect(result.view.checkExit).toBe(result.code);
  });
});
