/**
 * A modal dialog on the native `<dialog>` element: focus moves inside and is trapped by the browser, Escape
 * cancels, and the page behind is inert. `ConfirmDialog` is the yes/no variant used before removing anything.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useLocale } from '../hooks/use-locale';

/** A modal dialog shown while mounted. */
export function Dialog(props: { title: string; onCancel: () => void; children: ReactNode; describedBy?: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
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
}) {
  const { t } = useLocale();
  const messageId = useId();
  return (
    <Dialog title={props.title} onCancel={props.onCancel} describedBy={messageId}>
      <div id={messageId} className="dialog-body">
        {props.message}
      </div>
      {props.error}
      <div className="dialog-actions">
        <button type="button" onClick={props.onCancel} autoFocus>
          {t('common.cancel')}
        </button>
        <button type="button" className="button-danger" onClick={props.onConfirm} disabled={props.busy} aria-busy={props.busy || undefined}>
          {props.busy ? t('common.working') : props.confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
