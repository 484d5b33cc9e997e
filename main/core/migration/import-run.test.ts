import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GatewayState, MigrationStep } from '../../../shared/contract';
import { systemClock } from '../clock';
import { writeLegacyState } from '../../testing/fake-installs';
import { useTempDirs } from '../../testing/use-temp-dirs';
import { resolveOpenClawPaths } from '../openclaw/paths';
import { DOCTOR_ARGS, runImport, type ImportDeps, type MigrationCli } from './import-run';

const temp = useTempDirs();
const KEY = `sk-ant-api03-${'Q'.repeat(64)}`;

/** A gateway the app runs (or someone else's), recording what the import asked of it. */
function gateway(status: GatewayState['status'], owned: boolean) {
  const calls: string[] = [];
  let state: GatewayState = { status, owned, port: 18789 };
  return {
    calls,
    state: () => state,
    stop: async () => {
      calls.push('stop');
      state = { ...state, status: 'stopped' };
      return state;
    },
    start: async () => {
      calls.push('start');
      state = { ...state, status: 'ready' };
      return state;
    },
  };
}

/** A CLI answering like OpenClaw 2026.9.6: doctor renames the file unless told how to misbehave. */
function cli(stateDir: string, doctor: 'ok' | 'timeout' | 'disposed' | 'exit-1'): MigrationCli & { runs: string[][] } {
  const runs: string[][] = [];
  return {
    runs,
    async run(args, o) {
      runs.push(args);
      if (args.join(' ') === DOCTOR_ARGS.join(' ')) {
        o?.onLine?.('stdout', `│  importing ${KEY}`);
        if (doctor !== 'ok') {
          fs.writeFileSync(path.join(stateDir, 'half-done'), 'x');
          return { code: doctor === 'exit-1' ? 1 : null, stdout: '', stderr: `Error: failed with ${KEY}\n`, ended: doctor === 'exit-1' ? 'exit' : doctor };
        }
        const file = path.join(stateDir, 'agents', 'main', 'agent', 'auth-profiles.json');
        fs.renameSync(file, `${file}.migrated-1-x`);
        return { code: 0, stdout: 'done\n', stderr: '', ended: 'exit' };
      }
      if (args[0] === 'models') {
        const status = { auth: { providers: [{ provider: 'anthropic', profiles: { labels: [`anthropic:default=${KEY.slice(0, 8)}...${KEY.slice(-8)}`] } }], oauth: { profiles: [{ profileId: 'anthropic:default', type: 'api_key' }] } } };
        return { code: 0, stdout: JSON.stringify(status), stderr: '', ended: 'exit' };
      }
      return { code: 0, stdout: '{"valid":true}', stderr: '', ended: 'exit' };
    },
  };
}

function setup(o: { doctor?: Parameters<typeof cli>[1]; gateway?: ReturnType<typeof gateway>; switchFails?: boolean } = {}) {
  const root = temp();
  const paths = resolveOpenClawPaths({ env: {}, homeDir: root, stateDirOverride: path.join(root, 'state') });
  writeLegacyState(paths.stateDir, { main: { 'anthropic:default': { type: 'api_key', provider: 'anthropic', key: KEY } } });
  const notes: string[] = [];
  const steps: MigrationStep[] = [];
  const switches: string[] = [];
  const g = o.gateway ?? gateway('stopped', false);
  const c = cli(paths.stateDir, o.doctor ?? 'ok');
  const deps: ImportDeps = {
    paths,
    backupRoot: path.join(root, 'backups'),
    clock: systemClock,
    cli: c,
    gateway: g,
    note: (l) => notes.push(l),
    redact: (t) => t.split(KEY).join('[redacted]'),
    progress: (s) => steps.push(s),
    switchInstall: {
      apply: async () => {
        switches.push('apply');
        if (o.switchFails) throw new Error('rename failed: EBUSY');
      },
      undo: async () => {
        switches.push('undo');
      },
    },
  };
  return { deps, paths, notes, steps, switches, gateway: g, cli: c };
}

describe('runImport', () => {
  it('stops the gateway the app runs, imports through the new release, and starts the gateway again', async () => {
    const t = setup({ gateway: gateway('ready', true) });
    const r = await runImport(t.deps);
    expect(r).toMatchObject({ ok: true, gatewayRestarted: true });
    expect(t.gateway.calls).toEqual(['stop', 'start']);
    expect(t.switches).toEqual(['apply']);
    expect([...new Set(t.steps)]).toEqual(['stop-gateway', 'backup', 'switch', 'doctor', 'verify', 'restart-gateway']);
    expect(t.cli.runs.map((a) => a.slice(0, 2).join(' '))).toEqual(['doctor --fix', 'config validate', 'models status']);
    expect(t.notes.join('\n')).not.toContain(KEY);
  });

  for (const [doctor, failure] of [
    ['timeout', 'timeout'],
    ['disposed', 'doctor-failed'],
    ['exit-1', 'doctor-failed'],
  ] as const) {
    it(`a doctor run that ends by ${doctor} is undone: backup restored, release switched back, gateway started again`, async () => {
      const t = setup({ doctor, gateway: gateway('running', true) });
      const r = await runImport(t.deps);
      expect(r).toMatchObject({ ok: false, failure, restored: true });
      expect(r.ok || r.backupDir).toBeTruthy();
      expect(fs.existsSync(path.join(t.paths.stateDir, 'half-done'))).toBe(false);
      expect(t.switches).toEqual(['apply', 'undo']);
      expect(t.gateway.calls).toEqual(['stop', 'start']);
      expect(JSON.stringify(r)).not.toContain(KEY);
    });
  }

  it('a release that cannot be switched to is reported and nothing else is run', async () => {
    const t = setup({ switchFails: true });
    const r = await runImport(t.deps);
    expect(r).toMatchObject({ ok: false, failure: 'switch-failed', detail: 'rename failed: EBUSY', restored: true });
    expect(t.cli.runs).toEqual([]);
    expect(t.switches).toEqual(['apply']);
  });

  it("refuses before any change while someone else's gateway runs", async () => {
    const t = setup({ gateway: gateway('external', false) });
    expect(await runImport(t.deps)).toEqual({ ok: false, failure: 'gateway-busy', restored: true });
    expect(t.gateway.calls).toEqual([]);
    expect(fs.existsSync(t.deps.backupRoot)).toBe(false);
  });
});
