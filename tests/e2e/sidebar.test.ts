/**
 * The agent sidebar in the local workspace, one demo customer per test, asserting what a person
 * sees in the 320 px ticket sidebar.
 */
import type { Frame, Locator } from 'playwright-core';
import { appFrame, appIframeSelector } from './support/browser';
import { browserSuite } from './support/suite';

jest.setTimeout(120_000);

const suite = browserSuite({});

const openTicket = (id: number) => suite.openTicket(id);

async function text(frame: Frame, testId: string): Promise<string> {
  const locator = frame.getByTestId(testId).first();
  await locator.waitFor({ timeout: 20_000 });
  return (await locator.textContent()) ?? '';
}

async function visible(frame: Frame, content: string | RegExp): Promise<void> {
  await frame.getByText(content).first().waitFor({ timeout: 20_000 });
}

async function box(
  locator: Locator,
): Promise<{ x: number; y: number; width: number; height: number }> {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not on screen');
  return b;
}

/** Waits until the app's frame stops changing height (its auto-resize settled). */
async function settledHeight(ticketId: number): Promise<void> {
  const frameBox = suite.page.locator(appIframeSelector({ ticketId }));
  let last = -1;
  for (let i = 0; i < 50; i++) {
    const height = (await box(frameBox)).height;
    if (height === last) return;
    last = height;
    await suite.page.waitForTimeout(200);
  }
}

/** Texting-hours settings that put the customer's current hour outside the window. */
function windowOutsideNow(timeZone: string): Record<string, number> {
  const hour = Number(
    new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', hourCycle: 'h23' }).format(
      new Date(),
    ),
  );
  return hour >= 12
    ? { quiet_hours_start: 1, quiet_hours_end: 2 }
    : { quiet_hours_start: 20, quiet_hours_end: 21 };
}

async function noSideways(frame: Frame): Promise<boolean> {
  return frame.evaluate(
    () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
  );
}

