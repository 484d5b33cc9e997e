/**
 * The backup taken before an import, and the way back. `doctor --fix` renames the credential files, creates the
 * SQLite stores, rewrites the config (rotating its `.bak` copies) and archives logs and workspace state, so the
 * backup records every entry of the state folder (a manifest: path, kind, mode, size, time) and copies every file
 * of it, except the parts an import never touches and that can be large (workspaces but their `.openclaw` state,
 * session transcripts, media, browser profiles, gateway logs but the config ones). A config outside the state folder
 * is copied too, with its `.bak` siblings. Restoring removes what appeared since, puts every file back with its
 * mode and time, and checks the result against the manifest. Backups hold secrets: folders 0700, files 0600.
 */
import fs from 'node:fs';
import path from 'node:path';

/** One entry of the state folder as it was. `rel` uses `/` separators; `config/...` names the outside config. */
export interface ManifestEntry {
  rel: string;
  kind: 'file' | 'dir' | 'symlink';
  mode: number;
  size: number;
  mtimeMs: number;
  link?: string;
}

/** What a backup folder's `manifest.json` records. */
export interface BackupManifest {
  version: 1;
  createdAt: number;
  stateDir: string;
  /** The config when it is outside the state folder (its folder is then tracked as `config/`). */
  outsideConfig?: string;
  entries: ManifestEntry[];
}

/** The name of a dated backup folder (`openclaw-state-2026-11-29T15-01-02`). Pure. */
export function backupName(now: number): string {
  return `openclaw-state-${new Date(now).toISOString().slice(0, 19).replace(/:/g, '-')}`;
}

/** Whether a state-folder path (`/`-separated, relative) is left out of backups and restores. Pure. */
export function isSkipped(rel: string): boolean {
  const parts = rel.split('/');
  const [top, second] = parts;
  if (!top) return false;
  if (/^workspace/.test(top)) return parts.length > 1 && second !== '.openclaw';
  if (['media', 'browser', 'tmp', 'cache', 'node_modules', '.git'].includes(top)) return true;
  if (top === 'logs') return parts.length > 1 && !/^config-/.test(second ?? '');
  if (top === 'agents') return parts.length > 2 && parts[2] === 'sessions';
  return false;
}

/** Every tracked entry under `root`, parents before children. */
function walk(root: string, prefix: string, skip: (rel: string) => boolean, only?: (name: string) => boolean): ManifestEntry[] {
  const out: ManifestEntry[] = [];
  const visit = (dir: string, relDir: string) => {
    let names: string[];
    try {
      names = fs.readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (!relDir && only && !only(name)) continue;
      const rel = relDir ? `${relDir}/${name}` : name;
      if (skip(rel)) continue;
      const full = path.join(dir, name);
      let st: fs.Stats;
      try {
        st = fs.lstatSync(full);
      } catch {
        continue;
      }
      const entry: ManifestEntry = { rel: `${prefix}${rel}`, kind: 'file', mode: st.mode & 0o7777, size: st.size, mtimeMs: st.mtimeMs };
      if (st.isSymbolicLink()) out.push({ ...entry, kind: 'symlink', size: 0, link: fs.readlinkSync(full) });
      else if (st.isDirectory()) {
        out.push({ ...entry, kind: 'dir', size: 0 });
        visit(full, rel);
      } else if (st.isFile()) out.push(entry);
    }
  };
  visit(root, '');
  return out;
}

/** The tracked entries of the state folder and of an outside config's folder (its config and `.bak` files only). */
function trackedEntries(stateDir: string, outsideConfig?: string): ManifestEntry[] {
  const entries = walk(stateDir, 'state/', isSkipped);
  if (outsideConfig) {
    const base = path.basename(outsideConfig);
    entries.push(...walk(path.dirname(outsideConfig), 'config/', () => false, (name) => name === base || name.startsWith(`${base}.bak`)));
  }
  return entries;
}

/** The real path of a manifest path. */
function livePath(manifest: Pick<BackupManifest, 'stateDir' | 'outsideConfig'>, rel: string): string {
  if (rel.startsWith('config/')) return path.join(path.dirname(manifest.outsideConfig!), rel.slice('config/'.length));
  return path.join(manifest.stateDir, ...rel.slice('state/'.length).split('/'));
}

/**
 * Copies the state folder (and an outside config) into a new dated folder under `backupRoot` (0700) and returns
 * it. Throws, leaving no partial backup, when a file cannot be copied.
 */
