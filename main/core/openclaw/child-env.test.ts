import { describe, expect, it } from 'vitest';
import { openclawChildEnv } from './child-env';

describe('openclawChildEnv', () => {
  const launch = { pathDir: '/n' };
  it('sets the supervised-child flags and the managed state dir, and puts the chosen Node first on PATH', () => {
    const env = openclawChildEnv({ launch, env: { PATH: '/usr/bin', ANTHROPIC_API_KEY: 'k', CLAWTRAY_DATA: 'x', NO_COLOR: '0' }, platform: 'linux', stateDir: '/s', configPath: '/s/openclaw.json' });
    expect(env).toEqual({
      PATH: '/n:/usr/bin',
      ANTHROPIC_API_KEY: 'k',
      OPENCLAW_NO_RESPAWN: '1',
      OPENCLAW_DISABLE_BONJOUR: '1',
      OPENCLAW_NO_AUTO_UPDATE: '1',
      OPENCLAW_EXEC_SHELL_SNAPSHOT: '0',
      NO_COLOR: '1',
      OPENCLAW_STATE_DIR: '/s',
      OPENCLAW_CONFIG_PATH: '/s/openclaw.json',
    });
  });
  it('names the gateway port for CLI runs, overriding one inherited from the environment', () => {
    const env = openclawChildEnv({ launch: {}, env: { PATH: '/usr/bin', OPENCLAW_GATEWAY_PORT: '1234', OPENCLAW_STATE_DIR: '/elsewhere' }, platform: 'linux', stateDir: '/s', configPath: '/c.json', port: 19001 });
    expect(env).toMatchObject({ PATH: '/usr/bin', OPENCLAW_GATEWAY_PORT: '19001', OPENCLAW_STATE_DIR: '/s', OPENCLAW_CONFIG_PATH: '/c.json' });
  });
  it("keeps Windows' Path spelling", () => {
    const env = openclawChildEnv({ launch: { pathDir: 'C:\\node' }, env: { Path: 'C:\\Windows' }, platform: 'win32', stateDir: 'C:\\s', configPath: 'C:\\s\\c.json' });
    expect(env.Path).toBe('C:\\node;C:\\Windows');
    expect(env.PATH).toBeUndefined();
  });
});
