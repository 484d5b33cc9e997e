/**
 * Consent to the import, then its progress. The dialog says what the import does (a backup first, OpenClaw's own
 * `doctor --fix`, a check of every credential), that it is one way, and that a failure puts everything back. Once
 * started it stays open, showing each step, until the import ends (the page behind stays inert meanwhile, so
 * nothing writes the state folder while OpenClaw imports it); the focus stays on the busy button.
 */
import { useId } from 'react';
import { Trans } from 'react-i18next';
import type { AppErrorShape, MigrationState } from '../../../shared/contract';
import { BusyButton } from '../components/BusyButton';
import { Dialog } from '../components/Dialog';
import { ErrorNote } from '../components/ErrorNote';
import { useLocale } from '../hooks/use-locale';

/** The dialog for `state`; `onConfirm` starts the import, `onClose` closes (refused while it runs). */
export function ImportDialog(props: { state: MigrationState; busy: boolean; error: AppErrorShape | null; onConfirm: () => void; onClose: () => void }) {
  const { t } = useLocale();
  const { state } = props;
  const bodyId = useId();
  const progressId = useId();
  const running = state.phase === 'running' || props.busy;
  const version = state.version ?? '';
  return (
    <Dialog title={t('migration.dialog.title', { version })} onCancel={() => !running && props.onClose()} describedBy={bodyId}>
      <div id={bodyId} className="dialog-body">
        <p>{t('migration.dialog.oneWay', { from: state.fromVersion ?? t('migration.dialog.olderVersions') })}</p>
        <p>{t('migration.dialog.backup')}</p>
        <p>
          <Trans i18nKey="migration.dialog.steps" components={{ code: <code /> }} />
        </p>
        <p>{t('migration.dialog.gateway')}</p>
      </div>
      {state.phase === 'running' && (
        <div className="install-actions">
          <label htmlFor={progressId}>{t('migration.dialog.progress')}</label>
          <progress id={progressId} max={100} value={state.percent ?? 0} />
          <p role="status" className="muted">
            {state.step ? t(`migration.step.${state.step}`, { version }) : t('common.working')}
          </p>
        </div>
      )}
      <ErrorNote error={props.error} />
      <div className="dialog-actions">
        <button type="button" onClick={props.onClose} disabled={running} autoFocus>
          {t('common.cancel')}
        </button>
        <BusyButton className="button-primary" onClick={props.onConfirm} busy={running} busyLabel={t('common.working')}>
          {t('migration.dialog.confirm')}
        </BusyButton>
      </div>
    </Dialog>
  );
}
