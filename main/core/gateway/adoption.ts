/**
 * The two ends of "keep the gateway running when ClawTray quits": at quit, record which process is left running;
 * at the next start, decide from that record whether the gateway on the port is that very process (re-own it) or
 * not (leave it external, and drop a record that can never match again).
 */
import type { Clock } from '../clock';
import { readProcessIdentity, type ProcessIdentity } from '../process/process-identity';
import { AdoptedGateway } from './adopted-gateway';
import { readGatewayConfigInfo } from './gateway-config';
import { isOpenClawLive, type HealthClient } from './health';
import { adoptionVerdict, ownerRecordFor, readOwnerRecord, removeOwnerRecord, writeOwnerRecord, type AdoptionVerdict, type OwnerRecord } from './owner-record';

/** What the adoption check reads. */
export interface AdoptionInputs {
  recordFile: string;
  stateDir: string;
  port: number;
  health: HealthClient;
  identify: (pid: number) => Promise<ProcessIdentity | undefined>;
}

/** The outcome of the check: the process to re-own (with its record), or why not. */
export type AdoptionCheck = { verdict: 'adopt'; identity: ProcessIdentity; record: OwnerRecord } | { verdict: Exclude<AdoptionVerdict, 'adopt'> | 'none'; record?: OwnerRecord };

/** Reads the record and checks it against the live process and port; drops records of gone or recycled pids. */
export async function checkAdoption(i: AdoptionInputs): Promise<AdoptionCheck> {
  const record = await readOwnerRecord(i.recordFile);
  if (!record) return { verdict: 'none' };
  const identity = await i.identify(record.pid);
  const answers = !!identity && isOpenClawLive(await i.health.get(i.port, '/healthz'));
  const verdict = adoptionVerdict(record, { identity, stateDir: i.stateDir, port: i.port, answers });
  if (verdict === 'gone' || verdict === 'recycled') await removeOwnerRecord(i.recordFile).catch(() => undefined);
  return verdict === 'adopt' ? { verdict, identity: identity!, record } : { verdict, record };
}

/** Words for the log about a check that did not adopt, or undefined when there is nothing to say. Pure. */
export function adoptionNote(check: AdoptionCheck): string | undefined {
  const pid = check.record?.pid;
  switch (check.verdict) {
    case 'gone':
      return `The gateway ClawTray left running (pid ${pid}) has ended since.`;
    case 'recycled':
      return `Pid ${pid}, recorded for the gateway ClawTray left running, now belongs to another program; it is left alone.`;
    case 'silent':
      return `The gateway ClawTray left running (pid ${pid}) does not answer on its port; it is not taken over.`;
    default:
      return undefined;
  }
}

/** Records the process about to be left running; false when its identity could not be read (nothing is written). */
export async function recordKeptGateway(
  pid: number,
  o: { recordFile: string; port: number; stateDir: string; logFile?: string | undefined; now: number; platform: NodeJS.Platform; identify?: (pid: number) => Promise<ProcessIdentity | undefined> },
): Promise<boolean> {
  const identity = await (o.identify ?? ((p) => readProcessIdentity(p, o.platform)))(pid);
  if (!identity) return false;
  await writeOwnerRecord(o.recordFile, ownerRecordFor(identity, o));
  return true;
}

/** What re-owning needs from the supervisor. */
export interface AdoptHost extends Omit<AdoptionInputs, 'identify'> {
  configPath: string;
  clock: Clock;
  platform: NodeJS.Platform;
  identify?: ((pid: number) => Promise<ProcessIdentity | undefined>) | undefined;
  followMs?: number | undefined;
  note: (line: string) => void;
}

/** The re-owned gateway with the token to redact and the log file to follow, or undefined when nothing matches. */
export async function adoptRecorded(h: AdoptHost): Promise<{ adopted: AdoptedGateway; token: string | undefined; logFile: string } | undefined> {
  const identify = h.identify ?? ((pid: number) => readProcessIdentity(pid, h.platform));
  const check = await checkAdoption({ ...h, identify });
  const why = adoptionNote(check);
  if (why) h.note(why);
  if (check.verdict !== 'adopt') return undefined;
  const info = await readGatewayConfigInfo(h.configPath, h.clock.now());
  const logFile = check.record.logFile ?? info.logFile;
  const adopted = new AdoptedGateway(check.identity, { clock: h.clock, platform: h.platform, identify, ...(h.followMs ? { checkMs: h.followMs } : {}) });
  h.note(`Took back the gateway ClawTray started earlier (pid ${adopted.pid}); its output now comes from ${logFile}.`);
  return { adopted, token: info.token, logFile };
}
