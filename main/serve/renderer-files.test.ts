import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../testing/test-support';
import { contentTypeFor, resolveRendererPath } from './renderer-files';

const root = path.resolve('/srv/renderer');

describe('resolveRendererPath', () => {
  it('maps / to index.html and assets under the root', () => {
    expect(resolveRendererPath(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveRendererPath(root, '/assets/app.js')).toBe(path.join(root, 'assets', 'app.js'));
  });

  it.each(['/../etc/passwd', '/assets/../../secret', '/%2e%2e/%2e%2e/etc/passwd', '/..%2fetc', '/a%5c..%5c..%5cwin.ini', '/x%00.js', '/%E0%A4%A'])(
    'refuses %s',
    (p) => {
      expect(resolveRendererPath(root, p)).toBeNull();
    },
  );

  it('refuses symlinks that point outside the root, and follows those that stay inside', () => {
    const tmp = makeTempDir();
    try {
      const site = path.join(tmp.dir, 'renderer');
      fs.mkdirSync(path.join(site, 'assets'), { recursive: true });
      fs.writeFileSync(path.join(site, 'assets', 'app.js'), '1');
      fs.writeFileSync(path.join(tmp.dir, 'secret.txt'), 'SECRET');
      fs.symlinkSync(path.join(tmp.dir, 'secret.txt'), path.join(site, 'leak.txt'));
      fs.symlinkSync(tmp.dir, path.join(site, 'up'));
      fs.symlinkSync(path.join(site, 'assets', 'app.js'), path.join(site, 'alias.js'));
      expect(resolveRendererPath(site, '/leak.txt')).toBeNull();
      expect(resolveRendererPath(site, '/up/secret.txt')).toBeNull();
      expect(resolveRendererPath(site, '/alias.js')).toBe(path.join(site, 'alias.js'));
      expect(resolveRendererPath(site, '/assets/app.js')).toBe(path.join(site, 'assets', 'app.js'));
      const linkedRoot = path.join(tmp.dir, 'linked-root');
      fs.symlinkSync(site, linkedRoot);
      expect(resolveRendererPath(linkedRoot, '/assets/app.js')).toBe(path.join(linkedRoot, 'assets', 'app.js'));
    } finally {
      tmp.cleanup();
    }
  });

  describe('with Windows paths', () => {
    const winRoot = 'C:\\App\\renderer';
    it.each(['/c:../secret.txt', '/C:/Windows/win.ini', '/c:%2fWindows%2fwin.ini', '/c:index.html', '/..%5c..%5cwin.ini', '/assets/..%2F..%2Fwin.ini', '/%5c%5cserver%5cshare%5cx'])(
      'refuses %s',
      (p) => {
        expect(resolveRendererPath(winRoot, p, path.win32)).toBeNull();
      },
    );
    it('keeps other spellings inside the root', () => {
      expect(resolveRendererPath(winRoot, '/ASSETS/App.JS', path.win32)).toBe('C:\\App\\renderer\\ASSETS\\App.JS');
      expect(resolveRendererPath(winRoot, '/%2f%2fserver/share/x', path.win32)).toBe('C:\\App\\renderer\\server\\share\\x');
    });
  });

  it('knows the types Vite emits', () => {
    expect(contentTypeFor('a.js')).toMatch(/javascript/);
    expect(contentTypeFor('index.html')).toMatch(/html/);
    expect(contentTypeFor('x.bin')).toBe('application/octet-stream');
  });
});
