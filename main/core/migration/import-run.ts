/**
 * One import of a state folder into OpenClaw 2026.6+, the steps in order: stop the app's gateway (a gateway the
 * app does not run refuses the import), back the state folder up, switch to the new release (an update only),
 * run `openclaw doctor --fix --yes --non-interactive` with its output in the log, then check the result with
 * `models status --json` per agent (every legacy credential there, same secret and expiry), no `auth-profiles.json`
 * left and `config validate`. Any failure after the backup restores it, switches back and restarts the gateway as
 * it was, so everything is as before; the result says where the backup is either way.
 */
import type { GatewayState, MigrationFailure, MigrationStep } from '../../../shared/contract';
import type { Clock } from '../clock';
import type { OpenClawPaths } from '../openclaw/paths';
import { createBackup, restoreBackup } from './backup';
import { readLegacyCredentials, scanState, type LegacyCredential } from './legacy';
import { configVerdict, importProblems, isUnknownAgent } from './verdicts';

/** The part of the CLI runner an import uses (`openclaw/cli.ts` fits). */
export interface MigrationCli {
  run(
    args: string[],
    options?: { write?: boolean; timeoutMs?: number; onLine?: (stream: 'stdout' | 'stderr', line: string) => void },
  ): Promise<{ code: number | null; stdout: string; stderr: string; ended: 'exit' | 'timeout' | 'disposed' }>;
}

/** Switching the app to a downloaded release and back (an update's import only). */
export interface InstallSwitch {
  apply(): Promise<void>;
  undo(): Promise<void>;
}

/** What an import needs. */
export interface ImportDeps {
  paths: OpenClawPaths;
  backupRoot: string;
  clock: Clock;
  /** The OpenClaw that imports (for an update: the new release, once switched to). */
  cli: MigrationCli;
  gateway: { state(): GatewayState; stop(): Promise<GatewayState>; start(): Promise<GatewayState> };
  switchInstall?: InstallSwitch;
  note(line: string): void;
  redact(text: string): string;
  progress(step: MigrationStep, percent: number): void;
  /** How long `doctor --fix` may take (default 5 min; ~16-25 s on a slow machine). */
  doctorTimeoutMs?: number;
}

/** How an import ended. */
export type ImportResult =
  | { ok: true; backupDir: string; gatewayRestarted: boolean }
  | { ok: false; failure: MigrationFailure; detail?: string; backupDir?: string; restored: boolean };

/** States in which a gateway process exists. */
export const ACTIVE = new Set<GatewayState['status']>(['starting', 'running', 'ready', 'stopping', 'crashed', 'external']);

/** The `doctor` command the import runs. */
export const DOCTOR_ARGS = ['doctor', '--fix', '--yes', '--non-interactive'];

class StepFailure extends Error {
  constructor(
    readonly failure: MigrationFailure,
    readonly detail?: string,
  ) {
    super(detail ?? failure);
  }
}

/** Runs one import; never throws. */
export async function runImport(d: ImportDeps): Promise<ImportResult> {
  let wasRunning = false;
  let backupDir: string | undefined;
  let switched = false;
  const last = (r: { stdout: string; stderr: string }) =>
    d.redact([...r.stderr.split('\n'), ...r.stdout.split('\n')].map((l) => l.trim()).filter(Boolean).slice(-6).join('\n'));
  try {
    d.progress('stop-gateway', 0);
    const before = d.gateway.state();
    if (ACTIVE.has(before.status)) {
      // The app's own gateway, or OpenClaw's service the user chose in Settings: both are the app's to stop.
      if (!before.owned && before.owner !== 'service') throw new StepFailure('gateway-busy');
      wasRunning = true;
      d.note('Import: stopping the gateway first.');
      const after = await d.gateway.stop();
      if (ACTIVE.has(after.status)) throw new StepFailure('gateway-busy');
    }
    d.progress('backup', 10);
    const legacy = readLegacyCredentials(scanState(d.paths.agentsDir).legacyStores);
    try {
      backupDir = createBackup({ stateDir: d.paths.stateDir, configPath: d.paths.configPath, backupRoot: d.backupRoot, now: d.clock.now() });
    } catch (err) {
      throw new StepFailure('backup-failed', err instanceof Error ? err.message : String(err));
    }
    d.note(`Import: the state folder is backed up in ${backupDir}.`);
    if (d.switchInstall) {
      d.progress('switch', 20);
      try {
        await d.switchInstall.apply();
        switched = true;
      } catch (err) {
        throw new StepFailure('switch-failed', err instanceof Error ? err.message : String(err));
      }
    }
    await doctor(d, last);
    d.progress('verify', 80);
    await verify(d, legacy);
    d.note('Import: done; OpenClaw reads every credential.');
    let gatewayRestarted = false;
    if (wasRunning) {
      d.progress('restart-gateway', 95);
      gatewayRestarted = ACTIVE.has((await d.gateway.start()).status);
    }
    return { ok: true, backupDir, gatewayRestarted };
  } catch (err) {
    const failure = err instanceof StepFailure ? err.failure : 'doctor-failed';
    const detail = err instanceof StepFailure ? err.detail : d.redact(err instanceof Error ? err.message : String(err));
    d.note(`Import failed (${failure})${detail ? `: ${detail}` : ''}`);
    const restored = await rollBack(d, backupDir, switched);
    if (wasRunning) await d.gateway.start().catch(() => undefined);
    return { ok: false, failure, ...(detail ? { detail } : {}), ...(backupDir ? { backupDir } : {}), restored };
  }
}

