/**
 * Where OpenClaw was found (path, how it was found, version, how credentials are saved there, the Node that runs it), or everywhere ClawTray
 * looked, and "Install for me" with a progress bar and Cancel (`gateway:install` and its events).
 */
import { useEffect, useId, useState } from 'react';
import type { AppErrorShape, GatewayInstallation, InstallProgress } from '../../../shared/contract';
import { api } from '../api';
import { ErrorNote } from '../components/ErrorNote';
import { useAppData } from '../hooks/use-app-data';
import { useLocale } from '../hooks/use-locale';

/** The installation card for what the gateway state says about the install. */
export function InstallCard({ installation }: { installation: GatewayInstallation | undefined }) {
  const { t } = useLocale();
  const { auth } = useAppData();
  const backend = auth.value?.openclaw?.backend;
  const [progress, setProgress] = useState<InstallProgress | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const progressId = useId();

  useEffect(() => api().onGatewayInstall(setProgress), []);

  const start = async () => {
    setError(null);
    const r = await api().gatewayInstall();
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
          <dd>{installation!.version ?? t('common.unknown')}</dd>
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
      {(!found || progress) && (
        <div className="install-actions">
          {!found && !running && (
            <button type="button" className="button-primary" onClick={() => void start()}>
              {t('install.installForMe')}
            </button>
          )}
          {running && (
            <>
              <label htmlFor={progressId}>{t('install.progress')}</label>
              <progress id={progressId} max={100} value={progress.percent ?? undefined} />
              <button type="button" onClick={() => void cancel()}>
                {t('common.cancel')}
              </button>
            </>
          )}
          {progress?.phase === 'done' && (
            <p role="status" className="note note-ok">
              {installation?.version ? t('install.doneVersion', { version: installation.version }) : t('install.phase.done')}
            </p>
          )}
          {progress && progress.phase !== 'done' && (
            <p role="status" className={progress.phase === 'failed' ? 'error-text' : 'muted'}>
              {progress.phase === 'running' && progress.detail ? t(progress.detail.key, { ...progress.detail.params }) : t(`install.phase.${progress.phase}`)}
              {progress.phase === 'failed' && progress.detail ? ` ${t(progress.detail.key, { ...progress.detail.params })}` : ''}
            </p>
          )}
          {progress?.command && (
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
