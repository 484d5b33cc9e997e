/**
 * The time-dependent part of a credential row: the countdown and bar of the time left, or how long a cooldown or a
 * disabled state lasts. The only part of a row that follows the clock, so a tick re-renders these lines and nothing
 * else of the list. It ticks every second in the minute around the expiry, when the window's chips change too.
 */
import { memo } from 'react';
import type { ProfileView } from '../../../shared/contract';
import { useLocale } from '../hooks/use-locale';
import { useNow } from '../hooks/use-now';
import { expiryScale, showsExpiry } from '../lib/credential-groups';
import { formatDateTime, formatRelative } from '../lib/format';
import { tickNear } from '../lib/timed-status';

/** Whether a profile has a line that follows the clock. */
export function hasTimedLine(p: Pick<ProfileView, 'status' | 'expiresAt'>): boolean {
  return showsExpiry(p) || p.status === 'cooldown' || p.status === 'disabled';
}

/** The countdown (with its bar) or the cooldown line of `profile`. */
export const ExpiryLine = memo(function ExpiryLine({ profile: p, thresholdsMs }: { profile: ProfileView; thresholdsMs: readonly number[] }) {
  const { t, locale } = useLocale();
  // Every second in the minute around a change of status (the seconds show, and the chip turns at the same tick).
  const now = useNow(tickNear([p.expiresAt, p.until]));
  if (showsExpiry(p)) {
    const remaining = p.expiresAt! - now;
    const text =
      remaining > 0
        ? t('credential.expiresIn', { when: formatRelative(p.expiresAt!, now, locale), date: formatDateTime(p.expiresAt!, locale) })
        : t('credential.expiredAgo', { when: formatRelative(p.expiresAt!, now, locale) });
    const scale = expiryScale(remaining, thresholdsMs);
    return (
      <div className="expiry-line">
        <span>{text}</span>
        <meter min={0} max={1} low={scale.low} high={scale.high} optimum={1} value={scale.value} aria-label={t('credential.timeLeft')} aria-valuetext={text} />
      </div>
    );
  }
  return (
    <p className="expiry-line">
      {t(`credential.${p.status === 'disabled' ? 'disabled' : 'cooldown'}Until`, { when: p.until ? formatRelative(p.until, now, locale) : t('common.unknown') })}
      {p.reason && <span className="muted"> ({p.reason})</span>}
    </p>
  );
});
