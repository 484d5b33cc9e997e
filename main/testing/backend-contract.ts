/**
 * The behaviour every credential backend must have, as a reusable vitest suite: `describeBackendContract(name,
 * makeFixture)` runs it against one backend (profiles-file over temp files here; the 2026.6+ backend over a fake
 * CLI and a fake gateway client). The fixture gives the few things only a backend's own test can do: make an agent
 * known, break a store, change credentials behind the backend's back, and read the config as OpenClaw would.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { CredentialBackend, CredentialSnapshot } from '../core/credentials/backend';
import { profileView } from '../core/credentials/status';
import { CoreError } from '../core/errors';
import { saveAnthropicKey, saveCloudflare, saveSetupToken, saveToken } from '../core/credentials/flows/save';
import type { OpenClawPaths } from '../core/openclaw/paths';

/** One backend over a fresh, empty OpenClaw state where only the agent `main` exists. */
export interface BackendFixture {
  backend: CredentialBackend;
  /** Makes `agentId` a known agent with no credentials of its own. */
  addAgent(agentId: string): Promise<void>;
  /** Makes the agent's credential store unreadable (a corrupt file, a broken store). */
  breakStore(agentId: string): Promise<void>;
  /** Adds an API key profile `profileId` for the agent from outside the app (another process, OpenClaw itself). */
  addOutside(agentId: string, profileId: string): Promise<void>;
  /** `openclaw.json` as OpenClaw reads it. */
  readConfig(): Promise<Record<string, unknown>>;
  /** Where the OpenClaw state the backend serves lives (the flows read `openclaw.json` and `.env` there). */
  paths: OpenClawPaths;
  /** Removes everything the fixture made; the suite disposes the backend first. */
  cleanup(): Promise<void>;
}

const KEY = `sk-ant-api03-${'K'.repeat(70)}-contract`;
const TOKEN = `sk-ant-oat01-${'T'.repeat(80)}-contract`;
const HOUR = 3_600_000;

const ids = (s: CredentialSnapshot) => s.profiles.map((p) => p.id).sort();
const own = (s: CredentialSnapshot) => s.profiles.filter((p) => p.source === 'own').map((p) => p.id).sort();

async function rejection(p: Promise<unknown>): Promise<CoreError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err, 'expected a rejection').toBeInstanceOf(CoreError);
  return err as CoreError;
}

