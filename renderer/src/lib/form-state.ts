/**
 * Form validation with the contract's own input schemas (the very validators main applies), and the small edits
 * forms make to what the user types: pasted text loses surrounding whitespace, empty optional fields are left out.
 */
import type { z } from 'zod';

/** Field name -> message (an English schema message, a message from main, or an i18n key). */
export type FieldErrors = Record<string, string>;

/** Drops empty strings and undefined values so optional fields the user left blank are simply absent. */
export function compactInput(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || (typeof v === 'string' && v.trim() === '')) continue;
    out[k] = v;
  }
  return out;
}

/** Maps zod issues to the first message per top-level field (issues without a path go under `_form`). */
export function issuesToFields(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : '_form';
    out[field] ??= issue.message;
  }
  return out;
}

/** A contract input schema: an object whose shape gives each field's validator. */
export type ObjectSchema = z.ZodObject<z.ZodRawShape>;

/**
 * Validates one field as the contract would, for blur: an empty optional field is fine, an empty required field
 * gets the schema's own message. Returns the message or undefined.
 */
export function validateField(schema: ObjectSchema, field: string, value: unknown): string | undefined {
  const fieldSchema = schema.shape[field] as z.ZodType | undefined;
  if (!fieldSchema) return undefined;
  const blank = value === undefined || (typeof value === 'string' && value.trim() === '');
  if (blank && fieldSchema.safeParse(undefined).success) return undefined;
  const r = fieldSchema.safeParse(value ?? '');
  return r.success ? undefined : r.error.issues[0]?.message;
}

/** Validates a whole input for submit: the parsed (trimmed) data, or every field's error. */
export function validateForm<S extends ObjectSchema>(schema: S, values: Record<string, unknown>): { ok: true; data: z.output<S> } | { ok: false; errors: FieldErrors } {
  const r = schema.safeParse(compactInput(values));
  return r.success ? { ok: true, data: r.data } : { ok: false, errors: issuesToFields(r.error.issues) };
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
