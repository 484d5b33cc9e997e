import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { authProfilesPath, snapScreen } from './window-support';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Writes tokens into the main agent's store: `expires` in epoch ms per profile id. */
function writeTokens(stateDir: string, expires: Record<string, number>): void {
  const profiles: Record<string, unknown> = {};
  for (const [id, at] of Object.entries(expires)) {
    profiles[id] = { type: 'token', provider: id.slice(0, id.indexOf(':')), token: `sk-proj-${id.replace(/\W/g, '').padEnd(48, '0')}`, expires: at };
  }
  const file = authProfilesPath(stateDir);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, JSON.stringify({ version: 1, profiles }, null, 2), { mode: 0o600 });
}

test('a chip follows the clock: an expiring token turns "Expired" within a second of its expiry, without a reload', async ({ page, shell }) => {
  // The page's clock is Playwright's: it starts at the real time, then moves only when the test moves it.
  const start = Date.now();
  const expiry = start + 5 * MINUTE;
  writeTokens(shell.stateDir, {
    'openai:a-soon': expiry,
    'openai:b-later': start + 20 * DAY,
    'openai:c-later': start + 21 * DAY,
    'openai:d-later': start + 22 * DAY,
  });
  await page.clock.install({ time: start });
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Status' })).toBeVisible();

  const group = page.getByRole('region', { name: 'Credentials' }).getByRole('region', { name: 'OpenAI' });
  const row = group.getByRole('listitem', { name: 'openai:a-soon' });
  const chip = row.locator('.chip');
  const summary = group.getByRole('list', { name: 'States of the OpenAI credentials' });
  await expect(chip).toHaveText('Expiring');
  await expect(row.getByText(/^Expires in 5 minutes/)).toBeVisible();
  await expect(summary).toHaveText(/Expiring: 1\s*Not expired: 3/);

  // In the last minute the countdown shows seconds.
  await page.clock.pauseAt(expiry - 3000);
  await expect(row.getByText(/^Expires in [23] seconds/)).toBeVisible();
  await page.clock.runFor(2999);
  await expect(row.getByText(/^Expires in (1 second|now)/)).toBeVisible();
  await expect(chip, 'a millisecond before the expiry').toHaveText('Expiring');

  // The window's clock ticks every second here: within the next second after the expiry, the chip, the countdown and
  // the group's summary turn together.
  await page.clock.runFor(1000);
  await expect(chip).toHaveText('Expired', { timeout: 2000 });
  await expect(row.getByText(/^Expired /)).toBeVisible();
  await expect(summary).toHaveText(/Expired: 1\s*Not expired: 3/);
  await expect(group.locator('.group-head .chip')).toHaveText('Expired');
  // The banner's one-hour warning says so too, before main's own "expired" alert arrives.
  await expect(page.locator('.banner')).toContainText(/Action needed: openai:a-soon \(OpenAI, agent main\) expired (now|1 second ago)\./);

  // The moment: the line says "Expired 46 seconds ago", and the chip agrees.
  await page.clock.runFor(45_501);
  await expect(row.getByText('Expired 46 seconds ago')).toBeVisible();
  await expect(chip).toHaveText('Expired');
  await expect(page.locator('.banner')).toContainText('expired 46 seconds ago.');
  await expect(group.getByRole('listitem', { name: 'openai:b-later' }).locator('.chip')).toHaveText('Not expired');
  await page.clock.resume(); // axe waits on timers
  await snapScreen(page, 'status-expired-live');
});
