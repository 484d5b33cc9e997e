/**
 * One provider's credentials, in the order OpenClaw tries them. A long group shows its first few rows, how many
 * credentials it has in each state with the most urgent as a chip, and a button that shows the next ones (and moves
 * the focus to the first of them), so the window renders what a person can look at, not the whole store.
 */
import { memo } from 'react';
import type { ProfileView } from '../../../shared/contract';
import { providerDisplayName } from '../../../shared/provider-names';
import { StatusChip } from '../components/StatusChip';
import { useLocale } from '../hooks/use-locale';
import { usePaged } from '../hooks/use-paged';
import { summarizeGroup } from '../lib/credential-groups';
import { CredentialRow, type CopyMode, type RowAction } from './CredentialRow';

/** Rows a group shows before "Show more", and how many more each press shows. */
export const GROUP_PREVIEW = 3;
export const GROUP_STEP = 50;

/** A group's props: its credentials (already ordered, maybe filtered) and what every row shares. */
export interface ProviderGroupProps {
  provider: string;
  profiles: readonly ProfileView[];
  inUse: boolean;
  /** False while filtering: moving within a filtered view would be ambiguous. */
  movable: boolean;
  thresholdsMs: readonly number[];
  copyMode: CopyMode;
  /** The agent whose credentials these are (a test asks for this agent). */
  agentId: string;
  busy: boolean;
  onAction: (action: RowAction, profileId: string) => void;
}

/** One provider's section of the credentials card. */
export const ProviderGroup = memo(function ProviderGroup({ provider, profiles, inUse, movable, ...row }: ProviderGroupProps) {
  const { t } = useLocale();
  const { shown, hidden, next, showMore, listRef } = usePaged<HTMLUListElement>(profiles.length, GROUP_PREVIEW, GROUP_STEP);
  const name = providerDisplayName(provider);
  const headingId = `provider-${provider}`;
  const summary = profiles.length > GROUP_PREVIEW ? summarizeGroup(profiles) : null;

  return (
    <section className="provider-group" aria-labelledby={headingId}>
      <div className="group-head">
        <h4 id={headingId}>{name}</h4>
        {inUse && <span className="tag">{t('credential.inUse')}</span>}
        {summary && (
          <>
            <span className="muted">{t('credential.groupCount', { count: profiles.length })}</span>
            <StatusChip status={summary.worst} />
          </>
        )}
      </div>
      {summary && (
        <ul className="group-summary" aria-label={t('credential.groupSummary', { provider: name })}>
          {summary.counts.map((c) => (
            <li key={c.status} data-status={c.status}>
              {t('credential.groupStatusCount', { status: t(`credential.status.${c.status}`), count: c.count })}
            </li>
          ))}
        </ul>
      )}
      {movable && profiles.length > 1 && <p className="muted order-hint">{t('credential.orderHint')}</p>}
      <ul className="credential-list" ref={listRef}>
        {profiles.slice(0, shown).map((p, index) => (
          <CredentialRow key={p.id} profile={p} index={index} count={movable ? profiles.length : 0} {...row} />
        ))}
      </ul>
      {hidden > 0 && (
        <button type="button" className="show-more" onClick={showMore}>
          {next === hidden ? t('credential.showRestLabel', { count: next, provider: name }) : t('credential.showMoreLabel', { count: next, provider: name, hidden })}
        </button>
      )}
    </section>
  );
});
