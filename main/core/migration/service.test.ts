import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { GatewayState, InstallProgress, LogLine, MigrationState } from '../../../shared/contract';
import { FAKE_NPM, fakeDoctor, installFakeOpenClaw, writeLegacyState } from '../../testing/fake-installs';
import { FAKE_OPENCLAW } from '../../testing/gateway-test-support';
import { useTestCore } from '../../testing/use-test-core';
import { appInstallDir, appUpdateDir } from '../openclaw/locate-candidates';

const KEY = `sk-ant-api03-${'K'.repeat(64)}`;
const TOKEN = `sk-ant-oat01-${'T'.repeat(84)}`;
const EXPIRES = Date.now() + 5 * 86_400_000;
const LEGACY = {
  main: {
    'anthropic:default': { type: 'api_key', provider: 'anthropic', key: KEY },
    'anthropic:sub': { type: 'token', provider: 'anthropic', token: TOKEN, expires: EXPIRES },
  },
  work: { 'openrouter:manual': { type: 'token', provider: 'openrouter', token: `sk-or-v1-${'W'.repeat(48)}` } },
};

/** Every file under `dir` with its mode and content hash. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of fs.readdirSync(d)) {
      const p = path.join(d, name);
      const st = fs.lstatSync(p);
      if (st.isDirectory()) walk(p);
      else out[path.relative(dir, p)] = `${(st.mode & 0o777).toString(8)}:${crypto.createHash('sha1').update(fs.readFileSync(p)).digest('hex')}`;
    }
  };
  walk(dir);
  return out;
}

/** A core whose OpenClaw is the fake at `version` (2026.5.28: the repo's fixture; else an install in the data folder). */
async function setup(version = '2026.9.6', env: Record<string, string | undefined> = { PATH: process.env.PATH }) {
  const t = useTestCore({ env });
  const states: MigrationState[] = [];
  const logs: LogLine[] = [];
  t.core.events.on('migration:state', (s) => states.push(s));
  t.core.events.on('gateway:log', (p) => logs.push(...p.lines));
  const openclawPath = version === '2026.5.28' ? FAKE_OPENCLAW : installFakeOpenClaw(path.join(t.dataDir, 'elsewhere'), version);
  t.context.settings.update({ openclawPath });
  await t.core.start();
  const state = async () => {
    const r = await t.core.dispatch('migration:state', {});
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.value as MigrationState;
  };
  const settled = async (phase: MigrationState['phase'], ms = 20_000) => {
    await vi.waitFor(async () => expect((await state()).phase).toBe(phase), { timeout: ms, interval: 50 });
    return state();
  };
  const start = async () => {
    const r = await t.core.dispatch('migration:start', {});
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.value as MigrationState;
  };
  return { ...t, states, logs, state, settled, start };
}

describe('what needs importing', () => {
  it('nothing on OpenClaw 2026.5, whose files these are', async () => {
    const t = await setup('2026.5.28');
    writeLegacyState(t.stateDir, LEGACY);
    expect(await t.settled('clear')).toMatchObject({ version: '2026.5.28', reasons: [], update: false });
  });

  it('on 2026.6+: each agent credential file and a config it rejects, in OpenClaw own words; nothing once clean', async () => {
    const t = await setup();
    expect(await t.settled('clear')).toMatchObject({ version: '2026.9.6', reasons: [] });
    writeLegacyState(t.stateDir, LEGACY);
    const s = await t.settled('needed');
    expect(s.reasons).toEqual([
      { kind: 'legacy-credentials', files: [path.join(t.stateDir, 'agents', 'main', 'agent', 'auth-profiles.json'), path.join(t.stateDir, 'agents', 'work', 'agent', 'auth-profiles.json')], issues: [] },
      { kind: 'config-rejected', files: [path.join(t.stateDir, 'openclaw.json')], issues: ['meta: Unrecognized key: "lastTouchedAt"'] },
    ]);
  });
});

