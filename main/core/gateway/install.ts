/**
 * "Install for me": installs the pinned OpenClaw (and, when no suitable Node exists, the npm package that ships
 * Node 24 for this platform) into the app's data folder with npm, streaming progress and npm's lines, cancellable.
 * It installs into a staging folder renamed into place when complete, so a cancelled or failed install never
 * leaves a half install that would be found later. Without npm it fails at once with the command to run by hand.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { englishText } from '../../../shared/app-error';
import type { InstallDetailKey } from '../../../shared/message-keys';
import type { InstallProgress, MessageParams } from '../../../shared/contract';
import { systemClock, type Clock } from '../clock';
import { appInstallDir, nodePackageName } from '../openclaw/locate-candidates';
import { LineSplitter } from '../secrets/line-splitter';
import { isOwnGroupAlive, isReaped, signalOwnGroup, taskkillTree, waitUntil } from '../process/process-tree';

/** A progress line's words: the key and parameters the window translates, and the same in English for logs. */
type Words = Pick<InstallProgress, 'message' | 'detail'>;
function said(key: InstallDetailKey, params?: MessageParams): Words {
  return { message: englishText(key, params), detail: params ? { key, params } : { key } };
}

/** The OpenClaw version the app installs. */
export const PINNED_OPENCLAW = 'openclaw@2026.5.28';
/** The Node the pinned OpenClaw needs (its `engines.node`). */
export const PINNED_NODE_RANGE = '>=22.19.0';
/** How many packages npm fetches for the pinned version (309 + the root); progress is estimated against it. */
export const EXPECTED_PACKAGES = 310;

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
  /** The known secrets, so npm's lines are redacted before a long one is cut. */
  secrets?: () => readonly string[];
  /** Called after a successful install (re-locates OpenClaw). */
  onInstalled: () => Promise<void>;
  clock?: Clock;
}

/** How long npm's whole group gets to exit after SIGTERM on cancel before it is killed. */
const CANCEL_GRACE_MS = 5000;

