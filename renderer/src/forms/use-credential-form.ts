/**
 * The state of one credential form: values as typed; errors per field from the shared schemas (on blur once
 * something was typed, and on submit) and from main's `error.fields`; a busy flag while saving; the confirmation
 * after. Values are kept after an error; secrets are cleared once saved, so they do not linger in the window.
 */
import { useCallback, useRef, useState } from 'react';
import type { AppErrorShape, FieldError, InputOf, OutputOf, Result } from '../../../shared/contract';
import { api } from '../api';
import { buildCredentialInput, emptyValues, hasExpiry, inputSchema, KIND_CHANNEL, keyShapeError, targetProfileId, type CredentialKind, type CredentialValues, type FormRequest } from '../lib/credential-input';
import { expiresAtFor } from '../lib/expiry-presets';
import { validateField, type FieldErrors } from '../lib/form-state';

/** What a save wrote, for the confirmation. */
export type SaveResult = OutputOf<'auth:saveAnthropicKey'>;

/** The form's state and actions, handed to the field components. */
export interface CredentialForm {
  kind: CredentialKind;
  values: CredentialValues;
  errors: FieldErrors;
  busy: boolean;
  saved: SaveResult | null;
  failure: AppErrorShape | null;
  set: <K extends keyof CredentialValues>(field: K, value: CredentialValues[K]) => void;
  blur: (field: keyof CredentialValues) => void;
  /**
   * Saves. `replace` says the user chose to replace what is saved under the profile id ("Replace it"); `profileName`
   * saves under that name instead ("Save as ..."). Renew and Replace forms replace their own profile without asking.
   */
  submit: (options?: { replace?: boolean; profileName?: string }) => Promise<SaveResult | null>;
}

function save(kind: CredentialKind, input: Record<string, unknown>): Promise<Result<SaveResult>> {
  switch (kind) {
    case 'anthropic-key':
      return api().authSaveAnthropicKey(input as InputOf<'auth:saveAnthropicKey'>);
    case 'setup-token':
      return api().authSaveSetupToken(input as InputOf<'auth:saveSetupToken'>);
    case 'cloudflare':
      return api().authSaveCloudflare(input as InputOf<'auth:saveCloudflare'>);
    case 'provider-token':
      return api().authSaveToken(input as InputOf<'auth:saveToken'>);
  }
}

/** The provider and profile name a parsed input saves under. */
function savedNames(input: Record<string, unknown>): { provider: string; profileName: string } {
  return { provider: typeof input.provider === 'string' ? input.provider : '', profileName: typeof input.profileName === 'string' ? input.profileName : '' };
}

const SECRET_FIELDS = ['apiKey', 'token', 'gatewayAuthToken'] as const;

/** A form for `request`, saving for `agentId` unless the request names another agent. */
export function useCredentialForm(request: FormRequest, agentId: string): CredentialForm {
  const [values, setValues] = useState<CredentialValues>(() => ({ ...emptyValues(agentId, request.kind), ...request.prefill }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<SaveResult | null>(null);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const valuesRef = useRef(values);
  valuesRef.current = values;

  const set = useCallback(<K extends keyof CredentialValues>(field: K, value: CredentialValues[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    setSaved(null);
    const errorField = field === 'expiryPreset' || field === 'expiryCustom' ? 'expiresAt' : field;
    // "Save it anyway" answers the key field's message.
    const cleared = field === 'acceptUnusualKey' ? ['apiKey', 'token'] : [errorField];
    setErrors((e) => {
      if (!cleared.some((f) => f in e)) return e;
      const next = { ...e };
      for (const f of cleared) delete next[f];
      return next;
    });
  }, []);

  const blur = useCallback(
    (field: keyof CredentialValues) => {
      const v = valuesRef.current;
      let message: FieldError | undefined;
      if (field === 'expiryCustom') {
        if (!hasExpiry(request.kind) || v.expiryPreset !== 'custom' || v.expiryCustom === '') return;
        const choice = expiresAtFor('custom', Date.now(), v.expiryCustom);
        message = choice.ok ? undefined : { key: choice.errorKey };
        field = 'expiresAt' as keyof CredentialValues;
      } else {
        const value = v[field];
        if (typeof value === 'string' && value.trim() === '') return;
        message = validateField(inputSchema(request.kind), field, value, KIND_CHANNEL[request.kind]) ?? keyShapeError(request.kind, v)[field];
      }
      setErrors((e) => {
        const next = { ...e };
        if (message) next[field] = message;
        else delete next[field];
        return next;
      });
    },
    [request.kind],
  );

  const submit = useCallback(async (options: { replace?: boolean; profileName?: string } = {}) => {
    if (options.profileName !== undefined) {
      valuesRef.current = { ...valuesRef.current, profileName: options.profileName };
      setValues(valuesRef.current);
    }
    const current = valuesRef.current;
    const built = buildCredentialInput(request.kind, current, Date.now());
    setFailure(null);
    setSaved(null);
    if (!built.ok) {
      setErrors(built.errors);
      return null;
    }
    setErrors({});
    setBusy(true);
    // Renew/Replace replace the profile they were opened for (not another one the user renamed it to).
    const replace = options.replace === true || (request.profileId !== undefined && targetProfileId(request.kind, savedNames(built.input)) === request.profileId);
    try {
      const r = await save(request.kind, replace ? { ...built.input, replace: true } : built.input);
      if (r.ok) {
        setSaved(r.value);
        setValues((v) => ({ ...v, ...Object.fromEntries(SECRET_FIELDS.map((f) => [f, ''])) }));
        return r.value;
      }
      if (r.error.fields && Object.keys(r.error.fields).length > 0) setErrors(r.error.fields);
      setFailure(r.error);
      return null;
    } finally {
      setBusy(false);
    }
  }, [request.kind, request.profileId]);

  return { kind: request.kind, values, errors, busy, saved, failure, set, blur, submit };
}
