/**
 * The live tail of the gateway's output: follow (scrolls with new lines) or pause (freezes the view while
 * lines keep arriving), a filter, and Copy for what is shown.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { LogLine } from '../../../shared/contract';
import { ErrorNote } from '../components/ErrorNote';
import { useAppData } from '../hooks/use-app-data';
import { useLocale } from '../hooks/use-locale';
import { formatClock } from '../lib/format';
import { filterLines, linesToText } from '../lib/log-lines';
import { useGatewayLogs } from './use-gateway-logs';

/** The log card. */
export function LogTail() {
  const { t, locale } = useLocale();
  const { lines, logFile: tailFile, error } = useGatewayLogs();
  const { gateway } = useAppData();
  const logFile = tailFile ?? gateway.value?.logFile;
  const [follow, setFollow] = useState(true);
  const [frozen, setFrozen] = useState<LogLine[] | null>(null);
  const [filter, setFilter] = useState('');
  const [copied, setCopied] = useState<'ok' | 'failed' | null>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const filterId = useId();

  const source = follow ? lines : (frozen ?? lines);
  const shown = filterLines(source, filter);
  const waiting = follow ? 0 : lines.length - source.length;

  useEffect(() => {
    const box = boxRef.current;
    if (follow && box) box.scrollTop = box.scrollHeight;
  }, [follow, shown.length]);

  const toggle = () => {
    if (follow) setFrozen(lines);
    else setFrozen(null);
    setFollow(!follow);
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(linesToText(shown));
      setCopied('ok');
    } catch {
      setCopied('failed');
    }
  };

  return (
    <section className="card" aria-labelledby="log-card-title">
      <div className="card-head">
        <h3 id="log-card-title">{t('logs.title')}</h3>
        <div className="button-row">
          <button type="button" aria-pressed={!follow} onClick={toggle}>
            {follow ? t('logs.pause') : t('logs.follow')}
          </button>
          <button type="button" onClick={() => void copy()} disabled={shown.length === 0}>
            {t('logs.copy')}
          </button>
        </div>
      </div>
      <div className="inline-form">
        <label htmlFor={filterId}>{t('logs.filter')}</label>
        <input id={filterId} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder={t('logs.filterPlaceholder')} />
      </div>
      <p className="muted" role="status">
        {copied === 'ok' ? t('logs.copied') : copied === 'failed' ? t('logs.copyFailed') : null}
        {waiting > 0 && t('logs.waiting', { count: waiting })}
      </p>
      <ErrorNote error={error} />
      <div ref={boxRef} className="log" role="log" aria-live="off" aria-labelledby="log-card-title" tabIndex={0} data-testid="log-tail">
        {shown.length === 0 ? (
          <p className="muted">{filter ? t('logs.noMatch') : t('logs.empty')}</p>
        ) : (
          shown.map((l) => (
            <div key={l.seq} className="log-line" data-stream={l.stream}>
              <time dateTime={new Date(l.ts).toISOString()}>{formatClock(l.ts, locale)}</time> <span className="log-text">{l.text}</span>
            </div>
          ))
        )}
      </div>
      {logFile && (
        <p className="muted">
          {t('logs.openclawFile')} <code className="path">{logFile}</code>
        </p>
      )}
    </section>
  );
}
