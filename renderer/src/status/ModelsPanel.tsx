/**
 * The "Models" panel of the Status page: every model the chosen agent uses (default, fallbacks in order, image
 * model), the credential that serves each, its state in OpenClaw's words and colours, the one action that fixes a
 * bad state, and a headline equal to `openclaw models status --check`. Live: `models:changed` from main, and main
 * asked again when the view changes with the clock alone (a cooldown's end, a token's last 24 h, its expiry); a
 * cooldown counts down on the window's one clock. Below, the picker for the default model and its fallbacks.
 */
import { memo, useEffect, useState } from 'react';
import type { ModelRow, ModelsView } from '../../../shared/contract';
import { providerDisplayName } from '../../../shared/provider-names';
import { api } from '../api';
import { ErrorNote } from '../components/ErrorNote';
import { useAppData } from '../hooks/use-app-data';
import { useLive } from '../hooks/use-live';
import { useLocale } from '../hooks/use-locale';
import { useNow } from '../hooks/use-now';
import { clock } from '../lib/clock';
import { formatDuration, formatRelative, formatTimeOfDay } from '../lib/format';
import { formRequestFor, formRequestForProvider, type FormRequest } from '../lib/form-request';
import { tickNear, watchMoment } from '../lib/timed-status';
import { DefaultModelPicker } from './DefaultModelPicker';
import { FallbacksEditor, type ModelChoice } from './FallbacksEditor';

const TONE: Record<ModelRow['state'], 'ok' | 'warn' | 'error'> = { ready: 'ok', expiring: 'warn', cooldown: 'warn', disabled: 'error', expired: 'error', missing: 'error' };
const HEADLINE_TONE: Record<ModelsView['headline'], 'ok' | 'warn' | 'error'> = { ready: 'ok', expiring: 'warn', missing: 'error' };
const KNOWN_REASONS = new Set(['rate_limit', 'billing', 'auth', 'overloaded', 'timeout', 'format']);

/**
 * What the pickers offer: the configured models at once, then OpenClaw's catalog once its listing (slow: a CLI run)
 * is done. Asked the first time a picker gets the focus (`want`), not on every visit of the Status page.
 */
function useCatalog(configured: { ref: string; name?: string | undefined }[] | undefined): { choices: ModelChoice[]; want: () => void } {
  const [listed, setListed] = useState<ModelChoice[] | null>(null);
  const [wanted, setWanted] = useState(false);
  useEffect(() => {
    if (!wanted) return undefined;
    let live = true;
    void (async () => {
      const first = await api().modelsCatalog({});
      if (!live || !first.ok) return;
      setListed(first.value.models);
      if (!first.value.listing) return;
      const done = await api().modelsCatalog({ wait: true });
      if (live && done.ok) setListed(done.value.models);
    })();
    return () => {
      live = false;
    };
  }, [wanted]);
  const choices = listed ?? (configured ?? []).map((m) => ({ ref: m.ref, ...(m.name ? { name: m.name } : {}) }));
  return { choices, want: () => setWanted(true) };
}

/** The agent's models view, fetched, kept live by `models:changed`, and asked again at its next change in time. */
export function useModelsView(agentId: string) {
  const live = useLive<ModelsView>(
    `models:${agentId}`,
    () => api().modelsStatus({ agentId }),
    (set) => api().onModelsChanged((v) => v.agentId === agentId && set(v)),
  );
  const next = live.value?.nextChangeAt;
  const { reload } = live;
  useEffect(() => (next === undefined ? undefined : watchMoment(clock, next, () => void reload())), [next, reload]);
  return live;
}

/** The state line of a row: its chip, and for a cooldown or an expiry the time, counting down. */
const RowState = memo(function RowState({ row }: { row: ModelRow }) {
  const { t, locale } = useLocale();
  const now = useNow(tickNear([row.until, row.expiresAt]));
  const reason = row.reason ? t('models.because', { reason: KNOWN_REASONS.has(row.reason) ? t(`models.reason.${row.reason}`) : row.reason }) : '';
  const time = row.until ?? row.expiresAt;
  const chip =
    row.state === 'cooldown' || row.state === 'disabled'
      ? t(`models.state.${row.state}`, { time: formatTimeOfDay(row.until!, locale) })
      : row.state === 'expiring'
        ? t('models.state.expiring', { when: formatRelative(row.expiresAt!, now, locale) })
        : t(`models.state.${row.state}`);
  return (
    <p className="model-state">
      <span className="chip" data-tone={TONE[row.state]} data-testid="model-state">
        {chip}
      </span>
      {reason && <span className="muted"> {reason}</span>}
      {(row.state === 'cooldown' || row.state === 'disabled') && time !== undefined && time > now && (
        <span className="muted" data-testid="model-countdown">
          {' '}
          · {t('models.left', { when: formatDuration(time - now, locale) })}
        </span>
      )}
    </p>
  );
});

