import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../clock';
import { descendants, isAlive, isGroupAlive, isOwnGroupAlive, parseProcStat, signalGroup, signalOwnGroup, waitUntil } from './process-tree';

describe('parseProcStat', () => {
  it('reads pid, state, ppid and group even when the command has spaces and parentheses', () => {
    expect(parseProcStat('1234 (node (worker) x) S 1000 1234 1234 0 -1 4194560 ...')).toEqual({ pid: 1234, ppid: 1000, pgrp: 1234, state: 'S', starttime: null });
    const full = '77 (openclaw-gatewa) S 1 77 77 0 -1 4194560 1 0 0 0 5 3 0 0 20 0 11 0 123456 1000 20 18446744073709551615';
    expect(parseProcStat(full)?.starttime).toBe(123456);
    expect(parseProcStat('garbage')).toBeUndefined();
  });
});

describe.runIf(process.platform !== 'win32')('process groups', () => {
  it('signals a whole detached group, children included, and sees it gone', async () => {
    const child = spawn(process.execPath, ['-e', "require('child_process').spawn(process.execPath,['-e','setInterval(()=>{},1000)'],{stdio:'ignore'});setInterval(()=>{},1000)"], {
      detached: true,
      stdio: 'ignore',
    });
    const pid = child.pid!;
    const exited = new Promise((r) => child.once('exit', r));
    await waitUntil(systemClock, () => process.platform === 'linux' && descendants(pid).length === 0, 5000);
    const kids = descendants(pid);
    if (process.platform === 'linux') expect(kids).toHaveLength(1);
    expect(isGroupAlive(pid)).toBe(true);
    expect(signalGroup(pid, 'SIGTERM')).toBe(true);
    expect(await waitUntil(systemClock, () => isGroupAlive(pid), 5000)).toBe(true);
    expect([pid, ...kids].filter(isAlive)).toEqual([]);
    await exited;
    await waitUntil(systemClock, () => signalGroup(pid, 0 as unknown as NodeJS.Signals), 2000);
    expect(signalGroup(pid, 'SIGTERM')).toBe(false);
  });
});

describe.runIf(process.platform !== 'win32')('groups the app created', () => {
  it('are signalled while their leader is unreaped, never once another program holds the number', async () => {
    const other = spawn('sleep', ['30'], { stdio: 'ignore', detached: true });
    const gone = new Promise((r) => other.once('exit', r));
    const pid = other.pid!;
    expect(isOwnGroupAlive(pid, true)).toBe(false);
    expect(signalOwnGroup(pid, true, 'SIGKILL')).toBe(false);
    expect(isAlive(pid)).toBe(true);
    expect(isOwnGroupAlive(pid, false)).toBe(true);
    expect(signalOwnGroup(pid, false, 'SIGKILL')).toBe(true);
    await gone;
  });
});