export function createBackup(o: { stateDir: string; configPath: string; backupRoot: string; now: number }): string {
  const outsideConfig = path.dirname(path.resolve(o.configPath)) === path.resolve(o.stateDir) ? undefined : path.resolve(o.configPath);
  const manifest: BackupManifest = { version: 1, createdAt: o.now, stateDir: path.resolve(o.stateDir), ...(outsideConfig ? { outsideConfig } : {}), entries: [] };
  manifest.entries = trackedEntries(manifest.stateDir, outsideConfig);
  fs.mkdirSync(o.backupRoot, { recursive: true, mode: 0o700 });
  let dir = path.join(o.backupRoot, backupName(o.now));
  for (let n = 2; fs.existsSync(dir); n++) dir = path.join(o.backupRoot, `${backupName(o.now)}-${n}`);
  const partial = `${dir}.partial`;
  fs.rmSync(partial, { recursive: true, force: true });
  try {
    fs.mkdirSync(partial, { mode: 0o700 });
    for (const e of manifest.entries) {
      const to = path.join(partial, ...e.rel.split('/'));
      if (e.kind === 'dir') fs.mkdirSync(to, { recursive: true, mode: 0o700 });
      else if (e.kind === 'file') {
        fs.mkdirSync(path.dirname(to), { recursive: true, mode: 0o700 });
        fs.copyFileSync(livePath(manifest, e.rel), to);
        fs.chmodSync(to, 0o600);
      }
    }
    fs.writeFileSync(path.join(partial, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
    fs.renameSync(partial, dir);
    return dir;
  } catch (err) {
    fs.rmSync(partial, { recursive: true, force: true });
    throw err;
  }
}

/** Reads a backup's manifest. */
export function readManifest(dir: string): BackupManifest {
  const m = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as BackupManifest;
  if (m.version !== 1 || !Array.isArray(m.entries) || typeof m.stateDir !== 'string') throw new Error(`${dir} is not a ClawTray backup.`);
  return m;
}

/** What differs between the live folder and the manifest (paths), files compared by size and mode. */
export function differences(manifest: BackupManifest): string[] {
  const now = new Map(trackedEntries(manifest.stateDir, manifest.outsideConfig).map((e) => [e.rel, e]));
  const out: string[] = [];
  for (const e of manifest.entries) {
    const live = now.get(e.rel);
    now.delete(e.rel);
    if (!live || live.kind !== e.kind || (e.kind === 'file' && (live.size !== e.size || live.mode !== e.mode)) || live.link !== e.link) out.push(e.rel);
  }
  return [...out, ...now.keys()];
}

/**
 * Puts the state folder back as the backup recorded it: entries that appeared since are removed, every recorded
 * file is copied back with its mode and time, folders and links recreated. Throws (after doing all it could) with
 * the paths it could not restore.
 */
export function restoreBackup(dir: string): void {
  const manifest = readManifest(dir);
  const recorded = new Set(manifest.entries.map((e) => e.rel));
  const failed: string[] = [];
  const attempt = (rel: string, fn: () => void) => {
    try {
      fn();
    } catch {
      failed.push(rel);
    }
  };
  const extra = trackedEntries(manifest.stateDir, manifest.outsideConfig).filter((e) => !recorded.has(e.rel));
  for (const e of extra.reverse()) attempt(e.rel, () => fs.rmSync(livePath(manifest, e.rel), { recursive: true, force: true }));
  for (const e of manifest.entries) {
    const live = livePath(manifest, e.rel);
    attempt(e.rel, () => {
      if (e.kind === 'dir') {
        const st = fs.lstatSync(live, { throwIfNoEntry: false });
        if (st && !st.isDirectory()) fs.rmSync(live, { force: true });
        fs.mkdirSync(live, { recursive: true });
        fs.chmodSync(live, e.mode);
      } else if (e.kind === 'symlink') {
        const st = fs.lstatSync(live, { throwIfNoEntry: false });
        if (st?.isSymbolicLink() && fs.readlinkSync(live) === e.link) return;
        fs.rmSync(live, { recursive: true, force: true });
        fs.symlinkSync(e.link!, live);
      } else {
        const st = fs.lstatSync(live, { throwIfNoEntry: false });
        if (st && !st.isFile()) fs.rmSync(live, { recursive: true, force: true });
        fs.copyFileSync(path.join(dir, ...e.rel.split('/')), live);
        fs.chmodSync(live, e.mode);
        fs.utimesSync(live, e.mtimeMs / 1000, e.mtimeMs / 1000);
      }
    });
  }
  const left = differences(manifest);
  if (failed.length || left.length) throw new Error(`Could not restore: ${[...new Set([...failed, ...left])].join(', ')}`);
}
