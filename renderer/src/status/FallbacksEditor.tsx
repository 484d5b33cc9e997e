/**
 * The default model's fallbacks, picked instead of typed: the list in the order OpenClaw tries them, reordered with
 * the Up/Down buttons (keyboard: the focus stays on the moved row's button) or by dragging a row (mouse), removed,
 * and added from OpenClaw's catalog (names and context sizes) with free text as the last resort, checked as
 * `provider/model`. Nothing is written until "Save fallbacks" (`models:setFallbacks`, through the same backend as
 * credentials: a CLI run of seconds on OpenClaw 2026.6+).
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { AppErrorShape, FieldError } from '../../../shared/contract';
import { fieldErrorOf } from '../../../shared/field-errors';
import { api } from '../api';
import { BusyButton } from '../components/BusyButton';
import { ErrorNote } from '../components/ErrorNote';
import { TextField } from '../components/TextField';
import { useAppData } from '../hooks/use-app-data';
import { useFieldMessage } from '../hooks/use-field-message';
import { useLocale } from '../hooks/use-locale';
import { addProblem, moveItem, removeItem, sameList } from '../lib/fallback-list';

/** A model the picker offers: its ref, and its name and context size when the catalog gives them. */
export interface ModelChoice {
  ref: string;
  name?: string;
  contextWindow?: number;
}

