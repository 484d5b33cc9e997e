/** Types for `bundle-options.mjs`: the esbuild options of the shipped bundles. */
import type { BuildOptions } from 'esbuild';

/** The Electron main process bundle. */
export function mainBundle(version: string): BuildOptions;
/** The web shell bundle. */
export function webBundle(version: string): BuildOptions;
/** The sandboxed preload bundle. */
export function preloadBundle(): BuildOptions;
