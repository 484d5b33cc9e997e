import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../clock';
import { isPidAlive, parseProcStat, processStartTime, readProcStat } from './pid';
import { waitUntil } from './process-tree';
import { makeTempDir } from '../../testing/test-support';

describe('parseProcStat', () => {
  it('reads pid, state, ppid, group and start time even when the command has spaces and parentheses', () => {
    const fields = ['S', '1000', '1234', '1234', '0', '-1', '4194560', '1', '0', '0', '0', '5', '2', '0', '0', '20', '0', '1', '0', '987654', '1000'];
    expect(parseProcStat(`1234 (node (worker) x) ${fields.join(' ')}\n`)).toEqual({ pid: 1234, ppid: 1000, pgrp: 1234, state: 'S', starttime: 987654 });
    expect(parseProcStat('1234 (short) S 1 1234 1234')).toEqual({ pid: 1234, ppid: 1, pgrp: 1234, state: 'S', starttime: null });
    const full = '77 (openclaw-gatewa) S 1 77 77 0 -1 4194560 1 0 0 0 5 3 0 0 20 0 11 0 123456 1000 20 18446744073709551615';
    expect(parseProcStat(full)?.starttime).toBe(123456);
    expect(parseProcStat('garbage')).toBeUndefined();
  });
});

describe('isPidAlive', () => {
  it('is true for this process and false for impossible or unused numbers', () => {
    expect(isPidAlive(process.pid)).toBe(true);
    expect(isPidAlive(0)).toBe(false);
    expect(isPidAlive(-1)).toBe(false);
    expect(isPidAlive(1.5)).toBe(false);
    expect(isPidAlive(2 ** 22 + 12345)).toBe(false);
  });

  it.runIf(process.platform === 'linux')('counts an unreaped zombie as gone, unless asked whether its number is still taken', async () => {
    // A shell starts a child that waits for a file, then becomes `sleep`, which never reaps: once the file exists
    // the child exits and stays a zombie.
    const tmp = makeTempDir('clawtray-zombie-');
    const go = path.join(tmp.dir, 'go');
    const parent = spawn('/bin/sh', ['-c', `(while [ ! -e '${go}' ]; do sleep 0.01; done) & echo $!; exec sleep 30`], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      const zombie = Number(await new Promise<string>((r) => parent.stdout.once('data', (d: Buffer) => r(d.toString().trim()))));
      const comm = () => fs.readFileSync(`/proc/${parent.pid}/comm`, 'utf8').trim();
      expect(await waitUntil(systemClock, () => comm() !== 'sleep', 5000)).toBe(true);
      expect(isPidAlive(zombie)).toBe(true);
      fs.writeFileSync(go, '');
      expect(await waitUntil(systemClock, () => readProcStat(zombie)?.state !== 'Z', 5000)).toBe(true);
      expect(isPidAlive(zombie)).toBe(false);
      expect(isPidAlive(zombie, { zombieIsAlive: true })).toBe(true);
      expect(isPidAlive(parent.pid!)).toBe(true);
    } finally {
      parent.kill('SIGKILL');
      tmp.cleanup();
    }
  });

  it.runIf(process.platform === 'linux')('knows when a process started, which tells a reused pid from the original', () => {
    const mine = processStartTime(process.pid);
    expect(mine).toBeGreaterThan(0);
    expect(processStartTime(process.pid)).toBe(mine);
    expect(processStartTime(2 ** 22 + 12345)).toBeNull();
  });
});
