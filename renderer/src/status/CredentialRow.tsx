/**
 * One credential in the status panel: id, status chip, masked label, for expiring kinds a countdown and a bar of
 * the time left, and its actions (renew or replace, remove, copy to another agent, move up or down). Memoised: its
 * props are plain values and one stable callback, so a list re-renders only the rows that changed.
 */
import { memo } from 'react';
import type { ProfileView } from '../../../shared/contract';
import { StatusChip } from '../components/StatusChip';
import { useLocale } from '../hooks/use-locale';
import { ExpiryLine, hasTimedLine } from './ExpiryLine';
import { maskText } from '../lib/mask-text';

/** What a row's buttons ask for. */
export type RowAction = 'renew' | 'remove' | 'copy' | 'up' | 'down';

/** The DOM id of a row's title (the row and its actions are labelled by it). */
export const rowTitleId = (profileId: string) => `cred-${profileId.replace(/[^a-z0-9]/gi, '-')}`;

/**
 * A row's props; `index` of `count` is its place in the provider's order (for the move buttons; `count` 0 when it
 * cannot be moved, e.g. while the list is filtered).
 */
export interface CredentialRowProps {
  profile: ProfileView;
  thresholdsMs: readonly number[];
  index: number;
  count: number;
  canCopy: boolean;
  busy: boolean;
  onAction: (action: RowAction, profileId: string) => void;
}

/** One credential. */
export const CredentialRow = memo(function CredentialRow({ profile: p, thresholdsMs, index, count, canCopy, busy, onAction }: CredentialRowProps) {
  const { t } = useLocale();
  const titleId = rowTitleId(p.id);
  return (
    <li className="credential" data-profile={p.id} tabIndex={-1} aria-labelledby={titleId}>
      <div className="credential-head">
        <span id={titleId} className="credential-id">
          {p.id}
        </span>
        <StatusChip status={p.status} />
        <span className="muted">{t(`credential.type.${p.type}`)}</span>
      </div>
      <p className="credential-label">
        <span className="visually-hidden">{t('credential.maskedLabel')}: </span>
        <code>{maskText(p.label, t, t('credential.noSecret'))}</code>
        {p.email && <span className="muted"> · {p.email}</span>}
        {p.source === 'ref' && <span className="muted"> · {t('credential.fromRef')}</span>}
      </p>
      {hasTimedLine(p) && <ExpiryLine profile={p} thresholdsMs={thresholdsMs} />}
      {p.status === 'expired' && p.expiresAt === undefined && <p className="expiry-line">{t('credential.expired')}</p>}
      <div className="button-row credential-actions" role="group" aria-label={t('credential.actionsFor', { profile: p.id })}>
        {p.type !== 'oauth' && (
          <button type="button" onClick={() => onAction('renew', p.id)}>
            {p.type === 'token' ? t('credential.renew') : t('credential.replace')}
          </button>
        )}
        {canCopy && (
          <button type="button" onClick={() => onAction('copy', p.id)}>
            {t('credential.copy')}
          </button>
        )}
        <button type="button" className="button-danger-quiet" onClick={() => onAction('remove', p.id)}>
          {t('credential.remove')}
        </button>
        {count > 1 && (
          <>
            <button type="button" data-action="up" onClick={() => onAction('up', p.id)} disabled={index === 0} aria-disabled={busy || undefined} aria-label={t('credential.moveUpLabel', { profile: p.id })}>
              {t('credential.moveUp')}
            </button>
            <button type="button" data-action="down" onClick={() => onAction('down', p.id)} disabled={index === count - 1} aria-disabled={busy || undefined} aria-label={t('credential.moveDownLabel', { profile: p.id })}>
              {t('credential.moveDown')}
            </button>
          </>
        )}
      </div>
    </li>
  );
});
