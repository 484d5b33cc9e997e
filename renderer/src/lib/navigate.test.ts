import { describe, expect, it } from 'vitest';
import type { ProfileView } from '../../../shared/contract';
import { routeFor } from './navigate';

const work: ProfileView = { id: 'anthropic:work', provider: 'anthropic', name: 'work', type: 'token', label: 'sk-ant-o...', status: 'expiring', source: 'store' };

describe('routeFor', () => {
  it('opens plain views and their aliases', () => {
    expect(routeFor({ view: 'settings' }, null, 'main')).toEqual({ view: 'settings' });
    expect(routeFor({ view: 'logs' }, null, 'main')).toEqual({ view: 'gateway' });
    expect(routeFor({ view: 'wizard' }, null, 'main')).toEqual({ view: 'status', wizard: true });
  });
  it('opens the renew form of a known profile, prefilled', () => {
    expect(routeFor({ view: 'renew', profileId: 'anthropic:work', agentId: 'main' }, { agentId: 'main', profiles: [work] }, 'main')).toEqual({
      view: 'credentials',
      form: { kind: 'setup-token', profileId: 'anthropic:work', prefill: { agentId: 'main', profileName: 'work' } },
    });
  });
  it('guesses the form from the id when the profile is not loaded (another agent)', () => {
    expect(routeFor({ view: 'renew', profileId: 'openrouter:manual', agentId: 'ops' }, { agentId: 'main', profiles: [work] }, 'main')).toEqual({
      view: 'credentials',
      form: { kind: 'provider-token', profileId: 'openrouter:manual', prefill: { agentId: 'ops', provider: 'openrouter', profileName: 'manual' } },
    });
  });
  it('falls back to the credentials screen for a malformed id and ignores unknown views', () => {
    expect(routeFor({ view: 'renew', profileId: '../x' }, null, 'main')).toEqual({ view: 'credentials' });
    expect(routeFor({ view: 'nowhere' }, null, 'main')).toBeNull();
  });
});
