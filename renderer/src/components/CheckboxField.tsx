/**
 * A check box with its label beside it, an optional help line tied to it, and an optional note announced when it
 * appears (e.g. "Saved." for a setting that applies at once).
 */
import { useId, type ReactNode } from 'react';
import { FieldNote } from './FieldNote';

/** One labelled check box. */
export function CheckboxField(props: { name: string; label: string; checked: boolean; onChange: (checked: boolean) => void; help?: ReactNode; note?: ReactNode; disabled?: boolean }) {
  const id = useId();
  return (
    <div className="field field-check">
      <input
        id={id}
        name={props.name}
        type="checkbox"
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
        aria-describedby={props.help ? `${id}-help` : undefined}
        disabled={props.disabled}
      />
      <label htmlFor={id}>{props.label}</label>
      {props.help && (
        <p id={`${id}-help`} className="help">
          {props.help}
        </p>
      )}
      {props.note !== undefined && <FieldNote note={props.note} />}
    </div>
  );
}
