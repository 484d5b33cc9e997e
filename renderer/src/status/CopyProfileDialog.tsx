/**
 * Copies a credential to another agent: a new agent does not inherit keys, and this is how the user fixes
 * "No API key found for provider" for a second agent. Only agents OpenClaw knows are offered.
 */
import { useState } from 'react';
import type { AppErrorShape } from '../../../shared/contract';
import { api } from '../api';
import { Dialog } from '../components/Dialog';
import { ErrorNote } from '../components/ErrorNote';
import { SelectField } from '../components/SelectField';
import { useFieldMessage } from '../hooks/use-field-message';
import { useLocale } from '../hooks/use-locale';
import { BusyButton } from '../components/BusyButton';

/** The dialog; `onDone` receives the agent copied to. `agents` are the other known agents (at least one). */
export function CopyProfileDialog(props: { profileId: string; fromAgentId: string; agents: readonly string[]; onDone: (toAgentId: string) => void; onCancel: () => void }) {
  const { t } = useLocale();
  const message = useFieldMessage();
  const [agent, setAgent] = useState(props.agents[0] ?? '');
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    setError(null);
    const r = await api().authCopyProfile({ profileId: props.profileId, toAgentId: agent, fromAgentId: props.fromAgentId });
    setBusy(false);
    if (r.ok) props.onDone(r.value.agentId);
    else setError(r.error);
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
        <SelectField
          name="toAgentId"
          label={t('copy.agent')}
          value={agent}
          options={props.agents.map((a) => ({ value: a, label: a }))}
          onChange={setAgent}
          help={t('copy.agentHelp')}
          error={message(error?.fields?.toAgentId)}
        />
        <ErrorNote error={error} />
        <div className="dialog-actions">
          <button type="button" onClick={props.onCancel}>
            {t('common.cancel')}
          </button>
          <BusyButton type="submit" className="button-primary" disabled={!agent} busy={busy} busyLabel={t('common.working')}>
            {t('copy.submit')}
          </BusyButton>
        </div>
      </form>
    </Dialog>
  );
}
