import { describe, expect, it } from 'vitest';
import { MAX_ISSUES, parseInvalidConfig } from './config-report';

// What the real gateways printed on stdout for the same invalid openclaw.json (agents.defaults.model: 42 and an
// unknown key agents.defaults.bogus), captured with `openclaw gateway run` on this machine.
const REAL_2026_5_28 = [
  '2026-11-29T17:02:49.394+00:00 [gateway] starting...',
  '2026-11-29T17:02:54.334+00:00 [gateway] wrote stability bundle: /s/logs/stability/openclaw-stability.json',
  '2026-11-29T17:02:54.335+00:00 Gateway failed to start: Invalid config at /s/openclaw.json.',
  'agents.defaults.model: Invalid input',
  'agents.defaults: Invalid input',
  'Run "openclaw doctor --fix" to repair, then retry.',
  'If startup is still blocked, inspect the adjacent .bak backup before restoring it manually.. Run openclaw gateway status --deep for diagnostics.',
];
const REAL_2026_9_6 = [
  '2026-11-29T17:03:03.466+00:00 [gateway] spawn broker ready pid=15125',
  '2026-11-29T17:03:05.501+00:00 Gateway failed to start: Invalid config at /s/openclaw.json:',
  'openclaw.json:1 — agents.defaults.model: Invalid input, got: 42',
  'openclaw.json:1 — agents.defaults: Unrecognized key: "bogus"',
  'Run "openclaw doctor --fix" to repair, then retry.',
  'If startup is still blocked, inspect the adjacent .bak backup before restoring it manually.',
  '2026-11-29T17:03:05.522+00:00 Run "openclaw doctor --fix" to repair the config, then retry.',
];

describe('parseInvalidConfig', () => {
  it('reads the file and the offending keys of OpenClaw 2026.5.28', () => {
    expect(parseInvalidConfig(REAL_2026_5_28)).toEqual({
      file: '/s/openclaw.json',
      issues: [
        { path: 'agents.defaults.model', message: 'Invalid input' },
        { path: 'agents.defaults', message: 'Invalid input' },
      ],
    });
  });

  it('reads the file and the offending keys of OpenClaw 2026.9.6 (with their place in the file)', () => {
    expect(parseInvalidConfig(REAL_2026_9_6)).toEqual({
      file: '/s/openclaw.json',
      issues: [
        { path: 'agents.defaults.model', message: 'Invalid input, got: 42' },
        { path: 'agents.defaults', message: 'Unrecognized key: "bogus"' },
      ],
    });
  });

  it('is undefined for a gateway that failed for another reason', () => {
    expect(parseInvalidConfig(['Gateway failed to start: listen EADDRINUSE 127.0.0.1:18789', 'fake-gateway: crashing on purpose'])).toBeUndefined();
    expect(parseInvalidConfig([])).toBeUndefined();
  });

  it('takes the last report, keeps at most MAX_ISSUES issues and cuts long words', () => {
    const many = Array.from({ length: 40 }, (_, i) => `models.providers.p${i}.baseUrl: Invalid url ${'x'.repeat(400)}`);
    const r = parseInvalidConfig(['Invalid config at /old.json.', 'a.b: old', 'Run "openclaw doctor"', 'Invalid config', ...many])!;
    expect(r.file).toBeUndefined();
    expect(r.issues).toHaveLength(MAX_ISSUES);
    expect(r.issues[0]!.path).toBe('models.providers.p0.baseUrl');
    expect(r.issues[0]!.message.length).toBeLessThanOrEqual(300);
  });

  it('keeps a redacted value as the log gave it', () => {
    expect(parseInvalidConfig(['Invalid config at /s/openclaw.json:', 'openclaw.json:3 — models.providers.x.apiKey: Expected object, got: sk-ant-a…[redacted]'])!.issues).toEqual([
      { path: 'models.providers.x.apiKey', message: 'Expected object, got: sk-ant-a…[redacted]' },
    ]);
  });
});
