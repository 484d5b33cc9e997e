/**
 * The shape of `window.clawtray`, derived from the contract so that the preload, the web bridge and the renderer
 * cannot drift apart: `app:info` becomes `appInfo(input)`, event `gateway:state` becomes `onGatewayState(cb)`.
 */
import type { EventChannel, EventPayload, InputOf, InvokeChannel, OutputOf, Result } from './contract';

type CamelJoin<S extends string> = S extends `${infer A}:${infer B}` ? `${A}${Capitalize<B>}` : never;

/** `auth:saveToken` -> `authSaveToken`. */
export type MethodName<C extends InvokeChannel> = CamelJoin<C>;
/** `alerts:changed` -> `onAlertsChanged`. */
export type EventMethodName<E extends EventChannel> = `on${Capitalize<CamelJoin<E>>}`;

type InvokeFn<C extends InvokeChannel> = Record<string, never> extends InputOf<C>
  ? (input?: InputOf<C>) => Promise<Result<OutputOf<C>>>
  : (input: InputOf<C>) => Promise<Result<OutputOf<C>>>;

/** The API the renderer sees, whichever shell carries it. */
export type ClawtrayApi = { [C in InvokeChannel as MethodName<C>]: InvokeFn<C> } & {
  [E in EventChannel as EventMethodName<E>]: (listener: (payload: EventPayload<E>) => void) => () => void;
};

/** Runtime twin of `MethodName`. */
export function methodName<C extends InvokeChannel>(channel: C): MethodName<C> {
  const [domain, action] = channel.split(':') as [string, string];
  return `${domain}${action.charAt(0).toUpperCase()}${action.slice(1)}` as MethodName<C>;
}

/** Runtime twin of `EventMethodName`. */
export function eventMethodName<E extends EventChannel>(event: E): EventMethodName<E> {
  const joined = methodName(event as unknown as InvokeChannel) as string;
  return `on${joined.charAt(0).toUpperCase()}${joined.slice(1)}` as EventMethodName<E>;
}

/** A way to carry invokes and events (Electron IPC or loopback HTTP). */
export interface Transport {
  invoke(channel: InvokeChannel, input: unknown): Promise<Result<unknown>>;
  subscribe(event: EventChannel, listener: (payload: unknown) => void): () => void;
}

/** The contract's channel names (`INVOKE_CHANNELS`, `EVENT_CHANNELS`). */
export interface ChannelNames {
  invoke: readonly InvokeChannel[];
  events: readonly EventChannel[];
}

/**
 * Builds `window.clawtray` over any transport, one method per channel. The names are passed in, so this module
 * imports the contract for its types only: the window gets them baked in at build time (`__CLAWTRAY_CHANNELS__`)
 * and starts without loading the schemas.
 */
export function buildApi(transport: Transport, channels: ChannelNames): ClawtrayApi {
  const api: Record<string, unknown> = {};
  for (const channel of channels.invoke) {
    api[methodName(channel)] = (input?: unknown) => transport.invoke(channel, input ?? {});
  }
  for (const event of channels.events) {
    api[eventMethodName(event)] = (listener: (payload: unknown) => void) => transport.subscribe(event, listener);
  }
  return api as ClawtrayApi;
}
