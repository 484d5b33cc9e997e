/**
 * What every core module receives: resolved paths, settings, the event hub, the clock and the shell's
 * capabilities. Built once by `createAppCore`; tests build it with fakes.
 */
import os from 'node:os';
import type { InvokeChannel } from '../../shared/contract';
import type { Handlers } from './dispatch';
import { systemClock, type Clock } from './clock';
import { createEventHub, type EventHub } from './events';
import { createOpenClawCli, type OpenClawCli } from './openclaw/cli';
import { createOpenClawInstallation, type OpenClawInstallation } from './openclaw/installation';
import { resolveOpenClawPaths, type OpenClawPaths } from './openclaw/paths';
import { createSecretRegistry, type SecretRegistry } from './secrets/registry';
import { createConfBackend, createSettingsService, type SettingsBackend, type SettingsService } from './settings';

/** A desktop notification as core asks for it; the shell decides how to show it (or, in the web shell, records it). */
export interface NotificationRequest {
  id: string;
  title: string;
  body: string;
  /** What clicking it should open, e.g. `{ view: 'renew', profileId, agentId }`. */
  action?: Record<string, string>;
}

/** The shell's way of showing notifications. */
export interface Notifier {
  show(request: NotificationRequest): void;
}

/**
 * The desktop shell's way of opening a web page in the user's default browser (checked against the shell's
 * allow-list, `main/shell/security.ts`). The web shell has none: its window is already in the user's browser.
 */
export interface Browser {
  open(url: string): Promise<void>;
}

/** A line-oriented logger; core's is redacted (`redactingLogger`), so a secret quoted in an error never reaches it whole. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, err?: unknown): void;
}

/** Everything the shells pass to core. Only `shell`, `version` and `dataDir` are required. */
export interface CoreDeps {
  shell: 'electron' | 'web';
  version: string;
  /** Where the app keeps its own settings and ledgers. */
  dataDir: string;
  /** The OpenClaw state dir to manage, overriding OpenClaw's own resolution. */
  stateDirOverride?: string | undefined;
  env?: Record<string, string | undefined>;
  homeDir?: string;
  platform?: NodeJS.Platform;
  clock?: Clock;
  settingsBackend?: SettingsBackend;
  notifier?: Notifier;
  browser?: Browser;
  logger?: Logger;
  /**
   * Extra environment variable names OpenClaw's processes may get besides the allow-list (`process/child-env.ts`):
   * for tests whose fakes are configured through the environment. The shipped app passes none.
   */
  childEnvPassthrough?: (name: string) => boolean;
}

/** The resolved context shared by core modules. */
export interface CoreContext {
  shell: 'electron' | 'web';
  version: string;
  dataDir: string;
  env: Record<string, string | undefined>;
  homeDir: string;
  platform: NodeJS.Platform;
  paths: OpenClawPaths;
  clock: Clock;
  settings: SettingsService;
  events: EventHub;
  notifier: Notifier;
  /** See `Browser`; undefined in the web shell. */
  browser?: Browser | undefined;
  logger: Logger;
  /** Where OpenClaw and its Node are, and its version: one search shared by the gateway and credentials. */
  installation: OpenClawInstallation;
  /** Runs OpenClaw's CLI with the managed gateway's environment (secrets on stdin, one write at a time). */
  cli: OpenClawCli;
  /** The known secrets and the one redactor for every line and message that leaves core. */
  secrets: SecretRegistry;
  /** See `CoreDeps.childEnvPassthrough`. */
  childEnvPassthrough?: ((name: string) => boolean) | undefined;
}

/**
 * A slice of the app: a handler for each channel `C` it owns (all of them: one missing is a compile error), plus
 * optional start, resume and dispose steps. `createAppCore` joins the slices into the total handler table.
 */
export interface CoreModule<C extends InvokeChannel> {
  handlers: Pick<Handlers, C>;
  start?(): Promise<void>;
  /** After the machine wakes from sleep: re-check whatever depends on time (the shell calls `AppCore.resume`). */
  resume?(): Promise<void>;
  dispose?(): Promise<void>;
}

const silentLogger: Logger = { info() {}, warn() {}, error() {} };

/** Wraps a logger so every message (and an error's message and stack) is redacted before it is written. */
export function redactingLogger(logger: Logger, redact: (text: string) => string): Logger {
  const detail = (err: unknown) => (err instanceof Error ? `${err.stack ?? err.message}` : err === undefined ? undefined : String(err));
  return {
    info: (message) => logger.info(redact(message)),
    warn: (message) => logger.warn(redact(message)),
    error(message, err) {
      const d = detail(err);
      logger.error(redact(message), d === undefined ? undefined : redact(d));
    },
  };
}

/** Fills in defaults (process env, home dir, system clock, conf settings) and resolves paths. */
export function createCoreContext(deps: CoreDeps): CoreContext {
  const env = deps.env ?? process.env;
  const homeDir = deps.homeDir ?? os.homedir();
  const secrets = createSecretRegistry();
  const logger = redactingLogger(deps.logger ?? silentLogger, (text) => secrets.redact(text));
  const platform = deps.platform ?? process.platform;
  const clock = deps.clock ?? systemClock;
  const paths = resolveOpenClawPaths({ env, homeDir, stateDirOverride: deps.stateDirOverride });
  const settings = createSettingsService(deps.settingsBackend ?? createConfBackend(deps.dataDir));
  const installation = createOpenClawInstallation({
    settingsPath: () => settings.get().openclawPath,
    env,
    homeDir,
    platform,
    dataDir: deps.dataDir,
    clock,
    selfNode: process.versions.electron ? undefined : process.execPath,
  });
  settings.onChange((next, prev) => {
    if (next.openclawPath !== prev.openclawPath) installation.invalidate();
  });
  const cli = createOpenClawCli({ installation, clock, platform, env, stateDir: paths.stateDir, configPath: paths.configPath, port: () => settings.get().port, secrets: () => secrets.secrets(), ...(deps.childEnvPassthrough ? { envPassthrough: deps.childEnvPassthrough } : {}) });
  return {
    shell: deps.shell,
    version: deps.version,
    dataDir: deps.dataDir,
    env,
    homeDir,
    platform,
    paths,
    clock,
    settings,
    events: createEventHub((err) => logger.error('event listener failed', err)),
    notifier: deps.notifier ?? { show() {} },
    browser: deps.browser,
    logger,
    installation,
    cli,
    secrets,
    childEnvPassthrough: deps.childEnvPassthrough,
  };
}
