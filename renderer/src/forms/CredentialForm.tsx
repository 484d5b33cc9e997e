/**
 * One credential form from title to confirmation: the fields of its kind, validation on blur and submit, a busy
 * button while main saves, field errors beside their fields, and after saving a confirmation naming the profile
 * and the files written.
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { ErrorNote } from '../components/ErrorNote';
import { useLocale } from '../hooks/use-locale';
import type { FormRequest } from '../lib/credential-input';
import { KindFields } from './KindFields';
import { useCredentialForm, type SaveResult } from './use-credential-form';
import { BusyButton } from '../components/BusyButton';

/** Props of a credential form; `actions` adds buttons beside Save (Back, Cancel). */
export interface CredentialFormProps {
  request: FormRequest;
  agentId: string;
  agents: readonly string[];
  onSaved?: (result: SaveResult) => void;
  actions?: ReactNode;
  afterSave?: ReactNode;
}

/** The form for `request.kind`. */
export function CredentialForm({ request, agentId, agents, onSaved, actions, afterSave }: CredentialFormProps) {
  const { t } = useLocale();
  const form = useCredentialForm(request, agentId);
  const titleId = useId();
  const [tried, setTried] = useState(false);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (form.busy) return;
    setTried(true);
    const saved = await form.submit();
    if (saved) {
      onSaved?.(saved);
    } else {
      const first = (e.target as HTMLFormElement).querySelector<HTMLElement>('[aria-invalid="true"]');
      first?.focus();
    }
  };

  // The summary (an alert) waits for a Save: on blur the message beside the field is enough.
  const fieldErrorCount = tried ? Object.keys(form.errors).length : 0;
  return (
    <form className="card credential-form" noValidate onSubmit={onSubmit} aria-labelledby={titleId} aria-busy={form.busy || undefined}>
      <h3 id={titleId}>{request.profileId ? t('form.renewTitle', { profile: request.profileId }) : t(`connect.${request.kind}.formTitle`)}</h3>
      <p className="lead">{t(`connect.${request.kind}.intro`)}</p>
      <KindFields form={form} agents={agents} />
      {fieldErrorCount > 0 && !form.failure && (
        <p className="field-error" role="alert">
          {t('form.fixErrors', { count: fieldErrorCount })}
        </p>
      )}
      <ErrorNote error={form.failure} title={t('form.saveFailed')} />
      {form.saved && (
        <div className="note note-ok" role="status">
          <p className="note-title">{t('form.saved', { profile: form.saved.profileId, agent: form.saved.agentId })}</p>
          {form.saved.files.length > 0 && (
            <details>
              <summary>{t('form.filesWritten', { count: form.saved.files.length })}</summary>
              <ul className="file-list">
                {form.saved.files.map((f) => (
                  <li key={f}>
                    <code>{f}</code>
                  </li>
                ))}
              </ul>
            </details>
          )}
          {afterSave}
        </div>
      )}
      <div className="form-actions">
        {actions}
        <BusyButton type="submit" className="button-primary" busy={form.busy} busyLabel={t('form.saving')}>
          {t('form.save')}
        </BusyButton>
      </div>
    </form>
  );
}
