/**
 * Installs `window.clawtray` in the web shell (there is no preload there), over the HTTP transport the entry point
 * already opened, so both share one event stream. The channel names are the contract's, baked in at build time
 * (vite.config.ts), so the window does not load the schemas to start.
 */
import { buildApi, type ClawtrayApi, type Transport } from '../../shared/api';

/** Installs `window.clawtray` over `transport` when no preload provided one. */
export function installWebBridge(transport: Transport): ClawtrayApi {
  const api = buildApi(transport, __CLAWTRAY_CHANNELS__);
  Object.defineProperty(window, 'clawtray', { value: api, writable: false, configurable: false });
  return api;
}