/** The command a user can run by hand for the same result. */
export function manualCommand(dataDir: string, platform: NodeJS.Platform): string {
  const q = (p: string) => (platform === 'win32' ? `"${p}"` : `'${p.replace(/'/g, `'\\''`)}'`);
  return `npm install --prefix ${q(appInstallDir(dataDir))} ${PINNED_OPENCLAW}`;
}

/** Progress estimate from the number of packages npm fetched so far: 5 % at start, never 100 % before npm is done. Pure. */
export function estimatePercent(packages: number, expected = EXPECTED_PACKAGES): number {
  return Math.min(95, Math.round(5 + (90 * packages) / Math.max(1, expected)));
}

/** The package an `npm http fetch GET 200 <url>` line is about (metadata or tarball), if any. Pure. */
export function fetchedPackage(line: string): string | undefined {
  const m = /\bhttp fetch GET \d+ https?:\/\/[^/\s]+\/((?:@[^/\s]+(?:%2f|\/))?[^/\s]+)/i.exec(line);
  return m ? decodeURIComponent(m[1]!).toLowerCase() : undefined;
}

/** Runs at most one install at a time. */
export class Installer {
  private current: InstallProgress = { phase: 'idle' };
  private child: ChildProcess | undefined;
  private cancelled = false;
  private finished: Promise<void> = Promise.resolve();

  constructor(private readonly d: InstallerDeps) {}

  /** The latest progress. */
  progress(): InstallProgress {
    return this.current;
  }

  /** Starts an install (or returns the running one's progress). Resolves once npm is launched or refused. */
  async start(): Promise<InstallProgress> {
    if (this.current.phase === 'running') return this.current;
    this.cancelled = false;
    const command = manualCommand(this.d.dataDir, this.d.platform);
    this.set({ phase: 'running', percent: 0, ...said('install.detail.looking') });
    const npm = await this.d.findNpm();
    if (!npm) return this.fail(said('install.detail.noNpm'), command);
    const specs = [PINNED_OPENCLAW];
    if (!(await this.d.findNode(PINNED_NODE_RANGE))) {
      const pkg = nodePackageName(this.d.platform, this.d.arch ?? process.arch);
      if (!pkg) return this.fail(said('install.detail.noNode', { range: PINNED_NODE_RANGE }), command);
      specs.push(`${pkg}@24`);
    }
    if (this.cancelled) return this.current;
    this.launch(npm, specs, command);
    return this.current;
  }

  /** Cancels a running install (kills npm and its children) and removes the partial files. */
  async cancel(): Promise<InstallProgress> {
    if (this.current.phase !== 'running') return this.current;
    this.cancelled = true;
    const child = this.child;
    if (child?.pid) {
      if (this.d.platform === 'win32') await taskkillTree(child.pid);
      else {
        const pid = child.pid;
        const clock = this.d.clock ?? systemClock;
        const groupAlive = () => isOwnGroupAlive(pid, isReaped(child));
        signalOwnGroup(pid, isReaped(child), 'SIGTERM');
        if (!(await waitUntil(clock, groupAlive, CANCEL_GRACE_MS))) signalOwnGroup(pid, isReaped(child), 'SIGKILL');
        await this.finished;
        await waitUntil(clock, groupAlive, CANCEL_GRACE_MS);
      }
    } else {
      this.set({ phase: 'cancelled', ...said('install.detail.cancelled') });
    }
    await this.finished;
    return this.current;
  }

  private set(p: InstallProgress): void {
    this.current = p;
    this.d.emitProgress(p);
  }

  private fail(words: Words, command: string): InstallProgress {
    this.d.note(`Install: ${words.message} ${command}`);
    this.set({ phase: 'failed', ...words, command });
    return this.current;
  }

  private launch(npm: string, specs: string[], command: string): void {
    const target = appInstallDir(this.d.dataDir);
    const staging = `${target}.partial`;
    fs.rmSync(staging, { recursive: true, force: true });
    fs.mkdirSync(staging, { recursive: true, mode: 0o700 });
    const sep = this.d.platform === 'win32' ? ';' : ':';
    const env = {
      ...this.d.env,
      PATH: [path.dirname(npm), this.d.env.PATH].filter(Boolean).join(sep),
      npm_config_update_notifier: 'false',
      npm_config_fund: 'false',
      npm_config_audit: 'false',
      NO_COLOR: '1',
    };
    const args = ['install', '--prefix', staging, '--loglevel=http', '--no-progress', ...specs];
    this.d.note(`$ npm ${args.join(' ')}`);
    const what = specs.join(' + ');
    this.set({ phase: 'running', percent: estimatePercent(0), ...said('install.detail.installing', { what }), command });
    const child = spawn(npm, args, {
      cwd: staging,
      env: env as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: this.d.platform !== 'win32',
      windowsHide: true,
      shell: this.d.platform === 'win32' && /\.cmd$/i.test(npm),
    });
    this.child = child;
    const fetched = new Set<string>();
    let lastPercent = -1;
    const onLine = (line: string) => {
      if (!line.trim()) return;
      this.d.note(`npm: ${line}`);
      const pkg = fetchedPackage(line);
      if (pkg) {
        fetched.add(pkg);
        const percent = estimatePercent(fetched.size);
        if (percent !== lastPercent && !this.cancelled) {
          lastPercent = percent;
          this.set({ phase: 'running', percent, ...said('install.detail.installingCount', { what, count: fetched.size }), command });
        }
      }
    };
    for (const stream of [child.stdout, child.stderr]) {
      const splitter = new LineSplitter(onLine, { secrets: () => this.d.secrets?.() ?? [] });
      stream?.setEncoding('utf8');
      stream?.on('data', (c: string) => splitter.push(c));
      stream?.on('end', () => splitter.flush());
    }
    this.finished = new Promise<void>((resolve) => {
      const done = async (code: number | null, error?: string) => {
        this.child = undefined;
        try {
          await this.finish(code, error, staging, target, command);
        } finally {
          resolve();
        }
      };
      child.once('error', (e) => void done(null, e.message));
      child.once('close', (code) => void done(code));
    });
  }

  private async finish(code: number | null, error: string | undefined, staging: string, target: string, command: string): Promise<void> {
    if (this.current.phase !== 'running') return;
    if (this.cancelled) {
      fs.rmSync(staging, { recursive: true, force: true });
      this.d.note('Install cancelled.');
      this.set({ phase: 'cancelled', ...said('install.detail.cancelledClean') });
      return;
    }
    if (code !== 0) {
      fs.rmSync(staging, { recursive: true, force: true });
      this.fail(error ? said('install.detail.npmFailedError', { said: error }) : said('install.detail.npmFailedCode', { code: code ?? '?' }), command);
      return;
    }
    if (!fs.existsSync(path.join(staging, 'node_modules', 'openclaw', 'package.json'))) {
      fs.rmSync(staging, { recursive: true, force: true });
      this.fail(said('install.detail.misplaced'), command);
      return;
    }
    fs.rmSync(target, { recursive: true, force: true });
    fs.renameSync(staging, target);
    this.d.note(`Installed ${PINNED_OPENCLAW} into ${target}.`);
    await this.d.onInstalled();
    this.set({ phase: 'done', percent: 100, ...said('install.detail.done', { path: target }) });
  }
}
