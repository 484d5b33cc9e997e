import { describe, expect, it } from 'vitest';
import { keyShapeProblem } from './key-shape';

const ANTHROPIC = `sk-ant-api03-${'A1b_C2d-'.repeat(12)}AA`;
const SETUP = `sk-ant-oat01-${'x'.repeat(90)}`;
const key = { kind: 'api_key', provider: 'anthropic' } as const;
const token = (provider: string) => ({ kind: 'token', provider }) as const;

describe('key shapes', () => {
  it('accepts a real-looking Anthropic API key, and refuses (no "save anyway") an OpenAI key, a bare prefix, a cut or doubled key', () => {
    expect(keyShapeProblem(key, ANTHROPIC)).toBeNull();
    expect(keyShapeProblem(key, `  ${ANTHROPIC}  `)).toBeNull();
    expect(keyShapeProblem(key, `sk-proj-${'a'.repeat(100)}`)).toEqual({ key: 'validation.keyShape.anthropicPrefix', unusualOnly: false });
    expect(keyShapeProblem(key, 'sk-ant-')).toMatchObject({ key: 'validation.keyShape.anthropicPrefix', unusualOnly: false });
    expect(keyShapeProblem(key, 'sk-ant-api03-short')).toEqual({ key: 'validation.keyShape.anthropicLength', params: { length: 18 }, unusualOnly: false });
    expect(keyShapeProblem(key, ANTHROPIC + ANTHROPIC + ANTHROPIC)).toMatchObject({ key: 'validation.keyShape.anthropicLength', unusualOnly: false });
    expect(keyShapeProblem(key, `${ANTHROPIC.slice(0, 50)} ${ANTHROPIC.slice(50)}`)).toMatchObject({ key: 'validation.keyShape.anthropicLength' });
  });

  it('names a setup-token pasted into the API key field', () => {
    expect(keyShapeProblem(key, SETUP)).toEqual({ key: 'validation.keyShape.setupTokenInKeyField', unusualOnly: false });
  });

  it('lets an unusual key be saved anyway where the format is not certain: behind Cloudflare, OpenAI, OpenRouter', () => {
    expect(keyShapeProblem({ kind: 'api_key', provider: 'cloudflare-ai-gateway' }, ANTHROPIC)).toBeNull();
    expect(keyShapeProblem({ kind: 'api_key', provider: 'cloudflare-ai-gateway' }, 'sk-proj-abc')).toEqual({ key: 'validation.keyShape.cloudflareKey', unusualOnly: true });
    expect(keyShapeProblem(token('openai'), `sk-proj-${'a'.repeat(40)}`)).toBeNull();
    expect(keyShapeProblem(token('openai'), 'proj-abc')).toEqual({ key: 'validation.keyShape.usualPrefix', params: { provider: 'openai', prefix: 'sk-' }, unusualOnly: true });
    expect(keyShapeProblem(token('openai'), ANTHROPIC)).toMatchObject({ unusualOnly: true });
    expect(keyShapeProblem(token('openrouter'), 'sk-or-v1-abc')).toBeNull();
    expect(keyShapeProblem(token('openrouter'), 'sk-abc')).toMatchObject({ key: 'validation.keyShape.usualPrefix', unusualOnly: true });
    expect(keyShapeProblem(token('mistral'), ANTHROPIC)).toEqual({ key: 'validation.keyShape.anthropicElsewhere', params: { provider: 'mistral' }, unusualOnly: true });
  });

  it('takes a setup-token or an API key for Anthropic in the token form, and anything for a provider it does not know', () => {
    expect(keyShapeProblem(token('anthropic'), SETUP)).toBeNull();
    expect(keyShapeProblem(token('anthropic'), ANTHROPIC)).toBeNull();
    expect(keyShapeProblem(token('anthropic'), 'abc')).toMatchObject({ unusualOnly: true });
    expect(keyShapeProblem(token('some-new-provider'), 'anything-at-all')).toBeNull();
    expect(keyShapeProblem(token('OpenAI'), 'x')).toMatchObject({ key: 'validation.keyShape.usualPrefix' });
  });
});
