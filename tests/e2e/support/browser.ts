/**
 * Headless Chromium for end-to-end tests and screenshots: Debian's /usr/bin/chromium driven by
 * playwright-core (no browser is ever downloaded), a fresh profile per launch, and helpers to reach
 * the app's iframe in the workspace.
 */
import { chromium, type Browser, type Frame, type Locator, type Page } from 'playwright-core';
import type { ZafLocation } from '../../../src/zaf/types';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchBrowser(): Promise<Browser> {
  // Each launch gets a new temporary profile (user data dir), removed on close.
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

export interface AppFrameQuery {
  location?: ZafLocation;
  ticketId?: number;
  userId?: number;
  timeoutMs?: number;
}

/** The CSS selector of the app's iframe in the host page. */
export function appIframeSelector(query: AppFrameQuery = {}): string {
  let selector = `iframe[data-testid="app-iframe"][data-location="${query.location ?? 'ticket_sidebar'}"]`;
  if (query.ticketId !== undefined) selector += `[data-ticket-id="${query.ticketId}"]`;
  if (query.userId !== undefined) selector += `[data-user-id="${query.userId}"]`;
  return selector;
}

/** Waits for the (visible) app iframe and returns its frame. */
export async function appFrame(page: Page, query: AppFrameQuery = {}): Promise<Frame> {
  const handle = await page.waitForSelector(appIframeSelector(query), {
    state: 'attached',
    timeout: query.timeoutMs ?? 20_000,
  });
  const frame = await handle.contentFrame();
  if (!frame) throw new Error(`No frame for ${appIframeSelector(query)}`);
  return frame;
}

/**
 * The host page's view of one ticket (editor, Submit, conversation, banner). Every opened ticket
 * tab keeps its view in the page, hidden when inactive, so scope host-page queries to one ticket.
 */
export function ticketView(page: Page, ticketId: number): Locator {
  return page.locator(`[data-testid="ticket-view"][data-ticket-id="${ticketId}"]`);
}
