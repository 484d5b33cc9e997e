/**
 * The default model OpenClaw answers with, whether a credential for its provider exists, and a picker of the
 * configured models to change it (`models:setDefault`).
 */
import { useEffect, useId, useState } from 'react';
import type { AppErrorShape } from '../../../shared/contract';
import { api } from '../api';
import { ErrorNote } from '../components/ErrorNote';
import { useAppData } from '../hooks/use-app-data';
import { useLocale } from '../hooks/use-locale';
import { formRequestForProvider, type FormRequest } from '../lib/credential-input';

/** The default model card; `onAddCredential` opens the form for a provider that has no credential. */
export function DefaultModelCard({ onAddCredential }: { onAddCredential: (request: FormRequest) => void }) {
  const { t } = useLocale();
  const { auth, agentId } = useAppData();
  const status = auth.value;
  const selectId = useId();
  const [choice, setChoice] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [done, setDone] = useState(false);

  useEffect(() => setChoice(status?.defaultModel ?? ''), [status?.defaultModel]);
  if (!status) return null;

  const refs = [...new Set([...(status.defaultModel ? [status.defaultModel] : []), ...status.models.map((m) => m.ref)])];
  const nameOf = (ref: string) => status.models.find((m) => m.ref === ref)?.name;

  const apply = async () => {
    setBusy(true);
    setError(null);
    setDone(false);
    const r = await api().modelsSetDefault({ model: choice });
    setBusy(false);
    if (r.ok) {
      setDone(true);
      void auth.reload();
    } else {
      setError(r.error);
    }
  };

  return (
    <section className="card" aria-labelledby="model-card-title">
      <h3 id="model-card-title">{t('model.title')}</h3>
      {status.defaultModel ? (
        <p>
          <code data-testid="default-model">{status.defaultModel}</code>{' '}
          <span className="chip" data-tone={status.defaultModelUsable ? 'ok' : 'error'}>
            {status.defaultModelUsable ? t('model.usable') : t('model.unusable')}
          </span>
        </p>
      ) : (
        <p className="muted">{t('model.none')}</p>
      )}
      {status.missingProvidersInUse.map((provider) => (
        <div key={provider} className="note note-warn">
          <p>{t('model.missingProvider', { provider })}</p>
          <button type="button" onClick={() => onAddCredential(formRequestForProvider(provider, agentId))}>
            {t('model.addFor', { provider })}
          </button>
        </div>
      ))}
      {(refs.length > 1 || (refs.length === 1 && !status.defaultModel)) && (
        <div className="inline-form">
          <label htmlFor={selectId}>{t('model.pick')}</label>
          <select id={selectId} value={choice} onChange={(e) => setChoice(e.target.value)}>
            {!choice && <option value="">{t('model.choose')}</option>}
            {refs.map((ref) => (
              <option key={ref} value={ref}>
                {nameOf(ref) ? `${nameOf(ref)} (${ref})` : ref}
              </option>
            ))}
          </select>
          <button type="button" onClick={() => void apply()} disabled={busy || !choice || choice === status.defaultModel} aria-busy={busy || undefined}>
            {busy ? t('common.working') : t('model.apply')}
          </button>
        </div>
      )}
      {done && (
        <p className="ok-text" role="status">
          {t('model.changed')}
        </p>
      )}
      <ErrorNote error={error} />
    </section>
  );
}
