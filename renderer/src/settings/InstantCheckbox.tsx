/**
 * A switch setting that is stored the moment it changes, with its "Saved." note: the same box in Settings and in the
 * setup's last step, so both say the same thing in the same words.
 */
import type { ReactNode } from 'react';
import { CheckboxField } from '../components/CheckboxField';
import { useLocale } from '../hooks/use-locale';
import type { InstantSettings } from './use-instant-settings';

/** The switch settings, with the key of their label in `settings.*`. */
const LABELS = { autoStartGateway: 'settings.autoStart.label', keepGatewayRunning: 'settings.keepRunning.label', openAtLogin: 'settings.openAtLogin.label' } as const;

/** One switch setting; `help` is its one-line explanation where it is shown. */
export function InstantCheckbox({ instant, setting, help }: { instant: InstantSettings; setting: keyof typeof LABELS; help: ReactNode }) {
  const { t } = useLocale();
  return (
    <CheckboxField
      name={setting}
      label={t(LABELS[setting])}
      checked={instant.value(setting)}
      onChange={(v) => void instant.apply(setting, v)}
      help={help}
      note={instant.applied === setting ? t('settings.applied') : null}
    />
  );
}
