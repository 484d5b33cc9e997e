/**
 * The picker for the default model (`models:setDefault`), inside the Models panel: OpenClaw's catalog (or the
 * configured models) is suggested, any `provider/model` may be typed, and the shared `ModelRef` schema checks it first.
 */
import { useId, useState } from 'react';
import type { AppErrorShape, FieldError } from '../../../shared/contract';
import { fieldErrorOf } from '../../../shared/field-errors';
import { api } from '../api';
import { ErrorNote } from '../components/ErrorNote';
import { TextField } from '../components/TextField';
import { useFieldMessage } from '../hooks/use-field-message';
import { useAppData } from '../hooks/use-app-data';
import { useLocale } from '../hooks/use-locale';
import { BusyButton } from '../components/BusyButton';
import type { ModelChoice } from './FallbacksEditor';

/** The default model's picker; `choices` are what OpenClaw's catalog (or the config) offers. */
export function DefaultModelPicker({ choices }: { choices: ModelChoice[] }) {
  const { t } = useLocale();
  const { auth } = useAppData();
  const status = auth.value;
  const listId = useId();
  const message = useFieldMessage();
  const [choice, setChoice] = useState('');
  const [fieldError, setFieldError] = useState<FieldError | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [done, setDone] = useState(false);

  if (!status) return null;

  const offered = choices.filter((m) => m.ref !== status.defaultModel);

  const apply = async () => {
    setDone(false);
    // The schemas (and zod) load on first use: the status panel opens without them.
    const { ModelRef } = await import('../../../shared/schemas');
    const parsed = ModelRef.safeParse(choice);
    if (!parsed.success) {
      setFieldError(fieldErrorOf(parsed.error.issues[0]!, 'model', choice, 'models:setDefault'));
      return;
    }
    setBusy(true);
    setError(null);
    const r = await api().modelsSetDefault({ model: parsed.data });
    setBusy(false);
    if (r.ok) {
      setDone(true);
      setChoice('');
      void auth.reload();
    } else {
      setError(r.error);
      setFieldError(r.error.fields?.model);
    }
  };

  return (
    <div className="model-picker-block">
      <form
        className="model-picker"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void apply();
        }}
      >
        <TextField
          name="model"
          label={t('model.pick')}
          value={choice}
          onChange={(v) => {
            setChoice(v);
            setFieldError(undefined);
            setDone(false);
          }}
          help={t('model.pickHelp')}
          error={message(fieldError)}
          placeholder={offered[0]?.ref ?? 'anthropic/claude-sonnet-4-6'}
          list={listId}
          autoComplete="off"
        />
        <datalist id={listId}>
          {offered.map((m) => (
            <option key={m.ref} value={m.ref}>
              {m.name}
            </option>
          ))}
        </datalist>
        <BusyButton type="submit" disabled={!choice.trim()} busy={busy} busyLabel={t('common.working')}>
          {t('model.apply')}
        </BusyButton>
      </form>
      {done && (
        <p className="ok-text" role="status">
          {t('model.changed')}
        </p>
      )}
      <ErrorNote error={error} />
    </div>
  );
}
