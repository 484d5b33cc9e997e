/**
 * Where OpenClaw was found (path, how it was found, version, how credentials are saved there, the Node that runs it), or everywhere ClawTray
 * looked, and "Install for me" with a progress bar and Cancel (`gateway:install` and its events). An OpenClaw older
 * than 2026.6 gets "Update OpenClaw" (`gateway:update`): the current release is downloaded beside it, then the
 * import card takes over.
 */
import { useEffect, useId, useState } from 'react';
import type { AppErrorShape, GatewayInstallation, InstallProgress } from '../../../shared/contract';
import { isCurrentOpenClaw } from '../../../shared/openclaw-versions';
import { api } from '../api';
import { ErrorNote } from '../components/ErrorNote';
import { useAppData } from '../hooks/use-app-data';
import { useLocale } from '../hooks/use-locale';

/** The line saying what the installer is doing, or how it ended. */
function ProgressText({ progress }: { progress: InstallProgress }) {
  const { t } = useLocale();
  const params = { version: progress.version ?? '', count: progress.packages ?? 0, range: progress.nodeRange ?? '' };
  if (progress.phase === 'running') return <>{progress.step ? t(`install.step.${progress.step}`, params) : t('install.phase.running')}</>;
  if (progress.phase === 'failed') return <>{progress.failure ? `${t('install.phase.failed')} ${t(`install.failure.${progress.failure}`, params)}` : t('install.phase.failed')}</>;
  if (progress.phase === 'done' && progress.mode === 'update') return <>{t('install.updated', params)}</>;
  if (progress.phase === 'done' && progress.version) return <>{t('install.doneVersion', params)}</>;
  return <>{t(`install.phase.${progress.phase}`)}</>;
}

/** The installation card for what the gateway state says about the install. */
export function InstallCard({ installation }: { installation: GatewayInstallation | undefined }) {
  const { t } = useLocale();
  const { auth } = useAppData();
  const backend = auth.value?.openclaw?.backend;
  const [progress, setProgress] = useState<InstallProgress | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const progressId = useId();

  useEffect(() => api().onGatewayInstall(setProgress), []);

  const run = async (what: 'install' | 'update') => {
    setError(null);
    const r = await (what === 'install' ? api().gatewayInstall() : api().gatewayUpdate());
    if (r.ok) setProgress(r.value);
    else setError(r.error);
  };
  const cancel = async () => {
    const r = await api().gatewayCancelInstall();
    if (r.ok) setProgress(r.value);
    else setError(r.error);
  };

  const running = progress?.phase === 'running';
  const found = !!installation?.openclawPath;
  const outdated = found && !!installation?.version && !isCurrentOpenClaw(installation.version);
  const updated = progress?.phase === 'done' && progress.mode === 'update';
  return (
    <section className="card" aria-labelledby="install-card-title">
      <h3 id="install-card-title">{t('install.title')}</h3>
      {found ? (
        <dl className="facts">
          <dt>{t('install.path')}</dt>
          <dd>
            <code className="path" data-testid="openclaw-path">
              {installation!.openclawPath}
            </code>
          </dd>
          {installation!.source && (
            <>
              <dt>{t('install.source')}</dt>
              <dd>{t(`install.sourceName.${installation!.source}`)}</dd>
            </>
          )}
          <dt>{t('install.version')}</dt>
          <dd data-testid="openclaw-version">{installation!.version ?? t('common.unknown')}</dd>
          {backend && (
            <>
              <dt>{t('install.credentials')}</dt>
              <dd data-testid="credential-backend">{t(`install.backend.${backend}`)}</dd>
            </>
          )}
          {installation!.nodePath && (
            <>
              <dt>{t('install.node')}</dt>
              <dd>
                <code className="path">{installation!.nodePath}</code>
              </dd>
            </>
          )}
        </dl>
      ) : (
        <p>{installation ? t('install.notFound') : t('common.loading')}</p>
      )}
      {outdated && !running && !updated && <p className="note note-warn">{t('install.updateHint', { version: installation!.version })}</p>}
      {installation && installation.searched.length > 0 && (
        <details>
          <summary>{t('install.searched', { count: installation.searched.length })}</summary>
          <ul className="file-list">
            {installation.searched.map((p) => (
              <li key={p}>
                <code>{p}</code>
              </li>
            ))}
          </ul>
        </details>
      )}
      {(!found || outdated || (progress && !(updated && !outdated))) && (
        <div className="install-actions">
          {!found && !running && (
            <button type="button" className="button-primary" onClick={() => void run('install')}>
              {t('install.installForMe')}
            </button>
          )}
          {outdated && !running && !updated && (
            <button type="button" className="button-primary" onClick={() => void run('update')}>
              {t('install.update')}
            </button>
          )}
          {running && (
            <>
              <label htmlFor={progressId}>{progress.mode === 'update' ? t('install.updateProgress') : t('install.progress')}</label>
              <progress id={progressId} max={100} value={progress.percent ?? undefined} />
              <button type="button" onClick={() => void cancel()}>
                {t('common.cancel')}
              </button>
            </>
          )}
          {progress && !(updated && !outdated) && (
            <p role="status" className={progress.phase === 'failed' ? 'error-text' : progress.phase === 'done' ? 'note note-ok' : 'muted'}>
              <ProgressText progress={progress} />
            </p>
          )}
          {progress?.command && progress.phase === 'failed' && (
            <p className="muted">
              <code>{progress.command}</code>
            </p>
          )}
        </div>
      )}
      <ErrorNote error={error} />
    </section>
  );
}
