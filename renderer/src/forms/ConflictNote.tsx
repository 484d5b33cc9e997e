/**
 * A save refused because the profile id is already taken (`errors.credential.exists`): says what is there (type,
 * masked label, expiry) and offers the two ways on, "Save as <free name>" (first, the safe one) and "Replace it".
 * Nothing was written when this shows; what the user typed is still in the form.
 */
import { useEffect, useRef } from 'react';
import type { AppErrorShape } from '../../../shared/contract';
import { useLocale } from '../hooks/use-locale';
import { formatDateTime } from '../lib/format';

/** The words for each kind of credential a profile can hold. */
const HOLDS: Record<string, string> = { api_key: 'form.conflict.holds.apiKey', token: 'form.conflict.holds.token', oauth: 'form.conflict.holds.oauth' };

/** True for the refusal this note explains. */
export function isExistsConflict(error: AppErrorShape | null): error is AppErrorShape {
  return error?.code === 'CONFLICT' && error.key === 'errors.credential.exists';
}

/** The note, with its two buttons; while a save runs (`busy`) they ignore clicks but keep the focus. */
export function ConflictNote({
  error,
  busy,
  onReplace,
  onSaveAs,
}: {
  error: AppErrorShape;
  busy: boolean;
  onReplace: () => void;
  onSaveAs: (profileId: string) => void;
}) {
  const { t, locale } = useLocale();
  const first = useRef<HTMLButtonElement>(null);
  // The focus moves to the first choice (the safe one when there is a free name) each time a save is refused.
  useEffect(() => first.current?.focus(), [error]);
  const d = error.details ?? {};
  const profile = d.existingProfile ?? '';
  const holds = HOLDS[d.existingType ?? ''] ?? 'form.conflict.holds.unknown';
  const expires = d.existingExpires ? Number(d.existingExpires) : undefined;
  const suggestion = d.suggestedProfile;
  let expiry: string;
  if (expires === undefined || !Number.isFinite(expires)) expiry = t('form.conflict.noExpiry');
  else expiry = t(expires <= Date.now() ? 'form.conflict.expired' : 'form.conflict.expires', { date: formatDateTime(expires, locale) });
  return (
    <div className="note note-warn" role="alert" data-testid="save-conflict">
      <p className="note-title">{t('form.conflict.title', { profile })}</p>
      <p>
        {t(holds, { label: d.existingLabel || '—' })} {expiry}
        {d.existingSource === 'inherited' ? ` ${t('form.conflict.shared')}` : ''}
      </p>
      <p>{t('form.conflict.question')}</p>
      <div className="button-row">
        {suggestion && (
          <button ref={first} type="button" className="button-primary" aria-disabled={busy || undefined} onClick={() => !busy && onSaveAs(suggestion)}>
            {t('form.conflict.saveAs', { profile: suggestion })}
          </button>
        )}
        <button ref={suggestion ? undefined : first} type="button" aria-disabled={busy || undefined} onClick={() => !busy && onReplace()}>
          {t('form.conflict.replace')}
        </button>
      </div>
      {suggestion && <p className="muted">{t('form.conflict.cancelHint')}</p>}
    </div>
  );
}
