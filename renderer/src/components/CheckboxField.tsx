/**
 * A check box with its label beside it and an optional help line tied to it.
 */
import { useId, type ReactNode } from 'react';

/** One labelled check box. */
export function CheckboxField(props: { name: string; label: string; checked: boolean; onChange: (checked: boolean) => void; help?: ReactNode; disabled?: boolean }) {
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
    </div>
  );
}
