/**
 * The fields of each way to connect, with help saying where each value comes from: the Anthropic Console for
 * keys, `claude setup-token` for setup-tokens, the Cloudflare dashboard for account and gateway ids.
 */
import { Trans } from 'react-i18next';
import { CheckboxField } from '../components/CheckboxField';
import { TextField } from '../components/TextField';
import { useFieldMessage } from '../hooks/use-field-message';
import { useLocale } from '../hooks/use-locale';
import { ExpiryField } from './ExpiryField';
import { AdvancedSection, AgentField, ProfileNameField, WriteEnvField } from './SharedFields';
import type { CredentialForm } from './use-credential-form';
import { keyProblem } from '../lib/credential-input';

/** "Save it anyway", shown while the key does not look like the provider's and that format is not certain. */
function SaveAnywayField({ form }: { form: CredentialForm }) {
  const { t } = useLocale();
  if (!keyProblem(form.kind, form.values)?.problem.unusualOnly) return null;
  return <CheckboxField name="acceptUnusualKey" label={t('form.saveAnyway')} checked={form.values.acceptUnusualKey} onChange={(v) => form.set('acceptUnusualKey', v)} />;
}

const code = { code: <code /> };

/** Providers suggested in the generic token form. */
const KNOWN_PROVIDERS = ['openrouter', 'openai', 'google', 'mistral', 'groq', 'xai', 'deepseek', 'together', 'moonshot', 'zai'];

/** Fields for one form kind. */
export function KindFields({ form, agents }: { form: CredentialForm; agents: readonly string[] }) {
  const { t } = useLocale();
  const message = useFieldMessage();
  const text = (field: 'apiKey' | 'token' | 'provider' | 'accountId' | 'gatewayId' | 'gatewayAuthToken', secret = false) => ({
    name: field,
    value: form.values[field],
    onChange: (v: string) => form.set(field, v),
    onBlur: () => form.blur(field),
    error: message(form.errors[field]),
    secret,
  });

  switch (form.kind) {
    case 'anthropic-key':
      return (
        <>
          <TextField {...text('apiKey', true)} required label={t('form.anthropicKey.label')} placeholder="sk-ant-api03-…" help={t('form.anthropicKey.help')} />
          <AdvancedSection form={form}>
            <ProfileNameField form={form} provider="anthropic" />
            <AgentField form={form} agents={agents} />
            <WriteEnvField form={form} envKey="ANTHROPIC_API_KEY" />
          </AdvancedSection>
        </>
      );
    case 'setup-token':
      return (
        <>
          <TextField
            {...text('token', true)}
            required
            label={t('form.setupToken.label')}
            placeholder="sk-ant-oat01-…"
            help={<Trans i18nKey="form.setupToken.help" components={code} />}
          />
          <ExpiryField form={form} setupToken />
          <AdvancedSection form={form}>
            <ProfileNameField form={form} provider="anthropic" />
            <AgentField form={form} agents={agents} />
          </AdvancedSection>
        </>
      );
    case 'cloudflare':
      return (
        <>
          <TextField {...text('accountId')} required label={t('form.cloudflare.accountId.label')} help={t('form.cloudflare.accountId.help')} autoComplete="off" />
          <TextField {...text('gatewayId')} required label={t('form.cloudflare.gatewayId.label')} help={t('form.cloudflare.gatewayId.help')} autoComplete="off" />
          <TextField {...text('apiKey', true)} required label={t('form.cloudflare.apiKey.label')} help={t('form.cloudflare.apiKey.help')} />
          <SaveAnywayField form={form} />
          <TextField
            {...text('gatewayAuthToken', true)}
            label={t('form.cloudflare.gatewayToken.label')}
            help={<Trans i18nKey="form.cloudflare.gatewayToken.help" components={code} />}
          />
          <CheckboxField
            name="setDefaultModel"
            label={t('form.cloudflare.setDefault.label')}
            checked={form.values.setDefaultModel}
            onChange={(v) => form.set('setDefaultModel', v)}
            help={t('form.cloudflare.setDefault.help')}
          />
          <AdvancedSection form={form}>
            <AgentField form={form} agents={agents} />
            <WriteEnvField form={form} envKey="CLOUDFLARE_AI_GATEWAY_API_KEY" />
          </AdvancedSection>
        </>
      );
    case 'provider-token':
      return (
        <>
          <TextField {...text('provider')} required label={t('form.provider.label')} help={t('form.provider.help')} list="known-providers" autoComplete="off" />
          <datalist id="known-providers">
            {KNOWN_PROVIDERS.map((p) => (
              <option key={p} value={p} />
            ))}
          </datalist>
          <TextField {...text('token', true)} required label={t('form.token.label')} help={t('form.token.help')} />
          <SaveAnywayField form={form} />
          <ExpiryField form={form} setupToken={false} />
          <AdvancedSection form={form}>
            <ProfileNameField form={form} provider={form.values.provider} />
            <AgentField form={form} agents={agents} />
          </AdvancedSection>
        </>
      );
  }
}
