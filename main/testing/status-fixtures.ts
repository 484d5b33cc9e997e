/**
 * Builders of `AuthStatus` values for the monitor's tests and benchmark: only the fields the monitor reads vary,
 * the rest are filled with neutral values that satisfy the contract.
 */
import type { AuthStatus, ProfileView } from '../../shared/contract';

/** A profile view; `id` decides provider and name unless given. */
export function profileView(id: string, fields: Partial<ProfileView> = {}): ProfileView {
  const [provider = 'anthropic', name = 'default'] = id.split(':');
  return { id, provider, name, type: 'token', label: `${id}=token:sk-ant-o...AAAAAAAA`, status: 'ok', source: 'store', ...fields };
}

/** An agent's status with these profiles; the default model uses `defaultProvider` (Anthropic unless given). */
export function authStatus(agentId: string, profiles: ProfileView[], extra: Partial<AuthStatus> = {}): AuthStatus {
  return {
    agentId,
    agents: [agentId],
    profiles,
    order: {},
    defaultModel: 'anthropic/claude-sonnet-4-6',
    defaultProvider: 'anthropic',
    defaultModelUsable: true,
    missingProvidersInUse: [],
    envProviders: [],
    models: [],
    files: { authProfiles: `/state/agents/${agentId}/agent/auth-profiles.json`, authState: '', config: '', env: '' },
    computedAt: 1,
    ...extra,
  };
}
