import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { alive, freePort, killLone, makeTestGateway, startLoneFake, treeOf, type TestGateway, type TestGatewayOptions } from '../../testing/gateway-test-support';
import { systemClock } from '../clock';
import { isGroupAlive, waitUntil } from '../process/process-tree';
import { isPidAlive } from '../process/pid';
import { readProcessIdentity } from '../process/process-identity';
import { adoptionVerdict, ownerRecordFor, ownerRecordPath, readOwnerRecord, writeOwnerRecord, type OwnerRecord } from './owner-record';
import { isPortFree } from './port-holder';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const id = { pid: 4242, pgid: 4242, startTime: 'boot:100', command: 'node openclaw.mjs gateway run --port 1 --bind loopback' };
const record: OwnerRecord = ownerRecordFor(id, { port: 18789, stateDir: '/s', now: 1 });

describe('adoptionVerdict', () => {
  const now = { identity: id, stateDir: '/s', port: 18789, answers: true };
  it('re-owns only the same pid with the same start time and command, answering on the same port and state dir', () => {
    expect(adoptionVerdict(record, now)).toBe('adopt');
    expect(adoptionVerdict(record, { ...now, answers: false })).toBe('silent');
    expect(adoptionVerdict(record, { ...now, identity: undefined })).toBe('gone');
    expect(adoptionVerdict(record, { ...now, port: 1 })).toBe('other-setup');
    expect(adoptionVerdict(record, { ...now, stateDir: '/t' })).toBe('other-setup');
  });
  it('calls a pid with another start time or command recycled, even when a gateway answers', () => {
    expect(adoptionVerdict(record, { ...now, identity: { ...id, startTime: 'boot:999' } })).toBe('recycled');
    expect(adoptionVerdict(record, { ...now, identity: { ...id, command: 'sleep 1000' } })).toBe('recycled');
    expect(adoptionVerdict(record, { ...now, identity: { ...id, pgid: 1 } })).toBe('recycled');
  });
});

async function firstRun(o: TestGatewayOptions = {}): Promise<TestGateway> {
  const tmpLog = { logging: { file: '' } };
  const g = await makeTestGateway({ followMs: 100, ...o });
  tmpLog.logging.file = path.join(g.root, 'openclaw.log');
  cleanups.push(() => g.health.close());
  fs.writeFileSync(g.configPath, JSON.stringify(tmpLog));
  return g;
}

/** The app quits with "keep running" on: the gateway stays, the record is written, the temp dirs stay. */
async function quitKeepingGateway(g: TestGateway): Promise<number> {
  await g.sup.start();
  const ready = await g.waitFor('ready');
  await g.sup.dispose(true);
  await g.health.close();
  return ready.pid!;
}

async function secondRun(first: TestGateway, o: TestGatewayOptions = {}): Promise<TestGateway> {
  const g = await makeTestGateway({ dirs: { root: first.root }, port: first.port, followMs: 100, ...o });
  cleanups.push(g.cleanup);
  return g;
}

