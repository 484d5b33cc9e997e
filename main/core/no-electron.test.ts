import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx|mts|cts|js|mjs|cjs)$/.test(e.name) ? [p] : [];
  });
}

describe('main/core stays plain Node', () => {
  it('no file under main/core imports electron', () => {
    const offenders = sourceFiles(__dirname).filter((f) =>
      /(from\s+['"]electron(\/[^'"]*)?['"]|require\(\s*['"]electron(\/[^'"]*)?['"]\s*\)|import\(\s*['"]electron['"]\s*\))/.test(fs.readFileSync(f, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
