import { describe, expect, it } from 'vitest';
import { CRASH_WINDOW_MS } from './backoff';
import { EXIT_CONFIG, initialMachine, transition, type Machine, type MachineEvent } from './gateway-machine';

const T0 = 1_800_000_000_000;
const installation = { openclawPath: '/x/openclaw', nodePath: '/x/node', version: '2026.5.28', source: 'settings' as const, searched: ['/x/openclaw'] };

function run(events: MachineEvent[], m: Machine = initialMachine(18789)): Machine {
  return events.reduce(transition, m);
}
const exit = (at: number, code: number | null = 1, signal: string | null = null, lastStderr: string[] = []): MachineEvent => ({
  type: 'exited',
  code,
  signal,
  at,
  lastStderr,
});

describe('gateway machine', () => {
  it('goes stopped -> starting -> running -> ready -> stopping -> stopped', () => {
    const statuses: string[] = [];
    let m = initialMachine(18789);
    for (const e of [{ type: 'spawned', pid: 42, at: T0 }, { type: 'live' }, { type: 'ready' }, { type: 'stopping' }, exit(T0 + 5, 0)] as MachineEvent[]) {
      m = transition(m, e);
      statuses.push(m.state.status);
    }
    expect(statuses).toEqual(['starting', 'running', 'ready', 'stopping', 'stopped']);
    expect(m.state).toEqual({ status: 'stopped', port: 18789, owned: false });
  });

  it('marks a started child as owned with its pid and start time', () => {
    const m = run([{ type: 'spawned', pid: 42, at: T0 }]);
    expect(m.state).toMatchObject({ status: 'starting', owned: true, pid: 42, startedAt: T0 });
  });

  it('can become ready straight from starting, and degrades and recovers', () => {
    let m = run([{ type: 'spawned', pid: 1, at: T0 }, { type: 'ready' }]);
    expect(m.state.status).toBe('ready');
    m = transition(m, { type: 'unready' });
    expect(m.state).toMatchObject({ status: 'running', degraded: true });
    m = transition(m, { type: 'ready' });
    expect(m.state).toMatchObject({ status: 'ready', degraded: false });
  });

  it('ignores probe results that arrive when no child is up', () => {
    const m = initialMachine(18789);
    expect(transition(m, { type: 'live' })).toBe(m);
    expect(transition(m, { type: 'ready' })).toBe(m);
    expect(transition(m, exit(T0))).toBe(m);
    expect(transition(m, { type: 'stopping' })).toBe(m);
  });

  it('crashes with restart delays 1, 2, 4, 8 s and fails as a crash loop at the fifth crash in 3 minutes', () => {
    let m = initialMachine(18789);
    let t = T0;
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      m = run([{ type: 'spawned', pid: 10 + i, at: t }, { type: 'live' }, exit(t + 100, 1)], m);
      expect(m.state.status).toBe('crashed');
      expect(m.state.pid).toBeUndefined();
      delays.push(m.state.restartAt! - (t + 100));
      t = m.state.restartAt!;
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000]);
    expect(m.state.crashCount).toBe(4);
    m = run([{ type: 'spawned', pid: 99, at: t }, exit(t + 100, null, 'SIGKILL', ['last words'])], m);
    expect(m.state).toMatchObject({ status: 'failed', reason: 'crash-loop', crashCount: 5, lastStderr: ['last words'] });
    expect(m.state.message).toMatch(/5 times within 3 minutes.*SIGKILL/);
    expect(m.state.detail).toEqual({ key: 'gateway.detail.crashLoopSignal', params: { count: 5, signal: 'SIGKILL' } });
    expect(m.state.restartAt).toBeUndefined();
  });

  it('does not call spread-out crashes a loop, and keeps backing off up to 30 s', () => {
    let m = initialMachine(18789);
    let t = T0;
    for (let i = 0; i < 7; i++) {
      m = run([{ type: 'spawned', pid: i + 1, at: t }, exit(t + 50_000)], m);
      t = t + 60_000;
    }
    expect(m.state.status).toBe('crashed');
    expect(m.state.restartAt! - (t - 60_000 + 50_000)).toBe(30_000);
  });

  it('starts backoff over after a run longer than the crash window', () => {
    let m = run([{ type: 'spawned', pid: 1, at: T0 }, exit(T0 + 10), { type: 'spawned', pid: 2, at: T0 + 2000 }, exit(T0 + 2010)]);
    expect(m.state.crashCount).toBe(2);
    m = run([{ type: 'spawned', pid: 3, at: T0 + 5000 }, exit(T0 + 5000 + CRASH_WINDOW_MS)], m);
    expect(m.state.crashCount).toBe(1);
    expect(m.state.restartAt).toBe(T0 + 5000 + CRASH_WINDOW_MS + 1000);
  });

  it('treats exit 78 as a configuration failure with the last stderr lines, not a crash', () => {
    const m = run([{ type: 'spawned', pid: 1, at: T0 }, exit(T0 + 10, EXIT_CONFIG, null, ['Invalid config', 'gateway.mode'])]);
    expect(m.state).toMatchObject({ status: 'failed', reason: 'config', lastStderr: ['Invalid config', 'gateway.mode'], owned: false });
    expect(m.crashTimes).toEqual([]);
  });

  it('a user start clears the crash history', () => {
    let m = run([{ type: 'spawned', pid: 1, at: T0 }, exit(T0 + 10), { type: 'spawned', pid: 2, at: T0 + 2000 }, exit(T0 + 2010)]);
    m = run([{ type: 'user-start' }, { type: 'spawned', pid: 3, at: T0 + 3000 }, exit(T0 + 3010)], m);
    expect(m.state.crashCount).toBe(1);
    expect(m.crashTimes).toEqual([T0 + 3010]);
  });

  it('an exit during stopping is a clean stop, whatever the code', () => {
    const m = run([{ type: 'spawned', pid: 1, at: T0 }, { type: 'stopping' }, exit(T0 + 10, null, 'SIGKILL')]);
    expect(m.state.status).toBe('stopped');
    expect(m.crashTimes).toEqual([]);
  });

  it('attaches to an external gateway without owning it, and drops it when it goes away', () => {
    let m = run([{ type: 'external', version: '2026.5.28' }]);
    expect(m.state).toMatchObject({ status: 'external', owned: false, version: '2026.5.28' });
    expect(transition(m, { type: 'stopping' })).toBe(m);
    expect(transition(m, { type: 'stopped' })).toBe(m);
    m = transition(m, { type: 'external-gone' });
    expect(m.state.status).toBe('stopped');
  });

  it('reports port-in-use with the holder and a way out', () => {
    const m = run([{ type: 'port-in-use', holder: { pid: 777, command: 'python3 -m http.server' } }]);
    expect(m.state).toMatchObject({ status: 'failed', reason: 'port-in-use', portHolder: { pid: 777, command: 'python3 -m http.server' } });
    expect(m.state.message).toBe('Port 18789 is used by python3 -m http.server (pid 777), which is not an OpenClaw gateway.');
    expect(m.state.detail).toEqual({ key: 'gateway.detail.portHeldBy', params: { port: 18789, who: 'python3 -m http.server (pid 777)' } });
    expect(run([{ type: 'port-in-use' }]).state.detail).toEqual({ key: 'gateway.detail.portHeld', params: { port: 18789 } });
  });

  it('reports not-installed with what was searched, and becomes stopped once located', () => {
    let m = run([{ type: 'not-installed', installation: { ...installation, openclawPath: null, version: null, source: null } }]);
    expect(m.state).toMatchObject({ status: 'not-installed', installation: { searched: ['/x/openclaw'] } });
    m = transition(m, { type: 'located', installation, version: '2026.5.28' });
    expect(m.state).toMatchObject({ status: 'stopped', version: '2026.5.28', installation });
  });

  it('reports a missing Node and spawn errors as failures', () => {
    expect(run([{ type: 'node-missing', installation, nodeRange: '>=22.19' }]).state).toMatchObject({
      status: 'failed',
      reason: 'node-missing',
      message: 'OpenClaw 2026.5.28 needs Node.js >=22.19, and no such Node.js was found.',
      detail: { key: 'gateway.detail.nodeMissing', params: { version: '2026.5.28', range: '>=22.19' } },
    });
    expect(run([{ type: 'spawn-error', said: 'EACCES' }]).state).toMatchObject({ status: 'failed', reason: 'spawn-error', message: 'OpenClaw could not be run: EACCES', detail: { key: 'gateway.detail.spawnFailed', params: { said: 'EACCES' } } });
  });

  it('a stop while crashed or failed settles on stopped', () => {
    const crashed = run([{ type: 'spawned', pid: 1, at: T0 }, exit(T0 + 10)]);
    expect(transition(crashed, { type: 'stopped' }).state).toEqual({ status: 'stopped', port: 18789, owned: false });
  });

  it('does not let a late not-installed or external report hide a live child', () => {
    const m = run([{ type: 'spawned', pid: 1, at: T0 }]);
    expect(transition(m, { type: 'external' })).toBe(m);
    expect(transition(m, { type: 'not-installed', installation })).toBe(m);
    expect(transition(m, { type: 'port-in-use' })).toBe(m);
  });

  it("treats OpenClaw's Invalid config report as a config failure at the first exit, whatever the code (2026.5.28 exits 1)", () => {
    const config = { file: '/s/openclaw.json', issues: [{ path: 'agents.defaults.model', message: 'Invalid input' }] };
    const m = run([{ type: 'spawned', pid: 1, at: T0 }, { type: 'exited', code: 1, signal: null, at: T0 + 10, lastStderr: [], config }]);
    expect(m.state).toMatchObject({ status: 'failed', reason: 'config', configIssues: config.issues, configFile: '/s/openclaw.json' });
    expect(m.state.restartAt).toBeUndefined();
    expect(m.crashTimes).toEqual([]);
    const unread = run([{ type: 'config-invalid', report: { file: '/s/openclaw.json', issues: [{ path: '(file)', message: 'invalid character' }] } }]);
    expect(unread.state).toMatchObject({ status: 'failed', reason: 'config', configIssues: [{ path: '(file)', message: 'invalid character' }] });
  });

  it('suggests the next free port with port-in-use, and a changed port clears that failure (no stale "port N is held")', () => {
    let m = run([{ type: 'port-in-use', holder: { pid: 777, command: 'nc -l' }, suggestedPort: 18790 }]);
    expect(m.state).toMatchObject({ status: 'failed', reason: 'port-in-use', suggestedPort: 18790 });
    expect(transition(m, { type: 'port', port: 18789 }).state).toMatchObject({ status: 'failed', reason: 'port-in-use' });
    m = transition(m, { type: 'port', port: 18790 });
    expect(m.state).toEqual({ status: 'stopped', port: 18790, owned: false });
    const config = run([{ type: 'spawned', pid: 1, at: T0 }, exit(T0 + 10, EXIT_CONFIG)]);
    expect(transition(config, { type: 'port', port: 18790 }).state).toMatchObject({ status: 'failed', reason: 'config', port: 18790 });
  });
});
