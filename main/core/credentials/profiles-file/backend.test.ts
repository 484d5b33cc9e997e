import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeBackendContract } from '../../../testing/backend-contract';
import { makeTempDir } from '../../../testing/test-support';
import { readConfig } from '../../openclaw/config-file';
import { resolveOpenClawPaths, type OpenClawPaths } from '../../openclaw/paths';
import { createProfilesFileBackend } from './backend';

function setup() {
  const root = makeTempDir();
  const stateDir = path.join(root.dir, 'state');
  fs.mkdirSync(stateDir, { mode: 0o700 });
  const paths: OpenClawPaths = resolveOpenClawPaths({ env: {}, homeDir: root.dir, stateDirOverride: stateDir });
  const backend = createProfilesFileBackend({ paths, now: Date.now, lock: { timeoutMs: 2_000 } });
  const storeFile = (agentId: string) => path.join(paths.agentsDir, agentId, 'agent', 'auth-profiles.json');
  const readStore = (agentId: string) => JSON.parse(fs.readFileSync(storeFile(agentId), 'utf8'));
  return { root, paths, backend, storeFile, readStore };
}

describeBackendContract('profiles-file', async () => {
  const { root, paths, backend, storeFile } = setup();
  return {
    backend,
    async addAgent(agentId) {
      fs.mkdirSync(path.join(paths.agentsDir, agentId, 'agent'), { recursive: true, mode: 0o700 });
    },
    async breakStore(agentId) {
      fs.mkdirSync(path.dirname(storeFile(agentId)), { recursive: true, mode: 0o700 });
      fs.writeFileSync(storeFile(agentId), '{"version":1,"profiles":');
    },
    async addOutside(agentId, profileId) {
      const file = storeFile(agentId);
      const data = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : { version: 1, profiles: {} };
      data.profiles[profileId] = { type: 'api_key', provider: profileId.split(':')[0], key: `sk-outside-${profileId}-1234567890` };
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      fs.writeFileSync(file, JSON.stringify(data));
    },
    readConfig: async () => (await readConfig(paths.configPath)).config,
    paths,
    cleanup: async () => root.cleanup(),
  };
});

describe('profiles-file backend', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!();
  });
  const make = () => {
    const s = setup();
    cleanups.push(s.root.cleanup, () => s.backend.dispose());
    return s;
  };

  it('writes what OpenClaw 2026.5 writes: metadata on keys, expires on tokens, nothing else; keeps email and displayName', async () => {
    const s = make();
    await s.backend.upsert('main', { type: 'api_key', profileId: 'cloudflare-ai-gateway:default', provider: 'cloudflare-ai-gateway', key: 'k-1234567890', metadata: { accountId: 'a', gatewayId: 'g' } });
    await s.backend.upsert('main', { type: 'token', profileId: 'anthropic:work', provider: 'anthropic', token: 't-1234567890', expires: 1_900_000_000_000 });
    const file = s.readStore('main');
    expect(file.profiles).toEqual({
      'cloudflare-ai-gateway:default': { type: 'api_key', provider: 'cloudflare-ai-gateway', key: 'k-1234567890', metadata: { accountId: 'a', gatewayId: 'g' } },
      'anthropic:work': { type: 'token', provider: 'anthropic', token: 't-1234567890', expires: 1_900_000_000_000 },
    });
    file.profiles['anthropic:work'].email = 'me@example.com';
    file.profiles['anthropic:work'].displayName = 'Me';
    fs.writeFileSync(s.storeFile('main'), JSON.stringify(file));
    await s.backend.upsert('main', { type: 'token', profileId: 'anthropic:work', provider: 'anthropic', token: 't-abcdefghij' });
    expect(s.readStore('main').profiles['anthropic:work']).toEqual({ type: 'token', provider: 'anthropic', token: 't-abcdefghij', email: 'me@example.com', displayName: 'Me' });
    expect((await s.backend.read('main')).profiles.find((p) => p.id === 'anthropic:work')).toMatchObject({ email: 'me@example.com', displayName: 'Me' });
  });

  it('copies the stored object as it is, unknown fields included, and refuses an OAuth sign-in', async () => {
    const s = make();
    fs.mkdirSync(path.dirname(s.storeFile('main')), { recursive: true });
    const profiles = {
      'openai:x': { type: 'api_key', provider: 'openai', key: 'sk-x-1234567890', futureField: { keep: true } },
      'anthropic:o': { type: 'oauth', provider: 'anthropic', access: 'acc-1234567890', refresh: 'ref-1234567890', expires: 1_900_000_000_000 },
    };
    fs.writeFileSync(s.storeFile('main'), JSON.stringify({ version: 1, profiles }));
    const out = await s.backend.copy('openai:x', 'main', 'work');
    expect(out).toEqual({ profileId: 'openai:x', files: [s.storeFile('work')] });
    expect(s.readStore('work').profiles['openai:x']).toEqual(profiles['openai:x']);
    await expect(s.backend.copy('anthropic:o', 'main', 'work')).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(Object.keys(s.readStore('work').profiles)).toEqual(['openai:x']);
  });

  it('reports the files each write touched: the order goes to auth-state.json, or into the 2026.3 profiles file', async () => {
    const s = make();
    await s.backend.upsert('main', { type: 'api_key', profileId: 'openai:x', provider: 'openai', key: 'sk-x-1234567890' });
    const state = path.join(path.dirname(s.storeFile('main')), 'auth-state.json');
    expect(await s.backend.setOrder('main', 'openai', ['openai:x'])).toEqual({ files: [state] });
    expect(await s.backend.remove('main', 'openai:x')).toEqual({ removed: true, files: [s.storeFile('main'), state] });
    fs.writeFileSync(s.storeFile('work'.replace('work', 'main')), JSON.stringify({ version: 1, profiles: { 'openai:y': { type: 'api_key', key: 'k' } }, order: {} }));
    fs.rmSync(state);
    expect(await s.backend.setOrder('main', 'openai', ['openai:y'])).toEqual({ files: [s.storeFile('main')] });
  });

  it('a broken auth-state.json is a state problem: credentials still read and saved, the order refused', async () => {
    const s = make();
    await s.backend.upsert('main', { type: 'api_key', profileId: 'openai:x', provider: 'openai', key: 'sk-x-1234567890' });
    fs.writeFileSync(path.join(path.dirname(s.storeFile('main')), 'auth-state.json'), '{"order":');
    const snap = await s.backend.check('main');
    expect(snap.problem).toMatchObject({ scope: 'state', error: { code: 'CORRUPT_FILE' } });
    expect(snap.profiles.map((p) => p.id)).toEqual(['openai:x']);
    await s.backend.upsert('main', { type: 'api_key', profileId: 'openai:y', provider: 'openai', key: 'sk-y-1234567890' });
    await expect(s.backend.setOrder('main', 'openai', ['openai:y'])).rejects.toMatchObject({ code: 'CORRUPT_FILE' });
  });

  it('every capability is false: agents own separate, complete stores', () => {
    const s = make();
    expect(Object.values(s.backend.capabilities)).toEqual([false, false, false, false]);
    expect(s.backend.kind).toBe('profiles-file');
  });
});
