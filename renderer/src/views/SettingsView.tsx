/**
 * The settings screen: where OpenClaw is, the port, starting the gateway with the app, keeping it running after
 * quitting, starting ClawTray at login (off until the user turns it on), expiry alert thresholds, language and
 * agent. Saved together with one button; the language applies at once.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { AppErrorShape, Language } from '../../../shared/contract';
import { CheckboxField } from '../components/CheckboxField';
import { ErrorNote } from '../components/ErrorNote';
import { SelectField } from '../components/SelectField';
import { TextField } from '../components/TextField';
import { useAppData } from '../hooks/use-app-data';
import { useFieldMessage } from '../hooks/use-field-message';
import { useLocale } from '../hooks/use-locale';
import type { FieldErrors } from '../lib/form-state';
import { draftToPatch, settingsFieldError, settingsToDraft, withFieldError, type SettingsDraft } from '../lib/settings-form';
import { GatewayOwnerField } from '../settings/GatewayOwnerField';
import { ThresholdsField } from '../settings/ThresholdsField';
import { BusyButton } from '../components/BusyButton';

const LANGUAGES: { value: Language; label: string; lang?: string }[] = [
  { value: 'en', label: 'English', lang: 'en' },
  { value: 'fr', label: 'Français', lang: 'fr' },
  { value: 'zh-CN', label: '简体中文', lang: 'zh-CN' },
  { value: 'zh-TW', label: '繁體中文', lang: 'zh-TW' },
];

/** The settings screen. */
export function SettingsView() {
  const { t } = useLocale();
  const message = useFieldMessage();
  const { settings, updateSettings, auth } = useAppData();
  const [draft, setDraft] = useState<SettingsDraft | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [submitted, setSubmitted] = useState(false);

  useEffect(() => {
    if (settings.value && !draft) setDraft(settingsToDraft(settings.value));
  }, [settings.value, draft]);

  if (!draft) return settings.error ? <ErrorNote error={settings.error} /> : <p className="muted">{t('common.loading')}</p>;

  const set = <K extends keyof SettingsDraft>(key: K, value: SettingsDraft[K]) => {
    setDraft({ ...draft, [key]: value });
    setSaved(false);
    const field = key === 'thresholds' ? 'thresholdsMs' : key;
    if (field in errors) setErrors(withFieldError(errors, field, undefined));
  };
  /** Like the credential forms: a field is checked when the user leaves it, once something was typed. */
  const blur = (field: keyof SettingsDraft | 'thresholdsMs') => {
    if (field !== 'thresholdsMs' && typeof draft[field] === 'string' && (draft[field] as string).trim() === '') return;
    setErrors(withFieldError(errors, field, settingsFieldError(draft, field)));
  };
  const agents = [...new Set([...(auth.value?.agents ?? []), draft.agentId])];

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    setSaved(false);
    setSubmitted(true);
    const r = draftToPatch(draft);
    if (!r.ok) {
      setErrors(r.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    const res = await updateSettings(r.patch);
    setBusy(false);
    if (res.ok) {
      setSaved(true);
      setDraft(settingsToDraft(res.value));
    } else {
      setFailure(res.error);
      if (res.error.fields) setErrors(res.error.fields);
    }
  };

  return (
    <form className="card settings-form" noValidate onSubmit={onSubmit} aria-busy={busy || undefined}>
      <h3>{t('settings.gatewaySection')}</h3>
      <TextField
        name="openclawPath"
        label={t('settings.openclawPath.label')}
        value={draft.openclawPath}
        onChange={(v) => set('openclawPath', v)}
        help={t('settings.openclawPath.help')}
        error={message(errors.openclawPath)}
        onBlur={() => blur('openclawPath')}
        placeholder={t('settings.openclawPath.placeholder')}
        autoComplete="off"
      />
      <TextField
        name="port"
        label={t('settings.port.label')}
        value={draft.port}
        onChange={(v) => set('port', v)}
        help={t('settings.port.help')}
        error={message(errors.port)}
        onBlur={() => blur('port')}
        inputMode="numeric"
      />
      <CheckboxField
        name="autoStartGateway"
        label={t('settings.autoStart.label')}
        checked={draft.autoStartGateway}
        onChange={(v) => set('autoStartGateway', v)}
        help={t('settings.autoStart.help')}
      />
      <CheckboxField
        name="keepGatewayRunning"
        label={t('settings.keepRunning.label')}
        checked={draft.keepGatewayRunning}
        onChange={(v) => set('keepGatewayRunning', v)}
        help={t('settings.keepRunning.help')}
      />
      <GatewayOwnerField />
      <h3>{t('settings.appSection')}</h3>
      <CheckboxField
        name="openAtLogin"
        label={t('settings.openAtLogin.label')}
        checked={draft.openAtLogin}
        onChange={(v) => set('openAtLogin', v)}
        help={t('settings.openAtLogin.help')}
      />
      <div onBlur={() => blur('thresholdsMs')}>
        <ThresholdsField rows={draft.thresholds} onChange={(rows) => set('thresholds', rows)} error={message(errors.thresholdsMs)} />
      </div>
      <SelectField
        name="language"
        label={t('settings.language.label')}
        value={draft.language}
        options={[{ value: 'system', label: t('settings.language.system') }, ...LANGUAGES]}
        onChange={(v) => set('language', v as Language)}
        help={t('settings.language.help')}
      />
      <SelectField
        name="agentId"
        label={t('settings.agent.label')}
        value={draft.agentId}
        options={agents.map((a) => ({ value: a, label: a }))}
        onChange={(v) => set('agentId', v)}
        help={t('settings.agent.help')}
        error={message(errors.agentId)}
      />
      <ErrorNote error={failure} title={t('form.saveFailed')} />
      {submitted && Object.keys(errors).length > 0 && !failure && (
        <p className="field-error" role="alert">
          {t('form.fixErrors', { count: Object.keys(errors).length })}
        </p>
      )}
      {saved && (
        <p className="ok-text" role="status">
          {t('settings.saved')}
        </p>
      )}
      <div className="form-actions">
        <BusyButton type="submit" className="button-primary" busy={busy} busyLabel={t('form.saving')}>
          {t('settings.save')}
        </BusyButton>
      </div>
    </form>
  );
}
