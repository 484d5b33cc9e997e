/**
 * Pure choices of the import card: when it shows, what its "Import into OpenClaw" button does, and which copies are
 * ticked for deletion at first (the leftover archives, never the backups: they are the only way back).
 */
import type { MigrationState } from '../../../shared/contract';

/** Whether the card has something to say: something to import, an import running or just ended, copies left. */
export function showMigration(state: MigrationState | null, dismissedDone: boolean): boolean {
  if (!state) return false;
  if (state.phase === 'needed' || state.phase === 'running' || state.phase === 'failed') return true;
  if (state.phase === 'done' && !dismissedDone) return true;
  return state.leftovers.length > 0;
}

/** Whether the user can start (or retry) the import now. */
export function canImport(state: MigrationState | null): boolean {
  return !!state && (state.phase === 'needed' || (state.phase === 'failed' && state.failure !== undefined));
}

/** The copies ticked when the deletion list first shows. */
export function initialSelection(state: MigrationState): Set<string> {
  return new Set(state.leftovers);
}
