/**
 * The "Test" button of a credential and what the last test said, in plain words: "Works (tested 2 minutes ago)",
 * "Refused: check the key", "No network", "Timed out"... OpenClaw itself sends the provider a tiny request (it takes
 * seconds to a minute, so the button says "Testing…" and a line says why). A refused test makes OpenClaw rest the
 * credential for a moment (a failed request counts): the line says until when.
 */
import { useState } from 'react';
import type { AppErrorShape, CredentialTest as Test, ProfileView } from '../../../shared/contract';
import { api } from '../api';
import { BusyButton } from '../components/BusyButton';
import { ErrorNote } from '../components/ErrorNote';
import { useLocale } from '../hooks/use-locale';
import { useNow } from '../hooks/use-now';
import { formatRelative } from '../lib/format';

/** The tone of a result's line: green for works, red for a refusal, amber for the rest. */
const TONE: Record<Test['result'], string> = {
  works: 'ok',
  refused: 'error',
  billing: 'error',
  'no-network': 'warn',
  'timed-out': 'warn',
  'rate-limited': 'warn',
  'no-model': 'warn',
  failed: 'warn',
};

/** The chip of a test's answer ("Works", "Refused", ...), shown instead of "No expiry"/"Not expired" once known. */
export function TestChip({ test }: { test: Test }) {
  const { t } = useLocale();
  return (
    <span className="chip" data-tone={TONE[test.result]} data-test-result={test.result}>
      {t(`credential.test.result.${test.result}`)}
    </span>
  );
}

/** Whether a test's answer replaces the status chip: only where the status says nothing the test does not. */
export const testReplacesChip = (p: Pick<ProfileView, 'status' | 'test'>): boolean => !!p.test && (p.status === 'static' || p.status === 'ok');

/** The last test's line ("tested 2 minutes ago" and what to do), relative to a clock that ticks every 30 s. */
export function TestLine({ test, withChip, resting }: { test: Test; withChip: boolean; resting: boolean }) {
  const { t, locale } = useLocale();
  const now = useNow();
  const when = formatRelative(test.testedAt, Math.max(now, test.testedAt), locale);
  return (
    <p className="test-line" data-testid="credential-test">
      {withChip && (
        <>
          <TestChip test={test} />{' '}
        </>
      )}
      <span className="muted">{t('credential.test.when', { when })}</span>
      {test.result !== 'works' && <span> {t(`credential.test.next.${test.result}`)}</span>}
      {/* The row's own cooldown line says until when; here only why, so the two never disagree. */}
      {test.result !== 'works' && resting && <span className="muted"> {t('credential.test.cooldownWhy')}</span>}
      {test.result !== 'works' && !resting && test.cooldownUntil && test.cooldownUntil > now && (
        <span className="muted"> {t('credential.test.cooldown', { when: formatRelative(test.cooldownUntil, now, locale) })}</span>
      )}
    </p>
  );
}

/** The button and, while it runs or after it failed to run, what is going on. */
export function CredentialTestButton({ profile, agentId }: { profile: Pick<ProfileView, 'id'>; agentId: string }) {
  const { t } = useLocale();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const run = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const r = await api().authTest({ profileId: profile.id, agentId });
      if (!r.ok) setError(r.error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <BusyButton type="button" data-action="test" busy={busy} busyLabel={t('credential.test.running')} onClick={() => void run()} aria-label={t('credential.test.label', { profile: profile.id })}>
        {t('credential.test.button')}
      </BusyButton>
      {busy && (
        <span className="muted" role="status">
          {t('credential.test.runningHint')}
        </span>
      )}
      {error && <ErrorNote error={error} title={t('credential.test.couldNot')} />}
    </>
  );
}
