import { describe, expect, it } from 'vitest';
import { suggestFreeId } from './no-surprise';

describe('suggestFreeId', () => {
  it('offers anthropic:subscription for a setup-token, then numbered names; none for a fixed id', () => {
    expect(suggestFreeId(new Set(['anthropic:default']), 'anthropic:default', 'token')).toBe('anthropic:subscription');
    expect(suggestFreeId(new Set(['anthropic:default', 'anthropic:subscription']), 'anthropic:default', 'token')).toBe('anthropic:default-2');
    expect(suggestFreeId(new Set(['anthropic:default']), 'anthropic:default', 'api_key')).toBe('anthropic:default-2');
    expect(suggestFreeId(new Set(['anthropic:work', 'anthropic:work-2']), 'anthropic:work', 'api_key')).toBe('anthropic:work-3');
    expect(suggestFreeId(new Set(['anthropic:work']), 'anthropic:work', 'token')).toBe('anthropic:work-2');
    expect(suggestFreeId(new Set(['openrouter:manual-2', 'openrouter:manual-3']), 'openrouter:manual-2', 'token')).toBe('openrouter:manual-4');
    expect(suggestFreeId(new Set(['cloudflare-ai-gateway:default']), 'cloudflare-ai-gateway:default', 'api_key', true)).toBeUndefined();
  });
});