/** Which credential serves the row, in words. */
function credentialText(row: ModelRow, t: ReturnType<typeof useLocale>['t']): string {
  const c = row.credential;
  if (c.kind === 'profile') return t('models.via.profile', { profile: `${c.profileId} (${c.label})` });
  if (c.kind === 'env') return t(`models.via.${c.from}`, { variable: c.envVar });
  return t(`models.via.${c.kind}`);
}

function roleText(row: ModelRow, t: ReturnType<typeof useLocale>['t']): string {
  return t(`models.role.${row.role}`, { n: row.position + 1 });
}

/** One model in use. */
function ModelRowItem({ row, hasNext, onFix }: { row: ModelRow; hasNext: boolean; onFix: (row: ModelRow) => void }) {
  const { t, locale } = useLocale();
  return (
    <li className="model-row" data-testid="model-row" data-state={row.state}>
      <div className="model-row-head">
        <span className="muted">{roleText(row, t)}</span> <code data-testid={row.role === 'default' ? 'default-model' : undefined}>{row.ref}</code>
        {row.name && <span className="muted"> {row.name}</span>}
        <span className="muted"> · {providerDisplayName(row.provider)}</span>
      </div>
      <p className="model-credential">{credentialText(row, t)}</p>
      <RowState row={row} />
      {row.skipped
        .filter((s) => s.status === 'cooldown' || s.status === 'disabled' || s.status === 'expired')
        .map((s) => (
          <p key={s.profileId} className="muted model-skipped">
            {t('models.skipped', {
              profile: s.profileId,
              state: s.until !== undefined ? t(`models.state.${s.status === 'disabled' ? 'disabled' : 'cooldown'}`, { time: formatTimeOfDay(s.until, locale) }) : t(`models.state.${s.status === 'expired' ? 'expired' : 'missing'}`),
            })}
            {s.reason && ` (${KNOWN_REASONS.has(s.reason) ? t(`models.reason.${s.reason}`) : s.reason})`}
          </p>
        ))}
      {row.action === 'renew' && (
        <button type="button" onClick={() => onFix(row)}>
          {t('models.action.renew', { profile: row.actionProfileId ?? '' })}
        </button>
      )}
      {row.action === 'add-credential' && (
        <button type="button" onClick={() => onFix(row)}>
          {t('models.action.add-credential', { provider: providerDisplayName(row.provider) })}
        </button>
      )}
      {row.action === 'wait-or-next' && row.until !== undefined && (
        <p className="note note-warn">{t(hasNext ? 'models.action.wait-or-next' : 'models.action.wait-only', { time: formatTimeOfDay(row.until, locale) })}</p>
      )}
    </li>
  );
}

/** The Models panel; `onFix` opens the credential form a row's action asks for. */
export function ModelsPanel({ onFix }: { onFix: (request: FormRequest) => void }) {
  const { t } = useLocale();
  const { agentId, auth } = useAppData();
  const models = useModelsView(agentId);
  const view = models.value;
  const agents = auth.value?.agents ?? [];
  const { choices, want } = useCatalog(auth.value?.models);
  const fix = (row: ModelRow) => {
    const profile = row.actionProfileId ? auth.value?.profiles.find((p) => p.id === row.actionProfileId) : undefined;
    onFix(profile ? formRequestFor(profile, agentId) : formRequestForProvider(row.provider, agentId));
  };
  return (
    <section className="card models-panel" aria-labelledby="models-title">
      <h3 id="models-title">{t('models.title')}</h3>
      {!view && !models.error && <p className="muted">{t('models.loading')}</p>}
      <ErrorNote error={models.error} />
      {view && (
        <>
          <p className="chip" data-tone={HEADLINE_TONE[view.headline]} role="status" data-testid="models-headline">
            {t(`models.headline.${view.headline}`)}
          </p>
          {agents.length > 1 && <p className="muted">{t(view.inheritsDefault ? 'models.inherits' : 'models.own')}</p>}
          {view.rows.length === 0 ? (
            <p className="muted">{t('models.none')}</p>
          ) : (
            <ol className="model-rows">
              {view.rows.map((row, i) => (
                <ModelRowItem key={`${row.role}:${row.position}`} row={row} hasNext={view.rows.slice(i + 1).some((r) => r.role === row.role || r.role === 'fallback')} onFix={fix} />
              ))}
            </ol>
          )}
        </>
      )}
      {/* The pickers edit the global default and its fallbacks: shown for an agent that uses them. */}
      {view?.inheritsDefault !== false && (
        <div onFocus={want}>
          <DefaultModelPicker choices={choices} />
          {view && (
            <FallbacksEditor
              current={view.rows.filter((r) => r.role === 'fallback').map((r) => r.ref)}
              defaultModel={view.rows.find((r) => r.role === 'default')?.ref ?? null}
              choices={choices}
              onSaved={() => void models.reload()}
            />
          )}
        </div>
      )}
    </section>
  );
}
