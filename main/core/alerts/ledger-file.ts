/**
 * Where the alert ledger lives (`alerts-ledger.json` in the app's data folder) and how it is read and written:
 * atomically at 0600 through `atomic-file`. A ledger that does not parse is kept aside as a `.corrupt-<time>` copy
 * and the monitor starts afresh (its content is the app's own memory, not the user's data).
 */
import path from 'node:path';
import { readParsedFile, writeFileAtomic } from '../fs/atomic-file';
import { CoreError } from '../errors';
import { parseLedger, serializeLedger, type LedgerEntries } from './ledger';

/** The ledger's path in the app's data folder. */
export function ledgerPath(dataDir: string): string {
  return path.join(dataDir, 'alerts-ledger.json');
}

/** Reads the ledger; empty when missing; `corrupt` names the kept copy when the file could not be parsed. */
export async function loadLedger(file: string, now: number): Promise<{ entries: LedgerEntries; corrupt?: string }> {
  try {
    const read = await readParsedFile(file, parseLedger, { now });
    return { entries: read?.value ?? {} };
  } catch (err) {
    if (err instanceof CoreError && err.code === 'CORRUPT_FILE') return { entries: {}, corrupt: err.details?.copy ?? file };
    throw err;
  }
}

/** Replaces the ledger on disk; a failed write leaves the previous file whole. */
export async function saveLedger(file: string, entries: LedgerEntries): Promise<void> {
  await writeFileAtomic(file, serializeLedger(entries));
}
