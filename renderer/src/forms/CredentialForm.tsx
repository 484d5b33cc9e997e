/**
 * One credential form from title to confirmation: the fields of its kind, validation on blur and submit, a busy
 * button while main saves, field errors beside their fields, and after saving a confirmation naming the profile
 * and the files written.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { AppErrorShape } from '../../../shared/contract';
import { api } from '../api';
import { ErrorNote } from '../components/ErrorNote';
import { useAppData } from '../hooks/use-app-data';
import { useLocale } from '../hooks/use-locale';
import type { FormRequest } from '../lib/credential-input';
import { KindFields } from './KindFields';
import { SavedLine } from './SavedLine';
import { revealField } from './SharedFields';
import { useCredentialForm, type SaveResult } from './use-credential-form';
import { BusyButton } from '../components/BusyButton';
import { ConflictNote, isExistsConflict } from './ConflictNote';

/** Props of a credential form; `actions` adds buttons beside Save (Back, Cancel). */
export interface CredentialFormProps {
  request: FormRequest;
  agentId: string;
  agents: readonly string[];
  onSaved?: (result: SaveResult) => void;
  actions?: ReactNode;
  afterSave?: ReactNode;
  /** Opens the Gateway page (where "Install for me" shows its progress), when the form's host can navigate. */
  onOpenGateway?: (() => void) | undefined;
}

/** The form's heading: a new credential, a renewal, or an agent's own copy of a shared one. */
function formTitle(t: (key: string, params?: Record<string, unknown>) => string, request: FormRequest, agentId: string): string {
  if (request.ownCopy && request.profileId) return t('form.ownCopyTitle', { agent: agentId, profile: request.profileId });
  return request.profileId ? t('form.renewTitle', { profile: request.profileId }) : t(`connect.${request.kind}.formTitle`);
}

/** With no OpenClaw found: install it from here (what the user typed stays in the form) or go where it is installed. */
function InstallOffer({ onOpenGateway }: { onOpenGateway?: (() => void) | undefined }) {
  const { t } = useLocale();
  const [started, setStarted] = useState<AppErrorShape | 'started' | null>(null);
  const install = async () => {
    const r = await api().gatewayInstall();
    setStarted(r.ok ? 'started' : r.error);
  };
  return (
    <div className="button-row">
      {started !== 'started' && (
        <button type="button" className="button-primary" onClick={() => void install()}>
          {t('form.installOpenClaw')}
        </button>
      )}
      {onOpenGateway && (
        <button type="button" onClick={onOpenGateway}>
          {t('form.openGateway')}
        </button>
      )}
      {started === 'started' && (
        <p className="muted" role="status">
          {t('form.installStarted')}
        </p>
      )}
      {started && started !== 'started' && <ErrorNote error={started} />}
    </div>
  );
}

/** The form for `request.kind`. */
export function CredentialForm({ request, agentId, agents, onSaved, actions, afterSave, onOpenGateway }: CredentialFormProps) {
  const { t } = useLocale();
  // OpenClaw 2026.6+ saves through its CLI, which takes seconds: say so while it works.
  const slow = useAppData().auth.value?.openclaw?.capabilities.slowWrites === true;
  const form = useCredentialForm(request, agentId);
  const titleId = useId();
  const [tried, setTried] = useState(false);

  const formRef = useRef<HTMLFormElement>(null);
  /** Saves (with the conflict note's choice), then reports the result or puts the focus on what to fix. */
  const run = async (options?: Parameters<typeof form.submit>[0]) => {
    if (form.busy) return;
    setTried(true);
    const saved = await form.submit(options);
    if (saved) {
      onSaved?.(saved);
      return;
    }
    setRefused((n) => n + 1);
  };
  // After a refused save has rendered, the focus goes to the first field to fix (a taken name has none: its note
  // focuses its first choice itself).
  const [refused, setRefused] = useState(0);
  useEffect(() => {
    if (refused > 0) revealField(formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]'));
  }, [refused]);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void run();
  };
  const conflict = isExistsConflict(form.failure) ? form.failure : null;

  // The summary (an alert) waits for a Save: on blur the message beside the field is enough.
  const fieldErrorCount = tried ? Object.keys(form.errors).length : 0;
  return (
    <form ref={formRef} className="card credential-form" noValidate onSubmit={onSubmit} aria-labelledby={titleId} aria-busy={form.busy || undefined}>
      <h3 id={titleId}>{formTitle(t, request, agentId)}</h3>
      <p className="lead">{request.ownCopy ? t('form.ownCopyIntro', { agent: agentId }) : t(`connect.${request.kind}.intro`)}</p>
      {request.ownCopy && request.kind === 'anthropic-key' && <p className="muted">{t('form.ownCopyKeyName')}</p>}
      <KindFields form={form} agents={agents} />
      {fieldErrorCount > 0 && !form.failure && (
        <p className="field-error" role="alert">
          {t('form.fixErrors', { count: fieldErrorCount })}
        </p>
      )}
      {conflict ? (
        <ConflictNote error={conflict} busy={form.busy} onReplace={() => void run({ replace: true })} onSaveAs={(id) => void run({ profileName: id.slice(id.indexOf(':') + 1) })} />
      ) : (
        <ErrorNote error={form.failure} title={t('form.saveFailed')} />
      )}
      {form.failure?.key === 'errors.openclaw.missing' && <InstallOffer onOpenGateway={onOpenGateway} />}
      {form.busy && slow && (
        <p className="muted" role="status">
          {t('form.savingOpenClawHint')}
        </p>
      )}
      {form.saved && (
        <div className="note note-ok" role="status">
          <SavedLine saved={form.saved} title />
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
        <BusyButton type="submit" className="button-primary" busy={form.busy} busyLabel={t(slow ? 'form.savingOpenClaw' : 'form.saving')}>
          {t('form.save')}
        </BusyButton>
      </div>
    </form>
  );
}
