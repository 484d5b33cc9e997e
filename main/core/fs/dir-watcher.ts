/**
 * Watches a changing set of folders with `fs.watch` and reports that something in them changed, ignoring the
 * names writers use in passing (locks, temp files, backups, kept corrupt copies). A folder that does not exist yet
 * is skipped and tried again at the next `sync`; a watcher that errors closes itself.
 */
import fs from 'node:fs';

/** Names that never mean "the data changed": lock sidecars, temp files, backups and kept corrupt copies. */
export const TRANSIENT_NAMES = /(\.lock|\.tmp|\.bak|\.corrupt-[^/]*)$/;

/** A set of folder watchers. */
export interface DirWatcher {
  /** Watches exactly these folders (those that exist): new ones are added, the others closed. */
  sync(dirs: Iterable<string>): void;
  /** Closes every watcher; safe to call twice. */
  close(): void;
}

/** Creates a watcher set calling `onChange` for every relevant event; `onError` hears folders it cannot watch. */
export function createDirWatcher(onChange: () => void, onError: (dir: string, err: Error) => void = () => {}): DirWatcher {
  const watchers = new Map<string, fs.FSWatcher>();
  let closed = false;
  return {
    sync(dirs) {
      if (closed) return;
      const wanted = new Set(dirs);
      for (const [dir, w] of watchers) {
        if (!wanted.has(dir)) (w.close(), watchers.delete(dir));
      }
      for (const dir of wanted) {
        if (watchers.has(dir) || !fs.existsSync(dir)) continue;
        try {
          const w = fs.watch(dir, { persistent: false }, (_event, name) => {
            if (name && TRANSIENT_NAMES.test(String(name))) return;
            onChange();
          });
          w.on('error', () => {
            w.close();
            watchers.delete(dir);
          });
          watchers.set(dir, w);
        } catch (err) {
          onError(dir, err as Error);
        }
      }
    },
    close() {
      closed = true;
      for (const w of watchers.values()) w.close();
      watchers.clear();
    },
  };
}
