/**
 * Fake OpenClaw installs at any version, laid out by the fake npm exactly as "Install for me" would have them
 * (`<prefix>/node_modules/openclaw` + `.bin/openclaw`), and a legacy (<= 2026.5) state folder as the app writes it:
 * one `auth-profiles.json` per agent and a config with what 2026.5 adds (`meta.lastTouchedAt`).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const repo = path.resolve(__dirname, '..', '..');
/** The fake npm (`main/testing/fixtures/fake-npm/npm`). */
export const FAKE_NPM = path.join(repo, 'main', 'testing', 'fixtures', 'fake-npm', 'npm');

/** Installs the fake OpenClaw at `version` into the npm prefix `prefix`; returns the prefix. */
export function installFakeOpenClaw(prefix: string, version: string): string {
  fs.mkdirSync(prefix, { recursive: true });
  const r = spawnSync(process.execPath, [FAKE_NPM, 'install', '--prefix', prefix, `openclaw@${version}`], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  if (r.status !== 0) throw new Error(`fake npm failed: ${r.stderr}`);
  return prefix;
}

/** A legacy credential file's profiles, by agent. */
export type LegacyProfiles = Record<string, Record<string, Record<string, unknown>>>;

/** Writes a state folder as OpenClaw 2026.5 and the app leave it. */
export function writeLegacyState(stateDir: string, profiles: LegacyProfiles, o: { lastTouchedAt?: boolean } = {}): void {
  fs.mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  const config: Record<string, unknown> = { gateway: { mode: 'local' }, agents: { defaults: { model: { primary: 'anthropic/claude-sonnet-4-6' } } } };
  if (o.lastTouchedAt ?? true) config.meta = { lastTouchedVersion: '2026.5.28', lastTouchedAt: '2026-11-29T14:59:23.161Z' };
  fs.writeFileSync(path.join(stateDir, 'openclaw.json'), `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  for (const [agentId, store] of Object.entries(profiles)) {
    const dir = path.join(stateDir, 'agents', agentId, 'agent');
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(path.join(dir, 'auth-profiles.json'), `${JSON.stringify({ version: 1, profiles: store }, null, 2)}\n`, { mode: 0o600 });
  }
}

/** Sets how the fake 2026.6+ CLI's `doctor` misbehaves in a state folder (see cli-current.mjs). */
export function fakeDoctor(stateDir: string, doctor: 'fail' | 'lose-secret' | 'keep-file' | 'hang' | 'slow' | undefined): void {
  const file = path.join(stateDir, 'fake-openclaw.json');
  if (doctor) fs.writeFileSync(file, JSON.stringify({ doctor }));
  else fs.rmSync(file, { force: true });
}
