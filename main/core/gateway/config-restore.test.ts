import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../testing/test-support';
import { configChanges, MAX_CHANGES, previewRestore, restoreBackup } from './config-restore';

const temps: { cleanup(): void }[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));
function files(current: string | undefined, backup: string | undefined) {
  const t = makeTempDir();
  temps.push(t);
  const config = path.join(t.dir, 'openclaw.json');
  if (current !== undefined) fs.writeFileSync(config, current, { mode: 0o600 });
  if (backup !== undefined) fs.writeFileSync(`${config}.bak`, backup, { mode: 0o600 });
  return config;
}

const GOOD = JSON.stringify({ gateway: { mode: 'local', auth: { token: 'tok-secret-1' } }, agents: { defaults: { model: 'anthropic/claude-sonnet-4-6' } } }, null, 2);
const BAD = JSON.stringify({ gateway: { mode: 'local', auth: { token: 'tok-secret-1' } }, agents: { defaults: { model: 42, bogus: true } }, extra: { a: 1 } }, null, 2);

describe('configChanges', () => {
  it('lists the key paths a restore adds back, removes and changes, never values', () => {
    expect(configChanges(JSON.parse(BAD), JSON.parse(GOOD))).toEqual([
      { path: 'agents.defaults.model', change: 'changed' },
      { path: 'agents.defaults.bogus', change: 'removed' },
      { path: 'extra', change: 'removed' },
    ]);
    expect(configChanges({ a: { b: 1 } }, { a: { b: 1 }, c: [1] })).toEqual([{ path: 'c', change: 'added' }]);
    expect(configChanges({ a: 1 }, { a: 1 })).toEqual([]);
  });
});

describe('previewRestore and restoreBackup', () => {
  it('shows the changes, then restores exactly that, keeping the refused file as the new .bak (a second restore undoes it)', async () => {
    const config = files(BAD, GOOD);
    const preview = await previewRestore(config);
    expect(preview).toMatchObject({ available: true, currentReadable: true, backupPath: `${config}.bak`, more: 0 });
    expect(preview.changes.map((c) => c.path)).toEqual(['agents.defaults.model', 'agents.defaults.bogus', 'extra']);
    expect(JSON.stringify(preview)).not.toContain('tok-secret-1');
    expect(await restoreBackup(config, preview.fingerprint!)).toEqual({ keptAs: `${config}.bak` });
    expect(fs.readFileSync(config, 'utf8')).toBe(GOOD);
    expect(fs.readFileSync(`${config}.bak`, 'utf8')).toBe(BAD);
    expect(fs.statSync(config).mode & 0o777).toBe(0o600);
    const back = await previewRestore(config);
    await restoreBackup(config, back.fingerprint!);
    expect(fs.readFileSync(config, 'utf8')).toBe(BAD);
  });

  it('refuses when a file changed since it was shown, changing nothing', async () => {
    const config = files(BAD, GOOD);
    const preview = await previewRestore(config);
    fs.writeFileSync(config, `${BAD}\n`);
    await expect(restoreBackup(config, preview.fingerprint!)).rejects.toMatchObject({ code: 'CONFLICT', key: 'errors.config.changedSinceShown' });
    expect(fs.readFileSync(config, 'utf8')).toBe(`${BAD}\n`);
    expect(fs.readFileSync(`${config}.bak`, 'utf8')).toBe(GOOD);
  });

  it('offers nothing without a backup, with an unreadable one, or when it is the same config', async () => {
    expect(await previewRestore(files(BAD, undefined))).toMatchObject({ available: false, changes: [] });
    expect(await previewRestore(files(BAD, '{ not json'))).toMatchObject({ available: false });
    expect(await previewRestore(files(GOOD, GOOD))).toMatchObject({ available: false });
    await expect(restoreBackup(files(BAD, undefined), 'x')).rejects.toMatchObject({ code: 'NOT_FOUND', key: 'errors.config.noBackup' });
  });

  it('restores over a file that does not even parse, listing every key of the backup', async () => {
    const config = files('{ "gateway": ', GOOD);
    const preview = await previewRestore(config);
    expect(preview).toMatchObject({ available: true, currentReadable: false });
    expect(preview.changes).toEqual([
      { path: 'gateway', change: 'added' },
      { path: 'agents', change: 'added' },
    ]);
    await restoreBackup(config, preview.fingerprint!);
    expect(fs.readFileSync(config, 'utf8')).toBe(GOOD);
    expect(fs.readFileSync(`${config}.bak`, 'utf8')).toBe('{ "gateway": ');
  });

  it(`lists at most ${MAX_CHANGES} changes and counts the rest`, async () => {
    const many = Object.fromEntries(Array.from({ length: 45 }, (_, i) => [`k${i}`, i]));
    const preview = await previewRestore(files('{}', JSON.stringify(many)));
    expect(preview.changes).toHaveLength(MAX_CHANGES);
    expect(preview.more).toBe(15);
  });
});
