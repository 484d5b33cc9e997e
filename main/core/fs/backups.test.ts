import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../testing/use-temp-dirs';
import { keepCorruptCopy } from './atomic-file';
import { BACKUP_MAX_AGE_MS, backupsToPrune, fileHoldsAny, listBackups, pruneBackups, scrubFile, stampTime } from './backups';

const tmp = useTempDirs();
const DAY = 24 * 3_600_000;
const NOW = Date.parse('2026-06-10T12:00:00.000Z');
const stamp = (t: number) => new Date(t).toISOString().replace(/[:.]/g, '-');

describe('backup copies', () => {
  it('reads the time of a corrupt copy from its name', () => {
    expect(stampTime(stamp(NOW))).toBe(NOW);
    expect(stampTime('yesterday')).toBeUndefined();
  });

  it('prunes copies older than 7 days and corrupt copies beyond the newest 3, never one asked to keep', () => {
    const c = (name: string, kind: 'bak' | 'corrupt', ageDays: number) => ({ file: name, kind, at: NOW - ageDays * DAY });
    const copies = [c('x.bak', 'bak', 8), c('c1', 'corrupt', 0), c('c2', 'corrupt', 1), c('c3', 'corrupt', 2), c('c4', 'corrupt', 3), c('c5', 'corrupt', 9)];
    expect(backupsToPrune(copies, NOW).sort()).toEqual(['c4', 'c5', 'x.bak']);
    expect(backupsToPrune(copies, NOW, ['c4']).sort()).toEqual(['c5', 'x.bak']);
    expect(backupsToPrune([c('y.bak', 'bak', 6)], NOW)).toEqual([]);
  });

  it('lists and prunes real copies: the .bak by its age on disk, corrupt ones by the time in their name', async () => {
    const dir = tmp();
    const file = path.join(dir, 'openclaw.json');
    fs.writeFileSync(file, '{}');
    fs.writeFileSync(`${file}.bak`, '{"old":true}');
    const oldTime = new Date(NOW - BACKUP_MAX_AGE_MS - DAY);
    fs.utimesSync(`${file}.bak`, oldTime, oldTime);
    for (let i = 0; i < 5; i++) fs.writeFileSync(`${file}.corrupt-${stamp(NOW - i * 3_600_000)}`, `broken ${i}`);
    fs.writeFileSync(path.join(dir, 'other.json.corrupt-x'), 'not ours');
    // OpenClaw's own ring of config copies: a week-old one goes, a fresh one stays; other names are not copies.
    fs.writeFileSync(`${file}.bak.1`, '{"ring":1}');
    fs.writeFileSync(`${file}.bak.2`, '{"ring":2}');
    fs.utimesSync(`${file}.bak.2`, oldTime, oldTime);
    fs.writeFileSync(`${file}.bak.old`, 'not a ring copy');
    fs.utimesSync(`${file}.bak.old`, oldTime, oldTime);
    expect((await listBackups(file)).map((b) => path.basename(b.file)).sort()).toHaveLength(8);
    const removed = await pruneBackups(file, NOW);
    expect(removed.map((f) => path.basename(f)).sort()).toEqual([`openclaw.json.bak`, 'openclaw.json.bak.2', `openclaw.json.corrupt-${stamp(NOW - 3 * 3_600_000)}`, `openclaw.json.corrupt-${stamp(NOW - 4 * 3_600_000)}`].sort());
    expect(fs.readdirSync(dir).sort()).toEqual(['openclaw.json', 'openclaw.json.bak.1', 'openclaw.json.bak.old', ...[0, 1, 2].map((i) => `openclaw.json.corrupt-${stamp(NOW - i * 3_600_000)}`), 'other.json.corrupt-x'].sort());
  });

  it('keeps only the last 3 corrupt copies as new ones are made', async () => {
    const dir = tmp();
    const file = path.join(dir, 'auth-profiles.json');
    for (let i = 0; i < 5; i++) {
      fs.writeFileSync(file, `{ broken ${i}`);
      await keepCorruptCopy(file, NOW + i * 1000);
    }
    const copies = fs.readdirSync(dir).filter((n) => n.includes('.corrupt-'));
    expect(copies.sort()).toEqual([2, 3, 4].map((i) => `auth-profiles.json.corrupt-${stamp(NOW + i * 1000)}`));
  });

  it('scrubs a value out of a copy, as written and JSON-escaped, leaving every other byte (even invalid UTF-8) as it was', async () => {
    const dir = tmp();
    const file = path.join(dir, 'openclaw.json.corrupt-x');
    const secret = 'sk-"quoted"\\key-0123456789';
    const bytes = Buffer.concat([Buffer.from(`{"apiKey": ${JSON.stringify(secret)}, "raw": "${secret}" `), Buffer.from([0xff, 0xfe]), Buffer.from(' tail')]);
    fs.writeFileSync(file, bytes, { mode: 0o600 });
    expect(await fileHoldsAny(file, [secret])).toBe(true);
    expect(await scrubFile(file, [secret])).toBe(true);
    const after = fs.readFileSync(file);
    expect(after.toString('latin1')).toBe(Buffer.concat([Buffer.from('{"apiKey": "", "raw": "" '), Buffer.from([0xff, 0xfe]), Buffer.from(' tail')]).toString('latin1'));
    expect(await fileHoldsAny(file, [secret])).toBe(false);
    expect(await scrubFile(file, [secret])).toBe(false);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(await scrubFile(path.join(dir, 'missing'), [secret])).toBe(false);
  });
});
