/**
 * "Install for me" and "Update OpenClaw": installs the pinned OpenClaw (and, when no suitable Node.js is found, the
 * pinned Node package for this computer) with `npm ci` from the committed lockfiles of `package-sets.ts`: exact
 * versions, integrity checked, no install scripts (OpenClaw works without them), npm started without a shell and
 * with an allow-listed environment (no provider keys, none of the app's variables), the chosen Node first on PATH.
 * Each set goes into a staging folder renamed into place only when complete, so a cancelled or failed install never
 * leaves a half install that would be found later. `install` puts OpenClaw where the app's own install lives;
 * `update` puts it beside the current one (`openclaw-update`), for the import to switch to once it succeeded.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { InstallFailure, InstallProgress } from '../../../shared/contract';
import type { Clock } from '../clock';
import { appInstallDir, appNodeDir, appUpdateDir } from '../openclaw/locate-candidates';
import { childEnv } from '../process/child-env';
import { npmCiArgs, npmLaunch, shellQuote } from './npm-command';
import { startNpm, type NpmRun } from './npm-run';
import { expectedPackages, NODE_SET, OPENCLAW_SET, PINNED_NODE_RANGE, PINNED_OPENCLAW, PINNED_OPENCLAW_VERSION, pinnedNodePackage, writePackageSet, type PackageSet } from './package-sets';

/** What the installer needs from the outside. */
export interface InstallerDeps {
  platform: NodeJS.Platform;
  arch?: string;
  env: Record<string, string | undefined>;
  dataDir: string;
  /** Finds `npm` (PATH, login shell, well-known places). */
  findNpm: () => Promise<string | undefined>;
  /** Finds a Node satisfying `range`. */
  findNode: (range: string) => Promise<string | undefined>;
  emitProgress: (p: InstallProgress) => void;
  /** One line for the gateway log. */
  note: (line: string) => void;
  /** Called after a complete install with where OpenClaw now is (re-locates it, or hands an update to the import). */
  onInstalled: (mode: InstallMode, dir: string) => Promise<void>;
  /** Extra variables npm may get (test fakes only; see `childEnv`). */
  envPassthrough?: ((name: string) => boolean) | undefined;
  /** The known secrets, so npm's lines are redacted before a long one is cut. */
  secrets?: () => readonly string[];
  clock?: Clock;
  exists?: (file: string) => boolean;
}

/** `install`: the app's own install; `update`: the current release beside the one in use. */
export type InstallMode = 'install' | 'update';

/** The command a user can run by hand for the same result. */
export function manualCommand(dataDir: string, platform: NodeJS.Platform): string {
  return `npm install --prefix ${shellQuote(appInstallDir(dataDir), platform)} --ignore-scripts ${PINNED_OPENCLAW}`;
}

/** Progress estimate from the packages npm fetched so far: 5 % at start, never 100 % before npm is done. Pure. */
export function estimatePercent(packages: number, expected: number): number {
  return Math.min(95, Math.round(5 + (90 * packages) / Math.max(1, expected)));
}

/** The package an `npm http fetch GET 200 <url>` line is about (metadata or tarball), if any. Pure. */
export function fetchedPackage(line: string): string | undefined {
  const m = /\bhttp fetch GET \d+ https?:\/\/[^/\s]+\/((?:@[^/\s]+(?:%2f|\/))?[^/\s]+)/i.exec(line);
  return m ? decodeURIComponent(m[1]!).toLowerCase() : undefined;
}

/** The PATH variable's name in `env` (`Path` on many Windows machines). Pure. */
export function pathKey(env: Record<string, string | undefined>, platform: NodeJS.Platform): string {
  return platform === 'win32' ? (Object.keys(env).find((k) => k.toUpperCase() === 'PATH') ?? 'Path') : 'PATH';
}

