import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentDir, resolveOpenClawPaths } from './paths';

const home = path.resolve('/home/u');
const resolve = (env: Record<string, string>, stateDirOverride?: string) => resolveOpenClawPaths({ env, homeDir: home, stateDirOverride });

describe('OpenClaw paths (as OpenClaw 2026.5 resolves them)', () => {
  it('defaults to ~/.openclaw, with OPENCLAW_HOME replacing $HOME', () => {
    expect(resolve({})).toEqual({
      stateDir: path.join(home, '.openclaw'),
      configPath: path.join(home, '.openclaw', 'openclaw.json'),
      envPath: path.join(home, '.openclaw', '.env'),
      agentsDir: path.join(home, '.openclaw', 'agents'),
    });
    expect(resolve({ OPENCLAW_HOME: '/srv/oc' }).stateDir).toBe(path.resolve('/srv/oc/.openclaw'));
    expect(resolve({ OPENCLAW_HOME: '~/alt' }).stateDir).toBe(path.join(home, 'alt', '.openclaw'));
  });

  it('honours OPENCLAW_STATE_DIR and OPENCLAW_CONFIG_PATH, expanding ~ against OPENCLAW_HOME', () => {
    const p = resolve({ OPENCLAW_HOME: '/srv/oc', OPENCLAW_STATE_DIR: '~/state', OPENCLAW_CONFIG_PATH: ' /etc/oc.json ' });
    expect(p.stateDir).toBe(path.resolve('/srv/oc/state'));
    expect(p.configPath).toBe(path.resolve('/etc/oc.json'));
    expect(p.envPath).toBe(path.join(path.resolve('/srv/oc/state'), '.env'));
  });

  it('uses ~/.openclaw-<profile> for a valid profile, and "default" in any case means none', () => {
    expect(resolve({ OPENCLAW_PROFILE: 'work' }).stateDir).toBe(path.join(home, '.openclaw-work'));
    for (const p of ['default', 'Default', '../x', 'a.b', '']) expect(resolve({ OPENCLAW_PROFILE: p }).stateDir).toBe(path.join(home, '.openclaw'));
    expect(resolve({ OPENCLAW_PROFILE: 'work', OPENCLAW_STATE_DIR: '/s' }).stateDir).toBe(path.resolve('/s'));
  });

  it('the web shell override wins over the environment, config included', () => {
    const p = resolve({ OPENCLAW_STATE_DIR: '/s', OPENCLAW_CONFIG_PATH: '/c.json' }, '/override');
    expect(p.stateDir).toBe(path.resolve('/override'));
    expect(p.configPath).toBe(path.join(path.resolve('/override'), 'openclaw.json'));
  });

  it('agentDir validates the id before it reaches a path', () => {
    const p = resolve({});
    expect(agentDir(p, 'work')).toBe(path.join(home, '.openclaw', 'agents', 'work', 'agent'));
    for (const bad of ['../etc', 'a/b', 'A', '', '.']) expect(() => agentDir(p, bad)).toThrow(/not a valid agent name/);
  });
});
