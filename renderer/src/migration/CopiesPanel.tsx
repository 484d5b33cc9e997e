/**
 * The plain-text copies an import leaves (`auth-profiles.json.migrated-*`) and the backups the app made, each with
 * a check box (the leftovers ticked, the backups not: they are the only way back to an older OpenClaw), and a
 * "Delete selected" that asks first.
 */
import { useEffect, useState } from 'react';
import type { AppErrorShape, MigrationState } from '../../../shared/contract';
import { api } from '../api';
import { CheckboxField } from '../components/CheckboxField';
import { ConfirmDialog } from '../components/Dialog';
import { ErrorNote } from '../components/ErrorNote';
import { useLocale } from '../hooks/use-locale';
import { initialSelection } from '../lib/migration-view';

/** The deletion list for `state`; `onState` receives the state after a deletion. */
export function CopiesPanel({ state, onState }: { state: MigrationState; onState: (s: MigrationState) => void }) {
  const { t } = useLocale();
  const [picked, setPicked] = useState<Set<string>>(() => initialSelection(state));
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [deleted, setDeleted] = useState(false);
  const listed = [...state.leftovers, ...state.backups].join('\n');
  // A new list (another import's leftovers) starts from the default choice again.
  useEffect(() => setPicked(initialSelection(state)), [listed]);
  if (state.leftovers.length === 0 && state.backups.length === 0) return deleted ? <p role="status" className="ok-text">{t('migration.copies.deleted')}</p> : null;
  const toggle = (file: string, on: boolean) => {
    const next = new Set(picked);
    if (on) next.add(file);
    else next.delete(file);
    setPicked(next);
  };
  const remove = async () => {
    setBusy(true);
    setError(null);
    const r = await api().migrationDeleteCopies({ leftovers: state.leftovers.filter((f) => picked.has(f)), backups: state.backups.filter((b) => picked.has(b)) });
    setBusy(false);
    setAsking(false);
    if (!r.ok) return setError(r.error);
    setDeleted(true);
    setPicked(new Set());
    onState(r.value);
  };
  return (
    <div className="copies">
      <h4>{t('migration.copies.title')}</h4>
      {state.leftovers.length > 0 && (
        <fieldset className="field">
          <legend>{t('migration.copies.leftovers')}</legend>
          {state.leftovers.map((f) => (
            <CheckboxField key={f} name="leftover" label={f} checked={picked.has(f)} onChange={(on) => toggle(f, on)} />
          ))}
        </fieldset>
      )}
      {state.backups.length > 0 && (
        <fieldset className="field">
          <legend>{t('migration.copies.backups')}</legend>
          {state.backups.map((b) => (
            <CheckboxField key={b} name="backup" label={b} checked={picked.has(b)} onChange={(on) => toggle(b, on)} />
          ))}
        </fieldset>
      )}
      <div className="button-row">
        <button type="button" className="button-danger-quiet" disabled={picked.size === 0} onClick={() => setAsking(true)}>
          {t('migration.copies.delete')}
        </button>
      </div>
      {deleted && (
        <p role="status" className="ok-text">
          {t('migration.copies.deleted')}
        </p>
      )}
      <ErrorNote error={error} />
      {asking && (
        <ConfirmDialog
          title={t('migration.copies.confirmTitle')}
          message={
            <ul className="file-list">
              {[...picked].map((f) => (
                <li key={f}>
                  <code className="path">{f}</code>
                </li>
              ))}
            </ul>
          }
          confirmLabel={t('migration.copies.confirm')}
          busy={busy}
          onConfirm={() => void remove()}
          onCancel={() => setAsking(false)}
        />
      )}
    </div>
  );
}
