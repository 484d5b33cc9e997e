/**
 * A modal dialog on the native `<dialog>` element: focus moves inside and is trapped by the browser, Escape
 * cancels, and the page behind is inert. When it closes (Escape, Cancel, its action) the focus goes back to what
 * opened it (or `focusOnClose()` when it names a place), or to `returnFocus()` when the opener is gone. `ConfirmDialog` is the yes/no variant used before removing
 * anything.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useLocale } from '../hooks/use-locale';
import { focusedElement, focusFirst } from '../lib/focus';
import { BusyButton } from './BusyButton';

/** What every dialog takes. */
export interface DialogProps {
  title: string;
  onCancel: () => void;
  children: ReactNode;
  describedBy?: string;
  /** Where the focus goes on close when the element that opened the dialog is gone. */
  returnFocus?: () => Element | null | undefined;
  /** Where the focus goes on close before the opener, when it names a place (e.g. a field to fix). */
  focusOnClose?: () => Element | null | undefined;
}

/** A modal dialog shown while mounted. */
export function Dialog(props: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // Read while rendering, before the dialog takes the focus: the element that opened it.
  const [opener] = useState(focusedElement);
  const latest = useRef(props);
  latest.current = props;
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      const { focusOnClose, returnFocus } = latest.current;
      focusFirst(focusOnClose?.(), opener, returnFocus?.());
    };
  }, [opener]);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={props.describedBy}
      onCancel={(e) => {
        e.preventDefault();
        props.onCancel();
      }}
    >
      <h2 id={titleId} className="dialog-title">
        {props.title}
      </h2>
      {props.children}
    </dialog>
  );
}

/** Asks before doing something that cannot be undone. */
export function ConfirmDialog(props: {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  busy?: boolean;
  error?: ReactNode;
  onConfirm: () => void;
  onCancel: () => void;
  returnFocus?: () => Element | null | undefined;
}) {
  const { t } = useLocale();
  const messageId = useId();
  return (
    <Dialog title={props.title} onCancel={props.onCancel} describedBy={messageId} returnFocus={props.returnFocus}>
      <div id={messageId} className="dialog-body">
        {props.message}
      </div>
      {props.error}
      <div className="dialog-actions">
        <button type="button" onClick={props.onCancel} autoFocus>
          {t('common.cancel')}
        </button>
        <BusyButton className="button-danger" onClick={props.onConfirm} busy={!!props.busy} busyLabel={t('common.working')}>
          {props.confirmLabel}
        </BusyButton>
      </div>
    </Dialog>
  );
}
