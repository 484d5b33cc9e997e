/**
 * Vite builds the renderer (React) into dist/renderer; Vitest runs the colocated unit tests (`*.test.ts`).
 * Main, preload and the web shell are bundled by esbuild in scripts/build.mjs.
 */
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from './shared/contract';

/** The dev server injects inline scripts (React refresh) and a websocket: relax the CSP for `vite serve` only. */
function devCsp(): Plugin {
  return {
    name: 'clawtray-dev-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      return html.replace(/script-src 'self'/, "script-src 'self' 'unsafe-inline'").replace(/connect-src 'self'/, "connect-src 'self' ws:");
    },
  };
}

const version = (JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string }).version;

export default defineConfig({
  // The contract's channel names, for the web bridge (renderer/src/web-bridge.ts): the window starts without the schemas.
  define: { __CLAWTRAY_VERSION__: JSON.stringify(version), __CLAWTRAY_CHANNELS__: JSON.stringify({ invoke: INVOKE_CHANNELS, events: EVENT_CHANNELS }) },
  root: 'renderer',
  base: './',
  plugins: [react(), devCsp()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    // Electron's and the e2e's Chromium preload modules natively: no polyfill in the entry point.
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
  server: {
    host: '127.0.0.1',
    proxy: process.env.CLAWTRAY_WEB_PORT ? { '/api': `http://127.0.0.1:${process.env.CLAWTRAY_WEB_PORT}` } : undefined,
  },
  test: {
    root: '.',
    include: ['main/**/*.test.ts', 'shared/**/*.test.ts', 'preload/**/*.test.ts', 'renderer/src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
