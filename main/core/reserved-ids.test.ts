/**
 * Prototype names as ids (issue 13, item 7): every channel where a client-given string names an entry refuses
 * `__proto__`, `constructor` and `prototype`, answers NOT_FOUND for other inherited names (`toString`, `valueOf`),
 * and writes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTestCore } from '../testing/use-test-core';
import { ledgerPath } from './alerts/ledger-file';

const RESERVED = ['__proto__', 'constructor', 'prototype'];
const INHERITED = ['toString', 'valueOf', 'hasOwnProperty'];

async function started() {
  const t = useTestCore();
  await t.core.start();
  return t;
}

/** Every file under `dir` with its bytes, to prove a refused call wrote nothing. */
function snapshotDir(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(dir, p)] = fs.readFileSync(p, 'latin1');
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return out;
}

describe('prototype names are never ids', () => {
  it('alerts:dismiss and alerts:snooze: reserved names are VALIDATION, inherited ones NOT_FOUND, and the ledger is not written', async () => {
    const t = await started();
    const ledger = ledgerPath(t.dataDir);
    const before = fs.existsSync(ledger) ? fs.readFileSync(ledger, 'utf8') : undefined;
    for (const id of RESERVED) {
      for (const [channel, input] of [['alerts:dismiss', { id }], ['alerts:snooze', { id, until: Date.now() + 3_600_000 }]] as const) {
        const r = await t.core.dispatch(channel, input);
        expect(r.ok, `${channel} ${id}`).toBe(false);
        if (!r.ok) expect(r.error.code).toBe('VALIDATION');
      }
    }
    for (const id of INHERITED) {
      for (const [channel, input] of [['alerts:dismiss', { id }], ['alerts:snooze', { id, until: Date.now() + 3_600_000 }]] as const) {
        const r = await t.core.dispatch(channel, input);
        expect(r.ok, `${channel} ${id}`).toBe(false);
        if (!r.ok) expect(r.error.code).toBe('NOT_FOUND');
      }
    }
    const after = fs.existsSync(ledger) ? fs.readFileSync(ledger, 'utf8') : undefined;
    expect(after).toBe(before);
    for (const id of [...RESERVED, ...INHERITED]) expect(after ?? '').not.toContain(`"${id}"`);
  });

  it('agent ids (auth:status, auth:removeProfile, auth:copyProfile, auth:saveAnthropicKey): VALIDATION, nothing written', async () => {
    const t = await started();
    const state = snapshotDir(t.stateDir);
    for (const id of ['constructor', 'prototype']) {
      const calls: [string, unknown][] = [
        ['auth:status', { agentId: id }],
        ['auth:removeProfile', { profileId: 'anthropic:default', agentId: id }],
        ['auth:copyProfile', { profileId: 'anthropic:default', toAgentId: id }],
        ['auth:saveAnthropicKey', { apiKey: 'sk-ant-api03-abcdefghijklmnop', agentId: id }],
      ];
      for (const [channel, input] of calls) {
        const r = await t.core.dispatch(channel, input);
        expect(r.ok, `${channel} ${id}`).toBe(false);
        if (!r.ok) expect(r.error.code, `${channel} ${id}`).toBe('VALIDATION');
      }
    }
    expect(snapshotDir(t.stateDir)).toEqual(state);
  });

  it('provider ids and profile names (auth:setOrder, auth:saveToken, auth:removeProfile): VALIDATION, nothing written', async () => {
    const t = await started();
    const state = snapshotDir(t.stateDir);
    const calls: [string, unknown][] = [
      ['auth:setOrder', { provider: 'constructor', order: [] }],
      ['auth:setOrder', { provider: 'prototype', order: [] }],
      ['auth:saveToken', { provider: 'constructor', token: 'tok-1234567890abcdef' }],
      ['auth:saveToken', { provider: 'openrouter', token: 'tok-1234567890abcdef', profileName: 'constructor' }],
      ['auth:removeProfile', { profileId: 'constructor:default' }],
      ['auth:removeProfile', { profileId: 'anthropic:prototype' }],
    ];
    for (const [channel, input] of calls) {
      const r = await t.core.dispatch(channel, input);
      expect(r.ok, `${channel} ${JSON.stringify(input)}`).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('VALIDATION');
    }
    expect(snapshotDir(t.stateDir)).toEqual(state);
  });

  it('settings:update with a prototype key (as JSON over the wire makes it) is VALIDATION and changes nothing', async () => {
    const t = await started();
    const before = t.context.settings.get();
    for (const body of ['{"__proto__":{"port":2000}}', '{"constructor":{"port":2000}}', '{"prototype":1}']) {
      const r = await t.core.dispatch('settings:update', JSON.parse(body));
      expect(r.ok, body).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('VALIDATION');
    }
    expect(t.context.settings.get()).toEqual(before);
    expect(({} as Record<string, unknown>).port).toBeUndefined();
  });
});
