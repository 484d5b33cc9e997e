/**
 * Start at login on Linux: an XDG autostart entry (`$XDG_CONFIG_HOME/autostart/clawtray.desktop`, per the
 * freedesktop Desktop Application Autostart spec). The content is built by a pure function with the Desktop Entry
 * spec's quoting for `Exec=`; writing (0644, temp file then rename) and removing are small file glue that only
 * touches a file carrying ClawTray's marker.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The entry's file name in the autostart folder. */
export const AUTOSTART_FILE = 'clawtray.desktop';

/** A key only ClawTray writes; a file without it is someone else's and is never removed. */
export const AUTOSTART_MARKER = 'X-ClawTray-Autostart=true';

/** What to launch: the executable and its arguments. */
export interface LaunchCommand {
  exe: string;
  args: readonly string[];
}

/** Characters the Desktop Entry spec reserves: an argument containing one must be quoted. */
const RESERVED = /[\s"'\\><~|&;$*?#()`]/;

/**
 * One `Exec=` argument. Quoted when `always` or when it holds a reserved character: inside the quotes `"`, `` ` ``,
 * `$` and `\` get a backslash; then the string-value escaping doubles every backslash; `%` becomes `%%` (it would
 * otherwise start a field code). Control characters cannot be represented and are refused.
 */
export function quoteExecArg(arg: string, always = false): string {
  if (/[\u0000-\u001f\u007f]/.test(arg)) throw new Error('A launch argument contains a control character and cannot go in a .desktop file.');
  if (arg === '') return '""';
  const percent = (s: string) => s.replace(/%/g, '%%');
  if (!always && !RESERVED.test(arg)) return percent(arg);
  const quoted = `"${arg.replace(/["`$\\]/g, (c) => `\\${c}`)}"`;
  return percent(quoted.replace(/\\/g, '\\\\'));
}

/** The `Exec=` value: the executable (always quoted, it is a path) and its arguments. */
export function execLine(command: LaunchCommand): string {
  return [quoteExecArg(command.exe, true), ...command.args.map((a) => quoteExecArg(a))].join(' ');
}

/** A single-line value for a `key=value` line (names and comments): no newlines, backslashes escaped. */
function entryValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\r?\n|\r/g, ' ');
}

/** The whole `.desktop` file that starts ClawTray in the tray at login. */
export function autostartEntry(command: LaunchCommand, name = 'ClawTray', comment = 'Run your OpenClaw gateway from the tray'): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.0',
    `Name=${entryValue(name)}`,
    `Comment=${entryValue(comment)}`,
    `Exec=${execLine(command)}`,
    'Icon=clawtray',
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    AUTOSTART_MARKER,
    '',
  ].join('\n');
}

/** `$XDG_CONFIG_HOME/autostart`, or `~/.config/autostart` when the variable is unset or not absolute (as the spec says). */
export function autostartDir(env: Record<string, string | undefined>, homeDir: string): string {
  const configHome = env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.join(homeDir, '.config');
  return path.join(configHome, 'autostart');
}

/** Writes the entry (0644) unless the same content is already there; the old file stays whole if the write fails. */
export function writeAutostartEntry(dir: string, content: string): 'written' | 'unchanged' {
  const file = path.join(dir, AUTOSTART_FILE);
  try {
    if (fs.readFileSync(file, 'utf8') === content) {
      fs.chmodSync(file, 0o644);
      return 'unchanged';
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const temp = path.join(dir, `.${AUTOSTART_FILE}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fd = fs.openSync(temp, 'w', 0o644);
    try {
      fs.writeFileSync(fd, content);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.chmodSync(temp, 0o644);
    fs.renameSync(temp, file);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
  return 'written';
}

/** Removes ClawTray's entry; a missing file or one without the marker (not ours) is left alone. */
export function removeAutostartEntry(dir: string): 'removed' | 'absent' | 'not-ours' {
  const file = path.join(dir, AUTOSTART_FILE);
  let content: string;
  try {
    content = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'absent';
    throw err;
  }
  if (!content.split(/\r?\n/).includes(AUTOSTART_MARKER)) return 'not-ours';
  fs.rmSync(file, { force: true });
  return 'removed';
}
