import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  createKlaviyoStore,
  demoKlaviyoSeed,
  DEMO_IDS,
  klaviyoHandlers,
  type KlaviyoStore,
} from '../../../dev/klaviyo';
import { THREAD_FIRST_SHOWN, THREAD_STEP } from '../../../src/ui/sidebar/parts/useThreadWindow';
import { THREAD_PAGE } from '../../../src/ui/sidebar/sections/ThreadSection';
import SidebarRoot from '../../../src/ui/sidebar/SidebarRoot';
import { TEST_KLAVIYO_KEY } from '../../support/fakeZafClient';
import { agent, renderInZaf } from './support';

// Each test renders the whole sidebar in jsdom (Garden, React Query, MSW): 1–6 s on a busy
// 2-core machine, past Jest's default 5 s.
jest.setTimeout(20_000);

const userUpdates: Array<{ id: string; body: unknown }> = [];
let store: KlaviyoStore;
const server = setupServer();

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  store = createKlaviyoStore(demoKlaviyoSeed());
  userUpdates.length = 0;
  server.resetHandlers(
    ...klaviyoHandlers(store),
    http.put('https://demo.zendesk.com/api/v2/users/:id', async ({ params, request }) => {
      const body = (await request.json()) as { user: { user_fields: Record<string, unknown> } };
      userUpdates.push({ id: String(params.id), body });
      return HttpResponse.json({
        user: { id: Number(params.id), user_fields: body.user.user_fields },
      });
    }),
  );
});
afterEach(() => jest.restoreAllMocks());
afterAll(() => server.close());

type Person = {
  id: number;
  name: string;
  email: string | null;
  phone?: string | null;
  userFields?: Record<string, unknown>;
};

const PEOPLE = {
  maria: {
    id: 1101,
    name: 'Maria Garcia',
    email: 'maria.garcia@example.com',
    phone: '+14155550101',
  },
  sven: { id: 1102, name: 'Sven Lindqvist', email: 'sven.lindqvist@example.se' },
  jordan: { id: 1103, name: 'Jordan Lee', email: 'jordan.lee@example.com', phone: '+12125550199' },
  noa: { id: 1104, name: 'Noa Cohen', email: 'noa.cohen@example.org' },
  phoneOnly: { id: 1105, name: '+82 10-5550-1234', email: null, phone: '+82 10-5550-1234' },
  sam: { id: 1106, name: 'Sam Taylor', email: 'sam.taylor@example.com', phone: '+15035550142' },
} satisfies Record<string, Person>;

function ticket(id: number, requester: Person, tags: string[] = []) {
  return { ticket: { id, tags, brand: { id: 1, name: 'Acme' }, requester } };
}

function klaviyoCalls(path?: string) {
  return store.requests.filter((r) => !path || r.path === path);
}

async function profileShown(name: string) {
  await waitFor(() => expect(screen.getByTestId('profile-name')).toHaveTextContent(name));
}

