import path from 'node:path';
import { describe, expect, it } from 'vitest';
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

  it('knows the types Vite emits', () => {
    expect(contentTypeFor('a.js')).toMatch(/javascript/);
    expect(contentTypeFor('index.html')).toMatch(/html/);
    expect(contentTypeFor('x.bin')).toBe('application/octet-stream');
  });
});
