/**
 * "Restore the previous openclaw.json": shows what a restore changes (the key paths, never values: some are
 * secrets) and restores exactly that; the refused file becomes the new `.bak`, so a second restore undoes it.
 */
import { useEffect, useId, useState } from 'react';
import type { AppErrorShape, GatewayState, OutputOf } from '../../../shared/contract';
import { api } from '../api';
import { BusyButton } from '../components/BusyButton';
import { Dialog } from '../components/Dialog';
import { ErrorNote } from '../components/ErrorNote';
import { useLocale } from '../hooks/use-locale';

type Preview = OutputOf<'gateway:configBackup'>;

/** The dialog; `onRestored` gets the state after the restore and where the refused file is kept. */
export function RestoreConfigDialog(props: { onCancel: () => void; onRestored: (state: GatewayState, keptAs: string) => void }) {
  const { t } = useLocale();
  const describedBy = useId();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void api()
      .gatewayConfigBackup()
      .then((r) => live && (r.ok ? setPreview(r.value) : setError(r.error)));
    return () => {
      live = false;
    };
  }, []);

  const restore = async () => {
    if (!preview?.fingerprint) return;
    setBusy(true);
    setError(null);
    const r = await api().gatewayRestoreConfig({ fingerprint: preview.fingerprint });
    setBusy(false);
    if (r.ok) props.onRestored(r.value.state, r.value.keptAs);
    else setError(r.error);
  };

  return (
    <Dialog title={t('gateway.restore.title')} onCancel={props.onCancel} describedBy={describedBy}>
      <div id={describedBy}>
        {!preview && !error && <p className="muted">{t('common.loading')}</p>}
        {preview && !preview.available && <p>{t('gateway.restore.none', { path: preview.backupPath })}</p>}
        {preview?.available && (
          <>
            <p>{t('gateway.restore.intro', { path: preview.backupPath })}</p>
            {!preview.currentReadable && <p>{t('gateway.restore.unreadable')}</p>}
            <ul className="config-changes" aria-label={t('gateway.restore.changesLabel')}>
              {preview.changes.map((c) => (
                <li key={`${c.change}:${c.path}`}>
                  <code>{c.path}</code> {t(`gateway.restore.change.${c.change}`)}
                </li>
              ))}
              {preview.more > 0 && <li>{t('gateway.restore.more', { count: preview.more })}</li>}
            </ul>
            <p className="muted">{t('gateway.restore.kept')}</p>
          </>
        )}
      </div>
      <ErrorNote error={error} />
      <div className="form-actions">
        <button type="button" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
        {preview?.available && (
          <BusyButton className="button-primary" busy={busy} busyLabel={t('gateway.restore.busy')} onClick={() => void restore()}>
            {t('gateway.restore.confirm')}
          </BusyButton>
        )}
      </div>
    </Dialog>
  );
}
