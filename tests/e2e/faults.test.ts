/**
 * The fault matrix: each Klaviyo failure the sidebar can meet, injected into the
 * workspace's Klaviyo stand-in, ends in the documented state — a message that says what happened
 * and what to do, data kept where there was some, bounded retries, recovery once Klaviyo is back,
 * and for a send whose answer was lost: no duplicate SMS and no lost text.
 *
 * The composer's own cases (429 and a dropped connection before Klaviyo got the text, flow mode,
 * consent, quiet hours) are in reply.test.ts; this file does not repeat them.
 */
import type { Frame } from 'playwright-core';
import { browserSuite } from './support/suite';
import { type KlaviyoRequest } from './support/workspace';

jest.setTimeout(120_000);

const WAIT = { timeout: 20_000 };
const MARIA = '01DEMOMARIA000000000000000';

const suite = browserSuite({});

const openTicket = (id: number) => suite.openTicket(id);

const fault = (f: Record<string, unknown>) => suite.workspace.control.addKlaviyoFault(f);

async function requests(method: string, path: string | RegExp): Promise<KlaviyoRequest[]> {
  return (await suite.workspace.control.klaviyoRequests()).filter(
    (r) => r.method === method && (typeof path === 'string' ? r.path === path : path.test(r.path)),
  );
}

/** The sidebar's alert with this title. */
function alertTitled(frame: Frame, title: string) {
  return frame.getByRole('alert').filter({ hasText: title });
}

async function profileName(frame: Frame): Promise<string> {
  const name = frame.getByTestId('profile-name');
  await name.waitFor(WAIT);
  return (await name.textContent()) ?? '';
}

