/**
 * An in-memory stand-in for the `ElectronSurface`, for unit tests (the Electron binary cannot run on CI). It
 * records what the shell asked for and lets a test play the user or the renderer: close a window, send an IPC
 * invoke from a chosen frame, click a notification or a tray item, quit. Every fake is scoped to one
 * `createFakeElectron()` call, so tests stay parallel-safe.
 */
import type {
  CustomSchemeLike,
  ElectronSurface,
  FrameLike,
  InvokeEventLike,
  MenuItemOptionsLike,
  MessageBoxOptionsLike,
  WindowOpenResponse,
  WindowOptionsLike,
} from '../shell/electron-surface';

type Listener = (...args: any[]) => void;

/** A minimal EventEmitter. */
export class FakeEmitter {
  private readonly listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  once(event: string, listener: Listener): this {
    const wrapped: Listener = (...args) => {
      this.removeListener(event, wrapped);
      listener(...args);
    };
    return this.on(event, wrapped);
  }

  removeListener(event: string, listener: Listener): this {
    this.listeners.set(event, (this.listeners.get(event) ?? []).filter((l) => l !== listener));
    return this;
  }

  emit(event: string, ...args: unknown[]): void {
    for (const l of this.listeners.get(event) ?? []) l(...args);
  }

  listenerCount(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }
}

/** A cancellable event; `defaultPrevented` tells whether a handler vetoed it. */
export class FakeEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

/** A session recording its permission handlers. */
export class FakeSession {
  requestHandler: ((webContents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
  checkHandler: ((webContents: unknown, permission: string) => boolean) | null = null;
  setPermissionRequestHandler(handler: FakeSession['requestHandler']): void {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: FakeSession['checkHandler']): void {
    this.checkHandler = handler;
  }
}

/** A frame: the top frame has no parent. */
export function fakeFrame(url: string, parent: FrameLike | null = null): FrameLike {
  return { url, parent };
}

let nextId = 1;

/** Web contents recording what was sent to the renderer. */
export class FakeWebContents extends FakeEmitter {
  readonly id = nextId++;
  readonly sent: [string, ...unknown[]][] = [];
  destroyed = false;
  windowOpenHandler: ((details: { url: string }) => WindowOpenResponse) | null = null;
  constructor(readonly session: FakeSession) {
    super();
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, ...args]);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => WindowOpenResponse): void {
    this.windowOpenHandler = handler;
  }
  /** Plays the page trying to navigate; returns whether the navigation was allowed. */
  navigate(url: string, event: 'will-navigate' | 'will-redirect' = 'will-navigate'): boolean {
    const e = new FakeEvent();
    this.emit(event, e, url);
    return !e.defaultPrevented;
  }
}

