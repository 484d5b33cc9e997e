/**
 * The fake OpenClaw's pretend service manager (main/testing/fixtures/fake-openclaw/service.mjs) seen from tests: its files
 * in a state dir, the pids it runs, and a cleanup that ends whatever it left running.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isGroupAlive, signalGroup } from '../core/process/process-tree';

/** What the fake service manager has on record. */
export interface FakeServiceFiles {
  installed?: boolean;
  loaded?: boolean;
  runnerPid?: number;
  gatewayPid?: number | null;
  restarts?: number;
}

function read(file: string): Record<string, unknown> {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** The service's record and its runner's latest runtime record. */
export function fakeService(stateDir: string): FakeServiceFiles {
  return { ...read(path.join(stateDir, 'fake-service.json')), ...read(path.join(stateDir, 'fake-service-runtime.json')) } as FakeServiceFiles;
}

/** Sets a mode of the fake service manager (`stop-hangs`, `install-fails`, `status-secret`), or none. */
export function setFakeServiceMode(stateDir: string, mode: string | null): void {
  const file = path.join(stateDir, 'fake-service-mode.json');
  if (mode) fs.writeFileSync(file, JSON.stringify({ mode }));
  else fs.rmSync(file, { force: true });
}

/** Ends the fake service's runner group (and so its gateway), as a test's cleanup. */
export function killFakeService(stateDir: string): void {
  const pid = fakeService(stateDir).runnerPid;
  if (pid && isGroupAlive(pid)) signalGroup(pid, 'SIGKILL');
}
