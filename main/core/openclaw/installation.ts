/**
 * The app's one view of the OpenClaw install: where `openclaw` and a Node to run it are, and its version (read
 * from its `package.json`). Created once per core and shared: the gateway supervisor and installer locate through
 * it, and credentials read `version()` to pick their backend. It searches again when the settings path changes
 * (`invalidate()`), after an install (`refresh()`), and when the install it found moved or changed version.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Clock } from '../clock';
import { HelperRuns } from '../process/helper-runs';
import { findNode, findNpm, locateOpenClaw, type LaunchSpec, type Located, type LocateInputs } from './locate';
import { readLoginShellPath } from './login-shell';

/** What the installation service needs: where to look and how to run its short helper probes. */
export interface InstallationDeps {
  /** The "OpenClaw path" setting, read at each search. */
  settingsPath: () => string | null;
  env: Record<string, string | undefined>;
  homeDir: string;
  platform: NodeJS.Platform;
  dataDir: string;
  clock: Clock;
  /** A real Node the app itself runs on (undefined under Electron); the last Node to try. */
  selfNode?: string | undefined;
  /** The login shell's PATH; by default read once with `$SHELL -ilc` (tests pass their own). */
  loginShellPath?: () => Promise<string | undefined>;
}

/** Where OpenClaw is, shared by the gateway and credentials. */
export interface OpenClawInstallation {
  /** The last search's answer (undefined before the first search ends). */
  current(): Located | undefined;
  /** OpenClaw's version from the last search (`2026.5.28`), null when none was found or it is unknown. */
  version(): string | null;
  /** The search in flight, else the last answer while its files are still there at the same version, else a new search. */
  get(): Promise<Located>;
  /** Searches again (after an install); `get()` calls meanwhile join this search. */
  refresh(): Promise<Located>;
  /** Forgets the last answer and starts a new search (the settings path changed). */
  invalidate(): void;
  /** How to launch OpenClaw, or undefined with the reason it cannot be (not installed, no suitable Node). */
  launch(): Promise<{ launch: LaunchSpec; located: Located } | { problem: NonNullable<Located['problem']>; located: Located }>;
  /** Finds `npm` where a user's tools live (for "Install for me"). */
  findNpm(): Promise<string | undefined>;
  /** Finds a Node satisfying `range` (for "Install for me"). */
  findNode(range: string): Promise<string | undefined>;
  /** Called after each search with its answer; returns an unsubscribe function. */
  onChange(listener: (located: Located) => void): () => void;
  /** Kills the helper probes still running and refuses new ones (at quit). */
  dispose(): void;
}

/** The version in the `package.json` of an install folder, or undefined (gone, unreadable). */
function packageVersion(dir: string): string | undefined {
  try {
    const v = (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version?: unknown }).version;
    return typeof v === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a found install can still be used as it was found: its files exist and its version did not change. */
export function stillValid(located: Located): boolean {
  if (located.problem || !located.launch) return false;
  const files = [located.launch.command, ...located.launch.prefixArgs];
  if (!files.every((f) => fs.existsSync(f))) return false;
  if (!located.packageDir) return true;
  return packageVersion(located.packageDir) === (located.installation.version ?? undefined);
}

/** Builds the service; nothing is searched until the first `get()`/`refresh()`. */
export function createOpenClawInstallation(d: InstallationDeps): OpenClawInstallation {
  const runs = new HelperRuns(d.clock, d.platform);
  const listeners = new Set<(located: Located) => void>();
  let loginPath: Promise<string | undefined> | undefined;
  let last: Located | undefined;
  let inFlight: Promise<Located> | undefined;
  let generation = 0;

  const inputs = (): LocateInputs => ({
    settingsPath: d.settingsPath(),
    env: d.env,
    homeDir: d.homeDir,
    platform: d.platform,
    dataDir: d.dataDir,
    loginShellPath: d.loginShellPath ?? (() => (loginPath ??= readLoginShellPath(d.env.SHELL, d.platform, d.env, 3000, runs))),
    selfNode: d.selfNode,
    runs,
  });

  /** Starts a search for the current generation; only the newest search's answer is kept and announced. */
  const search = (): Promise<Located> => {
    const mine = generation;
    const p = locateOpenClaw(inputs()).then((located) => {
      if (mine === generation) {
        last = located;
        for (const l of [...listeners]) l(located);
      }
      return located;
    });
    inFlight = p;
    const clear = () => {
      if (inFlight === p) inFlight = undefined;
    };
    p.then(clear, clear);
    return p;
  };

  const service: OpenClawInstallation = {
    current: () => last,
    version: () => last?.installation.version ?? null,
    get: () => inFlight ?? (last && stillValid(last) ? Promise.resolve(last) : search()),
    refresh: () => {
      generation++;
      return search();
    },
    invalidate() {
      generation++;
      last = undefined;
      void search().catch(() => undefined);
    },
    async launch() {
      const located = await service.get();
      if (located.launch && !located.problem) return { launch: located.launch, located };
      return { problem: located.problem ?? { reason: 'not-installed', message: 'OpenClaw was not found.' }, located };
    },
    findNpm: () => findNpm(inputs()),
    findNode: (range) => findNode(range, inputs()),
    onChange(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    dispose: () => runs.killAll(),
  };
  return service;
}
