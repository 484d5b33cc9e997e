/**
 * "Leave without saving?": names what is unsaved and offers to save it and go on, to go on without it, or to stay
 * (the default, and Escape). A save that fails keeps the user where the problem is, on the first field to fix.
 */
import { useRef, useState } from 'react';
import { useLocale } from '../hooks/use-locale';
import type { LeaveBlocker } from '../hooks/use-leave-guard';
import { formatList } from '../lib/format';
import { BusyButton } from './BusyButton';
import { Dialog } from './Dialog';

/** The question; `onLeave` goes on, `onStay` closes it. */
export function LeaveDialog({ blocker, onLeave, onStay }: { blocker: LeaveBlocker; onLeave: () => void; onStay: () => void }) {
  const { t, locale } = useLocale();
  const [busy, setBusy] = useState(false);
  const failed = useRef(false);

  const saveAndLeave = async () => {
    setBusy(true);
    const ok = await blocker.save();
    setBusy(false);
    failed.current = !ok;
    if (ok) onLeave();
    else onStay();
  };

  return (
    <Dialog
      title={t('leave.title')}
      onCancel={onStay}
      describedBy="leave-dialog-message"
      focusOnClose={() => (failed.current ? document.querySelector('main [aria-invalid="true"]') : null)}
    >
      <p id="leave-dialog-message" className="dialog-body">
        {t('leave.message', { fields: formatList(blocker.fields, locale) })}
      </p>
      <div className="dialog-actions">
        <button type="button" onClick={onStay} autoFocus>
          {t('leave.stay')}
        </button>
        <button type="button" className="button-danger-quiet" onClick={onLeave} disabled={busy}>
          {t('leave.discard')}
        </button>
        <BusyButton className="button-primary" busy={busy} busyLabel={t('form.saving')} onClick={() => void saveAndLeave()}>
          {t('leave.save')}
        </BusyButton>
      </div>
    </Dialog>
  );
}