describe.runIf(process.platform === 'linux')('re-owning a gateway left running', () => {
  it('quit with keep-running, relaunch: re-owned as "started earlier", logs from its file, Stop leaves nothing', async () => {
    const first = await firstRun();
    const pid = await quitKeepingGateway(first);
    const rec = await readOwnerRecord(ownerRecordPath(first.dataDir));
    expect(rec).toMatchObject({ pid, pgid: pid, port: first.port, stateDir: first.stateDir });
    expect(rec!.startTime).toMatch(/^[0-9a-f-]+:\d+$/);
    expect(fs.statSync(ownerRecordPath(first.dataDir)).mode & 0o777).toBe(0o600);
    expect(isPidAlive(pid)).toBe(true);

    const second = await secondRun(first);
    const state = await second.sup.refresh();
    expect(state).toMatchObject({ status: 'running', owned: true, owner: 'app-earlier', pid });
    await second.waitFor('ready');
    await waitUntil(systemClock, () => !second.sup.logs().lines.some((l) => l.text.includes('fake-gateway: ready')), 5000);
    const text = second.sup.logs().lines.map((l) => l.text).join('\n');
    expect(text).toContain('fake-gateway: ready');
    expect(text).toContain('Took back the gateway ClawTray started earlier');
    expect(text).not.toContain(JSON.parse(fs.readFileSync(second.configPath, 'utf8')).gateway.auth.token);

    const tree = treeOf(pid);
    const stopped = await second.sup.stop();
    expect(stopped).toMatchObject({ status: 'stopped', owned: false });
    expect(alive(tree)).toEqual([]);
    expect(isGroupAlive(pid)).toBe(false);
    expect(await isPortFree(second.port)).toBe(true);
    expect(await readOwnerRecord(ownerRecordPath(first.dataDir))).toBeUndefined();
  });

  it('never adopts (or signals) a recycled pid: another program now holds the recorded number', async () => {
    const first = await firstRun();
    cleanups.push(() => fs.rmSync(first.root, { recursive: true, force: true }));
    const port = first.port;
    const lone = await startLoneFake(port, '', first.stateDir);
    cleanups.push(() => killLone(lone));
    const stranger = spawn(process.execPath, ['-e', 'setInterval(()=>{},1000)'], { detached: true, stdio: 'ignore' });
    cleanups.push(() => void stranger.kill('SIGKILL'));
    const real = (await readProcessIdentity(stranger.pid!))!;
    // What the record says (a gateway) and what holds that pid now (another program, started at another time).
    await writeOwnerRecord(ownerRecordPath(first.dataDir), ownerRecordFor({ ...real, startTime: `${real.startTime}0`, command: 'node openclaw.mjs gateway run' }, { port, stateDir: first.stateDir, now: 1 }));
    const second = await secondRun(first);
    expect(await second.sup.refresh()).toMatchObject({ status: 'external', owned: false, owner: 'other' });
    expect(second.sup.logs().lines.map((l) => l.text).join('\n')).toContain('now belongs to another program');
    await second.sup.stop();
    await second.sup.dispose(false);
    expect(isPidAlive(stranger.pid!)).toBe(true);
    expect(isPidAlive(lone.pid!)).toBe(true);
    expect(await readOwnerRecord(ownerRecordPath(first.dataDir))).toBeUndefined();
  });

  it('a gateway that answers but is not the recorded process stays external and is never signalled', async () => {
    const first = await firstRun();
    cleanups.push(() => fs.rmSync(first.root, { recursive: true, force: true }));
    const lone = await startLoneFake(first.port, '', first.stateDir);
    cleanups.push(() => killLone(lone));
    const real = (await readProcessIdentity(lone.pid!))!;
    await writeOwnerRecord(ownerRecordPath(first.dataDir), ownerRecordFor({ ...real, startTime: 'other-boot:1' }, { port: first.port, stateDir: first.stateDir, now: 1 }));
    const second = await secondRun(first);
    await second.sup.start();
    expect(second.sup.state()).toMatchObject({ status: 'external' });
    await second.sup.dispose(false);
    expect(isPidAlive(lone.pid!)).toBe(true);
  });

  it('the recorded process died: the record is dropped and a new gateway is started normally', async () => {
    const first = await firstRun();
    const pid = await quitKeepingGateway(first);
    process.kill(-pid, 'SIGKILL');
    await waitUntil(systemClock, () => isGroupAlive(pid), 5000);
    const second = await secondRun(first);
    expect((await second.sup.refresh()).status).toBe('stopped');
    expect(second.sup.logs().lines.map((l) => l.text).join('\n')).toContain('has ended since');
    expect(await readOwnerRecord(ownerRecordPath(first.dataDir))).toBeUndefined();
    const started = await second.sup.start();
    expect(started).toMatchObject({ status: 'starting', owner: 'app' });
    expect(started.pid).not.toBe(pid);
    await second.waitFor('ready');
  });

  it('an adopted gateway that dies on its own is restarted as the app\'s own child', async () => {
    const first = await firstRun();
    const pid = await quitKeepingGateway(first);
    const second = await secondRun(first, { cadence: { intervalMs: 100, maxMs: 200 } });
    await second.sup.refresh();
    process.kill(-pid, 'SIGKILL');
    await second.waitFor('crashed', 10_000);
    const restarted = await second.waitFor('ready', 15_000, (s) => s.pid !== pid);
    expect(restarted).toMatchObject({ owner: 'app', owned: true });
  });

  it('quits again with keep-running while adopted: a third run re-owns the same process', async () => {
    const first = await firstRun();
    const pid = await quitKeepingGateway(first);
    const second = await makeTestGateway({ dirs: { root: first.root }, port: first.port, followMs: 100 });
    await second.sup.refresh();
    await second.sup.dispose(true);
    await second.health.close();
    const third = await secondRun(first);
    expect(await third.sup.refresh()).toMatchObject({ owner: 'app-earlier', pid });
    await third.sup.stop();
    expect(isGroupAlive(pid)).toBe(false);
  });
});

it('reads no record from a corrupt file (and adopts nothing)', async () => {
  const port = await freePort();
  const g = await makeTestGateway({ port });
  cleanups.push(g.cleanup);
  fs.writeFileSync(ownerRecordPath(g.dataDir), '{"version":1,"pid":');
  expect(await readOwnerRecord(ownerRecordPath(g.dataDir))).toBeUndefined();
  expect((await g.sup.refresh()).status).toBe('stopped');
});
