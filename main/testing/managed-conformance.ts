/**
 * Shared set-up of the conformance suites against the real OpenClaw 2026.9.6 (`main/core/conformance/managed-*`):
 * a hermetic state dir with its own gateway port and token, an app core that finds the reference install through
 * its Settings path (so credentials go through the openclaw-managed backend), OpenClaw's own CLI to judge what the
 * app did, and the comparison of the app's `AuthStatus` with `openclaw models status --json`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { AuthStatus } from '../../shared/contract';
import { CURRENT_VERSION, ensureReferenceOpenClaw, openclawEnv, runOpenClaw, type ReferenceOpenClaw } from '../../scripts/reference-openclaw.mjs';
import { createAppCore, type AppCore } from '../core/app-core';
import { freePort } from './gateway-test-support';
import { seededSettings } from './test-support';

/** One state dir managed by one app core over the real 2026.9.6. */
export interface ManagedScenario {
  ref: ReferenceOpenClaw;
  stateDir: string;
  home: string;
  port: number;
  core: AppCore;
  /** Calls a channel; throws with the error when it fails. */
  ok<T = any>(channel: string, input: unknown): Promise<T>;
  /** Runs OpenClaw's own CLI on the same state dir (as the user would in a terminal). */
  openclaw(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string; json?: any }>;
  /** Every `auth-profiles.json` under the state dir (2026.6+ must never get one from the app). */
  legacyFiles(): string[];
  dispose(): Promise<void>;
}

/** Builds the scenario under `root` (a temp dir the caller removes) and starts its core. */
export async function managedScenario(root: string, name: string): Promise<ManagedScenario> {
  const ref = await ensureReferenceOpenClaw(CURRENT_VERSION);
  const base = path.join(root, name);
  const stateDir = path.join(base, 'state');
  const home = path.join(base, 'home');
  const dataDir = path.join(base, 'data');
  for (const d of [stateDir, home, dataDir]) fs.mkdirSync(d, { recursive: true, mode: 0o700 });
  const port = await freePort();
  const config = { gateway: { mode: 'local', bind: 'loopback', port, auth: { mode: 'token', token: `conformance-${name}-${port}-0123456789abcdef` } }, logging: { file: path.join(base, 'openclaw.log') } };
  fs.writeFileSync(path.join(stateDir, 'openclaw.json'), JSON.stringify(config, null, 2), { mode: 0o600 });
  const nodeDir = path.dirname(ref.nodeBin);
  const env = { PATH: `${nodeDir}:/usr/bin:/bin`, HOME: home, LANG: 'C.UTF-8' };
  const core = createAppCore({
    shell: 'web',
    version: '0.0.0-conformance',
    dataDir,
    stateDirOverride: stateDir,
    env,
    homeDir: home,
    settingsBackend: seededSettings(dataDir, { openclawPath: ref.openclawBin, port, stopGraceMs: 20_000 }),
  });
  await core.start();
  return {
    ref,
    stateDir,
    home,
    port,
    core,
    async ok(channel, input) {
      const r = await core.dispatch(channel, input);
      if (!r.ok) throw new Error(`${channel} failed: ${JSON.stringify(r.error)}`);
      return r.value as never;
    },
    async openclaw(args) {
      const r = await runOpenClaw(ref, args, { env: openclawEnv({ home, stateDir, extra: { OPENCLAW_GATEWAY_PORT: String(port) } }), cwd: home, timeoutMs: 180_000 });
      const start = r.stdout.indexOf('{');
      let json: unknown;
      try {
        json = start >= 0 ? JSON.parse(r.stdout.slice(start)) : undefined;
      } catch {
        json = undefined;
      }
      return { code: r.code, stdout: r.stdout, stderr: r.stderr, ...(json !== undefined ? { json } : {}) };
    },
    legacyFiles() {
      return (fs.readdirSync(stateDir, { recursive: true }) as string[]).filter((f) => path.basename(f).startsWith('auth-profiles.json'));
    },
    async dispose() {
      await core.dispose();
    },
  };
}

/**
 * The app's status says what OpenClaw's own `models status --json` says: the same profiles, each with the same
 * status, and the same expiry for those OpenClaw reports one for.
 */
export function expectSameAsOpenClaw(app: AuthStatus, theirs: any): void {
  const mine = new Map(app.profiles.map((p) => [p.id, p]));
  const reported = theirs.auth.oauth.profiles as { profileId: string; status: string; expiresAt?: number }[];
  expect([...mine.keys()].sort()).toEqual(reported.map((p) => p.profileId).sort());
  for (const p of reported) {
    expect({ id: p.profileId, status: mine.get(p.profileId)?.status }).toEqual({ id: p.profileId, status: p.status });
    if (p.expiresAt !== undefined) expect({ id: p.profileId, expiresAt: mine.get(p.profileId)?.expiresAt }).toEqual({ id: p.profileId, expiresAt: p.expiresAt });
  }
}
