import { spawn, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../clock';
import { descendants, isGroupAlive, isOwnGroupAlive, signalGroup, signalOwnGroup, waitUntil } from './process-tree';
import { isPidAlive } from './pid';

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
    expect([pid, ...kids].filter((p) => isPidAlive(p))).toEqual([]);
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
    expect(isPidAlive(pid)).toBe(true);
    expect(isOwnGroupAlive(pid, false)).toBe(true);
    expect(signalOwnGroup(pid, false, 'SIGKILL')).toBe(true);
    await gone;
  });
});

describe('waitUntil', () => {
  it('holds the process open while it waits, though the system clock unrefs its timers (a quit waiting on a kill must not exit first)', () => {
    const here = JSON.stringify(__dirname);
    const script = `
      const tree = await import(${here} + '/process-tree.ts');
      const clock = await import(${here} + '/../clock.ts');
      const { waitUntil } = tree.default ?? tree;
      const { systemClock } = clock.default ?? clock;
      const until = Date.now() + 300;
      const gone = await waitUntil(systemClock, () => Date.now() < until, 5000);
      console.log('waited', gone);
    `;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('waited true');
  });
});
