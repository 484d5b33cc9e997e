import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../testing/use-temp-dirs';
import { backupName, createBackup, differences, isSkipped, readManifest, restoreBackup } from './backup';

const temp = useTempDirs();

/** Every entry under `dir` as path -> kind:mode:content hash (links by target). */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of fs.readdirSync(d).sort()) {
      const p = path.join(d, name);
      const st = fs.lstatSync(p);
      const rel = path.relative(dir, p);
      if (st.isSymbolicLink()) out[rel] = `link:${fs.readlinkSync(p)}`;
      else if (st.isDirectory()) {
        out[rel] = `dir:${(st.mode & 0o777).toString(8)}`;
        walk(p);
      } else out[rel] = `file:${(st.mode & 0o777).toString(8)}:${crypto.createHash('sha1').update(fs.readFileSync(p)).digest('hex')}:${Math.floor(st.mtimeMs)}`;
    }
  };
  walk(dir);
  return out;
}

function write(file: string, text: string, mode = 0o600) {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, text, { mode });
}

function stateFolder() {
  const root = temp();
  const state = path.join(root, 'state');
  write(path.join(state, 'openclaw.json'), '{"meta":{"lastTouchedAt":"x"}}');
  write(path.join(state, 'openclaw.json.bak'), '{}');
  write(path.join(state, '.env'), 'ANTHROPIC_API_KEY=sk-ant-x\n');
  write(path.join(state, 'agents', 'main', 'agent', 'auth-profiles.json'), '{"version":1,"profiles":{}}');
  write(path.join(state, 'agents', 'main', 'agent', 'auth-state.json'), '{}');
  write(path.join(state, 'agents', 'main', 'sessions', 'big.jsonl'), 'transcript');
  write(path.join(state, 'logs', 'config-health.json'), '{}');
  write(path.join(state, 'logs', 'gateway.log'), 'a long log');
  write(path.join(state, 'workspace', 'notes.md'), 'user file', 0o644);
  write(path.join(state, 'workspace', '.openclaw', 'workspace-state.json'), '{}');
  fs.symlinkSync('/nowhere', path.join(state, 'a-link'));
  return { root, state };
}

