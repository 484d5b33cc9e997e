/**
 * The setup's last question: whether ClawTray opens at login and starts the gateway with it, so the gateway comes
 * back after a reboot. Both stay unticked unless the user ticks them (the settings' defaults), each explained in one
 * line, and each stored the moment it changes, as in Settings.
 */
import { ErrorNote } from '../components/ErrorNote';
import { useLocale } from '../hooks/use-locale';
import { InstantCheckbox } from '../settings/InstantCheckbox';
import { useInstantSettings } from '../settings/use-instant-settings';

/** The two check boxes, once the settings are known. */
export function ComeBackChoices() {
  const { t } = useLocale();
  const instant = useInstantSettings();
  if (!instant.ready) return null;
  return (
    <fieldset className="come-back" data-testid="wizard-come-back">
      <legend>{t('wizard.comeBack.legend')}</legend>
      <InstantCheckbox instant={instant} setting="openAtLogin" help={t('wizard.comeBack.openAtLogin')} />
      <InstantCheckbox instant={instant} setting="autoStartGateway" help={t('wizard.comeBack.autoStart')} />
      <ErrorNote error={instant.failure} title={t('form.saveFailed')} />
    </fieldset>
  );
}
