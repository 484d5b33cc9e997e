import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliResult } from '../openclaw/cli';
import { createCatalog, mergeCatalog, parseModelsList } from './catalog';

/** OpenClaw 2026.9.6's own `models list --provider anthropic --json` (captured, from the handbook's samples). */
const SAMPLE = fs.readFileSync(path.resolve(__dirname, '../../testing/fixtures/openclaw-2026.9.6/models-list-provider-anthropic.json'), 'utf8');

const result = (stdout: string, code = 0): CliResult => ({ args: [], code, signal: null, stdout, stderr: '', stdoutTruncated: false, stderrTruncated: false, ended: 'exit', durationMs: 1 });

describe('the model catalog', () => {
  it("reads OpenClaw's list: available models with names and context sizes", () => {
    const models = parseModelsList(SAMPLE)!;
    expect(models.length).toBeGreaterThan(3);
    expect(models).toContainEqual({ ref: 'anthropic/claude-haiku-4-5', name: 'Claude Haiku 4.5', contextWindow: 200000 });
    expect(parseModelsList('{"models":[{"key":"a/x","available":false},{"key":"b/y","name":"b/y","available":true}]}')).toEqual([{ ref: 'b/y' }]);
    for (const bad of ['', 'not json {', '{"ok":false,"error":{}}']) expect(parseModelsList(bad)).toBeNull();
  });

  it('puts the configured models first, named as in config, each once', () => {
    expect(mergeCatalog([{ ref: 'b/y', provider: 'b', name: 'Mine' }], [{ ref: 'c/z' }, { ref: 'b/y', contextWindow: 5 }, { ref: 'a/x' }])).toEqual([
      { ref: 'b/y', name: 'Mine', contextWindow: 5 },
      { ref: 'a/x' },
      { ref: 'c/z' },
    ]);
  });

  it('answers from config until a listing is known, runs one listing at a time, and refreshes on request only', async () => {
    let runs = 0;
    let release: (r: CliResult) => void = () => undefined;
    const catalog = createCatalog({
      run: () => (runs++, new Promise<CliResult>((resolve) => (release = resolve))),
      now: () => 42,
    });
    const configured = [{ ref: 'openrouter/x', provider: 'openrouter' }];
    expect(await catalog.get(configured)).toEqual({ source: 'config', models: [{ ref: 'openrouter/x' }], listing: true });
    expect(await catalog.get(configured)).toMatchObject({ source: 'config', listing: true });
    expect(runs).toBe(1);
    const waiting = catalog.get(configured, { wait: true });
    release(result(SAMPLE));
    const listed = await waiting;
    expect(listed).toMatchObject({ source: 'openclaw', listedAt: 42, listing: false });
    expect(listed.models[0]).toEqual({ ref: 'openrouter/x' });
    expect(listed.models.map((m) => m.ref)).toContain('anthropic/claude-haiku-4-5');
    await catalog.get(configured);
    expect(runs).toBe(1);
    // OpenClaw cannot list (2026.6+ without a gateway): the last good listing stays.
    const again = catalog.get(configured, { refresh: true, wait: true });
    release(result('{"ok":false,"error":{"type":"cli_error","message":"gateway models.list requires credentials"}}', 1));
    expect(await again).toMatchObject({ source: 'openclaw', listedAt: 42 });
    expect(runs).toBe(2);
  });
});
