import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { absolutePathValue, allowedInChild, childEnv, type ChildKind } from './child-env';

const APP_ENV = {
  PATH: '/usr/local/bin::.:node_modules/.bin:/usr/bin',
  HOME: '/home/u',
  LANG: 'fr_FR.UTF-8',
  LC_ALL: 'fr_FR.UTF-8',
  TMPDIR: '/tmp/u',
  HTTPS_PROXY: 'http://proxy:3128',
  no_proxy: 'localhost',
  NODE_EXTRA_CA_CERTS: '/etc/corp.pem',
  XDG_RUNTIME_DIR: '/run/user/1000',
  OPENCLAW_PROFILE: 'work',
  ANTHROPIC_API_KEY: 'sk-ant-api03-provider',
  OPENCLAW_LIVE_OPENROUTER_KEYS: 'a,b',
  TELEGRAM_BOT_TOKEN: '123:abc',
  npm_config_registry: 'https://registry.example',
  NPM_CONFIG_CAFILE: '/etc/corp.pem',
  CLAWTRAY_WEB_TOKEN: 'app-secret',
  CLAWTRAY_API_KEY: 'app-key',
  ELECTRON_RUN_AS_NODE: '1',
  NODE_OPTIONS: '--require /tmp/evil.js',
  npm_lifecycle_event: 'start',
  MY_APP_DB_PASSWORD: 'hunter2',
  GITHUB_TOKEN: 'ghp_x',
};

describe('childEnv', () => {
  it('OpenClaw gets the basics, its OPENCLAW_* settings and the provider credentials it reads; never the app\'s own variables', () => {
    const kept = ['HOME', 'LANG', 'LC_ALL', 'TMPDIR', 'HTTPS_PROXY', 'no_proxy', 'NODE_EXTRA_CA_CERTS', 'XDG_RUNTIME_DIR', 'OPENCLAW_PROFILE', 'ANTHROPIC_API_KEY', 'OPENCLAW_LIVE_OPENROUTER_KEYS', 'TELEGRAM_BOT_TOKEN'] as const;
    expect(childEnv('openclaw', APP_ENV, { platform: 'linux' })).toEqual({ PATH: '/usr/local/bin:/usr/bin', ...Object.fromEntries(kept.map((k) => [k, APP_ENV[k]])) });
  });

  it('npm gets its npm_config_* settings and never a provider key', () => {
    const env = childEnv('npm', APP_ENV, { platform: 'linux' });
    expect(env).toMatchObject({ npm_config_registry: 'https://registry.example', NPM_CONFIG_CAFILE: '/etc/corp.pem', HTTPS_PROXY: 'http://proxy:3128', PATH: '/usr/local/bin:/usr/bin' });
    for (const name of ['ANTHROPIC_API_KEY', 'OPENCLAW_LIVE_OPENROUTER_KEYS', 'TELEGRAM_BOT_TOKEN', 'GITHUB_TOKEN', 'CLAWTRAY_WEB_TOKEN', 'NODE_OPTIONS', 'npm_lifecycle_event', 'OPENCLAW_PROFILE']) {
      expect(env, name).not.toHaveProperty(name);
    }
  });

  it('a helper (login shell, --version probe, ps) gets the basics only', () => {
    expect(Object.keys(childEnv('helper', APP_ENV, { platform: 'linux' })).sort()).toEqual(
      ['HOME', 'HTTPS_PROXY', 'LANG', 'LC_ALL', 'NODE_EXTRA_CA_CERTS', 'PATH', 'TMPDIR', 'XDG_RUNTIME_DIR', 'no_proxy'].sort(),
    );
  });

  it('on Windows: names match whatever their case, the system variables pass, relative PATH entries are dropped', () => {
    const env = childEnv('openclaw', { Path: 'C:\\Windows\\system32;.;tools;;C:relative;\\\\server\\share\\bin', SystemRoot: 'C:\\Windows', ComSpec: 'C:\\Windows\\system32\\cmd.exe', PATHEXT: '.COM;.EXE', USERPROFILE: 'C:\\Users\\John Doe', ClawTray_X: 'y', Anthropic_Api_Key: 'k' }, { platform: 'win32' });
    expect(env).toEqual({
      Path: 'C:\\Windows\\system32;\\\\server\\share\\bin',
      SystemRoot: 'C:\\Windows',
      ComSpec: 'C:\\Windows\\system32\\cmd.exe',
      PATHEXT: '.COM;.EXE',
      USERPROFILE: 'C:\\Users\\John Doe',
      Anthropic_Api_Key: 'k',
    });
  });

  it('passes extra names only when asked (test fakes)', () => {
    expect(childEnv('openclaw', { FAKE_GATEWAY_MODE: 'crash' }, { platform: 'linux' })).toEqual({});
    expect(childEnv('openclaw', { FAKE_GATEWAY_MODE: 'crash', CLAWTRAY_X: 'y' }, { platform: 'linux', passthrough: () => true })).toEqual({ FAKE_GATEWAY_MODE: 'crash' });
  });

  it('property: no child ever gets an app (CLAWTRAY_*/ELECTRON_*) variable, and npm never a provider credential', () => {
    const word = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_'), minLength: 1, maxLength: 20 });
    const kind = fc.constantFrom<ChildKind>('helper', 'openclaw', 'npm');
    fc.assert(
      fc.property(kind, word, fc.constantFrom('CLAWTRAY_', 'ELECTRON_', 'clawtray_'), (k, rest, prefix) => {
        expect(allowedInChild(k, `${prefix}${rest}`, { platform: 'linux' })).toBe(false);
        expect(allowedInChild(k, `${prefix}${rest}`, { platform: 'win32' })).toBe(false);
      }),
    );
    fc.assert(
      fc.property(word, fc.constantFrom('_API_KEY', '_API_KEYS', '_BOT_TOKEN', '_OAUTH_TOKEN', '_ACCESS_TOKEN', '_TOKEN', '_SECRET', '_PASSWORD'), (name, suffix) => {
        expect(allowedInChild('npm', `${name}${suffix}`, { platform: 'linux' })).toBe(false);
        expect(allowedInChild('helper', `${name}${suffix}`, { platform: 'linux' })).toBe(false);
      }),
    );
  });
});

describe('absolutePathValue', () => {
  it('keeps absolute directories only, in order', () => {
    expect(absolutePathValue('/a::.:b/c:/d:./e', 'linux')).toBe('/a:/d');
    expect(absolutePathValue('', 'linux')).toBe('');
    expect(absolutePathValue(undefined, 'linux')).toBeUndefined();
  });
});