describe('Klaviyo faults while the sidebar loads', () => {
  it('401: says the key was refused and what an admin must do, with no pointless retry', async () => {
    await fault({ method: 'GET', path: '/api/profiles', status: 401, times: 5 });
    const frame = await openTicket(101);
    const alert = alertTitled(frame, 'Klaviyo refused the API key');
    await alert.waitFor(WAIT);
    expect(await alert.textContent()).toContain('paste a valid Klaviyo private API key');
    expect(await alert.getByRole('button', { name: 'Try again' }).count()).toBe(0);
    // A refused key is not retried: one request, not a loop.
    await suite.page.waitForTimeout(1_000);
    expect(await requests('GET', '/api/profiles')).toHaveLength(1);
  });

  it('403: names the missing scope', async () => {
    await fault({ method: 'GET', path: '/api/profiles', status: 403, times: 5 });
    const frame = await openTicket(101);
    const alert = alertTitled(frame, 'The Klaviyo API key lacks a permission');
    await alert.waitFor(WAIT);
    expect(await alert.textContent()).toContain('profiles:read');
    expect(await requests('GET', '/api/profiles')).toHaveLength(1);
  });

  it('404 on a linked profile id: falls back to the requester’s email and shows the profile', async () => {
    // Link Maria's Zendesk user to a Klaviyo profile id, then make that id unknown to Klaviyo.
    const zendesk = async (method: string, path: string, body: unknown) => {
      const response = await fetch(`${suite.workspace.hostOrigin}${path}`, {
        method,
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(response.ok).toBe(true);
    };
    await zendesk('POST', '/api/v2/user_fields.json', {
      user_field: { key: 'klaviyo_profile_id', title: 'Klaviyo profile', type: 'text' },
    });
    await zendesk('PUT', '/api/v2/users/1101.json', {
      user: { user_fields: { klaviyo_profile_id: MARIA } },
    });
    await fault({ method: 'GET', path: `/api/profiles/${MARIA}`, status: 404, times: 5 });

    const frame = await openTicket(101);
    expect(await profileName(frame)).toBe('Maria Garcia');
    await frame.getByText('Matched by email').waitFor(WAIT);
    // One try by id (a 404 is not retried), then the lookup by email.
    const byId = await requests('GET', `/api/profiles/${MARIA}`);
    expect(byId.map((r) => r.status)).toEqual([404]);
    const byEmail = await requests('GET', '/api/profiles');
    expect(byEmail.map((r) => r.status)).toEqual([200]);
    expect(decodeURIComponent(byEmail[0]!.url)).toContain('maria.garcia@example.com');
  });

  it('429 on a refresh: keeps the shown data, says when it retries, and does not hammer Klaviyo', async () => {
    const frame = await openTicket(101);
    expect(await profileName(frame)).toBe('Maria Garcia');
    await suite.workspace.control.delete('/klaviyo/requests');

    await fault({ method: 'GET', path: '/api/profiles', status: 429, retryAfter: 120, times: 50 });
    await frame.getByRole('button', { name: 'Refresh' }).click();
    const notice = frame.getByText(/Showing saved data\. Klaviyo is busy; retrying at \d/);
    await notice.waitFor(WAIT);
    expect(await profileName(frame)).toBe('Maria Garcia');
    expect(await frame.getByTestId('thread-message').count()).toBeGreaterThan(0);
    // Retry-After is two minutes: no retries meanwhile.
    await suite.page.waitForTimeout(2_000);
    expect(await requests('GET', '/api/profiles')).toHaveLength(1);
  });

  it('429 with nothing cached yet: says Klaviyo is busy and when it will retry', async () => {
    await fault({ method: 'GET', path: '/api/profiles', status: 429, retryAfter: 90, times: 50 });
    const frame = await openTicket(101);
    const alert = frame.getByText(/Klaviyo is busy; retrying at \d/);
    await alert.waitFor(WAIT);
    await suite.page.waitForTimeout(1_000);
    expect(await requests('GET', '/api/profiles')).toHaveLength(1);
  });

  it('500: a bounded number of retries, then an error with Try again, which recovers', async () => {
    await fault({ method: 'GET', path: '/api/profiles', status: 500, times: 3 });
    const frame = await openTicket(101);
    const alert = alertTitled(frame, 'Klaviyo had a problem');
    await alert.waitFor(WAIT);
    // The first try and at most two backed-off retries.
    expect((await requests('GET', '/api/profiles')).length).toBeLessThanOrEqual(3);

    await alert.getByRole('button', { name: 'Try again' }).click();
    expect(await profileName(frame)).toBe('Maria Garcia');
  });

  it('503 on the events: the profile stays, the thread says so and recovers on Try again', async () => {
    await fault({ method: 'GET', path: '/api/events', status: 503, times: 3 });
    const frame = await openTicket(101);
    expect(await profileName(frame)).toBe('Maria Garcia');
    const alert = alertTitled(frame, 'Klaviyo had a problem').first();
    await alert.waitFor(WAIT);
    expect(await frame.getByTestId('thread-message').count()).toBe(0);

    await alert.getByRole('button', { name: 'Try again' }).click();
    await frame.getByTestId('thread-message').first().waitFor(WAIT);
    expect(await profileName(frame)).toBe('Maria Garcia');
  });

  it('network dropped: says Klaviyo could not be reached, and Try again recovers', async () => {
    await fault({ method: 'GET', path: '/api/profiles', networkError: true, times: 3 });
    const frame = await openTicket(101);
    const alert = alertTitled(frame, 'Klaviyo could not be reached');
    await alert.waitFor(WAIT);
    expect(await alert.textContent()).toContain('You may be offline');
    await alert.getByRole('button', { name: 'Try again' }).click();
    expect(await profileName(frame)).toBe('Maria Garcia');
  });

  it('timeout: a Klaviyo that never answers ends in the offline message, not an endless spinner', async () => {
    // The client gives up after 20 s per try: the page's clock is fast-forwarded past each wait.
    await suite.page.clock.install();
    await fault({ method: 'GET', path: '/api/profiles', delayMs: 60_000, times: 3 });
    const frame = await openTicket(101);
    const alert = alertTitled(frame, 'Klaviyo could not be reached');
    for (let i = 0; i < 8 && !(await alert.isVisible()); i++) {
      await suite.page.waitForTimeout(300);
      await suite.page.clock.fastForward(21_000);
    }
    await alert.waitFor(WAIT);
    expect(await frame.locator('[aria-busy="true"]').count()).toBe(0);
  });
});

describe('Klaviyo faults while sending', () => {
  it('the answer to a send is lost after Klaviyo took it: the text is kept, and Check and retry finds it instead of texting twice', async () => {
    await suite.page.clock.install();
    // Klaviyo takes the message but answers only after the app has given up (20 s timeout).
    await fault({ method: 'POST', path: '/api/conversation-messages', delayMs: 1_500, times: 1 });
    const frame = await openTicket(105);
    await frame.getByTestId('thread-message').first().waitFor(WAIT);
    const box = frame.getByRole('textbox', { name: 'Reply by SMS' });
    const text = 'Your parcel is at the depot and goes out tomorrow.';
    await box.fill(text);
    await frame.getByRole('button', { name: 'Send SMS' }).click();
    // Outside the customer's texting hours the app asks first (Seoul time, so it depends on when
    // the test runs): confirm if asked, until the message has reached Klaviyo.
    const confirm = frame.getByRole('button', { name: 'Send anyway' });
    const posted = async () => (await requests('POST', '/api/conversation-messages')).length;
    for (let i = 0; i < 50 && (await posted()) === 0; i++) {
      if (await confirm.isVisible()) await confirm.click();
      await suite.page.waitForTimeout(100);
    }
    expect(await posted()).toBe(1);
    await suite.page.clock.fastForward(21_000);

    const failure = frame.getByTestId('composer-failure');
    await failure.waitFor(WAIT);
    expect(await failure.textContent()).toContain('We can’t tell whether the text went out');
    expect(await box.inputValue()).toBe(text);

    // Klaviyo did deliver it.
    const messages = async () =>
      (
        await suite.workspace.control.get<{ messages: Array<{ body: string }> }>(
          '/klaviyo/messages',
        )
      ).messages;
    for (let i = 0; i < 30 && (await messages()).length === 0; i++)
      await suite.page.waitForTimeout(100);
    expect(await messages()).toEqual([expect.objectContaining({ body: text })]);

    await failure.getByRole('button', { name: 'Check and retry' }).click();
    await frame.getByText('Found among the customer’s delivered texts').waitFor(WAIT);
    expect(await messages()).toHaveLength(1);
    expect(await requests('POST', '/api/conversation-messages')).toHaveLength(1);
  });
});
