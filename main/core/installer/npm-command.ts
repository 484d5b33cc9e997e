/**
 * How npm is started, as data. On Windows `npm` is `npm.cmd`, a batch file only `cmd.exe` can run, and `cmd.exe`
 * re-parses every argument: a data folder under `C:\Users\John Doe` splits in two and `&`, `^`, `%` are
 * interpreted. So on Windows the app runs npm's own script, `node npm-cli.js ...`, with no shell at all (Node
 * quotes each argument for `CreateProcess`). Elsewhere `npm` is run directly. Pure: file checks are passed in.
 */
import path from 'node:path';

/** A program and its arguments, to hand to `spawn` with `shell: false`. */
export interface NpmLaunch {
  command: string;
  args: string[];
}

/** What building the launch needs. */
export interface NpmLaunchInputs {
  platform: NodeJS.Platform;
  /** The npm found (`npm` on POSIX, `npm.cmd` or `npm.exe` on Windows). */
  npm: string;
  /** A Node to run `npm-cli.js` with when none sits beside `npm.cmd` (Windows only). */
  node?: string | undefined;
  exists: (file: string) => boolean;
}

/** The `npm-cli.js` files an `npm.cmd` in `dir` may run, in order (Node's installer, a global `npm i -g npm`). */
export function npmCliCandidates(dir: string): string[] {
  const p = path.win32;
  return [p.join(dir, 'node_modules', 'npm', 'bin', 'npm-cli.js'), p.join(dir, '..', 'node_modules', 'npm', 'bin', 'npm-cli.js')];
}

/** How to run `npm <npmArgs>` without a shell, or why it cannot be (Windows without `npm-cli.js` or a Node). Pure. */
export function npmLaunch(o: NpmLaunchInputs, npmArgs: string[]): NpmLaunch | { problem: 'npm-cli-missing' | 'node-missing'; looked: string[] } {
  if (o.platform !== 'win32') return { command: o.npm, args: npmArgs };
  const p = path.win32;
  const dir = p.dirname(o.npm);
  const candidates = npmCliCandidates(dir);
  const cli = candidates.find((f) => o.exists(f));
  if (!cli) return { problem: 'npm-cli-missing', looked: candidates };
  const beside = p.join(dir, 'node.exe');
  const node = o.exists(beside) ? beside : o.node;
  if (!node) return { problem: 'node-missing', looked: [beside] };
  return { command: node, args: [cli, ...npmArgs] };
}

/** The arguments of one `npm ci` of a package set into `prefix`: exact lockfile, no install scripts, lines for progress. */
export function npmCiArgs(prefix: string): string[] {
  return ['ci', '--prefix', prefix, '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=http', '--no-progress'];
}

/** Quotes one argument for the user's shell, for a command shown to be run by hand. Pure. */
export function shellQuote(arg: string, platform: NodeJS.Platform): string {
  if (/^[A-Za-z0-9_@%+=:,./\\-]+$/.test(arg) && !(platform === 'win32' && arg.includes('%'))) return arg;
  return platform === 'win32' ? `"${arg.replace(/"/g, '""')}"` : `'${arg.replace(/'/g, `'\\''`)}'`;
}
