/**
 * The shared schemas (and main, which uses them too) speak English. This table maps each of their messages to a
 * translation key, so a field error reads in the user's language whichever side found it. Messages not listed
 * (rare, from main) are shown as they are.
 */
import { ownValue, RESERVED_ID_MESSAGE } from '../../../shared/own-keys';

const KEYS: Record<string, string> = {
  'Use 1-64 lower-case letters, digits, "-" or "_".': 'validation.agentId',
  'Use lower-case letters, digits and "-".': 'validation.providerId',
  'Use lower-case letters, digits, ".", "_" or "-".': 'validation.profileName',
  'Expected a profile id like "anthropic:default".': 'validation.profileId',
  'Expected a model like "anthropic/claude-sonnet-4-6".': 'validation.modelRef',
  'Required.': 'validation.required',
  'Too long.': 'validation.tooLong',
  'Must be a single value without spaces or line breaks.': 'validation.singleValue',
  'A setup-token starts with "sk-ant-oat01-".': 'validation.setupTokenPrefix',
  'A setup-token is at least 80 characters long; check that it was copied whole.': 'validation.setupTokenLength',
  'An account id is 32 hexadecimal characters (Cloudflare dashboard, Account Home).': 'validation.accountId',
  'A gateway id is 1-64 lower-case letters, digits, "-" or "_".': 'validation.gatewayId',
  'Use upper-case letters, digits and "_", not starting with a digit.': 'validation.envKey',
  'A value cannot contain line breaks or NUL characters.': 'validation.envValue',
  'Unknown agent.': 'validation.unknownAgent',
  [RESERVED_ID_MESSAGE]: 'validation.reservedId',
};

/** Keys the window itself puts into field errors (expiry, port, thresholds...). */
const OWN_KEY = /^(validation|expiry|settings)\.[A-Za-z.]+$/;

/** The translation key for a field message, or null to show the message as it is. */
export function messageKey(message: string): string | null {
  const key = ownValue(KEYS, message);
  if (key) return key;
  return OWN_KEY.test(message) ? message : null;
}

/** Every key this table can produce (tests check each exists in every language). */
export const VALIDATION_KEYS: readonly string[] = Object.values(KEYS);
