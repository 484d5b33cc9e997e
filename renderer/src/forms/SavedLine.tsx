/**
 * What a saved credential means, in plain words ("Saved. OpenClaw will use it for Anthropic models."), with the
 * profile id and agent on a quieter line for whoever needs them. Used by the forms and the wizard.
 */
import type { SaveResult } from './use-credential-form';
import { providerDisplayName } from '../../../shared/provider-names';
import { useLocale } from '../hooks/use-locale';

/** The provider of a profile id (`anthropic:work` -> `anthropic`). */
export function providerOf(profileId: string): string {
  return profileId.split(':')[0] ?? profileId;
}

/** The two lines; `title` styles the first as a note title. */
export function SavedLine({ saved, title = false }: { saved: SaveResult; title?: boolean }) {
  const { t } = useLocale();
  return (
    <>
      <p className={title ? 'note-title' : undefined}>{t('form.saved', { provider: providerDisplayName(providerOf(saved.profileId)) })}</p>
      <p className="muted">{t('form.savedAs', { profile: saved.profileId, agent: saved.agentId })}</p>
    </>
  );
}
