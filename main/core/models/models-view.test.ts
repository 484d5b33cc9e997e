import { describe, expect, it } from 'vitest';
import type { CredentialRecord } from '../credentials/backend';
import { computeAuthStatus } from '../credentials/status';
import { ModelRef } from '../../../shared/schemas';
import { agentModels } from './agent-models';
import { computeModelsView, effectiveProfiles, headlineRulesFor, type HeadlineRules } from './models-view';

const NOW = Date.UTC(2026, 10, 29, 12, 0, 0);
const H = 3_600_000;
const files = { authProfiles: 'a', authState: 's', config: 'c', env: 'e' };

const key = (id: string, usage?: CredentialRecord['usage']): CredentialRecord => ({
  id,
  provider: id.split(':')[0]!,
  type: 'api_key',
  secret: { kind: 'inline', masked: 'sk-a...AAAA' },
  source: 'own',
  ...(usage ? { usage } : {}),
});
const token = (id: string, expires?: number, usage?: CredentialRecord['usage']): CredentialRecord => ({
  ...key(id, usage),
  type: 'token',
  ...(expires !== undefined ? { expires } : {}),
});

function view(opts: {
  profiles: CredentialRecord[];
  order?: Record<string, string[]>;
  config: Record<string, unknown>;
  envFile?: Record<string, string>;
  processEnv?: Record<string, string>;
  rules?: HeadlineRules;
  agentId?: string;
}) {
  const envFile = opts.envFile ?? {};
  const processEnv = opts.processEnv ?? {};
  const status = computeAuthStatus({
    agentId: opts.agentId ?? 'main',
    agents: ['main', 'work'],
    credentials: { profiles: opts.profiles, order: opts.order ?? {} },
    config: opts.config,
    env: { ...envFile, ...processEnv },
    now: NOW,
    files,
  });
  return computeModelsView({ status, config: opts.config, envFile, processEnv, rules: opts.rules ?? 'selected-credential', now: NOW });
}

const model = (primary: string, fallbacks: string[] = []) => ({ agents: { defaults: { model: { primary, fallbacks } } } });

/** The Done-when state: default + two fallbacks over two providers, an expiring token, a key in cooldown, a provider only in `.env`. */
const doneWhen = {
  profiles: [key('anthropic:default', { cooldownUntil: NOW + H, cooldownReason: 'rate_limit' }), token('anthropic:work', NOW + 5 * H)],
  order: { anthropic: ['anthropic:default', 'anthropic:work'] },
  config: model('anthropic/claude-opus-4-6', ['openrouter/anthropic/claude-sonnet-4.6', 'anthropic/claude-sonnet-4-6']),
  envFile: { OPENROUTER_API_KEY: 'sk-or-v1-rrrr' },
};

