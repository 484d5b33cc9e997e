/**
 * When a token stops working: 30 days, 90 days, 1 year, no expiry recorded, or a date of the user's choosing,
 * with the reminder that `claude setup-token` tokens last about a year.
 */
import { useId } from 'react';
import { Trans } from 'react-i18next';
import { TextField } from '../components/TextField';
import { useFieldMessage } from '../hooks/use-field-message';
import { useLocale } from '../hooks/use-locale';
import { EXPIRY_PRESETS, type ExpiryPreset } from '../lib/expiry-presets';
import type { CredentialForm } from './use-credential-form';

/** The expiry choice of a token form. */
export function ExpiryField({ form, setupToken }: { form: CredentialForm; setupToken: boolean }) {
  const { t } = useLocale();
  const message = useFieldMessage();
  const id = useId();
  const error = message(form.errors.expiresAt);
  return (
    <fieldset className="field expiry" aria-describedby={`${id}-note`}>
      <legend>{t('expiry.legend')}</legend>
      <div className="radio-row">
        {EXPIRY_PRESETS.map((preset) => (
          <label key={preset} className="radio">
            <input
              type="radio"
              name={`${id}-expiry`}
              value={preset}
              checked={form.values.expiryPreset === preset}
              onChange={() => form.set('expiryPreset', preset as ExpiryPreset)}
            />
            {t(`expiry.preset.${preset}`)}
          </label>
        ))}
      </div>
      {form.values.expiryPreset === 'custom' && (
        <TextField
          name="expiryCustom"
          type="datetime-local"
          label={t('expiry.custom')}
          value={form.values.expiryCustom}
          onChange={(v) => form.set('expiryCustom', v)}
          onBlur={() => form.blur('expiryCustom')}
          error={error}
          required
        />
      )}
      {form.values.expiryPreset !== 'custom' && error && <p className="field-error">{error}</p>}
      <p id={`${id}-note`} className="help">
        {setupToken ? <Trans i18nKey="expiry.noteSetupToken" components={{ code: <code /> }} /> : t('expiry.noteToken')}
      </p>
    </fieldset>
  );
}
