/**
 * The slice of Electron's main-process API the shell uses, as plain interfaces. `main/index.ts` passes the real
 * `electron` module (the compiler checks it fits); tests pass a fake (`fake-electron.ts`). Nothing else in
 * `main/shell` imports `electron`, so every piece of glue runs under plain Node in the unit tests.
 */

/** Electron events that can be cancelled (`before-quit`, `close`, `will-navigate`, ...). */
export interface PreventableEvent {
  preventDefault(): void;
}

/** A frame as IPC reports it (`event.senderFrame`). */
export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
}

/** What `ipcMain.handle` listeners receive. */
export interface InvokeEventLike {
  readonly sender: WebContentsLike;
  readonly senderFrame: FrameLike | null;
}

/** What `setWindowOpenHandler` answers. */
export interface WindowOpenResponse {
  action: 'deny';
}

/** A session's permission hooks, all of which the shell answers with "no". */
export interface SessionLike {
  setPermissionRequestHandler(handler: ((webContents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null): void;
  setPermissionCheckHandler(handler: ((webContents: unknown, permission: string) => boolean) | null): void;
}

/** A renderer's web contents. */
export interface WebContentsLike {
  readonly id: number;
  readonly session: SessionLike;
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
  setWindowOpenHandler(handler: (details: { url: string }) => WindowOpenResponse): void;
  on(event: 'will-navigate' | 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
}

/** Only the secure settings `security.ts` produces are ever passed. */
export interface WebPreferencesLike {
  preload: string;
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  webviewTag: false;
  experimentalFeatures: false;
  navigateOnDragDrop: false;
  safeDialogs: true;
}

/** A question in a native box, as `dialog.showMessageBox` takes it. */
export interface MessageBoxOptionsLike {
  type: 'warning' | 'question';
  title: string;
  message: string;
  detail?: string;
  buttons: string[];
  defaultId: number;
  cancelId: number;
  noLink?: boolean;
}

/** Options for the one window. */
export interface WindowOptionsLike {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  show: boolean;
  title: string;
  autoHideMenuBar: boolean;
  webPreferences: WebPreferencesLike;
}

/** The window. */
export interface BrowserWindowLike {
  readonly webContents: WebContentsLike;
  loadURL(url: string): Promise<void>;
  show(): void;
  hide(): void;
  focus(): void;
  restore(): void;
  isMinimized(): boolean;
  isVisible(): boolean;
  isDestroyed(): boolean;
  on(event: 'close', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'closed', listener: () => void): unknown;
  once(event: 'ready-to-show', listener: () => void): unknown;
}

/** The app object. */
export interface AppLike {
  whenReady(): Promise<void>;
  getVersion(): string;
  getPath(name: 'userData'): string;
  /** Start at login on macOS and Windows (`path` and `args` are Windows-only). */
  setLoginItemSettings(settings: { openAtLogin: boolean; path?: string; args?: string[] }): void;
  /** Whether the login item is set (Windows: for that `path` and `args`); macOS says if this launch came from it. */
  getLoginItemSettings(options?: { path?: string; args?: string[] }): { openAtLogin: boolean; wasOpenedAtLogin?: boolean };
  quit(): void;
  enableSandbox(): void;
  setAppUserModelId(id: string): void;
  requestSingleInstanceLock(): boolean;
  on(event: 'before-quit', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'second-instance' | 'activate' | 'window-all-closed', listener: () => void): unknown;
  on(event: 'web-contents-created', listener: (event: unknown, contents: WebContentsLike) => void): unknown;
}

/** The `ipcMain` module; only `ipc.ts` uses it. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
  removeAllListeners(channel: string): unknown;
}

/** A scheme's privileges, as `protocol.registerSchemesAsPrivileged` takes them. */
export interface CustomSchemeLike {
  scheme: string;
  privileges: { standard: boolean; secure: boolean; supportFetchAPI: boolean; corsEnabled: boolean; stream: boolean };
}

/** The `protocol` module. */
export interface ProtocolLike {
  registerSchemesAsPrivileged(schemes: CustomSchemeLike[]): void;
  handle(scheme: string, handler: (request: Request) => Promise<Response>): void;
}

/** A built menu, opaque to the shell. */
export type MenuLike = object;

/** One entry of a menu template. */
export interface MenuItemOptionsLike {
  label?: string;
  type?: 'normal' | 'separator';
  enabled?: boolean;
  click?: () => void;
}

/** The tray icon. Images are PNG paths; on macOS a name ending in `Template` makes a template image. */
export interface TrayLike {
  setImage(imagePath: string): void;
  setToolTip(toolTip: string): void;
  setContextMenu(menu: MenuLike | null): void;
  destroy(): void;
  on(event: 'click', listener: () => void): unknown;
}

/** A desktop notification. */
export interface NotificationLike {
  show(): void;
  close(): void;
  on(event: 'click' | 'close', listener: () => void): unknown;
}

/** The `powerMonitor` events the shell follows (usable only after `ready`). */
export interface PowerMonitorLike {
  on(event: 'resume' | 'unlock-screen', listener: () => void): unknown;
}

/** Everything the shell needs from Electron. */
export interface ElectronSurface {
  app: AppLike;
  BrowserWindow: new (options: WindowOptionsLike) => BrowserWindowLike;
  ipcMain: IpcMainLike;
  protocol: ProtocolLike;
  session: { readonly defaultSession: SessionLike };
  shell: {
    openExternal(url: string): Promise<void>;
    /** Opens a file or folder with the desktop's default app; resolves to an error message, or '' on success. */
    openPath(path: string): Promise<string>;
  };
  /** Wake-ups after sleep and screen unlocks, after which time-based state is re-checked. */
  powerMonitor: PowerMonitorLike;
  dialog: {
    showErrorBox(title: string, content: string): void;
    /** A question attached to the window; resolves to the index of the button pressed. */
    showMessageBox(window: BrowserWindowLike, options: MessageBoxOptionsLike): Promise<{ response: number }>;
  };
  Notification: { new (options: { title: string; body: string }): NotificationLike; isSupported(): boolean };
  Tray: new (imagePath: string) => TrayLike;
  Menu: { buildFromTemplate(template: MenuItemOptionsLike[]): MenuLike };
}
