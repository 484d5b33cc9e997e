/**
 * One run of the app's own gateway child, from the supervisor's side: launch `openclaw gateway run` with its
 * command line in the log, and at its end read its last words (both streams drained, a bounded wait) so the exit is
 * judged on everything it said, OpenClaw's "Invalid config" report included (it prints it on stdout).
 */
import type { Clock } from '../clock';
import type { LaunchSpec } from '../openclaw/locate';
import { parseInvalidConfig, type ConfigReport } from './config-report';
import { gatewayArgs, killLeftovers, launchGateway, type GatewayProcess, type LaunchOptions } from './gateway-process';
import type { GatewayLog } from './log-buffer';

/** A launched child and where its own lines start in the log. */
export interface ChildRun {
  process: GatewayProcess;
  /** The log's last sequence number before the child started. */
  fromSeq: number;
}

/** How a child ended, with what it said. */
export interface ChildEnd {
  lastStderr: string[];
  config: ConfigReport | undefined;
}

/** How long its output may take to drain after the exit before it is judged anyway. */
const DRAIN_MS = 250;
/** How many of the newest log lines are searched for its report. */
const LAST_WORDS = 400;

/** Launches the child, its output going to `log` (and `onOutput`); `{ error }` when it could not be started. */
export async function startChildRun(
  o: Omit<LaunchOptions, 'onOutput' | 'launch' | 'port'> & { launch: LaunchSpec; port: number; log: GatewayLog; onOutput: () => void },
): Promise<ChildRun | { error: string }> {
  const { log, onOutput, ...launch } = o;
  log.resetStderr();
  log.note(`$ ${[o.launch.command, ...gatewayArgs(o.launch, o.port)].join(' ')}`);
  const fromSeq = log.tail(1)[0]?.seq ?? 0;
  const p = await launchGateway({
    ...launch,
    onOutput: (stream, chunk) => {
      log.write(stream, chunk);
      onOutput();
    },
  });
  return 'error' in p ? p : { process: p, fromSeq };
}

/** Reads what an ended child said and ends what it left behind. */
export async function readChildEnd(run: ChildRun, exit: { code: number | null; signal: string | null }, o: { log: GatewayLog; clock: Clock; platform: NodeJS.Platform }): Promise<ChildEnd> {
  await Promise.race([run.process.outputEnded, new Promise<void>((r) => o.clock.setTimeout(r, DRAIN_MS))]);
  o.log.endStreams();
  o.log.note(`OpenClaw exited (${exit.signal ? `signal ${exit.signal}` : `code ${exit.code}`}).`);
  killLeftovers(run.process, o.platform);
  const output = o.log.tail(LAST_WORDS).filter((l) => l.seq > run.fromSeq && l.stream !== 'app').map((l) => l.text);
  return { lastStderr: o.log.lastStderr(), config: parseInvalidConfig(output) };
}