/** Builds an independent fake Electron. */
export function createFakeElectron(
  options: { lock?: boolean; notificationsSupported?: boolean; version?: string; userData?: string; wasOpenedAtLogin?: boolean; openPathError?: string } = {},
) {
  const calls: string[] = [];
  const defaultSession = new FakeSession();
  const windows: FakeBrowserWindow[] = [];
  const notifications: FakeNotification[] = [];
  const trays: FakeTray[] = [];
  const opened: string[] = [];
  const openedPaths: string[] = [];
  const errorBoxes: [string, string][] = [];
  /** Every native question asked, and the buttons a test presses, in order (each resolves one question). */
  const messageBoxes: MessageBoxOptionsLike[] = [];
  const messageBoxAnswers: ((index: number) => void)[] = [];
  let resolveReady!: () => void;
  const readyPromise = new Promise<void>((resolve) => (resolveReady = resolve));

  class FakeBrowserWindow extends FakeEmitter {
    readonly webContents = new FakeWebContents(defaultSession);
    visible = false;
    minimized = false;
    destroyed = false;
    focused = false;
    loadedUrl: string | null = null;
    constructor(readonly options: WindowOptionsLike) {
      super();
      windows.push(this);
    }
    async loadURL(url: string): Promise<void> {
      this.loadedUrl = url;
    }
    show(): void {
      this.visible = true;
    }
    hide(): void {
      this.visible = false;
    }
    focus(): void {
      this.focused = true;
    }
    restore(): void {
      this.minimized = false;
    }
    isMinimized(): boolean {
      return this.minimized;
    }
    isVisible(): boolean {
      return this.visible;
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
    /** Plays the user clicking the close button; returns whether the window really closed. */
    close(): boolean {
      const e = new FakeEvent();
      this.emit('close', e);
      if (e.defaultPrevented) return false;
      this.destroyed = true;
      this.webContents.destroyed = true;
      this.visible = false;
      this.emit('closed');
      return true;
    }
    /** An invoke event as the top frame of this window at `url` would send it. */
    invokeEvent(url = 'app://clawtray/index.html'): InvokeEventLike {
      return { sender: this.webContents, senderFrame: fakeFrame(url) };
    }
  }

  class FakeApp extends FakeEmitter {
    quitCalls = 0;
    quitted = false;
    sandboxEnabled = false;
    appUserModelId: string | null = null;
    /** What `setLoginItemSettings` last received (null: never called), and every call in order. */
    loginItem: { openAtLogin: boolean; path?: string; args?: string[] } | null = null;
    readonly loginItemCalls: { openAtLogin: boolean; path?: string; args?: string[] }[] = [];
    /** macOS: this launch came from the login item. */
    wasOpenedAtLogin = options.wasOpenedAtLogin ?? false;
    whenReady(): Promise<void> {
      return readyPromise;
    }
    getVersion(): string {
      return options.version ?? '9.9.9-fake';
    }
    getPath(name: 'userData'): string {
      if (!options.userData) throw new Error(`fake app has no ${name} path`);
      return options.userData;
    }
    enableSandbox(): void {
      calls.push('app.enableSandbox');
      this.sandboxEnabled = true;
    }
    setLoginItemSettings(settings: { openAtLogin: boolean; path?: string; args?: string[] }): void {
      this.loginItem = { ...settings };
      this.loginItemCalls.push({ ...settings });
    }
    /** Like Windows: an item set for another path or other args does not count. */
    getLoginItemSettings(query?: { path?: string; args?: string[] }): { openAtLogin: boolean; wasOpenedAtLogin: boolean } {
      const item = this.loginItem;
      const matches = !!item && (query?.path === undefined || query.path === item.path) && (query?.args === undefined || JSON.stringify(query.args) === JSON.stringify(item.args ?? []));
      return { openAtLogin: !!item?.openAtLogin && matches, wasOpenedAtLogin: this.wasOpenedAtLogin };
    }
    setAppUserModelId(id: string): void {
      this.appUserModelId = id;
    }
    requestSingleInstanceLock(): boolean {
      return options.lock ?? true;
    }
    /** Like Electron: `before-quit` may veto; otherwise every window closes and the app is gone. */
    quit(): void {
      this.quitCalls++;
      const e = new FakeEvent();
      this.emit('before-quit', e);
      if (e.defaultPrevented) return;
      for (const w of windows) if (!w.destroyed) w.close();
      this.quitted = true;
    }
  }

  class FakeIpcMain {
    readonly handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
    readonly removedListeners: string[] = [];
    handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void {
      if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      this.handlers.set(channel, listener);
    }
    removeHandler(channel: string): void {
      this.handlers.delete(channel);
    }
    removeAllListeners(channel: string): this {
      this.removedListeners.push(channel);
      return this;
    }
    /** Plays `ipcRenderer.invoke(channel, input)`; rejects like Electron when nothing handles the channel. */
    async invoke(event: InvokeEventLike, channel: string, input?: unknown): Promise<unknown> {
      const handler = this.handlers.get(channel);
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      return handler(event, input);
    }
  }

  class FakeProtocol {
    readonly privileged: CustomSchemeLike[] = [];
    readonly handlers = new Map<string, (request: Request) => Promise<Response>>();
    registerSchemesAsPrivileged(schemes: CustomSchemeLike[]): void {
      calls.push('protocol.registerSchemesAsPrivileged');
      this.privileged.push(...schemes);
    }
    handle(scheme: string, handler: (request: Request) => Promise<Response>): void {
      this.handlers.set(scheme, handler);
    }
  }

  class FakeNotification extends FakeEmitter {
    shown = false;
    closed = false;
    static isSupported(): boolean {
      return options.notificationsSupported ?? true;
    }
    constructor(readonly options: { title: string; body: string }) {
      super();
      notifications.push(this);
    }
    show(): void {
      this.shown = true;
    }
    close(): void {
      if (this.closed) return;
      this.closed = true;
      this.emit('close');
    }
  }

  class FakeTray extends FakeEmitter {
    image: string;
    toolTip = '';
    menu: { template: MenuItemOptionsLike[] } | null = null;
    destroyed = false;
    constructor(imagePath: string) {
      super();
      this.image = imagePath;
      trays.push(this);
    }
    setImage(imagePath: string): void {
      this.image = imagePath;
    }
    setToolTip(toolTip: string): void {
      this.toolTip = toolTip;
    }
    setContextMenu(menu: { template: MenuItemOptionsLike[] } | null): void {
      this.menu = menu;
    }
    destroy(): void {
      this.destroyed = true;
    }
    /** Clicks the menu item with this label. */
    clickItem(label: string): void {
      const item = this.menu?.template.find((i) => i.label === label);
      if (!item?.click) throw new Error(`no clickable tray item "${label}"`);
      item.click();
    }
  }

  /** `powerMonitor`: a test plays the machine waking with `emit('resume')`. */
  const powerMonitor = new FakeEmitter();

  const app = new FakeApp();
  const ipcMain = new FakeIpcMain();
  const protocol = new FakeProtocol();
  const surface: ElectronSurface = {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain,
    protocol,
    session: { defaultSession },
    shell: {
      async openExternal(url: string) {
        opened.push(url);
      },
      async openPath(target: string) {
        openedPaths.push(target);
        return options.openPathError ?? '';
      },
    },
    dialog: {
      showErrorBox: (title, content) => errorBoxes.push([title, content]),
      showMessageBox: (_window, box) =>
        new Promise((resolve) => {
          messageBoxes.push(box);
          messageBoxAnswers.push((response) => resolve({ response }));
        }),
    },
    Notification: FakeNotification,
    Tray: FakeTray,
    Menu: { buildFromTemplate: (template: MenuItemOptionsLike[]) => ({ template }) },
    powerMonitor,
  };
  return {
    surface,
    app,
    ipcMain,
    protocol,
    defaultSession,
    windows,
    notifications,
    trays,
    opened,
    openedPaths,
    powerMonitor,
    errorBoxes,
    messageBoxes,
    /** Presses the button with this label in the oldest question still open. */
    answerMessageBox(label: string): void {
      const box = messageBoxes[messageBoxes.length - messageBoxAnswers.length];
      const answer = messageBoxAnswers.shift();
      const index = box?.buttons.indexOf(label) ?? -1;
      if (!answer || index < 0) throw new Error(`no open question with a "${label}" button`);
      answer(index);
    },
    calls,
    BrowserWindow: FakeBrowserWindow,
    /** Fires `ready`. */
    ready(): Promise<void> {
      calls.push('ready');
      resolveReady();
      return readyPromise;
    },
  };
}

/** The fake's window class, for tests that construct one directly. */
export type FakeBrowserWindow = InstanceType<ReturnType<typeof createFakeElectron>['BrowserWindow']>;
export type FakeElectron = ReturnType<typeof createFakeElectron>;
