/**
 * Every credential of the current agent, grouped by provider in the order OpenClaw tries them, with the
 * dialogs behind the row actions (remove with confirmation, copy to another agent) and reordering.
 */
import { useState } from 'react';
import type { AppErrorShape, ProfileView } from '../../../shared/contract';
import { DEFAULT_THRESHOLDS_MS } from '../../../shared/contract';
import { api } from '../api';
import { ConfirmDialog } from '../components/Dialog';
import { ErrorNote } from '../components/ErrorNote';
import { useAppData } from '../hooks/use-app-data';
import { useLocale } from '../hooks/use-locale';
import { useNow } from '../hooks/use-now';
import { groupByProvider, moveInOrder } from '../lib/credential-groups';
import { formRequestFor, type FormRequest } from '../lib/credential-input';
import { providerDisplayName as providerName } from '../../../shared/provider-names';
import { CopyProfileDialog } from './CopyProfileDialog';
import { CredentialRow } from './CredentialRow';

type Pending = { kind: 'remove' | 'copy'; profile: ProfileView } | null;

/** The credentials card; `onRenew` opens a prefilled form, `onAdd` the chooser. */
export function CredentialList({ onRenew, onAdd }: { onRenew: (request: FormRequest) => void; onAdd: () => void }) {
  const { t } = useLocale();
  const { auth, agentId, settings } = useAppData();
  const now = useNow();
  const [pending, setPending] = useState<Pending>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const status = auth.value;
  const thresholds = settings.value?.thresholdsMs ?? DEFAULT_THRESHOLDS_MS;

  const act = async (fn: () => Promise<{ ok: boolean; error?: AppErrorShape }>, done?: string) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    const r = await fn();
    setBusy(false);
    if (r.ok) {
      setPending(null);
      if (done) setNotice(done);
      void auth.reload();
    } else {
      setError(r.error ?? null);
    }
  };

  if (!status) {
    return (
      <section className="card" aria-labelledby="credentials-card-title">
        <h3 id="credentials-card-title">{t('credential.title')}</h3>
        {auth.error ? <ErrorNote error={auth.error} /> : <p className="muted">{t('common.loading')}</p>}
      </section>
    );
  }

  const groups = groupByProvider(status.profiles, status.order);
  return (
    <section className="card" aria-labelledby="credentials-card-title">
      <div className="card-head">
        <h3 id="credentials-card-title">{t('credential.title')}</h3>
        <button type="button" onClick={onAdd}>
          {t('credential.add')}
        </button>
      </div>
      {status.problem && <ErrorNote error={status.problem} />}
      {groups.length === 0 && <p className="muted">{t('credential.none', { agent: agentId })}</p>}
      {status.envProviders.length > 0 && <p className="muted">{t('credential.fromEnv', { providers: status.envProviders.map(providerName).join(', ') })}</p>}
      {notice && (
        <p className="ok-text" role="status">
          {notice}
        </p>
      )}
      {!pending && <ErrorNote error={error} />}
      {groups.map((group) => {
        const ids = group.profiles.map((p) => p.id);
        return (
          <section key={group.provider} className="provider-group" aria-labelledby={`provider-${group.provider}`}>
            <div className="group-head">
              <h4 id={`provider-${group.provider}`}>{providerName(group.provider)}</h4>
              {status.defaultProvider === group.provider && <span className="tag">{t('credential.inUse')}</span>}
            </div>
            <ul className="credential-list">
              {group.profiles.map((p, index) => (
                <CredentialRow
                  key={p.id}
                  profile={p}
                  now={now}
                  thresholdsMs={thresholds}
                  position={{ index, count: ids.length }}
                  busy={busy}
                  actions={{
                    renew: () => onRenew(formRequestFor(p, agentId)),
                    remove: () => setPending({ kind: 'remove', profile: p }),
                    copy: status.agents.length > 1 ? () => setPending({ kind: 'copy', profile: p }) : undefined,
                    move: (dir) => {
                      const order = moveInOrder(ids, p.id, dir);
                      if (order) void act(() => api().authSetOrder({ provider: group.provider, order, agentId }));
                    },
                  }}
                />
              ))}
            </ul>
          </section>
        );
      })}
      {pending?.kind === 'remove' && (
        <ConfirmDialog
          title={t('remove.title', { profile: pending.profile.id })}
          message={<p>{t('remove.message', { profile: pending.profile.id, agent: agentId })}</p>}
          confirmLabel={t('remove.confirm')}
          busy={busy}
          error={<ErrorNote error={error} />}
          onConfirm={() => void act(() => api().authRemoveProfile({ profileId: pending.profile.id, agentId }), t('remove.done', { profile: pending.profile.id }))}
          onCancel={() => {
            setPending(null);
            setError(null);
          }}
        />
      )}
      {pending?.kind === 'copy' && (
        <CopyProfileDialog
          profileId={pending.profile.id}
          fromAgentId={agentId}
          agents={status.agents.filter((a) => a !== agentId)}
          onCancel={() => setPending(null)}
          onDone={(to) => {
            setPending(null);
            setNotice(t('copy.done', { profile: pending.profile.id, agent: to }));
          }}
        />
      )}
    </section>
  );
}
