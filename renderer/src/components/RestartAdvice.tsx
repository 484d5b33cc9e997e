/**
 * "The running gateway still uses it": after a `.env` key was removed (from the `.env` card, or with a credential
 * whose key was also in `.env`), a gateway started earlier still has the value, since it reads `.env` only when it
 * starts. The app's own gateway gets a Restart button; one run by someone else gets the words to restart it.
 */
import { useState } from 'react';
import type { AppErrorShape } from '../../../shared/contract';
import { api } from '../api';
import { useAppData } from '../hooks/use-app-data';
import { useLocale } from '../hooks/use-locale';
import { BusyButton } from './BusyButton';
import { ErrorNote } from './ErrorNote';

/** The advice and, for the app's own gateway, its Restart button; `onRestarted` once the gateway restarted. */
export function RestartAdvice({ onRestarted }: { onRestarted: () => void }) {
  const { t } = useLocale();
  const { gateway } = useAppData();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const restart = async () => {
    setBusy(true);
    setError(null);
    const r = await api().gatewayRestart();
    setBusy(false);
    if (r.ok) {
      gateway.set(r.value);
      onRestarted();
    } else setError(r.error);
  };
  return (
    <>
      <p>{t('env.restartAdvice')}</p>
      {gateway.value?.owned === true ? (
        <BusyButton className="button-primary" busy={busy} busyLabel={t('gateway.busy.restart')} onClick={() => void restart()}>
          {t('env.restart')}
        </BusyButton>
      ) : (
        <p>{t('env.restartExternal')}</p>
      )}
      <ErrorNote error={error} />
    </>
  );
}
