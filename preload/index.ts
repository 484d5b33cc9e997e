/**
 * The sandboxed preload: exposes `window.clawtray`, one explicit function per contract invoke channel and one
 * `on<Event>(cb) -> unsubscribe` per contract event. It runs in Electron's sandbox, so it may import nothing but
 * `electron` at runtime (a test enforces it); the contract is imported for its types only, and `satisfies
 * ClawtrayApi` turns any drift from the contract into a compile error. Electron's event object never reaches the
 * page: listeners receive the payload alone.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ClawtrayApi } from '../shared/api';

/** Subscribes to one main-process event, handing the listener only the payload. */
function subscribe<P>(channel: string, listener: (payload: P) => void): () => void {
  const wrapped = (_event: IpcRendererEvent, payload: P) => listener(payload);
  ipcRenderer.on(channel, wrapped);
  return () => {
    ipcRenderer.removeListener(channel, wrapped);
  };
}

const api = {
  appInfo: (input) => ipcRenderer.invoke('app:info', input ?? {}),
  appSetUnsaved: (input) => ipcRenderer.invoke('app:setUnsaved', input ?? {}),

  gatewayState: (input) => ipcRenderer.invoke('gateway:state', input ?? {}),
  gatewayStart: (input) => ipcRenderer.invoke('gateway:start', input ?? {}),
  gatewayStop: (input) => ipcRenderer.invoke('gateway:stop', input ?? {}),
  gatewayRestart: (input) => ipcRenderer.invoke('gateway:restart', input ?? {}),
  gatewayDiagnostics: (input) => ipcRenderer.invoke('gateway:diagnostics', input ?? {}),
  gatewaySetOwner: (input) => ipcRenderer.invoke('gateway:setOwner', input ?? {}),
  gatewayLogs: (input) => ipcRenderer.invoke('gateway:logs', input ?? {}),
  gatewayInstall: (input) => ipcRenderer.invoke('gateway:install', input ?? {}),
  gatewayUpdate: (input) => ipcRenderer.invoke('gateway:update', input ?? {}),
  gatewayCancelInstall: (input) => ipcRenderer.invoke('gateway:cancelInstall', input ?? {}),
  gatewayOpenDashboard: (input) => ipcRenderer.invoke('gateway:openDashboard', input ?? {}),
  gatewayUsePort: (input) => ipcRenderer.invoke('gateway:usePort', input ?? {}),
  gatewayConfigBackup: (input) => ipcRenderer.invoke('gateway:configBackup', input ?? {}),
  gatewayRestoreConfig: (input) => ipcRenderer.invoke('gateway:restoreConfig', input ?? {}),

  authStatus: (input) => ipcRenderer.invoke('auth:status', input ?? {}),
  authSaveAnthropicKey: (input) => ipcRenderer.invoke('auth:saveAnthropicKey', input ?? {}),
  authSaveSetupToken: (input) => ipcRenderer.invoke('auth:saveSetupToken', input ?? {}),
  authSaveCloudflare: (input) => ipcRenderer.invoke('auth:saveCloudflare', input ?? {}),
  authSaveToken: (input) => ipcRenderer.invoke('auth:saveToken', input ?? {}),
  authSecretPlaces: (input) => ipcRenderer.invoke('auth:secretPlaces', input ?? {}),
  authRemoveProfile: (input) => ipcRenderer.invoke('auth:removeProfile', input ?? {}),
  authSetOrder: (input) => ipcRenderer.invoke('auth:setOrder', input ?? {}),
  authCopyProfile: (input) => ipcRenderer.invoke('auth:copyProfile', input ?? {}),
  authTest: (input) => ipcRenderer.invoke('auth:test', input ?? {}),
  modelsSetDefault: (input) => ipcRenderer.invoke('models:setDefault', input ?? {}),
  modelsStatus: (input) => ipcRenderer.invoke('models:status', input ?? {}),
  modelsCatalog: (input) => ipcRenderer.invoke('models:catalog', input ?? {}),
  modelsSetFallbacks: (input) => ipcRenderer.invoke('models:setFallbacks', input ?? {}),

  envList: (input) => ipcRenderer.invoke('env:list', input ?? {}),
  envSet: (input) => ipcRenderer.invoke('env:set', input ?? {}),
  envUnset: (input) => ipcRenderer.invoke('env:unset', input ?? {}),

  settingsGet: (input) => ipcRenderer.invoke('settings:get', input ?? {}),
  settingsUpdate: (input) => ipcRenderer.invoke('settings:update', input ?? {}),

  alertsList: (input) => ipcRenderer.invoke('alerts:list', input ?? {}),
  alertsSnooze: (input) => ipcRenderer.invoke('alerts:snooze', input ?? {}),
  alertsDismiss: (input) => ipcRenderer.invoke('alerts:dismiss', input ?? {}),

  migrationState: (input) => ipcRenderer.invoke('migration:state', input ?? {}),
  migrationStart: (input) => ipcRenderer.invoke('migration:start', input ?? {}),
  migrationDeleteCopies: (input) => ipcRenderer.invoke('migration:deleteCopies', input ?? {}),
  migrationDiscardUpdate: (input) => ipcRenderer.invoke('migration:discardUpdate', input ?? {}),

  onGatewayState: (listener) => subscribe('gateway:state', listener),
  onGatewayLog: (listener) => subscribe('gateway:log', listener),
  onGatewayInstall: (listener) => subscribe('gateway:install', listener),
  onAuthStatus: (listener) => subscribe('auth:status', listener),
  onModelsChanged: (listener) => subscribe('models:changed', listener),
  onAlertsChanged: (listener) => subscribe('alerts:changed', listener),
  onMigrationState: (listener) => subscribe('migration:state', listener),
  onAppNavigate: (listener) => subscribe('app:navigate', listener),
} satisfies ClawtrayApi;

contextBridge.exposeInMainWorld('clawtray', api);
