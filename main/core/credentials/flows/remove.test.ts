/**
 * "Remove" means gone (issue 13, gap 4), through the contract as the window calls it: the places a secret is are
 * listed without values, removing clears every ticked one (store, `.env`, config header, backup copies) and the
 * status agrees; an unticked place is kept.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordingCall } from '../../../testing/test-support';
import { useTestCore } from '../../../testing/use-test-core';

const API_KEY = `sk-ant-api03-${'A'.repeat(48)}-1234567890`;
const CF_KEY = `sk-ant-api03-${'C'.repeat(48)}-cloudflare`;
const CF_TOKEN = `cf-token-${'T'.repeat(30)}`;
const ACCOUNT = '0123456789abcdef0123456789abcdef';
const DAY = 86_400_000;

function setup() {
  const t = useTestCore();
  const { outputs, call } = recordingCall(t.core);
  const file = (...p: string[]) => path.join(t.stateDir, ...p);
  /** Every file under the state dir whose bytes hold `value`. */
  const holding = (value: string) =>
    (fs.readdirSync(t.stateDir, { recursive: true }) as string[])
      .filter((rel) => fs.statSync(file(rel)).isFile() && fs.readFileSync(file(rel)).includes(value))
      .sort();
  return { ...t, outputs, call, file, holding };
}

/** An Anthropic key also in .env, and Cloudflare with its auth header as the default model (gap 4's setup). */
async function savedBoth(s: ReturnType<typeof setup>) {
  expect((await s.call('auth:saveAnthropicKey', { apiKey: API_KEY, writeEnv: true })).ok).toBe(true);
  const cf = await s.call('auth:saveCloudflare', { accountId: ACCOUNT, gatewayId: 'gw', apiKey: CF_KEY, gatewayAuthToken: CF_TOKEN, setDefaultModel: true });
  expect(cf.ok).toBe(true);
  // A later config write keeps the Cloudflare config, header included, as openclaw.json.bak.
  expect((await s.call('auth:saveToken', { provider: 'openrouter', token: 'sk-or-token-123456789' })).ok).toBe(true);
  // A copy of a config that once did not parse, kept by the app, still holding the header.
  const stamp = new Date(s.context.clock.now() - DAY).toISOString().replace(/[:.]/g, '-');
  // A copy from OpenClaw's own ring of config backups.
  fs.writeFileSync(s.file('openclaw.json.bak.1'), fs.readFileSync(s.file('openclaw.json')), { mode: 0o600 });
  fs.writeFileSync(s.file(`openclaw.json.corrupt-${stamp}`), `{ broken, "cf-aig-authorization": "Bearer ${CF_TOKEN}", key: "${API_KEY}"`, { mode: 0o600 });
}

