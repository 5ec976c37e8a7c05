/**
 * The Klaviyo key never reaches the browser: not in the built bundle, the DOM, web
 * storage, console output, or any request or response of the page; only the emulated Zendesk
 * proxy puts it on the wire to Klaviyo.
 *
 * The workspace runs with a canary key that appears nowhere in the sources, so finding it anywhere
 * means it leaked at run time.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { findRoot } from '../../dev/workspace/config';
import { DEMO_KLAVIYO_KEY } from '../../dev/workspace/settings';
import { appFrame, launchBrowser } from './support/browser';
import { startWorkspace, type Workspace } from './support/workspace';

jest.setTimeout(120_000);

/** Obviously fake, unique, and never written in any source file. */
const CANARY = ['pk', 'canary', 'e2e', 'secret', String(process.pid)].join('_');
const WAIT = { timeout: 20_000 };

/** A real-looking private key (pk_ followed by 20+ letters and digits). */
const KEY_SHAPE = /pk_[A-Za-z0-9]{20,}/;

let workspace: Workspace;
let browser: Browser;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function leaks(text: string): string[] {
  const found: string[] = [];
  if (text.includes(CANARY)) found.push('the canary key');
  if (text.includes(DEMO_KLAVIYO_KEY)) found.push('the demo key');
  const shaped = KEY_SHAPE.exec(text);
  if (shaped) found.push(`a key-shaped string ${shaped[0].slice(0, 6)}…`);
  return found;
}

beforeAll(async () => {
  workspace = await startWorkspace({ env: { KLAVIYO_API_KEY: CANARY } });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await workspace?.stop();
});

beforeEach(async () => {
  await workspace.control.reset();
});

describe('the Klaviyo key stays on the server', () => {
  it('is not in any file of the built app (dist/)', () => {
    const dist = join(findRoot(), 'dist');
    const files = filesUnder(dist).filter((f) => !f.endsWith('.zip'));
    expect(files.some((f) => f.endsWith('.js'))).toBe(true);
    const found = files.flatMap((file) =>
      leaks(readFileSync(file).toString('latin1')).map((what) => `${what} in ${file}`),
    );
    expect(found).toEqual([]);
  });

  it('never appears in the page: requests, responses, DOM, storage or console, while an agent views a ticket and replies', async () => {
    const page: Page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const found: string[] = [];
    const pending: Array<Promise<unknown>> = [];
    const console: string[] = [];
    let requestsSeen = 0;
    page.on('console', (message) => console.push(message.text()));
    page.on('pageerror', (error) => console.push(String(error)));
    page.on('request', (request) => {
      requestsSeen += 1;
      pending.push(
        request
          .allHeaders()
          .then((headers) => {
            const text = [request.url(), JSON.stringify(headers), request.postData() ?? ''].join(
              '\n',
            );
            for (const what of leaks(text)) found.push(`${what} in request ${request.url()}`);
          })
          .catch(() => undefined),
      );
    });
    page.on('response', (response) => {
      pending.push(
        response
          .text()
          .then((body) => {
            for (const what of leaks(body)) found.push(`${what} in response ${response.url()}`);
          })
          .catch(() => undefined),
      );
    });

    await page.goto(workspace.ticketUrl(105));
    const frame: Frame = await appFrame(page, { ticketId: 105 });
    await frame.getByTestId('thread-message').first().waitFor(WAIT);
    await frame.getByRole('textbox', { name: 'Reply by SMS' }).fill('Checking the key stays put.');
    await frame.getByRole('button', { name: 'Send SMS' }).click();
    const confirm = frame.getByRole('button', { name: 'Send anyway' });
    const sent = frame.getByTestId('composer-sent');
    // Outside the customer's texting hours the app asks first: confirm when asked.
    await Promise.race([
      confirm
        .waitFor(WAIT)
        .then(() => confirm.click())
        .catch(() => undefined),
      sent.waitFor(WAIT).catch(() => undefined),
    ]);
    await sent.waitFor(WAIT);

    for (const f of page.frames()) {
      const state = await f.evaluate(() => {
        // A frame without storage access (opaque origin) throws: that is "nothing there".
        const read = (get: () => string) => {
          try {
            return get();
          } catch {
            return '';
          }
        };
        return {
          html: document.documentElement.outerHTML,
          local: read(() => JSON.stringify({ ...localStorage })),
          session: read(() => JSON.stringify({ ...sessionStorage })),
          cookie: read(() => document.cookie),
          name: window.name,
          href: location.href,
        };
      });
      for (const [where, text] of Object.entries(state)) {
        for (const what of leaks(text)) found.push(`${what} in ${where} of ${f.url()}`);
      }
    }
    for (const line of console) {
      for (const what of leaks(line)) found.push(`${what} in console: ${line.slice(0, 80)}`);
    }
    await Promise.all(pending);
    await page.close();

    expect(requestsSeen).toBeGreaterThan(5);
    expect(found).toEqual([]);

    // The proxy did send it: Klaviyo got a filled-in key (the control API redacts its value),
    // never the placeholder and never nothing.
    const received = await workspace.control.klaviyoRequests();
    expect(received.length).toBeGreaterThanOrEqual(3);
    for (const request of received) {
      expect(request.headers.authorization).toBe('Klaviyo-API-Key [redacted]');
    }
    expect(received.some((r) => r.method === 'POST')).toBe(true);
  });
});