describe('the import', () => {
  it('backs up, runs doctor with its output in the log (redacted), checks every credential, and offers the leftover copies for deletion', async () => {
    const t = await setup();
    writeLegacyState(t.stateDir, LEGACY);
    await t.settled('needed');
    const before = tree(t.stateDir);
    expect((await t.start()).phase).toBe('running');
    const done = await t.settled('done');
    expect(done).toMatchObject({ reasons: [], percent: 100 });
    expect(done.leftovers).toHaveLength(2);
    expect(done.leftovers.every((f) => /agents\/(main|work)\/agent\/auth-profiles\.json\.migrated-/.test(f))).toBe(true);
    expect(fs.existsSync(path.join(t.stateDir, 'agents', 'main', 'agent', 'auth-profiles.json'))).toBe(false);
    const steps = t.states.filter((s) => s.phase === 'running').map((s) => s.step);
    expect([...new Set(steps)]).toEqual(['stop-gateway', 'backup', 'doctor', 'verify']);
    const percents = t.states.filter((s) => s.phase === 'running').map((s) => s.percent!);
    expect([...percents].sort((a, b) => a - b)).toEqual(percents);
    // The backup: dated, 0700, the state folder as it was.
    expect(done.backups).toEqual([done.backupDir]);
    expect(fs.statSync(done.backupDir!).mode & 0o777).toBe(0o700);
    for (const [rel, what] of Object.entries(before)) {
      expect(crypto.createHash('sha1').update(fs.readFileSync(path.join(done.backupDir!, 'state', rel))).digest('hex'), rel).toBe(what.split(':')[1]);
    }
    // The log: doctor's own lines, never a secret.
    const text = t.logs.map((l) => l.text).join('\n');
    expect(text).toContain('$ openclaw doctor --fix --yes --non-interactive');
    expect(text).toContain('doctor: │  Migrated auth profile JSON for');
    for (const secret of [KEY, TOKEN]) expect(text).not.toContain(secret);
    // Deleting the copies: only those listed.
    const refused = await t.core.dispatch('migration:deleteCopies', { leftovers: [path.join(t.stateDir, 'openclaw.json')], backups: [] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(fs.existsSync(path.join(t.stateDir, 'openclaw.json'))).toBe(true);
    const deleted = await t.core.dispatch('migration:deleteCopies', { leftovers: done.leftovers, backups: done.backups });
    expect(deleted).toMatchObject({ ok: true, value: { leftovers: [], backups: [] } });
    for (const f of [...done.leftovers, done.backupDir!]) expect(fs.existsSync(f)).toBe(false);
  });

  for (const [mode, failure] of [
    ['fail', 'doctor-failed'],
    ['lose-secret', 'verify-failed'],
    ['keep-file', 'verify-failed'],
  ] as const) {
    it(`a doctor that ${mode === 'fail' ? 'fails half way' : mode === 'lose-secret' ? 'changes a secret' : 'imports nothing'} leaves everything as it was and says where the backup is (${failure})`, async () => {
      const t = await setup();
      writeLegacyState(t.stateDir, LEGACY);
      fakeDoctor(t.stateDir, mode);
      await t.settled('needed');
      const before = tree(t.stateDir);
      await t.start();
      const failed = await t.settled('failed');
      expect(failed).toMatchObject({ failure, restored: true });
      expect(fs.existsSync(failed.backupDir!)).toBe(true);
      expect(tree(t.stateDir)).toEqual(before);
      if (failure === 'verify-failed') expect(failed.detail).toMatch(mode === 'lose-secret' ? /anthropic:default has another secret/ : /still there: .*auth-profiles\.json/);
      else expect(failed.detail).toContain('SQLITE_BUSY: database is locked');
      expect(failed.detail).not.toContain(KEY);
      // A second try, once doctor behaves, succeeds.
      fakeDoctor(t.stateDir, undefined);
      await t.start();
      expect((await t.settled('done')).leftovers).toHaveLength(2);
    });
  }

  it('refuses while a gateway the app did not start runs on the port, changing nothing', async () => {
    const t = await setup();
    writeLegacyState(t.stateDir, LEGACY);
    await t.settled('needed');
    const http = await import('node:http');
    const server = http.createServer((_req, res) => res.end('{"ok":true}'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      await t.core.dispatch('settings:update', { port: (server.address() as { port: number }).port });
      await vi.waitFor(async () => {
        const r = await t.core.dispatch('gateway:start', {});
        expect(r.ok && (r.value as GatewayState).status).toBe('external');
      });
      const before = tree(t.stateDir);
      await t.start();
      expect(await t.settled('failed')).toMatchObject({ failure: 'gateway-busy', restored: true });
      expect((await t.state()).backupDir).toBeUndefined();
      expect(tree(t.stateDir)).toEqual(before);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});

describe('"Update OpenClaw"', () => {
  /** Downloads 2026.9.6 beside the release in use through `gateway:update` (the fake npm) and waits for the install to end. */
  async function update(t: Awaited<ReturnType<typeof setup>>) {
    const installs: InstallProgress[] = [];
    t.core.events.on('gateway:install', (p) => installs.push(p));
    const r = await t.core.dispatch('gateway:update', {});
    expect(r).toMatchObject({ ok: true, value: { phase: 'running', mode: 'update' } });
    await vi.waitFor(() => expect(installs.at(-1)?.phase).toBe('done'), { timeout: 20_000 });
  }

  it('imports into the release downloaded beside 2026.5, switches to it only once that succeeded, and back when it fails', async () => {
    const t = await setup('2026.5.28', { PATH: `${path.dirname(FAKE_NPM)}:${process.env.PATH}` });
    writeLegacyState(t.stateDir, LEGACY);
    expect(await t.settled('clear')).toMatchObject({ version: '2026.5.28' });
    await update(t);
    expect(await t.settled('needed')).toMatchObject({ update: true, version: '2026.9.6', fromVersion: '2026.5.28' });
    expect(t.context.installation.version()).toBe('2026.5.28');

    fakeDoctor(t.stateDir, 'fail');
    await t.start();
    expect(await t.settled('failed')).toMatchObject({ failure: 'doctor-failed', restored: true, update: true });
    expect(t.context.settings.get().openclawPath).toBe(FAKE_OPENCLAW);
    expect(t.context.installation.version()).toBe('2026.5.28');
    expect(fs.existsSync(path.join(appUpdateDir(t.dataDir), 'node_modules', 'openclaw', 'package.json'))).toBe(true);

    fakeDoctor(t.stateDir, undefined);
    await t.start();
    expect(await t.settled('done')).toMatchObject({ update: false, version: '2026.9.6' });
    expect(t.context.settings.get().openclawPath).toBe(appInstallDir(t.dataDir));
    expect(t.context.installation.version()).toBe('2026.9.6');
    expect(fs.existsSync(appUpdateDir(t.dataDir))).toBe(false);
    expect(fs.existsSync(`${appInstallDir(t.dataDir)}.previous`)).toBe(false);
  });

  it('switches at once when the state folder has nothing to import', async () => {
    const t = await setup('2026.5.28', { PATH: `${path.dirname(FAKE_NPM)}:${process.env.PATH}` });
    writeLegacyState(t.stateDir, {}, { lastTouchedAt: false });
    await t.settled('clear');
    await update(t);
    expect(t.context.installation.version()).toBe('2026.9.6');
    expect(await t.settled('clear')).toMatchObject({ update: false, version: '2026.9.6' });
    expect(t.context.settings.get().openclawPath).toBe(appInstallDir(t.dataDir));
  });

  it('drops a downloaded release the user does not want', async () => {
    const t = await setup('2026.5.28');
    writeLegacyState(t.stateDir, LEGACY);
    installFakeOpenClaw(appUpdateDir(t.dataDir), '2026.9.6');
    expect(await t.settled('needed')).toMatchObject({ update: true });
    const r = await t.core.dispatch('migration:discardUpdate', {});
    expect(r).toMatchObject({ ok: true, value: { phase: 'clear', update: false, version: '2026.5.28' } });
    expect(fs.existsSync(appUpdateDir(t.dataDir))).toBe(false);
  });
});
