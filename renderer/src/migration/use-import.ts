/**
 * The import's state (`migration:state`, kept current) and what starting it takes: the consent dialog open or not,
 * the start request, its error. Shared by the import card and the gateway's "Repair with OpenClaw" (a config
 * OpenClaw 2026.6+ refuses is repaired by the same backed-up `doctor --fix`).
 */
import { useEffect, useState } from 'react';
import type { AppErrorShape, MigrationState } from '../../../shared/contract';
import { api } from '../api';
import { useLive, type Live } from '../hooks/use-live';

/** The import as a component sees it. */
export interface ImportControl {
  live: Live<MigrationState>;
  dialog: boolean;
  setDialog: (open: boolean) => void;
  busy: boolean;
  error: AppErrorShape | null;
  setError: (error: AppErrorShape | null) => void;
  /** Starts (or retries) the import the dialog consented to. */
  start: () => Promise<void>;
}

/** The import's state and controls; the dialog closes by itself once the import it shows has ended. */
export function useImport(): ImportControl {
  const live = useLive<MigrationState>('migration', () => api().migrationState(), (set) => api().onMigrationState(set));
  const [dialog, setDialog] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const phase = live.value?.phase;
  useEffect(() => {
    if (dialog && !busy && (phase === 'done' || phase === 'failed')) setDialog(false);
  }, [dialog, busy, phase]);
  const start = async () => {
    setBusy(true);
    setError(null);
    const r = await api().migrationStart();
    setBusy(false);
    if (r.ok) live.set(r.value);
    else setError(r.error);
  };
  return { live, dialog, setDialog, busy, error, setError, start };
}
