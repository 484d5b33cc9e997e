/**
 * Starts the built web shell (`dist/web/cli.mjs`) on a random port over fresh temp state and data dirs, and reads
 * the URL line it prints. Each test gets its own shell, so specs run in parallel without sharing files.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A running web shell and where its files are. */
export interface WebShell {
  url: string;
  origin: string;
  port: number;
  token: string;
  stateDir: string;
  dataDir: string;
  output: () => string;
  stop(): Promise<void>;
}

/** The repo root (e2e/..). */
export const ROOT = path.resolve(__dirname, '..');

/** The fake OpenClaw 2026.5.28 install (a launcher like npm's bin shim), the one every spec starts with. */
export const FAKE_OPENCLAW = path.resolve(__dirname, '../main/testing/fixtures/fake-openclaw/bin/openclaw');

/**
 * Options for a shell; `env` is added to a minimal hermetic environment. `openclawPath` seeds the "OpenClaw path"
 * setting of a new data folder (default: the fake 2026.5.28 install, so credentials can be saved; null: none, as on
 * a machine without OpenClaw).
 */
export interface WebShellOptions {
  stateDir?: string;
  dataDir?: string;
  env?: Record<string, string>;
  openclawPath?: string | null;
}

/** Writes the "OpenClaw path" setting into a data folder that has no settings yet. */
export function seedOpenClawPath(dataDir: string, openclawPath: string | null): void {
  const file = path.join(dataDir, 'settings.json');
  if (openclawPath === null || fs.existsSync(file)) return;
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, JSON.stringify({ openclawPath }), { mode: 0o600 });
}

/** Temp state and data folders without a server, for the Electron runs (the app itself is the shell there). */
export function prepareAppDirs(): WebShell {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'clawtray-e2e-'));
  const stateDir = path.join(root, 'state');
  const dataDir = path.join(root, 'data');
  fs.mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  seedOpenClawPath(dataDir, FAKE_OPENCLAW);
  return {
    url: 'app://clawtray/index.html',
    origin: 'app://clawtray',
    port: 0,
    token: '',
    stateDir,
    dataDir,
    output: () => '',
    stop: async () => fs.rmSync(root, { recursive: true, force: true }),
  };
}

/** Spawns the shell and resolves once it printed its URL. */
export async function startWebShell(options: WebShellOptions = {}): Promise<WebShell> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'clawtray-e2e-'));
  const stateDir = options.stateDir ?? path.join(root, 'state');
  const dataDir = options.dataDir ?? path.join(root, 'data');
  fs.mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  seedOpenClawPath(dataDir, options.openclawPath === undefined ? FAKE_OPENCLAW : options.openclawPath);
  const cli = path.join(ROOT, 'dist/web/cli.mjs');
  if (!fs.existsSync(cli)) throw new Error('dist/web/cli.mjs is missing: run `npm run build` first.');
  const child: ChildProcess = spawn(process.execPath, [cli, '--state-dir', stateDir, '--data-dir', dataDir], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: root, LANG: 'en_US.UTF-8', TZ: process.env.TZ ?? 'UTC', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (c) => (out += c));
  child.stderr!.on('data', (c) => (out += c));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web shell did not start:\n${out}`)), 20_000);
    const onData = () => {
      const m = /^ClawTray web: (http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+)$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web shell exited with ${code}:\n${out}`));
    });
  });
  const parsed = new URL(url);
  let stopped: Promise<void> | undefined;
  return {
    url,
    origin: parsed.origin,
    port: Number(parsed.port),
    token: parsed.hash.replace('#token=', ''),
    stateDir,
    dataDir,
    output: () => out,
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const kill = setTimeout(() => child.kill('SIGKILL'), 20_000);
        child.once('exit', () => {
          clearTimeout(kill);
          resolve();
        });
        child.kill('SIGTERM');
      }).then(() => fs.rmSync(root, { recursive: true, force: true }));
      return stopped;
    },
  };
}
