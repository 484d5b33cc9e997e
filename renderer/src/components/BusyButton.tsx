/**
 * A button whose action is running: it says so (`busyLabel`, `aria-busy`) and ignores clicks, but stays focusable
 * (`aria-disabled`, not `disabled`), so a keyboard user's focus is still on it when the action fails. A disabled
 * button would drop the focus to the page body.
 */
import type { ButtonHTMLAttributes, ReactNode } from 'react';

/** The props of a button, plus whether its action runs and what it says meanwhile. */
export interface BusyButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  busy: boolean;
  busyLabel?: ReactNode;
}

/** A button that keeps the focus while busy. */
export function BusyButton({ busy, busyLabel, disabled, onClick, children, type = 'button', ...rest }: BusyButtonProps) {
  return (
    <button
      {...rest}
      type={type}
      disabled={disabled && !busy}
      aria-disabled={busy || undefined}
      aria-busy={busy || undefined}
      onClick={(e) => {
        if (busy) e.preventDefault();
        else onClick?.(e);
      }}
    >
      {busy && busyLabel ? busyLabel : children}
    </button>
  );
}
