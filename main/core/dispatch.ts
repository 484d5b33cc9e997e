/**
 * The single place where a channel name and untrusted input become a handler call: both shells go through it,
 * so validation is the same whichever transport carried the request.
 */
import type { z } from 'zod';
import { invokeChannels, isInvokeChannel, type InvokeChannel, type OutputOf, type ParsedInputOf, type Result } from '../../shared/contract';
import { CoreError, toErrorShape } from './errors';

/** One async handler per contract channel, receiving parsed input. */
export type Handlers = { [C in InvokeChannel]: (input: ParsedInputOf<C>) => Promise<OutputOf<C>> };

/** Calls a channel by name with untrusted input; always resolves to the result envelope. */
export interface Dispatch {
  <C extends InvokeChannel>(channel: C, input: unknown): Promise<Result<OutputOf<C>>>;
  (channel: string, input: unknown): Promise<Result<unknown>>;
}

/** Maps zod issues to `{field: message}`, the shape forms show beside their fields. */
export function issuesToFields(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[key] ??= 'Unknown field.';
      continue;
    }
    const key = issue.path.length ? issue.path.map(String).join('.') : '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

/** Builds the dispatcher. Outputs are parsed too, which strips any key the contract does not declare. */
export function createDispatcher(handlers: Handlers, onError: (channel: string, err: unknown) => void = () => {}): Dispatch {
  return (async (channel: string, input: unknown): Promise<Result<unknown>> => {
    if (!isInvokeChannel(channel)) {
      return { ok: false, error: { code: 'NOT_FOUND', message: `Unknown channel "${channel}".` } };
    }
    const spec = invokeChannels[channel];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      const fields = issuesToFields(parsed.error.issues);
      return { ok: false, error: new CoreError('VALIDATION', 'Some fields need attention.', { fields }).toShape() };
    }
    try {
      const handler = handlers[channel] as (i: unknown) => Promise<unknown>;
      const value = await handler(parsed.data);
      const out = spec.output.safeParse(value);
      if (!out.success) {
        onError(channel, out.error);
        return { ok: false, error: { code: 'INTERNAL', message: `Channel "${channel}" produced an invalid result.` } };
      }
      return { ok: true, value: out.data };
    } catch (err) {
      if (!(err instanceof CoreError)) onError(channel, err);
      return { ok: false, error: toErrorShape(err) };
    }
  }) as Dispatch;
}
