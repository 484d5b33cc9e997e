/**
 * "Copy diagnostics" on the Gateway page: one plain-text report for a support request (app, OS, OpenClaw and its
 * Node, credential backend, gateway state and owner, port holder, the last 200 log lines, `openclaw gateway status
 * --json`, `openclaw doctor --lint --json`), with every secret the app can know of redacted: the keys it saved, the
 * gateway token, every value of `$STATE/.env`, and anything that looks like a key or token.
 */
import { execFile } from 'node:child_process';
import os from 'node:os';
import type { GatewayState, LogLine } from '../../../shared/contract';
import { credentialBackendKind } from '../credentials/choose-backend';
import type { OpenClawCli } from '../openclaw/cli';
import { readEnvFile } from '../openclaw/env-file';
import { childEnv } from '../process/child-env';
import type { Located } from '../openclaw/locate';
import { readGatewayConfigInfo } from './gateway-config';
import { findPortHolder, isPortFree } from './port-holder';
import { redact } from '../secrets/redact';

/** How many log lines the report carries. */
export const DIAGNOSTIC_LOG_LINES = 200;
/** Deadline of each OpenClaw command the report runs (doctor takes 4-6 s here). */
export const DIAGNOSTIC_COMMAND_MS = 60_000;

/** Everything the report is made of, collected. */
export interface DiagnosticFacts {
  at: string;
  app: { version: string; shell: string };
  os: string;
  openclaw: { version: string | null; path: string | null; source: string | null };
  node: { version: string | null; path: string | null };
  backend: string;
  stateDir: string;
  state: GatewayState;
  portHolder: string;
  logs: LogLine[];
  status: string;
  doctor: string;
}

/** The report's text, redacted. Pure. */
export function formatDiagnostics(f: DiagnosticFacts, secrets: readonly string[]): string {
  const owner = f.state.owner ?? (f.state.owned ? 'app' : 'other');
  const { installation, ...state } = f.state;
  const lines = [
    `ClawTray diagnostics, ${f.at}`,
    `App: ClawTray ${f.app.version} (${f.app.shell} shell)`,
    `OS: ${f.os}`,
    `OpenClaw: ${f.openclaw.version ?? 'unknown version'} at ${f.openclaw.path ?? 'not found'}${f.openclaw.source ? ` (found through ${f.openclaw.source})` : ''}`,
    `Node.js: ${f.node.version ?? 'unknown version'} at ${f.node.path ?? 'not found'}`,
    `Credential backend: ${f.backend}`,
    `State folder: ${f.stateDir}`,
    `Gateway: ${f.state.status}${f.state.reason ? ` (${f.state.reason})` : ''}, owner ${owner}, port ${f.state.port}${f.state.pid ? `, pid ${f.state.pid}` : ''}`,
    `Port holder: ${f.portHolder}`,
    '',
    '--- gateway state',
    JSON.stringify({ ...state, ...(installation ? { searched: installation.searched } : {}) }, null, 2),
    '',
    `--- last ${f.logs.length} log lines`,
    ...f.logs.map((l) => `${new Date(l.ts).toISOString()} [${l.stream}] ${l.text}`),
    '',
    '--- openclaw gateway status --json',
    f.status.trim(),
    '',
    '--- openclaw doctor --lint --json',
    f.doctor.trim(),
    '',
  ];
  return redact(lines.join('\n'), secrets);
}

/** What collecting needs from the app. */
export interface DiagnosticSources {
  version: string;
  shell: string;
  platform: NodeJS.Platform;
  stateDir: string;
  configPath: string;
  envPath: string;
  now: number;
  located: Located | undefined;
  state: GatewayState;
  logs: (limit: number) => LogLine[];
  cli: OpenClawCli;
  /** Secrets the app saved (for redaction). */
  secrets: () => string[];
}

function nodeVersion(nodePath: string | null): Promise<string | null> {
  if (!nodePath) return Promise.resolve(null);
  return new Promise((resolve) => execFile(nodePath, ['--version'], { timeout: 5000, windowsHide: true, env: childEnv('helper', process.env, { platform: process.platform }) }, (err, out) => resolve(err ? null : String(out).trim())));
}

async function command(cli: OpenClawCli, args: string[]): Promise<string> {
  try {
    const r = await cli.run(args, { timeoutMs: DIAGNOSTIC_COMMAND_MS });
    if (r.ended === 'timeout') return `(no answer within ${DIAGNOSTIC_COMMAND_MS / 1000} s)\n${r.stdout}`;
    const out = r.stdout.trim() ? r.stdout : r.stderr;
    return r.code === 0 || out.trim().startsWith('{') ? out : `(exit code ${r.code}; this OpenClaw may have no such report)\n${out}`;
  } catch (err) {
    return `(could not run: ${err instanceof Error ? err.message : String(err)})`;
  }
}

/** The secrets to redact: the app's, the gateway token, and every `.env` value. */
async function allSecrets(s: DiagnosticSources): Promise<string[]> {
  const token = (await readGatewayConfigInfo(s.configPath, s.now)).token;
  const env = await readEnvFile(s.envPath).catch(() => ({}) as Record<string, string>);
  return [...s.secrets(), ...(token ? [token] : []), ...Object.values(env)];
}

/** Collects everything and returns the redacted report. OpenClaw's two commands run side by side. */
export async function collectDiagnostics(s: DiagnosticSources): Promise<string> {
  const inst = s.located?.installation;
  const port = s.state.port;
  const [node, status, doctor, free, secrets] = await Promise.all([
    nodeVersion(inst?.nodePath ?? null),
    s.located?.launch ? command(s.cli, ['gateway', 'status', '--json']) : Promise.resolve('(OpenClaw not found)'),
    s.located?.launch ? command(s.cli, ['doctor', '--lint', '--json']) : Promise.resolve('(OpenClaw not found)'),
    isPortFree(port),
    allSecrets(s),
  ]);
  const holder = free ? undefined : await findPortHolder(port, s.platform);
  const facts: DiagnosticFacts = {
    at: new Date(s.now).toISOString(),
    app: { version: s.version, shell: s.shell },
    os: `${os.type()} ${os.release()} ${os.arch()} (${s.platform})`,
    openclaw: { version: inst?.version ?? null, path: inst?.openclawPath ?? null, source: inst?.source ?? null },
    node: { version: node, path: inst?.nodePath ?? null },
    backend: credentialBackendKind(inst?.version ?? null),
    stateDir: s.stateDir,
    state: s.state,
    portHolder: free ? `port ${port} is free` : holder ? `pid ${holder.pid ?? '?'} (${holder.command ?? 'unknown command'})` : `port ${port} is in use (holder unknown)`,
    logs: s.logs(DIAGNOSTIC_LOG_LINES),
    status,
    doctor,
  };
  return formatDiagnostics(facts, secrets);
}
