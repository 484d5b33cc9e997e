/**
 * "Test" a credential: OpenClaw itself sends its provider a tiny request with it (`openclaw models status --json
 * --probe --probe-profile <id> --probe-timeout <ms> --agent <agent>`, or on 2026.6+ with a gateway up its
 * `models.probe` RPC) and the answer is put in plain words: works, refused (check the key), no network, timed out,
 * rate-limited, billing, no model to try it with, failed.
 *
 * The side effect: a refused or failed probe counts as a failed request, so OpenClaw rests the profile for a short
 * cooldown (checked on 2026.5.28: `auth-state.json` gets `cooldownUntil` ~30 s later, `cooldownReason: "auth"`). It
 * is not hidden or undone: the answer carries `cooldownUntil` and the window says it, and the status shows the
 * cooldown as OpenClaw reports it.
 */
import type { CredentialTest, CredentialTestResult } from '../../../shared/contract';
import { CoreError } from '../errors';
import type { OpenClawCli } from '../openclaw/cli';
import type { RpcProbeResult } from '../openclaw/gateway-rpc-schemas';
import { cliError } from './openclaw-managed/cli-commands';

/** How long OpenClaw waits for the provider (the CLI's start-up of 10-40 s on a slow machine comes on top). */
export const PROBE_TIMEOUT_MS = 20_000;
/** The CLI run's own deadline: start-up, the probe, and the status around it. */
const CLI_DEADLINE_MS = PROBE_TIMEOUT_MS + 150_000;

/** OpenClaw's words for a failed request that never reached the provider (DNS, refused connection, offline). */
const NETWORK = /dns|enotfound|eai_again|econnrefused|econnreset|ehostunreach|enetunreach|network|fetch failed|socket|getaddrinfo|offline/i;

/** Pure: one probe target's status (and OpenClaw's words) in plain words. */
export function probeWords(status: string, error?: string): CredentialTestResult {
  switch (status) {
    case 'ok':
      return 'works';
    case 'auth':
      return 'refused';
    case 'billing':
      return 'billing';
    case 'rate_limit':
      return 'rate-limited';
    case 'no_model':
      return 'no-model';
    case 'timeout':
      // OpenClaw reports an unreachable endpoint as a timeout ("DNS lookup for the provider endpoint failed").
      return error && NETWORK.test(error) ? 'no-network' : 'timed-out';
    default:
      return error && NETWORK.test(error) ? 'no-network' : 'failed';
  }
}

/** One target as both sources report it. */
interface Target {
  profileId?: string | undefined;
  status: string;
  error?: string | undefined;
  latencyMs?: number | undefined;
  model?: string | undefined;
}

/** Pure: the test result for `profileId` among OpenClaw's probe targets, or `no-model` when it was not tried. */
export function testFromTargets(targets: readonly Target[], profileId: string, testedAt: number, redact: (s: string) => string): CredentialTest {
  const target = targets.find((t) => t.profileId === profileId);
  if (!target) return { result: 'no-model', testedAt };
  const test: CredentialTest = { result: probeWords(target.status, target.error), testedAt };
  if (typeof target.latencyMs === 'number' && target.latencyMs >= 0) test.latencyMs = target.latencyMs;
  if (target.model) test.model = target.model;
  if (target.error && target.status !== 'ok') test.detail = redact(target.error).slice(0, 500);
  return test;
}

/** Pure: parses `models status --json --probe` stdout into its probe targets. Throws when it is not that JSON. */
export function probeTargetsFromCli(stdout: string): Target[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stdout);
  } catch {
    throw new CoreError('INTERNAL', 'errors.cli.badOutput', { params: { command: 'models status --probe' } });
  }
  const results = (parsed as { auth?: { probes?: { results?: unknown } } } | null)?.auth?.probes?.results;
  if (!Array.isArray(results)) throw new CoreError('INTERNAL', 'errors.cli.badOutput', { params: { command: 'models status --probe' } });
  return results.filter((r): r is Target => typeof r === 'object' && r !== null && typeof (r as Target).status === 'string');
}

/** Pure: the targets of a `models.probe` answer. */
export function probeTargetsFromRpc(answer: RpcProbeResult): Target[] {
  return answer.results.map((r) => ({ profileId: r.profileId, status: r.status, error: r.error, latencyMs: r.latencyMs }));
}

/** What a probe needs: OpenClaw's CLI, and the gateway's `models.probe` where the install has it (2026.6+). */
export interface ProbeDeps {
  cli: Pick<OpenClawCli, 'run'>;
  /** Set when the gateway RPC may be used (2026.6+ backend and a connected gateway). */
  rpc?: { probe(params: { provider: string; profileId?: string; agentId?: string; timeoutMs: number }): Promise<RpcProbeResult> } | undefined;
  now(): number;
  redact(text: string): string;
}

/** Asks OpenClaw to try `profileId` of `agentId` once; never throws for a provider's answer, only when OpenClaw cannot be asked. */
export async function probeCredential(deps: ProbeDeps, target: { agentId: string; profileId: string; provider: string }): Promise<CredentialTest> {
  if (deps.rpc) {
    const answer = await deps.rpc.probe({ provider: target.provider, profileId: target.profileId, agentId: target.agentId, timeoutMs: PROBE_TIMEOUT_MS });
    return testFromTargets(probeTargetsFromRpc(answer), target.profileId, deps.now(), deps.redact);
  }
  const args = ['models', 'status', '--json', '--probe', '--probe-profile', target.profileId, '--probe-timeout', String(PROBE_TIMEOUT_MS), '--agent', target.agentId];
  const run = await deps.cli.run(args, { timeoutMs: CLI_DEADLINE_MS });
  // `models status` exits non-zero for a status it does not like but still prints its JSON: only no JSON is a failure.
  const failed = run.ended !== 'exit' || !run.stdout.trim().startsWith('{') ? cliError(run, deps.redact) : undefined;
  if (failed) throw failed;
  return testFromTargets(probeTargetsFromCli(run.stdout), target.profileId, deps.now(), deps.redact);
}
