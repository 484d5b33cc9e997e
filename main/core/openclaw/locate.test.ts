import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../testing/use-temp-dirs';
import { FAKE_OPENCLAW } from '../../testing/gateway-test-support';
import { findNode, findNpm, findPackage, locateOpenClaw, type LocateInputs } from './locate';
import { openclawCandidates } from './locate-candidates';

const FAKE_DIR = path.dirname(FAKE_OPENCLAW);
const NODE_DIR = path.dirname(process.execPath);
const tmp = useTempDirs();
function inputs(home: string, over: Partial<LocateInputs> = {}): LocateInputs {
  return { settingsPath: null, env: { PATH: '' }, homeDir: home, platform: 'linux', dataDir: path.join(home, 'data'), loginShellPath: async () => undefined, selfNode: process.execPath, ...over };
}
function binWithOpenClaw(dir: string, target = FAKE_OPENCLAW): string {
  fs.mkdirSync(dir, { recursive: true });
  fs.symlinkSync(target, path.join(dir, 'openclaw'));
  return dir;
}
function copyFake(dir: string, engines: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const pkg = JSON.parse(fs.readFileSync(path.join(FAKE_DIR, 'package.json'), 'utf8'));
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ ...pkg, engines: { node: engines } }));
  fs.copyFileSync(FAKE_OPENCLAW, path.join(dir, 'openclaw.mjs'));
  fs.copyFileSync(path.join(FAKE_DIR, '..', 'fake-gateway.mjs'), path.join(dir, 'fake-gateway.mjs'));
  fs.chmodSync(path.join(dir, 'openclaw.mjs'), 0o755);
  return path.join(dir, 'openclaw.mjs');
}

describe.runIf(process.platform !== 'win32')('relative PATH entries', () => {
  it('never runs node or npm from a relative PATH entry (login shell or process), nor a relative settings path', async () => {
    const home = tmp();
    // A folder the app might have been started from, holding look-alike tools that leave a mark when run.
    const bin = path.join(home, 'untrusted', 'node_modules', '.bin');
    fs.mkdirSync(bin, { recursive: true });
    const mark = path.join(home, 'ran');
    for (const name of ['node', 'npm', 'openclaw']) fs.writeFileSync(path.join(bin, name), `#!/bin/sh\necho ${name} >> '${mark}'\necho v99.0.0\n`, { mode: 0o755 });
    const relative = path.relative(process.cwd(), bin);
    expect(path.isAbsolute(relative)).toBe(false);
    const i = inputs(home, { env: { PATH: `${relative}:.` }, loginShellPath: async () => `${relative}:.:`, selfNode: undefined });
    expect(await findNode('>=1', i)).toBeUndefined();
    expect(await findNpm(i)).toBeUndefined();
    const located = await locateOpenClaw({ ...i, settingsPath: path.join(relative, 'openclaw') });
    expect(located.problem?.reason).toBe('not-installed');
    expect(located.installation.searched.every((p) => path.isAbsolute(p))).toBe(true);
    expect(fs.existsSync(mark)).toBe(false);
  });
});