describe('backup', () => {
  it('names backups by date and skips the large parts an import never touches', () => {
    expect(backupName(Date.UTC(2026, 10, 29, 15, 1, 2))).toBe('openclaw-state-2026-11-29T15-01-02');
    expect(['workspace/notes.md', 'workspace-work/x', 'logs/gateway.log', 'agents/main/sessions', 'media', 'browser/p'].every(isSkipped)).toBe(true);
    expect(['workspace', 'workspace/.openclaw', 'workspace/.openclaw/workspace-state.json', 'logs', 'logs/config-audit.jsonl', 'agents/main/agent/auth-profiles.json', 'state/openclaw.sqlite', 'openclaw.json'].some(isSkipped)).toBe(false);
  });

  it('copies the state folder into a dated 0700 folder with 0600 files and a manifest', () => {
    const { root, state } = stateFolder();
    const dir = createBackup({ stateDir: state, configPath: path.join(state, 'openclaw.json'), backupRoot: path.join(root, 'backups'), now: Date.UTC(2026, 10, 29) });
    expect(path.basename(dir)).toBe('openclaw-state-2026-11-29T00-00-00');
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    const copied = tree(dir);
    for (const [rel, what] of Object.entries(copied)) expect(what, rel).toMatch(rel.endsWith('.json') || rel.endsWith('.env') || !what.startsWith('dir') ? /^(file:600|link)/ : /^dir:700/);
    expect(Object.keys(copied)).toEqual(expect.arrayContaining(['manifest.json', 'state/.env', 'state/agents/main/agent/auth-profiles.json', 'state/logs/config-health.json', 'state/workspace/.openclaw/workspace-state.json']));
    expect(Object.keys(copied).filter((k) => /sessions|gateway\.log|notes\.md|a-link/.test(k))).toEqual([]);
    expect(readManifest(dir).entries.find((e) => e.rel === 'state/a-link')).toMatchObject({ kind: 'symlink', link: '/nowhere' });
    const second = createBackup({ stateDir: state, configPath: path.join(state, 'openclaw.json'), backupRoot: path.join(root, 'backups'), now: Date.UTC(2026, 10, 29) });
    expect(path.basename(second)).toBe('openclaw-state-2026-11-29T00-00-00-2');
  });

  it('restores exactly what an import changed: renamed, rewritten, created and deleted entries; skipped parts untouched', () => {
    const { root, state } = stateFolder();
    const before = tree(state);
    const dir = createBackup({ stateDir: state, configPath: path.join(state, 'openclaw.json'), backupRoot: path.join(root, 'backups'), now: Date.now() });
    const agent = path.join(state, 'agents', 'main', 'agent');
    fs.renameSync(path.join(agent, 'auth-profiles.json'), path.join(agent, 'auth-profiles.json.migrated-2026-x'));
    fs.writeFileSync(path.join(state, 'openclaw.json'), '{"meta":{}}');
    fs.chmodSync(path.join(state, '.env'), 0o644);
    write(path.join(state, 'state', 'openclaw.sqlite'), 'db');
    write(path.join(state, 'openclaw.json.bak.1'), '{}');
    fs.rmSync(path.join(state, 'a-link'));
    fs.symlinkSync('/elsewhere', path.join(state, 'a-link'));
    fs.mkdirSync(path.join(state, 'plugin-skills'));
    fs.symlinkSync('/install/skills/x', path.join(state, 'plugin-skills', 'x'));
    fs.rmSync(path.join(state, 'logs', 'config-health.json'));
    write(path.join(state, 'logs', 'config-health.json.migrated'), '{}');
    write(path.join(state, 'workspace', 'notes.md'), 'changed by the user meanwhile', 0o644);
    expect(differences(readManifest(dir)).length).toBeGreaterThan(5);
    restoreBackup(dir);
    const after = tree(state);
    expect(after['workspace/notes.md']).not.toBe(before['workspace/notes.md']);
    delete after['workspace/notes.md'];
    delete before['workspace/notes.md'];
    expect(after).toEqual(before);
    expect(differences(readManifest(dir))).toEqual([]);
  });

  it('backs up and restores a config kept outside the state folder, with its .bak copies', () => {
    const { root, state } = stateFolder();
    const configDir = path.join(root, 'etc');
    write(path.join(configDir, 'oc.json'), '{"meta":{"lastTouchedAt":"x"}}');
    write(path.join(configDir, 'unrelated.txt'), 'keep');
    const dir = createBackup({ stateDir: state, configPath: path.join(configDir, 'oc.json'), backupRoot: path.join(root, 'backups'), now: Date.now() });
    expect(fs.readFileSync(path.join(dir, 'config', 'oc.json'), 'utf8')).toContain('lastTouchedAt');
    expect(fs.existsSync(path.join(dir, 'config', 'unrelated.txt'))).toBe(false);
    fs.writeFileSync(path.join(configDir, 'oc.json'), '{}');
    write(path.join(configDir, 'oc.json.bak'), '{"meta":{"lastTouchedAt":"x"}}');
    restoreBackup(dir);
    expect(fs.readFileSync(path.join(configDir, 'oc.json'), 'utf8')).toContain('lastTouchedAt');
    expect(fs.existsSync(path.join(configDir, 'oc.json.bak'))).toBe(false);
    expect(fs.readFileSync(path.join(configDir, 'unrelated.txt'), 'utf8')).toBe('keep');
  });

  it('refuses a folder that is not a backup, and fails without a trace when the backup cannot be written', () => {
    const { root, state } = stateFolder();
    expect(() => restoreBackup(root)).toThrow(/not a ClawTray backup|ENOENT/);
    const blocked = path.join(root, 'blocked');
    fs.writeFileSync(blocked, 'a file where the backups folder should be');
    expect(() => createBackup({ stateDir: state, configPath: path.join(state, 'openclaw.json'), backupRoot: path.join(blocked, 'backups'), now: Date.now() })).toThrow();
    expect(fs.readFileSync(blocked, 'utf8')).toBe('a file where the backups folder should be');
  });
});