async function doctor(d: ImportDeps, last: (r: { stdout: string; stderr: string }) => string): Promise<void> {
  d.progress('doctor', 25);
  const started = d.clock.now();
  d.note(`$ openclaw ${DOCTOR_ARGS.join(' ')}`);
  const r = await d.cli.run(DOCTOR_ARGS, {
    write: true,
    timeoutMs: d.doctorTimeoutMs ?? 300_000,
    onLine: (_stream, line) => {
      if (line.trim()) d.note(`doctor: ${d.redact(line)}`);
      d.progress('doctor', Math.round(25 + 55 * (1 - Math.exp(-(d.clock.now() - started) / 20_000))));
    },
  });
  if (r.ended === 'timeout') throw new StepFailure('timeout', last(r));
  if (r.ended === 'disposed') throw new StepFailure('doctor-failed', 'ClawTray is quitting.');
  if (r.code !== 0) throw new StepFailure('doctor-failed', last(r));
}

async function verify(d: ImportDeps, legacy: LegacyCredential[]): Promise<void> {
  const problems: string[] = [];
  const left = scanState(d.paths.agentsDir).legacyStores;
  if (left.length) problems.push(`still there: ${left.map((s) => s.file).join(', ')}`);
  const agents = [...new Set(['main', ...legacy.map((c) => c.agentId)])];
  // Reads only, so they run side by side.
  const [config, ...statuses] = await Promise.all([
    d.cli.run(['config', 'validate', '--json'], { timeoutMs: 120_000 }),
    ...agents.map((agentId) => d.cli.run(['models', 'status', '--json', '--agent', agentId], { timeoutMs: 120_000 })),
  ]);
  agents.forEach((agentId, i) => {
    const r = statuses[i]!;
    if (agentId !== 'main' && isUnknownAgent(r.code, r.stdout)) {
      d.note(`Import: OpenClaw has no agent "${agentId}" in its config (only a folder); its credentials were imported into that folder but cannot be checked.`);
      return;
    }
    problems.push(...importProblems(r.code, r.stdout, legacy.filter((c) => c.agentId === agentId)).map((p) => `${agentId}: ${p}`));
  });
  const verdict = configVerdict(config!.code, config!.stdout);
  if (verdict.kind === 'rejected') problems.push(`config: ${verdict.issues.join('; ')}`);
  if (problems.length) throw new StepFailure('verify-failed', d.redact(problems.join('\n')));
}

/** Puts everything back: the backup, the release in use. Returns whether the state folder is as it was. */
async function rollBack(d: ImportDeps, backupDir: string | undefined, switched: boolean): Promise<boolean> {
  let restored = backupDir === undefined;
  if (backupDir) {
    try {
      restoreBackup(backupDir);
      restored = true;
      d.note(`Import: the state folder was restored from ${backupDir}.`);
    } catch (err) {
      d.note(`Import: restoring ${backupDir} failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  if (switched) {
    try {
      await d.switchInstall!.undo();
    } catch (err) {
      d.note(`Import: switching back to the earlier OpenClaw failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return restored;
}