describe('agent sidebar in the workspace', () => {
  it('ticket 101: who, consent, local time with the texting-hours warning, the latest messages and the composer fit the first 900 px; the app stays under 1,200 px', async () => {
    // The tallest first screen, whatever the hour: a texting window the customer is outside now.
    await suite.workspace.control.setSettings(windowOutsideNow('America/Los_Angeles'));
    const frame = await openTicket(101);
    expect(await text(frame, 'profile-name')).toBe('Maria Garcia');
    await visible(frame, 'Matched by email');
    await visible(frame, 'SMS marketing: Subscribed');
    expect(await text(frame, 'can-text')).toBe('You may text this customer.');
    expect(await text(frame, 'local-time')).toContain('America/Los_Angeles');
    expect(await text(frame, 'outside-texting-hours')).toMatch(/^Outside texting hours\./);

    const log = frame.getByRole('log', { name: 'SMS conversation, newest at the bottom' });
    const latest = log.getByTestId('thread-message').last();
    await latest.waitFor({ timeout: 20_000 });
    expect(await latest.textContent()).toContain(
      'Also can you send it to my work address instead?',
    );
    const textbox = frame.getByRole('textbox', { name: 'Reply by SMS' });
    await textbox.waitFor({ timeout: 20_000 });
    await settledHeight(101);

    // Measured from the top of the app's frame, which the workspace does not scroll.
    const app = await box(suite.page.locator(appIframeSelector({ ticketId: 101 })));
    const below = async (locator: Locator) => {
      const b = await box(locator);
      return b.y + b.height - app.y;
    };
    expect(await below(latest)).toBeLessThanOrEqual(900);
    expect(await below(textbox)).toBeLessThanOrEqual(900);
    // The composer sits directly under the conversation, the latest message inside its view.
    const logBox = await box(log);
    const latestBox = await box(latest);
    expect(latestBox.y + latestBox.height).toBeLessThanOrEqual(logBox.y + logBox.height + 1);
    expect((await box(textbox)).y).toBeGreaterThan(logBox.y + logBox.height);
    expect(app.height).toBeLessThanOrEqual(1200);
    expect(await noSideways(frame)).toBe(true);

    // The thread opened at its bottom.
    const atBottom = await log.evaluate(
      (el) =>
        el.scrollHeight - el.scrollTop - el.clientHeight <= 2 && el.scrollHeight > el.clientHeight,
    );
    expect(atBottom).toBe(true);

    // Opening the profile's view needs one profile and one events request, no conversations.
    const requests = await suite.workspace.control.klaviyoRequests();
    expect(requests.filter((r) => r.path === '/api/profiles')).toHaveLength(1);
    expect(requests.filter((r) => r.path.includes('conversation'))).toHaveLength(0);
    expect(requests.filter((r) => r.url.includes('predictive'))).toHaveLength(0);
  });

  it('ticket 101: older messages come as the agent scrolls up, then "Load older messages" past the last 50', async () => {
    const frame = await openTicket(101);
    const log = frame.getByRole('log', { name: 'SMS conversation, newest at the bottom' });
    const messages = log.getByTestId('thread-message');
    await messages.last().waitFor({ timeout: 20_000 });
    const first = await messages.count();
    expect(first).toBeLessThan(50);

    await log.evaluate((el) => {
      el.scrollTop = 0;
    });
    await frame.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="thread-message"]').length > n,
      first,
    );
    // What the agent was reading stays in view: the log is not thrown back to its top.
    expect(await log.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);

    // Scrolling on up reaches the marketing texts and, at 50, the button for older ones.
    const older = log.getByRole('button', { name: 'Load older messages' });
    for (let i = 0; i < 10 && !(await older.isVisible()); i++) {
      const n = await messages.count();
      await log.evaluate((el) => {
        el.scrollTop = 0;
      });
      await frame
        .waitForFunction(
          (count) =>
            document.querySelectorAll('[data-testid="thread-message"]').length > count ||
            document.querySelector('[data-testid="thread-log"] button') !== null,
          n,
        )
        .catch(() => undefined);
    }
    expect(await messages.count()).toBe(50);
    await visible(frame, 'Campaign: Summer Sale SMS');
    await visible(frame, 'Flow: Abandoned Cart SMS');
    await visible(frame, 'Not delivered: Device Unreachable');
    await older.click();
    await messages.nth(50).waitFor({ timeout: 20_000 });
  });

  it('ticket 101: orders, activity and lists are one line each until opened', async () => {
    const frame = await openTicket(101);
    await frame
      .getByTestId('orders-summary')
      .filter({ hasText: '$72.50' })
      .waitFor({ timeout: 20_000 });
    const orders = await text(frame, 'orders-summary');
    expect(orders).toContain('$72.50');
    expect(orders).toContain('(3 in all)');
    expect(await text(frame, 'activity-summary')).toContain('Latest: ');
    expect(await text(frame, 'memberships-summary')).toBe('Loaded when you open it');
    expect(await frame.getByTestId('order').count()).toBe(0);
    await frame.getByRole('button', { name: 'Recent orders' }).click();
    const firstOrder = await text(frame, 'order');
    expect(firstOrder).toContain('$72.50');
    expect(firstOrder).toContain('Linen Shirt (Sage), Gift Wrap');

    // Predictive analytics are not part of the view: the agent opens them.
    const show = frame.getByRole('button', { name: 'Show lifetime value and churn risk' });
    expect(await show.getAttribute('aria-expanded')).toBe('false');
    await show.click();
    const predictive = await text(frame, 'predictive');
    expect(predictive).toContain('Churn risk');
    expect(predictive).toContain('12%');
    expect(await noSideways(frame)).toBe(true);
    const after = await suite.workspace.control.klaviyoRequests();
    expect(
      after.filter((r) => r.url.includes('predictive')).map((r) => `${r.method} ${r.path}`),
    ).toEqual(['GET /api/profiles/01DEMOMARIA000000000000000']);
  });

  it('ticket 102: an email-only customer, with the reason texting is not possible', async () => {
    const frame = await openTicket(102);
    expect(await text(frame, 'profile-name')).toBe('Sven Lindqvist');
    await visible(frame, 'Email marketing: Subscribed');
    expect(await text(frame, 'can-text')).toContain('Klaviyo has no phone number');
    await visible(frame, 'No text messages with this customer yet.');
    expect(await text(frame, 'local-time')).toContain('Europe/Stockholm');
  });

  it('ticket 103: an unsubscribed customer, with the reason', async () => {
    const frame = await openTicket(103);
    expect(await text(frame, 'profile-name')).toBe('Jordan Lee');
    await visible(frame, 'SMS marketing: Unsubscribed');
    expect(await text(frame, 'can-text')).toContain('they unsubscribed from SMS');
    await visible(frame, 'Campaign: Flash Sale SMS');
  });

  it('ticket 104: no profile, a clear empty state and a search that finds one', async () => {
    const frame = await openTicket(104);
    await visible(frame, 'No Klaviyo profile');
    await visible(frame, 'No Klaviyo profile matches noa.cohen@example.org.');
    const field = frame.getByLabel('Search Klaviyo');
    await field.fill('nobody@example.com');
    await frame.getByRole('button', { name: 'Search' }).click();
    await visible(frame, 'No Klaviyo profile has nobody@example.com.');
    await field.fill('+1 212 555 0199');
    await frame.getByRole('button', { name: 'Search' }).click();
    expect(await text(frame, 'profile-name')).toBe('Jordan Lee');
    await visible(frame, 'Found by your search');
  });

  it('ticket 105: a phone-only requester found by phone, in Seoul time', async () => {
    const frame = await openTicket(105);
    await visible(frame, 'Matched by phone');
    expect(await text(frame, 'local-time')).toContain('Asia/Seoul');
    await frame.getByTestId('thread-message').nth(3).waitFor({ timeout: 20_000 });
    expect(await frame.getByTestId('thread-message').count()).toBe(4);
  });

  it('ticket 106: several matches, the agent picks one and links it; after a reload the link is used', async () => {
    // The user field the setup page creates; without it Zendesk keeps no link (as the real one).
    const created = await fetch(`${suite.workspace.hostOrigin}/api/v2/user_fields.json`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        user_field: { key: 'klaviyo_profile_id', title: 'Klaviyo profile id', type: 'text' },
      }),
    });
    expect(created.ok).toBe(true);
    let frame = await openTicket(106);
    await visible(frame, 'Several Klaviyo profiles match');
    const candidate = frame.getByTestId('candidate').filter({ hasText: '+15035550142' });
    await candidate.getByRole('button').click();
    await frame.getByRole('button', { name: 'Link to this Zendesk user' }).click();
    await visible(frame, 'Linked. Every agent will see this profile for this user.');

    await suite.page.reload();
    frame = await appFrame(suite.page, { ticketId: 106 });
    await visible(frame, 'Linked to this Zendesk user');
    expect(await frame.getByText('Several Klaviyo profiles match').count()).toBe(0);
    await frame.getByText('+15035550142').first().waitFor();
  });

  it('follows a change of requester to the new customer, never showing the old one late', async () => {
    await suite.workspace.control.setKlaviyoLatency(300);
    const frame = await openTicket(101);
    await suite.page.getByTestId('change-requester').selectOption({ value: '1102' });
    // The sidebar may already show Maria (its first read can come before the change); it follows.
    await frame
      .getByTestId('profile-name')
      .filter({ hasText: 'Sven Lindqvist' })
      .first()
      .waitFor({ timeout: 20_000 });
    await suite.page.waitForTimeout(800);
    expect(await text(frame, 'profile-name')).toBe('Sven Lindqvist');
    expect(await frame.getByText('Maria Garcia').count()).toBe(0);
  });

  it('keeps the profile on screen when the events call fails, and offers to try again', async () => {
    await suite.workspace.control.addKlaviyoFault({
      method: 'GET',
      path: '/api/events',
      status: 400,
      times: 1,
    });
    const frame = await openTicket(101);
    expect(await text(frame, 'profile-name')).toBe('Maria Garcia');
    const thread = frame.getByTestId('section-thread');
    await thread.getByRole('alert').waitFor();
    await thread.getByRole('button', { name: 'Try again' }).click();
    await frame.getByTestId('thread-message').first().waitFor({ timeout: 20_000 });
  });

  it('shows the same customer in the user sidebar', async () => {
    await suite.page.goto(`${suite.workspace.hostOrigin}/?user=1105`);
    const frame = await appFrame(suite.page, { location: 'user_sidebar', userId: 1105 });
    await visible(frame, 'Matched by phone');
    expect(await text(frame, 'local-time')).toContain('Asia/Seoul');
  });
});
