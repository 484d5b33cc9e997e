/**
 * The copies of credentials an import leaves on disk: OpenClaw's `auth-profiles.json.migrated-*` archives (plain
 * text) and the app's own dated backups (secrets too). Listed for the window, and deleted only when the user picked
 * one of exactly these: a path the listing does not hold is refused, so the channel cannot delete anything else.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { MigrationState } from '../../../shared/contract';
import { CoreError } from '../errors';
import { scanState } from './legacy';

/** The backups folder (in the app's data folder: OpenClaw never looks there). */
export function backupRoot(dataDir: string): string {
  return path.join(dataDir, 'backups');
}

/** The leftover archives, and the app's backups newest first. Never throws. */
export function listCopies(agentsDir: string, dataDir: string): Pick<MigrationState, 'leftovers' | 'backups'> {
  const root = backupRoot(dataDir);
  let backups: string[] = [];
  try {
    backups = fs
      .readdirSync(root, { withFileTypes: true })
      .filter((e) => e.isDirectory() && /^openclaw-state-[0-9T-]+$/.test(e.name))
      .map((e) => path.join(root, e.name))
      .sort()
      .reverse();
  } catch {
    backups = [];
  }
  return { leftovers: scanState(agentsDir).leftovers, backups };
}

/** Deletes the picked copies; throws `VALIDATION` (deleting nothing) when one is not in the current listing. */
export function deleteCopies(agentsDir: string, dataDir: string, leftovers: string[], backups: string[]): void {
  const now = listCopies(agentsDir, dataDir);
  const unknown = [...leftovers.filter((f) => !now.leftovers.includes(f)), ...backups.filter((b) => !now.backups.includes(b))];
  if (unknown.length) throw new CoreError('VALIDATION', 'errors.migration.notACopy', { params: { path: unknown.join(', ') } });
  for (const f of leftovers) fs.rmSync(f, { force: true });
  for (const b of backups) fs.rmSync(b, { recursive: true, force: true });
}
