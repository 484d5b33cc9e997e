/**
 * The window's link to main, made by the entry point before anything else: `window.clawtray` is the preload's bridge
 * in Electron; in the web shell there is no preload, so this installs the HTTP bridge right away (the page has its
 * API as soon as the entry point ran, as before the app was split). Then a plain channel transport over it for the
 * entry point's early requests, which cannot use the typed methods by name without the app's code.
 */
import { eventMethodName, methodName, type Transport } from '../../../shared/api';
import { installWebBridge } from '../web-bridge';
import { createHttpTransport, takeToken } from '../web-transport';

/** Makes sure `window.clawtray` exists and returns channel calls over it. */
export function connect(): Transport {
  if (!window.clawtray) installWebBridge(createHttpTransport(takeToken(window.location, window.sessionStorage, window.history)));
  const bridge = window.clawtray as unknown as Record<string, (arg: unknown) => unknown>;
  return {
    invoke: (channel, input) => bridge[methodName(channel)]!(input) as ReturnType<Transport['invoke']>,
    subscribe: (event, listener) => bridge[eventMethodName(event)]!(listener) as () => void,
  };
}
