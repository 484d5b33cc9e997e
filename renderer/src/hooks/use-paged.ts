/**
 * A long list shown a page at a time (credentials of a provider, alerts): how many items to render, and a "show
 * more" that renders the next page and moves the focus to its first item, so keyboard and screen-reader users carry
 * on from there. The list's items must be focusable by script (`tabIndex={-1}`).
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

/** What `usePaged` gives: items to render, how many are hidden, how many the next page adds, and the action. */
export interface Paged<E extends HTMLElement> {
  shown: number;
  hidden: number;
  next: number;
  showMore: () => void;
  listRef: RefObject<E | null>;
}

/** Paging over `total` items: `preview` at first, then `step` more per `showMore()`. */
export function usePaged<E extends HTMLElement>(total: number, preview: number, step: number): Paged<E> {
  const [shown, setShown] = useState(preview);
  const [focusFrom, setFocusFrom] = useState<number | null>(null);
  const listRef = useRef<E>(null);

  useEffect(() => {
    if (focusFrom === null) return;
    (listRef.current?.children[focusFrom] as HTMLElement | undefined)?.focus();
    setFocusFrom(null);
  }, [focusFrom]);

  const hidden = Math.max(0, total - shown);
  const next = Math.min(step, hidden);
  const showMore = useCallback(() => {
    setFocusFrom(shown);
    setShown(shown + step);
  }, [shown, step]);
  return { shown, hidden, next, showMore, listRef };
}
