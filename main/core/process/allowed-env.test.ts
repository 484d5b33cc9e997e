import { describe, expect, it } from 'vitest';
import { absolutePathEntries, allowListedEnv, isAllowedEnvName, pathKey } from './allowed-env';

describe('allowListedEnv', () => {
  it('keeps paths, locale, proxy, CA and npm config variables; drops provider keys, app and OpenClaw variables and NODE_OPTIONS', () => {
    const env = allowListedEnv(
      {
        PATH: '/usr/bin',
        HOME: '/home/a',
        LANG: 'fr_FR.UTF-8',
        LC_TIME: 'de_DE',
        https_proxy: 'http://p:1',
        NODE_EXTRA_CA_CERTS: '/ca.pem',
        npm_config_cache: '/c',
        NPM_CONFIG_REGISTRY: 'https://r/',
        ANTHROPIC_API_KEY: 'sk-ant-x',
        OPENAI_API_KEY: 'sk-x',
        CLOUDFLARE_AI_GATEWAY_API_KEY: 'cf',
        OPENCLAW_STATE_DIR: '/s',
        CLAWTRAY_TRAY: '1',
        NODE_OPTIONS: '--require x',
        ELECTRON_RUN_AS_NODE: '1',
        GITHUB_TOKEN: 'ghp_x',
        UNSET: undefined,
      },
      'linux',
      { NO_COLOR: '1' },
    );
    expect(env).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/a',
      LANG: 'fr_FR.UTF-8',
      LC_TIME: 'de_DE',
      https_proxy: 'http://p:1',
      NODE_EXTRA_CA_CERTS: '/ca.pem',
      npm_config_cache: '/c',
      NPM_CONFIG_REGISTRY: 'https://r/',
      NO_COLOR: '1',
    });
  });

  it('drops relative and empty PATH entries', () => {
    expect(absolutePathEntries('/usr/bin::node_modules/.bin:.:/opt/x', 'linux')).toBe('/usr/bin:/opt/x');
    expect(absolutePathEntries('C:\\Windows;.\\bin;;\\\\server\\share;bin', 'win32')).toBe('C:\\Windows;\\\\server\\share');
    expect(allowListedEnv({ PATH: 'bin:/usr/bin' }, 'linux').PATH).toBe('/usr/bin');
  });

  it("matches names without case on Windows, where an extra PATH replaces the inherited Path", () => {
    expect(isAllowedEnvName('Path')).toBe(true);
    const env = allowListedEnv({ Path: 'C:\\Windows', SystemRoot: 'C:\\Windows', Anthropic_Api_Key: 'x' }, 'win32', { Path: 'C:\\node;C:\\Windows' });
    expect(env).toEqual({ Path: 'C:\\node;C:\\Windows', SystemRoot: 'C:\\Windows' });
    expect(pathKey({ Path: 'x' }, 'win32')).toBe('Path');
    expect(pathKey({ Path: 'x' }, 'linux')).toBe('PATH');
  });
});
