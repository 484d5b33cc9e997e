/**
 * The gateway's ways out of a failure, beside its explanation: "Use port N" for a port someone else holds (the
 * next port that was free, checked again by main, saved and started in one click), and for a config OpenClaw
 * refused, the keys it named, "Restore the previous openclaw.json" and, on OpenClaw 2026.6+, "Repair with OpenClaw".
 */
import { useState } from 'react';
import type { AppErrorShape, GatewayState } from '../../../shared/contract';
import { isCurrentOpenClaw } from '../../../shared/openclaw-versions';
import { api } from '../api';
import { BusyButton } from '../components/BusyButton';
import { ErrorNote } from '../components/ErrorNote';
import { useAppData } from '../hooks/use-app-data';
import { useLocale } from '../hooks/use-locale';
import { RestoreConfigDialog } from './RestoreConfigDialog';
import { canImport } from '../lib/migration-view';
import { ImportDialog } from '../migration/ImportDialog';
import { useImport } from '../migration/use-import';

/**
 * A config OpenClaw 2026.6+ refuses is repaired by its own `doctor --fix`: when the import found it too, the same
 * backed-up import runs from here ("Repair with OpenClaw"); otherwise the command to run.
 */
function RepairWithOpenClaw() {
  const { t } = useLocale();
  const { live, dialog, setDialog, busy, error, start } = useImport();
  const state = live.value;
  if (!state || !canImport(state) || !state.reasons.some((r) => r.kind === 'config-rejected')) return <p className="muted">{t('gateway.repairHint')}</p>;
  return (
    <>
      <p>{t('gateway.repair.hint')}</p>
      <button type="button" className="button-primary" onClick={() => setDialog(true)}>
        {t('gateway.repair.label')}
      </button>
      {!dialog && <ErrorNote error={error} />}
      {dialog && <ImportDialog state={state} busy={busy} error={error} onConfirm={() => void start()} onClose={() => setDialog(false)} />}
    </>
  );
}

/** "Use port N": saves the suggested port and starts the gateway there. */
export function UsePortButton({ state }: { state: GatewayState }) {
  const { t } = useLocale();
  const { gateway } = useAppData();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const port = state.suggestedPort;
  if (state.reason !== 'port-in-use' || !port) return null;
  const use = async () => {
    setBusy(true);
    setError(null);
    const r = await api().gatewayUsePort({ port });
    setBusy(false);
    if (r.ok) gateway.set(r.value);
    else setError(r.error);
  };
  return (
    <>
      <BusyButton className="button-primary" busy={busy} busyLabel={t('gateway.usePort.busy', { port })} onClick={() => void use()}>
        {t('gateway.usePort.label', { port })}
      </BusyButton>
      <ErrorNote error={error} />
    </>
  );
}

/** Where a restore kept the refused file, while the gateway stays stopped after it ("Restored ... start again"). */
export function RestoredNote({ keptAs, state }: { keptAs: string | null; state: GatewayState }) {
  const { t } = useLocale();
  if (!keptAs || state.status !== 'stopped') return null;
  return (
    <p className="note note-ok" role="status">
      {t('gateway.restore.done', { path: keptAs })}
    </p>
  );
}

/** The keys OpenClaw refused, and the restore of the previous file; `onRestored` hears where the refused file went. */
export function ConfigIssues({ state, onRestored }: { state: GatewayState; onRestored: (keptAs: string) => void }) {
  const { t } = useLocale();
  const { gateway } = useAppData();
  const [dialog, setDialog] = useState(false);
  if (state.reason !== 'config') return null;
  return (
    <>
      {state.configIssues && state.configIssues.length > 0 && (
        <>
          <p>{t('gateway.configIssues', { path: state.configFile ?? 'openclaw.json' })}</p>
          <ul className="config-issues" aria-label={t('gateway.configIssuesLabel')}>
            {state.configIssues.map((issue, i) => (
              <li key={i}>
                <code>{issue.path}</code>: {issue.message}
              </li>
            ))}
          </ul>
        </>
      )}
      {isCurrentOpenClaw(state.version) && <RepairWithOpenClaw />}
      <button type="button" onClick={() => setDialog(true)}>
        {t('gateway.restore.open')}
      </button>
      {dialog && (
        <RestoreConfigDialog
          onCancel={() => setDialog(false)}
          onRestored={(next, keptAs) => {
            setDialog(false);
            onRestored(keptAs);
            gateway.set(next);
          }}
        />
      )}
    </>
  );
}
