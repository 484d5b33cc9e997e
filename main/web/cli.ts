/**
 * `npm run web -- --state-dir DIR --data-dir DIR [--port N]`: runs the same core behind the web shell, for a machine
 * without a display (reached through an SSH tunnel) and for end-to-end tests in a real browser.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createAppCore, type AppCore } from '../core/app-core';
import { defaultAppDataDir } from '../serve/app-data-dir';
import { lockDataDir } from './data-dir-lock';
import { createRecordingNotifier, type RecordingNotifier } from './recording-notifier';
import { startWebServer, type WebServer } from './server';
import { createTrayRoute } from './tray-route';

const USAGE = 'Usage: npm run web -- [--state-dir DIR] [--data-dir DIR] [--port N]';

/** Parsed command line of the web shell. */
export interface WebCliOptions {
  stateDir?: string | undefined;
  dataDir: string;
  port: number;
}

/** Parses argv; throws with the usage line on anything unknown or malformed. */
export function parseWebArgs(argv: string[], env: Record<string, string | undefined>, homeDir: string, platform: NodeJS.Platform): WebCliOptions {
  const { values } = parseArgs({
    args: argv,
    options: { 'state-dir': { type: 'string' }, 'data-dir': { type: 'string' }, port: { type: 'string' } },
    strict: true,
    allowPositionals: false,
  });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid --port "${values.port}". ${USAGE}`);
  return {
    stateDir: values['state-dir'] ? path.resolve(values['state-dir']) : undefined,
    dataDir: path.resolve(values['data-dir'] ?? defaultAppDataDir(platform, env, homeDir)),
    port,
  };
}

function rendererDir(): string {
  const beside = fileURLToPath(new URL('../renderer/', import.meta.url));
  return fs.existsSync(path.join(beside, 'index.html')) ? beside : path.resolve('dist/renderer');
}

/** The process as the web shell uses it; a test passes a fake to send signals and catch the exit. */
export interface WebShellProcess {
  on(signal: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
  exit(code: number): void;
}

/** What `runWebShell` serves. */
export interface WebShellParts {
  core: AppCore;
  notifier: RecordingNotifier;
  rendererDir: string;
  port: number;
  env: Record<string, string | undefined>;
}

/**
 * Serves core and starts it. SIGINT and SIGTERM are listened to before `core.start()`, so a Ctrl+C while a gateway is
 * being started still stops it (the gateway runs in its own process group and would otherwise outlive us); either
 * signal, once or many times, disposes core exactly once and then exits.
 */
export async function runWebShell(parts: WebShellParts, proc: WebShellProcess): Promise<WebServer | null> {
  const { core, notifier } = parts;
  const tray = createTrayRoute(core, parts.env);
  let server: WebServer | undefined;
  let stopping: Promise<void> | undefined;
  const stop = (signal: string) =>
    (stopping ??= (async () => {
      console.error(`[info] ${signal}: stopping`);
      await server?.close();
      tray.dispose();
      await core.dispose();
      proc.exit(0);
    })());
  proc.on('SIGINT', () => void stop('SIGINT'));
  proc.on('SIGTERM', () => void stop('SIGTERM'));

  server = await startWebServer({
    core,
    rendererDir: parts.rendererDir,
    port: parts.port,
    shellRoutes: {
      notifications: () => ({ notifications: notifier.list() }),
      // Plays a click on the newest recorded notification, as the desktop shell does: the window opens its view.
      'click-notification': () => {
        const last = notifier.list().at(-1);
        return { clicked: last?.action && core.navigate(last.action) ? last.id : null };
      },
      tray: tray.route,
    },
  });
  if (stopping) {
    await server.close();
    return null;
  }
  console.log(`ClawTray web: ${server.url}`);
  await core.start();
  await tray.seed().catch((err: unknown) => console.error(`[error] could not read the state for the tray: ${err instanceof Error ? err.message : String(err)}`));
  return server;
}

async function main(): Promise<void> {
  let options: WebCliOptions;
  try {
    options = parseWebArgs(process.argv.slice(2), process.env, os.homedir(), process.platform);
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    console.error(USAGE);
    process.exit(2);
  }
  fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  try {
    const lock = await lockDataDir(options.dataDir);
    process.on('exit', () => lock.release());
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  }
  const notifier = createRecordingNotifier();
  const core = createAppCore({
    shell: 'web',
    version: __CLAWTRAY_VERSION__,
    dataDir: options.dataDir,
    stateDirOverride: options.stateDir,
    notifier,
    logger: {
      info: (m) => console.error(`[info] ${m}`),
      warn: (m) => console.error(`[warn] ${m}`),
      error: (m, err) => console.error(`[error] ${m}${err instanceof Error ? `: ${err.message}` : ''}`),
    },
  });
  await runWebShell({ core, notifier, rendererDir: rendererDir(), port: options.port, env: process.env }, process);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) void main();
