/**
 * Form validation with the contract's own input schemas (the very validators main applies), and the small edits
 * forms make to what the user types: pasted text loses surrounding whitespace, empty optional fields are left out.
 */
import type { z } from 'zod';
import type { FieldError } from '../../../shared/contract';
import { fieldErrorOf, fieldName, issuesToFields } from '../../../shared/field-errors';

/** Field name -> what is wrong with it, as a translation key (+ params): from the schemas, main, or the window. */
export type FieldErrors = Record<string, FieldError>;

/** Drops empty strings and undefined values so optional fields the user left blank are simply absent. */
export function compactInput(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || (typeof v === 'string' && v.trim() === '')) continue;
    out[k] = v;
  }
  return out;
}

/** A contract input schema: an object whose shape gives each field's validator. */
export type ObjectSchema = z.ZodObject<z.ZodRawShape>;

/**
 * Validates one field as the contract would, for blur: an empty optional field is fine, an empty required field
 * gets its "what to put here" sentence (`channel` says which form it is). Returns the error or undefined.
 */
export function validateField(schema: ObjectSchema, field: string, value: unknown, channel?: string): FieldError | undefined {
  const fieldSchema = schema.shape[field] as z.ZodType | undefined;
  if (!fieldSchema) return undefined;
  const blank = value === undefined || (typeof value === 'string' && value.trim() === '');
  if (blank && fieldSchema.safeParse(undefined).success) return undefined;
  const r = fieldSchema.safeParse(value ?? '');
  const issue = r.success ? undefined : r.error.issues[0];
  return issue ? fieldErrorOf(issue, fieldName([field, ...issue.path]), value, channel) : undefined;
}

/** Validates a whole input for submit (as `channel`'s input): the parsed (trimmed) data, or every field's error. */
export function validateForm<S extends ObjectSchema>(schema: S, values: Record<string, unknown>, channel?: string): { ok: true; data: z.output<S> } | { ok: false; errors: FieldErrors } {
  const input = compactInput(values);
  const r = schema.safeParse(input);
  return r.success ? { ok: true, data: r.data } : { ok: false, errors: issuesToFields(r.error.issues, input, channel) };
}

/**
 * What a text field holds after a paste: the pasted text, trimmed, replaces the selection. Secrets copied from a
 * terminal or a web page often carry a trailing newline or spaces.
 */
export function pasteTrimmed(value: string, selectionStart: number, selectionEnd: number, pasted: string): { value: string; caret: number } {
  const clean = pasted.trim();
  const start = Math.max(0, Math.min(selectionStart, value.length));
  const end = Math.max(start, Math.min(selectionEnd, value.length));
  return { value: value.slice(0, start) + clean + value.slice(end), caret: start + clean.length };
}
