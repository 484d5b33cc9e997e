/**
 * What a gateway run as a background service (launchd, systemd) can read from `$STATE/.env`: the variable
 * names and masked values, and the file's path. Read-only here; the forms' check box writes entries.
 */
import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../shared/contract';
import { api } from '../api';
import { useAppData } from '../hooks/use-app-data';
import { useLocale } from '../hooks/use-locale';
import { maskText } from '../lib/mask-text';

/** The `.env` card; refreshed whenever the auth status changes (saving with the check box changes both). */
export function EnvCard() {
  const { t } = useLocale();
  const { auth } = useAppData();
  const [env, setEnv] = useState<OutputOf<'env:list'> | null>(null);
  useEffect(() => {
    let live = true;
    void api()
      .envList()
      .then((r) => live && setEnv(r.ok ? r.value : null));
    return () => {
      live = false;
    };
  }, [auth.value?.computedAt]);
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
                <code>{maskText(e.masked, t, t('mask.empty'))}</code>
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