/** Registers the contract suite for one backend. */
export function describeBackendContract(name: string, makeFixture: () => Promise<BackendFixture>): void {
  describe(`credential backend contract: ${name}`, () => {
    const made: BackendFixture[] = [];
    afterEach(async () => {
      while (made.length) {
        const f = made.pop()!;
        await f.backend.dispose();
        await f.cleanup();
      }
    });
    const fixture = async () => {
      const f = await makeFixture();
      made.push(f);
      return f;
    };

    it('declares its kind and every capability as a boolean', async () => {
      const { backend } = await fixture();
      expect(['profiles-file', 'openclaw-managed']).toContain(backend.kind);
      const caps = backend.capabilities;
      for (const flag of ['inheritsSharedCredentials', 'copyIsRepaste', 'removeFromInheritingAgentRemovesForAll', 'slowWrites'] as const) {
        expect(typeof caps[flag], flag).toBe('boolean');
      }
    });

    it('reads an agent with no credentials as empty, with where they would live, and no problem', async () => {
      const { backend } = await fixture();
      const snap = await backend.read('main');
      expect(snap).toMatchObject({ agentId: 'main', profiles: [], order: {} });
      expect(snap.problem).toBeUndefined();
      expect(snap.location.credentials).not.toBe('');
    });

    it('saves an API key and reads it back masked, never the secret, and knows the secret for redaction', async () => {
      const { backend } = await fixture();
      await backend.check('main');
      const saved = await backend.upsert('main', { type: 'api_key', profileId: 'anthropic:default', provider: 'anthropic', key: KEY });
      expect(saved.profileId).toBe('anthropic:default');
      expect(saved.files.length).toBeGreaterThan(0);
      expect(backend.knownSecrets()).toContain(KEY);
      const snap = await backend.read('main');
      expect(snap.profiles).toEqual([expect.objectContaining({ id: 'anthropic:default', provider: 'anthropic', type: 'api_key', source: 'own' })]);
      expect(snap.profiles[0]!.secret.kind).toBe('inline');
      expect(JSON.stringify(snap)).not.toContain(KEY);
      expect(profileView(snap.profiles[0]!, { env: {}, now: Date.now() })?.status).toBe('static');
    });

    it('saves a token with its expiry in ms; saving the same id again replaces it', async () => {
      const { backend } = await fixture();
      const expires = Date.now() + 48 * HOUR;
      await backend.upsert('main', { type: 'token', profileId: 'anthropic:work', provider: 'anthropic', token: TOKEN, expires });
      await backend.upsert('main', { type: 'token', profileId: 'openrouter:manual', provider: 'openrouter', token: 'or-token-1234567890' });
      let snap = await backend.read('main');
      expect(snap.profiles.find((p) => p.id === 'anthropic:work')).toMatchObject({ type: 'token', expires });
      expect(snap.profiles.find((p) => p.id === 'openrouter:manual')?.expires).toBeUndefined();
      const later = expires + 24 * HOUR;
      await backend.upsert('main', { type: 'token', profileId: 'anthropic:work', provider: 'anthropic', token: TOKEN, expires: later });
      snap = await backend.read('main');
      expect(ids(snap)).toEqual(['anthropic:work', 'openrouter:manual']);
      expect(snap.profiles.find((p) => p.id === 'anthropic:work')?.expires).toBe(later);
    });

    it('removes a credential and its place in the order; removing an absent one writes nothing', async () => {
      const { backend } = await fixture();
      for (const id of ['openrouter:a', 'openrouter:b']) await backend.upsert('main', { type: 'token', profileId: id, provider: 'openrouter', token: `tok-${id}-123456` });
      await backend.setOrder('main', 'openrouter', ['openrouter:b', 'openrouter:a']);
      const removed = await backend.remove('main', 'openrouter:b');
      expect(removed.removed).toBe(true);
      const snap = await backend.read('main');
      expect(ids(snap)).toEqual(['openrouter:a']);
      expect(snap.order.openrouter ?? []).not.toContain('openrouter:b');
      expect(await backend.remove('main', 'openrouter:b')).toEqual({ removed: false, files: [] });
    });

    it('sets and clears an agent\'s order for a provider', async () => {
      const { backend } = await fixture();
      for (const id of ['anthropic:a', 'anthropic:b']) await backend.upsert('main', { type: 'api_key', profileId: id, provider: 'anthropic', key: `${KEY}-${id}` });
      await backend.setOrder('main', 'anthropic', ['anthropic:b', 'anthropic:a']);
      expect((await backend.read('main')).order.anthropic).toEqual(['anthropic:b', 'anthropic:a']);
      await backend.setOrder('main', 'anthropic', []);
      expect((await backend.read('main')).order.anthropic).toBeUndefined();
    });

    it('keeps agents apart, or shows shared credentials as inherited when it declares inheritance', async () => {
      const f = await fixture();
      await f.addAgent('work');
      await f.backend.upsert('main', { type: 'api_key', profileId: 'anthropic:default', provider: 'anthropic', key: KEY });
      const work = await f.backend.read('work');
      expect(own(work)).toEqual([]);
      if (f.backend.capabilities.inheritsSharedCredentials) expect(work.profiles.map((p) => [p.id, p.source])).toEqual([['anthropic:default', 'inherited']]);
      else expect(work.profiles).toEqual([]);
    });

    it('copies a credential to another agent, or refuses when a copy means pasting the secret again', async () => {
      const f = await fixture();
      await f.addAgent('work');
      await f.backend.upsert('main', { type: 'api_key', profileId: 'anthropic:default', provider: 'anthropic', key: KEY });
      if (f.backend.capabilities.copyIsRepaste) {
        expect((await rejection(f.backend.copy('anthropic:default', 'main', 'work'))).code).toBe('VALIDATION');
        expect(own(await f.backend.read('work'))).toEqual([]);
        return;
      }
      const copied = await f.backend.copy('anthropic:default', 'main', 'work');
      expect(copied.profileId).toBe('anthropic:default');
      const [source, target] = [await f.backend.read('main'), await f.backend.read('work')];
      expect(target.profiles).toEqual(source.profiles);
      expect((await rejection(f.backend.copy('anthropic:nothing', 'main', 'work'))).code).toBe('NOT_FOUND');
    });

    it('check refuses an unknown agent (naming the field) and an unreadable store; read reports the store without throwing', async () => {
      const f = await fixture();
      const unknown = await rejection(f.backend.check('ghost', { field: 'toAgentId' }));
      expect(unknown).toMatchObject({ code: 'NOT_FOUND', fields: { toAgentId: { key: 'validation.unknownAgent' } } });
      expect((await f.backend.check('main')).agentId).toBe('main');
      await f.breakStore('main');
      const broken = await rejection(f.backend.check('main'));
      expect(broken.code).not.toBe('INTERNAL');
      const snap = await f.backend.read('main');
      expect(snap.problem).toMatchObject({ scope: 'credentials', error: { code: broken.code } });
      await rejection(f.backend.upsert('main', { type: 'api_key', profileId: 'anthropic:default', provider: 'anthropic', key: KEY }));
      expect((await f.backend.read('main')).problem?.scope).toBe('credentials');
    });

    it('applies a config edit and keeps the rest of the config', async () => {
      const f = await fixture();
      await f.backend.applyConfig((cfg) => {
        cfg.auth = { profiles: { 'anthropic:default': { provider: 'anthropic', mode: 'api_key' } } };
      });
      const out = await f.backend.applyConfig((cfg) => {
        cfg.agents = { defaults: { model: { primary: 'anthropic/claude-sonnet-4-6' } } };
      });
      expect(out.files.length).toBeGreaterThan(0);
      expect(await f.readConfig()).toMatchObject({
        auth: { profiles: { 'anthropic:default': { provider: 'anthropic', mode: 'api_key' } } },
        agents: { defaults: { model: { primary: 'anthropic/claude-sonnet-4-6' } } },
      });
    });

    it('tells a watcher about changes made outside the app, and stops after unsubscribe', async () => {
      const f = await fixture();
      await f.backend.read('main');
      let calls = 0;
      const unsubscribe = f.backend.watch(() => calls++);
      await f.addOutside('main', 'openai:outside');
      await expect.poll(() => calls, { timeout: 5_000 }).toBeGreaterThan(0);
      expect(ids(await f.backend.read('main'))).toContain('openai:outside');
      unsubscribe();
      await new Promise((r) => setTimeout(r, 200));
      const before = calls;
      await f.addOutside('main', 'openai:after');
      await new Promise((r) => setTimeout(r, 400));
      expect(calls).toBe(before);
    });

    it('can be disposed twice', async () => {
      const { backend } = await fixture();
      backend.watch(() => {});
      await backend.dispose();
      await backend.dispose();
    });

    it('flows never replace by surprise: an existing id is refused with what is there, unless the save says replace', async () => {
      const f = await fixture();
      const ctx = { paths: f.paths, now: Date.now, backend: f.backend };
      await saveAnthropicKey(ctx, { apiKey: KEY, agentId: 'main' });
      const before = await f.backend.read('main');
      const label = before.profiles.find((p) => p.id === 'anthropic:default')!;
      const e = await rejection(saveSetupToken(ctx, { token: TOKEN, agentId: 'main', expiresAt: Date.now() + 30 * 24 * HOUR }));
      expect(e).toMatchObject({ code: 'CONFLICT', key: 'errors.credential.exists', params: expect.objectContaining({ profile: 'anthropic:default', type: 'api_key' }) });
      expect(e.details).toMatchObject({
        existingProfile: 'anthropic:default',
        existingType: 'api_key',
        existingLabel: label.secret.kind === 'inline' ? label.secret.masked : '',
        suggestedProfile: 'anthropic:subscription',
        step: 'check',
      });
      expect(e.details?.existingLabel).not.toBe('');
      expect(JSON.stringify(e.toShape())).not.toContain(KEY.slice(12, 40));
      // Nothing written: the key is still there, as it was.
      expect(await f.backend.read('main')).toMatchObject({ profiles: before.profiles });
      // "Save as" the suggestion keeps both.
      await saveSetupToken(ctx, { token: TOKEN, agentId: 'main', profileName: 'subscription' });
      expect(ids(await f.backend.read('main'))).toEqual(['anthropic:default', 'anthropic:subscription']);
      // A token onto a token names its expiry; the next free name is numbered.
      const expires = Date.now() + 5 * HOUR;
      await saveToken(ctx, { provider: 'openrouter', token: 'sk-or-v1-aaaaaaaaaaaaaaaaaaaa', agentId: 'main', expiresAt: expires });
      const t = await rejection(saveToken(ctx, { provider: 'openrouter', token: 'sk-or-v1-bbbbbbbbbbbbbbbbbbbb', agentId: 'main' }));
      expect(t.details).toMatchObject({ existingProfile: 'openrouter:manual', existingType: 'token', suggestedProfile: 'openrouter:manual-2' });
      expect(Number(t.details?.existingExpires)).toBeGreaterThan(expires - 60_000);
      // Cloudflare's id is fixed: no other name is offered.
      await saveCloudflare(ctx, { accountId: 'a'.repeat(32), gatewayId: 'gw', apiKey: KEY, agentId: 'main' });
      const c = await rejection(saveCloudflare(ctx, { accountId: 'b'.repeat(32), gatewayId: 'gw', apiKey: KEY, agentId: 'main' }));
      expect(c.details).toMatchObject({ existingProfile: 'cloudflare-ai-gateway:default' });
      expect(c.details?.suggestedProfile).toBeUndefined();
    });

    it('flows replace when asked (Renew, Replace, "Replace it"): the old secret is gone from the store', async () => {
      const f = await fixture();
      const ctx = { paths: f.paths, now: Date.now, backend: f.backend };
      await saveAnthropicKey(ctx, { apiKey: KEY, agentId: 'main', profileName: 'work' });
      const oldLabel = (await f.backend.read('main')).profiles[0]!.secret;
      const other = `sk-ant-api03-${'R'.repeat(70)}-replaced`;
      const out = await saveAnthropicKey(ctx, { apiKey: other, agentId: 'main', profileName: 'work', replace: true });
      expect(out.profileId).toBe('anthropic:work');
      const snap = await f.backend.read('main');
      expect(ids(snap)).toEqual(['anthropic:work']);
      const record = snap.profiles[0]!;
      expect(record.secret.kind).toBe('inline');
      expect(record.secret).not.toEqual(oldLabel);
      // "Replace it" on a token: same id, the new expiry.
      const expires = Date.now() + 40 * 24 * HOUR;
      await saveSetupToken(ctx, { token: TOKEN, agentId: 'main', profileName: 'sub', expiresAt: Date.now() + 2 * HOUR });
      await saveSetupToken(ctx, { token: `${TOKEN}2`, agentId: 'main', profileName: 'sub', expiresAt: expires, replace: true });
      const sub = (await f.backend.read('main')).profiles.find((p) => p.id === 'anthropic:sub')!;
      expect(Math.abs(Number(sub.expires) - expires)).toBeLessThan(60_000);
    });
  });
}
