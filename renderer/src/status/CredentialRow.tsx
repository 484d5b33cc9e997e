/**
 * One credential in the status panel: id, status chip, masked label, for expiring kinds a countdown and a bar of
 * the time left, whose it is when it is not the agent's own (shared, from config), and its actions (renew or
 * replace, remove, copy to another agent or give this agent its own copy, move up or down). Memoised: its
 * props are plain values and one stable callback, so a list re-renders only the rows that changed.
 */
import { memo } from 'react';
import type { ProfileView } from '../../../shared/contract';
import { StatusChip } from '../components/StatusChip';
import { useLocale } from '../hooks/use-locale';
import { ExpiryLine, hasTimedLine } from './ExpiryLine';
import { maskText } from '../lib/mask-text';
import { CredentialTestButton, TestChip, TestLine, testReplacesChip } from './CredentialTest';

/** See `CredentialRowProps.copyMode`. */
export type CopyMode = 'copy' | 'repaste' | 'none';

/** Whether an own copy can be made by pasting again: the form must be able to name it (Cloudflare's id is fixed). */
export const canRepaste = (p: ProfileView) => p.origin === 'inherited' && p.type !== 'oauth' && p.provider !== 'cloudflare-ai-gateway';

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
  /**
   * How a credential reaches another agent: `copy` (OpenClaw <= 2026.5, agents own separate stores), `repaste`
   * (2026.6+: an agent inheriting a shared credential gets its own copy by pasting the secret again), or `none`.
   */
  copyMode: CopyMode;
  /** The agent whose credential this is. */
  agentId: string;
  busy: boolean;
  onAction: (action: RowAction, profileId: string) => void;
}

/** One credential. */
export const CredentialRow = memo(function CredentialRow({ profile: p, thresholdsMs, index, count, copyMode, agentId, busy, onAction }: CredentialRowProps) {
  const { t } = useLocale();
  const titleId = rowTitleId(p.id);
  return (
    <li className="credential" data-profile={p.id} tabIndex={-1} aria-labelledby={titleId}>
      <div className="credential-head">
        <span id={titleId} className="credential-id">
          {p.id}
        </span>
        {testReplacesChip(p) ? <TestChip test={p.test!} /> : <StatusChip status={p.status} />}
        <span className="muted">{t(`credential.type.${p.type}`)}</span>
        {p.origin && <span className="tag">{t(`credential.origin.${p.origin}`)}</span>}
      </div>
      <p className="credential-label">
        <span className="visually-hidden">{t('credential.maskedLabel')}: </span>
        <code>{maskText(p.label, t, t('credential.noSecret'))}</code>
        {p.email && <span className="muted"> · {p.email}</span>}
        {p.source === 'ref' && <span className="muted"> · {t('credential.fromRef')}</span>}
      </p>
      {hasTimedLine(p) && <ExpiryLine profile={p} thresholdsMs={thresholdsMs} />}
      {p.status === 'expired' && p.expiresAt === undefined && <p className="expiry-line">{t('credential.expired')}</p>}
      {p.test && <TestLine test={p.test} withChip={!testReplacesChip(p)} resting={p.status === 'cooldown'} />}
      <div className="button-row credential-actions" role="group" aria-label={t('credential.actionsFor', { profile: p.id })}>
        {p.type !== 'oauth' && (
          <button type="button" onClick={() => onAction('renew', p.id)}>
            {p.type === 'token' ? t('credential.renew') : t('credential.replace')}
          </button>
        )}
        {copyMode === 'copy' && (
          <button type="button" onClick={() => onAction('copy', p.id)}>
            {t('credential.copy')}
          </button>
        )}
        {copyMode === 'repaste' && canRepaste(p) && (
          <button type="button" onClick={() => onAction('copy', p.id)}>
            {t('credential.ownCopy')}
          </button>
        )}
        <CredentialTestButton profile={p} agentId={agentId} />
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
