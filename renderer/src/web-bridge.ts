/**
 * Installs `window.clawtray` in the web shell (there is no preload there), built from the contract over the HTTP
 * transport the entry point already opened, so both share one event stream.
 */
import { buildApi, type ClawtrayApi, type Transport } from '../../shared/api';

/** Installs `window.clawtray` over `transport` when no preload provided one. */
export function installWebBridge(transport: Transport): ClawtrayApi {
  const api = buildApi(transport);
  Object.defineProperty(window, 'clawtray', { value: api, writable: false, configurable: false });
  return api;
}
