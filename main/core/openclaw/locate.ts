/**
 * Finds the `openclaw` to run and a Node to run it with. Order: the path in settings, PATH, the login shell's
 * PATH, well-known install places, then the app's own install in its data folder. The launcher is traced to its
 * npm package (for `engines.node` and the real entry script), and the first Node that satisfies `engines` is
 * picked: the one beside the launcher, then PATH, then the app-managed one. What was searched is always reported.
 * OpenClaw's version comes from that `package.json` (a file read, not a slow `openclaw --version` run).
 */
import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import type { GatewayInstallation } from '../../../shared/contract';
import { HelperRuns } from '../process/helper-runs';
import { appNodeCandidates, openclawCandidates, nodeCandidateDirs, splitPath, type Candidate } from './locate-candidates';

export { appInstallDir } from './locate-candidates';

/** How to run a found OpenClaw: `command ...prefixArgs gateway run ...`. */
export interface LaunchSpec {
  command: string;
  prefixArgs: string[];
  /** Directory to put first on the child's PATH (the chosen Node's). */
  pathDir?: string;
}

/** The outcome of a search. `problem` is set when nothing runnable was found. */
export interface Located {
  installation: GatewayInstallation;
  launch?: LaunchSpec;
  nodeRange?: string;
  /** The `openclaw` npm package folder, when the launcher could be traced to it (its `package.json` has the version). */
  packageDir?: string;
  problem?: { reason: 'not-installed' | 'node-missing'; message: string };
}

/** What the search needs; `loginShellPath` is asked lazily, only when the earlier places found nothing. */
export interface LocateInputs {
  settingsPath: string | null;
  env: Record<string, string | undefined>;
  homeDir: string;
  platform: NodeJS.Platform;
  dataDir: string;
  loginShellPath: () => Promise<string | undefined>;
  /** Whether `process.execPath` is a real Node (false under Electron). */
  selfNode?: string | undefined;
  /** Runs `--version` probes (killed at quit); a private one when absent. */
  runs?: HelperRuns;
}

interface PackageInfo {
  dir: string;
  entry: string;
  version?: string;
  engines?: string;
}

