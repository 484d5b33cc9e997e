/**
 * Whether the state folder must be imported into OpenClaw 2026.6+, and the import itself, with the user's consent.
 * It looks when the app starts, when the OpenClaw install changes, when a downloaded update is ready and when the
 * agents' folders or the config change: any `agents/*\/agent/auth-profiles.json` (2026.6+ refuses to run beside
 * one), and `openclaw config validate --json` (a config 2026.5 wrote is rejected). The OpenClaw that imports is the
 * one in use, or a release "Update OpenClaw" downloaded beside it, which the app switches to only when the import
 * succeeded (or at once when there is nothing to import). Everything it says is a `MigrationState` (event
 * `migration:state`); it also lists the plain-text copies an import leaves and the backups it made, and deletes
 * those the user picks.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { MigrationReason, MigrationState } from '../../../shared/contract';
import { isCurrentOpenClaw } from '../../../shared/openclaw-versions';
import type { Clock, TimerHandle } from '../clock';
import type { Logger } from '../context';
import { createDirWatcher, type DirWatcher } from '../fs/dir-watcher';
import type { GatewayControl } from '../gateway/handlers';
import type { OpenClawInstallation } from '../openclaw/installation';
import { appUpdateDir } from '../openclaw/locate-candidates';
import type { OpenClawPaths } from '../openclaw/paths';
import type { SettingsService } from '../settings';
import { backupRoot, deleteCopies, listCopies } from './copies';
import { ACTIVE, runImport, type MigrationCli } from './import-run';
import { createReleaseSwitch } from './install-switch';
import { legacySecrets, scanState } from './legacy';
import { configVerdict } from './verdicts';

/** Whether a version needs the import (2026.6 and later, pre-releases included). Pure. */
export const importsLegacyState = isCurrentOpenClaw;

/** A release downloaded by "Update OpenClaw", waiting for the import. */
export interface StagedRelease {
  version: string;
  cli: MigrationCli & { dispose(): Promise<void> };
}

/** What the service needs. */
export interface MigrationServiceDeps {
  paths: OpenClawPaths;
  dataDir: string;
  clock: Clock;
  logger: Logger;
  installation: OpenClawInstallation;
  /** The CLI of the OpenClaw in use. */
  cli: MigrationCli;
  /** The release waiting in `openclaw-update`, if any, with a CLI that runs it. */
  staged(): Promise<StagedRelease | undefined>;
  settings: Pick<SettingsService, 'get' | 'update'>;
  gateway: Pick<GatewayControl, 'state' | 'stop' | 'start' | 'refresh' | 'note'>;
  emit(state: MigrationState): void;
  /** Remembers secrets for the rest of the session (the core's one registry), so every log line hides them. */
  remember(values: string[]): void;
  redact(text: string): string;
  /**
   * Hides only the known secrets (no shape rules): for OpenClaw's config issues, which name config keys
   * (`meta: Unrecognized key: "lastTouchedAt"`) that the shape rules would take for secrets.
   */
  redactKnown(text: string): string;
  /** Debounce of folder changes before a new look (default 500 ms). */
  debounceMs?: number;
}

const DEFAULT_STATE: MigrationState = { phase: 'unknown', version: null, update: false, reasons: [], leftovers: [], backups: [] };

