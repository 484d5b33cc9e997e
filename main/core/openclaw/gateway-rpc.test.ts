/**
 * The gateway RPC through OpenClaw's real client against a fake gateway endpoint (`main/testing/fake-gateway-server`):
 * handshake with the token and scopes, typed answers, the gateway's refusals mapped to contract codes, garbage
 * answers, a wrong token, a connection lost mid-request, a gateway that goes away and comes back.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../clock';
import { CoreError } from '../errors';
import { NEVER, startFakeGatewayServer, type FakeGatewayServer } from '../../testing/fake-gateway-server';
import { GatewayRpc, rpcError, RPC_SCOPES, type RpcConnection } from './gateway-rpc';

const TOKEN = 'gw-token-0123456789abcdef';
const servers: FakeGatewayServer[] = [];
const rpcs: GatewayRpc[] = [];

afterEach(async () => {
  for (const r of rpcs.splice(0)) r.dispose();
  for (const s of servers.splice(0)) await s.close();
});

async function server(port?: number): Promise<FakeGatewayServer> {
  const s = await startFakeGatewayServer({ token: TOKEN, ...(port ? { port } : {}) });
  servers.push(s);
  return s;
}

function rpc(opts: Partial<ConstructorParameters<typeof GatewayRpc>[0]> = {}): GatewayRpc {
  const r = new GatewayRpc({ clock: systemClock, connectWaitMs: 5000, ...opts });
  rpcs.push(r);
  return r;
}

async function caught(p: Promise<unknown>): Promise<CoreError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(CoreError);
  return err as CoreError;
}

const STATUS = {
  ts: 1795954185624,
  providers: [
    {
      provider: 'anthropic',
      status: 'ok',
      profiles: [
        { profileId: 'anthropic:default', type: 'api_key', status: 'static', source: 'inherited', logoutSupported: true },
        { profileId: 'anthropic:work', type: 'token', status: 'ok', source: 'saved', expiry: { at: 1798545886711, remainingMs: 2591701082, label: '30d' } },
      ],
      profileOrder: ['anthropic:work', 'anthropic:default'],
      profileOrderLocked: 'auth-config',
    },
  ],
  providerCapabilities: [{ provider: 'anthropic', apiKeySupported: true }],
};

describe('GatewayRpc', () => {
  it('connects with the gateway token and the two operator scopes, and returns parsed answers', async () => {
    const s = await server();
    s.handlers.set('models.authStatus', () => STATUS);
    s.handlers.set('models.authSetApiKey', (p) => ({ provider: p.provider, profileId: 'anthropic:manual' }));
    const r = rpc();
    const seen: RpcConnection[] = [];
    r.onConnection((c) => seen.push(c));
    r.setTarget({ port: s.port, token: TOKEN });
    expect(await r.waitConnected(5000)).toBe(true);
    expect(s.connects[0]).toMatchObject({ auth: { token: TOKEN }, scopes: RPC_SCOPES, role: 'operator' });
    expect(s.connects[0]?.minProtocol).toBe(s.connects[0]?.maxProtocol);

    const status = await r.authStatus({ agentId: 'work' });
    expect(status.providers[0]?.profiles[1]).toMatchObject({ profileId: 'anthropic:work', source: 'saved', expiry: { at: 1798545886711 } });
    expect(status.providers[0]?.profileOrderLocked).toBe('auth-config');
    const saved = await r.authSetApiKey({ provider: 'anthropic', apiKey: 'sk-ant-api03-secret-value', agentId: 'main' });
    expect(saved.profileId).toBe('anthropic:manual');
    expect(s.calls.map((c) => c.method)).toEqual(['models.authStatus', 'models.authSetApiKey']);
    expect(s.calls[1]?.params).toEqual({ provider: 'anthropic', apiKey: 'sk-ant-api03-secret-value', agentId: 'main' });

    r.setTarget({ port: s.port, token: TOKEN });
    expect(r.connection()).toBe('connected');
    expect(s.hellos()).toBe(1);
    expect(seen).toEqual(['connecting', 'connected']);
  });

  it('sends order, logout and config patch parameters as the gateway expects them', async () => {
    const s = await server();
    s.handlers.set('models.authOrderSet', (p) => ({ provider: p.provider, profileIds: p.profileIds ?? null }));
    s.handlers.set('models.authLogout', (p) => ({ provider: p.provider, removedProfiles: p.profileIds, abortedRunIds: [] }));
    s.handlers.set('config.get', () => ({ hash: 'hmac-sha256:v1:abc', valid: true, exists: true, raw: '{}' }));
    s.handlers.set('config.patch', () => ({ ok: true, hash: 'hmac-sha256:v1:def', changedPaths: ['models'] }));
    const r = rpc();
    r.setTarget({ port: s.port, token: TOKEN });
    expect((await r.authOrderSet({ provider: 'anthropic', profileIds: null, agentId: 'main' })).profileIds).toBeNull();
    await r.authOrderSet({ provider: 'anthropic', profileIds: ['anthropic:a', 'anthropic:b'] });
    expect((await r.authLogout({ provider: 'anthropic', profileIds: ['anthropic:a'] })).removedProfiles).toEqual(['anthropic:a']);
    const snap = await r.configGet();
    expect((await r.configPatch({ models: { mode: 'merge' } }, snap.hash)).changedPaths).toEqual(['models']);
    expect(s.calls.map((c) => c.params)).toEqual([
      { provider: 'anthropic', agentId: 'main' },
      { provider: 'anthropic', profileIds: ['anthropic:a', 'anthropic:b'] },
      { provider: 'anthropic', profileIds: ['anthropic:a'] },
      {},
      { raw: '{"models":{"mode":"merge"}}', baseHash: 'hmac-sha256:v1:abc' },
    ]);
  });

  it("maps the gateway's refusals: unknown agent -> NOT_FOUND, others -> GATEWAY with OpenClaw's message, redacted", async () => {
    const s = await server();
    s.handlers.set('models.authStatus', () => {
      throw { code: 'INVALID_REQUEST', message: 'unknown agent id "nope"', details: { code: 'UNKNOWN_AGENT_ID', agentId: 'nope' } };
    });
    s.handlers.set('models.authSetApiKey', () => {
      throw { code: 'UNAVAILABLE', message: 'Error: key sk-ant-api03-SECRETSECRET belongs to another sign-in.' };
    });
    const r = rpc({ redact: (t) => t.replaceAll('sk-ant-api03-SECRETSECRET', '***') });
    r.setTarget({ port: s.port, token: TOKEN });
    const notFound = await caught(r.authStatus({ agentId: 'nope' }));
    expect(notFound.code).toBe('NOT_FOUND');
    expect(notFound.details).toMatchObject({ rpc: 'refused', gatewayCode: 'INVALID_REQUEST', gatewayDetail: 'UNKNOWN_AGENT_ID' });
    const refused = await caught(r.authSetApiKey({ provider: 'anthropic', apiKey: 'x' }));
    expect(refused.code).toBe('GATEWAY');
    expect(refused).toMatchObject({ key: 'errors.gateway.refused', params: { method: 'models.authSetApiKey' } });
    expect(refused.details?.said).toContain('belongs to another sign-in');
    expect(JSON.stringify({ ...refused.toShape(), log: refused.message })).not.toContain('SECRETSECRET');
    expect(refused.details).toMatchObject({ method: 'models.authSetApiKey', rpc: 'refused', gatewayCode: 'UNAVAILABLE' });
  });

  it('an answer of the wrong shape is INTERNAL, not a wrong status', async () => {
    const s = await server();
    s.handlers.set('models.authStatus', () => ({ ts: 'yesterday', providers: 'none' }));
    s.handlers.set('models.authSetApiKey', () => null);
    const r = rpc();
    r.setTarget({ port: s.port, token: TOKEN });
    expect((await caught(r.authStatus())).code).toBe('INTERNAL');
    const e = await caught(r.authSetApiKey({ provider: 'anthropic', apiKey: 'x' }));
    expect(e.code).toBe('INTERNAL');
    expect(e.details?.method).toBe('models.authSetApiKey');
  });

  it('a wrong token is refused once: no reconnect loop, requests fail at once as not sent', async () => {
    const s = await server();
    const r = rpc();
    r.setTarget({ port: s.port, token: 'wrong-token-0000000000' });
    await expect.poll(() => r.connection(), { timeout: 5000 }).toBe('refused');
    expect(r.lastProblem()).toMatch(/mismatch|unauthorized/i);
    const started = Date.now();
    const e = await caught(r.authStatus());
    expect(Date.now() - started).toBeLessThan(1000);
    expect(e).toMatchObject({ code: 'GATEWAY', details: { rpc: 'not-sent' } });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(s.connects.length).toBe(1);
    expect(s.hellos()).toBe(0);
  });

  it('a connection lost mid-request is "no-answer"; the next request goes out once the gateway is back', async () => {
    const s = await server();
    let calls = 0;
    s.handlers.set('models.authSetApiKey', () => (++calls === 1 ? NEVER() : { provider: 'anthropic', profileId: 'anthropic:default' }));
    const r = rpc();
    r.setTarget({ port: s.port, token: TOKEN });
    expect(await r.waitConnected(5000)).toBe(true);
    const pending = caught(r.authSetApiKey({ provider: 'anthropic', apiKey: 'sk-ant-api03-k' }));
    await expect.poll(() => s.calls.length).toBe(1);
    s.dropConnections();
    const e = await pending;
    expect(e).toMatchObject({ code: 'GATEWAY', details: { rpc: 'no-answer', method: 'models.authSetApiKey' } });
    expect(e).toMatchObject({ key: 'errors.gateway.noAnswer' });
    expect(e.message).toContain('may or may not');
    r.nudge();
    expect((await r.authSetApiKey({ provider: 'anthropic', apiKey: 'sk-ant-api03-k' })).profileId).toBe('anthropic:default');
    expect(s.hellos()).toBe(2);
  });

  it('a request that outlives its deadline is "no-answer"', async () => {
    const s = await server();
    s.handlers.set('models.authLogout', () => NEVER());
    const r = rpc({ requestTimeoutMs: 300 });
    r.setTarget({ port: s.port, token: TOKEN });
    const e = await caught(r.authLogout({ provider: 'anthropic' }));
    expect(e.details).toMatchObject({ rpc: 'no-answer' });
  });

  it('with the gateway gone a request fails as not sent after the wait; when it is back, nudge reconnects', async () => {
    const first = await server();
    const port = first.port;
    const r = rpc({ connectWaitMs: 400 });
    r.setTarget({ port, token: TOKEN });
    expect(await r.waitConnected(5000)).toBe(true);
    await first.close();
    servers.splice(servers.indexOf(first), 1);
    await expect.poll(() => r.connection()).toBe('connecting');
    const e = await caught(r.authStatus());
    expect(e.details).toMatchObject({ rpc: 'not-sent' });

    const again = await server(port);
    again.handlers.set('models.authStatus', () => STATUS);
    r.nudge();
    expect(await r.waitConnected(5000)).toBe(true);
    expect((await r.authStatus()).providers).toHaveLength(1);
  });

  it('no target: idle, requests fail as not sent; dispose is safe twice', async () => {
    const r = rpc({ connectWaitMs: 50 });
    expect(r.connection()).toBe('idle');
    expect(await r.waitConnected(10)).toBe(false);
    expect((await caught(r.authStatus())).details).toMatchObject({ rpc: 'not-sent' });
    const s = await server();
    r.setTarget({ port: s.port, token: TOKEN });
    expect(await r.waitConnected(5000)).toBe(true);
    r.setTarget(null);
    expect(r.connection()).toBe('idle');
    r.dispose();
    r.dispose();
    r.setTarget({ port: s.port, token: TOKEN });
    expect(r.connection()).toBe('idle');
  });
});

describe('rpcError', () => {
  it('says whether the request left the app', () => {
    expect(rpcError('m', new Error('gateway not connected'), false).details).toEqual({ method: 'm', rpc: 'not-sent', said: 'gateway not connected' });
    expect(rpcError('m', new Error('gateway not connected'), false).key).toBe('errors.gateway.unreachable');
    expect(rpcError('m', new Error('gateway closed (1012): restart'), true).details).toEqual({ method: 'm', rpc: 'no-answer', said: 'gateway closed (1012): restart' });
    const timeout = Object.assign(new Error('timeout'), { code: 'CLIENT_TIMEOUT', requestSent: false });
    expect(rpcError('m', timeout, true).details?.rpc).toBe('not-sent');
  });

  it('tells a refusal that asks for the import of legacy credentials from any other', () => {
    const refused = (message: string) => Object.assign(new Error(message), { gatewayCode: 'UNAVAILABLE' });
    expect(rpcError('models.authStatus', refused('Auth profile store for agent main requires legacy credential migration; run openclaw doctor --fix.'), true)).toMatchObject({
      code: 'CONFLICT',
      key: 'errors.migration.needed',
      details: { method: 'models.authStatus', rpc: 'refused', said: expect.stringContaining('legacy credential migration') },
    });
    expect(rpcError('models.authStatus', refused('busy'), true)).toMatchObject({ code: 'GATEWAY', key: 'errors.gateway.refused' });
  });
});
