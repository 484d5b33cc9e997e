import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { systemClock } from '../clock';
import { createCoreContext } from '../context';
import { makeTempDir } from '../../testing/test-support';
import { FAKE_OPENCLAW } from '../../testing/gateway-test-support';
import { createOpenClawInstallation, type InstallationDeps } from './installation';

const FAKE_DIR = path.dirname(FAKE_OPENCLAW);

/** A copy of the fake install whose package.json version the test can change. */
function fakeInstall(root: string, version: string): string {
  const dir = path.join(root, `openclaw-${version}`);
  fs.mkdirSync(dir, { recursive: true });
  const pkg = JSON.parse(fs.readFileSync(path.join(FAKE_DIR, 'package.json'), 'utf8'));
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ ...pkg, version }));
  fs.copyFileSync(FAKE_OPENCLAW, path.join(dir, 'openclaw.mjs'));
  fs.chmodSync(path.join(dir, 'openclaw.mjs'), 0o755);
  return path.join(dir, 'openclaw.mjs');
}

function setup(over: Partial<InstallationDeps> = {}) {
  const tmp = makeTempDir('clawtray-install-');
  onTestFinished(tmp.cleanup);
  let settingsPath: string | null = null;
  let searches = 0;
  const service = createOpenClawInstallation({
    settingsPath: () => settingsPath,
    env: { PATH: '' },
    homeDir: tmp.dir,
    platform: process.platform,
    dataDir: path.join(tmp.dir, 'data'),
    clock: systemClock,
    selfNode: process.execPath,
    // Asked once per search that finds nothing early: counts searches.
    loginShellPath: async () => {
      searches++;
      return undefined;
    },
    ...over,
  });
  onTestFinished(() => service.dispose());
  return { service, root: tmp.dir, setPath: (p: string | null) => (settingsPath = p), searches: () => searches };
}

describe.runIf(process.platform !== 'win32')('OpenClaw installation service', () => {
  it('finds nothing, then what the settings path names after invalidate(), with the version of its package.json', async () => {
    const t = setup();
    expect(t.service.current()).toBeUndefined();
    expect(t.service.version()).toBeNull();
    const none = await t.service.get();
    expect(none.problem?.reason).toBe('not-installed');
    const entry = fakeInstall(t.root, '2026.9.6');
    t.setPath(entry);
    t.service.invalidate();
    expect(t.service.version()).toBeNull();
    const found = await t.service.get();
    expect(found.problem).toBeUndefined();
    expect(found.installation).toMatchObject({ openclawPath: entry, version: '2026.9.6', source: 'settings' });
    expect(t.service.version()).toBe('2026.9.6');
    const launch = await t.service.launch();
    expect('launch' in launch && launch.launch.prefixArgs).toEqual([fs.realpathSync(entry)]);
  });

  it('answers from the last search while the install is unchanged, and searches again when it moved or changed version', async () => {
    const t = setup();
    const entry = fakeInstall(t.root, '2026.5.28');
    t.setPath(entry);
    const first = await t.service.get();
    const again = await t.service.get();
    expect(again).toBe(first);

    const pkgFile = path.join(path.dirname(entry), 'package.json');
    fs.writeFileSync(pkgFile, JSON.stringify({ ...JSON.parse(fs.readFileSync(pkgFile, 'utf8')), version: '2026.9.6' }));
    const updated = await t.service.get();
    expect(updated).not.toBe(first);
    expect(t.service.version()).toBe('2026.9.6');

    fs.rmSync(path.dirname(entry), { recursive: true });
    expect((await t.service.get()).problem?.reason).toBe('not-installed');
    expect(t.service.version()).toBeNull();
  });

  it('keeps searching while nothing is found (a manual install is picked up), and joins a search in flight', async () => {
    const t = setup();
    const [a, b] = await Promise.all([t.service.get(), t.service.get()]);
    expect(a).toBe(b);
    expect(t.searches()).toBe(1);
    await t.service.get();
    expect(t.searches()).toBe(2);
  });

  it('refresh() searches again after an install and tells its listeners', async () => {
    const t = setup();
    const seen: (string | null)[] = [];
    const off = t.service.onChange((l) => seen.push(l.installation.version));
    await t.service.get();
    t.setPath(fakeInstall(t.root, '2026.9.6'));
    const refreshed = t.service.refresh();
    const joined = t.service.get();
    expect(await joined).toBe(await refreshed);
    off();
    await t.service.refresh();
    expect(seen).toEqual([null, '2026.9.6']);
  });

  it('a search overtaken by invalidate() is not kept', async () => {
    const t = setup();
    t.setPath(fakeInstall(t.root, '2026.5.28'));
    const stale = t.service.get();
    t.setPath(fakeInstall(t.root, '2026.9.6'));
    t.service.invalidate();
    await stale;
    expect((await t.service.get()).installation.version).toBe('2026.9.6');
    expect(t.service.version()).toBe('2026.9.6');
  });
});

describe.runIf(process.platform !== 'win32')('the core context', () => {
  it('has one installation that follows the OpenClaw path setting', async () => {
    const tmp = makeTempDir('clawtray-ctx-');
    onTestFinished(tmp.cleanup);
    const ctx = createCoreContext({ shell: 'web', version: '0', dataDir: path.join(tmp.dir, 'data'), stateDirOverride: path.join(tmp.dir, 'state'), env: { PATH: '' }, homeDir: tmp.dir });
    onTestFinished(() => ctx.installation.dispose());
    expect((await ctx.installation.get()).problem?.reason).toBe('not-installed');
    const entry = fakeInstall(tmp.dir, '2026.9.6');
    ctx.settings.update({ openclawPath: entry });
    expect((await ctx.installation.get()).installation.openclawPath).toBe(entry);
    expect(ctx.installation.version()).toBe('2026.9.6');
  });
});
