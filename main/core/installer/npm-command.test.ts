import { describe, expect, it } from 'vitest';
import { npmCiArgs, npmLaunch, shellQuote } from './npm-command';

const exists = (files: string[]) => (f: string) => files.includes(f);

describe('npmLaunch', () => {
  it('runs npm itself outside Windows', () => {
    expect(npmLaunch({ platform: 'linux', npm: '/usr/bin/npm', exists: () => false }, ['ci'])).toEqual({ command: '/usr/bin/npm', args: ['ci'] });
  });

  it("on Windows runs node.exe beside npm.cmd on npm's own npm-cli.js, never through cmd.exe", () => {
    const npm = 'C:\\Program Files\\nodejs\\npm.cmd';
    const cli = 'C:\\Program Files\\nodejs\\node_modules\\npm\\bin\\npm-cli.js';
    const node = 'C:\\Program Files\\nodejs\\node.exe';
    const prefix = 'C:\\Users\\John Doe\\AppData\\Roaming\\ClawTray & Co ^1 %APPDATA%\\openclaw.partial';
    const launch = npmLaunch({ platform: 'win32', npm, exists: exists([cli, node]) }, npmCiArgs(prefix));
    expect(launch).toEqual({ command: node, args: [cli, 'ci', '--prefix', prefix, '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=http', '--no-progress'] });
  });

  it('on Windows uses the given Node for a global npm (%APPDATA%\\npm) that has no node.exe beside it', () => {
    const npm = 'C:\\Users\\John Doe\\AppData\\Roaming\\npm\\npm.cmd';
    const cli = 'C:\\Users\\John Doe\\AppData\\Roaming\\npm\\node_modules\\npm\\bin\\npm-cli.js';
    const launch = npmLaunch({ platform: 'win32', npm, node: 'D:\\node 24\\node.exe', exists: exists([cli]) }, ['ci']);
    expect(launch).toEqual({ command: 'D:\\node 24\\node.exe', args: [cli, 'ci'] });
  });

  it('on Windows says what is missing instead of falling back to a shell', () => {
    const npm = 'C:\\tools\\npm.cmd';
    expect(npmLaunch({ platform: 'win32', npm, exists: () => false }, ['ci'])).toEqual({
      problem: 'npm-cli-missing',
      looked: ['C:\\tools\\node_modules\\npm\\bin\\npm-cli.js', 'C:\\node_modules\\npm\\bin\\npm-cli.js'],
    });
    expect(npmLaunch({ platform: 'win32', npm, exists: exists(['C:\\tools\\node_modules\\npm\\bin\\npm-cli.js']) }, ['ci'])).toMatchObject({ problem: 'node-missing' });
  });
});

describe('shellQuote', () => {
  it('quotes what a shell would split or expand, for the command shown to be run by hand', () => {
    expect(shellQuote('/home/ann/.config/ClawTray/openclaw', 'linux')).toBe('/home/ann/.config/ClawTray/openclaw');
    expect(shellQuote("/home/ann o'neil/x", 'linux')).toBe(`'/home/ann o'\\''neil/x'`);
    expect(shellQuote('C:\\Users\\John Doe\\x', 'win32')).toBe('"C:\\Users\\John Doe\\x"');
    expect(shellQuote('C:\\a%PATH%b', 'win32')).toBe('"C:\\a%PATH%b"');
  });
});
