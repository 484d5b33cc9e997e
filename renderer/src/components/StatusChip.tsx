/**
 * A credential's status as a small coloured chip with words (never colour alone): "No expiry", "Not expired",
 * "Expiring", "Expired", "Missing", "Cooling down", "Disabled". "No expiry" and "Not expired" say only what is
 * known without asking the provider, so they are neutral, not green: a test ("Works") is what turns a row green.
 */
import type { ProfileStatus } from '../../../shared/contract';
import { useLocale } from '../hooks/use-locale';

const TONE: Record<ProfileStatus, string> = {
  static: 'idle',
  ok: 'idle',
  expiring: 'warn',
  expired: 'error',
  missing: 'error',
  cooldown: 'warn',
  disabled: 'error',
};

/** The chip for one status. */
export function StatusChip({ status }: { status: ProfileStatus }) {
  const { t } = useLocale();
  return (
    <span className="chip" data-tone={TONE[status]} data-status={status}>
      {t(`credential.status.${status}`)}
    </span>
  );
}
