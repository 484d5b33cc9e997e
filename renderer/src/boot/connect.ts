/**
 * The window's link to main before the app's code is loaded: the preload's `window.clawtray` in Electron, or, in the
 * web shell, the loopback HTTP transport (kept here so the full bridge installed later shares its event stream).
 * Raw channel calls only, without the contract's schemas, so the entry point stays a few kilobytes.
 */
import { eventMethodName, methodName, type Transport } from '../../../shared/api';
import { createHttpTransport, takeToken } from '../web-transport';

let web: Transport | null = null;

/** Channel calls to main: the preload's bridge when there is one, else the web shell's HTTP transport. */
export function connect(): Transport {
  const bridge = window.clawtray as unknown as Record<string, (arg: unknown) => unknown> | undefined;
  if (bridge) {
    return {
      invoke: (channel, input) => bridge[methodName(channel)]!(input) as ReturnType<Transport['invoke']>,
      subscribe: (event, listener) => bridge[eventMethodName(event)]!(listener) as () => void,
    };
  }
  web ??= createHttpTransport(takeToken(window.location, window.sessionStorage, window.history));
  return web;
}
