/**
 * "Test" a credential: OpenClaw's own probe answers (real outputs: 2026.5.28 against a loopback mock answering 200
 * and 401, 2026.9.6 offline) in plain words, through the CLI or the 2026.6+ gateway's `models.probe`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliResult } from '../openclaw/cli';
import { CoreError } from '../errors';
import { probeCredential, probeTargetsFromCli, probeWords, testFromTargets, type ProbeDeps } from './probe';

const fixtures = path.join(__dirname, '../../testing/fixtures');
const read = (name: string) => fs.readFileSync(path.join(fixtures, name), 'utf8');
const T = 1_800_000_000_000;
const same = (s: string) => s;

function cliAnswering(stdout: string, extra: Partial<CliResult> = {}) {
  const runs: { args: string[]; timeoutMs?: number | undefined }[] = [];
  const cli: ProbeDeps['cli'] = {
    run: async (args, options) => {
      runs.push({ args, timeoutMs: options?.timeoutMs });
      return { args, code: 0, signal: null, stdout, stderr: '', stdoutTruncated: false, stderrTruncated: false, ended: 'exit', durationMs: 1, ...extra };
    },
  };
  return { cli, runs };
}

describe('credential probe', () => {
  it('words OpenClaw\'s statuses: ok works, auth refused, a DNS failure reported as timeout is no network', () => {
    expect(probeWords('ok')).toBe('works');
    expect(probeWords('auth', 'LLM error authentication_error: invalid x-api-key')).toBe('refused');
    expect(probeWords('timeout', 'LLM request failed: DNS lookup for the provider endpoint failed.')).toBe('no-network');
    expect(probeWords('timeout', 'The connection timed out.')).toBe('timed-out');
    expect(probeWords('rate_limit')).toBe('rate-limited');
    expect(probeWords('billing')).toBe('billing');
    expect(probeWords('no_model')).toBe('no-model');
    expect(probeWords('format', 'bad request')).toBe('failed');
    expect(probeWords('unknown', 'fetch failed: ECONNREFUSED 127.0.0.1:9')).toBe('no-network');
  });

  it('reads the real probe outputs: 2026.5.28 works and refused (loopback mock), 2026.9.6 offline', () => {
    const ok = testFromTargets(probeTargetsFromCli(read('openclaw/models-status-probe-ok-2026.5.28.json')), 'cloudflare-ai-gateway:default', T, same);
    expect(ok).toEqual({ result: 'works', testedAt: T, latencyMs: expect.any(Number), model: 'cloudflare-ai-gateway/claude-sonnet-4-6' });
    const refused = testFromTargets(probeTargetsFromCli(read('openclaw/models-status-probe-refused-2026.5.28.json')), 'cloudflare-ai-gateway:default', T, same);
    expect(refused).toMatchObject({ result: 'refused', detail: 'LLM error authentication_error: invalid x-api-key' });
    const offline = testFromTargets(probeTargetsFromCli(read('openclaw-2026.9.6/models-status-probe-offline.json')), 'anthropic:default', T, same);
    expect(offline).toMatchObject({ result: 'no-network' });
    expect(testFromTargets([], 'anthropic:default', T, same)).toEqual({ result: 'no-model', testedAt: T });
  });

  it('runs the CLI probe for the one profile with a timeout and the agent; OpenClaw\'s words are redacted', async () => {
    const out = JSON.stringify({ auth: { probes: { results: [{ profileId: 'openai:work', status: 'auth', error: 'key sk-secret-123456789 rejected' }] } } });
    const { cli, runs } = cliAnswering(out, { code: 1 });
    const test = await probeCredential({ cli, now: () => T, redact: (s) => s.replace('sk-secret-123456789', '[redacted]') }, { agentId: 'work', profileId: 'openai:work', provider: 'openai' });
    expect(test).toEqual({ result: 'refused', testedAt: T, detail: 'key [redacted] rejected' });
    expect(runs[0]!.args).toEqual(['models', 'status', '--json', '--probe', '--probe-profile', 'openai:work', '--probe-timeout', '20000', '--agent', 'work']);
    expect(runs[0]!.timeoutMs).toBeGreaterThan(20_000);
  });

  it('fails with the CLI\'s error when OpenClaw printed no JSON or ran out of time', async () => {
    const refused = cliAnswering('', { code: 1, stderr: 'Error: unknown option --probe' });
    const e = await probeCredential({ cli: refused.cli, now: () => T, redact: same }, { agentId: 'main', profileId: 'a:b', provider: 'a' }).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(CoreError);
    expect(e).toMatchObject({ code: 'GATEWAY', key: 'errors.cli.refused', details: expect.objectContaining({ said: 'Error: unknown option --probe' }) });
    const slow = cliAnswering('', { code: null, signal: 'SIGTERM', ended: 'timeout' });
    await expect(probeCredential({ cli: slow.cli, now: () => T, redact: same }, { agentId: 'main', profileId: 'a:b', provider: 'a' })).rejects.toMatchObject({ key: 'errors.cli.timeout' });
  });

  it('asks the 2026.6+ gateway\'s models.probe when it is given, not the CLI', async () => {
    const { cli, runs } = cliAnswering('{}');
    const calls: unknown[] = [];
    const rpc = {
      probe: async (params: { provider: string; profileId?: string; agentId?: string; timeoutMs: number }) => {
        calls.push(params);
        return { provider: 'anthropic', status: 'ok', results: [{ profileId: 'anthropic:default', label: 'Profile anthropic:default', status: 'ok', latencyMs: 420 }] };
      },
    };
    const test = await probeCredential({ cli, rpc, now: () => T, redact: same }, { agentId: 'main', profileId: 'anthropic:default', provider: 'anthropic' });
    expect(test).toEqual({ result: 'works', testedAt: T, latencyMs: 420 });
    expect(calls).toEqual([{ provider: 'anthropic', profileId: 'anthropic:default', agentId: 'main', timeoutMs: 20_000 }]);
    expect(runs).toEqual([]);
  });
});
