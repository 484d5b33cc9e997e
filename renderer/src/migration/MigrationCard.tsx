/**
 * "Import into OpenClaw": what is wrong in plain words (credential files of an older OpenClaw, a config the current
 * one rejects, in OpenClaw's own words), the button to the consent dialog, the outcome (done, or failed with what
 * OpenClaw said, whether everything was put back and where the backup is), and the leftover copies to delete.
 * Follows `migration:state`; shown on the status panel and the gateway page.
 */
import { useState } from 'react';
import { api } from '../api';
import { ErrorNote } from '../components/ErrorNote';
import { useLocale } from '../hooks/use-locale';
import { canImport, showMigration } from '../lib/migration-view';
import { CopiesPanel } from './CopiesPanel';
import { ImportDialog } from './ImportDialog';
import { useImport } from './use-import';

/** A sentence about the backup and the folder it is in. */
function BackupFolder({ label, path }: { label: string; path: string }) {
  return (
    <>
      <p>{label}</p>
      <p>
        <code className="path" data-testid="migration-backup">
          {path}
        </code>
      </p>
    </>
  );
}

/** The import card, or nothing when there is nothing to say. */
export function MigrationCard() {
  const { t } = useLocale();
  const { live, dialog, setDialog, busy, error, setError, start } = useImport();
  const state = live.value;
  const [dismissed, setDismissed] = useState(false);

  if (!state || !showMigration(state, dismissed)) return null;
  const version = state.version ?? '';
  const discard = async () => {
    const r = await api().migrationDiscardUpdate();
    if (r.ok) live.set(r.value);
    else setError(r.error);
  };
  const tone = state.phase === 'failed' ? 'note-error' : state.phase === 'done' ? 'note-ok' : 'note-warn';
  return (
    <section className="card" aria-labelledby="migration-title" data-testid="migration-card">
      <h3 id="migration-title">{t('migration.title', { version })}</h3>
      {(state.phase === 'needed' || state.phase === 'running') && (
        <div className={`note ${tone}`}>
          <p className="note-title">{t('migration.needed', { version })}</p>
          {state.update && <p>{t('migration.update', { version, from: state.fromVersion ?? t('common.unknown') })}</p>}
          {state.reasons.map((r) => (
            <div key={r.kind}>
              <p>{t(`migration.reason.${r.kind}`, { version })}</p>
              <ul className="file-list">
                {(r.kind === 'config-rejected' ? r.issues : r.files).map((item) => (
                  <li key={item}>
                    <code className="path">{item}</code>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      )}
      {state.phase === 'failed' && (
        <div className="note note-error" role="alert">
          <p className="note-title">{t('migration.failedTitle')}</p>
          {state.failure && <p>{t(`migration.failure.${state.failure}`, { version })}</p>}
          {state.detail && (
            <pre className="stderr" aria-label={t('migration.openclawSaid')} tabIndex={0}>
              {state.detail}
            </pre>
          )}
          {state.backupDir && <BackupFolder label={state.restored ? t('migration.restored') : t('migration.notRestored')} path={state.backupDir} />}
        </div>
      )}
      {state.phase === 'done' && (
        <div className="note note-ok" role="status">
          <p className="note-title">{t('migration.done', { version })}</p>
          {state.backupDir && <BackupFolder label={t('migration.backupAt')} path={state.backupDir} />}
        </div>
      )}
      <div className="button-row">
        {canImport(state) && (
          <button type="button" className="button-primary" onClick={() => setDialog(true)}>
            {state.phase === 'failed' ? t('migration.tryAgain') : t('migration.import')}
          </button>
        )}
        {state.update && state.phase !== 'running' && (
          <button type="button" onClick={() => void discard()}>
            {t('migration.discard')}
          </button>
        )}
        {state.phase === 'done' && state.leftovers.length === 0 && (
          <button type="button" className="button-quiet" onClick={() => setDismissed(true)}>
            {t('migration.dismiss')}
          </button>
        )}
      </div>
      {state.phase !== 'running' && <CopiesPanel state={state} onState={live.set} />}
      {!dialog && <ErrorNote error={error} />}
      {dialog && <ImportDialog state={state} busy={busy} error={error} onConfirm={() => void start()} onClose={() => setDialog(false)} />}
    </section>
  );
}
