/**
 * Every credential of the current agent, grouped by provider in the order OpenClaw tries them, with the
 * dialogs behind the row actions (remove with confirmation and every place the secret is, copy to another agent) and reordering. A long list gets
 * a search field, and long groups and many providers are shown a page at a time (see `ProviderGroup`), so the card
 * costs the same with 10 credentials or 10,000.
 */
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { AppErrorShape, AuthStatus, ProfileView, Result } from '../../../shared/contract';
import { api } from '../api';
import { ErrorNote } from '../components/ErrorNote';
import { RestartAdvice } from '../components/RestartAdvice';
import { TextField } from '../components/TextField';
import { useAppData } from '../hooks/use-app-data';
import { useLocale } from '../hooks/use-locale';
import { filterProfiles, groupByProvider, modelLeftWithout, moveInOrder, withoutCleared } from '../lib/credential-groups';
import { focusFirst, focusLost } from '../lib/focus';
import { formatList } from '../lib/format';
import { formRequestFor, ownCopyRequest, type FormRequest } from '../lib/form-request';
import { providerDisplayName as providerName } from '../../../shared/provider-names';
import { CopyProfileDialog } from './CopyProfileDialog';
import type { RowAction } from './CredentialRow';
import { ProviderGroup } from './ProviderGroup';
import { RemoveDialog } from './RemoveDialog';

/** The search field appears above this many credentials; providers are shown this many at a time. */
export const FILTER_FROM = 8;
export const PROVIDERS_STEP = 20;
/** The scale of the expiry bars before settings are known (the settings' default thresholds: 7 d, 24 h, 1 h). */
const FALLBACK_THRESHOLDS: readonly number[] = [7 * 86_400_000, 86_400_000, 3_600_000];

type Pending = { kind: 'remove' | 'copy'; profile: ProfileView } | null;

/**
 * Where the focus goes once the list that follows an action has come (a status other than `seen`, without the
 * removed profile `gone`), or the action failed: a row (and which of its buttons first), else the Add button.
 */
type FocusAfter = { profileId: string | null; buttons: RowAction[]; seen: unknown; gone?: string } | null;

/** A row's element, or one of its buttons (`data-action`). */
const rowElement = (profileId: string | null) => (profileId ? document.querySelector<HTMLElement>(`li[data-profile="${CSS.escape(profileId)}"]`) : null);
const rowButton = (profileId: string, action: RowAction) => rowElement(profileId)?.querySelector<HTMLElement>(`button[data-action="${action}"]`);

/**
 * Whether removing `profile` from `agentId` removes it for every agent: on OpenClaw 2026.6+ a shared credential
 * (one the agent inherits, or any of the default agent's, whose store is the shared one) goes for all.
 */
export function removesForAll(status: Pick<AuthStatus, 'openclaw' | 'agents'>, profile: Pick<ProfileView, 'origin'>, agentId: string): boolean {
  if (!status.openclaw?.capabilities.removeFromInheritingAgentRemovesForAll || status.agents.length < 2) return false;
  return profile.origin === 'inherited' || (agentId === status.agents[0] && profile.origin === undefined);
}

