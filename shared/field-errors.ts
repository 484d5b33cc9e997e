/**
 * Zod issues as field errors the window can word: the one mapping used by main's dispatcher and by the window's
 * own form validation, so a field refused on either side reads the same. A schema's custom message is already a
 * `validation.*` key; zod's own issues (a missing field, too short, too long, an unknown key, a wrong type) get a
 * key here, and an empty required field gets a sentence that says what to put in it.
 */
import type { z } from 'zod';
import type { FieldError, InvokeChannel } from './contract';
import { isValidationKey, type ValidationKey } from './message-keys';

/** A field error whose key is one of the shared validation keys (what schemas and main produce). */
export interface KeyedFieldError extends FieldError {
  key: ValidationKey;
}

/** What to put in an empty required field, by field name. */
const MISSING: Readonly<Record<string, ValidationKey>> = {
  apiKey: 'validation.missing.anthropicKey',
  token: 'validation.missing.token',
  provider: 'validation.missing.provider',
  accountId: 'validation.missing.accountId',
  gatewayId: 'validation.missing.gatewayId',
  agentId: 'validation.missing.agentId',
  toAgentId: 'validation.missing.toAgentId',
  profileId: 'validation.missing.profileId',
  model: 'validation.missing.model',
  port: 'validation.missing.port',
  key: 'validation.missing.envKey',
  value: 'validation.missing.envValue',
};

/** Where a field of the same name means something else on one channel. */
const MISSING_ON: Partial<Record<InvokeChannel, Readonly<Record<string, ValidationKey>>>> = {
  'auth:saveCloudflare': { apiKey: 'validation.missing.providerKey' },
  'auth:saveSetupToken': { token: 'validation.missing.setupToken' },
};

/** The sentence for an empty required `field` (a dotted path) of `channel`'s input. */
export function missingKey(field: string, channel?: string): ValidationKey {
  const name = field.split('.')[0] ?? field;
  const own = channel ? MISSING_ON[channel as InvokeChannel]?.[name] : undefined;
  return own ?? MISSING[name] ?? 'validation.missing.field';
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function bound(n: number | bigint): number {
  return Number(n);
}

/** The key for a zod issue whose message is zod's own (not one of our keys). */
function ownKey(issue: z.core.$ZodIssue): KeyedFieldError {
  switch (issue.code) {
    case 'too_big': {
      const params = { maximum: bound(issue.maximum) };
      if (issue.origin === 'string') return { key: 'validation.tooLong', params };
      if (issue.origin === 'array' || issue.origin === 'set') return { key: 'validation.tooMany', params };
      return { key: 'validation.tooBig', params };
    }
    case 'too_small': {
      const params = { minimum: bound(issue.minimum) };
      if (issue.origin === 'string') return { key: 'validation.tooShort', params };
      if (issue.origin === 'array' || issue.origin === 'set') return { key: 'validation.tooFew', params };
      return { key: 'validation.tooSmall', params };
    }
    case 'invalid_type':
      if (issue.expected === 'int') return { key: 'validation.wholeNumber' };
      if (issue.expected === 'number') return { key: 'validation.number' };
      return { key: 'validation.invalid' };
    case 'invalid_value':
      return { key: 'validation.choose' };
    default:
      return { key: 'validation.invalid' };
  }
}

/**
 * The field error for one issue about `field`, whose value in the input was `value`: the field's "what to put
 * here" sentence when it was left empty, the schema's own key, or a key for zod's issue (with its bound).
 */
export function fieldErrorOf(issue: z.core.$ZodIssue, field: string, value: unknown, channel?: string): KeyedFieldError {
  if (isBlank(value) && issue.code !== 'unrecognized_keys') return { key: missingKey(field, channel) };
  const bounds: FieldError['params'] = issue.code === 'too_big' ? { maximum: bound(issue.maximum) } : issue.code === 'too_small' ? { minimum: bound(issue.minimum) } : undefined;
  if (isValidationKey(issue.message)) return bounds ? { key: issue.message, params: bounds } : { key: issue.message };
  return ownKey(issue);
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const part of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[part];
  }
  return v;
}

/** The name of the field an issue is about: its dotted path, `_form` for the input as a whole. */
export function fieldName(path: readonly PropertyKey[]): string {
  return path.length > 0 ? path.map(String).join('.') : '_form';
}

/**
 * Maps the issues of parsing `input` (for `channel`, when it is one) to the first error per field. An unknown key
 * is reported on that key's own name.
 */
export function issuesToFields(issues: readonly z.core.$ZodIssue[], input: unknown, channel?: string): Record<string, KeyedFieldError> {
  const fields: Record<string, KeyedFieldError> = {};
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[fieldName([...issue.path, key])] ??= { key: 'validation.unknownField' };
      continue;
    }
    const name = fieldName(issue.path);
    fields[name] ??= fieldErrorOf(issue, name, valueAt(input, issue.path), channel);
  }
  return fields;
}
