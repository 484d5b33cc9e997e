import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FakeOpenClaw } from '../../testing/fake-openclaw-managed';
import { FakeOpenClawRpc } from '../../testing/fake-openclaw-rpc';
import { makeTempDir } from '../../testing/test-support';
import { systemClock } from '../clock';
import { resolveOpenClawPaths } from '../openclaw/paths';
import { backendForVersion, credentialBackendKind } from './choose-backend';

describe('credential backend choice', () => {
  it.each([
    ['2026.5.28', 'profiles-file'],
    ['2026.4.29', 'profiles-file'],
    ['2026.3.1', 'profiles-file'],
    ['2025.12.31', 'profiles-file'],
    ['2026.6.0', 'openclaw-managed'],
    ['2026.6.0-beta.1', 'openclaw-managed'],
    ['2026.9.6', 'openclaw-managed'],
    ['v2026.10.2', 'openclaw-managed'],
    ['2027.1.0', 'openclaw-managed'],
    [null, 'profiles-file'],
    ['', 'profiles-file'],
    ['not a version', 'profiles-file'],
  ] as const)('OpenClaw %s -> %s', (version, kind) => {
    expect(credentialBackendKind(version)).toBe(kind);
  });

  it('builds the backend each version needs; the managed one only with the CLI, the gateway RPC and a clock', async () => {
    const paths = resolveOpenClawPaths({ env: {}, homeDir: '/nonexistent-home', stateDirOverride: '/nonexistent-state' });
    const tmp = makeTempDir('clawtray-choose-');
    const model = new FakeOpenClaw(tmp.dir);
    const managed = { cli: model.cli, rpc: new FakeOpenClawRpc(model), clock: systemClock };
    for (const [version, kind] of [['2026.5.28', 'profiles-file'], ['2026.9.6', 'openclaw-managed'], [null, 'profiles-file']] as const) {
      const backend = backendForVersion(version, { paths, now: Date.now, ...managed });
      expect([backend.kind, backend.capabilities.copyIsRepaste]).toEqual([kind, kind === 'openclaw-managed']);
      await backend.dispose();
    }
    expect(() => backendForVersion('2026.9.6', { paths, now: Date.now })).toThrow(/needs the CLI runner/);
    tmp.cleanup();
  });

  it('nothing outside profiles-file imports it, except this chooser (test support aside)', () => {
    const root = path.resolve(__dirname, '../../..');
    const offenders: string[] = [];
    const allowed = new Set([path.join(root, 'main/core/credentials/choose-backend.ts')]);
    const scan = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (!['node_modules', 'profiles-file', 'testing', 'dist', '.cache'].includes(entry.name)) scan(file);
        } else if (/\.(ts|tsx|mts|mjs)$/.test(entry.name) && !allowed.has(file)) {
          if (/(?:from\s+|import\s*\(?\s*)['"][^'"]*profiles-file\//.test(fs.readFileSync(file, 'utf8'))) offenders.push(path.relative(root, file));
        }
      }
    };
    for (const top of ['main', 'bench', 'scripts', 'shared', 'renderer', 'preload', 'e2e']) if (fs.existsSync(path.join(root, top))) scan(path.join(root, top));
    expect(offenders).toEqual([]);
  });
});