/** The credentials card; `onRenew` opens a prefilled form, `onAdd` the chooser. */
export function CredentialList({ onRenew, onAdd }: { onRenew: (request: FormRequest) => void; onAdd: () => void }) {
  const { t } = useLocale();
  const { auth, agentId, settings } = useAppData();
  const [pending, setPending] = useState<Pending>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  /** The last removal cleared a `.env` key a running gateway still has. */
  const [restartAdvised, setRestartAdvised] = useState(false);
  const [query, setQuery] = useState('');
  const [providersShown, setProvidersShown] = useState(PROVIDERS_STEP);
  const focusAfter = useRef<FocusAfter>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const deferredQuery = useDeferredValue(query);
  const status = auth.value;
  const thresholds = settings.value?.thresholdsMs ?? FALLBACK_THRESHOLDS;

  const groups = useMemo(() => (status ? groupByProvider(status.profiles, status.order) : []), [status]);
  const shownGroups = useMemo(() => {
    if (!deferredQuery.trim()) return groups;
    return groups.map((g) => ({ ...g, profiles: filterProfiles(g.profiles, deferredQuery, providerName) })).filter((g) => g.profiles.length > 0);
  }, [groups, deferredQuery]);
  const filtering = deferredQuery.trim() !== '';
  const matches = filtering ? shownGroups.reduce((n, g) => n + g.profiles.length, 0) : 0;

  // A removed row hands the focus to its neighbour (the Add button when it was the last); a moved row keeps it on its
  // move buttons, even when the one pressed no longer applies (moved to the top).
  useEffect(() => {
    const after = focusAfter.current;
    if (!after || !status || busy) return;
    const waiting = status === after.seen || (after.gone !== undefined && status.profiles.some((p) => p.id === after.gone));
    if (waiting && !error) return;
    focusAfter.current = null;
    if (!focusLost()) return;
    const id = after.profileId;
    focusFirst(...(id ? after.buttons.map((a) => rowButton(id, a)) : []), rowElement(id), addButton.current);
  }, [status, busy, error]);

  const act = useCallback(
    async (fn: () => Promise<Result<{ ok: true; gatewayRestartAdvised?: boolean }>>, done?: string) => {
      setBusy(true);
      setError(null);
      setNotice(null);
      setRestartAdvised(false);
      const r = await fn();
      setBusy(false);
      if (r.ok) {
        setPending(null);
        if (done) setNotice(done);
        setRestartAdvised(r.value.gatewayRestartAdvised === true);
        void auth.reload();
      } else {
        setError(r.error);
      }
    },
    [auth],
  );

  // Rows get one stable callback; it reads the latest state through this ref.
  const repaste = status?.openclaw?.capabilities.copyIsRepaste === true;
  const latest = useRef({ groups, agentId, onRenew, act, busy, status, repaste });
  latest.current = { groups, agentId, onRenew, act, busy, status, repaste };
  const onAction = useCallback((action: RowAction, profileId: string) => {
    const { groups: all, agentId: agent, onRenew: renew, act: run, busy: running, status: seen, repaste: ownCopy } = latest.current;
    const group = all.find((g) => g.profiles.some((p) => p.id === profileId));
    const profile = group?.profiles.find((p) => p.id === profileId);
    if (!group || !profile) return;
    if (action === 'renew') renew(formRequestFor(profile, agent));
    // OpenClaw 2026.6+ never gives a secret back: this agent's own copy is a form where the secret is pasted again.
    else if (action === 'copy' && ownCopy) renew(ownCopyRequest(profile, agent));
    else if (action === 'remove' || action === 'copy') setPending({ kind: action, profile });
    else if (!running) {
      focusAfter.current = { profileId, buttons: action === 'up' ? ['up', 'down'] : ['down', 'up'], seen };
      const order = moveInOrder(
        group.profiles.map((p) => p.id),
        profileId,
        action === 'up' ? -1 : 1,
      );
      if (order) void run(() => api().authSetOrder({ provider: group.provider, order, agentId: agent }));
    }
  }, []);

  if (!status) {
    return (
      <section className="card" aria-labelledby="credentials-card-title">
        <h3 id="credentials-card-title">{t('credential.title')}</h3>
        {auth.error ? <ErrorNote error={auth.error} /> : <p className="muted">{t('common.loading')}</p>}
      </section>
    );
  }

  const total = status.profiles.length;
  const hiddenGroups = shownGroups.length - Math.min(providersShown, shownGroups.length);
  return (
    <section className="card" aria-labelledby="credentials-card-title" data-count={total}>
      <div className="card-head">
        <h3 id="credentials-card-title">{t('credential.title')}</h3>
        <button type="button" onClick={onAdd} ref={addButton}>
          {t('credential.add')}
        </button>
      </div>
      {status.problem && <ErrorNote error={status.problem} />}
      {total === 0 && <p className="muted">{t('credential.none', { agent: agentId })}</p>}
      {status.envProviders.length > 0 && <p className="muted">{t('credential.fromEnv', { providers: status.envProviders.map(providerName).join(', ') })}</p>}
      {total > FILTER_FROM && (
        <div className="credential-filter">
          <TextField name="credential-filter" type="search" label={t('credential.filterLabel')} help={t('credential.filterHelp')} value={query} onChange={setQuery} autoComplete="off" />
          <p className="muted" role="status">
            {filtering && (matches > 0 ? t('credential.filterCount', { count: matches, total }) : t('credential.noMatch', { query: deferredQuery.trim() }))}
          </p>
        </div>
      )}
      {notice && (
        <p className="ok-text" role="status">
          {notice}
        </p>
      )}
      {restartAdvised && (
        <div className="note note-warn" data-testid="remove-restart-advice">
          <RestartAdvice onRestarted={() => setRestartAdvised(false)} />
        </div>
      )}
      {!pending && <ErrorNote error={error} />}
      {shownGroups.slice(0, providersShown).map((group) => (
        <ProviderGroup
          key={group.provider}
          provider={group.provider}
          profiles={group.profiles}
          inUse={status.defaultProvider === group.provider}
          movable={!filtering}
          thresholdsMs={thresholds}
          copyMode={repaste ? 'repaste' : status.agents.length > 1 ? 'copy' : 'none'}
          agentId={agentId}
          busy={busy}
          onAction={onAction}
        />
      ))}
      {hiddenGroups > 0 && (
        <button type="button" className="show-more" onClick={() => setProvidersShown((n) => n + PROVIDERS_STEP)}>
          {t('credential.showMoreProviders', { count: Math.min(PROVIDERS_STEP, hiddenGroups) })}
        </button>
      )}
      {pending?.kind === 'remove' && (
        <RemoveDialog
          profileId={pending.profile.id}
          agentId={agentId}
          stateDir={status.files.config.replace(/[\\/][^\\/]*$/, '')}
          message={(cleared) => (
            <RemoveMessage
              profile={pending.profile}
              agentId={agentId}
              model={modelLeftWithout(withoutCleared(status, cleared), pending.profile.id)}
              sharedWith={removesForAll(status, pending.profile, agentId) ? status.agents : null}
            />
          )}
          busy={busy}
          error={error}
          onConfirm={(places) => {
            focusAfter.current = { profileId: neighbourOf(shownGroups, pending.profile.id), buttons: [], seen: status, gone: pending.profile.id };
            void act(() => api().authRemoveProfile({ profileId: pending.profile.id, agentId, ...(places ? { places } : {}) }), t('remove.done', { profile: pending.profile.id }));
          }}
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

/** The row after `profileId` in its group, else the one before, else null: where the focus goes when it is removed. */
function neighbourOf(groups: readonly { profiles: readonly ProfileView[] }[], profileId: string): string | null {
  for (const g of groups) {
    const i = g.profiles.findIndex((p) => p.id === profileId);
    if (i >= 0) return (g.profiles[i + 1] ?? g.profiles[i - 1])?.id ?? null;
  }
  return null;
}

/** What removing a credential does, and, when it is the default model's last usable one, that requests will stop. */
function RemoveMessage({ profile, agentId, model, sharedWith }: { profile: ProfileView; agentId: string; model: string | null; sharedWith: string[] | null }) {
  const { t, locale } = useLocale();
  return (
    <>
      <p>{t('remove.message', { profile: profile.id, agent: agentId })}</p>
      {sharedWith && <p className="warning-text">{t('remove.sharedWarning', { agents: formatList(sharedWith, locale), agent: agentId })}</p>}
      {model && (
        <p className="note note-warn" data-testid="remove-last-warning">
          {t('remove.lastForModel', { model, provider: providerName(profile.provider) })}
        </p>
      )}
    </>
  );
}