/** Whether `file` lies inside `dir`. Pure. */
function isInside(file: string, dir: string): boolean {
  const rel = path.relative(dir, file);
  return !!rel && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** Why an install step stopped early. */
class InstallStop extends Error {
  constructor(
    readonly failure: InstallFailure | 'cancelled',
    message: string,
    readonly extra: Partial<InstallProgress> = {},
  ) {
    super(message);
  }
}

/** Runs at most one install at a time. */
export class Installer {
  private current: InstallProgress = { phase: 'idle' };
  private run: NpmRun | undefined;
  private cancelled = false;
  private finished: Promise<void> = Promise.resolve();

  constructor(private readonly d: InstallerDeps) {}

  /** The latest progress. */
  progress(): InstallProgress {
    return this.current;
  }

  /** Starts an install or update (or returns the running one's progress). Resolves once npm is launched or refused. */
  async start(mode: InstallMode = 'install'): Promise<InstallProgress> {
    if (this.current.phase === 'running') return this.current;
    this.cancelled = false;
    const base = { mode, version: PINNED_OPENCLAW_VERSION, command: manualCommand(this.d.dataDir, this.d.platform) };
    this.set({ ...base, phase: 'running', step: 'prepare', percent: 0, message: 'Looking for npm and Node.js…' });
    let launched!: () => void;
    const ready = new Promise<void>((resolve) => (launched = resolve));
    this.finished = this.install(mode, base, launched).catch((err: unknown) => {
      const failure = err instanceof InstallStop ? err.failure : 'npm-failed';
      if (failure === 'cancelled') this.set({ ...base, phase: 'cancelled', message: 'Install cancelled; nothing was kept.' });
      else if (err instanceof InstallStop) this.fail(base, failure, err.message, err.extra);
      else this.fail(base, failure, `The install stopped: ${err instanceof Error ? err.message : String(err)}`);
      launched();
    });
    await ready;
    return this.current;
  }

  /** Cancels a running install (ends npm's whole group) and removes the partial files. */
  async cancel(): Promise<InstallProgress> {
    if (this.current.phase !== 'running') return this.current;
    this.cancelled = true;
    await this.run?.cancel();
    await this.finished;
    return this.current;
  }

  private set(p: InstallProgress): void {
    this.current = p;
    this.d.emitProgress(p);
  }

  private fail(base: Partial<InstallProgress>, failure: InstallFailure, message: string, extra: Partial<InstallProgress> = {}): void {
    this.d.note(`Install: ${message}${base.command ? ` ${base.command}` : ''}`);
    this.set({ ...base, ...extra, phase: 'failed', failure, message });
  }

  private async install(mode: InstallMode, base: Partial<InstallProgress>, launched: () => void): Promise<void> {
    const exists = this.d.exists ?? fs.existsSync;
    const arch = this.d.arch ?? process.arch;
    const npm = await this.d.findNpm();
    if (!npm) throw new InstallStop('npm-missing', 'npm was not found. Install Node.js 24 from nodejs.org (it includes npm), then click "Install for me" again, or run this command yourself:');
    const found = await this.d.findNode(PINNED_NODE_RANGE);
    // A Node inside the OpenClaw folder (from an earlier version of the app) goes when that folder is replaced.
    const keep = found && !isInside(found, appInstallDir(this.d.dataDir)) ? found : undefined;
    this.checkCancelled();
    let nodeDir = keep ? path.dirname(keep) : undefined;
    const withNode = !nodeDir;
    if (!nodeDir) {
      const pkg = pinnedNodePackage(this.d.platform, arch);
      if (!pkg) {
        throw new InstallStop('node-unavailable', `OpenClaw needs Node.js ${PINNED_NODE_RANGE}, none was found, and npm has none for ${this.d.platform}-${arch}. Install Node.js 24 (24.16 or later; not 25) from https://nodejs.org/en/download (on Apple silicon: the macOS installer for ARM64), then click "Install for me" again.`, {
          nodeRange: PINNED_NODE_RANGE,
        });
      }
      const nodePrefix = appNodeDir(this.d.dataDir);
      await this.npmCi({ set: NODE_SET, target: nodePrefix, npm, node: found, nodeDir: undefined, base, step: 'node', span: [0, 15], launched, exists });
      const bin = path.join(nodePrefix, 'node_modules', pkg.name, 'bin', this.d.platform === 'win32' ? 'node.exe' : 'node');
      if (!exists(bin)) {
        // npm skips an optional dependency it could not download without failing (a proxy or certificate problem
        // looks like this): nothing usable was installed, so nothing is kept.
        fs.rmSync(nodePrefix, { recursive: true, force: true });
        throw new InstallStop('node-download', `npm could not download ${pkg.name}@${pkg.version} (it skips an optional package it cannot fetch). Check the network connection or proxy, then try again.`);
      }
      this.d.note(`Installed ${pkg.name}@${pkg.version} into ${nodePrefix}.`);
      nodeDir = path.dirname(bin);
    }
    const target = mode === 'update' ? appUpdateDir(this.d.dataDir) : appInstallDir(this.d.dataDir);
    await this.npmCi({ set: OPENCLAW_SET, target, npm, node: path.join(nodeDir, this.d.platform === 'win32' ? 'node.exe' : 'node'), nodeDir, base, step: 'openclaw', span: withNode ? [15, 100] : [0, 100], launched, exists });
    this.d.note(`Installed ${PINNED_OPENCLAW} into ${target}.`);
    await this.d.onInstalled(mode, target);
    this.set({ ...base, phase: 'done', percent: 100, message: `OpenClaw ${PINNED_OPENCLAW_VERSION} is installed in ${target}.` });
  }

  private checkCancelled(): void {
    if (this.cancelled) throw new InstallStop('cancelled', 'cancelled');
  }

  /** `npm ci` of one package set into `<target>.partial`, renamed to `target` once complete. */
  private async npmCi(o: {
    set: PackageSet;
    target: string;
    npm: string;
    node: string | undefined;
    nodeDir: string | undefined;
    base: Partial<InstallProgress>;
    step: 'node' | 'openclaw';
    span: [number, number];
    launched: () => void;
    exists: (f: string) => boolean;
  }): Promise<void> {
    this.checkCancelled();
    const { platform } = this.d;
    const staging = `${o.target}.partial`;
    const args = npmCiArgs(staging);
    const launch = npmLaunch({ platform, npm: o.npm, node: o.node, exists: o.exists }, args);
    if ('problem' in launch) throw new InstallStop('npm-cli-missing', `npm's own script was not found beside ${o.npm} (looked in ${launch.looked.join(', ')}). Reinstall Node.js 24 from nodejs.org, or run this command yourself:`);
    fs.rmSync(staging, { recursive: true, force: true });
    writePackageSet(o.set, staging);
    const key = pathKey(this.d.env, platform);
    const sep = platform === 'win32' ? ';' : ':';
    const env = childEnv(
      'npm',
      {
        ...this.d.env,
        [key]: [o.nodeDir, path.dirname(o.npm), this.d.env[key]].filter(Boolean).join(sep),
        npm_config_update_notifier: 'false',
        npm_config_fund: 'false',
        npm_config_audit: 'false',
        NO_COLOR: '1',
      },
      { platform, passthrough: this.d.envPassthrough },
    );
    const expected = expectedPackages(o.set, platform, this.d.arch ?? process.arch);
    const label = o.step === 'node' ? 'Node.js' : PINNED_OPENCLAW;
    const scale = (p: number) => Math.round(o.span[0] + ((o.span[1] - o.span[0]) * p) / 100);
    this.d.note(`$ npm ${args.join(' ')}`);
    this.set({ ...o.base, phase: 'running', step: o.step, percent: scale(estimatePercent(0, expected)), packages: 0, message: `Installing ${label}…` });
    const fetched = new Set<string>();
    let lastPercent = -1;
    const run = startNpm({
      launch,
      cwd: staging,
      env,
      platform,
      clock: this.d.clock,
      ...(this.d.secrets ? { secrets: this.d.secrets } : {}),
      onLine: (line) => {
        this.d.note(`npm: ${line}`);
        const pkg = fetchedPackage(line);
        if (!pkg || this.cancelled) return;
        fetched.add(pkg);
        const percent = scale(estimatePercent(fetched.size, expected));
        if (percent === lastPercent) return;
        lastPercent = percent;
        this.set({ ...o.base, phase: 'running', step: o.step, percent, packages: fetched.size, message: `Installing ${label}… (${fetched.size} packages)` });
      },
    });
    this.run = run;
    o.launched();
    const outcome = await run.done;
    this.run = undefined;
    const keep = outcome.code === 0 && !this.cancelled;
    if (!keep) fs.rmSync(staging, { recursive: true, force: true });
    if (this.cancelled) {
      this.d.note('Install cancelled.');
      throw new InstallStop('cancelled', 'cancelled');
    }
    if (!keep) throw new InstallStop('npm-failed', `npm could not install ${label} (${outcome.error ?? `exit code ${outcome.code}`}). See the log for npm's messages, or run this command yourself:`);
    if (o.set === OPENCLAW_SET && !this.installedVersionIs(staging, PINNED_OPENCLAW_VERSION)) {
      fs.rmSync(staging, { recursive: true, force: true });
      throw new InstallStop('incomplete', 'npm finished but OpenClaw is not where it should be. Run this command yourself:');
    }
    fs.rmSync(o.target, { recursive: true, force: true });
    fs.renameSync(staging, o.target);
  }

  private installedVersionIs(prefix: string, version: string): boolean {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(prefix, 'node_modules', 'openclaw', 'package.json'), 'utf8')) as { version?: unknown };
      return pkg.version === version;
    } catch {
      return false;
    }
  }
}
