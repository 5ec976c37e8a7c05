/**
 * `npm run screenshots` (builds first): starts the local workspace with the demo data, opens it in
 * headless Chromium and saves the Marketplace screenshots to assets/ (Zendesk takes at most three,
 * 1024×768 each; `npm run validate` checks that):
 *
 *   screenshot-0.png  the agent workspace on ticket 101: Maria's profile, consent, local time and
 *                     SMS conversation in the apps tray
 *   screenshot-1.png  the sidebar side by side for tickets 102 (email only), 103 (unsubscribed)
 *                     and 105 (phone-only requester)
 *   screenshot-2.png  the setup page (nav bar)
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { loadWorkspaceOptions } from '../dev/workspace/config';
import { startWorkspaceServer, type WorkspaceServer } from '../dev/workspace/server';
import { appFrame, appIframeSelector, launchBrowser } from '../tests/e2e/support/browser';

const SIZE = { width: 1024, height: 768 };
/** Tall enough to crop the top of a sidebar as an agent first sees it. */
const TRAY = { width: 1280, height: 1000 };
const CROP_HEIGHT = 680;

/** Waits until the app stops asking for data and stops resizing (or 20 s pass). */
async function settle(page: Page, server: WorkspaceServer, selector: string) {
  const end = Date.now() + 20_000;
  let last = '';
  let stableSince = Date.now();
  while (Date.now() < end) {
    const height = await page
      .locator(selector)
      .evaluate((el) => (el as HTMLElement).getBoundingClientRect().height)
      .catch(() => 0);
    const now = `${height}:${server.state.proxyLog.length}`;
    if (now !== last) {
      last = now;
      stableSince = Date.now();
    } else if (Date.now() - stableSince > 1200) {
      return;
    }
    await page.waitForTimeout(200);
  }
}

async function openTicket(page: Page, server: WorkspaceServer, id: number) {
  await page.goto(`${server.hostOrigin}/?ticket=${id}`);
  const frame = await appFrame(page, { ticketId: id });
  await frame.waitForSelector('[data-location]', { timeout: 20_000 });
  await settle(page, server, appIframeSelector({ ticketId: id }));
}

/** The top of the visible app box in the apps tray, as a PNG. */
async function sidebarCrop(page: Page): Promise<Buffer> {
  const box = await page.locator('[data-testid="app-pane"]:visible').boundingBox();
  if (!box) throw new Error('The app box is not visible');
  return page.screenshot({
    clip: { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, CROP_HEIGHT) },
  });
}

function escape(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

async function main() {
  const options = { ...loadWorkspaceOptions([], process.env), port: 0 };
  const server = await startWorkspaceServer(options);
  const browser = await launchBrowser();
  const out = (n: number) => join(options.rootDir, 'assets', `screenshot-${n}.png`);
  try {
    const page = await browser.newPage({ viewport: SIZE, deviceScaleFactor: 1 });
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));

    await openTicket(page, server, 101);
    await page.screenshot({ path: out(0) });

    await page.setViewportSize(TRAY);
    const panels: Array<{ caption: string; png: Buffer }> = [];
    for (const [id, caption] of [
      [102, 'Email only'],
      [103, 'Unsubscribed from SMS'],
      [105, 'Phone number only'],
    ] as const) {
      await openTicket(page, server, id);
      panels.push({ caption, png: await sidebarCrop(page) });
    }
    await page.setViewportSize(SIZE);
    await page.setContent(
      `<!doctype html><html><body style="margin:0;width:${SIZE.width}px;height:${SIZE.height}px;
        display:flex;gap:14px;justify-content:center;align-items:flex-start;padding-top:22px;
        box-sizing:border-box;background:#f8f9f9;font:600 14px system-ui,sans-serif;color:#2f3941">
        ${panels
          .map(
            (p) => `<figure style="margin:0;display:flex;flex-direction:column;gap:8px">
              <figcaption>${escape(p.caption)}</figcaption>
              <img style="display:block;border-radius:4px" src="data:image/png;base64,${p.png.toString('base64')}">
            </figure>`,
          )
          .join('')}
      </body></html>`,
    );
    await page.screenshot({ path: out(1) });

    await page.goto(`${server.hostOrigin}/?nav=klaviyo`);
    const nav = await appFrame(page, { location: 'nav_bar' });
    await nav.waitForSelector('[data-location]', { timeout: 20_000 });
    await settle(page, server, appIframeSelector({ location: 'nav_bar' }));
    await page.screenshot({ path: out(2) });
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(`Saved ${[0, 1, 2].map(out).join(', ')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
