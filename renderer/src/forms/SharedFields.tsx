/**
 * Fields several credential forms share: the optional profile name, the agent (only when there is more than
 * one), and "also make it available to a gateway running as a background service" (the `.env` entry).
 */
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
