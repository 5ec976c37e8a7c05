/**
 * Hostile data: a Klaviyo profile and a Zendesk ticket whose fields are markup, event
 * handlers, javascript: URLs, a right-to-left override, a 10 000-character word, emoji and nulls
 * (tests/e2e/hostile-data.ts). Opened in the workspace, nothing executes, no injected element
 * exists, the text shows literally, and the 320 px sidebar keeps its width without sideways scroll.
 *
 * The hostile records join the workspace's demo data through its control API (`POST /seed`).
 */
import type { Frame, Page } from 'playwright-core';
import { appFrame } from './support/browser';
import { browserSuite } from './support/suite';
import {
  HOSTILE_TICKET_ID,
  HOSTILE_ZENDESK,
  PAYLOADS,
  hostileEvents,
  hostileProfile,
} from './hostile-data';

jest.setTimeout(120_000);

const WAIT = { timeout: 20_000 };

const suite = browserSuite({ viewport: { width: 1400, height: 900 } });

// The hostile requester, ticket and profile join the demo data (kept across the suite's resets).
beforeAll(() =>
  suite.workspace.control.seed({
    zendesk: { users: [HOSTILE_ZENDESK.user], tickets: [HOSTILE_ZENDESK.ticket] },
    klaviyo: { profiles: [hostileProfile()], events: hostileEvents() },
  }),
);

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
    const page = suite.page;
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));

    await page.goto(`${suite.workspace.hostOrigin}/?ticket=${HOSTILE_TICKET_ID}`);
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
  });
});
