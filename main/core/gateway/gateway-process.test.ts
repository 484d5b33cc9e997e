import { describe, expect, it } from 'vitest';
import { gatewayArgs, gatewayEnv } from './gateway-process';

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