describe.runIf(process.platform !== 'win32')('locateOpenClaw', () => {
  it('uses the settings path, traces it to the package, reads the version and picks a Node that fits', async () => {
    const home = tmp();
    const r = await locateOpenClaw(inputs(home, { settingsPath: FAKE_OPENCLAW }));
    expect(r.problem).toBeUndefined();
    expect(r.installation).toMatchObject({ openclawPath: FAKE_OPENCLAW, source: 'settings', version: '2026.5.28', nodePath: process.execPath });
    expect(r.installation.searched[0]).toBe(FAKE_OPENCLAW);
    expect(r.launch).toEqual({ command: process.execPath, prefixArgs: [fs.realpathSync(FAKE_OPENCLAW)], pathDir: NODE_DIR });
    expect(r.nodeRange).toBe('>=20');
  });

  it("reads the version from the package's package.json, never by running `openclaw --version`", async () => {
    const home = tmp();
    const entry = copyFake(path.join(home, 'pkg'), '>=20');
    const pkgFile = path.join(home, 'pkg', 'package.json');
    fs.writeFileSync(pkgFile, JSON.stringify({ ...JSON.parse(fs.readFileSync(pkgFile, 'utf8')), version: '2026.9.6' }));
    // The fake prints "OpenClaw 2026.5.28 (fake)" for --version and leaves a mark when it runs at all.
    const mark = path.join(home, 'ran');
    fs.writeFileSync(entry, `#!/usr/bin/env node\nrequire('fs').writeFileSync(${JSON.stringify(mark)}, 'x');\n`);
    const r = await locateOpenClaw(inputs(home, { settingsPath: entry }));
    expect(r.installation.version).toBe('2026.9.6');
    expect(r.packageDir).toBe(fs.realpathSync(path.join(home, 'pkg')));
    expect(fs.existsSync(mark)).toBe(false);
  });

  it('accepts a shell launcher or the install folder as the settings path', async () => {
    const home = tmp();
    const viaBin = await locateOpenClaw(inputs(home, { settingsPath: path.join(FAKE_DIR, 'bin', 'openclaw') }));
    expect(viaBin.launch?.prefixArgs).toEqual([fs.realpathSync(FAKE_OPENCLAW)]);
    const viaDir = await locateOpenClaw(inputs(home, { settingsPath: FAKE_DIR }));
    expect(viaDir.installation.openclawPath).toBe(FAKE_OPENCLAW);
  });

  it('finds openclaw on PATH without asking the login shell', async () => {
    const home = tmp();
    const bin = binWithOpenClaw(path.join(home, 'bin'));
    let asked = false;
    const r = await locateOpenClaw(inputs(home, { env: { PATH: `${bin}:${NODE_DIR}` }, loginShellPath: async () => ((asked = true), undefined) }));
    expect(r.installation).toMatchObject({ source: 'path', openclawPath: path.join(bin, 'openclaw') });
    expect(asked).toBe(false);
  });

  it("falls back to the login shell's PATH, then well-known places, then the app's own install", async () => {
    const home = tmp();
    const loginBin = binWithOpenClaw(path.join(home, 'login-bin'));
    expect((await locateOpenClaw(inputs(home, { loginShellPath: async () => loginBin }))).installation.source).toBe('login-shell');

    const home2 = tmp();
    binWithOpenClaw(path.join(home2, '.nvm', 'versions', 'node', 'v24.1.0', 'bin'));
    expect((await locateOpenClaw(inputs(home2))).installation).toMatchObject({ source: 'well-known', version: '2026.5.28' });

    const home3 = tmp();
    binWithOpenClaw(path.join(home3, 'data', 'openclaw', 'node_modules', '.bin'));
    expect((await locateOpenClaw(inputs(home3))).installation.source).toBe('app');
  });

  it('reports not-installed with every place it looked, in order', async () => {
    const home = tmp();
    const r = await locateOpenClaw(inputs(home, { settingsPath: '/nowhere/openclaw', env: { PATH: '/usr/empty-a:/usr/empty-b' } }));
    expect(r.problem?.reason).toBe('not-installed');
    const s = r.installation.searched;
    expect(s.slice(0, 3)).toEqual(['/nowhere/openclaw', '/usr/empty-a/openclaw', '/usr/empty-b/openclaw']);
    expect(s).toContain(path.join(home, '.openclaw', 'bin', 'openclaw'));
    expect(s.at(-1)).toBe(path.join(home, 'data', 'openclaw', 'node_modules', '.bin', 'openclaw'));
    expect(openclawCandidates({ ...inputs(home), settingsPath: null }).map((c) => c.source)).not.toContain('settings');
  });

  it('reports node-missing when no Node satisfies the package engines', async () => {
    const home = tmp();
    const entry = copyFake(path.join(home, 'pkg'), '>=99');
    const r = await locateOpenClaw(inputs(home, { settingsPath: entry, env: { PATH: NODE_DIR } }));
    expect(r.problem?.reason).toBe('node-missing');
    expect(r.problem?.message).toMatch(/>=99/);
    expect(r.installation.openclawPath).toBe(entry);
    expect(r.installation.searched.some((s) => s.startsWith(`node ${process.execPath}`))).toBe(true);
  });

  it('prefers the Node beside the launcher, skipping one that is too old', async () => {
    const home = tmp();
    const entry = copyFake(path.join(home, 'pkg'), '>=20');
    const bin = binWithOpenClaw(path.join(home, 'bin'), entry);
    fs.writeFileSync(path.join(bin, 'node'), '#!/bin/sh\necho v18.0.0\n', { mode: 0o755 });
    const good = path.join(home, 'good');
    fs.mkdirSync(good);
    fs.symlinkSync(process.execPath, path.join(good, 'node'));
    const r = await locateOpenClaw(inputs(home, { env: { PATH: `${bin}:${good}` }, selfNode: undefined }));
    expect(r.installation.nodePath).toBe(path.join(good, 'node'));
    fs.rmSync(path.join(bin, 'node'));
    fs.symlinkSync(process.execPath, path.join(bin, 'node'));
    expect((await locateOpenClaw(inputs(home, { env: { PATH: `${bin}:${good}` }, selfNode: undefined }))).installation.nodePath).toBe(path.join(bin, 'node'));
  });

  it('findPackage follows npm-style bin links to the openclaw package', () => {
    const home = tmp();
    const bin = binWithOpenClaw(path.join(home, 'bin'));
    expect(findPackage(path.join(bin, 'openclaw'))).toMatchObject({ entry: fs.realpathSync(FAKE_OPENCLAW), version: '2026.5.28', engines: '>=20' });
    expect(findPackage(path.join(home, 'missing'))).toBeUndefined();
  });
});
