import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../testing/use-temp-dirs';
import {
  AUTOSTART_FILE,
  AUTOSTART_MARKER,
  autostartDir,
  autostartEntry,
  execLine,
  quoteExecArg,
  removeAutostartEntry,
  writeAutostartEntry,
} from './autostart-entry';

const tempDir = useTempDirs();

describe('quoteExecArg (Desktop Entry spec, "The Exec key")', () => {
  const cases: [string, boolean, string][] = [
    ['--hidden', false, '--hidden'],
    ['/opt/ClawTray/clawtray', false, '/opt/ClawTray/clawtray'],
    ['/opt/ClawTray/clawtray', true, '"/opt/ClawTray/clawtray"'],
    ['/home/ann/My Apps/ClawTray.AppImage', false, '"/home/ann/My Apps/ClawTray.AppImage"'],
    ['/tmp/a"b', false, '"/tmp/a\\\\"b"'],
    ['/tmp/$HOME', false, '"/tmp/\\\\$HOME"'],
    ['/tmp/back`tick', false, '"/tmp/back\\\\`tick"'],
    ['C:\\odd', false, '"C:\\\\\\\\odd"'],
    ['/tmp/100%', false, '/tmp/100%%'],
    ['/tmp/100% sure', false, '"/tmp/100%% sure"'],
    ["/tmp/it's", false, `"/tmp/it's"`],
    ['/tmp/(x);y&z|w*?#~<>', false, '"/tmp/(x);y&z|w*?#~<>"'],
    ['', false, '""'],
  ];
  it.each(cases)('%s (always quoted: %s) -> %s', (arg, always, expected) => {
    expect(quoteExecArg(arg, always)).toBe(expected);
  });

  it('refuses control characters, which a .desktop line cannot hold', () => {
    expect(() => quoteExecArg('/tmp/a\nb')).toThrow(/control character/);
    expect(() => quoteExecArg('/tmp/a\tb')).toThrow(/control character/);
  });
});

describe('autostartEntry', () => {
  it('is a complete desktop entry launching the quoted executable hidden', () => {
    expect(autostartEntry({ exe: '/home/ann/Apps/Claw Tray.AppImage', args: ['--hidden'] })).toBe(
      [
        '[Desktop Entry]',
        'Type=Application',
        'Version=1.0',
        'Name=ClawTray',
        'Comment=Run your OpenClaw gateway from the tray',
        'Exec="/home/ann/Apps/Claw Tray.AppImage" --hidden',
        'Icon=clawtray',
        'Terminal=false',
        'X-GNOME-Autostart-enabled=true',
        AUTOSTART_MARKER,
        '',
      ].join('\n'),
    );
  });

  it('launches Electron with the app folder in development', () => {
    expect(execLine({ exe: '/repo/node_modules/electron/dist/electron', args: ['/repo', '--hidden'] })).toBe('"/repo/node_modules/electron/dist/electron" /repo --hidden');
  });

  it('keeps names and comments on one line', () => {
    expect(autostartEntry({ exe: '/x', args: [] }, 'Claw\nTray', 'a\\b')).toContain('Name=Claw Tray\nComment=a\\\\b\n');
  });
});

describe('autostartDir', () => {
  it('uses an absolute XDG_CONFIG_HOME, else ~/.config', () => {
    expect(autostartDir({ XDG_CONFIG_HOME: '/cfg' }, '/home/ann')).toBe(path.join('/cfg', 'autostart'));
    expect(autostartDir({ XDG_CONFIG_HOME: 'relative' }, '/home/ann')).toBe(path.join('/home/ann', '.config', 'autostart'));
    expect(autostartDir({}, '/home/ann')).toBe(path.join('/home/ann', '.config', 'autostart'));
  });
});

describe('writing and removing the entry', () => {
  it('creates the folder and a 0644 file, whatever the umask', () => {
    const dir = path.join(tempDir(), 'config', 'autostart');
    const old = process.umask(0o077);
    try {
      expect(writeAutostartEntry(dir, 'content\n')).toBe('written');
    } finally {
      process.umask(old);
    }
    const file = path.join(dir, AUTOSTART_FILE);
    expect(fs.readFileSync(file, 'utf8')).toBe('content\n');
    expect(fs.statSync(file).mode & 0o777).toBe(0o644);
    expect(fs.readdirSync(dir)).toEqual([AUTOSTART_FILE]);
  });

  it('leaves the same content alone and replaces different content whole', () => {
    const dir = tempDir();
    writeAutostartEntry(dir, 'one\n');
    const before = fs.statSync(path.join(dir, AUTOSTART_FILE)).ino;
    expect(writeAutostartEntry(dir, 'one\n')).toBe('unchanged');
    expect(fs.statSync(path.join(dir, AUTOSTART_FILE)).ino).toBe(before);
    expect(writeAutostartEntry(dir, 'two\n')).toBe('written');
    expect(fs.readFileSync(path.join(dir, AUTOSTART_FILE), 'utf8')).toBe('two\n');
    expect(fs.readdirSync(dir)).toEqual([AUTOSTART_FILE]);
  });

  it("removes only ClawTray's own entry", () => {
    const dir = tempDir();
    expect(removeAutostartEntry(dir)).toBe('absent');
    writeAutostartEntry(dir, autostartEntry({ exe: '/x', args: ['--hidden'] }));
    expect(removeAutostartEntry(dir)).toBe('removed');
    expect(fs.existsSync(path.join(dir, AUTOSTART_FILE))).toBe(false);
    fs.writeFileSync(path.join(dir, AUTOSTART_FILE), '[Desktop Entry]\nExec=/usr/bin/something-else\n');
    expect(removeAutostartEntry(dir)).toBe('not-ours');
    expect(fs.existsSync(path.join(dir, AUTOSTART_FILE))).toBe(true);
  });
});
