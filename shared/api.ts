/**
 * The shape of `window.clawtray`, derived from the contract so that the preload, the web bridge and the renderer
 * cannot drift apart: `app:info` becomes `appInfo(input)`, event `gateway:state` becomes `onGatewayState(cb)`.
 */
import {
  EVENT_CHANNELS,
  INVOKE_CHANNELS,
  type EventChannel,
  type EventPayload,
  type InputOf,
  type InvokeChannel,
  type OutputOf,
  type Result,
} from './contract';
import { eventMethodName, methodName, type EventMethodName, type MethodName } from './api-names';

export { eventMethodName, methodName, type EventMethodName, type MethodName } from './api-names';

type InvokeFn<C extends InvokeChannel> = Record<string, never> extends InputOf<C>
  ? (input?: InputOf<C>) => Promise<Result<OutputOf<C>>>
  : (input: InputOf<C>) => Promise<Result<OutputOf<C>>>;

/** The API the renderer sees, whichever shell carries it. */
export type ClawtrayApi = { [C in InvokeChannel as MethodName<C>]: InvokeFn<C> } & {
  [E in EventChannel as EventMethodName<E>]: (listener: (payload: EventPayload<E>) => void) => () => void;
};

/** A way to carry invokes and events (Electron IPC or loopback HTTP). */
export interface Transport {
  invoke(channel: InvokeChannel, input: unknown): Promise<Result<unknown>>;
  subscribe(event: EventChannel, listener: (payload: unknown) => void): () => void;
}

/** Builds `window.clawtray` over any transport, one method per channel. */
export function buildApi(transport: Transport): ClawtrayApi {
  const api: Record<string, unknown> = {};
  for (const channel of INVOKE_CHANNELS) {
    api[methodName(channel)] = (input?: unknown) => transport.invoke(channel, input ?? {});
  }
  for (const event of EVENT_CHANNELS) {
    api[eventMethodName(event)] = (listener: (payload: unknown) => void) => transport.subscribe(event, listener);
  }
  return api as ClawtrayApi;
}
