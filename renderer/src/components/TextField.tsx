/**
 * A labelled text input with its help text and error wired for assistive technology (`aria-describedby`,
 * `aria-invalid`). Secrets get a show/hide button; pasted text is trimmed (a key copied from a terminal often
 * carries a newline).
 */
import { useId, useState, type ClipboardEvent, type InputHTMLAttributes, type ReactNode } from 'react';
import { useLocale } from '../hooks/use-locale';
import { pasteTrimmed } from '../lib/form-state';

/** What a text field needs; `error` is already translated. */
export interface TextFieldProps {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  help?: ReactNode;
  error?: string | undefined;
  secret?: boolean;
  required?: boolean;
  type?: 'text' | 'number' | 'datetime-local' | 'search';
  placeholder?: string;
  autoComplete?: string;
  inputMode?: InputHTMLAttributes<HTMLInputElement>['inputMode'];
  list?: string;
  disabled?: boolean;
}

/** One labelled input. */
export function TextField(props: TextFieldProps) {
  const { t } = useLocale();
  const id = useId();
  const [shown, setShown] = useState(false);
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const describedBy = [props.help ? helpId : null, props.error ? errorId : null].filter(Boolean).join(' ') || undefined;

  const onPaste = (e: ClipboardEvent<HTMLInputElement>) => {
    const text = e.clipboardData.getData('text');
    if (text === text.trim()) return;
    e.preventDefault();
    const input = e.currentTarget;
    const next = pasteTrimmed(input.value, input.selectionStart ?? input.value.length, input.selectionEnd ?? input.value.length, text);
    props.onChange(next.value);
    requestAnimationFrame(() => input.setSelectionRange(next.caret, next.caret));
  };

  return (
    <div className="field" data-invalid={props.error ? 'true' : undefined}>
      <label htmlFor={id}>{props.label}</label>
      <div className="input-row">
        <input
          id={id}
          name={props.name}
          type={props.secret && !shown ? 'password' : (props.type ?? 'text')}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
          onBlur={props.onBlur}
          onPaste={onPaste}
          aria-describedby={describedBy}
          aria-invalid={props.error ? true : undefined}
          aria-required={props.required || undefined}
          placeholder={props.placeholder}
          autoComplete={props.autoComplete ?? (props.secret ? 'off' : undefined)}
          spellCheck={props.secret ? false : undefined}
          autoCapitalize={props.secret ? 'off' : undefined}
          inputMode={props.inputMode}
          list={props.list}
          disabled={props.disabled}
        />
        {props.secret && (
          <button type="button" className="button-quiet" aria-pressed={shown} aria-controls={id} onClick={() => setShown((s) => !s)}>
            {shown ? t('form.hide') : t('form.show')}
            <span className="visually-hidden"> {props.label}</span>
          </button>
        )}
      </div>
      {props.help && (
        <p id={helpId} className="help">
          {props.help}
        </p>
      )}
      {props.error && (
        <p id={errorId} className="field-error">
          {props.error}
        </p>
      )}
    </div>
  );
}
