import { describe, expect, it } from 'vitest';
import { openclawText } from './openclaw-text';

const t = (key: string, params?: Record<string, unknown>) => `${key}${params ? JSON.stringify(params) : ''}`;
const caps = { inheritsSharedCredentials: true, copyIsRepaste: true, removeFromInheritingAgentRemovesForAll: true, slowWrites: true };

describe('openclawText', () => {
  it('names the version and the backend, or says OpenClaw was not found', () => {
    expect(openclawText(t, { version: '2026.9.6', backend: 'openclaw-managed', capabilities: caps })).toBe(
      'about.openclawVersion{"version":"2026.9.6","backend":"about.backend.openclaw-managed"}',
    );
    expect(openclawText(t, { version: null, backend: null, capabilities: caps })).toBe('about.openclawMissing');
    expect(openclawText(t, undefined)).toBe('…');
  });
});
