/**
 * Auto-link in the workspace: a unique, exact match is written to the Zendesk user once, a link an
 * agent made is never replaced, and a linked revisit asks Klaviyo for the profile by id and for
 * its events together (one round trip, no profile search).
 */
import type { Frame } from 'playwright-core';
import { browserSuite } from './support/suite';

jest.setTimeout(120_000);

const MARIA = '01DEMOMARIA000000000000000';
const JORDAN = '01DEMOJORDAN00000000000000';
const MARIA_USER = 1101;
const WAIT = { timeout: 20_000 };
/** Klaviyo's answer time for the revisit: two requests that wait for each other take twice it. */
const ROUND_TRIP_MS = 400;

const suite = browserSuite({});

interface ProxyEntry {
  at: string;
  method: string;
  url: string;
  target: string;
}

async function zendesk<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${suite.workspace.hostOrigin}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status}`);
  return (await response.json()) as T;
}

/** The user field the setup page creates; without it Zendesk keeps no link. */
async function createProfileField() {
  await zendesk('POST', '/api/v2/user_fields.json', {
    user_field: { key: 'klaviyo_profile_id', title: 'Klaviyo profile id', type: 'text' },
  });
}

async function linkOf(userId: number): Promise<unknown> {
  const { user } = await zendesk<{ user: { user_fields: Record<string, unknown> } }>(
    'GET',
    `/api/v2/users/${userId}.json`,
  );
  return user.user_fields.klaviyo_profile_id ?? null;
}

async function proxied(): Promise<ProxyEntry[]> {
  return (await suite.workspace.control.get<{ requests: ProxyEntry[] }>('/proxy/requests'))
    .requests;
}

const userWrites = (log: ProxyEntry[]) =>
  log.filter((e) => e.method === 'PUT' && e.url.includes(`/api/v2/users/${MARIA_USER}`));

async function profileName(frame: Frame): Promise<string> {
  const name = frame.getByTestId('profile-name').first();
  await name.waitFor(WAIT);
  return (await name.textContent()) ?? '';
}

/** Opens the ticket in a page of its own: a new app iframe, nothing cached, as a new tab does. */
async function openFresh(id: number): Promise<Frame> {
  await suite.page.goto('about:blank');
  return suite.openTicket(id);
}

async function until(check: () => Promise<boolean>, what: string) {
  for (let i = 0; i < 50; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('auto-link', () => {
  it('writes an exact match to the Zendesk user once; the next view goes by id in one round trip', async () => {
    await createProfileField();
    let frame = await suite.openTicket(101);
    expect(await profileName(frame)).toBe('Maria Garcia');
    await frame.getByText('Matched by email').first().waitFor(WAIT);
    await until(async () => (await linkOf(MARIA_USER)) === MARIA, 'the link on user 1101');
    expect(userWrites(await proxied())).toHaveLength(1);

    await suite.workspace.control.delete('/klaviyo/requests');
    await suite.workspace.control.delete('/proxy/requests');
    await suite.workspace.control.setKlaviyoLatency(ROUND_TRIP_MS);
    frame = await openFresh(101);
    expect(await profileName(frame)).toBe('Maria Garcia');
    await frame.getByText('Linked to this Zendesk user').first().waitFor(WAIT);
    await frame.getByTestId('thread-message').first().waitFor(WAIT);
    const requests = await suite.workspace.control.klaviyoRequests();
    expect(requests.filter((r) => r.path === '/api/profiles')).toHaveLength(0);
    expect(requests.filter((r) => r.path === `/api/profiles/${MARIA}`)).toHaveLength(1);
    const log = (await proxied()).filter((e) => e.target === 'klaviyo');
    const byId = log.find((e) => e.url.includes(`/api/profiles/${MARIA}`));
    const events = log.find((e) => e.url.includes('/api/events'));
    expect(byId && events).toBeTruthy();
    // Requested together: the second left before the first one's answer could have come back.
    expect(Math.abs(Date.parse(byId!.at) - Date.parse(events!.at))).toBeLessThan(ROUND_TRIP_MS);
    expect(userWrites(await proxied())).toHaveLength(0);
  });

  it('never replaces a link an agent made', async () => {
    await createProfileField();
    await zendesk('PUT', `/api/v2/users/${MARIA_USER}.json`, {
      user: { user_fields: { klaviyo_profile_id: JORDAN } },
    });
    await suite.workspace.control.delete('/proxy/requests');
    const frame = await suite.openTicket(101);
    expect(await profileName(frame)).toBe('Jordan Lee');
    await frame.getByText('Linked to this Zendesk user').first().waitFor(WAIT);
    await suite.page.waitForTimeout(1_000);
    expect(userWrites(await proxied())).toHaveLength(0);
    expect(await linkOf(MARIA_USER)).toBe(JORDAN);
  });

  it('writes nothing when the admin turned the setting off', async () => {
    await createProfileField();
    await suite.workspace.control.setSettings({ auto_link_profiles: false });
    await suite.workspace.control.delete('/proxy/requests');
    const frame = await suite.openTicket(101);
    expect(await profileName(frame)).toBe('Maria Garcia');
    await frame.getByTestId('thread-message').first().waitFor(WAIT);
    await suite.page.waitForTimeout(1_000);
    expect(userWrites(await proxied())).toHaveLength(0);
    expect(await linkOf(MARIA_USER)).toBeNull();
  });
});
