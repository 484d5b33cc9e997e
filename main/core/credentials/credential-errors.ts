/**
 * The errors about one credential that both the flows and a backend raise, so the two say the same thing (as
 * translation keys) whichever of them finds the problem first.
 */
import { CoreError } from '../errors';

/** `NOT_FOUND` for a profile `agentId` does not have, shown on the form field `fieldName`. */
export function unknownProfile(agentId: string, profileId: string, fieldName = 'profileId'): CoreError {
  return new CoreError('NOT_FOUND', 'errors.profile.unknown', {
    params: { agent: agentId, profile: profileId },
    fields: { [fieldName]: { key: 'validation.unknownProfile', params: { profile: profileId } } },
  });
}

/** `VALIDATION` for an OAuth sign-in someone asked to copy: it is tied to one agent's sign-in. */
export function oauthNotCopied(): CoreError {
  return new CoreError('VALIDATION', 'errors.profile.oauthCopy', { fields: { profileId: { key: 'validation.oauthCopy' } } });
}
