import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../testing/use-temp-dirs';
import { configSecrets, envSecrets, readSecretFiles } from './known-secrets';
import { redact } from './redact';

const tmp = useTempDirs();

describe('configSecrets', () => {
  it('finds every credential-like value by key name at any depth, and the files that hold more', () => {
    const config = {
      gateway: { auth: { mode: 'token', token: 'gw-0123456789abcdef' }, remote: { url: 'wss://x', password: 'remote-pa55' } },
      models: { providers: { 'cloudflare-ai-gateway': { apiKey: 'cf-key-0123456789', headers: { 'cf-aig-authorization': 'Bearer cf-gw-token-0123' } } } },
      channels: {
        telegram: { botToken: '123456:ABCDEF-telegram-0123456789', tokenFile: '/run/tg.token' },
        slack: { botToken: 'xoxb-slack-0123456789', appToken: 'xapp-slack-0123456789', signingSecret: 'slack-signing-0123' },
        discord: { accounts: [{ token: 'discord-0123456789' }] },
      },
      tools: { web: { search: { provider: 'brave', apiKey: 'brave-0123456789' } } },
      auth: { profiles: { 'anthropic:default': { provider: 'anthropic', mode: 'api_key' } }, order: { anthropic: ['anthropic:default'] } },
      agents: { defaults: { model: { primary: 'anthropic/claude-opus-4-8' } } },
      plugins: { entries: { x: { config: { keyRef: { source: 'env', id: 'ANTHROPIC_API_KEY' } } } } },
    };
    const { values, files } = configSecrets(config);
    expect([...values].sort()).toEqual(
      [
        'gw-0123456789abcdef',
        'remote-pa55',
        'cf-key-0123456789',
        'Bearer cf-gw-token-0123',
        'cf-gw-token-0123',
        '123456:ABCDEF-telegram-0123456789',
        'xoxb-slack-0123456789',
        'xapp-slack-0123456789',
        'slack-signing-0123',
        'discord-0123456789',
        'brave-0123456789',
      ].sort(),
    );
    expect([...files]).toEqual(['/run/tg.token']);
  });

  it('property: random secrets planted in config under secret-named keys, at any depth, never come out of a redacted line whole', () => {
    const name = fc.constantFrom('apiKey', 'token', 'botToken', 'password', 'secret', 'clientSecret', 'authorization', 'x-api-key', 'bearer', 'accessToken');
    const path = fc.array(fc.constantFrom('channels', 'telegram', 'accounts', 'gateway', 'remote', 'tools', 'web', 'search', 'models', 'providers', 'x'), { maxLength: 6 });
    const secret = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:/+='), minLength: 6, maxLength: 120 });
    fc.assert(
      fc.property(fc.array(fc.tuple(path, name, secret), { minLength: 1, maxLength: 6 }), (planted) => {
        const config: Record<string, unknown> = {};
        planted.forEach(([keys, key, value], i) => {
          let node = config;
          for (const k of keys) node = (node[k] ??= {}) as Record<string, unknown>;
          node[`${key}${i}`] = value;
        });
        const known = [...configSecrets(config).values];
        const line = `gateway printed ${planted.map(([, , v]) => v).join(' and ')} at startup`;
        const out = redact(line, known);
        for (const [, , value] of planted) expect(out).not.toContain(value);
      }),
      { numRuns: 300 },
    );
  });
});

describe('envSecrets and secret files', () => {
  it('takes secret-named environment variables, or every value for .env', () => {
    const env = { PATH: '/usr/bin:/bin', ANTHROPIC_API_KEY: 'sk-ant-env-0123', MY_TOKEN: 'tok-0123456', LANG: 'en_US.UTF-8' };
    expect([...envSecrets(env)].sort()).toEqual(['sk-ant-env-0123', 'tok-0123456']);
    expect([...envSecrets(env, { all: true })]).toContain('/usr/bin:/bin');
  });

  it('reads tokenFile contents (and each of its lines); a missing file holds nothing', async () => {
    const dir = tmp();
    const file = path.join(dir, 'tg.token');
    fs.writeFileSync(file, '987654:ZYXWVUTSRQ-file-token-0123456789\n');
    const found = await readSecretFiles([file, path.join(dir, 'missing')], dir);
    expect([...found]).toEqual(['987654:ZYXWVUTSRQ-file-token-0123456789']);
  });
});
