/**
 * Hostile data (issue 8): a Klaviyo profile and a Zendesk ticket whose fields are markup, event
 * handlers, javascript: URLs, a right-to-left override, a 10 000-character word, emoji and nulls
 * (tests/e2e/hostile-data.ts). Opened in the workspace, nothing executes, no injected element
 * exists, the text shows literally, and the 320 px sidebar keeps its width without sideways scroll.
 *
 * The workspace runs in this process here (not as a child), so the hostile records can be added
 * to its in-memory Zendesk and Klaviyo without a seed API.
 */
import type { Browser, Frame, Page } from 'playwright-core';
import { createZendeskStore } from '../../dev/zendesk/store';
import { demoZendeskSeed } from '../../dev/zendesk/seed';
import { findRoot, loadWorkspaceOptions } from '../../dev/workspace/config';
import { ZENDESK_BASE_URL } from '../../dev/workspace/proxy';
import { startWorkspaceServer, type WorkspaceServer } from '../../dev/workspace/server';
import type { WorkspaceState } from '../../dev/workspace/state';
import { appFrame, launchBrowser } from './support/browser';
import {
  HOSTILE_REQUESTER_ID,
  HOSTILE_TICKET_ID,
  HOSTILE_ZENDESK,
  PAYLOADS,
  hostileEvents,
  hostileProfile,
} from './hostile-data';

jest.setTimeout(120_000);

const WAIT = { timeout: 20_000 };

let server: WorkspaceServer;
let browser: Browser;

/** Adds the hostile requester and ticket to the live Zendesk, and the profile to Klaviyo. */
function seedHostile(state: WorkspaceState) {
  const demo = demoZendeskSeed();
  const withHostile = createZendeskStore(
    {
      ...demo,
      users: [...demo.users, HOSTILE_ZENDESK.user],
      tickets: [...demo.tickets, HOSTILE_ZENDESK.ticket],
    },
    { baseUrl: ZENDESK_BASE_URL },
  );
  const live = state.zendesk;
  live.users.set(HOSTILE_REQUESTER_ID, withHostile.getUser(HOSTILE_REQUESTER_ID));
  live.identities.set(HOSTILE_REQUESTER_ID, withHostile.identities.get(HOSTILE_REQUESTER_ID)!);
  live.tickets.set(HOSTILE_TICKET_ID, withHostile.getTicket(HOSTILE_TICKET_ID));
  live.comments.set(HOSTILE_TICKET_ID, withHostile.comments.get(HOSTILE_TICKET_ID) ?? []);

  const klaviyo = state.klaviyo;
  klaviyo.addProfile(hostileProfile());
  klaviyo.addEvents(hostileEvents((name) => klaviyo.metricNamed(name).id));
}

beforeAll(async () => {
  const root = findRoot();
  const options = loadWorkspaceOptions(['--port', '0'], {}, root);
  server = await startWorkspaceServer(options);
  seedHostile(server.state);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Everything a payload could have done, collected over all frames of the page. */
async function executed(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const frame of page.frames()) {
    const pwned = await frame
      .evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned ?? null)
      .catch(() => null);
    if (pwned !== null) found.push(`window.__pwned = ${String(pwned)} in ${frame.url()}`);
  }
  return found;
}

/** Elements a payload would have created in the app frame, if markup were not escaped. */
async function injected(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll('*'))) {
      const tag = el.tagName.toLowerCase();
      if (tag === 'script' && !(el as HTMLScriptElement).src.includes('/app/assets/')) {
        out.push(`inline <script>: ${el.textContent?.slice(0, 40)}`);
      }
      if (tag === 'img' && el.getAttribute('src') === 'x') out.push('<img src=x>');
      for (const attr of Array.from(el.attributes)) {
        if (/^on/i.test(attr.name)) out.push(`<${tag} ${attr.name}>`);
        if (/^\s*javascript:/i.test(attr.value)) out.push(`<${tag} ${attr.name}="javascript:…">`);
      }
    }
    return out;
  });
}

describe('hostile data from Klaviyo and Zendesk', () => {
  it('nothing executes, nothing is injected, the text shows literally and the layout holds', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));

    await page.goto(`${server.hostOrigin}/?ticket=${HOSTILE_TICKET_ID}`);
    const frame = await appFrame(page, { ticketId: HOSTILE_TICKET_ID });
    const name = frame.getByTestId('profile-name');
    await name.waitFor(WAIT);
    await frame.getByTestId('thread-message').first().waitFor(WAIT);
    // Let images (onerror) and late renders have their chance.
    await page.waitForTimeout(1_000);

    // Nothing ran, in the host page or the app.
    expect(dialogs).toEqual([]);
    expect(await executed(page)).toEqual([]);
    expect(errors).toEqual([]);
    expect(await injected(frame)).toEqual([]);

    // The markup is shown as text.
    const shown = (await name.textContent()) ?? '';
    expect(shown).toContain(PAYLOADS.script);
    expect(shown).toContain('<img src=x onerror=');
    const body = await frame.evaluate(() => document.body.innerText);
    expect(body).toContain('👩‍👩‍👧‍👦🦄🔥');
    expect(body).toContain('txt.exe');
    const messages = frame.getByTestId('thread-message');
    const texts = await messages.allTextContents();
    // The 10 000-character word is shown (the thread may shorten very long texts).
    expect(texts.some((t) => t.includes('W'.repeat(1_000)))).toBe(true);
    // A null body gets the placeholder, not "null" or a crash.
    expect(texts.some((t) => t.includes('Text not available'))).toBe(true);
    expect(texts.some((t) => /\bnull\b|undefined/.test(t))).toBe(false);
    expect(texts.some((t) => t.includes(PAYLOADS.img))).toBe(true);
    // The javascript: URL is not a link anywhere.
    expect(await frame.locator('a[href^="javascript"]').count()).toBe(0);

    // The layout holds: the sidebar is as wide as for an ordinary customer, and nothing scrolls
    // sideways, the 10 000-character word included.
    const iframeWidth = await page
      .locator(`iframe[data-ticket-id="${HOSTILE_TICKET_ID}"]`)
      .evaluate((el) => el.getBoundingClientRect().width);
    expect(iframeWidth).toBe(320);
    const overflow = await frame.evaluate(() => {
      const root = document.documentElement;
      const wide = Array.from(document.querySelectorAll('[data-testid="thread-message"]')).filter(
        (el) => el.getBoundingClientRect().right > root.clientWidth + 1,
      ).length;
      return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide };
    });
    expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.clientWidth);
    expect(overflow.wide).toBe(0);

    // The agent can still act: the composer is there and usable.
    await frame.getByRole('textbox', { name: 'Reply by SMS' }).fill(PAYLOADS.script);
    expect(await injected(frame)).toEqual([]);
    expect(dialogs).toEqual([]);
    await page.close();
  });
});
