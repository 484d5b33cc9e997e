/**
 * A short confirmation under a field ("Saved."), in a live region that is always present, so a screen reader
 * announces it when the text appears.
 */
import type { ReactNode } from 'react';

/** The note's live region; render it (with `null`) before there is anything to say, so it is announced. */
export function FieldNote({ note }: { note?: ReactNode }) {
  return (
    <p className="ok-text field-note" role="status">
      {note}
    </p>
  );
}
