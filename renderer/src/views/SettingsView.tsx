/**
 * The settings screen: where OpenClaw is, the port, starting the gateway with the app, keeping it running after
 * quitting, starting ClawTray at login (off until the user turns it on), expiry alert thresholds, language and
 * agent. Switches and lists apply as soon as they change; what is typed (path, port, warnings) is checked when the
 * field is left and stored with Save, and leaving the screen with typed changes unsaved asks first.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { AppErrorShape, Language } from '../../../shared/contract';
import { BusyButton } from '../components/BusyButton';
import { ErrorNote } from '../components/ErrorNote';
import { SelectField } from '../components/SelectField';
import { TextField } from '../components/TextField';
import { useAppData } from '../hooks/use-app-data';
import { useFieldMessage } from '../hooks/use-field-message';
import { useLeaveBlocker } from '../hooks/use-leave-guard';
import { useLocale } from '../hooks/use-locale';
import { formatList } from '../lib/format';
import type { FieldErrors } from '../lib/form-state';
import { draftToPatch, settingsFieldError, settingsToDraft, typedPatch, unsavedFields, withFieldError, type InstantSetting, type SettingsDraft, type TypedSetting } from '../lib/settings-form';
import { GatewayOwnerField } from '../settings/GatewayOwnerField';
import { InstantCheckbox } from '../settings/InstantCheckbox';
import { ThresholdsField } from '../settings/ThresholdsField';
import { useInstantSettings } from '../settings/use-instant-settings';

const LANGUAGES: { value: Language; label: string; lang?: string }[] = [
  { value: 'en', label: 'English', lang: 'en' },
  { value: 'fr', label: 'Français', lang: 'fr' },
  { value: 'zh-CN', label: '简体中文', lang: 'zh-CN' },
  { value: 'zh-TW', label: '繁體中文', lang: 'zh-TW' },
];

/** How a sentence names an unsaved typed setting ("the port"). */
const fieldName = (f: TypedSetting) => `settings.fieldName.${f}`;

/** The settings screen; `focus` names a field to focus once it shows (a way out: "Open Settings" on a held port). */
export function SettingsView({ focus }: { focus?: string | undefined } = {}) {
  const { t, locale } = useLocale();
  const message = useFieldMessage();
  const { settings, updateSettings, auth } = useAppData();
  const instant = useInstantSettings();
  const [draft, setDraft] = useState<SettingsDraft | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [submitted, setSubmitted] = useState(false);

  useEffect(() => {
    if (settings.value && !draft) setDraft(settingsToDraft(settings.value));
  }, [settings.value, draft]);
  const ready = draft !== null;
  useEffect(() => {
    if (ready && focus) document.querySelector<HTMLElement>(`.settings-form [name="${CSS.escape(focus)}"]`)?.focus();
  }, [ready, focus]);

  const unsaved = draft && settings.value ? unsavedFields(draft, settings.value) : [];

  /** Checks and stores the typed settings; false (with the errors beside their fields) when they cannot be. */
  const save = async (): Promise<boolean> => {
    if (!draft) return true;
    setFailure(null);
    setSaved(false);
    setSubmitted(true);
    const r = draftToPatch(draft);
    if (!r.ok) {
      setErrors(r.errors);
      return false;
    }
    setErrors({});
    setBusy(true);
    const res = await updateSettings(typedPatch(r.patch));
    setBusy(false);
    if (!res.ok) {
      setFailure(res.error);
      if (res.error.fields) setErrors(res.error.fields);
      return false;
    }
    setSaved(true);
    setDraft(settingsToDraft(res.value));
    return true;
  };
  useLeaveBlocker(
    unsaved.map((f) => t(fieldName(f))),
    save,
  );

  if (!draft || !settings.value) return settings.error ? <ErrorNote error={settings.error} /> : <p className="muted">{t('common.loading')}</p>;

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
  const note = (key: InstantSetting) => (instant.applied === key ? t('settings.applied') : null);
  const agents = [...new Set([...(auth.value?.agents ?? []), instant.value('agentId')])];

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!busy && !(await save())) (e.target as HTMLFormElement).querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  };

  return (
    <form className="card settings-form" noValidate onSubmit={onSubmit} aria-busy={busy || undefined} aria-describedby="settings-how">
      <p id="settings-how" className="help">
        {t('settings.howSaved')}
      </p>
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
      <InstantCheckbox instant={instant} setting="autoStartGateway" help={t('settings.autoStart.help')} />
      <InstantCheckbox instant={instant} setting="keepGatewayRunning" help={t('settings.keepRunning.help')} />
      <GatewayOwnerField />
      <h3>{t('settings.appSection')}</h3>
      <InstantCheckbox instant={instant} setting="openAtLogin" help={t('settings.openAtLogin.help')} />
      <div onBlur={() => blur('thresholdsMs')}>
        <ThresholdsField rows={draft.thresholds} onChange={(rows) => set('thresholds', rows)} error={message(errors.thresholdsMs)} />
      </div>
      <SelectField
        name="language"
        label={t('settings.language.label')}
        value={instant.value('language')}
        options={[{ value: 'system', label: t('settings.language.system') }, ...LANGUAGES]}
        onChange={(v) => void instant.apply('language', v as Language)}
        help={t('settings.language.help')}
        note={note('language')}
      />
      <SelectField
        name="agentId"
        label={t('settings.agent.label')}
        value={instant.value('agentId')}
        options={agents.map((a) => ({ value: a, label: a }))}
        onChange={(v) => void instant.apply('agentId', v)}
        help={t('settings.agent.help')}
        note={note('agentId')}
      />
      <ErrorNote error={instant.failure} title={t('form.saveFailed')} />
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
      {unsaved.length > 0 && (
        <p className="unsaved" data-testid="settings-unsaved">
          {t('settings.unsaved', { fields: formatList(unsaved.map((f) => t(fieldName(f))), locale) })}
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
