/**
 * "Who runs the gateway": ClawTray (a child of the app) or OpenClaw's own background service. A change is not part
 * of the Save button: it installs or removes a system service, so it asks first, naming what will be created or
 * removed, then switches at once (the old owner is stopped before the new one starts).
 */
import { useId, useState } from 'react';
import type { AppErrorShape, GatewayOwnerChoice } from '../../../shared/contract';
import { api } from '../api';
import { ConfirmDialog } from '../components/Dialog';
import { ErrorNote } from '../components/ErrorNote';
import { useAppData } from '../hooks/use-app-data';
import { useLocale } from '../hooks/use-locale';

const CHOICES: GatewayOwnerChoice[] = ['clawtray', 'service'];

/** The owner choice with its confirmation. */
export function GatewayOwnerField() {
  const { t } = useLocale();
  const { settings, gateway, info } = useAppData();
  const id = useId();
  const [asked, setAsked] = useState<GatewayOwnerChoice | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [done, setDone] = useState<GatewayOwnerChoice | null>(null);
  const current = settings.value?.gatewayOwner ?? 'clawtray';
  const service = info?.gatewayService ?? { name: 'openclaw-gateway.service', kind: 'systemd' as const };
  const what = { name: service.name, kind: t(`settings.owner.kind.${service.kind}`) };

  const confirm = async () => {
    if (!asked) return;
    setBusy(true);
    setError(null);
    const r = await api().gatewaySetOwner({ owner: asked });
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    gateway.set(r.value);
    await settings.reload();
    setDone(asked);
    setAsked(null);
  };

  return (
    <fieldset className="field">
      <legend>{t('settings.owner.label')}</legend>
      <div className="radio-column">
        {CHOICES.map((choice) => (
          <label key={choice} className="radio">
            <input
              type="radio"
              name={`${id}-owner`}
              value={choice}
              checked={current === choice}
              aria-describedby={`${id}-help`}
              onChange={() => {
                setDone(null);
                setError(null);
                if (choice !== current) setAsked(choice);
              }}
            />
            {t(`settings.owner.choice.${choice}`)}
          </label>
        ))}
      </div>
      <p id={`${id}-help`} className="help">
        {t('settings.owner.help', what)}
      </p>
      {done && (
        <p className="ok-text" role="status">
          {t(`settings.owner.done.${done}`, what)}
        </p>
      )}
      {asked && (
        <ConfirmDialog
          title={t(`settings.owner.confirmTitle.${asked}`)}
          message={<p>{t(`settings.owner.confirm.${asked}`, what)}</p>}
          confirmLabel={t(`settings.owner.confirmButton.${asked}`)}
          busy={busy}
          error={<ErrorNote error={error} />}
          onConfirm={() => void confirm()}
          onCancel={() => {
            if (!busy) setAsked(null);
          }}
        />
      )}
    </fieldset>
  );
}