describe('the agent sidebar', () => {
  it('shows a subscriber with a long SMS thread: profile, consent, local time, both sides, orders', async () => {
    await renderInZaf(<SidebarRoot />, { data: ticket(101, PEOPLE.maria, ['sms']) });
    await profileShown('Maria Garcia');
    expect(screen.getByText('Matched by email')).toBeInTheDocument();
    expect(screen.getByText('SMS marketing: Subscribed')).toBeInTheDocument();
    expect(screen.getByText('SMS transactional: Subscribed')).toBeInTheDocument();
    expect(screen.getByTestId('can-text')).toHaveTextContent('You may text this customer.');
    expect(screen.getByTestId('local-time')).toHaveTextContent('America/Los_Angeles');

    await waitFor(() =>
      expect(screen.getAllByTestId('thread-message')).toHaveLength(THREAD_FIRST_SHOWN),
    );
    const thread = screen.getByTestId('section-thread');
    expect(within(thread).getAllByText(/Customer wrote:/).length).toBeGreaterThan(0);
    expect(within(thread).getAllByText(/We wrote:/).length).toBeGreaterThan(0);
    expect(within(thread).getByText('Not delivered: Device Unreachable')).toBeInTheDocument();
    const messages = screen.getAllByTestId('thread-message');
    expect(messages[messages.length - 1]).toHaveTextContent(
      'Also can you send it to my work address instead?',
    );
    // The marketing texts are a little further up: scrolling up brings them.
    expect(within(thread).queryByText('Campaign: Summer Sale SMS')).not.toBeInTheDocument();
    fireEvent.scroll(screen.getByRole('log', { name: 'SMS conversation, newest at the bottom' }));
    expect(within(thread).getByText('Flow: Abandoned Cart SMS')).toBeInTheDocument();
    expect(within(thread).getByText('Campaign: Summer Sale SMS')).toBeInTheDocument();

    // Cold view: one profile request and one events request, no conversations.
    expect(klaviyoCalls('/api/profiles')).toHaveLength(1);
    expect(klaviyoCalls('/api/events')).toHaveLength(1);
    expect(store.requests.filter((r) => r.path.includes('conversation'))).toHaveLength(0);
    // The key went upstream only.
    expect(document.body.innerHTML).not.toContain(TEST_KLAVIYO_KEY);

    // Her lifetime value and churn risk, once the agent opens them.
    await userEvent.click(
      screen.getByRole('button', { name: 'Show lifetime value and churn risk' }),
    );
    const predictive = await screen.findByTestId('predictive');
    expect(within(predictive).getByText('Historic lifetime value')).toBeInTheDocument();
    expect(within(predictive).getByText('246.5')).toBeInTheDocument();
    expect(within(predictive).getByText('12%')).toBeInTheDocument();
  });

  it('summarises orders and activity in one line each until the agent opens them', async () => {
    await renderInZaf(<SidebarRoot />, { data: ticket(101, PEOPLE.maria, ['sms']) });
    await waitFor(() => expect(screen.getByTestId('orders-summary')).toBeInTheDocument());
    expect(screen.getByTestId('orders-summary')).toHaveTextContent(
      /Latest \$72\.50 on .* \(3 in all\)/,
    );
    expect(screen.queryByTestId('order')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Recent orders' }));
    const orders = screen.getAllByTestId('order');
    expect(orders[0]).toHaveTextContent('$72.50');
    expect(orders[0]).toHaveTextContent('Items (2): Linen Shirt (Sage), Gift Wrap');
    expect(screen.getByTestId('activity-summary')).toHaveTextContent('Latest: Viewed Product');
    await userEvent.click(screen.getByRole('button', { name: 'Recent activity' }));
    expect(screen.getByTestId('section-activity')).toHaveTextContent('Opened Email');
    expect(screen.getByTestId('section-activity')).not.toHaveTextContent('Received SMS');
  });

  it('loads predictive analytics only when the agent asks for them', async () => {
    await renderInZaf(<SidebarRoot />, { data: ticket(101, PEOPLE.maria, ['sms']) });
    await profileShown('Maria Garcia');
    await waitFor(() =>
      expect(screen.getAllByTestId('thread-message')).toHaveLength(THREAD_FIRST_SHOWN),
    );
    const predictiveCalls = () => store.requests.filter((r) => r.url.includes('predictive'));
    // The view asked for nothing predictive: not on the lookup (it would cut the whole account's
    // profile-search limit to 150 a minute) and not on its own.
    expect(predictiveCalls()).toHaveLength(0);
    expect(screen.queryByTestId('predictive')).not.toBeInTheDocument();
    const viewCalls = store.requests.length;

    const show = screen.getByRole('button', { name: 'Show lifetime value and churn risk' });
    expect(show).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(show);
    const predictive = await screen.findByTestId('predictive');
    expect(within(predictive).getByText('Churn risk')).toBeInTheDocument();
    expect(within(predictive).getByText('12%')).toBeInTheDocument();
    expect(store.requests).toHaveLength(viewCalls + 1);
    expect(predictiveCalls().map((r) => [r.method, r.path])).toEqual([
      ['GET', `/api/profiles/${DEMO_IDS.maria}`],
    ]);

    const hide = screen.getByRole('button', { name: 'Hide lifetime value and churn risk' });
    expect(hide).toHaveAttribute('aria-expanded', 'true');
    await userEvent.click(hide);
    expect(screen.queryByTestId('predictive')).not.toBeInTheDocument();
    // Reopened within the hour: shown from the cache, no second request.
    await userEvent.click(
      screen.getByRole('button', { name: 'Show lifetime value and churn risk' }),
    );
    expect(screen.getByTestId('predictive')).toBeInTheDocument();
    expect(store.requests).toHaveLength(viewCalls + 1);
  });

  it('says when Klaviyo has no predictions for the customer yet', async () => {
    await renderInZaf(<SidebarRoot />, { data: ticket(102, PEOPLE.sven) });
    await profileShown('Sven Lindqvist');
    await userEvent.click(
      screen.getByRole('button', { name: 'Show lifetime value and churn risk' }),
    );
    expect(
      await screen.findByText('Klaviyo has no predictions for this customer yet.'),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('predictive')).not.toBeInTheDocument();
  });

  it('explains a failed predictive request and loads the figures on "Try again"', async () => {
    store.faults.push({
      method: 'GET',
      path: `/api/profiles/${DEMO_IDS.maria}`,
      status: 400,
      times: 1,
    });
    await renderInZaf(<SidebarRoot />, { data: ticket(101, PEOPLE.maria) });
    await profileShown('Maria Garcia');
    const section = screen.getByTestId('predictive-disclosure');
    await userEvent.click(
      within(section).getByRole('button', { name: 'Show lifetime value and churn risk' }),
    );
    expect(await within(section).findByRole('alert')).toBeInTheDocument();
    // The rest of the profile is still there.
    expect(screen.getByTestId('profile-name')).toHaveTextContent('Maria Garcia');
    await userEvent.click(within(section).getByRole('button', { name: 'Try again' }));
    expect(await within(section).findByTestId('predictive')).toHaveTextContent('12%');
  });

  it('shows earlier messages as the agent scrolls up, and older ones past the last 50 on request', async () => {
    await renderInZaf(<SidebarRoot />, { data: ticket(101, PEOPLE.maria, ['sms']) });
    await waitFor(() =>
      expect(screen.getAllByTestId('thread-message')).toHaveLength(THREAD_FIRST_SHOWN),
    );
    const log = screen.getByRole('log', { name: 'SMS conversation, newest at the bottom' });
    // Up to the last 50, scrolling to the top is enough.
    for (let shown = THREAD_FIRST_SHOWN; shown < THREAD_PAGE; shown += THREAD_STEP) {
      expect(screen.getAllByTestId('thread-message')).toHaveLength(shown);
      fireEvent.scroll(log);
    }
    expect(screen.getAllByTestId('thread-message')).toHaveLength(THREAD_PAGE);
    fireEvent.scroll(log);
    expect(screen.getAllByTestId('thread-message')).toHaveLength(THREAD_PAGE);
    // Beyond them the agent asks.
    await userEvent.click(screen.getByRole('button', { name: 'Load older messages' }));
    await waitFor(() =>
      expect(screen.getAllByTestId('thread-message').length).toBeGreaterThan(THREAD_PAGE),
    );
    expect(screen.queryByRole('button', { name: 'Load older messages' })).not.toBeInTheDocument();
    fireEvent.scroll(log);
    expect(screen.getAllByTestId('thread-message')[0]).toHaveTextContent(
      "Hi Maria, thanks for your order #4602! We'll text you when it ships.",
    );
  });

  it('says how many earlier messages a press of "Show earlier" adds', async () => {
    await renderInZaf(<SidebarRoot />, { data: ticket(101, PEOPLE.maria, ['sms']) });
    await userEvent.click(
      await screen.findByRole('button', { name: `Show earlier messages (${THREAD_STEP} more)` }),
    );
    expect(screen.getAllByTestId('thread-message')).toHaveLength(THREAD_FIRST_SHOWN + THREAD_STEP);
  });

  it('loads lists and segments only when the agent opens them', async () => {
    await renderInZaf(<SidebarRoot />, { data: ticket(101, PEOPLE.maria) });
    await profileShown('Maria Garcia');
    const header = screen.getByRole('button', { name: 'Lists and segments' });
    expect(header).toHaveAttribute('aria-expanded', 'false');
    const before = store.requests.length;
    await userEvent.click(header);
    await waitFor(() => expect(screen.getByText('Newsletter')).toBeInTheDocument());
    expect(screen.getByText('VIP customers')).toBeInTheDocument();
    expect(store.requests.length).toBeGreaterThan(before);
  });

  it('explains why an email-only customer cannot be texted', async () => {
    await renderInZaf(<SidebarRoot />, { data: ticket(102, PEOPLE.sven) });
    await profileShown('Sven Lindqvist');
    expect(screen.getByText('Email marketing: Subscribed')).toBeInTheDocument();
    expect(screen.getByTestId('can-text')).toHaveTextContent(/Klaviyo has no phone number/);
    expect(await screen.findByText('No text messages with this customer yet.')).toBeInTheDocument();
  });

  it('explains why an unsubscribed customer cannot be texted', async () => {
    await renderInZaf(<SidebarRoot />, { data: ticket(103, PEOPLE.jordan, ['sms']) });
    await profileShown('Jordan Lee');
    expect(screen.getByText('SMS marketing: Unsubscribed')).toBeInTheDocument();
    expect(screen.getByTestId('can-text')).toHaveTextContent(/unsubscribed from SMS/);
  });

  it('finds a phone-only requester by phone number', async () => {
    await renderInZaf(<SidebarRoot />, { data: ticket(105, PEOPLE.phoneOnly, ['sms']) });
    await waitFor(() => expect(screen.getByText('Matched by phone')).toBeInTheDocument());
    expect(screen.getByTestId('local-time')).toHaveTextContent('Asia/Seoul');
    await waitFor(() => expect(screen.getAllByTestId('thread-message')).toHaveLength(4));
  });

  it('shows a clear empty state with a search when no profile matches, and links what is found', async () => {
    await renderInZaf(<SidebarRoot />, { data: ticket(104, PEOPLE.noa) });
    expect(await screen.findByText('No Klaviyo profile')).toBeInTheDocument();
    expect(
      screen.getByText('No Klaviyo profile matches noa.cohen@example.org.'),
    ).toBeInTheDocument();

    const field = screen.getByLabelText('Search Klaviyo');
    await userEvent.type(field, 'not an email');
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(screen.getByText('Enter an email address or a phone number.')).toBeInTheDocument();
    expect(field).toHaveValue('not an email');

    await userEvent.clear(field);
    await userEvent.type(field, 'nobody@example.com');
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(
      await screen.findByText('No Klaviyo profile has nobody@example.com.'),
    ).toBeInTheDocument();

    await userEvent.clear(field);
    await userEvent.type(field, 'sven.lindqvist@example.se');
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));
    await profileShown('Sven Lindqvist');
    expect(screen.getByText('Found by your search')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Link to this Zendesk user' }));
    await waitFor(() =>
      expect(screen.getByText('Linked to this Zendesk user')).toBeInTheDocument(),
    );
    expect(userUpdates).toEqual([
      { id: '1104', body: { user: { user_fields: { klaviyo_profile_id: DEMO_IDS.sven } } } },
    ]);
  });

  it('lets the agent pick one of several matching profiles and link it to the Zendesk user', async () => {
    await renderInZaf(<SidebarRoot />, { data: ticket(106, PEOPLE.sam) });
    expect(await screen.findByText('Several Klaviyo profiles match')).toBeInTheDocument();
    const candidates = screen.getAllByTestId('candidate');
    expect(candidates).toHaveLength(2);
    const phoneProfile = candidates.find((c) => c.textContent?.includes('+15035550142'))!;
    await userEvent.click(within(phoneProfile).getByRole('button', { name: /show the profile/i }));
    await waitFor(() => expect(screen.getByTestId('profile-name')).toBeInTheDocument());

    await userEvent.click(screen.getByRole('button', { name: 'Link to this Zendesk user' }));
    expect(
      await screen.findByText('Linked. Every agent will see this profile for this user.'),
    ).toBeInTheDocument();
    expect(userUpdates[0]).toEqual({
      id: '1106',
      body: { user: { user_fields: { klaviyo_profile_id: DEMO_IDS.samPhone } } },
    });
  });

  it('uses a linked profile id first, fetching the profile and its events together', async () => {
    store.faults.push({
      method: 'GET',
      path: `/api/profiles/${DEMO_IDS.samPhone}`,
      delayMs: 400,
      times: 1,
    });
    await renderInZaf(<SidebarRoot />, {
      data: ticket(106, { ...PEOPLE.sam, userFields: { klaviyo_profile_id: DEMO_IDS.samPhone } }),
    });
    // The events request goes out while the (slow) profile is still on its way.
    await waitFor(() => expect(klaviyoCalls('/api/events')).toHaveLength(1));
    expect(screen.queryByTestId('profile-name')).not.toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByText('Linked to this Zendesk user')).toBeInTheDocument(),
    );
    // No search by email or phone: the link decides, so the two Sam profiles are not offered.
    expect(klaviyoCalls('/api/profiles')).toHaveLength(0);
    expect(klaviyoCalls(`/api/profiles/${DEMO_IDS.samPhone}`)).toHaveLength(1);
    expect(klaviyoCalls('/api/events')).toHaveLength(1);
    expect(screen.queryByText('Several Klaviyo profiles match')).not.toBeInTheDocument();
  });

  it('still shows the profile when the events call fails, with a retry that works', async () => {
    store.faults.push({ method: 'GET', path: '/api/events', status: 400, times: 1 });
    await renderInZaf(<SidebarRoot />, { data: ticket(101, PEOPLE.maria) });
    await profileShown('Maria Garcia');
    const thread = screen.getByTestId('section-thread');
    await waitFor(() => expect(within(thread).getByRole('alert')).toBeInTheDocument());
    expect(screen.getByText('SMS marketing: Subscribed')).toBeInTheDocument();
    await userEvent.click(within(thread).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getAllByTestId('thread-message').length).toBeGreaterThan(0));
  });

  it('tells an admin how to fix a refused key and an agent whom to ask', async () => {
    store.faults.push({ method: 'GET', path: '/api/profiles', status: 401, times: 1 });
    const admin = await renderInZaf(<SidebarRoot />, { data: ticket(101, PEOPLE.maria) });
    expect(await screen.findByText('Klaviyo refused the API key')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(/Admin Center/);
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
    admin.unmount();

    store.faults.push({ method: 'GET', path: '/api/profiles', status: 401, times: 1 });
    await renderInZaf(<SidebarRoot />, {
      data: { ...ticket(101, PEOPLE.maria), currentUser: agent('agent') },
    });
    expect(await screen.findByText('Klaviyo refused the API key')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Ask your Zendesk admin');
    expect(screen.getByRole('alert')).not.toHaveTextContent(/Admin Center/);
  });

  it('names the scope a key is missing', async () => {
    store.grantedScopes = new Set(['profiles:read', 'accounts:read', 'metrics:read']);
    await renderInZaf(<SidebarRoot />, { data: ticket(101, PEOPLE.maria) });
    await profileShown('Maria Garcia');
    const thread = screen.getByTestId('section-thread');
    await waitFor(() => expect(within(thread).getByRole('alert')).toHaveTextContent('events:read'));
  });

  it('says when Klaviyo cannot be reached and offers to try again', async () => {
    store.faults.push({ method: 'GET', path: '/api/profiles', networkError: true, times: 3 });
    await renderInZaf(<SidebarRoot />, { data: ticket(101, PEOPLE.maria) });
    expect(
      await screen.findByText('Klaviyo could not be reached', {}, { timeout: 5000 }),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await profileShown('Maria Garcia');
  });

  it('keeps showing cached data on a 429 during refresh and says when it retries', async () => {
    const view = await renderInZaf(<SidebarRoot />, { data: ticket(101, PEOPLE.maria) });
    await waitFor(() =>
      expect(screen.getAllByTestId('thread-message')).toHaveLength(THREAD_FIRST_SHOWN),
    );
    store.faults.push({
      method: 'GET',
      path: '/api/profiles',
      status: 429,
      retryAfter: 120,
      times: 5,
    });
    store.faults.push({
      method: 'GET',
      path: '/api/events',
      status: 429,
      retryAfter: 120,
      times: 5,
    });
    // The agent comes back after the data went stale.
    const later = Date.now() + 5 * 60_000;
    jest.spyOn(Date, 'now').mockImplementation(() => later);
    await act(async () => {
      await view.client.emit('app.activated');
    });
    await waitFor(() =>
      expect(
        screen.getAllByText(/Showing saved data\. Klaviyo is busy; retrying at \d/).length,
      ).toBeGreaterThan(0),
    );
    expect(screen.getByTestId('profile-name')).toHaveTextContent('Maria Garcia');
    expect(screen.getAllByTestId('thread-message')).toHaveLength(THREAD_FIRST_SHOWN);
  });

  it('asks Klaviyo nothing when the app is activated again while its data is fresh', async () => {
    const view = await renderInZaf(<SidebarRoot />, { data: ticket(101, PEOPLE.maria) });
    await waitFor(() =>
      expect(screen.getAllByTestId('thread-message')).toHaveLength(THREAD_FIRST_SHOWN),
    );
    const before = {
      profiles: klaviyoCalls('/api/profiles').length,
      events: klaviyoCalls('/api/events').length,
    };
    await act(async () => {
      await view.client.emit('app.activated', { firstLoad: true });
      await view.client.emit('app.activated', { firstLoad: false });
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(klaviyoCalls('/api/profiles')).toHaveLength(before.profiles);
    expect(klaviyoCalls('/api/events')).toHaveLength(before.events);
    expect(screen.getByTestId('profile-name')).toHaveTextContent('Maria Garcia');
  });

  it('refreshes stale data in the background when the app is activated again, keeping what is shown', async () => {
    const view = await renderInZaf(<SidebarRoot />, { data: ticket(101, PEOPLE.maria) });
    await waitFor(() =>
      expect(screen.getAllByTestId('thread-message')).toHaveLength(THREAD_FIRST_SHOWN),
    );
    const before = klaviyoCalls('/api/events').length;
    // Coming back to the ticket five minutes later refreshes.
    const later = Date.now() + 5 * 60_000;
    jest.spyOn(Date, 'now').mockImplementation(() => later);
    await act(async () => {
      await view.client.emit('app.activated', { firstLoad: false });
    });
    expect(screen.getByTestId('profile-name')).toHaveTextContent('Maria Garcia');
    await waitFor(() => expect(klaviyoCalls('/api/events').length).toBe(before + 1));
  });

  it('never shows a late answer for the previous requester after the requester changed', async () => {
    store.faults.push({ method: 'GET', path: '/api/profiles', delayMs: 400, times: 1 });
    const view = await renderInZaf(<SidebarRoot />, { data: ticket(101, PEOPLE.maria) });
    await waitFor(() => expect(klaviyoCalls('/api/profiles')).toHaveLength(1));
    // The requester changes while Maria's lookup is still on its way.
    Object.assign(view.client.data, ticket(101, PEOPLE.sven));
    await act(async () => {
      await view.client.emit('ticket.requester.email.changed');
    });
    await profileShown('Sven Lindqvist');
    await new Promise((r) => setTimeout(r, 600));
    expect(screen.getByTestId('profile-name')).toHaveTextContent('Sven Lindqvist');
    expect(screen.queryByText('Maria Garcia')).not.toBeInTheDocument();
  });

  it('asks for a requester on a new ticket without one', async () => {
    await renderInZaf(<SidebarRoot />, {
      data: { ticket: { id: null, tags: [] } },
      context: { location: 'new_ticket_sidebar' },
    });
    expect(
      await screen.findByText('Add a requester to the ticket to see their Klaviyo profile.'),
    ).toBeInTheDocument();
  });

  it('reads the user in the user sidebar', async () => {
    await renderInZaf(<SidebarRoot />, {
      data: { user: PEOPLE.jordan },
      context: { location: 'user_sidebar' },
    });
    await profileShown('Jordan Lee');
    expect(screen.getByTestId('sidebar-root')).toHaveAttribute('data-location', 'user_sidebar');
  });

  it('lets the agent reach every control with the keyboard', async () => {
    await renderInZaf(<SidebarRoot />, { data: ticket(101, PEOPLE.maria) });
    await waitFor(() =>
      expect(screen.getAllByTestId('thread-message')).toHaveLength(THREAD_FIRST_SHOWN),
    );
    const reached: string[] = [];
    for (let i = 0; i < 40; i++) {
      await userEvent.tab();
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) break;
      reached.push(el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.tagName);
    }
    expect(reached).toEqual(
      expect.arrayContaining([
        'Refresh',
        expect.stringContaining('Open profile in Klaviyo'),
        'SMS conversation, newest at the bottom',
        `Show earlier messages (${THREAD_STEP} more)`,
        'Recent orders',
        'Recent activity',
        'Lists and segments',
      ]),
    );
  });

  it('says when it will try again when Klaviyo is busy and nothing is cached yet', async () => {
    store.faults.push({
      method: 'GET',
      path: '/api/profiles',
      status: 429,
      retryAfter: 90,
      times: 1,
    });
    await renderInZaf(<SidebarRoot />, { data: ticket(101, PEOPLE.maria) });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Klaviyo is busy');
    const expected = new Date(Date.now() + 90_000).toLocaleTimeString('en-US', {
      hour: 'numeric',
      minute: '2-digit',
    });
    expect(alert).toHaveTextContent(`retrying at ${expected}`);
    expect(klaviyoCalls('/api/profiles')).toHaveLength(1);
  });

  it('refreshes when the agent asks', async () => {
    await renderInZaf(<SidebarRoot />, { data: ticket(101, PEOPLE.maria) });
    await waitFor(() =>
      expect(screen.getAllByTestId('thread-message')).toHaveLength(THREAD_FIRST_SHOWN),
    );
    const before = klaviyoCalls('/api/profiles').length;
    await userEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(klaviyoCalls('/api/profiles')).toHaveLength(before + 1));
    expect(screen.getByTestId('profile-name')).toHaveTextContent('Maria Garcia');
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Refresh' })).toBeInTheDocument(),
    );
  });
});
