/**
 * One measured view each: a cold view of a ticket in a fresh browser context (empty caches, new
 * iframe), the same ticket shown again (warm), and the reference sidebar in the app's place.
 */
import type { Browser, BrowserContext, CDPSession, Frame, Page } from 'playwright-core';
import { appFrame, appIframeSelector } from '../../tests/e2e/support/browser';
import type { KlaviyoRequest, Workspace } from '../../tests/e2e/support/workspace';
import {
  INIT_SCRIPT,
  frameClock,
  firstKlaviyoRequestAt,
  waitForClock,
  type FrameClock,
} from './clock';
import { SCAFFOLD_SCRIPT, type ScaffoldBuild } from './scaffold';

/** Another ticket to switch to and back from for the warm measure. */
const OTHER_TICKET = 102;

export interface ViewOptions {
  /** Chrome DevTools Protocol CPU slowdown (1 = none). */
  cpuRate: number;
  /** Serve the reference sidebar instead of the app. */
  scaffold?: ScaffoldBuild;
}

export interface ProxyLogEntry {
  at: string;
  method: string;
  url: string;
  target: string;
  durationMs: number;
}

export interface ColdView {
  context: BrowserContext;
  page: Page;
  frame: Frame;
  clock: FrameClock;
  /** When the app sent its first Klaviyo request (frame clock, ms). */
  firstKlaviyoAt: number | null;
  threadMessages: number;
  requests: KlaviyoRequest[];
  proxied: ProxyLogEntry[];
  /** Asset file names (under /app/assets/) fetched before the profile showed, and in all. */
  assetsBeforeProfile: string[];
  assetsAll: string[];
}

export async function freshContext(
  browser: Browser,
  options: ViewOptions,
): Promise<{ context: BrowserContext; page: Page; cdp: CDPSession | null }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.addInitScript(INIT_SCRIPT);
  const page = await context.newPage();
  // Both the app and the reference page pass the same routing, so both pay its cost.
  const scaffold = options.scaffold;
  await page.route('**/app/assets/index.html*', (route) =>
    scaffold
      ? route.fulfill({ status: 200, contentType: 'text/html', body: scaffold.html })
      : route.continue(),
  );
  if (scaffold) {
    await page.route(`**/app/assets/${SCAFFOLD_SCRIPT}*`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/javascript', body: scaffold.js }),
    );
  }
  let cdp: CDPSession | null = null;
  if (options.cpuRate > 1) {
    cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: options.cpuRate });
  }
  return { context, page, cdp };
}

const assetName = (url: string) => url.replace(/^.*\/app\/assets\//, '').replace(/\?.*$/, '');

export async function coldView(
  browser: Browser,
  ws: Workspace,
  ticket: number,
  options: ViewOptions,
): Promise<ColdView> {
  await ws.control.delete('/klaviyo/requests');
  await ws.control.delete('/proxy/requests');
  const { context, page } = await freshContext(browser, options);
  const assets: Array<{ name: string; at: number }> = [];
  page.on('requestfinished', (request) => {
    if (/\/app\/.*\.(js|css)(\?|$)/.test(request.url())) {
      assets.push({ name: assetName(request.url()), at: Date.now() });
    }
  });
  await page.goto(ws.ticketUrl(ticket));
  const frame = await appFrame(page, { ticketId: ticket });
  await waitForClock(frame, 'profile');
  const profileAtWall = Date.now();
  if (!options.scaffold) await waitForClock(frame, 'thread');
  const clock = await frameClock(frame);
  const threadMessages = await frame.locator('[data-testid="thread-message"]').count();
  // Let background requests settle before counting.
  await page.waitForTimeout(300);
  const requests = await ws.control.klaviyoRequests();
  const proxied = (await ws.control.get<{ requests: ProxyLogEntry[] }>('/proxy/requests')).requests;
  return {
    context,
    page,
    frame,
    clock,
    firstKlaviyoAt: await firstKlaviyoRequestAt(frame),
    threadMessages,
    requests,
    proxied,
    assetsBeforeProfile: assets.filter((a) => a.at <= profileAtWall).map((a) => a.name),
    assetsAll: assets.map((a) => a.name),
  };
}

/** Waits until Klaviyo has seen no new request for 400 ms (at most 10 s). */
async function settle(page: Page, ws: Workspace) {
  let last = -1;
  for (let i = 0; i < 25; i++) {
    const count = (await ws.control.klaviyoRequests()).length;
    if (count === last) return;
    last = count;
    await page.waitForTimeout(400);
  }
}

/**
 * Switch to another ticket (its app instance loads), then back: the ticket's own iframe is kept,
 * as Zendesk keeps one per ticket tab. Measured in the host: from the click to the first frame in
 * which the ticket's app iframe is laid out again; then the frame says what it shows then.
 */
export async function warmView(page: Page, ws: Workspace, ticket: number) {
  await page.click(`[data-testid="nav-ticket-${OTHER_TICKET}"]`);
  const other = await appFrame(page, { ticketId: OTHER_TICKET });
  await waitForClock(other, 'profile').catch(() => undefined);
  await settle(page, ws);
  await ws.control.delete('/klaviyo/requests');
  const frame = await appFrame(page, { ticketId: ticket });
  const selector = appIframeSelector({ ticketId: ticket });
  // A string, not a function: tsx's name-keeping helpers do not exist in the page.
  const shownAfter = (await page.evaluate(`new Promise((resolve) => {
    const iframe = document.querySelector(${JSON.stringify(selector)});
    const link = document.querySelector(${JSON.stringify(`[data-testid="nav-ticket-${ticket}"]`)});
    const t0 = performance.now();
    link.click();
    const poll = () => {
      const box = iframe && iframe.getBoundingClientRect();
      if (box && box.width > 0 && box.height > 0) resolve(performance.now() - t0);
      else requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  })`)) as number;
  const t0Wall = Date.now() - shownAfter;
  const showing = await frame.evaluate(() => ({
    profile: document.querySelector('[data-testid="profile-name"]') !== null,
    thread: document.querySelector('[data-testid="thread-message"]') !== null,
  }));
  let profileMs = shownAfter;
  let threadMs = shownAfter;
  if (!showing.profile) {
    await frame.waitForSelector('[data-testid="profile-name"]', { timeout: 30_000 });
    profileMs = Date.now() - t0Wall;
  }
  if (!showing.thread) {
    await frame.waitForSelector('[data-testid="thread-message"]', { timeout: 30_000 });
    threadMs = Date.now() - t0Wall;
  }
  await page.waitForTimeout(500);
  const requests = await ws.control.klaviyoRequests();
  return { profileMs, threadMs, requests };
}
