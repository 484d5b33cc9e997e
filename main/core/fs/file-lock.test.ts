import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { isLockStale, lockPathFor, withFileLock, type ProcessProbe } from './file-lock';
import { startChild } from '../../testing/test-child';
import { useTempDirs } from '../../testing/use-temp-dirs';

const tmp = useTempDirs();
/** A live process of our own, stopped after the test. */
function liveProcess(): number {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  onTestFinished(() => void child.kill('SIGKILL'));
  return child.pid!;
}
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout as unknown as number;
}
const writeLock = (file: string, payload: unknown) => fs.writeFileSync(lockPathFor(file), typeof payload === 'string' ? payload : JSON.stringify(payload));

describe('withFileLock', () => {
  it('holds <file>.lock with OpenClaw\'s {pid, createdAt} while running and removes it after, even on error', async () => {
    const file = path.join(tmp(), 'auth-profiles.json');
    let seen: Record<string, unknown> = {};
    await withFileLock(file, async () => {
      seen = JSON.parse(fs.readFileSync(lockPathFor(file), 'utf8'));
    });
    expect(seen.pid).toBe(process.pid);
    expect(Date.parse(seen.createdAt as string)).toBeGreaterThan(Date.now() - 10_000);
    expect(fs.existsSync(lockPathFor(file))).toBe(false);
    await expect(withFileLock(file, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(fs.existsSync(lockPathFor(file))).toBe(false);
  });

  it('waits for a lock held by a live process, then gives up with LOCKED naming the holder', async () => {
    const file = path.join(tmp(), 'f.json');
    const pid = liveProcess();
    writeLock(file, { pid, createdAt: new Date().toISOString() });
    const started = Date.now();
    const err = await withFileLock(file, async () => 'ran', { timeoutMs: 400 }).catch((e) => e);
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
    expect(err).toMatchObject({ code: 'LOCKED', details: { pid: String(pid), lock: lockPathFor(file) } });
    expect(JSON.parse(fs.readFileSync(lockPathFor(file), 'utf8')).pid).toBe(pid);
  });

  it('gets the lock once another process releases it', async () => {
    const file = path.join(tmp(), 'f.json');
    const holder = startChild(['hold-lock', file, '300']);
    onTestFinished(() => void holder.proc.kill('SIGKILL'));
    await holder.waitFor((l) => l.locked === true);
    const result = await withFileLock(file, async () => 'mine', { timeoutMs: 10_000 });
    expect(result).toBe('mine');
    expect(holder.lines).toContainEqual({ released: true });
  });

  it('takes over stale locks: dead pid, older than 30 s, empty and left for seconds', async () => {
    const file = path.join(tmp(), 'f.json');
    const stale = [
      { pid: Number(deadPid()), createdAt: new Date().toISOString() },
      { pid: liveProcess(), createdAt: new Date(Date.now() - 31_000).toISOString() },
      'garbage',
    ];
    for (const payload of stale) {
      writeLock(file, payload);
      if (payload === 'garbage') fs.utimesSync(lockPathFor(file), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
      expect(await withFileLock(file, async () => 'ok', { timeoutMs: 2_000 })).toBe('ok');
      expect(fs.existsSync(lockPathFor(file))).toBe(false);
    }
  });

  it('fails with CONFLICT naming the lock path when a folder stands where the lock goes (never spins)', async () => {
    const file = path.join(tmp(), 'f.json');
    fs.mkdirSync(lockPathFor(file));
    const err = await withFileLock(file, async () => 'ran', { timeoutMs: 300 }).catch((e) => e);
    expect(err).toMatchObject({ code: 'CONFLICT', details: { path: lockPathFor(file) } });
  });

  it('serialises tasks of one process without losing updates', async () => {
    const file = path.join(tmp(), 'n.txt');
    fs.writeFileSync(file, '0');
    await Promise.all(
      Array.from({ length: 30 }, () =>
        withFileLock(file, async () => {
          const n = Number(fs.readFileSync(file, 'utf8'));
          await new Promise((r) => setTimeout(r, 1));
          fs.writeFileSync(file, String(n + 1));
        }),
      ),
    );
    expect(fs.readFileSync(file, 'utf8')).toBe('30');
  });
});

describe('isLockStale (pure)', () => {
  const probe = (alive: boolean, start: number | null = null): ProcessProbe => ({ isAlive: () => alive, startTime: () => start });
  const snap = (payload: Record<string, unknown> | null, mtimeMs = 0) => ({ raw: '', payload, mtimeMs, ino: 1 });
  const now = Date.parse('2026-05-01T00:00:30Z');

  it('follows the protocol: dead pid, reused pid, age over 30 s by createdAt or mtime', () => {
    const fresh = new Date(now - 1_000).toISOString();
    expect(isLockStale(snap({ pid: 5, createdAt: fresh }), now, 30_000, probe(true))).toBe(false);
    expect(isLockStale(snap({ pid: 5, createdAt: fresh }), now, 30_000, probe(false))).toBe(true);
    expect(isLockStale(snap({ pid: 5, createdAt: fresh, starttime: 10 }), now, 30_000, probe(true, 11))).toBe(true);
    expect(isLockStale(snap({ pid: 5, createdAt: fresh, starttime: 10 }), now, 30_000, probe(true, 10))).toBe(false);
    expect(isLockStale(snap({ pid: 5, createdAt: new Date(now - 30_001).toISOString() }), now, 30_000, probe(true))).toBe(true);
    expect(isLockStale(snap({ createdAt: fresh }), now, 30_000, probe(true))).toBe(false);
    expect(isLockStale(snap(null, now - 1_000), now, 30_000, probe(true))).toBe(false);
    expect(isLockStale(snap(null, now - 2_500), now, 30_000, probe(true))).toBe(true);
  });
});
