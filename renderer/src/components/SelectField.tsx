/**
 * A labelled drop-down with help text and an error tied to it, and an optional note announced when it appears.
 */
import { useId, type ReactNode } from 'react';
import { FieldNote } from './FieldNote';

/** One option of a `SelectField`. */
export interface SelectOption {
  value: string;
  label: string;
  lang?: string;
}

/** One labelled select. */
export function SelectField(props: {
  name: string;
  label: string;
  value: string;
  options: readonly SelectOption[];
  onChange: (value: string) => void;
  help?: ReactNode;
  error?: string | undefined;
  note?: ReactNode;
  disabled?: boolean;
}) {
  const id = useId();
  const describedBy = [props.help ? `${id}-help` : null, props.error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field" data-invalid={props.error ? 'true' : undefined}>
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        name={props.name}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-describedby={describedBy}
        aria-invalid={props.error ? true : undefined}
        disabled={props.disabled}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value} lang={o.lang}>
            {o.label}
          </option>
        ))}
      </select>
      {props.help && (
        <p id={`${id}-help`} className="help">
          {props.help}
        </p>
      )}
      {props.error && (
        <p id={`${id}-error`} className="field-error">
          {props.error}
        </p>
      )}
      {props.note !== undefined && <FieldNote note={props.note} />}
    </div>
  );
}
