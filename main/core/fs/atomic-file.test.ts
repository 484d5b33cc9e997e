import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keepCorruptCopy, readParsedFile, writeFileAtomic } from './atomic-file';
import { useTempDirs } from '../../testing/use-temp-dirs';

const tmp = useTempDirs();

describe('writeFileAtomic', () => {
  it('writes 0600 in new 0700 folders and leaves no temp file behind', async () => {
    const dir = tmp();
    const file = path.join(dir, 'a', 'b', 'f.json');
    await writeFileAtomic(file, 'one');
    await writeFileAtomic(file, 'two');
    expect(fs.readFileSync(file, 'utf8')).toBe('two');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.join(dir, 'a')).mode & 0o777).toBe(0o700);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['f.json']);
  });

  it('tightens a file that was 0644 before to 0600', async () => {
    const file = path.join(tmp(), 'f');
    fs.writeFileSync(file, 'x', { mode: 0o644 });
    await writeFileAtomic(file, 'y');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('fails clearly when a folder is in the way, keeping the folder and no temp file', async () => {
    const dir = tmp();
    const file = path.join(dir, 'f');
    fs.mkdirSync(file);
    fs.writeFileSync(path.join(file, 'inside'), 'keep');
    await expect(writeFileAtomic(file, 'x')).rejects.toMatchObject({ code: 'CONFLICT', details: { path: file } });
    expect(fs.readdirSync(dir)).toEqual(['f']);
    expect(fs.readFileSync(path.join(file, 'inside'), 'utf8')).toBe('keep');
  });
});

describe('readParsedFile', () => {
  it('returns undefined for a missing file', async () => {
    expect(await readParsedFile(path.join(tmp(), 'none'), JSON.parse, { now: 0 })).toBeUndefined();
  });

  it('retries a parse failure once: a file completed between the two reads is read fine', async () => {
    const file = path.join(tmp(), 'f.json');
    fs.writeFileSync(file, '{"a":');
    setTimeout(() => fs.writeFileSync(file, '{"a":1}'), 10);
    const r = await readParsedFile(file, JSON.parse, { now: 0, retryDelayMs: 80 });
    expect(r?.value).toEqual({ a: 1 });
  });

  it('still says CORRUPT_FILE with the path when no copy can be kept, and leaves the file alone', async () => {
    const dir = tmp();
    const file = path.join(dir, 'f.json');
    fs.writeFileSync(file, 'garbage');
    const now = Date.UTC(2026, 0, 1);
    fs.mkdirSync(`${file}.corrupt-${new Date(now).toISOString().replace(/[:.]/g, '-')}`);
    const err = await readParsedFile(file, JSON.parse, { now, retryDelayMs: 1 }).catch((e) => e);
    expect(err).toMatchObject({ code: 'CORRUPT_FILE', details: { path: file } });
    expect(err.details.copy).toBeUndefined();
    expect(fs.readFileSync(file, 'utf8')).toBe('garbage');
  });

  it('never quotes the broken file in the error (it may hold a secret)', async () => {
    const dir = tmp();
    const file = path.join(dir, 'f.json');
    for (const content of ['SECRET-TOKEN-123', '{"profiles":{"a:b":{"type":"api_key","key":sk-ant-api03-SECRETSECRETSECRET}}}']) {
      fs.writeFileSync(file, content);
      const err = await readParsedFile(file, JSON.parse, { now: 0, retryDelayMs: 1 }).catch((e) => e);
      expect(err.code).toBe('CORRUPT_FILE');
      expect(err.details.reason).toMatch(/not valid JSON/);
      expect(JSON.stringify({ ...err.toShape(), log: err.message })).not.toMatch(/SECRET|sk-ant/);
    }
  });

  it('keeps one copy per distinct broken content', async () => {
    const dir = tmp();
    const file = path.join(dir, 'f.json');
    fs.writeFileSync(file, 'garbage');
    const a = await keepCorruptCopy(file, Date.UTC(2026, 0, 1));
    const b = await keepCorruptCopy(file, Date.UTC(2026, 0, 2));
    expect(b).toBe(a);
    fs.writeFileSync(file, 'other garbage');
    const c = await keepCorruptCopy(file, Date.UTC(2026, 0, 3));
    expect(c).not.toBe(a);
    expect(fs.readFileSync(c, 'utf8')).toBe('other garbage');
    expect(fs.statSync(c).mode & 0o777).toBe(0o600);
  });
});
