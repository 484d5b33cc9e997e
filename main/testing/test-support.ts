/**
 * Helpers for core tests: a temp folder per test and a core built against it, with no real home or env.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assembleAppCore, type AppCore, type CoreDeps } from '../core/app-core';
import { createConfBackend, type SettingsBackend } from '../core/settings';
import { createCoreContext, type CoreContext } from '../core/context';

/** A fresh temp dir; removed by the returned cleanup. */
export function makeTempDir(prefix = 'clawtray-test-'): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** The variables the test fakes (gateway, OpenClaw CLI, npm) are configured with; children of a test core get them. */
export const testFakeVariable = (name: string): boolean => name.startsWith('FAKE_');

/** The settings store of a data folder, with `patch` written into it first (e.g. the OpenClaw path to use). */
export function seededSettings(dataDir: string, patch: Record<string, unknown>): SettingsBackend {
  const settings = createConfBackend(dataDir);
  settings.store = { ...settings.store, ...patch };
  return settings;
}

/** The fake OpenClaw 2026.5.28 install of the e2e fixtures: found, so credentials can be saved (profiles-file). */
export const FAKE_OPENCLAW_528 = path.resolve(__dirname, '..', '..', 'main', 'testing', 'fixtures', 'fake-openclaw', 'openclaw.mjs');

/**
 * A core over temp state and data dirs, hermetic env; extra deps override. `context` is core's, for driving its
 * ports. Its OpenClaw is the fake 2026.5.28 install unless `openclawPath` says otherwise (null: none at all).
 */
export function makeTestCore(
  options: Partial<CoreDeps> & { openclawPath?: string | null } = {},
): { core: AppCore; context: CoreContext; stateDir: string; dataDir: string; cleanup: () => Promise<void> } {
  const root = makeTempDir();
  const stateDir = path.join(root.dir, 'state');
  const dataDir = path.join(root.dir, 'data');
  fs.mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const { openclawPath = FAKE_OPENCLAW_528, ...overrides } = options;
  overrides.settingsBackend ??= seededSettings(overrides.dataDir ?? dataDir, { openclawPath });
  const context = createCoreContext({
    shell: 'web',
    version: '0.0.0-test',
    dataDir,
    stateDirOverride: stateDir,
    env: {},
    homeDir: root.dir,
    childEnvPassthrough: testFakeVariable,
    ...overrides,
  });
  const core = assembleAppCore(context);
  return {
    core,
    context,
    stateDir,
    dataDir,
    cleanup: async () => {
      await core.dispose();
      root.cleanup();
    },
  };
}

/** Dispatch through a test core, keeping every answer (`outputs`) so a test can check no secret ever left core. */
export function recordingCall(core: Pick<AppCore, 'dispatch'>): {
  outputs: unknown[];
  call: (channel: string, input: unknown) => Promise<{ ok: true; value: any } | { ok: false; error: any }>;
} {
  const outputs: unknown[] = [];
  const call = async (channel: string, input: unknown) => {
    const r = await core.dispatch(channel as never, input as never);
    outputs.push(r);
    return r as { ok: true; value: any } | { ok: false; error: any };
  };
  return { outputs, call };
}
