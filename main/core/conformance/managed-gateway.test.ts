/**
 * Conformance with the real OpenClaw 2026.9.6 while the app's own gateway runs: the app starts the real gateway,
 * connects its RPC with the token from openclaw.json, and saves through it where OpenClaw's gateway can (replacing
 * a key, the order, removal, config patches such as the Cloudflare provider with its auth header) and through the
 * CLI where it cannot (a first named key, tokens, the Cloudflare key). OpenClaw's own `models status --json` and
 * `config validate`, run while the gateway is up, judge the result; the gateway's own log shows which way each
 * write went. No `auth-profiles.json`, no secret on a command line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthStatus, GatewayState } from '../../../shared/contract';
import { sampleCommandLines } from '../../testing/cmdline-sampler';
import { expectSameAsOpenClaw, managedScenario, type ManagedScenario } from '../../testing/managed-conformance';
import { makeTempDir } from '../../testing/test-support';
import { remaskLabel } from '../../../shared/masking';
import { openclawMask } from '../credentials/openclaw-managed/status-parse';

/** How the window shows a secret OpenClaw keeps: OpenClaw's own mask (8 + 8), cut to the app's rule. */
const shown = (secret: string) => remaskLabel(openclawMask(secret)!);

const DAY = 86_400_000;
const KEY1 = `sk-ant-api03-${'Ga'.repeat(40)}-first`;
const KEY2 = `sk-ant-api03-${'Gb'.repeat(40)}-second`;
const SETUP = `sk-ant-oat01-${'Gs'.repeat(45)}-gw`;
const CF_KEY = `sk-ant-api03-${'Gc'.repeat(40)}-cf`;
const CF_TOKEN = `cf-${'Gt'.repeat(20)}`;
const ACCOUNT = '0123456789abcdef0123456789abcdef';
const SECRETS = [KEY1, KEY2, SETUP, CF_KEY, CF_TOKEN];

const root = makeTempDir('clawtray-managed-gw-');
let s: ManagedScenario;
const result = {} as {
  state: GatewayState;
  app: AuthStatus;
  theirs: any;
  code: number | null;
  validate: any;
  config: any;
  gatewayLog: string;
  replaceMs: number;
  leaks: string[];
  legacy: string[];
};

async function waitForGateway(status: GatewayState['status'], ms: number): Promise<GatewayState> {
  const end = Date.now() + ms;
  for (;;) {
    const state = await s.ok<GatewayState>('gateway:state', {});
    if (state.status === status) return state;
    if (Date.now() > end) throw new Error(`gateway never became ${status}: ${JSON.stringify(state)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  s = await managedScenario(root.dir, 'gw');
  const sampler = sampleCommandLines(() => SECRETS);
  try {
    await s.ok('gateway:start', {});
    result.state = await waitForGateway('ready', 180_000);
    // A first key under the app's id: the gateway cannot choose ids, so this one goes through the CLI.
    await s.ok('auth:saveAnthropicKey', { apiKey: KEY1 });
    const started = Date.now();
    expect(await s.ok('auth:saveAnthropicKey', { apiKey: KEY2, replace: true })).toMatchObject({ profileId: 'anthropic:default' });
    result.replaceMs = Date.now() - started;
    await s.ok('auth:saveSetupToken', { token: SETUP, profileName: 'sub', expiresAt: Date.now() + 3 * DAY });
    await s.ok('auth:setOrder', { provider: 'anthropic', order: ['anthropic:sub', 'anthropic:default'] });
    await s.ok('auth:saveCloudflare', { accountId: ACCOUNT, gatewayId: 'conformance-gw', apiKey: CF_KEY, gatewayAuthToken: CF_TOKEN });
    await s.ok('auth:removeProfile', { profileId: 'anthropic:sub' });
  } finally {
    sampler.stop();
    result.leaks = sampler.leaks();
  }
  const [status, validate, config] = [
    await s.openclaw(['models', 'status', '--json', '--agent', 'main']),
    await s.openclaw(['config', 'validate', '--json']),
    await s.openclaw(['config', 'get', 'models', '--json']),
  ];
  result.theirs = status.json;
  result.code = status.code;
  result.validate = validate.json;
  result.config = config.json;
  result.app = await s.ok('auth:status', { agentId: 'main' });
  result.gatewayLog = (await s.ok<{ lines: { text: string }[] }>('gateway:logs', { limit: 10_000 })).lines.map((l) => l.text).join('\n');
  result.legacy = s.legacyFiles();
  await s.ok('gateway:stop', {});
}, 900_000);

afterAll(async () => {
  await s?.dispose();
  root.cleanup();
});

describe('OpenClaw 2026.9.6 with its gateway running (the RPC)', () => {
  it('the app ran the gateway to ready and went through its RPC for what the RPC can do', () => {
    expect(result.state).toMatchObject({ status: 'ready', owned: true });
    // The gateway logs its slower requests (writes take 0.1-1.7 s; reads of ~10 ms are not logged).
    expect(result.gatewayLog).toMatch(/res ✓ models\.authSetApiKey/);
    expect(result.gatewayLog).toMatch(/res ✓ config\.patch/);
  });

  it("OpenClaw's models status, run beside the gateway, exits 0 and reports what the app reports", () => {
    expect(result.code).toBe(0);
    expectSameAsOpenClaw(result.app, result.theirs);
    const app = new Map(result.app.profiles.map((p) => [p.id, p]));
    expect([...app.keys()].sort()).toEqual(['anthropic:default', 'cloudflare-ai-gateway:default']);
    expect(app.get('anthropic:default')?.label).toBe(shown(KEY2));
    expect(result.app.openclaw).toMatchObject({ version: '2026.9.6', backend: 'openclaw-managed', capabilities: { inheritsSharedCredentials: true, slowWrites: true } });
  });

  it('the Cloudflare provider block (with its header) and the default model are in the config OpenClaw validates', () => {
    expect(result.validate).toMatchObject({ valid: true });
    expect(result.config.providers['cloudflare-ai-gateway']).toMatchObject({
      baseUrl: `https://gateway.ai.cloudflare.com/v1/${ACCOUNT}/conformance-gw/anthropic`,
      api: 'anthropic-messages',
      headers: { 'cf-aig-authorization': expect.any(String) },
    });
    expect(result.app.defaultModel).toBe('anthropic/claude-opus-4-8');
  });

  it('wrote no auth-profiles.json and put no secret on any command line', () => {
    expect(result.legacy).toEqual([]);
    expect(result.leaks).toEqual([]);
  });
});
