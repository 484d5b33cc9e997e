import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../clock';
import { drainCommand, gatewayArgs, killLeftovers, launchGateway, stopGateway } from './gateway-process';
import { isPidAlive } from '../process/pid';

describe('gateway launch', () => {
  const launch = { command: '/n/node', prefixArgs: ['/pkg/openclaw.mjs'], pathDir: '/n' };
  it('runs `gateway run` on the port, bound to loopback', () => {
    expect(gatewayArgs(launch, 19001)).toEqual(['/pkg/openclaw.mjs', 'gateway', 'run', '--port', '19001', '--bind', 'loopback']);
  });
});

describe.runIf(process.platform !== 'win32')('the gateway child environment', () => {
  it('is the allow-listed one: OpenClaw settings and provider keys pass, the app\'s variables never, PATH absolute only', async () => {
    const script = 'console.log(JSON.stringify({ names: Object.keys(process.env).sort(), path: process.env.PATH }))';
    let out = '';
    const p = await launchGateway({
      launch: { command: process.execPath, prefixArgs: ['-e', script] },
      port: 19001,
      platform: 'linux',
      env: { PATH: '/usr/bin:node_modules/.bin:/bin', HOME: '/h', ANTHROPIC_API_KEY: 'k', TELEGRAM_BOT_TOKEN: 't', CLAWTRAY_DATA_DIR: '/d', ELECTRON_RUN_AS_NODE: '1', SESSION_COOKIE: 'c' },
      stateDir: process.cwd(),
      configPath: '/s/openclaw.json',
      onOutput: (_s, chunk) => (out += chunk),
    });
    if ('error' in p) throw new Error(p.error);
    const stdout = p.child.stdout!;
    if (!stdout.readableEnded) await new Promise((r) => stdout.once('end', r));
    await p.exited;
    const seen = JSON.parse(out) as { names: string[]; path: string };
    expect(seen.names).toEqual(expect.arrayContaining(['ANTHROPIC_API_KEY', 'TELEGRAM_BOT_TOKEN', 'HOME', 'OPENCLAW_STATE_DIR', 'OPENCLAW_NO_RESPAWN']));
    for (const name of ['CLAWTRAY_DATA_DIR', 'ELECTRON_RUN_AS_NODE', 'SESSION_COOKIE']) expect(seen.names).not.toContain(name);
    expect(seen.path).toBe('/usr/bin:/bin');
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
      const p = { child: ours, pid: other.pid!, exited: Promise.resolve(exit), outputEnded: Promise.resolve(), done: true };
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