/** The import service; one per core. */
export class MigrationService {
  private current: MigrationState = DEFAULT_STATE;
  private checking: Promise<MigrationState> | undefined;
  private again = false;
  private running = false;
  private configSeen: { key: string; verdict: ReturnType<typeof configVerdict> } | undefined;
  private watcher: DirWatcher | undefined;
  private debounce: TimerHandle | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly d: MigrationServiceDeps) {}

  /** The last state (a first look starts when none was taken yet). */
  state(): MigrationState {
    if (this.current.phase === 'unknown') void this.check();
    return this.current;
  }

  /** Looks at the install and the state folder; joins a look in flight (and looks once more after it). */
  check(): Promise<MigrationState> {
    if (this.running) return Promise.resolve(this.current);
    if (this.checking) {
      this.again = true;
      return this.checking;
    }
    this.checking = (async () => {
      try {
        do {
          this.again = false;
          await this.look();
        } while (this.again && !this.running);
      } catch (err) {
        this.d.logger.error('import check failed', err);
      } finally {
        this.checking = undefined;
      }
      return this.current;
    })();
    return this.checking;
  }

  /** Starts following the install and the state folder, and takes a first look (in the background: it may run OpenClaw). */
  async start(): Promise<void> {
    this.unsubscribe = this.d.installation.onChange(() => this.soon());
    this.watcher = createDirWatcher(() => this.soon());
    this.syncWatcher();
    void this.check();
  }

  /** Stops following; safe to call twice. */
  dispose(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.watcher?.close();
    this.watcher = undefined;
    if (this.debounce) this.d.clock.clearTimeout(this.debounce);
  }

  /** A downloaded update is ready: look again with it (switching at once when nothing needs importing). */
  async updateReady(): Promise<void> {
    await this.check();
  }

  /** Runs the import the user agreed to; resolves once it is started (progress follows as events). */
  async startImport(): Promise<MigrationState> {
    if (this.running) return this.current;
    const state = await this.check();
    if (state.phase !== 'needed' && state.phase !== 'failed') return state;
    this.running = true;
    const staged = state.update ? await this.d.staged() : undefined;
    const update = staged ? createReleaseSwitch({ dataDir: this.d.dataDir, version: staged.version, settings: this.d.settings, installation: this.d.installation }) : undefined;
    await staged?.cli.dispose();
    this.d.remember(legacySecrets(scanState(this.d.paths.agentsDir).legacyStores));
    const base: MigrationState = { ...state, phase: 'running', step: 'stop-gateway', percent: 0 };
    delete base.failure;
    delete base.detail;
    delete base.restored;
    this.set(base);
    void runImport({
      paths: this.d.paths,
      backupRoot: backupRoot(this.d.dataDir),
      clock: this.d.clock,
      cli: this.d.cli,
      gateway: this.d.gateway,
      ...(update ? { switchInstall: update } : {}),
      note: (line) => this.d.gateway.note(line),
      redact: (text) => this.d.redact(text),
      progress: (step, percent) => this.set({ ...this.current, step, percent }),
    })
      .then(async (result) => {
        if (result.ok) update?.finish();
        const after = this.scan();
        const outcome: MigrationState = result.ok
          ? { ...this.current, ...after, phase: 'done', percent: 100, backupDir: result.backupDir, gatewayRestarted: result.gatewayRestarted, update: false, reasons: [] }
          : { ...this.current, ...after, phase: 'failed', failure: result.failure, restored: result.restored, ...(result.detail ? { detail: result.detail } : {}), ...(result.backupDir ? { backupDir: result.backupDir } : {}) };
        delete outcome.step;
        this.configSeen = undefined;
        this.running = false;
        this.set(outcome);
        if (result.ok) await this.d.gateway.refresh();
      })
      .catch((err: unknown) => {
        this.running = false;
        this.d.logger.error('import failed', err);
        this.set({ ...this.current, phase: 'failed', failure: 'doctor-failed', detail: this.d.redact(err instanceof Error ? err.message : String(err)) });
      });
    return this.current;
  }

  /** Deletes the chosen leftover archives and app backups (only ones the state lists; anything else is refused). */
  async deleteCopies(leftovers: string[], backups: string[]): Promise<MigrationState> {
    deleteCopies(this.d.paths.agentsDir, this.d.dataDir, leftovers, backups);
    this.d.gateway.note(`Deleted ${leftovers.length} leftover credential file(s) and ${backups.length} backup(s).`);
    this.set({ ...this.current, ...this.scan() });
    return this.current;
  }

  /** Drops a downloaded update the user does not want to import into. */
  async discardUpdate(): Promise<MigrationState> {
    if (this.running) return this.current;
    const staged = await this.d.staged();
    await staged?.cli.dispose();
    fs.rmSync(appUpdateDir(this.d.dataDir), { recursive: true, force: true });
    return this.check();
  }

  private set(state: MigrationState): void {
    this.current = state;
    this.d.emit(state);
  }

  /** The copies on disk: leftover archives, and the app's backups (newest first). */
  private scan(): Pick<MigrationState, 'leftovers' | 'backups'> {
    return listCopies(this.d.paths.agentsDir, this.d.dataDir);
  }

  private soon(): void {
    this.syncWatcher();
    if (this.debounce) this.d.clock.clearTimeout(this.debounce);
    this.debounce = this.d.clock.setTimeout(() => {
      this.debounce = undefined;
      void this.check();
    }, this.d.debounceMs ?? 500);
  }

  /** Watches the state folder (the config), the agents folder and each agent's folder. */
  private syncWatcher(): void {
    const agentDirs = (() => {
      try {
        return fs.readdirSync(this.d.paths.agentsDir).map((a) => path.join(this.d.paths.agentsDir, a, 'agent'));
      } catch {
        return [];
      }
    })();
    this.watcher?.sync([this.d.paths.stateDir, path.dirname(this.d.paths.configPath), this.d.paths.agentsDir, ...agentDirs]);
  }

  private async look(): Promise<void> {
    const copies = this.scan();
    const staged = await this.d.staged();
    const located = await this.d.installation.get();
    const inUse = located.installation.version;
    const version = staged?.version ?? inUse;
    try {
      if (!importsLegacyState(version)) {
        this.settle({ phase: 'clear', version, update: false, reasons: [], ...copies });
        return;
      }
      const cli = staged?.cli ?? this.d.cli;
      const reasons: MigrationReason[] = [];
      const legacy = scanState(this.d.paths.agentsDir).legacyStores;
      if (legacy.length) reasons.push({ kind: 'legacy-credentials', files: legacy.map((s) => s.file), issues: [] });
      const verdict = await this.configVerdict(cli, `${staged ? 'staged' : 'in-use'}:${version}`);
      if (verdict.kind === 'rejected') reasons.push({ kind: 'config-rejected', files: [this.d.paths.configPath], issues: verdict.issues.map((i) => this.d.redactKnown(i)) });
      if (staged && !reasons.length) {
        await this.switchNow(staged.version);
        return;
      }
      this.settle({ phase: reasons.length ? 'needed' : 'clear', version, update: !!staged, ...(staged ? { fromVersion: inUse } : {}), reasons, ...copies });
    } finally {
      await staged?.cli.dispose();
    }
  }

  /** Keeps a finished import's outcome on screen until something else needs saying. */
  private settle(next: MigrationState): void {
    const keep = (this.current.phase === 'done' || this.current.phase === 'failed') && next.phase === 'clear';
    const state: MigrationState = keep ? { ...this.current, leftovers: next.leftovers, backups: next.backups, version: next.version } : next;
    if (JSON.stringify(state) !== JSON.stringify(this.current)) this.set(state);
  }

  /** `config validate --json`, run again only when the config file or the OpenClaw changed. */
  private async configVerdict(cli: MigrationCli, who: string): Promise<ReturnType<typeof configVerdict>> {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(this.d.paths.configPath);
    } catch {
      return { kind: 'unknown' };
    }
    const key = `${who}:${stat.size}:${stat.mtimeMs}`;
    if (this.configSeen?.key === key) return this.configSeen.verdict;
    const r = await cli.run(['config', 'validate', '--json'], { timeoutMs: 120_000 });
    const verdict = configVerdict(r.code, r.stdout);
    if (verdict.kind === 'unknown' && r.code !== 0) this.d.logger.warn(`config validate gave no verdict (exit ${r.code})`);
    this.configSeen = { key, verdict };
    return verdict;
  }

  /** Switches to a downloaded release with nothing to import (the app's gateway is stopped meanwhile). */
  private async switchNow(version: string): Promise<void> {
    const release = createReleaseSwitch({ dataDir: this.d.dataDir, version, settings: this.d.settings, installation: this.d.installation });
    const gateway = this.d.gateway.state();
    const restart = (gateway.owned || gateway.owner === 'service') && ACTIVE.has(gateway.status);
    if (restart) await this.d.gateway.stop();
    try {
      await release.apply();
      release.finish();
      this.d.gateway.note(`Switched to OpenClaw ${version}; nothing needed importing.`);
      this.settle({ phase: 'clear', version, update: false, reasons: [], ...this.scan() });
    } catch (err) {
      await release.undo().catch(() => undefined);
      this.set({ ...this.current, phase: 'failed', failure: 'switch-failed', detail: err instanceof Error ? err.message : String(err), restored: true });
    }
    await this.d.gateway.refresh();
    if (restart) await this.d.gateway.start();
  }
}
