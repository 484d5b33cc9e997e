/**
 * The note the app leaves in its data folder when it quits and keeps its gateway running: which process that is
 * (pid, process group, OS start time, command line), on which port and for which state dir, and where OpenClaw
 * logs. On the next start the app re-owns that gateway only when the same process still runs and answers; any
 * doubt leaves it `external`, never signalled.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { readFileIfExists, writeFileAtomic } from '../fs/atomic-file';
import { sameProcess, type ProcessIdentity } from '../process/process-identity';

/** The record's file in the app's data folder. */
export function ownerRecordPath(dataDir: string): string {
  return path.join(dataDir, 'gateway-owner.json');
}

const OwnerRecordSchema = z.object({
  version: z.literal(1),
  pid: z.number().int().positive(),
  pgid: z.number().int().positive(),
  startTime: z.string().min(1),
  command: z.string(),
  port: z.number().int().min(1).max(65535),
  stateDir: z.string().min(1),
  logFile: z.string().optional(),
  recordedAt: z.number(),
});

/** A gateway the app left running. */
export type OwnerRecord = z.infer<typeof OwnerRecordSchema>;

/** The record on disk; undefined when there is none or it does not parse (an unreadable note adopts nothing). */
export async function readOwnerRecord(file: string): Promise<OwnerRecord | undefined> {
  const text = await readFileIfExists(file).catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const parsed = OwnerRecordSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Writes the record atomically (0600). */
export async function writeOwnerRecord(file: string, record: OwnerRecord): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(record, null, 2)}\n`);
}

/** Removes the record (nothing to do when it is already gone). */
export async function removeOwnerRecord(file: string): Promise<void> {
  await fs.rm(file, { force: true });
}

/** The record for a process about to be left running. Pure. */
export function ownerRecordFor(id: ProcessIdentity, o: { port: number; stateDir: string; logFile?: string | undefined; now: number }): OwnerRecord {
  return { version: 1, pid: id.pid, pgid: id.pgid, startTime: id.startTime, command: id.command, port: o.port, stateDir: o.stateDir, ...(o.logFile ? { logFile: o.logFile } : {}), recordedAt: o.now };
}

/**
 * What to do with a record. `adopt`: same process, same state dir and port, and it answers. `other-setup`: the app
 * now manages another state dir or port (the record stays, untouched). `gone`/`recycled`: the recorded process
 * ended, or its pid now belongs to another program (drop the record; never signal). `silent`: it is ours but does
 * not answer as a gateway (keep the record, do not adopt yet). Pure.
 */
export type AdoptionVerdict = 'adopt' | 'other-setup' | 'gone' | 'recycled' | 'silent';

/** Decides what a record means now (see `AdoptionVerdict`). Pure. */
export function adoptionVerdict(
  record: OwnerRecord,
  now: { identity: ProcessIdentity | undefined; stateDir: string; port: number; answers: boolean },
): AdoptionVerdict {
  if (path.resolve(record.stateDir) !== path.resolve(now.stateDir) || record.port !== now.port) return 'other-setup';
  if (!now.identity) return 'gone';
  if (!sameProcess(record, now.identity) || now.identity.pgid !== record.pgid) return 'recycled';
  return now.answers ? 'adopt' : 'silent';
}
