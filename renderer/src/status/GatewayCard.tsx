/**
 * The gateway at a glance: its state in words, port, version, uptime, whether ClawTray started it or found it
 * running, the controls, and when it failed, why and what to do next.
 */
import type { GatewayState } from '../../../shared/contract';
import { ErrorNote } from '../components/ErrorNote';
import { useAppData } from '../hooks/use-app-data';
import { useLocale } from '../hooks/use-locale';
import { useNow } from '../hooks/use-now';
import { formatDuration, formatNumber, formatRelative } from '../lib/format';
import { failureHelp, gatewayTone, type FixPlace, type FixFocus } from '../lib/gateway-view';
import { ConfigIssues, RestoredNote, UsePortButton } from '../gateway/WaysOut';
import { useState } from 'react';
import { GatewayControls } from './GatewayControls';
import { DashboardButton } from '../gateway/DashboardButton';

/** States in which a gateway process exists (ours or someone else's). */
const ACTIVE = new Set<GatewayState['status']>(['starting', 'running', 'ready', 'stopping', 'crashed', 'external']);

/** Facts about a gateway state, as a description list. */
export function GatewayFacts({ state }: { state: GatewayState }) {
  const { t, locale } = useLocale();
  const now = useNow(1000);
  const active = ACTIVE.has(state.status);
  const version = state.version ?? state.installation?.version;
  const up = state.startedAt && (state.status === 'ready' || state.status === 'running') ? formatDuration(now - state.startedAt, locale) : null;
  return (
    <>
      {state.owner === 'service' && state.service && (
        <p className="muted" data-testid="gateway-run-by">
          {t('gateway.runByService', { name: state.service.name })}
        </p>
      )}
      <dl className="facts">
        <dt>{t('gateway.port')}</dt>
        <dd data-testid="gateway-port">{formatNumber(state.port, locale, false)}</dd>
        {version && (
          <>
            <dt>{t('gateway.version')}</dt>
            <dd>{version}</dd>
          </>
        )}
        {up && (
          <>
            <dt>{t('gateway.uptime')}</dt>
            <dd>{up}</dd>
          </>
        )}
        {active && (
          <>
            <dt>{t('gateway.ownership')}</dt>
            <dd data-testid="gateway-owner">{t(`gateway.ownerText.${state.owner ?? (state.owned ? 'app' : 'other')}`)}</dd>
          </>
        )}
        {active && state.pid !== undefined && (
          <>
            <dt>{t('gateway.pid')}</dt>
            <dd>{state.pid}</dd>
          </>
        )}
      </dl>
    </>
  );
}

/** Reasons whose detail from main (exit code, crash count, Node version, OpenClaw's words) adds to the explanation. */
const SHOW_MESSAGE = new Set<string>(['config', 'spawn-error', 'node-missing', 'crash-loop', 'unknown', 'service-crash-loop', 'service-command', 'service-missing']);

/**
 * Why the gateway is not running and what the user can do; `onOpen` adds a button to the screen where it is done
 * (none when that is `here`).
 */
export function GatewayProblem(props: { state: GatewayState; onOpen?: ((place: FixPlace, focus?: FixFocus) => void) | undefined; here?: FixPlace }) {
  const { state, onOpen, here } = props;
  const { t, locale } = useLocale();
  const now = useNow(1000);
  const [restored, setRestored] = useState<string | null>(null);
  const help = failureHelp(state);
  if (!help) return <RestoredNote keptAs={restored} state={state} />;
  const holder = state.portHolder;
  return (
    <div className="note note-warn" role="status">
      <p className="note-title">{t(help.what, { port: state.port })}</p>
      {state.detail && SHOW_MESSAGE.has(state.reason ?? 'unknown') && <p className="muted">{t(state.detail.key, { ...state.detail.params })}</p>}
      {holder && (
        <p>{t('gateway.portHolder', { pid: holder.pid ?? '?', command: holder.command ?? t('common.unknown') })}</p>
      )}
      {state.status === 'crashed' && state.restartAt && <p>{t('gateway.restartAt', { when: formatRelative(state.restartAt, now, locale) })}</p>}
      <ConfigIssues state={state} onRestored={setRestored} />
      {state.lastStderr && state.lastStderr.length > 0 && !state.configIssues?.length && (
        <pre className="stderr" aria-label={t('gateway.lastStderr')}>
          {state.lastStderr.join('\n')}
        </pre>
      )}
      <p>{t(state.suggestedPort ? 'gateway.next.port-in-use-suggested' : help.next, { port: state.port, next: state.suggestedPort ?? '' })}</p>
      <div className="button-row">
        <UsePortButton state={state} />
        {help.place && help.place !== here && onOpen && (
          <button type="button" onClick={() => onOpen(help.place!, help.focus)}>
            {t(`gateway.open.${help.place}`)}
          </button>
        )}
      </div>
    </div>
  );
}

/** The card's title with the state chip; shared by the status panel's card and the gateway page. */
export function GatewayHead({ state, titleId, testId }: { state: GatewayState | null; titleId: string; testId: string }) {
  const { t } = useLocale();
  return (
    <div className="card-head">
      <h3 id={titleId}>{t('gateway.title')}</h3>
      <span className="chip" data-tone={gatewayTone(state?.status)} data-testid={testId}>
        {state ? t(`gateway.status.${state.status}`) : t('common.loading')}
      </span>
    </div>
  );
}

/** The status panel's gateway card; `onOpen` leads to the screen where a failure is fixed. */
export function GatewayCard({ onOpen }: { onOpen?: (place: FixPlace, focus?: FixFocus) => void }) {
  const { gateway } = useAppData();
  const state = gateway.value;
  return (
    <section className="card" aria-labelledby="gateway-card-title">
      <GatewayHead state={state} titleId="gateway-card-title" testId="gateway-status" />
      {!state && gateway.error && <ErrorNote error={gateway.error} />}
      {state && <GatewayFacts state={state} />}
      {state && <GatewayProblem state={state} onOpen={onOpen} />}
      <GatewayControls state={state} onState={gateway.set} primary={state?.status === 'stopped' || state?.status === 'failed' ? 'start' : undefined} />
      <DashboardButton state={state} />
    </section>
  );
}
