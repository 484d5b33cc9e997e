/**
 * A failed invoke in words: what kind of problem it is (translated from the contract's error code), main's own
 * message, where it happened (a file path or a step) when main said so, and what the user can do next.
 */
import type { AppErrorShape } from '../../../shared/contract';
import { useLocale } from '../hooks/use-locale';

/** Shows `error`, or nothing. `title` replaces the generic heading ("Could not save"). */
export function ErrorNote({ error, title }: { error: AppErrorShape | null | undefined; title?: string }) {
  const { t } = useLocale();
  if (!error) return null;
  const details = Object.entries(error.details ?? {}).filter(([, v]) => v !== '');
  return (
    <div className="note note-error" role="alert">
      <p className="note-title">{title ?? t(`errors.code.${error.code}`)}</p>
      <p>{error.message}</p>
      {details.length > 0 && (
        <dl className="note-details">
          {details.map(([k, v]) => (
            <div key={k}>
              <dt>{t(`errors.detail.${k}`, { defaultValue: k })}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      )}
      <p>{t(`errors.next.${error.code}`)}</p>
    </div>
  );
}
