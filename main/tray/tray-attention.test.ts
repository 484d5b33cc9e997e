import { describe, expect, it } from 'vitest';
import type { Alert, AuthStatus, ProfileView } from '../../shared/contract';
import { attentionItems, isBlocking, needsAttention } from './tray-attention';

const profile = (id: string, status: ProfileView['status'], extra: Partial<ProfileView> = {}): ProfileView => ({
  id,
  provider: id.split(':')[0]!,
  name: id.split(':')[1]!,
  type: 'token',
  label: 'masked',
  status,
  source: 'store',
  ...extra,
});

const auth = (profiles: ProfileView[], defaultProvider: string | null = 'anthropic'): AuthStatus => ({
  agentId: 'main',
  agents: ['main'],
  profiles,
  order: {},
  defaultModel: defaultProvider ? `${defaultProvider}/m` : null,
  defaultProvider,
  defaultModelUsable: true,
  missingProvidersInUse: [],
  envProviders: [],
  models: [],
  files: { authProfiles: '', authState: '', config: '', env: '' },
  computedAt: 1,
});

const alert = (profileId: string, kind: Alert['kind'], extra: Partial<Alert> = {}): Alert => ({
  id: `${profileId}|${kind}`,
  agentId: 'main',
  profileId,
  provider: profileId.split(':')[0]!,
  kind,
  thresholdMs: 0,
  expiresAt: 1000,
  raisedAt: 1,
  inUse: false,
  ...extra,
});

describe('attentionItems', () => {
  it('lists nothing for healthy profiles and no alerts', () => {
    expect(attentionItems(auth([profile('anthropic:a', 'ok'), profile('anthropic:b', 'static')]), [])).toEqual([]);
    expect(attentionItems(null, [])).toEqual([]);
  });

  it('takes the status of the selected agent, with its name, expiry or pause end, and whether it is in use', () => {
    const list = attentionItems(
      auth([profile('anthropic:a', 'expiring', { expiresAt: 50 }), profile('openai:b', 'cooldown', { until: 70, expiresAt: 999 })]),
      [],
    );
    expect(list).toEqual([
      { agentId: 'main', profileId: 'anthropic:a', provider: 'anthropic', name: 'a', kind: 'expiring', at: 50, inUse: true, alerted: false },
      { agentId: 'main', profileId: 'openai:b', provider: 'openai', name: 'b', kind: 'cooldown', at: 70, inUse: false, alerted: false },
    ]);
  });

  it('names an alert of an unknown profile from its id, and counts only unsnoozed expiry alerts as alerted', () => {
    const list = attentionItems(null, [
      alert('anthropic:x.y', 'threshold', { agentId: 'ops' }),
      alert('anthropic:z', 'threshold', { snoozedUntil: 5 }),
      alert('anthropic:c', 'cooldown'),
    ]);
    expect(list.map((i) => [i.name, i.agentId, i.alerted])).toEqual([
      ['z', 'main', false],
      ['x.y', 'ops', true],
      ['c', 'main', false],
    ]);
  });

  it('merges the status and the alert of one profile: most urgent kind, in use and alerted from either', () => {
    const [merged, ...rest] = attentionItems(auth([profile('anthropic:a', 'expired', { expiresAt: 10 })], null), [
      alert('anthropic:a', 'threshold', { inUse: true, expiresAt: 10 }),
    ]);
    expect(rest).toEqual([]);
    expect(merged).toMatchObject({ kind: 'expired', at: 10, inUse: true, alerted: true });
  });

  it('sorts by urgency, then in use first, then soonest', () => {
    const list = attentionItems(null, [
      alert('anthropic:late', 'threshold', { expiresAt: 300 }),
      alert('anthropic:soon', 'threshold', { expiresAt: 100 }),
      alert('openai:used', 'threshold', { expiresAt: 900, inUse: true }),
      alert('anthropic:gone', 'expired'),
    ]);
    expect(list.map((i) => i.name)).toEqual(['gone', 'used', 'soon', 'late']);
  });
});

describe('isBlocking and needsAttention', () => {
  const base = { agentId: 'main', profileId: 'p:a', provider: 'p', name: 'a' };
  const cases: [string, Parameters<typeof isBlocking>[0], boolean, boolean][] = [
    ['expired in use', { ...base, kind: 'expired', inUse: true, alerted: false }, true, false],
    ['expired, alerted', { ...base, kind: 'expired', inUse: false, alerted: true }, false, true],
    ['expired, dismissed or snoozed', { ...base, kind: 'expired', inUse: false, alerted: false }, false, false],
    ['expiring, alerted', { ...base, kind: 'expiring', inUse: true, alerted: true }, false, true],
    ['expiring, no alert', { ...base, kind: 'expiring', inUse: true, alerted: false }, false, false],
    ['missing in use', { ...base, kind: 'missing', inUse: true, alerted: false }, false, true],
    ['missing, not in use', { ...base, kind: 'missing', inUse: false, alerted: false }, false, false],
    ['cooldown in use', { ...base, kind: 'cooldown', inUse: true, alerted: true }, false, false],
    ['disabled in use', { ...base, kind: 'disabled', inUse: true, alerted: true }, false, false],
  ];
  it.each(cases)('%s', (_name, item, blocking, attention) => {
    expect(isBlocking(item)).toBe(blocking);
    expect(needsAttention(item)).toBe(attention);
  });
});