describe('computeModelsView', () => {
  it('the Done-when state: the token after the key in cooldown serves Anthropic, .env serves OpenRouter, headline expiring', () => {
    for (const rules of ['selected-credential', 'provider-health'] as const) {
      const v = view({ ...doneWhen, rules });
      expect(v.rows.map((r) => [r.role, r.position, r.ref, r.provider])).toEqual([
        ['default', 0, 'anthropic/claude-opus-4-6', 'anthropic'],
        ['fallback', 0, 'openrouter/anthropic/claude-sonnet-4.6', 'openrouter'],
        ['fallback', 1, 'anthropic/claude-sonnet-4-6', 'anthropic'],
      ]);
      const [def, or] = v.rows;
      expect(def!.credential).toMatchObject({ kind: 'profile', profileId: 'anthropic:work', type: 'token' });
      expect(def).toMatchObject({ state: 'expiring', expiresAt: NOW + 5 * H, action: 'renew', actionProfileId: 'anthropic:work' });
      expect(def!.skipped).toEqual([{ profileId: 'anthropic:default', status: 'cooldown', until: NOW + H, reason: 'rate_limit' }]);
      expect(or).toMatchObject({ credential: { kind: 'env', envVar: 'OPENROUTER_API_KEY', from: 'env-file' }, state: 'ready', action: 'none' });
      expect([v.headline, v.checkExit]).toEqual(['expiring', 2]);
      expect(v.inheritsDefault).toBe(true);
      // The next change: the cooldown ends in an hour.
      expect(v.nextChangeAt).toBe(NOW + H);
    }
  });

  it('all of a provider in cooldown: the row waits until the earliest end; 2026.6+ calls it missing, 2026.5 still usable', () => {
    const input = {
      profiles: [key('anthropic:a', { cooldownUntil: NOW + 2 * H, cooldownReason: 'rate_limit' }), key('anthropic:b', { cooldownUntil: NOW + H })],
      config: model('anthropic/claude-opus-4-6'),
    };
    const v = view(input);
    expect(v.rows[0]).toMatchObject({ credential: { kind: 'none' }, state: 'cooldown', until: NOW + H, action: 'wait-or-next' });
    expect([v.headline, v.checkExit]).toEqual(['missing', 1]);
    expect(view({ ...input, rules: 'provider-health' }).checkExit).toBe(0);
  });

  it('a key beside an expired token: 2026.6+ selects the key (ready), 2026.5 counts the expired token (missing)', () => {
    const input = { profiles: [token('anthropic:old', NOW - H), key('anthropic:default')], order: { anthropic: ['anthropic:old', 'anthropic:default'] }, config: model('anthropic/m') };
    const v = view(input);
    expect(v.rows[0]).toMatchObject({ credential: { kind: 'profile', profileId: 'anthropic:default' }, state: 'ready', action: 'none' });
    expect(v.rows[0]!.skipped).toEqual([{ profileId: 'anthropic:old', status: 'expired' }]);
    expect(v.checkExit).toBe(0);
    expect(view({ ...input, rules: 'provider-health' }).checkExit).toBe(1);
  });

  it('an expired token alone asks to renew it; no credential at all asks to add one', () => {
    const expired = view({ profiles: [token('anthropic:work', NOW - H)], config: model('anthropic/m', ['openai/gpt']) });
    expect(expired.rows[0]).toMatchObject({ state: 'expired', action: 'renew', actionProfileId: 'anthropic:work', credential: { kind: 'none' } });
    expect(expired.rows[1]).toMatchObject({ provider: 'openai', state: 'missing', action: 'add-credential', skipped: [] });
    for (const rules of ['selected-credential', 'provider-health'] as const) expect(view({ profiles: [], config: model('openai/gpt'), rules }).headline).toBe('missing');
  });

  it('an expiring token behind a key counts for 2026.5 only', () => {
    const input = { profiles: [key('anthropic:default'), token('anthropic:soon', NOW + 2 * H)], order: { anthropic: ['anthropic:default', 'anthropic:soon'] }, config: model('anthropic/m') };
    expect(view(input).headline).toBe('ready');
    expect(view({ ...input, rules: 'provider-health' }).headline).toBe('expiring');
  });

  it('a key in the environment wins over the same key in .env and is named; a key in config serves too', () => {
    const v = view({ profiles: [], config: { ...model('openrouter/x', ['custom/y']), models: { providers: { custom: { apiKey: 'k' } } } }, envFile: { OPENROUTER_API_KEY: 'a' }, processEnv: { OPENROUTER_API_KEY: 'b' } });
    expect(v.rows.map((r) => r.credential)).toEqual([{ kind: 'env', envVar: 'OPENROUTER_API_KEY', from: 'environment' }, { kind: 'config' }]);
    expect(v.headline).toBe('ready');
  });

  it('an explicit order names the only profiles tried; an empty order none', () => {
    const status = { profiles: [{ id: 'p:a', provider: 'p' }, { id: 'p:b', provider: 'p' }].map((p) => ({ ...p, status: 'static' as const })) as never, order: { p: ['p:b'] }, agentId: 'main', models: [] };
    expect(effectiveProfiles('p', status).map((p) => p.id)).toEqual(['p:b']);
    expect(effectiveProfiles('p', { ...status, order: { p: [] } })).toEqual([]);
    expect(effectiveProfiles('p', { ...status, order: {} }).map((p) => p.id)).toEqual(['p:a', 'p:b']);
  });

  it('per agent: its own model, or the global default it inherits; image model and its fallbacks; aliases resolved', () => {
    const config = {
      agents: {
        defaults: { model: { primary: 'opus' }, imageModel: { primary: 'anthropic/img', fallbacks: ['openai/img2'] }, models: { 'anthropic/claude-opus-4-6': { alias: 'opus' } } },
        list: [{ id: 'work', model: 'openai/gpt' }],
      },
    };
    expect(agentModels(config, 'main')).toEqual({ inheritsDefault: true, primary: 'anthropic/claude-opus-4-6', fallbacks: [], image: 'anthropic/img', imageFallbacks: ['openai/img2'] });
    const work = view({ profiles: [key('openai:default')], config, agentId: 'work' });
    expect(work.inheritsDefault).toBe(false);
    expect(work.rows.map((r) => [r.role, r.ref, r.state])).toEqual([
      ['default', 'openai/gpt', 'ready'],
      ['image', 'anthropic/img', 'missing'],
      ['image-fallback', 'openai/img2', 'ready'],
    ]);
    expect(agentModels({}, 'main')).toMatchObject({ primary: null, fallbacks: [] });
    expect(view({ profiles: [], config: {} }).rows).toEqual([]);
  });

  it('names a model from config; the version picks the rule', () => {
    const config = { ...model('cloudflare-ai-gateway/claude-sonnet-4-6'), models: { providers: { 'cloudflare-ai-gateway': { models: [{ id: 'claude-sonnet-4-6', name: 'Claude Sonnet 4.6' }] } } } };
    expect(view({ profiles: [key('cloudflare-ai-gateway:default')], config }).rows[0]).toMatchObject({ name: 'Claude Sonnet 4.6', state: 'ready' });
    expect(headlineRulesFor('2026.5.28')).toBe('provider-health');
    expect(headlineRulesFor('2026.4.1')).toBe('provider-health');
    expect(headlineRulesFor('2026.9.6')).toBe('selected-credential');
    expect(headlineRulesFor('2027.1.0')).toBe('selected-credential');
    expect(headlineRulesFor(null)).toBe('selected-credential');
  });

  it('a model ref may carry a slash in its model part (OpenRouter), never at either end', () => {
    expect(ModelRef.safeParse('openrouter/anthropic/claude-sonnet-4.6').success).toBe(true);
    for (const bad of ['openrouter/anthropic/', 'openrouter//x', 'anthropic', '/x', 'Anthropic/x']) expect(ModelRef.safeParse(bad).success).toBe(false);
  });
});
