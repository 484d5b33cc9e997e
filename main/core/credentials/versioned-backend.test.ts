/**
 * The backend that follows the install: the version picks the kind, a change of install swaps it (watchers moved,
 * the old one disposed, its secrets still redacted), and with no OpenClaw every write is refused before it starts.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Located } from '../openclaw/locate';
import type { CredentialBackend, CredentialBackendKind } from './backend';
import { createVersionedBackend } from './versioned-backend';

const located = (version: string | null): Located =>
  version
    ? { installation: { openclawPath: '/x/openclaw', nodePath: '/x/node', version, source: 'settings', searched: [] }, launch: { command: '/x/node', prefixArgs: [] } }
    : { installation: { openclawPath: null, nodePath: null, version: null, source: null, searched: ['/x'] }, problem: { reason: 'not-installed', message: 'not found' } };

function fakeBackend(kind: CredentialBackendKind) {
  const listeners = new Set<() => void>();
  const backend = {
    kind,
    capabilities: { inheritsSharedCredentials: kind === 'openclaw-managed', copyIsRepaste: false, removeFromInheritingAgentRemovesForAll: false, slowWrites: false },
    read: vi.fn(async (agentId: string) => ({ agentId, profiles: [], order: {}, location: { credentials: kind, state: kind } })),
    check: vi.fn(async (agentId: string) => ({ agentId, profiles: [], order: {}, location: { credentials: kind, state: kind } })),
    upsert: vi.fn(async (_a: string, c: { profileId: string }) => ({ profileId: c.profileId, files: [kind] })),
    remove: vi.fn(async () => ({ removed: true, files: [] })),
    setOrder: vi.fn(async () => ({ files: [] })),
    copy: vi.fn(async () => ({ profileId: 'x', files: [] })),
    applyConfig: vi.fn(async () => ({ files: [] })),
    watch: vi.fn((l: () => void) => (listeners.add(l), () => void listeners.delete(l))),
    knownSecrets: () => [`secret-of-${kind}`],
    secretOf: vi.fn(async (_a: string, profileId: string) => ({ label: `${kind}:${profileId}` })),
    copiedFiles: (agentId: string) => [`${kind}/${agentId}.json`],
    dispose: vi.fn(async () => undefined),
    fire: () => [...listeners].forEach((l) => l()),
    listeners,
  };
  return backend satisfies CredentialBackend;
}

function setup(version: string | null) {
  let answer = located(version);
  const changeListeners = new Set<(l: Located) => void>();
  const installation = {
    get: vi.fn(async () => answer),
    onChange: (l: (l: Located) => void) => (changeListeners.add(l), () => void changeListeners.delete(l)),
  };
  const made: ReturnType<typeof fakeBackend>[] = [];
  const backend = createVersionedBackend({ installation, make: (kind) => (made.push(fakeBackend(kind)), made.at(-1)!) });
  const change = async (v: string | null) => {
    answer = located(v);
    for (const l of changeListeners) l(answer);
    await backend.ready();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { backend, made, installation, change };
}

describe('versioned credential backend', () => {
  it('picks the backend from the version and swaps it when the install changes, keeping watchers and secrets', async () => {
    const s = setup('2026.5.28');
    let changes = 0;
    s.backend.watch(() => changes++);
    await s.backend.read('main');
    expect(s.backend.info()).toMatchObject({ version: '2026.5.28', backend: 'profiles-file' });
    await s.backend.upsert('main', { type: 'api_key', profileId: 'anthropic:default', provider: 'anthropic', key: 'sk-given-0123456789' });
    await s.change('2026.9.6');
    expect(s.backend.kind).toBe('openclaw-managed');
    expect(s.backend.info()).toMatchObject({ version: '2026.9.6', backend: 'openclaw-managed', capabilities: { inheritsSharedCredentials: true } });
    expect(s.made.map((b) => b.kind)).toEqual(['profiles-file', 'openclaw-managed']);
    expect(s.made[0]!.dispose).toHaveBeenCalledTimes(1);
    expect(s.made[0]!.listeners.size).toBe(0);
    expect(changes).toBeGreaterThan(0);
    const before = changes;
    s.made[1]!.fire();
    expect(changes).toBe(before + 1);
    expect(s.backend.knownSecrets()).toEqual(expect.arrayContaining(['sk-given-0123456789', 'secret-of-profiles-file', 'secret-of-openclaw-managed']));
    expect((await s.backend.upsert('main', { type: 'api_key', profileId: 'a:b', provider: 'a', key: 'k-0123456789' })).files).toEqual(['openclaw-managed']);
  });

  it("answers the remove dialog's questions (where a secret is, which files get copies) from the current backend", async () => {
    const s = setup('2026.5.28');
    expect(await s.backend.secretOf!('main', 'anthropic:default')).toEqual({ label: 'profiles-file:anthropic:default' });
    expect(s.backend.copiedFiles!('main')).toEqual(['profiles-file/main.json']);
    await s.change('2026.9.6');
    expect(await s.backend.secretOf!('main', 'anthropic:default')).toEqual({ label: 'openclaw-managed:anthropic:default' });
  });

  it('with no OpenClaw, reads still work but every write is refused before the backend is asked', async () => {
    const s = setup(null);
    expect((await s.backend.read('main')).agentId).toBe('main');
    expect(s.backend.info()).toMatchObject({ version: null, backend: null });
    const writes = [
      () => s.backend.check('main'),
      () => s.backend.upsert('main', { type: 'token', profileId: 'a:b', provider: 'a', token: 't-0123456789' }),
      () => s.backend.remove('main', 'a:b'),
      () => s.backend.setOrder('main', 'a', []),
      () => s.backend.applyConfig(() => undefined),
    ];
    for (const write of writes) await expect(write()).rejects.toMatchObject({ code: 'NOT_FOUND', key: 'errors.openclaw.missing' });
    const fake = s.made[0]!;
    for (const m of [fake.check, fake.upsert, fake.remove, fake.setOrder, fake.applyConfig]) expect(m).not.toHaveBeenCalled();
    await s.change('2026.5.28');
    await expect(s.backend.upsert('main', { type: 'token', profileId: 'a:b', provider: 'a', token: 't-0123456789' })).resolves.toMatchObject({ profileId: 'a:b' });
  });

  it('a write looks for OpenClaw again, so one installed meanwhile is used at once', async () => {
    const s = setup(null);
    await s.backend.read('main');
    s.installation.get.mockResolvedValue(located('2026.9.6'));
    await expect(s.backend.upsert('main', { type: 'token', profileId: 'a:b', provider: 'a', token: 't-0123456789' })).resolves.toMatchObject({ files: ['openclaw-managed'] });
  });
});
