import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../clock';
import { drainCommand, gatewayArgs, gatewayEnv, killLeftovers, stopGateway } from './gateway-process';
import { isPidAlive } from '../process/pid';

describe('gateway launch', () => {
  const launch = { command: '/n/node', prefixArgs: ['/pkg/openclaw.mjs'], pathDir: '/n' };
  it('runs `gateway run` on the port, bound to loopback', () => {
    expect(gatewayArgs(launch, 19001)).toEqual(['/pkg/openclaw.mjs', 'gateway', 'run', '--port', '19001', '--bind', 'loopback']);
  });
  it('sets the supervised-child flags and the managed state dir, and puts the chosen Node first on PATH', () => {
    const env = gatewayEnv({ launch, env: { PATH: '/usr/bin', KEEP: 'x', NO_COLOR: '0' }, platform: 'linux', stateDir: '/s', configPath: '/s/openclaw.json' });
    expect(env).toEqual({
      PATH: '/n:/usr/bin',
      KEEP: 'x',
      OPENCLAW_NO_RESPAWN: '1',
      OPENCLAW_DISABLE_BONJOUR: '1',
      OPENCLAW_NO_AUTO_UPDATE: '1',
      OPENCLAW_EXEC_SHELL_SNAPSHOT: '0',
      NO_COLOR: '1',
      OPENCLAW_STATE_DIR: '/s',
      OPENCLAW_CONFIG_PATH: '/s/openclaw.json',
    });
  });
  it("keeps Windows' Path spelling", () => {
    const env = gatewayEnv({ launch: { ...launch, pathDir: 'C:\\node' }, env: { Path: 'C:\\Windows' }, platform: 'win32', stateDir: 'C:\\s', configPath: 'C:\\s\\c.json' });
    expect(env.Path).toBe('C:\\node;C:\\Windows');
    expect(env.PATH).toBeUndefined();
  });
});

describe.runIf(process.platform !== 'win32')('a gateway whose pid was reused by another program', () => {
  it('never signals the group that now owns the number, on stop or when killing leftovers', async () => {
    // Our gateway: already exited and reaped.
    const ours = spawn(process.execPath, ['-e', ''], { stdio: 'ignore', detached: true });
    const exit = await new Promise<{ code: number | null; signal: string | null }>((r) => ours.once('exit', (code, signal) => r({ code, signal })));
    // Another program now holds the number (simulated: a group leader we record under our gateway's pid).
    const other = spawn('sleep', ['30'], { stdio: 'ignore', detached: true });
    const otherGone = new Promise((r) => other.once('exit', r));
    try {
      const p = { child: ours, pid: other.pid!, exited: Promise.resolve(exit), stderrEnded: Promise.resolve(), done: true };
      killLeftovers(p, 'linux');
      await stopGateway(p, { platform: 'linux', clock: systemClock, graceMs: 200, note: () => undefined });
      await new Promise((r) => setTimeout(r, 100));
      expect(isPidAlive(other.pid!)).toBe(true);
    } finally {
      other.kill('SIGKILL');
      await otherGone;
    }
  });
});

describe('drainCommand', () => {
  it('uses cat on POSIX and the gateway\'s own Node on Windows, never the app\'s executable', () => {
    expect(drainCommand('linux', undefined)?.command).toBe('/bin/sh');
    const win = drainCommand('win32', 'C:\\node\\node.exe');
    expect(win?.command).toBe('C:\\node\\node.exe');
    expect(win?.command).not.toBe(process.execPath);
    expect(drainCommand('win32', undefined)).toBeNull();
  });
});
