import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractMetaCsp } from '../shell/security';
import { RENDERER_CSP } from './csp';

describe('RENDERER_CSP', () => {
  it('is exactly the policy of the meta tag in renderer/index.html (the web shell sends it as its header)', () => {
    const html = fs.readFileSync(path.join(__dirname, '..', '..', 'renderer', 'index.html'), 'utf8');
    expect(extractMetaCsp(html)).toBe(RENDERER_CSP);
  });
});
