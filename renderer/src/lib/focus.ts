/**
 * Where the keyboard focus goes when what held it is gone: a dialog gives it back to what opened it, a form that
 * opens puts it in its first field, a removed row hands it to its neighbour. Plain DOM functions, so every screen
 * moves the focus the same way.
 */

/** Whether `el` can take the focus now: in the page, not disabled, not inert, rendered. */
export function canFocus(el: Element | null | undefined): el is HTMLElement {
  if (!(el instanceof HTMLElement) || !el.isConnected || el.closest('[inert]')) return false;
  if ('disabled' in el && (el as HTMLButtonElement).disabled) return false;
  return el.getClientRects().length > 0;
}

/** Focuses the first of `candidates` that can take it; true when one did. */
export function focusFirst(...candidates: (Element | null | undefined)[]): boolean {
  const target = candidates.find(canFocus);
  target?.focus();
  return !!target;
}

const FIELDS = 'input:not([type=hidden]), select, textarea';

/** Focuses the first field of `root` a user can type in (skipping hidden, disabled and collapsed ones). */
export function focusFirstField(root: ParentNode | null | undefined): boolean {
  return root ? focusFirst(...root.querySelectorAll(FIELDS)) : false;
}

/** The element that has the focus now, if it is an element of the page (not the body). */
export function focusedElement(): HTMLElement | null {
  const el = document.activeElement;
  return el instanceof HTMLElement && el !== document.body ? el : null;
}

/** True when nothing of the page has the focus any more, or a disabled control still holds it. */
export function focusLost(): boolean {
  const el = focusedElement();
  return !el || !canFocus(el);
}
