/**
 * A failed invoke in words, all in the user's language: what kind of problem it is (from the contract's error
 * code), what happened (main's translation key and parameters; a key the window has no words for falls back to a
 * sentence per code), where it happened (a file path or a step) when main said so, and what the user can do next.
 * Main's English `message` is for logs and never shown.
 */
import type { AppErrorShape } from '../../../shared/contract';
import { useLocale } from '../hooks/use-locale';
import { errorText } from '../lib/error-words';
import { formatList } from '../lib/format';

/** Detail values that are step names (`step`, and `done` as a comma-separated list), shown in words. */
const STEP_DETAILS = new Set(['step', 'done']);

/** Shows `error`, or nothing. `title` replaces the generic heading ("Could not save"). */
export function ErrorNote({ error, title }: { error: AppErrorShape | null | undefined; title?: string }) {
  const { t, locale } = useLocale();
  if (!error) return null;
  const details = Object.entries(error.details ?? {}).filter(([, v]) => v !== '');
  const value = (k: string, v: string) =>
    STEP_DETAILS.has(k) ? formatList(v.split(',').map((step) => t(`errors.step.${step}`, { defaultValue: step })), locale) : v;
  return (
    <div className="note note-error" role="alert">
      <p className="note-title">{title ?? t(`errors.code.${error.code}`)}</p>
      <p>{errorText(t, error)}</p>
      {details.length > 0 && (
        <dl className="note-details">
          {details.map(([k, v]) => (
            <div key={k}>
              <dt>{t(`errors.detail.${k}`, { defaultValue: k })}</dt>
              <dd>{value(k, v)}</dd>
            </div>
          ))}
        </dl>
      )}
      <p>{t(`errors.next.${error.code}`)}</p>
    </div>
  );
}
