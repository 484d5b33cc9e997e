/**
 * The four ways to connect (Anthropic API key, Claude setup-token, Cloudflare AI Gateway, another provider's token):
 * which contract channel each uses, how a form's values become that channel's input (validated by the contract's
 * schema), and how a credential the user wants to renew maps back to a prefilled form.
 */
import { invokeChannels } from '../../../shared/contract';
import { keyShapeProblem, type KeyShapeProblem } from '../../../shared/key-shape';
import { DEFAULT_EXPIRY_PRESET, expiresAtFor } from './expiry-presets';
import { validateForm, type FieldErrors } from './form-state';
import { CLOUDFLARE_PROVIDER, type CredentialKind, type CredentialValues } from './form-request';

export { CLOUDFLARE_PROVIDER, CREDENTIAL_KINDS, formRequestFor, formRequestForProvider, ownCopyRequest, targetProfileId, type CredentialKind, type CredentialValues, type FormRequest } from './form-request';

/** The contract channel each form saves through. */
export const KIND_CHANNEL = {
  'anthropic-key': 'auth:saveAnthropicKey',
  'setup-token': 'auth:saveSetupToken',
  cloudflare: 'auth:saveCloudflare',
  'provider-token': 'auth:saveToken',
} as const satisfies Record<CredentialKind, keyof typeof invokeChannels>;

/** A blank form for `agentId`; setup-tokens default to a year (their usual life), other tokens to no expiry. */
export function emptyValues(agentId: string, kind: CredentialKind = 'setup-token'): CredentialValues {
  return {
    apiKey: '',
    token: '',
    provider: '',
    profileName: '',
    agentId,
    accountId: '',
    gatewayId: '',
    gatewayAuthToken: '',
    writeEnv: false,
    setDefaultModel: false,
    expiryPreset: kind === 'setup-token' ? DEFAULT_EXPIRY_PRESET : 'none',
    expiryCustom: '',
    acceptUnusualKey: false,
  };
}

/** The fields each form shows and sends (besides the expiry choice of the token forms). */
export const KIND_FIELDS: Record<CredentialKind, readonly (keyof CredentialValues)[]> = {
  'anthropic-key': ['apiKey', 'profileName', 'agentId', 'writeEnv'],
  'setup-token': ['token', 'profileName', 'agentId'],
  cloudflare: ['accountId', 'gatewayId', 'apiKey', 'gatewayAuthToken', 'agentId', 'setDefaultModel', 'writeEnv'],
  'provider-token': ['provider', 'token', 'profileName', 'agentId'],
};

/**
 * The key field of a form and its known-shape problem (`shared/key-shape.ts`, the rule main applies), or null
 * when the form has no key to check or the key looks right. Setup-tokens are checked by their schema.
 */
export function keyProblem(kind: CredentialKind, values: Pick<CredentialValues, 'apiKey' | 'token' | 'provider'>): { field: 'apiKey' | 'token'; problem: KeyShapeProblem } | null {
  let found: { field: 'apiKey' | 'token'; problem: KeyShapeProblem | null } | null = null;
  if (kind === 'anthropic-key') found = { field: 'apiKey', problem: keyShapeProblem({ kind: 'api_key', provider: 'anthropic' }, values.apiKey) };
  else if (kind === 'cloudflare') found = { field: 'apiKey', problem: keyShapeProblem({ kind: 'api_key', provider: CLOUDFLARE_PROVIDER }, values.apiKey) };
  else if (kind === 'provider-token' && values.provider.trim() !== '') found = { field: 'token', problem: keyShapeProblem({ kind: 'token', provider: values.provider }, values.token) };
  return found?.problem ? { field: found.field, problem: found.problem } : null;
}

/** The key-shape error to show on the key field, unless the user accepted an only-unusual key ("Save it anyway"). */
export function keyShapeError(kind: CredentialKind, values: CredentialValues): FieldErrors {
  const found = keyProblem(kind, values);
  if (!found || (found.problem.unusualOnly && values.acceptUnusualKey)) return {};
  return { [found.field]: found.problem.params ? { key: found.problem.key, params: found.problem.params } : { key: found.problem.key } };
}

/** Whether a form records an expiry. */
export function hasExpiry(kind: CredentialKind): boolean {
  return kind === 'setup-token' || kind === 'provider-token';
}

/** The schema of a form's channel input. */
export function inputSchema(kind: CredentialKind) {
  return invokeChannels[KIND_CHANNEL[kind]].input;
}

/**
 * Builds and validates the channel input from the form's values at `now`: the parsed input (trimmed, blanks left
 * out, check boxes only when ticked), or the errors per field (`expiresAt` for the expiry choice).
 */
export function buildCredentialInput(kind: CredentialKind, values: CredentialValues, now: number): { ok: true; input: Record<string, unknown> } | { ok: false; errors: FieldErrors } {
  const raw: Record<string, unknown> = {};
  for (const field of KIND_FIELDS[kind]) {
    const v = values[field];
    if (typeof v === 'boolean') {
      if (v) raw[field] = true;
    } else {
      raw[field] = v;
    }
  }
  const errors: FieldErrors = {};
  if (hasExpiry(kind)) {
    const choice = expiresAtFor(values.expiryPreset, now, values.expiryCustom);
    if (choice.ok) raw.expiresAt = choice.expiresAt;
    else errors.expiresAt = { key: choice.errorKey };
  }
  const r = validateForm(inputSchema(kind), raw, KIND_CHANNEL[kind]);
  const shape = keyShapeError(kind, values);
  if (!r.ok) return { ok: false, errors: { ...shape, ...r.errors, ...errors } };
  Object.assign(errors, shape);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const input = r.data as Record<string, unknown>;
  if (values.acceptUnusualKey && keyProblem(kind, values)?.problem.unusualOnly) input.acceptUnusualKey = true;
  return { ok: true, input };
}
