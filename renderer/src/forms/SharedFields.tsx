/**
 * Fields several credential forms share: the optional profile name, the agent (only when there is more than
 * one), and "also make it available to a gateway running as a background service" (the `.env` entry). They sit
 * under an "Advanced" disclosure: most people never need them.
 */
import { useState, type ReactNode } from 'react';
import { CheckboxField } from '../components/CheckboxField';
import { SelectField } from '../components/SelectField';
import { TextField } from '../components/TextField';
import { useFieldMessage } from '../hooks/use-field-message';
import { useLocale } from '../hooks/use-locale';
import type { CredentialForm } from './use-credential-form';

/** The name half of the profile id (`anthropic:<name>`), optional. */
export function ProfileNameField({ form, provider }: { form: CredentialForm; provider: string }) {
  const { t } = useLocale();
  const message = useFieldMessage();
  return (
    <TextField
      name="profileName"
      label={t('form.profileName.label')}
      value={form.values.profileName}
      onChange={(v) => form.set('profileName', v)}
      onBlur={() => form.blur('profileName')}
      help={t('form.profileName.help', { provider: provider || t('form.provider.placeholder') })}
      error={message(form.errors.profileName)}
      placeholder={form.kind === 'provider-token' ? 'manual' : 'default'}
      autoComplete="off"
    />
  );
}

/** Which agent receives the credential; shown only when the state folder has several agents. */
export function AgentField({ form, agents }: { form: CredentialForm; agents: readonly string[] }) {
  const { t } = useLocale();
  const message = useFieldMessage();
  const all = [...new Set([...agents, form.values.agentId])];
  if (all.length < 2) return null;
  return (
    <SelectField
      name="agentId"
      label={t('form.agent.label')}
      value={form.values.agentId}
      options={all.map((a) => ({ value: a, label: a }))}
      onChange={(v) => form.set('agentId', v)}
      help={t('form.agent.help')}
      error={message(form.errors.agentId)}
    />
  );
}

/** Writes the key to `$STATE/.env` too, for a gateway run by launchd or systemd. */
export function WriteEnvField({ form, envKey }: { form: CredentialForm; envKey: string }) {
  const { t } = useLocale();
  return (
    <CheckboxField
      name="writeEnv"
      label={t('form.writeEnv.label')}
      checked={form.values.writeEnv}
      onChange={(v) => form.set('writeEnv', v)}
      help={t('form.writeEnv.help', { key: envKey })}
    />
  );
}

/**
 * "Advanced": a native disclosure (`<details>`, so Enter and Space open it from the keyboard). It is open from the
 * start when the form arrives with a profile name or the `.env` box already set (a renew form); the form opens it
 * before it focuses a refused field inside (`revealField`), so an error is never hidden.
 */
export function AdvancedSection({ form, children }: { form: CredentialForm; children: ReactNode }) {
  const { t } = useLocale();
  // Read once: afterwards the element alone says whether it is open (React never sets the attribute again).
  const [initiallyOpen] = useState(() => form.values.profileName.trim() !== '' || form.values.writeEnv);
  return (
    <details className="advanced" open={initiallyOpen}>
      <summary>{t('form.advanced.label')}</summary>
      <p className="help">{t('form.advanced.help')}</p>
      {children}
    </details>
  );
}

/** Opens every disclosure around `field` (a refused field inside "Advanced"), then focuses it. */
export function revealField(field: HTMLElement | null | undefined): void {
  for (let d = field?.closest('details'); d; d = d.parentElement?.closest('details')) d.open = true;
  field?.focus();
}