/** The editor; `current` are the fallbacks OpenClaw has now, `choices` what the catalog offers. */
export function FallbacksEditor({ current, defaultModel, choices, onSaved }: { current: string[]; defaultModel: string | null; choices: ModelChoice[]; onSaved: () => void }) {
  const { t, locale } = useLocale();
  const { auth } = useAppData();
  const slow = auth.value?.openclaw?.capabilities.slowWrites === true;
  const message = useFieldMessage();
  const listId = useId();
  const [draft, setDraft] = useState(current);
  const [choice, setChoice] = useState('');
  const [fieldError, setFieldError] = useState<FieldError | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [saved, setSaved] = useState(false);
  const [dragged, setDragged] = useState<number | null>(null);
  const focusAfter = useRef<{ ref: string; button: 'up' | 'down' } | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const dirty = !sameList(draft, current);
  const currentKey = current.join('\n');

  // OpenClaw's list changed (a save, or someone else): follow it unless the user is editing.
  useEffect(() => {
    if (!dirty) setDraft(current);
  }, [currentKey]);

  useEffect(() => {
    const want = focusAfter.current;
    if (!want) return;
    focusAfter.current = null;
    const index = draft.indexOf(want.ref);
    // At the top or bottom the pressed button is disabled: its neighbour takes the focus.
    const button = want.button === 'up' && index === 0 ? 'down' : want.button === 'down' && index === draft.length - 1 ? 'up' : want.button;
    buttons.current.get(`${want.ref}|${button}`)?.focus();
  }, [draft]);

  const edit = (next: string[]) => {
    setDraft(next);
    setSaved(false);
  };
  const move = (index: number, by: -1 | 1) => {
    focusAfter.current = { ref: draft[index]!, button: by < 0 ? 'up' : 'down' };
    edit(moveItem(draft, index, index + by));
  };
  const nameOf = (ref: string) => choices.find((c) => c.ref === ref);
  const describe = (c: ModelChoice | undefined) =>
    [c?.name, c?.contextWindow ? t('models.fallbacks.context', { size: new Intl.NumberFormat(locale, { notation: 'compact' }).format(c.contextWindow) }) : null].filter(Boolean).join(' · ');

  const add = async () => {
    const { ModelRef } = await import('../../../shared/schemas');
    const parsed = ModelRef.safeParse(choice);
    if (!parsed.success) {
      setFieldError(fieldErrorOf(parsed.error.issues[0]!, 'model', choice, 'models:setFallbacks'));
      return;
    }
    const problem = addProblem(draft, parsed.data, defaultModel);
    if (problem) {
      setFieldError({ key: problem === 'duplicate' ? 'validation.duplicateModel' : 'models.fallbacks.isDefault' });
      return;
    }
    edit([...draft, parsed.data]);
    setChoice('');
  };

  const save = async () => {
    setBusy(true);
    setError(null);
    const r = await api().modelsSetFallbacks({ fallbacks: draft });
    setBusy(false);
    if (r.ok) {
      setSaved(true);
      onSaved();
    } else setError(r.error);
  };

  const offered = choices.filter((c) => c.ref !== defaultModel && !draft.includes(c.ref));
  return (
    <div className="fallbacks-editor">
      <h4 id={`${listId}-title`}>{t('models.fallbacks.title')}</h4>
      <p className="muted">{t('models.fallbacks.help')}</p>
      {draft.length === 0 ? (
        <p className="muted">{t('models.fallbacks.none')}</p>
      ) : (
        <ol className="fallback-list" aria-labelledby={`${listId}-title`}>
          {draft.map((ref, i) => (
            <li
              key={ref}
              className="fallback-item"
              draggable
              aria-grabbed={dragged === i}
              data-testid="fallback-item"
              onDragStart={(e) => {
                setDragged(i);
                e.dataTransfer.effectAllowed = 'move';
                e.dataTransfer.setData('text/plain', ref);
              }}
              onDragOver={(e) => e.preventDefault()}
              onDrop={(e) => {
                e.preventDefault();
                const from = draft.indexOf(e.dataTransfer.getData('text/plain'));
                if (from >= 0 && from !== i) edit(moveItem(draft, from, i));
                setDragged(null);
              }}
              onDragEnd={() => setDragged(null)}
            >
              <span className="muted">{i + 1}.</span>
              <code>{ref}</code>
              {describe(nameOf(ref)) && <span className="muted fallback-name">{describe(nameOf(ref))}</span>}
              <button type="button" ref={(el) => void (el ? buttons.current.set(`${ref}|up`, el) : buttons.current.delete(`${ref}|up`))} disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('models.fallbacks.moveUp', { model: ref })}>
                ↑
              </button>
              <button type="button" ref={(el) => void (el ? buttons.current.set(`${ref}|down`, el) : buttons.current.delete(`${ref}|down`))} disabled={i === draft.length - 1} onClick={() => move(i, 1)} aria-label={t('models.fallbacks.moveDown', { model: ref })}>
                ↓
              </button>
              <button type="button" onClick={() => edit(removeItem(draft, i))} aria-label={t('models.fallbacks.remove', { model: ref })}>
                {t('models.fallbacks.removeShort')}
              </button>
            </li>
          ))}
        </ol>
      )}
      <form
        className="model-picker"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <TextField
          name="fallback"
          label={t('models.fallbacks.add')}
          value={choice}
          onChange={(v) => {
            setChoice(v);
            setFieldError(undefined);
          }}
          help={t('models.fallbacks.addHelp')}
          error={message(fieldError)}
          placeholder={offered[0]?.ref ?? 'openrouter/anthropic/claude-sonnet-4.6'}
          list={listId}
          autoComplete="off"
        />
        <datalist id={listId}>
          {offered.map((c) => (
            <option key={c.ref} value={c.ref}>
              {describe(c)}
            </option>
          ))}
        </datalist>
        <button type="submit" disabled={!choice.trim()}>
          {t('models.fallbacks.addButton')}
        </button>
      </form>
      <div className="row-actions">
        <BusyButton type="button" disabled={!dirty} busy={busy} busyLabel={t(slow ? 'form.savingOpenClaw' : 'common.working')} onClick={() => void save()}>
          {t('models.fallbacks.save')}
        </BusyButton>
        {dirty && !busy && (
          <button type="button" onClick={() => edit(current)}>
            {t('models.fallbacks.reset')}
          </button>
        )}
      </div>
      {saved && !dirty && (
        <p className="ok-text" role="status">
          {t('models.fallbacks.saved')}
        </p>
      )}
      <ErrorNote error={error} />
    </div>
  );
}
