/**
 * How fast the window is ready, at any number of credentials: builds the app (so the current sources are measured),
 * then for 0, 100 and 1,000 token profiles with expiries (and 1,000 with 200 alerts) starts the web shell over a
 * temp state, loads the window 5 times in Chromium (the browser and flags of the e2e specs, fresh context each
 * time, the desktop window's 980 x 700) and prints the median of: navigation -> first API request, -> `auth:status`
 * answered, -> first credential row painted, -> credential list complete (painted, then quiet for 1 s), the
 * JavaScript downloaded before the first API request, and the rows in the DOM; then the goals and whether they are met.
 * Run from the repository root: `npm run bench window` (or `npx tsx bench/window.bench.ts`). Prints numbers; asserts
 * nothing. The machine's load average is printed too: other work on it slows every figure.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type CDPSession } from '@playwright/test';
import config from '../e2e/playwright.config';
import { startWebShell } from '../e2e/web-shell';
import { seedWindowState, type WindowCase } from './window-state';

const LOADS = 5;
const VIEWPORT = { width: 980, height: 700 };
const GOALS = { firstRequestMs: 150, firstRowAfterAuthMs: 300, perRowMs: 0.05 };
const CASES: WindowCase[] = [
  { name: '0 profiles', profiles: 0, alerts: 0 },
  { name: '100 profiles', profiles: 100, alerts: 0 },
  { name: '1,000 profiles', profiles: 1000, alerts: 0 },
  { name: '1,000 + 200 alerts', profiles: 1000, alerts: 200 },
];

/** What one page load measured, in ms from navigation start (KB for the script). */
interface Load {
  firstRequest: number;
  authAnswered: number;
  firstRow: number;
  listComplete: number;
  scriptKb: number;
  domRows: number;
  listed: number;
  /** Main-thread CPU time of the page until the list was complete (includes the bench's own probe and polling). */
  cpu: number;
}

/**
 * Runs in the page before its own scripts (injected by the browser, so the CSP does not apply): watches the
 * credentials card and notes, after the next paint, when its first row (or, without credentials, its empty state)
 * appeared and when it last changed. A string, so that no helper of the TypeScript loader leaks into the page.
 */
const probe = (expected: number) => `(() => {
  const marks = { firstRow: -1, settled: -1 };
  window.__windowBench = marks;
  const afterPaint = (fn) => requestAnimationFrame(() => setTimeout(() => fn(performance.now()), 0));
  new MutationObserver(() => {
    const card = document.querySelector('section[aria-labelledby="credentials-card-title"]');
    if (!card || !card.querySelector('.card-head')) return;
    if (${expected} > 0 && !card.querySelector('[data-profile]')) return;
    if (marks.firstRow < 0) marks.firstRow = 0;
    afterPaint((t) => {
      if (marks.firstRow === 0) marks.firstRow = t;
      marks.settled = t;
    });
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
})();`;

/** True once the list painted and then nothing changed in it for a second (a function: the CSP forbids eval). */
const SETTLED = () => {
  const m = (globalThis as unknown as { __windowBench: { firstRow: number; settled: number } }).__windowBench;
  return m.firstRow > 0 && performance.now() - m.settled > 1000;
};

/** Reads the marks and the resource timings of the page as a `Load`. */
const COLLECT = `(() => {
  const m = window.__windowBench;
  const entries = performance.getEntriesByType('resource');
  const api = entries.filter((e) => e.name.includes('/api/invoke/'));
  const firstRequest = Math.min(...api.map((e) => e.startTime));
  const auth = api.find((e) => e.name.endsWith('/api/invoke/auth:status'));
  const scripts = entries.filter((e) => /\\.m?js(\\?|$)/.test(e.name) && e.responseEnd <= firstRequest);
  const card = document.querySelector('section[aria-labelledby="credentials-card-title"]');
  const domRows = card.querySelectorAll('[data-profile]').length;
  const count = card.getAttribute('data-count');
  return {
    firstRequest,
    authAnswered: auth ? auth.responseEnd : NaN,
    firstRow: m.firstRow,
    listComplete: m.settled,
    scriptKb: scripts.reduce((s, e) => s + e.decodedBodySize, 0) / 1024,
    domRows,
    listed: count === null ? domRows : Number(count),
  };
})()`;

/** CPU time the page's main thread has used so far (ms): what the window costs, whatever else the machine runs. */
async function cpuMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN) * 1000;
}

