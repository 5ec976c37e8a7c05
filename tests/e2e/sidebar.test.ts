/**
 * The agent sidebar in the local workspace, one demo customer per test, asserting what a person
 * sees in the 320 px ticket sidebar.
 */
import type { Frame } from 'playwright-core';
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

async function noSideways(frame: Frame): Promise<boolean> {
  return frame.evaluate(
    () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
  );
}

describe('agent sidebar in the workspace', () => {
  it('ticket 101: a subscriber with a long SMS thread, both sides, labels and orders', async () => {
    const frame = await openTicket(101);
    expect(await text(frame, 'profile-name')).toBe('Maria Garcia');
    await visible(frame, 'Matched by email');
    await visible(frame, 'SMS marketing: Subscribed');
    expect(await text(frame, 'can-text')).toBe('You may text this customer.');
    expect(await text(frame, 'local-time')).toContain('America/Los_Angeles');

    await frame.getByTestId('thread-message').nth(49).waitFor({ timeout: 20_000 });
    expect(await frame.getByTestId('thread-message').count()).toBe(50);
    expect(await frame.locator('[data-direction="inbound"]').count()).toBeGreaterThan(0);
    expect(await frame.locator('[data-direction="outbound"]').count()).toBeGreaterThan(0);
    await visible(frame, 'Campaign: Summer Sale SMS');
    await visible(frame, 'Flow: Abandoned Cart SMS');
    await visible(frame, 'Not delivered: Device Unreachable');

    const firstOrder = await text(frame, 'order');
    expect(firstOrder).toContain('$72.50');
    expect(firstOrder).toContain('Linen Shirt (Sage), Gift Wrap');

    await frame.getByRole('button', { name: 'Load older messages' }).click();
    await frame.getByTestId('thread-message').nth(50).waitFor({ timeout: 20_000 });

    // The iframe grows with its content instead of scrolling inside Zendesk's scroll.
    const iframeHeight = await suite.page
      .locator(appIframeSelector({ ticketId: 101 }))
      .evaluate((el) => el.getBoundingClientRect().height);
    expect(iframeHeight).toBeGreaterThan(2000);
    expect(await noSideways(frame)).toBe(true);

    // Opening the profile's view needs one profile and one events request, no conversations.
    const requests = await suite.workspace.control.klaviyoRequests();
    expect(requests.filter((r) => r.path === '/api/profiles')).toHaveLength(1);
    expect(requests.filter((r) => r.path.includes('conversation'))).toHaveLength(0);
    // Predictive analytics are not part of the view: the agent opens them.
    expect(requests.filter((r) => r.url.includes('predictive'))).toHaveLength(0);
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
    expect(await text(frame, 'profile-name')).toBe('Sven Lindqvist');
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