describe('remove means gone', () => {
  it('lists every place of a secret without its value, and removing all of them leaves it nowhere; the status agrees', async () => {
    const s = setup();
    await savedBoth(s);
    expect(s.holding(CF_TOKEN)).toEqual(['openclaw.json', 'openclaw.json.bak', 'openclaw.json.bak.1', expect.stringMatching(/^openclaw\.json\.corrupt-/)]);

    const anthropic = await s.call('auth:secretPlaces', { profileId: 'anthropic:default' });
    expect(anthropic.ok && anthropic.value.places.map((p: any) => [p.kind, p.name ?? null, p.required])).toEqual([
      ['store', null, true],
      ['env', 'ANTHROPIC_API_KEY', false],
      ['backup', null, false],
    ]);
    const cloudflare = await s.call('auth:secretPlaces', { profileId: 'cloudflare-ai-gateway:default' });
    const cfPlaces = cloudflare.ok ? cloudflare.value.places : [];
    expect(cfPlaces.map((p: any) => [p.kind, p.name ?? path.basename(p.file).replace(/corrupt-.*/, 'corrupt-*')])).toEqual([
      ['store', 'auth-profiles.json'],
      ['config', 'models.providers.cloudflare-ai-gateway.headers.cf-aig-authorization'],
      ['backup', 'openclaw.json.bak'],
      ['backup', 'openclaw.json.bak.1'],
      ['backup', 'openclaw.json.corrupt-*'],
    ]);

    expect((await s.call('auth:removeProfile', { profileId: 'anthropic:default' })).ok).toBe(true);
    expect((await s.call('auth:removeProfile', { profileId: 'cloudflare-ai-gateway:default' })).ok).toBe(true);
    for (const secret of [API_KEY, CF_KEY, CF_TOKEN]) expect(s.holding(secret), secret.slice(0, 12)).toEqual([]);
    const config = JSON.parse(fs.readFileSync(s.file('openclaw.json'), 'utf8'));
    expect(config.models.providers['cloudflare-ai-gateway'].baseUrl).toContain(ACCOUNT);
    expect(Object.keys(config.auth.profiles)).toEqual(['openrouter:manual']);
    const status = await s.call('auth:status', {});
    expect(status.ok && status.value).toMatchObject({ profiles: [{ id: 'openrouter:manual' }], envProviders: [], defaultModelUsable: false, missingProvidersInUse: ['cloudflare-ai-gateway'] });
    expect(JSON.stringify(s.outputs)).not.toMatch(new RegExp([API_KEY, CF_KEY, CF_TOKEN].join('|')));
  });

  it('keeps a place the user unticked (and a backup holding only that), clears the rest', async () => {
    const s = setup();
    await savedBoth(s);
    const r = await s.call('auth:secretPlaces', { profileId: 'cloudflare-ai-gateway:default' });
    const ids: string[] = r.ok ? r.value.places.map((p: any) => p.id) : [];
    const keep = ids.find((id) => id.endsWith('.bak.1'))!;
    expect(keep).toBeDefined();
    expect((await s.call('auth:removeProfile', { profileId: 'cloudflare-ai-gateway:default', places: ids.filter((id) => id !== keep) })).ok).toBe(true);
    expect(s.holding(CF_TOKEN)).toEqual(['openclaw.json.bak.1']);
    expect(s.holding(CF_KEY)).toEqual([]);

    const a = await s.call('auth:removeProfile', { profileId: 'anthropic:default', places: [] });
    expect(a.ok).toBe(true);
    expect(s.holding(API_KEY)).toContain('.env');
    expect(s.holding(API_KEY)).not.toContain(path.join('agents', 'main', 'agent', 'auth-profiles.json'));
    const status = await s.call('auth:status', {});
    expect(status.ok && status.value).toMatchObject({ profiles: [{ id: 'openrouter:manual' }], envProviders: ['anthropic'] });
  });

  it('a config secret of a provider another agent still uses stays; the same value elsewhere in .env is found by value', async () => {
    const s = setup();
    fs.writeFileSync(s.file('openclaw.json'), JSON.stringify({ agents: { list: [{ id: 'main' }, { id: 'work' }] } }));
    expect((await s.call('auth:saveCloudflare', { accountId: ACCOUNT, gatewayId: 'gw', apiKey: CF_KEY, gatewayAuthToken: CF_TOKEN })).ok).toBe(true);
    expect((await s.call('auth:copyProfile', { profileId: 'cloudflare-ai-gateway:default', toAgentId: 'work' })).ok).toBe(true);
    expect((await s.call('env:set', { key: 'MY_GATEWAY_KEY', value: CF_KEY })).ok).toBe(true);
    const r = await s.call('auth:secretPlaces', { profileId: 'cloudflare-ai-gateway:default' });
    expect(r.ok && r.value.places.map((p: any) => [p.kind, p.name ?? null])).toEqual([
      ['store', null],
      ['env', 'MY_GATEWAY_KEY'],
    ]);
    expect((await s.call('auth:removeProfile', { profileId: 'cloudflare-ai-gateway:default' })).ok).toBe(true);
    expect(s.holding(CF_TOKEN)).toContain('openclaw.json');
    expect(s.holding(CF_KEY)).toEqual([path.join('agents', 'work', 'agent', 'auth-profiles.json')]);
  });

  it('refuses an unknown profile with NOT_FOUND and a reserved id with VALIDATION, writing nothing', async () => {
    const s = setup();
    await savedBoth(s);
    const before = s.holding(API_KEY);
    expect(await s.call('auth:secretPlaces', { profileId: 'anthropic:ghost' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await s.call('auth:removeProfile', { profileId: 'anthropic:ghost' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await s.call('auth:secretPlaces', { profileId: '__proto__' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(s.holding(API_KEY)).toEqual(before);
  });

  it('at start, copies older than a week and corrupt copies beyond the last 3 go; OpenClaw\'s own .bak of a store stays', async () => {
    const s = setup();
    expect((await s.call('auth:saveToken', { provider: 'openrouter', token: 'sk-or-token-123456789' })).ok).toBe(true);
    const now = s.context.clock.now();
    const stamp = (t: number) => new Date(t).toISOString().replace(/[:.]/g, '-');
    const old = new Date(now - 8 * DAY);
    const store = path.join('agents', 'main', 'agent', 'auth-profiles.json');
    for (const name of ['openclaw.json.bak', '.env.bak', `${store}.bak`]) {
      fs.writeFileSync(s.file(name), 'old copy', { mode: 0o600 });
      fs.utimesSync(s.file(name), old, old);
    }
    const corrupt = [1, 2, 3, 4].map((h) => `openclaw.json.corrupt-${stamp(now - h * 3_600_000)}`);
    for (const name of [...corrupt, `${store}.corrupt-${stamp(now - 9 * DAY)}`, `${store}.corrupt-${stamp(now - DAY)}`]) fs.writeFileSync(s.file(name), '{ broken', { mode: 0o600 });
    await s.core.start();
    const left = (fs.readdirSync(s.stateDir, { recursive: true }) as string[]).filter((n) => /\.bak$|\.corrupt-/.test(n)).sort();
    expect(left).toEqual([...corrupt.slice(0, 3), `${store}.bak`, `${store}.corrupt-${stamp(now - DAY)}`].sort());
  });
});
