/**
 * What a gateway run as a background service (launchd, systemd) can read from `$STATE/.env`: the variable
 * names and masked values, and the file's path. The forms' check box writes entries; each can be removed here,
 * and since a running gateway reads `.env` only when it starts, removing one offers to restart it.
 */
import { useEffect, useState } from 'react';
import type { AppErrorShape, OutputOf } from '../../../shared/contract';
import { ErrorNote } from '../components/ErrorNote';
import { RestartAdvice } from '../components/RestartAdvice';
import { api } from '../api';
import { useAppData } from '../hooks/use-app-data';
import { useLocale } from '../hooks/use-locale';
import { maskText } from '../lib/mask-text';

/** What removing a variable did: which one, and whether the running gateway still holds its value. */
interface Removed {
  key: string;
  restartAdvised: boolean;
}

/** The `.env` card; refreshed whenever the auth status changes (saving with the check box changes both). */
export function EnvCard() {
  const { t } = useLocale();
  const { auth } = useAppData();
  const [env, setEnv] = useState<OutputOf<'env:list'> | null>(null);
  const [removed, setRemoved] = useState<Removed | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let live = true;
    void api()
      .envList()
      .then((r) => live && setEnv(r.ok ? r.value : null));
    return () => {
      live = false;
    };
  }, [auth.value?.computedAt, removed]);

  const remove = async (key: string) => {
    setBusy(true);
    setError(null);
    const r = await api().envUnset({ key });
    setBusy(false);
    if (r.ok) setRemoved({ key, restartAdvised: r.value.gatewayRestartAdvised });
    else setError(r.error);
  };
  if (!env) return null;
  return (
    <section className="card" aria-labelledby="env-card-title">
      <h3 id="env-card-title">{t('env.title')}</h3>
      <p className="muted">{t('env.explain')}</p>
      <p>
        <span className="muted">{t('env.file')} </span>
        <code className="path">{env.path}</code>
      </p>
      {env.entries.length === 0 ? (
        <p className="muted">{t('env.empty')}</p>
      ) : (
        <dl className="facts">
          {env.entries.map((e) => (
            <div key={e.key} className="fact-row">
              <dt>
                <code>{e.key}</code>
              </dt>
              <dd>
                <code>{maskText(e.masked, t, t('mask.empty'))}</code>{' '}
                <button type="button" className="button-danger-quiet" disabled={busy} aria-label={t('env.removeLabel', { key: e.key })} onClick={() => void remove(e.key)}>
                  {t('env.remove')}
                </button>
              </dd>
            </div>
          ))}
        </dl>
      )}
      {removed && (
        <div className="note note-ok" role="status">
          <p className="note-title">{t('env.removed', { key: removed.key })}</p>
          {removed.restartAdvised && <RestartAdvice onRestarted={() => setRemoved((x) => (x ? { ...x, restartAdvised: false } : x))} />}
        </div>
      )}
      <ErrorNote error={error} />
    </section>
  );
}
