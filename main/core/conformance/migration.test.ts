/**
 * Conformance of the import with the real OpenClaw: a state folder written by the app on 2026.5.28 (an Anthropic
 * key, a setup-token with an expiry, an OpenRouter token of a second agent the real 2026.5.28 CLI added, which also
 * writes `meta.lastTouchedAt` into the config), found by the app as needing an import once it points at the real 2026.9.6, imported
 * by "Import into OpenClaw" (backup, the real `doctor --fix`, the app's own checks), and then judged by 2026.9.6
 * itself: `models status --json` exit 0 per agent with every credential, its expiry and its masked secret; the
 * secrets byte for byte in OpenClaw's stores (read-only, with the reference Node's `node:sqlite`); `config validate`
 * accepts the config; the backup holds the state as it was. Hermetic like the other conformance files.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthStatus, LogLine, MigrationState } from '../../../shared/contract';
import { CURRENT_VERSION, ensureReferenceOpenClaw, openclawEnv, runOpenClaw, type ReferenceOpenClaw } from '../../../scripts/reference-openclaw.mjs';
import { createAppCore, type AppCore } from '../app-core';
import { updateConfig } from '../openclaw/config-file';
import { makeTempDir, seededSettings } from '../../testing/test-support';

const HOUR = 3_600_000;
const KEY = `sk-ant-api03-${'M'.repeat(64)}`;
const TOKEN = `sk-ant-oat01-${'N'.repeat(84)}`;
const OR_TOKEN = `sk-or-v1-${'P'.repeat(48)}`;
const EXPIRES = Date.now() + 72 * HOUR;

const root = makeTempDir('clawtray-migration-conformance-');
afterAll(() => root.cleanup());
const stateDir = path.join(root.dir, 'state');
const home = path.join(root.dir, 'home');

async function ok<T = unknown>(core: AppCore, channel: string, input: unknown): Promise<T> {
  const r = await core.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel} failed: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

async function until<T>(fn: () => Promise<T | undefined>, ms: number): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Every profile in OpenClaw 2026.6+'s stores, read-only through the reference Node's `node:sqlite`. */
function storedProfiles(ref: ReferenceOpenClaw): Record<string, Record<string, Record<string, unknown>>> {
  const script = `
    const { DatabaseSync } = require('node:sqlite');
    const fs = require('node:fs'); const path = require('node:path');
    const [stateDir] = process.argv.slice(1);
    const out = {};
    const sharedFile = path.join(stateDir, 'state', 'openclaw.sqlite');
    if (fs.existsSync(sharedFile)) {
      const shared = new DatabaseSync(sharedFile, { readOnly: true });
      const row = shared.prepare("SELECT value_json FROM config_machine_state WHERE state_key = 'authProfiles.store'").get();
      out.shared = row ? JSON.parse(row.value_json).profiles : {};
    }
    for (const agent of fs.readdirSync(path.join(stateDir, 'agents'))) {
      const file = path.join(stateDir, 'agents', agent, 'agent', 'openclaw-agent.sqlite');
      if (!fs.existsSync(file)) continue;
      const db = new DatabaseSync(file, { readOnly: true });
      const r = db.prepare("SELECT store_json FROM auth_profile_store WHERE store_key = 'primary'").get();
      out[agent] = r ? JSON.parse(r.store_json).profiles : {};
    }
    console.log(JSON.stringify(out));`;
  const r = spawnSync(ref.nodeBin, ['-e', script, stateDir], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as Record<string, Record<string, Record<string, unknown>>>;
}

let current: ReferenceOpenClaw;
const results = {} as {
  needed: MigrationState;
  done: MigrationState;
  logs: LogLine[];
  before: { status: AuthStatus; config: string; files: Record<string, string> };
  after: AuthStatus;
  statuses: Record<string, { code: number | null; json: any }>;
  validate: { code: number | null; json: any };
  stored: ReturnType<typeof storedProfiles>;
};

beforeAll(async () => {
  const old = await ensureReferenceOpenClaw();
  current = await ensureReferenceOpenClaw(CURRENT_VERSION);
  fs.mkdirSync(home, { recursive: true });
  const env = openclawEnv({ home, stateDir });
  await updateConfig(path.join(stateDir, 'openclaw.json'), (cfg) => {
    cfg.logging = { file: path.join(root.dir, 'openclaw.log') };
  });

  // The real 2026.5.28 CLI adds a second agent (touching the config as it always does); the app writes the credentials.
  const added = await runOpenClaw(old, ['agents', 'add', 'work', '--non-interactive', '--workspace', path.join(stateDir, 'workspace-work'), '--json'], { env, cwd: home });
  expect(added.code, added.stderr).toBe(0);
  expect(JSON.parse(fs.readFileSync(path.join(stateDir, 'openclaw.json'), 'utf8')).meta.lastTouchedAt).toBeTruthy();
  const dataDir = path.join(root.dir, 'data');
  const settingsBackend = seededSettings(dataDir, { openclawPath: old.openclawBin });
  const writer = createAppCore({ shell: 'web', version: '0.0.0-conformance', dataDir, stateDirOverride: stateDir, env: {}, homeDir: home, settingsBackend });
  await ok(writer, 'auth:saveAnthropicKey', { apiKey: KEY });
  await ok(writer, 'auth:saveSetupToken', { token: TOKEN, profileName: 'sub', expiresAt: EXPIRES });
  await ok(writer, 'auth:saveToken', { provider: 'openrouter', token: OR_TOKEN, agentId: 'work' });
  await ok(writer, 'models:setDefault', { model: 'anthropic/claude-sonnet-4-6' });
  const status = await ok<AuthStatus>(writer, 'auth:status', {});
  await writer.dispose();
  const files = Object.fromEntries(
    ['openclaw.json', 'agents/main/agent/auth-profiles.json', 'agents/work/agent/auth-profiles.json'].map((f) => [f, fs.readFileSync(path.join(stateDir, f), 'utf8')]),
  );
  results.before = { status, config: files['openclaw.json']!, files };

  // The app pointed at the real 2026.9.6 (its Node 24 on PATH) finds what must be imported, and imports it.
  const app = createAppCore({
    shell: 'web',
    version: '0.0.0-conformance',
    dataDir: path.join(root.dir, 'data'),
    stateDirOverride: stateDir,
    env: { PATH: `${path.dirname(current.nodeBin)}:/usr/bin:/bin` },
    homeDir: home,
  });
  results.logs = [];
  app.events.on('gateway:log', (p) => results.logs.push(...p.lines));
  await ok(app, 'settings:update', { openclawPath: current.openclawBin });
  await app.start();
  results.needed = await until(async () => {
    const s = await ok<MigrationState>(app, 'migration:state', {});
    return s.phase === 'needed' ? s : undefined;
  }, 120_000);
  await ok(app, 'migration:start', {});
  results.done = await until(async () => {
    const s = await ok<MigrationState>(app, 'migration:state', {});
    return s.phase === 'done' || s.phase === 'failed' ? s : undefined;
  }, 420_000);
  // The app's own read after the import (the openclaw-managed backend, through 2026.9.6's CLI).
  results.after = await ok<AuthStatus>(app, 'auth:status', {});
  await app.dispose();

  // 2026.9.6's own verdict (reads only, side by side).
  const json = (stdout: string) => JSON.parse(stdout.slice(stdout.indexOf('{')));
  const [main, work, v] = await Promise.all([
    runOpenClaw(current, ['models', 'status', '--json', '--agent', 'main'], { env, cwd: home }),
    runOpenClaw(current, ['models', 'status', '--json', '--agent', 'work'], { env, cwd: home }),
    runOpenClaw(current, ['config', 'validate', '--json'], { env, cwd: home }),
  ]);
  results.statuses = { main: { code: main.code, json: json(main.stdout) }, work: { code: work.code, json: json(work.stdout) } };
  results.validate = { code: v.code, json: json(v.stdout) };
  results.stored = storedProfiles(current);
}, 900_000);

describe('import of a 2026.5.28 state into the real OpenClaw 2026.9.6', () => {
  it('is found as needed: the credential files of both agents and the config 2026.9.6 rejects', () => {
    expect(results.needed.version).toBe(CURRENT_VERSION);
    expect(results.needed.reasons.map((r) => r.kind)).toEqual(['legacy-credentials', 'config-rejected']);
    expect(results.needed.reasons[0]!.files.map((f) => path.relative(stateDir, f))).toEqual(['agents/main/agent/auth-profiles.json', 'agents/work/agent/auth-profiles.json']);
    expect(results.needed.reasons[1]!.issues).toContain('meta: Unrecognized key: "lastTouchedAt"');
  });

  it('succeeds, with doctor output in the log and no secret in it', () => {
    expect(results.done, JSON.stringify(results.done)).toMatchObject({ phase: 'done', reasons: [] });
    const text = results.logs.map((l) => l.text).join('\n');
    expect(text).toContain('doctor: ');
    for (const secret of [KEY, TOKEN, OR_TOKEN]) expect(text).not.toContain(secret);
  });

  it('2026.9.6 reads every credential with its expiry and secret (models status exit 0), and accepts the config', () => {
    const main = results.statuses.main!;
    expect(main.code).toBe(0);
    const profiles = new Map<string, any>(main.json.auth.oauth.profiles.map((p: any) => [p.profileId, p]));
    for (const p of results.before.status.profiles) {
      expect(profiles.get(p.id), p.id).toMatchObject({ type: p.type, status: p.status, ...(p.expiresAt ? { expiresAt: p.expiresAt } : {}) });
    }
    expect(profiles.get('anthropic:sub').expiresAt).toBe(EXPIRES);
    const labels = main.json.auth.providers.flatMap((p: any) => p.profiles.labels);
    expect(labels).toEqual(expect.arrayContaining([`anthropic:default=${KEY.slice(0, 8)}...${KEY.slice(-8)}`, `anthropic:sub=token:${TOKEN.slice(0, 8)}...${TOKEN.slice(-8)}`]));
    const work = results.statuses.work!;
    expect(work.code).toBe(0);
    expect(work.json.auth.oauth.profiles.map((p: any) => p.profileId)).toContain('openrouter:manual');
    expect(main.json.defaultModel).toBe('anthropic/claude-sonnet-4-6');
    expect(results.validate).toMatchObject({ code: 0, json: { valid: true } });
  });

  it("is then read by the app through 2026.9.6 (openclaw-managed): every credential, the same statuses and expiries, no problem", () => {
    const { after, before } = results;
    expect(after.problem).toBeUndefined();
    const read = new Map(after.profiles.map((p) => [p.id, p]));
    for (const p of before.status.profiles) expect(read.get(p.id), p.id).toMatchObject({ type: p.type, status: p.status, ...(p.expiresAt ? { expiresAt: p.expiresAt } : {}) });
  });

  it('keeps every secret byte for byte in OpenClaw stores', () => {
    const all = Object.values(results.stored).flatMap((profiles) => Object.entries(profiles));
    const secretOf = (id: string) => all.filter(([pid]) => pid === id).map(([, p]) => p.key ?? p.token);
    expect(secretOf('anthropic:default')).toContain(KEY);
    expect(secretOf('anthropic:sub')).toContain(TOKEN);
    expect(secretOf('openrouter:manual')).toContain(OR_TOKEN);
  });

  it('leaves the archives it offers to delete, and a 0700 backup of the state as it was', () => {
    const { done, before } = results;
    expect(done.leftovers.map((f) => path.relative(stateDir, f).replace(/migrated-.*/, 'migrated-*'))).toEqual([
      'agents/main/agent/auth-profiles.json.migrated-*',
      'agents/work/agent/auth-profiles.json.migrated-*',
    ]);
    expect(fs.existsSync(path.join(stateDir, 'agents', 'main', 'agent', 'auth-profiles.json'))).toBe(false);
    expect(fs.statSync(done.backupDir!).mode & 0o777).toBe(0o700);
    for (const [rel, text] of Object.entries(before.files)) expect(fs.readFileSync(path.join(done.backupDir!, 'state', rel), 'utf8'), rel).toBe(text);
  });
});