function isRunnableFile(p: string, platform: NodeJS.Platform): boolean {
  try {
    const st = fs.statSync(p);
    if (!st.isFile()) return false;
    if (platform !== 'win32') fs.accessSync(p, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function readPackage(dir: string): PackageInfo | undefined {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
    if (pkg.name !== 'openclaw') return undefined;
    const bin = pkg.bin;
    const rel = typeof bin === 'string' ? bin : bin && typeof bin === 'object' ? (bin as Record<string, unknown>).openclaw : undefined;
    if (typeof rel !== 'string') return undefined;
    const engines = (pkg.engines as Record<string, unknown> | undefined)?.node;
    return {
      dir,
      entry: path.join(dir, rel),
      ...(typeof pkg.version === 'string' ? { version: pkg.version } : {}),
      ...(typeof engines === 'string' ? { engines } : {}),
    };
  } catch {
    return undefined;
  }
}

/** Traces a launcher (symlink, npm shim, shell script) to the `openclaw` npm package it runs. */
export function findPackage(launcher: string): PackageInfo | undefined {
  let real = launcher;
  try {
    real = fs.realpathSync(launcher);
  } catch {
    return undefined;
  }
  let dir = path.dirname(real);
  for (let i = 0; i < 4; i++) {
    const pkg = readPackage(dir);
    if (pkg) return pkg;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  const binDir = path.dirname(launcher);
  for (const guess of [path.join(binDir, 'node_modules', 'openclaw'), path.join(binDir, '..', 'lib', 'node_modules', 'openclaw'), path.join(binDir, '..', 'openclaw')]) {
    const pkg = readPackage(path.resolve(guess));
    if (pkg) return pkg;
  }
  return undefined;
}

async function run(inputs: LocateInputs, command: string, args: string[], timeoutMs: number): Promise<string | undefined> {
  const r = await (inputs.runs ?? new HelperRuns(undefined, inputs.platform)).run(command, args, { env: { ...inputs.env, NO_COLOR: '1' }, timeoutMs });
  return r?.code === 0 ? r.stdout : undefined;
}

/** Picks the first Node in `dirs` (then `extra` files) whose version satisfies `range`. */
async function pickNode(dirs: string[], extra: string[], range: string | undefined, inputs: LocateInputs, searched: string[]) {
  const exe = inputs.platform === 'win32' ? 'node.exe' : 'node';
  const seen = new Set<string>();
  for (const file of [...dirs.map((d) => path.join(d, exe)), ...extra]) {
    if (seen.has(file)) continue;
    seen.add(file);
    if (!isRunnableFile(file, inputs.platform)) continue;
    const version = semver.clean((await run(inputs, file, ['--version'], 5000))?.trim() ?? '');
    searched.push(`node ${file} (${version ?? 'unreadable'})`);
    if (version && (!range || semver.satisfies(version, range, { includePrerelease: true }))) return { nodePath: file, version };
  }
  return undefined;
}

/** Every directory to look in for a tool, in order: PATH, the login shell's PATH, the well-known places. */
async function toolDirs(inputs: LocateInputs): Promise<string[]> {
  const login = splitPath(await inputs.loginShellPath());
  return [...new Set([...nodeCandidateDirs(inputs, undefined), ...login, ...nodeCandidateDirs(inputs, 'well-known')])];
}

/** Finds `npm` (`npm.cmd` on Windows) where a user's tools live. */
export async function findNpm(inputs: LocateInputs): Promise<string | undefined> {
  const names = inputs.platform === 'win32' ? ['npm.cmd', 'npm.exe'] : ['npm'];
  for (const dir of await toolDirs(inputs)) for (const n of names) if (isRunnableFile(path.join(dir, n), inputs.platform)) return path.join(dir, n);
  return undefined;
}

/** Finds a Node satisfying `range`: PATH, login shell, well-known places, the app-managed one. */
export async function findNode(range: string, inputs: LocateInputs): Promise<string | undefined> {
  const extra = [...appNodeCandidates(inputs.dataDir, inputs.platform), ...(inputs.selfNode ? [inputs.selfNode] : [])];
  return (await pickNode(await toolDirs(inputs), extra, range, inputs, []))?.nodePath;
}

/** Searches everywhere, in order, and describes the first usable OpenClaw (or why none is). */
export async function locateOpenClaw(inputs: LocateInputs): Promise<Located> {
  const searched: string[] = [];
  let loginPath: string | undefined;
  let loginAsked = false;
  const askLogin = async () => {
    if (!loginAsked) {
      loginAsked = true;
      loginPath = await inputs.loginShellPath();
    }
    return loginPath;
  };
  const firstRunnable = (candidates: Candidate[]) =>
    candidates.find((c) => {
      if (searched.includes(c.path)) return false;
      searched.push(c.path);
      return isRunnableFile(c.path, inputs.platform) || (c.source === 'settings' && fs.existsSync(c.path) && !!findPackage(c.path));
    });
  const isEarly = (c: Candidate) => c.source === 'settings' || c.source === 'path';
  let found = firstRunnable(openclawCandidates(inputs).filter(isEarly));
  if (!found) found = firstRunnable(openclawCandidates({ ...inputs, loginPath: await askLogin() }).filter((c) => !isEarly(c)));
  const base = { openclawPath: null, nodePath: null, version: null, source: null, searched };
  if (!found) {
    return { installation: base, problem: { reason: 'not-installed', message: `OpenClaw was not found. Looked in ${searched.length} places.` } };
  }
  const pkg = findPackage(found.path);
  const exe = inputs.platform === 'win32' ? 'node.exe' : 'node';
  const nearDirs = [path.dirname(found.path), ...(pkg ? [path.dirname(pkg.entry)] : []), ...nodeCandidateDirs(inputs, undefined)];
  const farNodes = async () => [
    ...splitPath(await askLogin()).map((d) => path.join(d, exe)),
    ...appNodeCandidates(inputs.dataDir, inputs.platform),
    ...nodeCandidateDirs(inputs, 'well-known').map((d) => path.join(d, exe)),
    ...(inputs.selfNode ? [inputs.selfNode] : []),
  ];
  const node = (await pickNode(nearDirs, [], pkg?.engines, inputs, searched)) ?? (await pickNode([], await farNodes(), pkg?.engines, inputs, searched));
  const installation: GatewayInstallation = { ...base, openclawPath: found.path, source: found.source, nodePath: node?.nodePath ?? null, version: pkg?.version ?? null };
  if (pkg && !node) {
    return {
      installation,
      ...(pkg.engines ? { nodeRange: pkg.engines } : {}),
      packageDir: pkg.dir,
      problem: {
        reason: 'node-missing',
        message: `OpenClaw ${pkg.version ?? ''} needs Node.js ${pkg.engines ?? ''}, and no such Node was found. Install Node.js 24 (nodejs.org), or use "Install for me".`.replace(/\s+/g, ' '),
      },
    };
  }
  const launch: LaunchSpec = pkg && node ? { command: node.nodePath, prefixArgs: [pkg.entry], pathDir: path.dirname(node.nodePath) } : { command: found.path, prefixArgs: [] };
  if (!pkg && node) launch.pathDir = path.dirname(node.nodePath);
  return { installation, launch, ...(pkg?.engines ? { nodeRange: pkg.engines } : {}), ...(pkg ? { packageDir: pkg.dir } : {}) };
}
