/**
 * The single place where a channel name and untrusted input become a handler call: both shells go through it,
 * so validation is the same whichever transport carried the request.
 */
import { appError } from '../../shared/app-error';
import { invokeChannels, isInvokeChannel, type InvokeChannel, type OutputOf, type ParsedInputOf, type Result } from '../../shared/contract';
import { issuesToFields } from '../../shared/field-errors';
import { CoreError, toErrorShape } from './errors';

/** One async handler per contract channel, receiving parsed input. */
export type Handlers = { [C in InvokeChannel]: (input: ParsedInputOf<C>) => Promise<OutputOf<C>> };

/** Calls a channel by name with untrusted input; always resolves to the result envelope. */
export interface Dispatch {
  <C extends InvokeChannel>(channel: C, input: unknown): Promise<Result<OutputOf<C>>>;
  (channel: string, input: unknown): Promise<Result<unknown>>;
}

/**
 * Builds the dispatcher. Outputs are parsed too, which strips any key the contract does not declare. `onError`
 * hears what the user cannot act on: a throw that is not a `CoreError`, an `INTERNAL` one, an invalid output.
 */
export function createDispatcher(handlers: Handlers, onError: (channel: string, err: unknown) => void = () => {}): Dispatch {
  return (async (channel: string, input: unknown): Promise<Result<unknown>> => {
    if (!isInvokeChannel(channel)) {
      return { ok: false, error: appError('NOT_FOUND', 'errors.channel.unknown', { channel }) };
    }
    const spec = invokeChannels[channel];
    const raw = input ?? {};
    const parsed = spec.input.safeParse(raw);
    if (!parsed.success) {
      const fields = issuesToFields(parsed.error.issues, raw, channel);
      return { ok: false, error: { ...appError('VALIDATION', 'errors.fields'), fields } };
    }
    try {
      const handler = handlers[channel] as (i: unknown) => Promise<unknown>;
      const value = await handler(parsed.data);
      const out = spec.output.safeParse(value);
      if (!out.success) {
        onError(channel, out.error);
        return { ok: false, error: appError('INTERNAL', 'errors.channel.badResult', { channel }) };
      }
      return { ok: true, value: out.data };
    } catch (err) {
      if (!(err instanceof CoreError) || err.code === 'INTERNAL') onError(channel, err);
      return { ok: false, error: toErrorShape(err) };
    }
  }) as Dispatch;
}
