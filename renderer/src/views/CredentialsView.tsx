/**
 * The credentials screen: choose a way to connect and fill its form (or the renew form a notification, tray item
 * or the status panel opened), start the setup assistant again, and see what `.env` holds.
 */
import { useEffect, useRef } from 'react';
import { EnvCard } from '../credentials/EnvCard';
import { CredentialForm } from '../forms/CredentialForm';
import { KindChooser } from '../forms/KindChooser';
import { useAppData } from '../hooks/use-app-data';
import { useLocale } from '../hooks/use-locale';
import type { FormRequest } from '../lib/credential-input';
import { focusFirstField } from '../lib/focus';
import type { Route } from '../lib/navigate';

/** The credentials screen for `form` (or the chooser). */
export function CredentialsView({ form, navigate }: { form: FormRequest | undefined; navigate: (route: Route) => void }) {
  const { t } = useLocale();
  const { auth, agentId } = useAppData();
  const agents = auth.value?.agents ?? [agentId];
  const formRef = useRef<HTMLDivElement>(null);
  const formKey = form ? JSON.stringify(form) : '';

  useEffect(() => {
    if (formKey) focusFirstField(formRef.current);
  }, [formKey]);

  if (form) {
    return (
      <div className="stack" ref={formRef}>
        <CredentialForm
          key={formKey}
          request={form}
          agentId={form.prefill?.agentId ?? agentId}
          agents={agents}
          onOpenGateway={() => navigate({ view: 'gateway' })}
          actions={
            <button type="button" onClick={() => navigate({ view: 'credentials' })}>
              {t('common.back')}
            </button>
          }
          afterSave={
            <button type="button" onClick={() => navigate({ view: 'status' })}>
              {t('form.toStatus')}
            </button>
          }
        />
      </div>
    );
  }

  return (
    <div className="stack">
      <div className="card">
        <KindChooser onChoose={(kind) => navigate({ view: 'credentials', form: { kind, prefill: { agentId } } })} />
        <p className="muted wizard-again">
          {t('credentials.wizardHint')}{' '}
          <button type="button" className="button-link" onClick={() => navigate({ view: 'status', wizard: true })}>
            {t('credentials.openWizard')}
          </button>
        </p>
      </div>
      <EnvCard />
    </div>
  );
}
