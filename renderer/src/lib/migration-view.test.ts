import { describe, expect, it } from 'vitest';
import type { MigrationState } from '../../../shared/contract';
import { canImport, initialSelection, showMigration } from './migration-view';

const base: MigrationState = { phase: 'clear', version: '2026.9.6', update: false, reasons: [], leftovers: [], backups: [] };

describe('migration view', () => {
  it('shows the card while there is something to import, an import runs or failed, once it is done, and while copies are left', () => {
    expect(showMigration(null, false)).toBe(false);
    expect(showMigration(base, false)).toBe(false);
    for (const phase of ['needed', 'running', 'failed'] as const) expect(showMigration({ ...base, phase }, true)).toBe(true);
    expect(showMigration({ ...base, phase: 'done' }, false)).toBe(true);
    expect(showMigration({ ...base, phase: 'done' }, true)).toBe(false);
    expect(showMigration({ ...base, leftovers: ['/s/agents/main/agent/auth-profiles.json.migrated-x'] }, true)).toBe(true);
    expect(showMigration({ ...base, backups: ['/d/backups/openclaw-state-x'] }, true)).toBe(false);
  });

  it('offers the import when needed or after a failure, and ticks the leftovers but never the backups', () => {
    expect(canImport({ ...base, phase: 'needed' })).toBe(true);
    expect(canImport({ ...base, phase: 'failed', failure: 'doctor-failed' })).toBe(true);
    expect(canImport({ ...base, phase: 'running' })).toBe(false);
    expect(canImport(base)).toBe(false);
    expect([...initialSelection({ ...base, leftovers: ['a', 'b'], backups: ['c'] })]).toEqual(['a', 'b']);
  });
});
