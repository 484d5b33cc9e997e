import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LegacyCredential } from './legacy';
import { configVerdict, importProblems, isUnknownAgent, jsonOf, openclawMask } from './verdicts';

/** A real `models status --json` of OpenClaw 2026.9.6 right after `doctor --fix` imported a 2026.5.28 state. */
const AFTER_IMPORT = fs.readFileSync(path.resolve(__dirname, '../../testing/fixtures/openclaw-2026.9.6/models-status-after-import.json'), 'utf8');
const KEY = `sk-ant-api03-${'A'.repeat(64)}`;
const TOKEN = `sk-ant-oat01-${'S'.repeat(84)}`;
const legacy: LegacyCredential[] = [
  { agentId: 'main', profileId: 'anthropic:default', type: 'api_key', secret: KEY },
  { agentId: 'main', profileId: 'anthropic:sub', type: 'token', secret: TOKEN, expires: 1796137163562 },
  { agentId: 'main', profileId: 'openrouter:manual', type: 'token', secret: `sk-or-v1-${'R'.repeat(48)}` },
];

describe('configVerdict', () => {
  it("reads OpenClaw 2026.9.6's answers: valid, rejected with its issues, or no verdict", () => {
    expect(configVerdict(0, '{"valid":true,"path":"/s/openclaw.json","warnings":[]}')).toEqual({ kind: 'valid' });
    const rejected = JSON.stringify({
      ok: false,
      error: { type: 'cli_error', message: 'OpenClaw config is invalid: /s/openclaw.json' },
      valid: false,
      path: '/s/openclaw.json',
      issues: [{ path: 'meta', message: 'Unrecognized key: "lastTouchedAt"' }, { path: 'gateway.tailscale', message: 'Unrecognized key: "resetOnExit"' }],
    });
    expect(configVerdict(1, `warning first\n${rejected}`)).toEqual({ kind: 'rejected', issues: ['meta: Unrecognized key: "lastTouchedAt"', 'gateway.tailscale: Unrecognized key: "resetOnExit"'] });
    expect(configVerdict(1, '{"ok":false,"error":{"type":"cli_error","message":"file not found"},"valid":false,"path":"/s/openclaw.json"}')).toEqual({ kind: 'unknown' });
    expect(configVerdict(2, 'fake openclaw: unsupported command')).toEqual({ kind: 'unknown' });
    expect(jsonOf('{not json')).toBeUndefined();
  });
});

describe('importProblems', () => {
  it('finds every legacy credential with its secret and expiry in a real status after the import', () => {
    expect(importProblems(0, AFTER_IMPORT, legacy)).toEqual([]);
    expect(openclawMask(KEY)).toBe('sk-ant-a...AAAAAAAA');
  });

  it('names missing credentials, changed secrets and changed expiries by id, never the secret', () => {
    const changed: LegacyCredential[] = [
      { ...legacy[0]!, secret: `${KEY.slice(0, -1)}B` },
      { ...legacy[1]!, expires: 1796137163000 },
      { agentId: 'main', profileId: 'openai:default', type: 'api_key', secret: 'sk-proj-abcdefghijklmnopqrstuvwxyz' },
    ];
    const problems = importProblems(0, AFTER_IMPORT, changed);
    expect(problems).toEqual(['anthropic:default has another secret', 'anthropic:sub has another expiry', 'openai:default is missing']);
    expect(problems.join(' ')).not.toContain('sk-');
  });

  it("reports OpenClaw's refusal when the status itself fails (a file still to import, a rejected config)", () => {
    const refused = JSON.stringify({
      ok: false,
      error: { type: 'cli_error', message: 'Auth profile store ~/.openclaw/agents/main/agent/openclaw-agent.sqlite requires legacy credential migration; affected providers: anthropic, openrouter; run openclaw doctor --fix.' },
    });
    expect(importProblems(1, refused, legacy)).toEqual([expect.stringMatching(/^models status failed \(exit 1\): Auth profile store .* requires legacy credential migration/)]);
    expect(importProblems(0, 'garbage', legacy)).toEqual(['models status failed (exit 0)']);
  });
});

describe('isUnknownAgent', () => {
  it("recognises 2026.9.6's refusal of an agent that is only a folder", () => {
    const refused = '{"ok":false,"error":{"type":"cli_error","message":"Unknown agent id \\"work\\". Use \\"openclaw agents list\\" to see configured agents."}}';
    expect(isUnknownAgent(1, refused)).toBe(true);
    expect(isUnknownAgent(0, refused)).toBe(false);
    expect(isUnknownAgent(1, '{"ok":false,"error":{"type":"cli_error","message":"Invalid config at /s/openclaw.json"}}')).toBe(false);
  });
});
