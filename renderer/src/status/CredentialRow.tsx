/**
 * One credential in the status panel: id, status chip, masked label, for expiring kinds a countdown and a bar of
 * the time left, and its actions (renew or replace, remove, copy to another agent, move up or down).
 */
import type { ProfileView } from '../../../shared/contract';
import { StatusChip } from '../components/StatusChip';
import { useLocale } from '../hooks/use-locale';
import { expiryScale, showsExpiry } from '../lib/credential-groups';
import { formatDateTime, formatRelative } from '../lib/format';

/** What the row's buttons ask for. */
export interface RowActions {
  renew: () => void;
  remove: () => void;
  copy?: (() => void) | undefined;
  move?: (direction: -1 | 1) => void;
}

/** One credential; `position` is its place in the provider's order (for the move buttons). */
export function CredentialRow(props: { profile: ProfileView; now: number; thresholdsMs: readonly number[]; position: { index: number; count: number }; actions: RowActions; busy: boolean }) {
  const { t, locale } = useLocale();
  const { profile: p, now, position, actions } = props;
  const titleId = `cred-${p.id.replace(/[^a-z0-9]/gi, '-')}`;
  const remaining = p.expiresAt !== undefined ? p.expiresAt - now : undefined;
  const countdown = (ms: number) =>
    ms > 0
      ? t('credential.expiresIn', { when: formatRelative(p.expiresAt!, now, locale), date: formatDateTime(p.expiresAt!, locale) })
      : t('credential.expiredAgo', { when: formatRelative(p.expiresAt!, now, locale) });
  const scale = remaining !== undefined ? expiryScale(remaining, props.thresholdsMs) : null;

  return (
    <li className="credential" data-profile={p.id}>
      <div className="credential-head">
        <span id={titleId} className="credential-id">
          {p.id}
        </span>
        <StatusChip status={p.status} />
        <span className="muted">{t(`credential.type.${p.type}`)}</span>
      </div>
      <p className="credential-label">
        <span className="visually-hidden">{t('credential.maskedLabel')}: </span>
        <code>{p.label || t('credential.noSecret')}</code>
        {p.email && <span className="muted"> · {p.email}</span>}
        {p.source === 'ref' && <span className="muted"> · {t('credential.fromRef')}</span>}
      </p>
      {showsExpiry(p) && remaining !== undefined && scale && (
        <div className="expiry-line">
          <span>{countdown(remaining)}</span>
          <meter min={0} max={1} low={scale.low} high={scale.high} optimum={1} value={scale.value} aria-label={t('credential.timeLeft')} aria-valuetext={countdown(remaining)} />
        </div>
      )}
      {p.status === 'expired' && p.expiresAt === undefined && <p className="expiry-line">{t('credential.expired')}</p>}
      {(p.status === 'cooldown' || p.status === 'disabled') && (
        <p className="expiry-line">
          {t(`credential.${p.status}Until`, { when: p.until ? formatRelative(p.until, now, locale) : t('common.unknown') })}
          {p.reason && <span className="muted"> ({p.reason})</span>}
        </p>
      )}
      <div className="button-row credential-actions" role="group" aria-label={t('credential.actionsFor', { profile: p.id })}>
        {p.type !== 'oauth' && (
          <button type="button" onClick={actions.renew}>
            {p.type === 'token' ? t('credential.renew') : t('credential.replace')}
          </button>
        )}
        {actions.copy && (
          <button type="button" onClick={actions.copy}>
            {t('credential.copy')}
          </button>
        )}
        <button type="button" className="button-danger-quiet" onClick={actions.remove}>
          {t('credential.remove')}
        </button>
        {actions.move && position.count > 1 && (
          <>
            <button type="button" onClick={() => actions.move!(-1)} disabled={position.index === 0 || props.busy} aria-label={t('credential.moveUpLabel', { profile: p.id })}>
              {t('credential.moveUp')}
            </button>
            <button
              type="button"
              onClick={() => actions.move!(1)}
              disabled={position.index === position.count - 1 || props.busy}
              aria-label={t('credential.moveDownLabel', { profile: p.id })}
            >
              {t('credential.moveDown')}
            </button>
          </>
        )}
      </div>
    </li>
  );
}
