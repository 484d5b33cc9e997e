/**
 * The setup's last question: whether ClawTray opens at login and starts the gateway with it, so the gateway comes
 * back after a reboot. Both stay unticked unless the user ticks them (the settings' defaults), each explained in one
 * line, and each stored the moment it changes, as in Settings.
 */
import { CheckboxField } from '../components/CheckboxField';
import { ErrorNote } from '../components/ErrorNote';
import { useLocale } from '../hooks/use-locale';
import type { InstantSetting } from '../lib/settings-form';
import { useInstantSettings } from '../settings/use-instant-settings';

/** The two check boxes, once the settings are known. */
export function ComeBackChoices() {
  const { t } = useLocale();
  const instant = useInstantSettings();
  if (!instant.ready) return null;
  const note = (key: InstantSetting) => (instant.applied === key ? t('settings.applied') : null);
  return (
    <fieldset className="come-back" data-testid="wizard-come-back">
      <legend>{t('wizard.comeBack.legend')}</legend>
      <CheckboxField
        name="openAtLogin"
        label={t('settings.openAtLogin.label')}
        checked={instant.value('openAtLogin')}
        onChange={(v) => void instant.apply('openAtLogin', v)}
        help={t('wizard.comeBack.openAtLogin')}
        note={note('openAtLogin')}
      />
      <CheckboxField
        name="autoStartGateway"
        label={t('settings.autoStart.label')}
        checked={instant.value('autoStartGateway')}
        onChange={(v) => void instant.apply('autoStartGateway', v)}
        help={t('wizard.comeBack.autoStart')}
        note={note('autoStartGateway')}
      />
      <ErrorNote error={instant.failure} title={t('form.saveFailed')} />
    </fieldset>
  );
}