async function measure(browser: Browser, url: string, expected: number): Promise<Load> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US', colorScheme: 'light' });
  try {
    const page = await context.newPage();
    await page.addInitScript(probe(expected));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const before = await cpuMs(cdp);
    await page.goto(url);
    await page.waitForFunction(SETTLED, undefined, { polling: 100, timeout: 60_000 });
    const load = (await page.evaluate(COLLECT)) as Omit<Load, 'cpu'>;
    return { ...load, cpu: (await cpuMs(cdp)) - before };
  } finally {
    await context.close();
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

async function runCase(browser: Browser, c: WindowCase): Promise<Load & { alerts: number }> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'clawtray-window-bench-'));
  const { stateDir, dataDir } = seedWindowState(root, c, Date.now());
  const shell = await startWebShell({ stateDir, dataDir });
  try {
    const alerts = await waitForAlerts(shell.origin, shell.token, c.alerts);
    await measure(browser, shell.url, c.profiles); // warm-up: the server's first read and the JIT, not counted
    const loads: Load[] = [];
    for (let i = 0; i < LOADS; i++) loads.push(await measure(browser, shell.url, c.profiles));
    for (const l of loads) if (l.listed !== c.profiles) throw new Error(`${c.name}: the window listed ${l.listed} credentials`);
    const pick = (k: keyof Load) => median(loads.map((l) => l[k]));
    return {
      firstRequest: pick('firstRequest'),
      authAnswered: pick('authAnswered'),
      firstRow: pick('firstRow'),
      listComplete: pick('listComplete'),
      scriptKb: pick('scriptKb'),
      domRows: pick('domRows'),
      cpu: pick('cpu'),
      listed: pick('listed'),
      alerts,
    };
  } finally {
    await shell.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** Waits until core has raised the alerts the case expects (it evaluates them once started). */
async function waitForAlerts(origin: string, token: string, expected: number): Promise<number> {
  for (let i = 0; ; i++) {
    const res = await fetch(`${origin}/api/invoke/alerts:list`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' });
    const body = (await res.json()) as { ok: boolean; value?: { alerts: unknown[] } };
    const n = body.value?.alerts.length ?? 0;
    if (n === expected || i >= 100) return n;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const ms = (n: number) => `${Math.round(n)} ms`;
const mark = (ok: boolean) => (ok ? 'met' : 'NOT met');

async function main(): Promise<void> {
  const built = spawnSync(process.execPath, ['scripts/build.mjs', '--quiet'], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('build failed');
  const browser = await chromium.launch(config.use?.launchOptions);
  const results: (Load & { alerts: number; c: WindowCase })[] = [];
  try {
    for (const c of CASES) results.push({ ...(await runCase(browser, c)), c });
  } finally {
    await browser.close();
  }
  console.log(`window ${VIEWPORT.width}x${VIEWPORT.height}, median of ${LOADS} loads after one warm-up, times from navigation start; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);
  const head = ['case', 'alerts', '1st API request', 'auth:status answered', '1st row', '1st row after auth', 'list complete', 'main-thread CPU', 'JS before 1st request', 'rows in DOM'];
  const rows = results.map((r) => [
    r.c.name,
    String(r.alerts),
    ms(r.firstRequest),
    ms(r.authAnswered),
    ms(r.firstRow),
    ms(r.firstRow - r.authAnswered),
    ms(r.listComplete),
    ms(r.cpu),
    `${r.scriptKb.toFixed(0)} KB`,
    String(r.domRows),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const line of [head, ...rows]) console.log(line.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '));

  const big = results.find((r) => r.c.profiles === 1000 && r.c.alerts === 0)!;
  const mid = results.find((r) => r.c.profiles === 100)!;
  const slowestFirst = Math.max(...results.map((r) => r.firstRequest));
  const worstAfterAuth = Math.max(...results.filter((r) => r.c.profiles === 1000).map((r) => r.firstRow - r.authAnswered));
  const extra = big.c.profiles - mid.c.profiles;
  const perRowCpu = (big.cpu - mid.cpu) / extra;
  const perRowWall = (big.listComplete - big.authAnswered - (mid.listComplete - mid.authAnswered)) / extra;
  console.log(`goal: 1st API request <= ${GOALS.firstRequestMs} ms after navigation: slowest case ${ms(slowestFirst)} (${mark(slowestFirst <= GOALS.firstRequestMs)})`);
  console.log(`goal: 1st row <= ${GOALS.firstRowAfterAuthMs} ms after auth:status answers at 1,000 profiles: ${ms(worstAfterAuth)} (${mark(worstAfterAuth <= GOALS.firstRowAfterAuthMs)})`);
  console.log(
    `goal: per-row cost flat (100 -> 1,000 profiles, main-thread CPU <= ${GOALS.perRowMs} ms per extra row): ${perRowCpu.toFixed(3)} ms/row (${mark(perRowCpu <= GOALS.perRowMs)}); ` +
      `rows in DOM ${mid.domRows} -> ${big.domRows}; wall time from auth:status to list complete ${perRowWall.toFixed(3)} ms/row (moves with the machine's load)`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
