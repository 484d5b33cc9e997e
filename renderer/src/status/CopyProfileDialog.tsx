/**
 * Copies a credential to another agent: a new agent does not inherit keys, and this is how the user fixes
 * "No API key found for provider" for a second agent. The agent may be an existing one or a new name.
 */
import { useState } from 'react';
import { AgentId } from '../../../shared/schemas';
import type { AppErrorShape } from '../../../shared/contract';
import { api } from '../api';
import { Dialog } from '../components/Dialog';
import { ErrorNote } from '../components/ErrorNote';
import { TextField } from '../components/TextField';
import { useFieldMessage } from '../hooks/use-field-message';
import { useLocale } from '../hooks/use-locale';

/** The dialog; `onDone` receives the agent copied to. */
export function CopyProfileDialog(props: { profileId: string; fromAgentId: string; agents: readonly string[]; onDone: (toAgentId: string) => void; onCancel: () => void }) {
  const { t } = useLocale();
  const message = useFieldMessage();
  const others = props.agents.filter((a) => a !== props.fromAgentId);
  const [agent, setAgent] = useState(others[0] ?? '');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);

  const check = (value: string) => {
    const r = AgentId.safeParse(value);
    if (!r.success) return r.error.issues[0]?.message;
    return r.data === props.fromAgentId ? 'validation.sameAgent' : undefined;
  };

  const submit = async () => {
    const problem = check(agent);
    setFieldError(problem);
    if (problem) return;
    setBusy(true);
    setError(null);
    const r = await api().authCopyProfile({ profileId: props.profileId, toAgentId: agent.trim(), fromAgentId: props.fromAgentId });
    setBusy(false);
    if (r.ok) props.onDone(r.value.agentId);
    else {
      setError(r.error);
      if (r.error.fields?.toAgentId) setFieldError(r.error.fields.toAgentId);
    }
  };

  return (
    <Dialog title={t('copy.title', { profile: props.profileId })} onCancel={props.onCancel}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <p className="dialog-body">{t('copy.explain')}</p>
        <TextField
          name="toAgentId"
          label={t('copy.agent')}
          value={agent}
          onChange={(v) => {
            setAgent(v);
            setFieldError(undefined);
          }}
          onBlur={() => agent && setFieldError(check(agent))}
          help={t('copy.agentHelp')}
          error={message(fieldError)}
          list="copy-agents"
          required
          autoComplete="off"
        />
        <datalist id="copy-agents">
          {others.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
        <ErrorNote error={error} />
        <div className="dialog-actions">
          <button type="button" onClick={props.onCancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button-primary" disabled={busy} aria-busy={busy || undefined}>
            {busy ? t('common.working') : t('copy.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
