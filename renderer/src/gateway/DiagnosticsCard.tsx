/**
 * "Copy diagnostics": asks main for the redacted support report (which runs two OpenClaw commands, so it takes a
 * few seconds and says so) and copies it; where the clipboard is not allowed, the text is shown to copy by hand.
 */
import { useId, useState } from 'react';
import type { AppErrorShape } from '../../../shared/contract';
import { api } from '../api';
import { ErrorNote } from '../components/ErrorNote';
import { useLocale } from '../hooks/use-locale';
import { BusyButton } from '../components/BusyButton';

/** The diagnostics card of the Gateway page. */
export function DiagnosticsCard() {
  const { t } = useLocale();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState<number | null>(null);
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);

  const run = async () => {
    setBusy(true);
    setError(null);
    setCopied(null);
    setText(null);
    const r = await api().gatewayDiagnostics();
    setBusy(false);
    if (!r.ok) return setError(r.error);
    try {
      await navigator.clipboard.writeText(r.value.text);
      setCopied(r.value.text.split('\n').length);
    } catch {
      setText(r.value.text);
    }
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <div className="card-head">
        <h3 id={`${id}-title`}>{t('diagnostics.title')}</h3>
      </div>
      <p className="help" id={`${id}-help`}>
        {t('diagnostics.intro')}
      </p>
      <div className="button-row">
        <BusyButton onClick={() => void run()} busy={busy} busyLabel={t('diagnostics.busy')} aria-describedby={`${id}-help`}>
          {t('diagnostics.copy')}
        </BusyButton>
      </div>
      {copied !== null && (
        <p className="ok-text" role="status">
          {t('diagnostics.copied', { count: copied })}
        </p>
      )}
      {text !== null && (
        <>
          <p role="status">{t('diagnostics.manual')}</p>
          <textarea className="diagnostics-text" readOnly value={text} aria-label={t('diagnostics.title')} rows={12} onFocus={(e) => e.currentTarget.select()} />
        </>
      )}
      <ErrorNote error={error} />
    </section>
  );
}
