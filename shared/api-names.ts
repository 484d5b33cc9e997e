/**
 * How channel names become method names on `window.clawtray` (`auth:saveToken` -> `authSaveToken`, event
 * `gateway:state` -> `onGatewayState`). Apart from `api.ts` and free of schemas, so the window's tiny entry point can
 * call the bridge before the contract (and zod) are loaded.
 */
import type { EventChannel, InvokeChannel } from './contract';

type CamelJoin<S extends string> = S extends `${infer A}:${infer B}` ? `${A}${Capitalize<B>}` : never;

/** `auth:saveToken` -> `authSaveToken`. */
export type MethodName<C extends InvokeChannel> = CamelJoin<C>;
/** `alerts:changed` -> `onAlertsChanged`. */
export type EventMethodName<E extends EventChannel> = `on${Capitalize<CamelJoin<E>>}`;

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
